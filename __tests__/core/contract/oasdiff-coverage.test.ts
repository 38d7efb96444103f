/**
 * docs/contract-coverage.md lists every oasdiff check at ERR and WARN with how the engine
 * covers it. This test holds the table to the oasdiff binary (a check added to or removed
 * from oasdiff, or a level changed, fails it) and to the engine (a row that says the engine
 * reports an id it has no rule for, or at a milder level, fails it; so does a covered rule
 * family that no corpus case exercises), and checks the summary figures against the rows.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Severity } from '../../../src/core/contract/change.js'
import { RULES } from '../../../src/core/contract/openapi/index.js'
import { SCHEMA_PLACES } from '../../../src/core/contract/openapi/rules.js'
import { loadCases, runEngine } from './openapi-oracle-lib.js'

interface Check {
  readonly id: string
  readonly level: 'error' | 'warning' | 'info'
}

interface Row {
  readonly id: string
  readonly level: string
  readonly coverage: string
  readonly engine: readonly string[]
  readonly why: string
}

const DOC = join(process.cwd(), 'docs', 'contract-coverage.md')
const LEVEL: Readonly<Record<string, string>> = { error: 'ERR', warning: 'WARN' }
const AT_LEAST: Readonly<Record<string, readonly Severity[]>> = {
  ERR: ['breaking'],
  WARN: ['dangerous', 'breaking']
}
const COVERAGES = ['same id', 'stricter', 'other id', 'configured only', 'not covered']

let checks: Check[] = []
let rows: Row[] = []
const text = readFileSync(DOC, 'utf8')

beforeAll(() => {
  const binary = join(process.cwd(), 'node_modules', '.bin', 'oasdiff')
  checks = (
    JSON.parse(execFileSync(binary, ['checks', '-f', 'json'], { encoding: 'utf8' })) as Check[]
  ).filter((check) => check.level !== 'info')
  rows = text
    .split('\n')
    .filter((line) => /^\| `[^`]+` \| (ERR|WARN) \|/.test(line))
    .map((line) => {
      const cells = line.split(' | ')
      const [id, level, coverage, engine] = cells.map((cell) => cell.replace(/^\| /, '').trim())
      return {
        id: (id as string).replaceAll('`', ''),
        level: level as string,
        coverage: coverage as string,
        engine: [...(engine as string).matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
        why: cells.slice(4).join(' | ').replace(/ \|$/, '').trim()
      }
    })
})

/**
 * A rule id without its place (`request-body-…`, `response-property-…`): the family one mechanism
 * emits for every place.
 */
function family(id: string): string {
  const place = SCHEMA_PLACES.find((p) => id.startsWith(`${p}-`))
  return place === undefined ? id : `*-${id.slice(place.length + 1)}`
}

describe('docs/contract-coverage.md against oasdiff', () => {
  it('has one row per oasdiff check at ERR and WARN, at its level, and no other', () => {
    expect(checks.length).toBeGreaterThan(200)
    expect(rows.map((row) => `${row.id} ${row.level}`).sort()).toEqual(
      checks.map((check) => `${check.id} ${LEVEL[check.level]}`).sort()
    )
  })

  it('says how each is covered; no ERR check is left uncovered', () => {
    for (const row of rows) {
      expect([row.id, COVERAGES.includes(row.coverage)]).toEqual([row.id, true])
      if (row.level === 'ERR') expect([row.id, row.coverage]).not.toEqual([row.id, 'not covered'])
      if (row.coverage !== 'same id') expect([row.id, row.why.length > 20]).toEqual([row.id, true])
    }
  })

  it('claims only rules the engine has, at the level it claims', () => {
    for (const row of rows) {
      const severities = row.engine.map((id) => [id, RULES.get(id)])
      if (row.coverage === 'same id')
        expect(severities).toEqual([[row.id, row.level === 'ERR' ? 'breaking' : 'dangerous']])
      if (row.coverage === 'stricter') expect(severities).toEqual([[row.id, 'breaking']])
      if (row.coverage === 'other id') {
        expect([row.id, row.engine.length > 0]).toEqual([row.id, true])
        for (const [id, severity] of severities)
          expect([row.id, id, AT_LEAST[row.level]?.includes(severity as Severity)]).toEqual([
            row.id,
            id,
            true
          ])
      }
      // A deprecation-notice policy oasdiff applies only when configured: the engine names what it
      // judges instead (the removal).
      if (row.coverage === 'configured only') {
        expect([
          row.id,
          /sunset-(missing|date-too-small)$/.test(row.id),
          row.engine.length > 0
        ]).toEqual([row.id, true, true])
        for (const [id, severity] of severities)
          expect([row.id, id, severity === undefined]).toEqual([row.id, id, false])
      }
    }
  })

  it('claims rules the engine emits: each covered rule family is reported by some case of the corpus', () => {
    const emitted = new Set(
      loadCases().flatMap((oracleCase) =>
        runEngine(oracleCase).map((change) => family(change.rule))
      )
    )
    const claimed = rows
      .filter((row) => row.coverage === 'same id' || row.coverage === 'stricter')
      .map((row) => family(row.id))
    expect([...new Set(claimed)].filter((id) => !emitted.has(id)).sort()).toEqual([])
  })

  it('states the figures the rows add up to', () => {
    for (const level of ['ERR', 'WARN']) {
      const counts = new Map<string, number>()
      for (const row of rows.filter((r) => r.level === level))
        counts.set(row.coverage, (counts.get(row.coverage) ?? 0) + 1)
      const line = new RegExp(`^- ${level}: (\\d+) rules; (.*)\\.$`, 'm').exec(text)
      expect(line).not.toBeNull()
      const stated = new Map(
        (line?.[2] ?? '').split(', ').map((part) => {
          const match = /^(.*) (\d+)$/.exec(part)
          return [match?.[1] ?? part, Number(match?.[2])] as const
        })
      )
      expect([level, Number(line?.[1]), Object.fromEntries(stated)]).toEqual([
        level,
        rows.filter((r) => r.level === level).length,
        Object.fromEntries(counts)
      ])
    }
  })
})
