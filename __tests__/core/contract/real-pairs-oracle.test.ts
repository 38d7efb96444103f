/**
 * The engine against the independent tools on real published descriptions in several
 * versions (GitHub's REST and webhooks OpenAPI descriptions, its GraphQL schema, Google's
 * protos; dev dependencies under npm aliases): the verdicts (breaking or not, or both
 * refusing a description that cannot be read) must agree, except on the pairs whose
 * exception says why. The heavy file of the contract tests: about 20 s on two idle cores,
 * most of it oasdiff on the 11–13 MB REST descriptions. The table is written to
 * $TMPDIR/artifact-seal-real-pairs.md; `node scripts/contract-oracle-table.mjs real` prints it.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { agreementTable, agrees, REAL_PAIRS, runPairs, type PairResult } from './real-pairs-lib.js'

let results: PairResult[] = []

beforeAll(async () => {
  results = await runPairs(REAL_PAIRS)
  writeFileSync(join(tmpdir(), 'artifact-seal-real-pairs.md'), `${agreementTable(results)}\n`)
}, 600_000)

describe('real published descriptions', () => {
  it('cover OpenAPI (REST and webhooks), GraphQL and protobuf, in pairs of published versions', () => {
    expect([...new Set(REAL_PAIRS.map((pair) => pair.kind))].sort()).toEqual([
      'graphql',
      'openapi',
      'protobuf'
    ])
    expect(
      REAL_PAIRS.filter((pair) => pair.name.includes('webhooks')).length
    ).toBeGreaterThanOrEqual(2)
    expect(results).toHaveLength(REAL_PAIRS.length)
  })

  it.each(REAL_PAIRS.map((pair) => [pair.name, pair] as const))(
    '%s: the verdicts agree, or differ as the pair documents',
    (name) => {
      const result = results.find((r) => r.pair.name === name) as PairResult
      const { exception } = result.pair
      const verdicts = { engine: result.engine.verdict, oracle: result.oracle.verdict }
      if (exception === undefined) {
        expect(verdicts).toEqual({ engine: result.oracle.verdict, oracle: result.engine.verdict })
        expect([name, result.engine.error ?? null]).toEqual([name, null])
      } else {
        expect(verdicts).toEqual({ engine: exception.engine, oracle: exception.oracle })
        expect(exception.why.length).toBeGreaterThan(40)
      }
      // A refusal is a SealError naming the file, never a crash.
      if (result.engine.verdict === 'refused')
        expect(result.engine.error).toMatch(/^schema\.graphql: the GraphQL schema cannot be read: /)
    }
  )

  it(
    'reports the webhooks of a 3.1 description: GitHub webhooks 12.0.3 -> 12.1.0 is breaking with findings, ' +
      'not "No change"',
    () => {
      const hooks = results.find((r) =>
        r.pair.name.startsWith('GitHub webhooks 12.0.3')
      ) as PairResult
      expect(hooks.engine.verdict).toBe('breaking')
      expect(
        hooks.engine.counts[0] + hooks.engine.counts[1] + hooks.engine.counts[2]
      ).toBeGreaterThan(200)
    }
  )

  it('agrees on every pair but the documented ones', () => {
    expect(results.filter((r) => !agrees(r)).map((r) => r.pair.name)).toEqual(
      REAL_PAIRS.filter(
        (pair) => pair.exception !== undefined && pair.exception.engine !== pair.exception.oracle
      ).map((pair) => pair.name)
    )
  })
})
