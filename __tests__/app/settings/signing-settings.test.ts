import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readSignerCheckSettings, readSigningSettings, requirementReason, signatureRequired } from '../../../src/app/settings/signing-settings.js'
import { prepareSigning } from '../../../src/app/signature/signing.js'
import { sealErrorOf } from '../../helpers/seal-error.js'

const inputs = (values: Record<string, string>) => (name: string): string => values[name] ?? ''


const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString()

describe('the signing inputs', () => {
  it('default to auto; a key given means sign with it; endpoints lose a trailing slash', () => {
    expect(readSigningSettings(inputs({}))).toEqual({ mode: 'auto', key: null, endpoints: { fulcioUrl: null, rekorUrl: null, tsaUrl: null } })
    const keyed = readSigningSettings(inputs({ 'signing-key': PRIVATE_PEM, 'fulcio-url': 'http://127.0.0.1:9/' }))
    expect(keyed.mode).toBe('key')
    expect(keyed.key).toEqual({ pem: PRIVATE_PEM, password: undefined, inputName: 'signing-key' })
    expect(keyed.endpoints.fulcioUrl).toBe('http://127.0.0.1:9')
  })

  it("default to none for promote's records, unless a key is given", () => {
    expect(readSigningSettings(inputs({}), 'none').mode).toBe('none')
    expect(readSigningSettings(inputs({ 'signing-key': PRIVATE_PEM }), 'none').mode).toBe('key')
    expect(readSigningSettings(inputs({ sign: 'auto', 'signing-key': PRIVATE_PEM }), 'none').mode).toBe('key')
  })

  it('are opened before any work: a key that is no private key is refused naming the input, never quoting it', async () => {
    const signing = await prepareSigning(readSigningSettings(inputs({ 'signing-key': PRIVATE_PEM })), {})
    expect(signing.kind).toBe('key')
    const refused = await prepareSigning(readSigningSettings(inputs({ 'signing-key': PUBLIC_PEM })), {}).then(
      () => '',
      (error: Error) => error.message
    )
    expect(refused).toContain('signing-key')
    expect(refused).not.toContain(PUBLIC_PEM.split('\n')[1])
  })

  it('refuse what cannot work, naming the input and the fix', () => {
    expect(sealErrorOf(() => readSigningSettings(inputs({ sign: 'sigstore' })), 'bad-input')).toContain('sign: "sigstore" is not a signing mode. Use auto')
    expect(sealErrorOf(() => readSigningSettings(inputs({ sign: 'key' })), 'bad-input')).toContain('signing-key: required with "sign: key"')
    expect(sealErrorOf(() => readSigningSettings(inputs({ sign: 'keyless', 'signing-key': PRIVATE_PEM })), 'bad-input')).toContain('a key was given but "sign" is keyless')
    expect(sealErrorOf(() => readSigningSettings(inputs({ 'signing-key-password': 'x' })), 'bad-input')).toContain('signing-key-password: goes with signing-key, which is empty')
    expect(sealErrorOf(() => readSigningSettings(inputs({ 'tsa-url': 'ftp://tsa' })), 'bad-input')).toContain('tsa-url: "ftp://tsa" is not an http(s) URL')
  })
})

describe('the signer inputs', () => {
  const env = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_ACTIONS: 'true' }

  it("default the repository to the job's, and ask for a signature only when something is named", () => {
    const settings = readSignerCheckSettings(inputs({}), env, '/ws')
    expect(settings).toMatchObject({ repository: 'acme/shop', workflow: null, requireSignature: null, asksForSigner: false, named: [] })
    expect(signatureRequired(settings, false)).toBe(false)
    expect(signatureRequired(settings, true)).toBe(true)
    const asked = readSignerCheckSettings(inputs({ 'signer-workflow': '.github/workflows/release.yml@refs/heads/main' }), env, '/ws')
    expect(asked.asksForSigner).toBe(true)
    expect(signatureRequired(asked, false)).toBe(true)
    expect(signatureRequired(readSignerCheckSettings(inputs({ 'require-signature': 'true' }), env, '/ws'), false)).toBe(true)
  })

  it.each([
    ['public-key', { 'public-key': PUBLIC_PEM }],
    ['trusted-root', { 'trusted-root': 'trusted_root.json' }],
    ['signer-repository', { 'signer-repository': 'acme/shop' }],
    ['signer-workflow', { 'signer-workflow': '.github/workflows/release.yml' }],
    ['source-ref', { 'source-ref': 'refs/heads/main' }],
    ['cert-oidc-issuer', { 'cert-oidc-issuer': 'https://token.actions.githubusercontent.com' }],
    ['deny-self-hosted-runners', { 'deny-self-hosted-runners': 'true' }]
  ])('require a signature when %s is named, on a runner or not, and refuse require-signature: false beside it', (name, given) => {
    for (const where of [env, {}, { GITHUB_ACTIONS: 'false' }]) {
      const settings = readSignerCheckSettings(inputs(given), where, '/ws')
      expect(settings.named).toEqual([name])
      expect(signatureRequired(settings, false)).toBe(true)
      expect(requirementReason(settings, false)).toBe(`${name} names a signer or what to trust`)
      expect(requirementReason(settings, false, true)).toBe(`--${name} names a signer or what to trust`)
      expect(sealErrorOf(() => readSignerCheckSettings(inputs({ ...given, 'require-signature': 'false' }), where, '/ws'), 'bad-input')).toContain(
        `require-signature: false, but ${name} names a signer or what to trust, which always requires a signature. Remove require-signature`
      )
    }
  })

  it('read tuf-mirrors as a trust source that requires a signature, and refuse it beside trusted-root', () => {
    const settings = readSignerCheckSettings(inputs({ 'tuf-mirrors': 'https://tuf-repo.github.com\n' }), {}, '/ws')
    expect(settings).toMatchObject({ tufMirrors: [{ url: 'https://tuf-repo.github.com', rootFile: null }], trustedRootFile: null, named: ['tuf-mirrors'] })
    expect(signatureRequired(settings, false)).toBe(true)
    expect(requirementReason(settings, false, true)).toBe('--tuf-mirror names a signer or what to trust')
    expect(sealErrorOf(() => readSignerCheckSettings(inputs({ 'tuf-mirrors': 'https://tuf-repo.github.com', 'trusted-root': 'root.json' }), {}, '/ws'), 'bad-input')).toContain(
      'tuf-mirrors: given with trusted-root, which is a pinned root that nothing is fetched for. Give one'
    )
  })

  it("require a signature when the policy's signed-by names a signer, and refuse require-signature: false beside it", () => {
    expect(signatureRequired(readSignerCheckSettings(inputs({}), {}, '/ws'), true)).toBe(true)
    expect(requirementReason(readSignerCheckSettings(inputs({}), {}, '/ws'), true)).toBe("the promotion policy's signed-by names a signer")
    const off = readSignerCheckSettings(inputs({ 'require-signature': 'false' }), {}, '/ws')
    expect(signatureRequired(off, false)).toBe(false)
    expect(sealErrorOf(() => signatureRequired(off, true), 'bad-input')).toContain('require-signature: false, but the promotion policy names a signer (signed-by)')
  })

  it('read the public key as PEM text or from a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signer-'))
    fs.writeFileSync(path.join(dir, 'cosign.pub'), PUBLIC_PEM)
    const fromText = readSignerCheckSettings(inputs({ 'public-key': PUBLIC_PEM }), env, dir).publicKey
    const fromFile = readSignerCheckSettings(inputs({ 'public-key': 'cosign.pub' }), env, dir).publicKey
    expect(fromFile?.hint).toBe(fromText?.hint)
    expect(sealErrorOf(() => readSignerCheckSettings(inputs({ 'public-key': 'missing.pub' }), env, dir), 'bad-input')).toContain('public-key: "missing.pub" is neither PEM text nor a readable file (ENOENT)')
  })

  it('refuse malformed values, quoting them', () => {
    expect(sealErrorOf(() => readSignerCheckSettings(inputs({ 'signer-repository': 'shop' }), env, '/ws'), 'bad-input')).toContain('signer-repository: "shop" is not a repository')
    expect(sealErrorOf(() => readSignerCheckSettings(inputs({ 'signer-workflow': 'release.yml' }), env, '/ws'), 'bad-input')).toContain('signer-workflow: "release.yml" is not a workflow file')
    expect(sealErrorOf(() => readSignerCheckSettings(inputs({ 'source-ref': 'main' }), env, '/ws'), 'bad-input')).toContain('source-ref: "main" is not a full ref')
    expect(sealErrorOf(() => readSignerCheckSettings(inputs({ 'cert-oidc-issuer': 'http://issuer' }), env, '/ws'), 'bad-input')).toContain('cert-oidc-issuer: "http://issuer" is not an https URL')
    expect(sealErrorOf(() => readSignerCheckSettings(inputs({ 'require-signature': 'yes' }), env, '/ws'), 'bad-input')).toContain('require-signature: "yes" is not a boolean')
  })
})
