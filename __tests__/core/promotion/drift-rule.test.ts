// drift: block in the gate's decision: a drifted upstream counts neither as passed nor for the
// soak, for requires and for each requires-any option; only upstreams marked block are asked.
import { describe, expect, it } from '@jest/globals'
import { decidePromotion } from '../../../src/core/promotion/decide-promotion.js'
import { blockingUpstreams } from '../../../src/core/promotion/drift-rule.js'
import type { DriftState } from '../../../src/core/observe/drift-state.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { T0, digest, entry, minutesAfter, span } from '../../../__fixtures__/promotion.js'

const POLICY = parsePolicy(
  'environments:\n  eu:\n    drift: block\n  us:\n    drift: block\n  qa:\n    drift: warn\n  production:\n    ' +
    'requires: [qa]\n    requires-any: [eu, us]\n    soak: 1h\n',
  'p.yml'
)
const production = POLICY.environments.find((e) => e.name === 'production')!
const D = digest(7)
const ranLong = [span(D, 'x', minutesAfter(-600), null)]

const drifted: DriftState = {
  drifted: true,
  since: entry(41, {
    digest: D,
    environment: 'eu',
    outcome: 'observed',
    mode: null,
    observation: { verdict: 'drifted', observed: digest(9), probes: ['url'], rules: [] }
  }),
  last: null
}
const clean: DriftState = { drifted: false, since: null, last: null }

function decideWith(drift: Record<string, DriftState>) {
  return decidePromotion(
    { digest: D, rule: production, mode: 'promote', service: null },
    { refusal: null, withoutBytes: null, contract: null },
    {
      now: new Date(T0),
      veto: null,
      live: null,
      spans: new Map([
        ['eu', ranLong],
        ['us', ranLong],
        ['qa', ranLong]
      ]),
      otherService: null,
      approval: null,
      drift: new Map(Object.entries(drift))
    }
  )
}

describe('drift: block', () => {
  it('asks only about upstreams marked block', () => {
    expect(blockingUpstreams(POLICY, production)).toEqual(['eu', 'us'])
  })

  it(
    'one drifted requires-any option leaves the other; both drifted refuse, naming the drift and how to lift ' +
      'it',
    () => {
      expect(decideWith({ eu: drifted, us: clean }).allowed).toBe(true)
      const refused = decideWith({ eu: drifted, us: { ...drifted } })
      expect(refused.allowed).toBe(false)
      expect(refused.reason).toContain(
        'eu does not run what was promoted there: observe found drift at 2026-11-01T12:00:00.000Z (record 41), ' +
          'running sha256:'
      )
      expect(refused.reason).toContain('drift ack --environment eu')
      expect(decideWith({ eu: clean, us: clean }).allowed).toBe(true)
    }
  )
})
