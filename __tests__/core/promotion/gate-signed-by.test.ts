import { describe, expect, it } from '@jest/globals'
import { type GateFacts, type SignatureFact, decide } from '../../../src/core/promotion/gate.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import type { SignerIdentity } from '../../../src/core/signing/identity.js'
import { defaultIssuer } from '../../../src/core/signing/signer-policy.js'
import { T0, digest } from '../../../__fixtures__/promotion.js'

const POLICY = parsePolicy(
  `environments:
  staging: {}
  production:
    signed-by:
      repository: acme/shop
      workflow: .github/workflows/release.yml
      ref: refs/heads/main
      runner: github-hosted
`,
  'p.yml'
)
const production = POLICY.environments.find((e) => e.name === 'production')!
const staging = POLICY.environments.find((e) => e.name === 'staging')!

/** A certificate identity as Fulcio writes it for a run of acme/shop's release workflow on main. */
function identity(overrides: Partial<SignerIdentity> = {}): SignerIdentity {
  return {
    subjectAlternativeName:
      'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main',
    issuer: 'https://token.actions.githubusercontent.com',
    sourceRepositoryUri: 'https://github.com/acme/shop',
    sourceRepositoryOwnerUri: 'https://github.com/acme',
    repository: 'acme/shop',
    sourceRepositoryRef: 'refs/heads/main',
    sourceRepositoryDigest: '0123456789abcdef0123456789abcdef01234567',
    runnerEnvironment: 'github-hosted',
    buildSignerUri: 'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main',
    ...overrides
  }
}

function facts(signature: SignatureFact | undefined): GateFacts {
  return { veto: null, live: null, spans: new Map(), ...(signature ? { signature } : {}) }
}

const signedBy = (id: SignerIdentity): SignatureFact => ({
  signer: { kind: 'certificate', identity: id, signedAt: T0.toISOString() },
  missing: null,
  serverUrl: 'https://github.com'
})

function signedByCheck(
  signature: SignatureFact | undefined,
  mode: 'promote' | 'rollback' = 'promote'
) {
  const decision = decide({ digest: digest(1), rule: production, mode, now: T0 }, facts(signature))
  return { decision, check: decision.checks.find((c) => c.rule === 'signed-by') }
}

describe('the signed-by rule', () => {
  it('passes a seal signed by the named workflow on the named ref, and says who signed when', () => {
    const { decision, check } = signedByCheck(signedBy(identity()))
    expect(decision.allowed).toBe(true)
    expect(check).toEqual({
      rule: 'signed-by',
      environment: 'production',
      passed: true,
      detail: `Signed by https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main at ${T0.toISOString()}.`
    })
  })

  it('refuses an unsigned seal, saying where the check looked and how to sign', () => {
    const { decision, check } = signedByCheck({
      signer: null,
      missing: 'no "site.sigstore.json" beside the listing',
      serverUrl: 'https://github.com'
    })
    expect(decision.allowed).toBe(false)
    expect(check?.detail).toContain(
      'carries no verified signature (no "site.sigstore.json" beside the listing)'
    )
    expect(check?.detail).toContain('id-token: write')
    expect(signedByCheck(undefined).decision.allowed).toBe(false)
  })

  it('refuses a key-signed seal: a key names no workflow', () => {
    const { decision, check } = signedByCheck({
      signer: { kind: 'key', hint: 'abc=', signedAt: null },
      missing: null,
      serverUrl: 'https://github.com'
    })
    expect(decision.allowed).toBe(false)
    expect(check?.detail).toContain('signed with a key (abc=)')
  })

  it.each([
    [
      'another repository',
      { sourceRepositoryUri: 'https://github.com/acme/shop-evil', repository: 'acme/shop-evil' },
      'repository'
    ],
    [
      'another workflow',
      {
        subjectAlternativeName:
          'https://github.com/acme/shop/.github/workflows/ci.yml@refs/heads/main'
      },
      'workflow'
    ],
    [
      'another ref',
      {
        sourceRepositoryRef: 'refs/heads/feature',
        subjectAlternativeName:
          'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/feature'
      },
      'source ref'
    ],
    ['a self-hosted runner', { runnerEnvironment: 'self-hosted' }, 'runner environment'],
    ['another issuer', { issuer: 'https://token.actions.example.com' }, 'OIDC issuer']
  ])(
    'refuses %s, naming the rule with the expected and the actual value',
    (_what, overrides, rule) => {
      const { decision, check } = signedByCheck(signedBy(identity(overrides)))
      expect(decision.allowed).toBe(false)
      expect(check?.passed).toBe(false)
      expect(check?.detail).toContain(`signer ${rule}`)
      expect(check?.detail).toMatch(/expected ".+", got ".+"/)
      expect(decision.reason).toContain("production's signed-by rule")
    }
  )

  it('compares the repository case-insensitively, as GitHub names are', () => {
    const upper = identity({
      sourceRepositoryUri: 'https://github.com/ACME/Shop',
      sourceRepositoryOwnerUri: 'https://github.com/ACME'
    })
    expect(signedByCheck(signedBy(upper)).decision.allowed).toBe(true)
  })

  it('is checked for a rollback as for a promotion, and not where the policy has no signed-by', () => {
    expect(signedByCheck(undefined, 'rollback').check).toMatchObject({
      rule: 'signed-by',
      passed: false
    })
    expect(signedByCheck(undefined, 'rollback').decision.allowed).toBe(false)
    expect(signedByCheck(signedBy(identity()), 'rollback').check).toMatchObject({
      rule: 'signed-by',
      passed: true
    })
    const decision = decide(
      { digest: digest(1), rule: staging, mode: 'promote', now: T0 },
      facts(undefined)
    )
    expect(decision.allowed).toBe(true)
    expect(decision.checks.map((c) => c.rule)).toEqual(['veto'])
  })
})

describe('the default OIDC issuer', () => {
  it("is GitHub's for github.com, the tenant's on GHE.com, the server's own on GitHub Enterprise Server", () => {
    expect(defaultIssuer('https://github.com')).toBe('https://token.actions.githubusercontent.com')
    expect(defaultIssuer('https://Acme.ghe.com')).toBe('https://token.actions.acme.ghe.com')
    expect(defaultIssuer('https://github.example.com/')).toBe(
      'https://github.example.com/_services/token'
    )
  })
})
