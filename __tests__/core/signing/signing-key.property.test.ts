import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { beforeEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  type KeyAlgorithm,
  keyHint,
  readPublicKey,
  readSigningKey
} from '../../../src/core/signing/signing-key.js'
import { encryptCosignKey, wrapPem } from '../../../__fixtures__/cosign/cosign-key.js'
import { Outcomes } from '../../helpers/outcomes.js'

const LABELS = [
  'PRIVATE KEY',
  'EC PRIVATE KEY',
  'RSA PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'ENCRYPTED SIGSTORE PRIVATE KEY',
  'ENCRYPTED COSIGN PRIVATE KEY',
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'CERTIFICATE',
  'OPENSSH PRIVATE KEY',
  'EC PARAMETERS'
]

/**
 * Anything but a SealError escaping is the bug these properties look for; the tally shows the
 * refusals were reached.
 */
let outcomes = new Outcomes()
beforeEach(() => {
  outcomes = new Outcomes()
})
const onlySealErrors = (read: () => unknown): void => void outcomes.of(read)

const password = fc.option(fc.string({ maxLength: 12 }), { nil: undefined })

/** A PEM block whose body is anything: random bytes, or text with the line structure of a real key. */
const pemGarbage = fc
  .tuple(
    fc.oneof(fc.constantFrom(...LABELS), fc.stringMatching(/^[A-Z][A-Z0-9 ]{0,20}[A-Z]$/)),
    fc.uint8Array({ maxLength: 300 }),
    fc.boolean(),
    fc.string({ maxLength: 20 })
  )
  .map(([label, bytes, endLine, noise]) => {
    const pem = wrapPem(label, Buffer.from(bytes))
    return endLine ? pem : pem.slice(0, pem.indexOf('-----END')) + noise
  })

/** cosign's JSON with fields of the wrong kinds, sizes and values, kept to small scrypt costs so a run stays fast. */
const cosignGarbage = fc
  .record({
    kdfName: fc.constantFrom('scrypt', 'argon2', '', 7),
    n: fc.oneof(fc.constantFrom(2, 16, 256, 1024, 1000, 0, -2), fc.string({ maxLength: 3 })),
    r: fc.constantFrom(1, 8, 0, 1.5),
    p: fc.constantFrom(1, 2, 0),
    salt: fc.oneof(
      fc.base64String({ maxLength: 44 }),
      fc.string({ maxLength: 10 }),
      fc.constant(null)
    ),
    cipherName: fc.constantFrom('nacl/secretbox', 'aes', null),
    nonce: fc.oneof(
      fc.base64String({ minLength: 32, maxLength: 32 }),
      fc.base64String({ maxLength: 40 }),
      fc.integer()
    ),
    ciphertext: fc.oneof(
      fc.base64String({ maxLength: 200 }),
      fc.string({ maxLength: 10 }),
      fc.constant([])
    )
  })
  .chain((f) =>
    fc.constantFrom('ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY').map((label) =>
      wrapPem(
        label,
        Buffer.from(
          JSON.stringify({
            kdf: { name: f.kdfName, params: { N: f.n, r: f.r, p: f.p }, salt: f.salt },
            cipher: { name: f.cipherName, nonce: f.nonce },
            ciphertext: f.ciphertext
          })
        )
      )
    )
  )

describe('no input makes the key readers throw anything but a SealError', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        password,
        (text, pw) => {
          onlySealErrors(() => readSigningKey(text, pw))
          onlySealErrors(() => readPublicKey(text, 'public-key'))
        }
      ),
      { numRuns: 300 }
    )
    expect(outcomes.kinds()).toEqual(expect.arrayContaining(['bad-input', 'malformed']))
  })

  it('PEM blocks around garbage, whole or cut short, with text around them', () => {
    fc.assert(
      fc.property(
        pemGarbage,
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 10 }),
        password,
        (pem, before, after, pw) => {
          onlySealErrors(() => readSigningKey(`${before}${pem}${after}`, pw))
          onlySealErrors(() => readPublicKey(`${before}${pem}${after}`, 'public-key'))
        }
      ),
      { numRuns: 300 }
    )
    expect(outcomes.kinds()).toEqual(expect.arrayContaining(['malformed']))
  })

  it("cosign's JSON envelope with wrong fields", () => {
    fc.assert(
      fc.property(cosignGarbage, password, (pem, pw) => {
        onlySealErrors(() => readSigningKey(pem, pw))
      }),
      { numRuns: 200 }
    )
    expect(outcomes.kinds()).toEqual(expect.arrayContaining(['malformed']))
  })
})

const PAIRS: Readonly<Record<KeyAlgorithm, () => { privateKey: KeyObject; publicKey: KeyObject }>> =
  {
    'ecdsa-p256': () => generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    'ecdsa-p384': () => generateKeyPairSync('ec', { namedCurve: 'P-384' }),
    'ecdsa-p521': () => generateKeyPairSync('ec', { namedCurve: 'P-521' }),
    ed25519: () => generateKeyPairSync('ed25519'),
    rsa: () => generateKeyPairSync('rsa', { modulusLength: 2048 })
  }

type Format = 'pkcs8' | 'native' | 'encrypted-pkcs8' | 'cosign-sigstore' | 'cosign-cosign'

/** The key in one of the formats readSigningKey reads; `native` is SEC1 for EC, PKCS#1 for RSA, PKCS#8 for Ed25519. */
function encode(privateKey: KeyObject, format: Format, pw: string): string {
  const native =
    privateKey.asymmetricKeyType === 'ec'
      ? 'sec1'
      : privateKey.asymmetricKeyType === 'rsa'
        ? 'pkcs1'
        : 'pkcs8'
  switch (format) {
    case 'pkcs8':
      return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    case 'native':
      return privateKey.export({ type: native, format: 'pem' }).toString()
    case 'encrypted-pkcs8':
      return privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: pw })
        .toString()
    case 'cosign-sigstore':
      return encryptCosignKey(privateKey.export({ type: 'pkcs8', format: 'der' }), pw, { n: 16 })
    case 'cosign-cosign':
      return encryptCosignKey(privateKey.export({ type: native, format: 'der' }), pw, {
        n: 16,
        label: 'ENCRYPTED COSIGN PRIVATE KEY'
      })
  }
}

/** What a secret store or a copy may do to the text, each of which the reader undoes. */
const MANGLES: readonly ((pem: string) => string)[] = [
  (pem) => pem,
  (pem) => pem.replace(/\n/g, '\r\n'),
  (pem) => pem.replace(/\n/g, '\\n'),
  (pem) => `\n  ${pem.trim()}  \n\n`,
  (pem) => pem.replace(/\n/g, ' '),
  (pem) =>
    pem
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n')
]

describe('a key of each type round-trips through every format', () => {
  // Generated once per type: RSA key generation would otherwise dominate the run.
  const keys = Object.entries(PAIRS).map(([algorithm, make]) => ({
    algorithm: algorithm as KeyAlgorithm,
    ...make()
  }))

  it('reads back the same public key, which verifies what the private key signs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.constantFrom<Format>(
          'pkcs8',
          'native',
          'encrypted-pkcs8',
          'cosign-sigstore',
          'cosign-cosign'
        ),
        fc.constantFrom(...MANGLES),
        fc.string({ minLength: 1, maxLength: 16 }),
        fc.uint8Array({ maxLength: 64 }),
        (key, format, mangle, pw, message) => {
          const encrypted = format === 'encrypted-pkcs8' || format.startsWith('cosign')
          const read = readSigningKey(
            mangle(encode(key.privateKey, format, pw)),
            encrypted ? pw : undefined
          )
          expect(read.algorithm).toBe(key.algorithm)
          expect(read.hint).toBe(keyHint(key.publicKey))
          expect(read.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
            key.publicKey.export({ type: 'spki', format: 'der' })
          )
          expect(readPublicKey(mangle(read.publicKeyPem), 'public-key').hint).toBe(read.hint)
          const digest = key.algorithm === 'ed25519' ? null : 'sha256'
          expect(
            verify(digest, message, key.publicKey, sign(digest, message, read.privateKey))
          ).toBe(true)
        }
      ),
      { numRuns: 150 }
    )
  })

  it('fresh keys of every type read back the same (no dependence on one key)', () => {
    for (const [algorithm, make] of Object.entries(PAIRS)) {
      const { privateKey, publicKey } = make()
      expect(readSigningKey(encode(privateKey, 'cosign-sigstore', 'pw'), 'pw')).toMatchObject({
        algorithm,
        hint: keyHint(publicKey)
      })
    }
  })
})
