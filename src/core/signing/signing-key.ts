import {
  type KeyObject,
  createPrivateKey,
  createPublicKey,
  scryptSync,
  sign,
  verify
} from 'node:crypto'
import nacl from 'tweetnacl'
import { SealError, quote } from '../errors.js'
import {
  GENERATE_HINT,
  type PemBlock,
  PRIVATE_LABELS,
  PUBLIC_LABELS,
  type PublicKeyMaterial,
  SUPPORTED_KEYS,
  algorithmOf,
  bodyBytes,
  material,
  normalize,
  notPem,
  pemBlocks
} from './public-key.js'
import { isRecord } from '../json-shape.js'

export {
  type KeyAlgorithm,
  type PublicKeyMaterial,
  keyHint,
  looksLikePem,
  readPublicKey
} from './public-key.js'

/**
 * A user's signing key, read from the PEM text a secret holds, and the public keys that
 * check its signatures. Pure: the caller reads files and inputs.
 *
 * What a secret does to PEM text, and what is undone here (and only this):
 * - CRLF or CR line ends, a byte-order mark, blank lines and indentation around the text
 *   or its lines (a YAML block scalar, a copy from a Windows editor);
 * - literal `\n` (and `\r\n`, `\r`) escape sequences in place of line breaks, as a key
 *   pasted from JSON or a `.env` file arrives. A backslash never occurs in PEM, so
 *   reading one as an escaped line break cannot change a key;
 * - line breaks replaced by spaces or missing entirely (a secret pasted as one line): the
 *   body between the BEGIN and END lines is base64, whose whitespace carries nothing.
 * A block with RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`) keeps its lines as given.
 */

export interface SigningKey extends PublicKeyMaterial {
  readonly privateKey: KeyObject
  /** The public key as SPKI PEM, as a bundle's signer names it. */
  readonly publicKeyPem: string
}

const COSIGN_LABELS = new Set(['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'])
/** A SEC1 key from `openssl ecparam -genkey` comes after this block; it says nothing on its own. */
const IGNORED_LABELS = new Set(['EC PARAMETERS'])

const SUPPORTED_FORMATS =
  'PKCS#8 ("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"), SEC1 ("EC PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or ' +
  'cosign\'s encrypted key ("ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED ' +
  'COSIGN PRIVATE KEY")'

/** The block as PEM text again, wrapped at 64 columns, for the OpenSSL decoders that want one. */
function pemText(block: PemBlock): string {
  const lines = block.body.match(/.{1,64}/g) ?? []
  const headers = block.headers.length === 0 ? '' : `${block.headers.join('\n')}\n\n`
  return `-----BEGIN ${block.label}-----\n${headers}${lines.join('\n')}\n-----END ${block.label}-----\n`
}

/**
 * The scrypt parameters cosign writes are N = 32768 or 65536, r = 8, p = 1 (64 MiB, a fifth
 * of a second). The bounds keep a crafted key file from asking for gigabytes of memory or
 * minutes of work: at most 256 MiB (128·N·r bytes) and four passes.
 */
const SCRYPT_MAX_N = 1 << 18
const SCRYPT_MAX_R = 16
const SCRYPT_MAX_P = 4
const SCRYPT_MAX_MEMORY = 256 * 1024 * 1024
const SECRETBOX_KEY_BYTES = 32

interface CosignEnvelope {
  readonly salt: Buffer
  readonly n: number
  readonly r: number
  readonly p: number
  readonly nonce: Buffer
  readonly ciphertext: Buffer
}

function base64Field(value: unknown): Buffer | null {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0)
    return null
  return Buffer.from(value, 'base64')
}

/** go-securesystemslib's `encrypted` format, as cosign writes it, checked field by field. */
function cosignEnvelope(block: PemBlock, where: string): CosignEnvelope {
  const damaged = (what: string): SealError =>
    new SealError(
      'malformed',
      `${where}: the encrypted key is damaged (${what}). Copy the whole key file into the secret again.`
    )
  let json: unknown
  try {
    json = JSON.parse(bodyBytes(block, where).toString('utf8'))
  } catch (error) {
    if (error instanceof SealError) throw error
    throw damaged('its body is not the JSON cosign writes')
  }
  if (!isRecord(json) || !isRecord(json.kdf) || !isRecord(json.cipher))
    throw damaged('the kdf or cipher section is missing')
  const { kdf, cipher } = json
  if (kdf.name !== 'scrypt') {
    throw new SealError(
      'unrecognized',
      `${where}: the encrypted key uses key derivation ${quote(String(kdf.name).slice(0, 40))}; only scrypt, ` +
        'which cosign writes, is supported. Re-encrypt the key with "cosign ' +
        'import-key-pair".'
    )
  }
  if (cipher.name !== 'nacl/secretbox') {
    throw new SealError(
      'unrecognized',
      `${where}: the encrypted key uses cipher ${quote(String(cipher.name).slice(0, 40))}; only ` +
        'nacl/secretbox, which cosign writes, is supported. Re-encrypt the key with ' +
        '"cosign import-key-pair".'
    )
  }
  const params = isRecord(kdf.params) ? kdf.params : {}
  const { N: n, r, p } = params
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p))
    throw damaged('the scrypt parameters N, r and p are not all whole numbers')
  const [nn, rr, pp] = [n as number, r as number, p as number]
  if (
    nn < 2 ||
    (nn & (nn - 1)) !== 0 ||
    nn > SCRYPT_MAX_N ||
    rr < 1 ||
    rr > SCRYPT_MAX_R ||
    pp < 1 ||
    pp > SCRYPT_MAX_P ||
    128 * nn * rr > SCRYPT_MAX_MEMORY
  ) {
    throw new SealError(
      'refused',
      `${where}: the encrypted key asks for scrypt parameters N=${nn}, r=${rr}, p=${pp}, outside what is ` +
        `accepted (N a power of two up to ${SCRYPT_MAX_N}, r up to ${SCRYPT_MAX_R}, ` +
        `p up to ${SCRYPT_MAX_P}, 128·N·r bytes up to 256 MiB). ` +
        'Re-encrypt the key with "cosign import-key-pair".'
    )
  }
  const salt = base64Field(kdf.salt)
  const nonce = base64Field(cipher.nonce)
  const ciphertext = base64Field(json.ciphertext)
  if (salt === null || salt.length === 0) throw damaged('the salt is not base64')
  if (nonce === null || nonce.length !== nacl.secretbox.nonceLength)
    throw damaged(`the nonce is not ${nacl.secretbox.nonceLength} bytes of base64`)
  if (ciphertext === null || ciphertext.length <= nacl.secretbox.overheadLength)
    throw damaged('the ciphertext is not base64, or too short to hold a key')
  return { salt, n: nn, r: rr, p: pp, nonce, ciphertext }
}

/** The plaintext, or null when the password does not open the box (or the box was altered: the two look the same). */
function openCosign(envelope: CosignEnvelope, password: string): Buffer | null {
  // scrypt needs 128·N·r bytes; Node refuses anything over 32 MiB unless told, and cosign's N = 65536 needs 64 MiB.
  const maxmem = 128 * envelope.n * envelope.r + 16 * 1024 * 1024
  const key = scryptSync(Buffer.from(password, 'utf8'), envelope.salt, SECRETBOX_KEY_BYTES, {
    N: envelope.n,
    r: envelope.r,
    p: envelope.p,
    maxmem
  })
  const plain = nacl.secretbox.open(envelope.ciphertext, envelope.nonce, key)
  return plain === null ? null : Buffer.from(plain)
}

// The password is a secret of the job's environment, as cosign reads it, never an input.
function passwordName(_inputName: string): string {
  return 'COSIGN_PASSWORD (or ARTIFACT_SEAL_KEY_PASSWORD)'
}

function wrongPassword(inputName: string, block: PemBlock): SealError {
  const pw = passwordName(inputName)
  const cosign = COSIGN_LABELS.has(block.label)
  return new SealError(
    'bad-input',
    `${inputName}: the password in ${pw} does not open this encrypted key ("${block.label}"). ` +
      (`Check that ${pw} holds the password the key was encrypted with${
        cosign ? ' (the COSIGN_PASSWORD given to "cosign ' + 'generate-key-pair")' : ''
      } and that both secrets belong to the ` +
        'same key') +
      `${cosign ? '; if they do, the key text was altered: copy the whole key file into the secret again' : ''}.`
  )
}

function missingPassword(inputName: string, block: PemBlock): SealError {
  const pw = passwordName(inputName)
  return new SealError(
    'bad-input',
    `${inputName}: the key is encrypted ("${block.label}") and ${pw} is empty. Set ${pw} in the step's env ` +
      'from a secret' +
      `${
        COSIGN_LABELS.has(block.label)
          ? ' (for a cosign key, the COSIGN_PASSWORD given to "cosign ' + 'generate-key-pair")'
          : ''
      }.`
  )
}

const ED25519_V2_PREFIX = Buffer.from('3051020101300506032b657004220420', 'hex')
const ED25519_V2_PUBLIC = Buffer.from('812100', 'hex')
const ED25519_V1_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/**
 * An Ed25519 key in PKCS#8 v2 (RFC 8410's OneAsymmetricKey with the public key inside, as
 * Rust's pkcs8 crate and OpenSSL 3.5 write it) as v1, which the OpenSSL 3.0 of Node 20 and
 * 22 cannot otherwise read. The public key it carried must be the seed's own.
 */
function ed25519V1(der: Buffer): { v1: Buffer; publicKey: Buffer } | null {
  if (
    der.length !== 83 ||
    !der.subarray(0, 16).equals(ED25519_V2_PREFIX) ||
    !der.subarray(48, 51).equals(ED25519_V2_PUBLIC)
  )
    return null
  return {
    v1: Buffer.concat([ED25519_V1_PREFIX, der.subarray(16, 48)]),
    publicKey: der.subarray(51)
  }
}

/** A DER private key that decrypted, or was never encrypted, but may still be no key at all. */
function parseDer(
  der: Buffer,
  types: readonly ('pkcs8' | 'sec1' | 'pkcs1')[],
  inputName: string,
  what: string
): KeyObject {
  // Checked on every Node, so that a key that only Node 24 would read leniently is refused everywhere.
  const ed25519 = types.includes('pkcs8') ? ed25519V1(der) : null
  if (ed25519 !== null) {
    const key = createPrivateKey({ key: ed25519.v1, format: 'der', type: 'pkcs8' })
    if (
      createPublicKey(key)
        .export({ type: 'spki', format: 'der' })
        .subarray(12)
        .equals(ed25519.publicKey)
    )
      return key
    throw new SealError(
      'malformed',
      `${inputName}: ${what} is an Ed25519 key whose stored public key is not its own: the key is damaged. ` +
        'Export the key again.'
    )
  }
  for (const type of types) {
    try {
      return createPrivateKey({ key: der, format: 'der', type })
    } catch {
      // The next encoding, then the error below.
    }
  }
  throw new SealError(
    'unrecognized',
    `${inputName}: ${what} is not a private key this tool can read (damaged, or an unsupported type). ` +
      `Supported keys: ${SUPPORTED_KEYS}. ${GENERATE_HINT}`
  )
}

function privateKeyOf(block: PemBlock, password: string | undefined, inputName: string): KeyObject {
  if (COSIGN_LABELS.has(block.label)) {
    const envelope = cosignEnvelope(block, inputName)
    // cosign writes keys with an empty password too (COSIGN_PASSWORD=""), so no password means try the empty one.
    const plain = openCosign(envelope, password ?? '')
    if (plain === null)
      throw password === undefined || password === ''
        ? missingPassword(inputName, block)
        : wrongPassword(inputName, block)
    // cosign writes PKCS#8; keys written by cosign before 1.x and by other tools may hold SEC1 or PKCS#1.
    return parseDer(plain, ['pkcs8', 'sec1', 'pkcs1'], inputName, 'the decrypted key')
  }
  if (
    block.label === 'ENCRYPTED PRIVATE KEY' ||
    block.headers.some((header) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(header))
  ) {
    if (password === undefined || password === '') throw missingPassword(inputName, block)
    const der = block.headers.length === 0 ? bodyBytes(block, inputName) : null
    try {
      return der === null
        ? createPrivateKey({ key: pemText(block), format: 'pem', passphrase: password })
        : createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase: password })
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_OSSL_BAD_DECRYPT')
        throw wrongPassword(inputName, block)
      throw new SealError(
        'malformed',
        `${inputName}: the encrypted key ("${block.label}") could not be opened: it is damaged, or encrypted ` +
          'with a cipher OpenSSL does not offer. ' +
          (`Check that ${passwordName(inputName)} is right, or export the key again ("openssl pkcs8 -topk8 -v2 ` +
            'aes-256-cbc").')
      )
    }
  }
  const type =
    block.label === 'EC PRIVATE KEY'
      ? 'sec1'
      : block.label === 'RSA PRIVATE KEY'
        ? 'pkcs1'
        : 'pkcs8'
  return parseDer(bodyBytes(block, inputName), [type], inputName, `the "${block.label}" block`)
}

function unsupportedBlock(label: string, where: string): SealError {
  if (label === 'OPENSSH PRIVATE KEY') {
    return new SealError(
      'unrecognized',
      `${where}: is an OpenSSH private key, which this tool does not read. Convert an RSA or ECDSA key to ` +
        'PKCS#8 with "ssh-keygen -p -m PKCS8 -f FILE", ' +
        `or use a new key. ${GENERATE_HINT}`
    )
  }
  return new SealError(
    'unrecognized',
    `${where}: holds a "${label}" PEM block, which is not a private key this tool reads. Supported: ${SUPPORTED_FORMATS}. ${GENERATE_HINT}`
  )
}

/**
 * A private key read from PEM text (a secret's value, a key file), decrypted with the
 * password when it is encrypted. Every failure is a SealError naming `inputName` and never
 * quoting the key. The key signs and verifies a probe before it is returned: a SEC1 key
 * whose embedded public half belongs to another key would otherwise sign bundles that its
 * own hint cannot verify.
 */
export function readSigningKey(
  pemText: string,
  password: string | undefined,
  inputName = 'signing-key'
): SigningKey {
  const text = normalize(pemText).trim()
  if (text === '')
    throw new SealError(
      'bad-input',
      `${inputName}: is empty. Pass the private key's PEM text from a secret, such as "\${{ ` +
        `secrets.SIGNING_KEY }}". ${GENERATE_HINT}`
    )
  const blocks = pemBlocks(text, inputName).filter((block) => !IGNORED_LABELS.has(block.label))
  if (blocks.length === 0) throw notPem(inputName, 'PRIVATE KEY')
  const privateBlocks = blocks.filter((block) => PRIVATE_LABELS.has(block.label))
  if (privateBlocks.length > 1)
    throw new SealError(
      'bad-input',
      `${inputName}: holds ${privateBlocks.length} private keys. Pass exactly one key.`
    )
  const block = privateBlocks[0]
  if (block === undefined) {
    const first = blocks[0]?.label ?? ''
    if (PUBLIC_LABELS.has(first)) {
      throw new SealError(
        'bad-input',
        `${inputName}: holds a public key ("${first}"), not a private key. Pass the private key (cosign.key, ` +
          'or the PEM with "PRIVATE KEY" in its BEGIN line); the public key goes to ' +
          'public-key where the seal is verified.'
      )
    }
    if (first === 'CERTIFICATE')
      throw new SealError(
        'bad-input',
        `${inputName}: holds a certificate, not a private key. Pass the private key the certificate was issued for.`
      )
    throw unsupportedBlock(first, inputName)
  }
  const privateKey = privateKeyOf(block, password, inputName)
  const algorithm = algorithmOf(privateKey, inputName)
  const publicKey = createPublicKey(privateKey)
  const probe = Buffer.from('artifact-seal key probe')
  const hash = algorithm === 'ed25519' ? null : 'sha256'
  if (!verify(hash, probe, publicKey, sign(hash, probe, privateKey))) {
    throw new SealError(
      'malformed',
      `${inputName}: the private key does not match the public key stored with it: the key is damaged. Export ` +
        'the key again.'
    )
  }
  return {
    ...material(publicKey, algorithm),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString()
  }
}
