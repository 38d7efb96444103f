/**
 * The protobuf engine against buf, the reference for proto compatibility. Each case of
 * __fixtures__/contracts/protobuf/<case>/ holds a before/ and an after/ tree of .proto files
 * and an expected.json (the engine's changes as "<severity> <RULE>", and what the case is
 * about). Every case runs through the engine and through `buf breaking` with the WIRE_JSON
 * category; the test fails when buf reports a break the engine does not call breaking,
 * and when the engine's changes are not the expected ones (so it cannot pass by saying
 * nothing). Set PROTOBUF_ORACLE_TABLE=<file> to write the agreement table as markdown.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { classifyProtobuf, type ProtoFile } from '../../../src/core/contract/protobuf.js'
import type { ContractChange } from '../../../src/core/contract/change.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

const ROOT = path.resolve('__fixtures__/contracts/protobuf')
const BUF = path.resolve('node_modules/.bin/buf')
const BUF_YAML = 'version: v2\nbreaking:\n  use:\n    - WIRE_JSON\n'
const CASES = fs
  .readdirSync(ROOT)
  .filter((name) => fs.statSync(path.join(ROOT, name)).isDirectory())
  .sort()

interface Expected {
  readonly note: string
  readonly changes: readonly string[]
}

function readProtos(dir: string): ProtoFile[] {
  const files: ProtoFile[] = []
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.proto'))
        files.push({
          path: path.relative(dir, full).split(path.sep).join('/'),
          text: fs.readFileSync(full, 'utf8')
        })
    }
  }
  walk(dir)
  return files.sort((a, b) => a.path.localeCompare(b.path))
}

const run = promisify(execFile)

/** buf's WIRE_JSON findings for one case: the rule ids, one per finding. */
async function bufBreaking(name: string, cache: string): Promise<string[]> {
  const work = tempDir('artifact-seal-buf-')
  for (const side of ['before', 'after']) {
    fs.cpSync(path.join(ROOT, name, side), path.join(work, side), { recursive: true })
    fs.writeFileSync(path.join(work, side, 'buf.yaml'), BUF_YAML)
  }
  let stdout = ''
  try {
    stdout = (
      await run(
        BUF,
        [
          'breaking',
          path.join(work, 'after'),
          '--against',
          path.join(work, 'before'),
          '--error-format',
          'json'
        ],
        {
          env: { ...process.env, BUF_CACHE_DIR: cache },
          encoding: 'utf8'
        }
      )
    ).stdout
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    // 100 is buf's "breaking changes found"; anything else means buf could not judge the case.
    if (failed.code !== 100)
      throw new Error(`buf failed on ${name} (exit ${failed.code}): ${failed.stderr ?? ''}`, {
        cause: error
      })
    stdout = failed.stdout ?? ''
  }
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { type: string }).type)
    .sort()
}

/** Runs `jobs` two at a time: the machine has two cores and buf compiles both trees each time. */
async function inPairs<T>(
  items: readonly string[],
  job: (item: string) => Promise<T>
): Promise<Map<string, T>> {
  const results = new Map<string, T>()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as string
      results.set(item, await job(item))
    }
  }
  await Promise.all([worker(), worker()])
  return results
}

interface Row {
  readonly name: string
  readonly buf: readonly string[]
  readonly engine: readonly ContractChange[]
}

function agreementTable(rows: readonly Row[]): string {
  const lines = [
    '| Case | buf WIRE_JSON | Engine: breaking | Engine: dangerous / compatible | Agree |',
    '|---|---|---|---|---|'
  ]
  let agree = 0
  let stricter = 0
  for (const row of rows) {
    const breaking = row.engine.filter((c) => c.severity === 'breaking').map((c) => c.rule)
    const other = row.engine
      .filter((c) => c.severity !== 'breaking')
      .map((c) => `${c.rule} (${c.severity})`)
    const bufBreaks = row.buf.length > 0
    const engineBreaks = breaking.length > 0
    const verdict = bufBreaks === engineBreaks ? 'yes' : engineBreaks ? 'engine stricter' : '**NO**'
    if (verdict === 'yes') agree++
    else if (engineBreaks) stricter++
    const list = (xs: readonly string[]): string =>
      xs.length === 0 ? '—' : [...new Set(xs)].join(', ')
    lines.push(
      `| ${row.name} | ${list(row.buf)} | ${list(breaking)} | ${list(other)} | ${verdict} |`
    )
  }
  lines.push(
    '',
    `${rows.length} cases: ${agree} agree on breaking or not, ${stricter} breaking for the engine only, ${rows.length - agree - stricter} missed.`
  )
  return `${lines.join('\n')}\n`
}

const bufResults = new Map<string, string[]>()
const rows: Row[] = []

beforeAll(async () => {
  const cache = tempDir('artifact-seal-buf-cache-')
  for (const [name, rules] of await inPairs(CASES, (name) => bufBreaking(name, cache)))
    bufResults.set(name, rules)
}, 180_000)

afterAll(() => {
  const target = process.env['PROTOBUF_ORACLE_TABLE']
  if (target)
    fs.writeFileSync(target, agreementTable([...rows].sort((a, b) => a.name.localeCompare(b.name))))
  removeAll()
})

describe('protobuf engine against buf (WIRE_JSON)', () => {
  it('has a corpus worth the name', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25)
  })

  it.each(CASES)('%s', (name) => {
    const expected = JSON.parse(
      fs.readFileSync(path.join(ROOT, name, 'expected.json'), 'utf8')
    ) as Expected
    const changes = classifyProtobuf(
      readProtos(path.join(ROOT, name, 'before')),
      readProtos(path.join(ROOT, name, 'after'))
    )
    const buf = bufResults.get(name)
    if (buf === undefined) throw new Error(`buf did not run on ${name}`)
    rows.push({ name, buf, engine: changes })

    if (buf.length > 0) {
      expect({ name, buf, engineBreaking: changes.some((c) => c.severity === 'breaking') }).toEqual(
        { name, buf, engineBreaking: true }
      )
    }
    expect(changes.map((c) => `${c.severity} ${c.rule}`).sort()).toEqual(
      [...expected.changes].sort()
    )
    for (const change of changes) {
      expect(change.kind).toBe('protobuf')
      expect(change.message.length).toBeGreaterThan(10)
      if (change.rule.startsWith('RPC_')) expect(change.operation).toMatch(/^[\w.]+\/\w+$/)
    }
  })
})
