import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { SealError } from '../../../src/core/errors.js'
import {
  keyHint,
  looksLikePem,
  readPublicKey,
  readSigningKey
} from '../../../src/core/signing/signing-key.js'
import {
  cosignEnvelope,
  cosignFixture,
  encryptCosignKey,
  wrapPem
} from '../../../__fixtures__/cosign/cosign-key.js'

function p256(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
}

function pkcs8Pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString()
}

function spkiPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString()
}

/** The error readSigningKey throws, checked to be a SealError that quotes no line of the key's body. */
function failure(read: () => unknown, pem = ''): string {
  let thrown: unknown
  try {
    read()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(SealError)
  const message = (thrown as SealError).message
  for (const line of pem.split('\n')) {
    if (line.length >= 16 && !line.startsWith('-----'))
      expect(message).not.toContain(line.slice(0, 16))
  }
  return message
}

describe('cosign-encrypted keys from cosign and sigstore-rs (__fixtures__/cosign)', () => {
  it.each([
    ['keys_test-cosign-rsa.key', 'hello', 'ecdsa-p256'],
    ['keys_test-cosign-ec.key', 'hello', 'ecdsa-p256'],
    ['keys_test-sigstore.key', 'hello', 'ecdsa-p256'],
    ['sigstore-rs-ecdsa_encrypted_private.key', '123', 'ecdsa-p256'],
    ['sigstore-rs-ed25519_encrypted_private.key', '123', 'ed25519'],
    ['sigstore-rs-rsa_encrypted_private.key', '123', 'rsa']
  ])('opens %s with its published password', (file, password, algorithm) => {
    const key = readSigningKey(cosignFixture(file), password)
    expect(key.algorithm).toBe(algorithm)
    // The public half is the private key's own, and the hint names it.
    expect(key.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      createPublicKey(key.privateKey).export({ type: 'spki', format: 'der' })
    )
    expect(key.hint).toBe(keyHint(createPublicKey(key.publicKeyPem)))
    const data = Buffer.from('statement')
    const digest = algorithm === 'ed25519' ? null : 'sha256'
    expect(verify(digest, data, key.publicKey, sign(digest, data, key.privateKey))).toBe(true)
  })

  it('opens the key cosign wrote with an empty password when no password is given (COSIGN_PASSWORD="")', () => {
    expect(
      readSigningKey(
        cosignFixture('sigstore-rs-cosign_generated_encrypted_empty_private.key'),
        undefined
      ).algorithm
    ).toBe('ecdsa-p256')
  })

  it('reads the unencrypted sigstore-rs keys: PKCS#8 EC and Ed25519 (with its public key inside), PKCS#1 RSA', () => {
    expect(
      readSigningKey(cosignFixture('sigstore-rs-ecdsa_private.key'), undefined).algorithm
    ).toBe('ecdsa-p256')
    expect(
      readSigningKey(cosignFixture('sigstore-rs-ed25519_private.key'), undefined).algorithm
    ).toBe('ed25519')
    const rsa = readSigningKey(cosignFixture('sigstore-rs-rsa_private.key'), undefined)
    expect(rsa.algorithm).toBe('rsa')
    expect(rsa.publicKey.asymmetricKeyDetails?.modulusLength).toBe(4096)
  })

  it('refuses an Ed25519 key whose stored public key is not its own (PKCS#8 v2)', () => {
    const der = Buffer.from(
      cosignFixture('sigstore-rs-ed25519_private.key').replace(/-----[A-Z ]+-----|\s/g, ''),
      'base64'
    )
    der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 1
    expect(failure(() => readSigningKey(wrapPem('PRIVATE KEY', der), undefined))).toMatch(/damaged/)
  })

  it("reads cosign's own CI public key, and refuses its private key without the (unpublished) password", () => {
    const pub = readPublicKey(cosignFixture('workflows-cosign-test.pub'), 'public-key')
    expect(pub.algorithm).toBe('ecdsa-p256')
    expect(pub.hint).toBe(keyHint(createPublicKey(cosignFixture('workflows-cosign-test.pub'))))
    const pem = cosignFixture('workflows-cosign-test.key')
    expect(failure(() => readSigningKey(pem, undefined), pem)).toMatch(
      /^signing-key: the key is encrypted \("ENCRYPTED COSIGN PRIVATE KEY"\) and COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) is empty/
    )
    // The envelope itself is sound: a wrong password fails as a wrong password, not as damage.
    expect(failure(() => readSigningKey(pem, 'not-the-password'), pem)).toMatch(
      /the password in COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) does not open this encrypted key/
    )
  })

  it('says a wrong password does not open the key, distinctly from a missing one', () => {
    const pem = cosignFixture('keys_test-sigstore.key')
    const wrong = failure(() => readSigningKey(pem, 'hello!'), pem)
    expect(wrong).toMatch(
      /^signing-key: the password in COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) does not open this encrypted key \("ENCRYPTED SIGSTORE PRIVATE KEY"\)/
    )
    expect(wrong).not.toContain('hello!')
    expect(failure(() => readSigningKey(pem, undefined), pem)).toMatch(
      /is encrypted .* and COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) is empty/
    )
    expect(failure(() => readSigningKey(pem, ''), pem)).toMatch(
      /COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) is empty/
    )
  })

  it('names the input it was given in every message', () => {
    expect(
      failure(() => readSigningKey(cosignFixture('keys_test-sigstore.key'), 'x', '--signing-key'))
    ).toMatch(
      /^--signing-key: the password in COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) does not open/
    )
  })
})

describe('what a secret does to PEM text', () => {
  const { privateKey, publicKey } = p256()
  const pem = pkcs8Pem(privateKey)
  const hint = keyHint(publicKey)

  it.each([
    ['CRLF line ends', pem.replace(/\n/g, '\r\n')],
    ['surrounding whitespace and blank lines', `\n\n   ${pem}\n\n\t`],
    ['a byte-order mark', `\uFEFF${pem}`],
    ['literal \\n escapes (a key pasted from JSON)', pem.replace(/\n/g, '\\n')],
    ['literal \\r\\n escapes', pem.replace(/\n/g, '\\r\\n')],
    ['one line, breaks turned to spaces', pem.replace(/\n/g, ' ')],
    ['no line breaks at all', pem.replace(/\n/g, '')],
    [
      'indented lines (a YAML block scalar)',
      pem
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n')
    ],
    [
      'an EC PARAMETERS block first (openssl ecparam -genkey)',
      `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${privateKey.export({ type: 'sec1', format: 'pem' }).toString()}`
    ]
  ])('tolerates %s', (_what, text) => {
    expect(readSigningKey(text, undefined).hint).toBe(hint)
  })

  it('reads the public key through the same damage', () => {
    expect(readPublicKey(spkiPem(publicKey).replace(/\n/g, '\\n'), 'public-key').hint).toBe(hint)
    expect(
      readPublicKey(`  ${spkiPem(publicKey).replace(/\n/g, '\r\n')}  `, 'public-key').hint
    ).toBe(hint)
  })
})

describe('every format the issue names', () => {
  it.each([
    ['PKCS#8', (k: KeyObject) => pkcs8Pem(k), undefined],
    ['SEC1', (k: KeyObject) => k.export({ type: 'sec1', format: 'pem' }).toString(), undefined],
    [
      'encrypted PKCS#8',
      (k: KeyObject) =>
        k
          .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
          .toString(),
      'pw'
    ],
    [
      'legacy OpenSSL-encrypted SEC1 (Proc-Type headers)',
      (k: KeyObject) =>
        k
          .export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' })
          .toString(),
      'pw'
    ],
    [
      'cosign ENCRYPTED SIGSTORE PRIVATE KEY',
      (k: KeyObject) => encryptCosignKey(k.export({ type: 'pkcs8', format: 'der' }), 'pw'),
      'pw'
    ],
    [
      'cosign ENCRYPTED COSIGN PRIVATE KEY holding SEC1',
      (k: KeyObject) =>
        encryptCosignKey(k.export({ type: 'sec1', format: 'der' }), 'pw', {
          label: 'ENCRYPTED COSIGN PRIVATE KEY'
        }),
      'pw'
    ]
  ])('reads an ECDSA key as %s', (_format, encode, password) => {
    const { privateKey, publicKey } = p256()
    expect(readSigningKey(encode(privateKey), password).hint).toBe(keyHint(publicKey))
  })

  it('reads PKCS#1 RSA and an encrypted PKCS#8 with a wrong password as a wrong password', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    expect(
      readSigningKey(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), undefined).hint
    ).toBe(keyHint(publicKey))
    const encrypted = privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' })
      .toString()
    expect(failure(() => readSigningKey(encrypted, 'wrong'), encrypted)).toMatch(
      /the password in COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) does not open this encrypted key \("ENCRYPTED PRIVATE KEY"\)/
    )
    expect(failure(() => readSigningKey(encrypted, undefined), encrypted)).toMatch(
      /is encrypted \("ENCRYPTED PRIVATE KEY"\) and COSIGN_PASSWORD \(or ARTIFACT_SEAL_KEY_PASSWORD\) is empty/
    )
  })

  it('ignores a password given with an unencrypted key', () => {
    const { privateKey, publicKey } = p256()
    expect(readSigningKey(pkcs8Pem(privateKey), 'unused').hint).toBe(keyHint(publicKey))
  })

  it('gives the public key as SPKI PEM and the hint as base64(sha256(SPKI DER))', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const key = readSigningKey(pkcs8Pem(privateKey), undefined)
    expect(key.publicKeyPem).toBe(spkiPem(publicKey))
    expect(Buffer.from(key.hint, 'base64')).toHaveLength(32)
  })
})

describe('refusals', () => {
  it('refuses text that is not PEM, and empty text', () => {
    expect(failure(() => readSigningKey('my-secret-key-value', undefined))).toMatch(
      /^signing-key: is not PEM text \(no "-----BEGIN PRIVATE KEY-----" line\)/
    )
    expect(failure(() => readSigningKey('  \n ', undefined))).toMatch(/^signing-key: is empty/)
  })

  it('refuses a public key given as the private key, and a certificate', () => {
    const pub = spkiPem(p256().publicKey)
    expect(failure(() => readSigningKey(pub, undefined), pub)).toMatch(
      /^signing-key: holds a public key \("PUBLIC KEY"\), not a private key/
    )
    expect(
      failure(() => readSigningKey(wrapPem('CERTIFICATE', Buffer.from('x')), undefined))
    ).toMatch(/holds a certificate, not a private key/)
  })

  it.each([
    [
      'secp256k1',
      () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey,
      /ECDSA key on curve secp256k1, which Sigstore tools do not accept/
    ],
    [
      'P-224',
      () => generateKeyPairSync('ec', { namedCurve: 'P-224' }).privateKey,
      /curve secp224r1/
    ],
    [
      'Ed448',
      () => generateKeyPairSync('ed448').privateKey,
      /is a ed448 key, which cannot sign Sigstore bundles/
    ],
    [
      'RSA 1024',
      () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey,
      /is a 1024-bit RSA key; Sigstore tools accept RSA keys of 2048 to 4096 bits/
    ],
    [
      'RSA-PSS',
      () => generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey,
      /is a rsa-pss key/
    ]
  ])('refuses an unsupported key type: %s', (_what, make, message) => {
    const pem = pkcs8Pem(make())
    expect(failure(() => readSigningKey(pem, undefined), pem)).toMatch(message)
  })

  it('refuses OpenSSH and PGP keys, saying how to convert', () => {
    expect(
      failure(() =>
        readSigningKey(wrapPem('OPENSSH PRIVATE KEY', Buffer.from('openssh-key-v1')), undefined)
      )
    ).toMatch(/OpenSSH private key.*ssh-keygen -p -m PKCS8/)
    expect(
      failure(() => readSigningKey(wrapPem('PGP PRIVATE KEY BLOCK', Buffer.from('x')), undefined))
    ).toMatch(
      /holds a "PGP PRIVATE KEY BLOCK" PEM block, which is not a private key this tool reads/
    )
  })

  it('refuses a key cut short, a damaged body, and two keys at once', () => {
    const pem = pkcs8Pem(p256().privateKey)
    const cut = pem.slice(0, pem.indexOf('-----END'))
    expect(failure(() => readSigningKey(cut, undefined), pem)).toMatch(
      /has a BEGIN line but no "-----END PRIVATE KEY-----" line: the text was cut short/
    )
    const damaged = pem.replace(/\n(.)/, '\n!$1')
    expect(failure(() => readSigningKey(damaged, undefined), pem)).toMatch(
      /the base64 text between the "PRIVATE KEY" BEGIN and END lines is damaged/
    )
    const truncatedDer = wrapPem(
      'PRIVATE KEY',
      Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64').subarray(0, 40)
    )
    expect(failure(() => readSigningKey(truncatedDer, undefined), pem)).toMatch(
      /the "PRIVATE KEY" block is not a private key this tool can read/
    )
    expect(
      failure(() => readSigningKey(pem + pkcs8Pem(p256().privateKey), undefined), pem)
    ).toMatch(/holds 2 private keys/)
  })

  describe('a damaged cosign key', () => {
    const base = encryptCosignKey(p256().privateKey.export({ type: 'pkcs8', format: 'der' }), 'pw')
    const edited = (
      edit: (envelope: Record<string, Record<string, unknown> | string>) => void
    ): string => {
      const envelope = cosignEnvelope(base)
      edit(envelope)
      return wrapPem('ENCRYPTED SIGSTORE PRIVATE KEY', Buffer.from(JSON.stringify(envelope)))
    }

    it.each([
      [
        'a body that is not JSON',
        wrapPem('ENCRYPTED SIGSTORE PRIVATE KEY', Buffer.from('not json')),
        /the encrypted key is damaged \(its body is not the JSON cosign writes\)/
      ],
      [
        'no kdf section',
        edited((e) => delete e.kdf),
        /damaged \(the kdf or cipher section is missing\)/
      ],
      [
        'a short nonce',
        edited((e) => ((e.cipher as Record<string, unknown>).nonce = 'AAAA')),
        /damaged \(the nonce is not 24 bytes of base64\)/
      ],
      [
        'a ciphertext too short for a key',
        edited((e) => (e.ciphertext = 'AAAA')),
        /damaged \(the ciphertext is not base64, or too short to hold a key\)/
      ],
      [
        'scrypt parameters that are not numbers',
        edited((e) => ((e.kdf as Record<string, unknown>).params = { N: 'x', r: 8, p: 1 })),
        /damaged \(the scrypt parameters N, r and p are not all whole numbers\)/
      ],
      [
        'a kdf other than scrypt',
        edited((e) => ((e.kdf as Record<string, unknown>).name = 'argon2id')),
        /uses key derivation "argon2id"; only scrypt, which cosign writes, is supported/
      ],
      [
        'a cipher other than secretbox',
        edited((e) => ((e.cipher as Record<string, unknown>).name = 'aes-gcm')),
        /uses cipher "aes-gcm"; only nacl\/secretbox, which cosign writes, is supported/
      ],
      [
        'an N too large to be safe',
        edited((e) => ((e.kdf as Record<string, unknown>).params = { N: 2 ** 30, r: 8, p: 1 })),
        /scrypt parameters N=1073741824, r=8, p=1, outside what is accepted/
      ]
    ])('refuses %s', (_what, pem, message) => {
      expect(failure(() => readSigningKey(pem, 'pw'), base)).toMatch(message)
    })

    it('says an altered ciphertext may be the cause when the right password does not open it', () => {
      const flipped = edited((e) => {
        const bytes = Buffer.from(e.ciphertext as string, 'base64')
        bytes[0] = (bytes[0] ?? 0) ^ 1
        e.ciphertext = bytes.toString('base64')
      })
      expect(failure(() => readSigningKey(flipped, 'pw'), base)).toMatch(
        /does not open this encrypted key .*the key text was altered/
      )
    })

    it('refuses a box that opens to something that is not a key', () => {
      expect(
        failure(() => readSigningKey(encryptCosignKey(Buffer.from('not a key at all'), 'pw'), 'pw'))
      ).toMatch(/the decrypted key is not a private key this tool can read/)
    })
  })
})

describe('readPublicKey', () => {
  it('reads SPKI PEM of every supported type and PKCS#1 RSA public keys', () => {
    for (const [pair, algorithm] of [
      [p256(), 'ecdsa-p256'],
      [generateKeyPairSync('ec', { namedCurve: 'P-384' }), 'ecdsa-p384'],
      [generateKeyPairSync('ec', { namedCurve: 'P-521' }), 'ecdsa-p521'],
      [generateKeyPairSync('ed25519'), 'ed25519'],
      [generateKeyPairSync('rsa', { modulusLength: 2048 }), 'rsa']
    ] as const) {
      const material = readPublicKey(spkiPem(pair.publicKey), 'public-key')
      expect(material.algorithm).toBe(algorithm)
      expect(material.hint).toBe(keyHint(pair.publicKey))
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey
    expect(
      readPublicKey(rsa.export({ type: 'pkcs1', format: 'pem' }).toString(), 'public-key').hint
    ).toBe(keyHint(rsa))
  })

  it('refuses a private key given as the public key without quoting it, a certificate, and text that is not PEM', () => {
    const pem = pkcs8Pem(p256().privateKey)
    expect(failure(() => readPublicKey(pem, 'public-key'), pem)).toMatch(
      /^public-key: holds a private key where the public key is expected.*rotate the key/
    )
    expect(
      failure(() => readPublicKey(wrapPem('CERTIFICATE', Buffer.from('x')), 'public-key "k.pem"'))
    ).toMatch(/^public-key "k.pem": holds a certificate, not a public key/)
    expect(failure(() => readPublicKey('ssh-ed25519 AAAA', 'public-key'))).toMatch(
      /^public-key: is not PEM text \(no "-----BEGIN PUBLIC KEY-----" line\)/
    )
    expect(
      failure(() => readPublicKey(wrapPem('PUBLIC KEY', Buffer.from('junk')), 'public-key'))
    ).toMatch(/the "PUBLIC KEY" block is not a public key this tool can read/)
    expect(
      failure(() =>
        readPublicKey(
          spkiPem(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey),
          'public-key'
        )
      )
    ).toMatch(/curve secp256k1/)
  })

  it('tells PEM text from a path', () => {
    expect(looksLikePem(spkiPem(p256().publicKey))).toBe(true)
    expect(looksLikePem('-----BEGIN PUBLIC KEY-----\\nMFkw')).toBe(true)
    expect(looksLikePem('keys/cosign.pub')).toBe(false)
    expect(looksLikePem('')).toBe(false)
  })
})
