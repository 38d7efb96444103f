import { describe, expect, it } from '@jest/globals'
import type { ContractChange } from '../../../src/core/contract/change.js'
import {
  type ContractEvidence,
  type LedgerFacts,
  amendmentOf,
  contractFact,
  decidePromotion,
  mayNeedApproval
} from '../../../src/core/promotion/decide-promotion.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import type { LedgerEntry } from '../../../src/core/promotion/record.js'
import { T0, digest, entry, span } from '../../../__fixtures__/promotion.js'

const POLICY = parsePolicy(
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    contract: { breaking: ' +
    'require-approval }\n',
  'promotion.yml'
)
const PRODUCTION = POLICY.environments.find((e) => e.name === 'production')!
const CANDIDATE = digest(1)
const LIVE = digest(2)
const subject = { digest: CANDIDATE, rule: PRODUCTION, mode: 'promote' as const, service: null }
const breaking: ContractChange = {
  rule: 'response-property-removed',
  severity: 'breaking',
  kind: 'openapi',
  operation: 'GET /a',
  location: 'GET /a',
  file: 'a.yaml',
  position: null,
  message: 'gone'
}

const evidence = (contract: ContractEvidence | null = null) => ({
  refusal: null,
  withoutBytes: null,
  contract
})
const ledger = (overrides: Partial<LedgerFacts> = {}): LedgerFacts => ({
  now: T0,
  veto: null,
  live: span(LIVE, 'production', '2026-10-01T00:00:00.000Z'),
  spans: new Map([['staging', [span(CANDIDATE, 'staging', '2026-10-30T00:00:00.000Z')]]]),
  otherService: null,
  approval: null,
  ...overrides
})
const compared = (changes: readonly ContractChange[]): ContractEvidence => ({
  environment: 'production',
  compared: true,
  candidate: { digest: digest(11), version: '2.0.0' },
  liveDigest: LIVE,
  live: { digest: digest(10), version: '1.0.0' },
  changes,
  problem: null
})

describe('the one decision of a promotion', () => {
  it('is the refusal the evidence settled, whatever the ledger says, as the only check', () => {
    const decision = decidePromotion(
      subject,
      { ...evidence(), refusal: { rule: 'bytes', detail: 'The bytes differ.' } },
      ledger({ veto: null })
    )
    expect(decision).toMatchObject({
      allowed: false,
      reason: 'The bytes differ.',
      checks: [{ rule: 'bytes', passed: false }]
    })
  })

  it('lets a promotion through on the rules and adds what a promotion without bytes rests on', () => {
    const note = {
      rule: 'bytes' as const,
      environment: 'production',
      passed: true,
      detail: 'Not checked.'
    }
    const decision = decidePromotion(
      subject,
      { ...evidence(compared([])), withoutBytes: note },
      ledger()
    )
    expect(decision.allowed).toBe(true)
    expect(decision.checks.map((c) => c.rule)).toEqual(['veto', 'requires', 'contract', 'bytes'])
  })

  it(
    'refuses the amendment when the live digest moved between comparing and deciding (the race), even with an ' +
      'approval',
    () => {
      const approval = entry(7, {
        digest: CANDIDATE,
        environment: 'production',
        outcome: 'approved'
      }) as LedgerEntry
      const moved = ledger({
        live: span(digest(3), 'production', '2026-10-31T00:00:00.000Z'),
        approval
      })
      const decision = decidePromotion(subject, evidence(compared([breaking])), moved)
      expect(decision.allowed).toBe(false)
      expect(decision.checks.find((c) => c.rule === 'contract')).toMatchObject({
        passed: false,
        detail: expect.stringContaining(`live digest changed (to ${digest(3)})`)
      })
      expect(contractFact(compared([breaking]), moved.live, approval)).toMatchObject({
        changes: null,
        approval: null
      })
      // Unmoved, the approval lets the breaking amendment through, once.
      expect(
        decidePromotion(subject, evidence(compared([breaking])), ledger({ approval }))
      ).toMatchObject({ allowed: true, approvalUsed: '7' })
    }
  )

  it('looks an approval up only for an amendment that needs one, and records what changed', () => {
    expect(mayNeedApproval(compared([]))).toBe(false)
    expect(mayNeedApproval(compared([breaking]))).toBe(true)
    expect(amendmentOf(compared([breaking]), '7')).toMatchObject({
      breaking: 1,
      approval: '7',
      rules: ['response-property-removed']
    })
    expect(amendmentOf({ ...compared([]), live: null }, null)).toBeNull()
  })
})
