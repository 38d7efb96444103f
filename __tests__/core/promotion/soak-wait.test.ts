import { describe, expect, it } from '@jest/globals'
import type { Decision, RuleCheck } from '../../../src/core/promotion/gate.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { waitStep } from '../../../src/core/promotion/soak-wait.js'

const MINUTE = 60_000
const NOW = new Date('2026-12-01T12:00:00Z')
const RULE = parsePolicy(
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    soak: 30m\n',
  'policy.yml'
).environments.find((e) => e.name === 'production')!

const refused = (...checks: RuleCheck[]): Decision =>
  ({ allowed: false, checks, reason: 'refused' }) as unknown as Decision
const failed = (rule: RuleCheck['rule'], environment = 'staging'): RuleCheck => ({
  rule,
  environment,
  passed: false,
  detail: ''
})
const openFor = (ms: number) =>
  new Map([
    [
      'staging',
      [{ digest: 'sha256:x', from: new Date(NOW.getTime() - ms).toISOString(), until: null }]
    ]
  ])

describe('waitStep', () => {
  it('sleeps for what is left of a soak whose stretch is still open', () => {
    expect(
      waitStep(refused(failed('soak')), RULE, openFor(10 * MINUTE) as never, new Set(), NOW, 30_000)
    ).toEqual({
      ms: 20 * MINUTE,
      soaking: ['staging'],
      confirming: []
    })
  })

  it('looks again every poll for a requires whose deployment is pending, and no longer than the soak', () => {
    const pending = new Set(['staging'])
    expect(waitStep(refused(failed('requires')), RULE, new Map(), pending, NOW, 30_000)).toEqual({
      ms: 30_000,
      soaking: [],
      confirming: ['staging']
    })
    const both = refused(failed('requires'), failed('soak', 'staging'))
    expect(
      waitStep(both, RULE, openFor(30 * MINUTE - 5_000) as never, pending, NOW, 30_000)?.ms
    ).toBe(5_000)
  })

  it('does not wait when waiting changes nothing: a requires with nothing pending, a veto, a closed stretch', () => {
    expect(
      waitStep(refused(failed('requires')), RULE, new Map(), new Set(), NOW, 30_000)
    ).toBeNull()
    expect(
      waitStep(
        refused(failed('soak'), failed('veto')),
        RULE,
        openFor(MINUTE) as never,
        new Set(),
        NOW,
        30_000
      )
    ).toBeNull()
    const closed = new Map([
      ['staging', [{ digest: 'sha256:x', from: NOW.toISOString(), until: NOW.toISOString() }]]
    ])
    expect(
      waitStep(refused(failed('soak')), RULE, closed as never, new Set(), NOW, 30_000)
    ).toBeNull()
    expect(
      waitStep(
        { allowed: true, checks: [], reason: null } as unknown as Decision,
        RULE,
        new Map(),
        new Set(),
        NOW,
        30_000
      )
    ).toBeNull()
  })
})
