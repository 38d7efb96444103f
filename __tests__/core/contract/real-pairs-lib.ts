/**
 * Pairs of real published descriptions (dev dependencies, installed from npm under
 * aliases): GitHub's REST and webhooks OpenAPI descriptions, its GraphQL schema, Google's
 * protos. Each pair runs through the engine and through the independent tool for its
 * kind (oasdiff, @graphql-inspector/core, buf), and the verdicts are laid side by side.
 * Shared by real-pairs-oracle.test.ts, which asserts, and scripts/contract-oracle-table.mjs
 * (`real`), which prints the table for docs/contract-coverage.md.
 */
import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { diff as inspectorDiff } from '@graphql-inspector/core'
import { buildSchema } from 'graphql'
import type { ContractChange } from '../../../src/core/contract/change.js'
import { classifyGraphql } from '../../../src/core/contract/graphql.js'
import { classifyOpenApi, type OpenApiDocument } from '../../../src/core/contract/openapi/index.js'
import { classifyProtobuf, type ProtoFile } from '../../../src/core/contract/protobuf.js'
import { readContractDocument } from '../../../src/core/contract/read-document.js'

const MODULES = join(process.cwd(), 'node_modules')

export type Kind = 'openapi' | 'graphql' | 'protobuf'

export interface RealPair {
  readonly name: string
  readonly kind: Kind
  /** Files (openapi, graphql) or a proto folder (protobuf), under node_modules. */
  readonly before: string
  readonly after: string
  /** Protobuf: the folder of the package root (where `google/` is) on each side. */
  readonly protoRoots?: readonly [string, string]
  /** Why the verdicts differ, when they do by design: the test holds the pair to it. */
  readonly exception?: { readonly engine: Verdict; readonly oracle: Verdict; readonly why: string }
}

/** breaking / not breaking, or refused (the description cannot be read). */
export type Verdict = 'breaking' | 'not breaking' | 'refused'

export interface Side {
  readonly verdict: Verdict
  /** Findings by level: breaking / dangerous / compatible (ERR / WARN / INFO for oasdiff). */
  readonly counts: readonly [number, number, number]
  readonly seconds: number
  readonly error?: string
}

export interface PairResult {
  readonly pair: RealPair
  readonly engine: Side
  readonly oracle: Side
  /** Oracle findings at the top level whose id the engine reports at the top level too (same rule name). */
  readonly sharedRules: number
}

const REST = (version: string, file: string) => `octokit-openapi-${version}/generated/${file}`
const HOOKS = (version: string, file: string) =>
  `octokit-openapi-webhooks-${version}/generated/${file}`
const GRAPHQL = (version: string) => `octokit-graphql-schema-${version}/schema.graphql`
const PROTO_ROOTS: readonly [string, string] = [
  'google-proto-files-4.2.0',
  'google-proto-files-5.0.3'
]

export const REAL_PAIRS: readonly RealPair[] = [
  {
    name: 'GitHub REST 22.0.0 → 23.0.0 (api.github.com)',
    kind: 'openapi',
    before: REST('22', 'api.github.com.json'),
    after: REST('23', 'api.github.com.json')
  },
  {
    name: 'GitHub Enterprise Server 3.17 → 3.18 (REST 23.0.0)',
    kind: 'openapi',
    before: REST('23', 'ghes-3.17.json'),
    after: REST('23', 'ghes-3.18.json')
  },
  {
    name: 'GitHub Enterprise Server 3.18 → 3.19 (REST 23.0.0)',
    kind: 'openapi',
    before: REST('23', 'ghes-3.18.json'),
    after: REST('23', 'ghes-3.19.json')
  },
  {
    name: 'GitHub webhooks 12.0.3 → 12.1.0 (api.github.com)',
    kind: 'openapi',
    before: HOOKS('12.0.3', 'api.github.com.json'),
    after: HOOKS('12.1.0', 'api.github.com.json')
  },
  {
    name: 'GitHub webhooks GHES 3.18 → 3.19 (12.1.0)',
    kind: 'openapi',
    before: HOOKS('12.1.0', 'ghes-3.18.json'),
    after: HOOKS('12.1.0', 'ghes-3.19.json'),
    exception: {
      engine: 'not breaking',
      oracle: 'breaking',
      why:
        'The two alternatives of the pull-request-review-requested and -review-request-removed payloads are ' +
        'the same text on both sides; a schema they refer to gained optional ' +
        'properties. oasdiff reads a changed alternative as removed (ERR ' +
        'request-body-one-of-removed, in its request reading of a payload); the ' +
        'engine matches the alternatives by content and finds 19 optional payload ' +
        'properties added, which no receiver can break on.'
    }
  },
  {
    name: 'GitHub GraphQL 15.24.0 → 15.25.0',
    kind: 'graphql',
    before: GRAPHQL('15.24.0'),
    after: GRAPHQL('15.25.0')
  },
  {
    name: 'GitHub GraphQL 15.25.0 → 15.26.1',
    kind: 'graphql',
    before: GRAPHQL('15.25.0'),
    after: GRAPHQL('15.26.1'),
    exception: {
      engine: 'refused',
      oracle: 'refused',
      why:
        '15.26.1 defines EnterpriseOwnerInfo.repositoryDeployKeySetting twice: no schema can be built from ' +
        'it, and both refuse it.'
    }
  },
  ...[
    'google/ads/admanager/v1',
    'google/storage/v2',
    'google/pubsub/v1',
    'google/cloud/kms/v1',
    'google/firestore/v1',
    'google/spanner/v1',
    'google/cloud/bigquery/storage/v1',
    'google/cloud/run/v2'
  ].map((folder): RealPair => ({
    name: `google-proto-files 4.2.0 → 5.0.3 (${folder})`,
    kind: 'protobuf',
    before: folder,
    after: folder,
    protoRoots: PROTO_ROOTS
  }))
]

const NOW = new Date('2026-12-06T00:00:00Z')

function timed<T>(run: () => T): [T, number] {
  const started = performance.now()
  const value = run()
  return [value, (performance.now() - started) / 1000]
}

async function timedAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await run()
  return [value, (performance.now() - started) / 1000]
}

function side(
  verdict: Verdict,
  counts: readonly [number, number, number],
  seconds: number,
  error?: string
): Side {
  return error === undefined ? { verdict, counts, seconds } : { verdict, counts, seconds, error }
}

function engineSide(changes: readonly ContractChange[], seconds: number): Side {
  const count = (severity: string) =>
    changes.filter((change) => change.severity === severity).length
  return side(
    count('breaking') > 0 ? 'breaking' : 'not breaking',
    [count('breaking'), count('dangerous'), count('compatible')],
    seconds
  )
}

function run(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; okCodes?: readonly number[] } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { maxBuffer: 512 * 1024 * 1024, env: options.env ?? process.env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code =
          error === null
            ? 0
            : typeof (error as { code?: unknown }).code === 'number'
              ? (error as { code: number }).code
              : -1
        if (code !== 0 && !(options.okCodes ?? []).includes(code))
          reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`))
        else resolve({ code, stdout, stderr })
      }
    )
  })
}

async function openApiPair(pair: RealPair): Promise<PairResult> {
  const before = join(MODULES, pair.before)
  const after = join(MODULES, pair.after)
  const [changes, seconds] = timed(() =>
    classifyOpenApi(
      readContractDocument(pair.before, readFileSync(before, 'utf8')).value as OpenApiDocument,
      readContractDocument(pair.after, readFileSync(after, 'utf8')).value as OpenApiDocument,
      {
        file: pair.after,
        now: NOW
      }
    )
  )
  const [out, oracleSeconds] = await timedAsync(() =>
    run(join(MODULES, '.bin', 'oasdiff'), [
      'changelog',
      before,
      after,
      '-f',
      'json',
      '--allow-external-refs=false'
    ])
  )
  const found = (JSON.parse(out.stdout || '[]') ?? []) as { id: string; level: number }[]
  const level = (n: number) => found.filter((change) => change.level === n).length
  const engineIds = new Set(changes.map((change) => change.rule))
  return {
    pair,
    engine: engineSide(changes, seconds),
    oracle: side(
      level(3) > 0 ? 'breaking' : 'not breaking',
      [level(3), level(2), level(1)],
      oracleSeconds
    ),
    sharedRules: found.filter((change) => engineIds.has(change.id)).length
  }
}

async function graphqlPair(pair: RealPair): Promise<PairResult> {
  const before = readFileSync(join(MODULES, pair.before), 'utf8')
  const after = readFileSync(join(MODULES, pair.after), 'utf8')
  let engine: Side
  let ids = new Set<string>()
  const started = performance.now()
  try {
    const changes = await classifyGraphql(before, after, { file: 'schema.graphql' })
    ids = new Set(changes.map((change) => change.rule.replace(/^graphql:/, '')))
    engine = engineSide(changes, (performance.now() - started) / 1000)
  } catch (error) {
    engine = side(
      'refused',
      [0, 0, 0],
      (performance.now() - started) / 1000,
      (error as Error).message
    )
  }
  let oracle: Side
  let shared = 0
  const oracleStarted = performance.now()
  try {
    const found = await inspectorDiff(buildSchema(before), buildSchema(after))
    const level = (name: string) =>
      found.filter((change) => change.criticality.level === name).length
    oracle = side(
      level('BREAKING') > 0 ? 'breaking' : 'not breaking',
      [level('BREAKING'), level('DANGEROUS'), level('NON_BREAKING')],
      (performance.now() - oracleStarted) / 1000
    )
    shared = found.filter((change) => ids.has(change.type)).length
  } catch (error) {
    oracle = side(
      'refused',
      [0, 0, 0],
      (performance.now() - oracleStarted) / 1000,
      (error as Error).message.split('\n')[0]
    )
  }
  return { pair, engine, oracle, sharedRules: shared }
}

/**
 * The .proto files a folder needs: its own and everything they import, found under the package root
 * (well-known types are built in).
 */
function protoClosure(root: string, start: readonly string[]): Map<string, string> {
  const files = new Map<string, string>()
  const pending = [...start]
  while (pending.length > 0) {
    const path = pending.pop() as string
    if (files.has(path) || path.startsWith('google/protobuf/')) continue
    const full = join(root, path)
    if (!existsSync(full)) continue
    const text = readFileSync(full, 'utf8')
    files.set(path, text)
    for (const match of text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm))
      pending.push(match[1] as string)
  }
  return files
}

/** The .proto files directly in `folder` (relative to the package root), as import paths. */
function protoFolder(root: string, folder: string): string[] {
  const dir = join(root, folder)
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.proto'))
        .map((name) => `${folder}/${name}`)
    : []
}

/** buf's rules for the engine's scope: WIRE_JSON, and the deletions the engine adds to it (see protobuf.ts). */
const BUF_YAML =
  'version: v2\nbreaking:\n  use:\n    - WIRE_JSON\n    - RPC_NO_DELETE\n    - PACKAGE_MESSAGE_NO_DELETE\n    ' +
  '- PACKAGE_ENUM_NO_DELETE\n    - PACKAGE_SERVICE_NO_DELETE\n'

async function protobufPair(pair: RealPair): Promise<PairResult> {
  const [beforeRoot, afterRoot] = (pair.protoRoots as readonly [string, string]).map((root) =>
    join(MODULES, root)
  ) as [string, string]
  // One set of paths on both sides, so a dependency present on one side only is no deletion.
  const starts = [
    ...new Set([...protoFolder(beforeRoot, pair.before), ...protoFolder(afterRoot, pair.after)])
  ]
  let beforeFiles = protoClosure(beforeRoot, starts)
  let afterFiles = protoClosure(afterRoot, starts)
  const all = [...new Set([...beforeFiles.keys(), ...afterFiles.keys()])]
  beforeFiles = protoClosure(beforeRoot, all)
  afterFiles = protoClosure(afterRoot, all)
  const asFiles = (files: Map<string, string>): ProtoFile[] =>
    [...files].map(([path, text]) => ({ path, text })).sort((a, b) => a.path.localeCompare(b.path))
  let engine: Side
  let ids = new Set<string>()
  const started = performance.now()
  try {
    const changes = classifyProtobuf(asFiles(beforeFiles), asFiles(afterFiles))
    ids = new Set(changes.map((change) => change.rule))
    engine = engineSide(changes, (performance.now() - started) / 1000)
  } catch (error) {
    engine = side(
      'refused',
      [0, 0, 0],
      (performance.now() - started) / 1000,
      (error as Error).message
    )
  }
  const work = mkdtempSync(join(tmpdir(), 'real-proto-'))
  try {
    for (const [name, files] of [
      ['before', beforeFiles],
      ['after', afterFiles]
    ] as const) {
      for (const [path, text] of files) {
        mkdirSync(dirname(join(work, name, path)), { recursive: true })
        writeFileSync(join(work, name, path), text)
      }
      writeFileSync(join(work, name, 'buf.yaml'), BUF_YAML)
    }
    const oracleStarted = performance.now()
    const out = await run(
      join(MODULES, '.bin', 'buf'),
      [
        'breaking',
        join(work, 'after'),
        '--against',
        join(work, 'before'),
        '--error-format',
        'json'
      ],
      {
        env: { ...process.env, BUF_CACHE_DIR: join(work, 'cache') },
        okCodes: [100]
      }
    )
    const found = out.stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { type: string }).type)
    const oracle = side(
      found.length > 0 ? 'breaking' : 'not breaking',
      [found.length, 0, 0],
      (performance.now() - oracleStarted) / 1000
    )
    return { pair, engine, oracle, sharedRules: found.filter((id) => ids.has(id)).length }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function runPair(pair: RealPair): Promise<PairResult> {
  if (pair.kind === 'openapi') return openApiPair(pair)
  if (pair.kind === 'graphql') return graphqlPair(pair)
  return protobufPair(pair)
}

/** Runs the pairs two at a time (the machine has two cores; the oracles are separate processes or async). */
export async function runPairs(pairs: readonly RealPair[] = REAL_PAIRS): Promise<PairResult[]> {
  const results: PairResult[] = new Array(pairs.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < pairs.length) {
      const index = next++
      results[index] = await runPair(pairs[index] as RealPair)
    }
  }
  await Promise.all([worker(), worker()])
  return results
}

export function agrees(result: PairResult): boolean {
  return result.engine.verdict === result.oracle.verdict
}

const ORACLE: Readonly<Record<Kind, string>> = {
  openapi: 'oasdiff 1.15.0',
  graphql: 'graphql-inspector 8',
  protobuf: 'buf 1.75 (WIRE_JSON + deletions)'
}

export function agreementTable(results: readonly PairResult[]): string {
  const counts = (side: Side, labels: readonly [string, string, string]) =>
    side.verdict === 'refused'
      ? 'refused'
      : side.counts.map((n, i) => `${n} ${labels[i]}`).join(', ')
  const rows = results.map((r) => {
    const labels: [string, string, string] =
      r.pair.kind === 'openapi'
        ? ['ERR', 'WARN', 'INFO']
        : r.pair.kind === 'graphql'
          ? ['breaking', 'dangerous', 'safe']
          : ['breaking', '', '']
    const oracle =
      r.pair.kind === 'protobuf'
        ? r.oracle.verdict === 'refused'
          ? 'refused'
          : `${r.oracle.counts[0]} breaking`
        : counts(r.oracle, labels)
    const verdict = agrees(r) ? 'yes' : `no${r.pair.exception ? ' (documented)' : ''}`
    return `| ${r.pair.name} | ${ORACLE[r.pair.kind]} | ${r.engine.verdict} (${counts(r.engine, ['breaking', 'dangerous', 'compatible'])}) | ${r.oracle.verdict} (${oracle}) | ${verdict} | ${r.sharedRules} |`
  })
  const agreeing = results.filter(agrees).length
  return [
    `${results.length} pairs; the verdicts (breaking or not, or both refusing) agree on ${agreeing}.`,
    '',
    '| pair | oracle | engine: verdict (findings) | oracle: verdict (findings) | same verdict | oracle ' +
      'findings whose rule id the engine reports too |',
    '|---|---|---|---|---|---|',
    ...rows
  ].join('\n')
}
