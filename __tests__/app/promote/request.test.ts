import { describe, expect, it } from '@jest/globals'
import { type PromotionContext, promoteRequest } from '../../../src/app/promote/request.js'
import type { PromotionAsked } from '../../../src/app/promote/types.js'
import type { SignerCheckSettings } from '../../../src/app/settings/types.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'

const POLICY = parsePolicy(
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    signed-by: { repository: acme/shop }\n',
  'promotion.yml'
)
const SIGNER = {
  repository: 'acme/shop',
  workflow: null,
  sourceRef: null,
  issuer: null,
  denySelfHostedRunners: false,
  publicKey: null,
  trustedRootFile: null,
  tufMirrors: null,
  requireSignature: null,
  named: [],
  asksForSigner: false
} as SignerCheckSettings
const ASKED: PromotionAsked = {
  environment: 'staging',
  digest: `sha256:${'a'.repeat(64)}`,
  rollback: false,
  dryRun: false,
  name: 'shop',
  environmentUrl: null,
  source: null,
  sealListing: null,
  withoutBytes: { declared: true, missing: 'give bytes' },
  signer: SIGNER,
  contractBaseline: null,
  token: ''
}
const NAMES = {
  environment: 'environment',
  digest: 'expected-digest',
  name: 'name',
  checksums: 'checksums-path',
  artifactName: 'artifact-name',
  contractBaseline: 'contract-baseline',
  token: 'github-token'
}
const context = (over: Partial<PromotionContext> = {}): PromotionContext => ({
  env: {
    GITHUB_SERVER_URL: 'https://ghe.example.com/',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '9',
    GITHUB_ACTOR: 'octocat'
  },
  baseDir: '/w',
  downloadsDir: '/t/downloads',
  names: NAMES,
  asFlags: false,
  downloads: true,
  log: () => undefined,
  warn: () => undefined,
  onProgress: () => undefined,
  ...over
})

describe('the promote request the action and the CLI build', () => {
  it(
    'names the inputs, asks for no signature where nothing names a signer, and keeps contracts beside a file ' +
      'ledger',
    () => {
      const request = promoteRequest(
        ASKED,
        POLICY,
        { kind: 'file', file: '/w/ledger.jsonl' },
        { kind: 'none', notice: null },
        context()
      )
      expect(request).toMatchObject({
        environment: 'staging',
        name: 'shop',
        inputs: { environment: 'environment', digest: 'expected-digest', name: 'name' },
        requester: { runUrl: 'https://ghe.example.com/acme/shop/actions/runs/9', actor: 'octocat' },
        signatureRequired: null,
        serverUrl: 'https://ghe.example.com'
      })
      expect(request.verifyBytes).toBeUndefined()
      expect(request.attest).toBeUndefined()
      expect(request.contract?.keep).toEqual(expect.any(Function))
    }
  )

  it(
    "requires a signature where the policy's signed-by or an input names a signer, and says which, as the " +
      'caller named it (flags for the CLI)',
    () => {
      const production = promoteRequest(
        { ...ASKED, environment: 'production' },
        POLICY,
        { kind: 'github' },
        { kind: 'none', notice: null },
        context()
      )
      expect(production.signatureRequired).toBe("the promotion policy's signed-by names a signer")
      const named = { ...SIGNER, named: ['--public-key'], asksForSigner: true }
      expect(
        promoteRequest(
          { ...ASKED, signer: named },
          POLICY,
          { kind: 'github' },
          { kind: 'none', notice: null },
          context({ asFlags: true })
        ).signatureRequired
      ).toBe('--public-key names a signer or what to trust')
    }
  )

  it('checks the bytes when the promotion carries them, and keeps nothing beside the github ledger', () => {
    const source = {
      kind: 'local' as const,
      subject: {
        kind: 'paths' as const,
        patterns: { include: ['dist'], exclude: [] },
        baseDir: '/w',
        inputName: 'subject-path'
      },
      checksumsFile: null
    }
    const request = promoteRequest(
      { ...ASKED, source },
      POLICY,
      { kind: 'github' },
      { kind: 'none', notice: null },
      context()
    )
    expect(request.verifyBytes).toEqual(expect.any(Function))
    expect(request.contract?.keep).toBeUndefined()
  })
})
