import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import semver from 'semver'
import {
  parseVersion,
  summarizeAmendment,
  versionStep
} from '../../../src/core/contract/amendment.js'
import type { ContractChange, Severity } from '../../../src/core/contract/change.js'
import type { ContractRef } from '../../../src/core/contract/manifest.js'
import { type ContractFact, judgeContract } from '../../../src/core/promotion/contract-rule.js'
import { type GateFacts, decide } from '../../../src/core/promotion/gate.js'
import {
  BREAKING_RULES,
  type ContractRule,
  DANGEROUS_RULES,
  ROLLBACK_RULES
} from '../../../src/core/promotion/policy.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import type { LedgerEntry } from '../../../src/core/promotion/record.js'
import type { Digest } from '../../../src/core/digest.js'
import { T0, digest } from '../../../__fixtures__/promotion.js'

const C1 = digest(101)
const C2 = digest(102)
const ARTIFACT = digest(103)
const ref = (d: Digest, version: string): ContractRef => ({ digest: d, version })

function change(
  severity: Severity,
  rule = `rule-${severity}`,
  operation = 'GET /orders/{id}'
): ContractChange {
  return {
    rule,
    severity,
    kind: 'openapi',
    operation,
    location: `${operation} › 200 response › body › total`,
    file: 'api/openapi.yaml',
    position: null,
    message: `a ${severity} change of total.`
  }
}

function fact(overrides: Partial<ContractFact> = {}): ContractFact {
  return {
    live: ref(C1, '1.0.0'),
    liveDigest: digest(104),
    candidate: ref(C2, '2.0.0'),
    changes: [],
    problem: null,
    approval: null,
    ...overrides
  }
}

const APPROVAL = {
  id: '7',
  actor: 'api-owner',
  time: T0.toISOString(),
  reason: 'partners moved'
} as LedgerEntry
const rule = (overrides: Partial<ContractRule> = {}): ContractRule => ({
  breaking: 'require-major',
  dangerous: 'warn',
  rollback: 'allow',
  ...overrides
})

describe('versionStep', () => {
  it(
    'agrees with npm semver: major exactly when the new version is above the old and outside its caret range; ' +
      'down and same as semver orders them',
    () => {
      const part = fc.integer({ min: 0, max: 3 })
      const version = fc.tuple(part, part, part).map(([a, b, c]) => `${a}.${b}.${c}`)
      fc.assert(
        fc.property(version, version, (from, to) => {
          const step = versionStep(from, to)
          expect(step === 'down').toBe(semver.lt(to, from))
          expect(step === 'same').toBe(semver.eq(to, from))
          expect(step === 'major').toBe(semver.gt(to, from) && !semver.satisfies(to, `^${from}`))
        }),
        { numRuns: 2000 }
      )
    }
  )

  it('reads what semver reads as a version (a v prefix, pre-release and build), and nothing else', () => {
    for (const text of ['1.2.3', 'v1.2.3', '1.2.3-rc.1', '1.2.3+build.5', '10.20.30'])
      expect(parseVersion(text)).toEqual(
        semver.parse(text) && [
          BigInt(semver.major(text)),
          BigInt(semver.minor(text)),
          BigInt(semver.patch(text))
        ]
      )
    for (const text of ['1.2', '01.2.3', '1.2.3.4', 'latest', '', ' 1.2.3'])
      expect(parseVersion(text)).toBeNull()
    expect(versionStep('1.0.0', 'release-2')).toBe('not-semver')
  })
})

describe('the contract rule', () => {
  it('the first contract of an environment, an unchanged one, and one where neither side has a contract pass', () => {
    expect(
      judgeContract(
        'production',
        ARTIFACT,
        rule({ breaking: 'refuse' }),
        'promote',
        fact({ live: null, liveDigest: null, changes: null })
      )
    ).toMatchObject({ passed: true, detail: expect.stringContaining('initial contract') })
    expect(
      judgeContract(
        'production',
        ARTIFACT,
        rule({ breaking: 'refuse' }),
        'promote',
        fact({ candidate: ref(C1, '1.0.0'), changes: null })
      )
    ).toMatchObject({ passed: true, detail: expect.stringContaining('unchanged') })
    expect(
      judgeContract(
        'production',
        ARTIFACT,
        rule(),
        'promote',
        fact({ live: null, candidate: null, changes: null })
      ).passed
    ).toBe(true)
  })

  it('a contract that disappears, or could not be compared, does not pass (fail closed)', () => {
    expect(
      judgeContract(
        'production',
        ARTIFACT,
        rule(),
        'promote',
        fact({ candidate: null, changes: null })
      ).detail
    ).toContain('carries no contract')
    const problem = judgeContract(
      'production',
      ARTIFACT,
      rule(),
      'promote',
      fact({ changes: null, problem: 'the baseline cannot be read. Give contract-baseline.' })
    )
    expect(problem).toEqual({
      passed: false,
      detail: 'the baseline cannot be read. Give contract-baseline.',
      approvalUsed: null
    })
  })

  it(
    'require-major: a breaking amendment passes with a major step (a minor one below 1.0.0), names the change ' +
      'when refused; a version that went down or stayed is refused',
    () => {
      const breaking = [change('breaking', 'response-property-removed')]
      expect(
        judgeContract('production', ARTIFACT, rule(), 'promote', fact({ changes: breaking })).passed
      ).toBe(true)
      expect(
        judgeContract(
          'production',
          ARTIFACT,
          rule(),
          'promote',
          fact({ live: ref(C1, '0.3.0'), candidate: ref(C2, '0.4.0'), changes: breaking })
        ).passed
      ).toBe(true)
      const minor = judgeContract(
        'production',
        ARTIFACT,
        rule(),
        'promote',
        fact({ candidate: ref(C2, '1.1.0'), changes: breaking })
      )
      expect(minor.passed).toBe(false)
      expect(minor.detail).toContain('GET /orders/{id} › 200 response › body › total')
      expect(minor.detail).toContain('[response-property-removed]')
      expect(
        judgeContract(
          'production',
          ARTIFACT,
          rule(),
          'promote',
          fact({ candidate: ref(C2, '0.9.0'), changes: [change('compatible')] })
        ).detail
      ).toContain('went down')
      expect(
        judgeContract(
          'production',
          ARTIFACT,
          rule(),
          'promote',
          fact({ candidate: ref(C2, '1.0.0'), changes: [change('compatible')] })
        ).detail
      ).toContain('stayed 1.0.0')
      // A different digest and no change at all (a comment edited): nothing to bump.
      expect(
        judgeContract(
          'production',
          ARTIFACT,
          rule(),
          'promote',
          fact({ candidate: ref(C2, '1.0.0'), changes: [] })
        ).passed
      ).toBe(true)
    }
  )

  it(
    'require-approval: refused with the command that approves this exact pair; passes on an approval and says ' +
      'whose',
    () => {
      const refused = judgeContract(
        'partner',
        ARTIFACT,
        rule({ breaking: 'require-approval' }),
        'promote',
        fact({ changes: [change('breaking')] })
      )
      expect(refused.detail).toContain(
        `artifact-seal contract approve ${ARTIFACT} --environment partner --from ${C1} --to ${C2}`
      )
      const approved = judgeContract(
        'partner',
        ARTIFACT,
        rule({ breaking: 'require-approval' }),
        'promote',
        fact({ changes: [change('breaking')], approval: APPROVAL })
      )
      expect(approved).toMatchObject({
        passed: true,
        approvalUsed: '7',
        detail: expect.stringContaining('Approved by api-owner')
      })
    }
  )

  it(
    'dangerous changes warn, or refuse under dangerous: refuse; a rollback passes under rollback: allow and ' +
      'says what it undoes',
    () => {
      expect(
        judgeContract(
          'production',
          ARTIFACT,
          rule(),
          'promote',
          fact({ changes: [change('dangerous')] })
        ).detail
      ).toContain('Warning: 1 change(s) may break some clients')
      expect(
        judgeContract(
          'production',
          ARTIFACT,
          rule({ dangerous: 'refuse' }),
          'promote',
          fact({ changes: [change('dangerous')] })
        ).passed
      ).toBe(false)
      const back = judgeContract(
        'production',
        ARTIFACT,
        rule({ breaking: 'refuse' }),
        'rollback',
        fact({ live: ref(C2, '2.0.0'), candidate: ref(C1, '1.0.0'), changes: [change('breaking')] })
      )
      expect(back.passed).toBe(true)
      expect(back.detail).toContain('undoes what clients may already use')
      expect(
        judgeContract(
          'production',
          ARTIFACT,
          rule({ breaking: 'refuse', rollback: 'check' }),
          'rollback',
          fact({ changes: [change('breaking')] })
        ).passed
      ).toBe(false)
    }
  )

  it(
    'invariants over every rule and amendment: refuse never lets a breaking change through; require-approval ' +
      'only with an approval; require-major only with a major step; a problem ' +
      'never passes',
    () => {
      const severity = fc.constantFrom<Severity>('breaking', 'dangerous', 'compatible')
      const version = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)).map((v) => v.join('.'))
      fc.assert(
        fc.property(
          fc.record({
            breaking: fc.constantFrom(...BREAKING_RULES),
            dangerous: fc.constantFrom(...DANGEROUS_RULES),
            rollback: fc.constantFrom(...ROLLBACK_RULES)
          }),
          fc.constantFrom<'promote' | 'rollback'>('promote', 'rollback'),
          fc.array(severity, { maxLength: 6 }),
          version,
          version,
          fc.boolean(),
          fc.option(fc.string({ minLength: 1 }), { nil: null }),
          (contractRule, mode, severities, from, to, approved, problem) => {
            const changes = problem === null ? severities.map((s) => change(s)) : null
            const verdict = judgeContract(
              'env',
              ARTIFACT,
              contractRule,
              mode,
              fact({
                live: ref(C1, from),
                candidate: ref(C2, to),
                changes,
                problem,
                approval: approved ? APPROVAL : null
              })
            )
            const judged = mode === 'promote' || contractRule.rollback === 'check'
            if (changes === null) expect(verdict.passed).toBe(false)
            const hasBreaking = severities.includes('breaking')
            if (changes !== null && judged && hasBreaking) {
              if (contractRule.breaking === 'refuse') expect(verdict.passed).toBe(false)
              if (contractRule.breaking === 'require-approval' && verdict.passed)
                expect(verdict.approvalUsed).toBe('7')
              if (contractRule.breaking === 'require-major' && verdict.passed)
                expect(versionStep(from, to)).toBe('major')
            }
            if (
              changes !== null &&
              judged &&
              severities.includes('dangerous') &&
              contractRule.dangerous === 'refuse' &&
              verdict.passed
            )
              expect(verdict.approvalUsed).toBe('7')
            if (verdict.approvalUsed !== null) expect(verdict.passed).toBe(true)
          }
        ),
        { numRuns: 3000 }
      )
    }
  )
})

describe('the gate with a contract rule', () => {
  const policy = parsePolicy(
    'environments:\n  production:\n    contract: { breaking: refuse }\n',
    'p.yml'
  )
  const production = policy.environments[0]!
  const facts = (contract?: ContractFact): GateFacts => ({
    veto: null,
    live: null,
    spans: new Map(),
    ...(contract ? { contract } : {})
  })

  it('lists the contract check with the others, and refuses when no comparison was made at all (fail closed)', () => {
    const refused = decide(
      { digest: ARTIFACT, rule: production, mode: 'promote', now: T0 },
      facts(fact({ changes: [change('breaking')] }))
    )
    expect(refused.allowed).toBe(false)
    expect(refused.checks.map((c) => c.rule)).toEqual(['veto', 'contract'])
    expect(
      decide({ digest: ARTIFACT, rule: production, mode: 'promote', now: T0 }, facts()).reason
    ).toContain('not compared (fail closed)')
    const approvedPolicy = parsePolicy(
      'environments:\n  production:\n    contract: { breaking: require-approval }\n',
      'p.yml'
    ).environments[0]!
    expect(
      decide(
        { digest: ARTIFACT, rule: approvedPolicy, mode: 'promote', now: T0 },
        facts(fact({ changes: [change('breaking')], approval: APPROVAL }))
      )
    ).toMatchObject({ allowed: true, approvalUsed: '7' })
  })

  it('summarizes an amendment as counts and rule ids, breaking first, each once', () => {
    const summary = summarizeAmendment(ref(C1, '1.0.0'), ref(C2, '2.0.0'), [
      change('compatible', 'b'),
      change('breaking', 'z'),
      change('breaking', 'z'),
      change('dangerous', 'a')
    ])
    expect(summary).toEqual({
      from: ref(C1, '1.0.0'),
      to: ref(C2, '2.0.0'),
      breaking: 2,
      dangerous: 1,
      compatible: 1,
      rules: ['z', 'a', 'b']
    })
  })
})
