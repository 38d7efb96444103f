import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  readSigningSettings,
  requirementReason,
  signatureRequired
} from '../../../src/app/settings/signing-settings.js'
import { readSignedBy } from '../../../src/app/settings/signed-by.js'
import { prepareSigning } from '../../../src/app/signature/signing.js'
import { sealErrorOf } from '../../helpers/seal-error.js'

const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString()

describe('the signing inputs', () => {
  it(
    'default to auto; a key given means sign with it; endpoints come from the environment and lose a trailing ' +
      'slash',
    () => {
      expect(readSigningSettings(inputs({}), {})).toEqual({
        mode: 'auto',
        key: null,
        endpoints: { fulcioUrl: null, rekorUrl: null, tsaUrl: null }
      })
      const keyed = readSigningSettings(
        inputs({ 'signing-key': PRIVATE_PEM, 'fulcio-url': 'http://ignored' }),
        {
          ARTIFACT_SEAL_FULCIO_URL: 'http://127.0.0.1:9/',
          ARTIFACT_SEAL_TSA_URL: 'https://tsa.example'
        }
      )
      expect(keyed.mode).toBe('key')
      expect(keyed.key).toEqual({ pem: PRIVATE_PEM, password: undefined, inputName: 'signing-key' })
      expect(keyed.endpoints).toEqual({
        fulcioUrl: 'http://127.0.0.1:9',
        rekorUrl: null,
        tsaUrl: 'https://tsa.example'
      })
    }
  )

  it(
    "read an encrypted key's password from ARTIFACT_SEAL_KEY_PASSWORD, else COSIGN_PASSWORD, and only for a " +
      'key',
    () => {
      const key = inputs({
        'signing-key': PRIVATE_PEM,
        'signing-key-password': 'from an input nobody reads'
      })
      expect(readSigningSettings(key, { COSIGN_PASSWORD: 'c' }).key?.password).toBe('c')
      expect(
        readSigningSettings(key, { COSIGN_PASSWORD: 'c', ARTIFACT_SEAL_KEY_PASSWORD: 'a' }).key
          ?.password
      ).toBe('a')
      expect(readSigningSettings(key, {}).key?.password).toBeUndefined()
      expect(readSigningSettings(inputs({}), { COSIGN_PASSWORD: 'c' }).key).toBeNull()
    }
  )

  it("default to none for promote's records, unless a key is given", () => {
    expect(readSigningSettings(inputs({}), {}, 'none').mode).toBe('none')
    expect(readSigningSettings(inputs({ 'signing-key': PRIVATE_PEM }), {}, 'none').mode).toBe('key')
    expect(
      readSigningSettings(inputs({ sign: 'auto', 'signing-key': PRIVATE_PEM }), {}, 'none').mode
    ).toBe('key')
  })

  it('are opened before any work: a key that is no private key is refused naming the input, never quoting it', async () => {
    const signing = await prepareSigning(
      readSigningSettings(inputs({ 'signing-key': PRIVATE_PEM }), {}),
      {}
    )
    expect(signing.kind).toBe('key')
    const refused = await prepareSigning(
      readSigningSettings(inputs({ 'signing-key': PUBLIC_PEM }), {}),
      {}
    ).then(
      () => '',
      (error: Error) => error.message
    )
    expect(refused).toContain('signing-key')
    expect(refused).not.toContain(PUBLIC_PEM.split('\n')[1])
  })

  it('refuse what cannot work, naming the input and the fix', () => {
    expect(
      sealErrorOf(() => readSigningSettings(inputs({ sign: 'sigstore' }), {}), 'bad-input')
    ).toContain('sign: "sigstore" is not a signing mode. Use auto')
    expect(
      sealErrorOf(() => readSigningSettings(inputs({ sign: 'key' }), {}), 'bad-input')
    ).toContain('signing-key: required with "sign: key"')
    expect(
      sealErrorOf(
        () => readSigningSettings(inputs({ sign: 'keyless', 'signing-key': PRIVATE_PEM }), {}),
        'bad-input'
      )
    ).toContain('a key was given but "sign" is keyless')
    expect(
      sealErrorOf(
        () => readSigningSettings(inputs({}), { ARTIFACT_SEAL_TSA_URL: 'ftp://tsa' }),
        'bad-input'
      )
    ).toContain('ARTIFACT_SEAL_TSA_URL: "ftp://tsa" is not an http(s) URL')
  })
})

describe('the signed-by input', () => {
  const env = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_ACTIONS: 'true' }
  const signedBy = (
    text: string,
    where: Readonly<Record<string, string | undefined>> = env,
    dir = '/ws'
  ) => readSignedBy(inputs({ 'signed-by': text }), where, dir)

  it("without it, checks a signature found against the job's repository and asks for none", () => {
    const settings = readSignedBy(inputs({}), env, '/ws')
    expect(settings).toMatchObject({
      repository: 'acme/shop',
      workflow: null,
      requireSignature: null,
      asksForSigner: false,
      named: []
    })
    expect(signatureRequired(settings, false)).toBe(false)
    expect(signatureRequired(settings, true)).toBe(true)
    expect(requirementReason(settings, true)).toBe(
      "the promotion policy's signed-by names a signer"
    )
  })

  it('reads every key of the mapping, as plain YAML or with a block scalar', () => {
    const settings = signedBy(
      'repository: acme/tools\nworkflow: .github/workflows/release.yml@refs/heads/main\nref: ' +
        'refs/heads/main\nissuer: ' +
        'https://token.actions.githubusercontent.com\nrunner: ' +
        'github-hosted\ntuf-mirrors:\n  - https://tuf-repo.github.com\n'
    )
    expect(settings).toMatchObject({
      repository: 'acme/tools',
      workflow: '.github/workflows/release.yml@refs/heads/main',
      sourceRef: 'refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com',
      denySelfHostedRunners: true,
      tufMirrors: [{ url: 'https://tuf-repo.github.com', rootFile: null }],
      named: [
        'signed-by.repository',
        'signed-by.workflow',
        'signed-by.ref',
        'signed-by.issuer',
        'signed-by.runner',
        'signed-by.tuf-mirrors'
      ]
    })
    const pem = signedBy(
      `key: |\n${PUBLIC_PEM.trim()
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}\n`
    )
    expect(pem.publicKey?.hint).toEqual(expect.any(String))
  })

  it.each([
    ['key', `key: cosign.pub`],
    ['trusted-root', 'trusted-root: trusted_root.json'],
    ['repository', 'repository: acme/shop'],
    ['workflow', 'workflow: .github/workflows/release.yml'],
    ['ref', 'ref: refs/heads/main'],
    ['issuer', 'issuer: https://token.actions.githubusercontent.com'],
    ['runner', 'runner: github-hosted']
  ])('requires a signature when it names %s, on a runner or not', (key, text) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signer-'))
    fs.writeFileSync(path.join(dir, 'cosign.pub'), PUBLIC_PEM)
    for (const where of [env, {}, { GITHUB_ACTIONS: 'false' }]) {
      const settings = signedBy(text, where, dir)
      expect(settings.named).toEqual([`signed-by.${key}`])
      expect(signatureRequired(settings, false)).toBe(true)
      expect(requirementReason(settings, false)).toBe(
        `signed-by.${key} names a signer or what to trust`
      )
    }
  })

  it(
    "with a key and no repository or workflow, accepts no certificate: not even from the job's repository " +
      '(review finding)',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signer-'))
      fs.writeFileSync(path.join(dir, 'cosign.pub'), PUBLIC_PEM)
      expect(signedBy('key: cosign.pub', env, dir).repository).toBeNull()
      expect(signedBy('key: cosign.pub\ntrusted-root: root.json', env, dir).repository).toBeNull()
      expect(
        signedBy('key: cosign.pub\nworkflow: .github/workflows/release.yml', env, dir).repository
      ).toBe('acme/shop')
      expect(signedBy('key: cosign.pub\nrepository: acme/tools', env, dir).repository).toBe(
        'acme/tools'
      )
      expect(signedBy('trusted-root: root.json', env, dir).repository).toBe('acme/shop')
    }
  )

  it('refuses tuf-mirrors beside trusted-root', () => {
    expect(
      sealErrorOf(
        () => signedBy('tuf-mirrors: https://tuf-repo.github.com\ntrusted-root: root.json'),
        'bad-input'
      )
    ).toContain(
      'signed-by.tuf-mirrors: given with signed-by.trusted-root, which is a pinned root that nothing is ' +
        'fetched for. Give one'
    )
  })

  it('reads the public key as PEM text or from a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signer-'))
    fs.writeFileSync(path.join(dir, 'cosign.pub'), PUBLIC_PEM)
    expect(signedBy('key: cosign.pub', env, dir).publicKey?.hint).toBe(
      signedBy(`key: |\n  ${PUBLIC_PEM.trim().split('\n').join('\n  ')}\n`, env, dir).publicKey
        ?.hint
    )
    expect(sealErrorOf(() => signedBy('key: missing.pub', env, dir), 'bad-input')).toContain(
      'signed-by.key: "missing.pub" is neither PEM text nor a readable file (ENOENT)'
    )
  })

  it('refuses malformed values, unknown keys and text that is no mapping, quoting them', () => {
    expect(sealErrorOf(() => signedBy('repository: shop'), 'bad-input')).toContain(
      'signed-by.repository: "shop" is not a repository'
    )
    expect(sealErrorOf(() => signedBy('workflow: release.yml'), 'bad-input')).toContain(
      'signed-by.workflow: "release.yml" is not a workflow file'
    )
    expect(sealErrorOf(() => signedBy('ref: main'), 'bad-input')).toContain(
      'signed-by.ref: "main" is not a full ref'
    )
    expect(sealErrorOf(() => signedBy('issuer: http://issuer'), 'bad-input')).toContain(
      'signed-by.issuer: "http://issuer" is not an https URL'
    )
    expect(sealErrorOf(() => signedBy('runner: self-hosted'), 'bad-input')).toContain(
      'signed-by.runner: "self-hosted" is not a kind of runner'
    )
    expect(sealErrorOf(() => signedBy('public-key: cosign.pub'), 'bad-input')).toContain(
      'signed-by: "public-key" is not one of its keys. Use repository, workflow'
    )
    expect(sealErrorOf(() => signedBy('acme/shop'), 'bad-input')).toContain(
      'signed-by: "acme/shop" is not a mapping'
    )
    expect(sealErrorOf(() => signedBy('repository: [a, b]'), 'bad-input')).toContain(
      'signed-by.repository: "[\\"a\\",\\"b\\"]" is not text'
    )
  })
})
