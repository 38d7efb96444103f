import { type KeyObject, createPublicKey } from 'node:crypto'
import { sha256Hex } from '../digest.js'
import { SealError } from '../errors.js'

/**
 * Public keys, and what reading any key's PEM needs: its blocks, their base64, the key's
 * algorithm. Kept apart from private keys (signing-key.ts), so checking a signature with a
 * public key never loads the cipher that opens cosign's encrypted keys.
 */

export type KeyAlgorithm = 'ecdsa-p256' | 'ecdsa-p384' | 'ecdsa-p521' | 'ed25519' | 'rsa'

export interface PublicKeyMaterial {
  readonly publicKey: KeyObject
  /** base64(sha256(SPKI DER)): the name a keyed Sigstore bundle gives its key. */
  readonly hint: string
  readonly algorithm: KeyAlgorithm
}

export interface PemBlock {
  readonly label: string
  /** Header lines (`Name: value`) before the base64 body; empty for nearly every key. */
  readonly headers: readonly string[]
  /** The base64 body with all whitespace removed. */
  readonly body: string
}

export const PRIVATE_LABELS = new Set([
  'PRIVATE KEY',
  'EC PRIVATE KEY',
  'RSA PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'ENCRYPTED SIGSTORE PRIVATE KEY',
  'ENCRYPTED COSIGN PRIVATE KEY'
])
export const PUBLIC_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY'])

export const CURVES: Readonly<Record<string, KeyAlgorithm>> = {
  prime256v1: 'ecdsa-p256',
  secp384r1: 'ecdsa-p384',
  secp521r1: 'ecdsa-p521'
}
/**
 * cosign's bounds (sigstore cryptoutils.ValidatePubKey): smaller keys are weak, larger ones refused
 * by its verifiers.
 */
const RSA_MIN_BITS = 2048
const RSA_MAX_BITS = 4096

export const SUPPORTED_KEYS = 'ECDSA on P-256, P-384 or P-521, Ed25519, or RSA of 2048 to 4096 bits'
export const GENERATE_HINT =
  'Create one with "cosign generate-key-pair" or "openssl genpkey -algorithm ed25519 -out key.pem".'

/** Text in which a PEM BEGIN line can be found: how the caller tells key text from a path. */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text)
}

export function keyHint(publicKey: KeyObject): string {
  return Buffer.from(sha256Hex(publicKey.export({ type: 'spki', format: 'der' })), 'hex').toString(
    'base64'
  )
}

export function normalize(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\r\n?/g, '\n')
}

/** Every PEM block in the text, in order; throws only for a BEGIN without its END. */
export function pemBlocks(text: string, where: string): PemBlock[] {
  const blocks: PemBlock[] = []
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/g
  let match: RegExpExecArray | null
  while ((match = begin.exec(text)) !== null) {
    const label = match[1] ?? ''
    const endLine = `-----END ${label}-----`
    const end = text.indexOf(endLine, begin.lastIndex)
    if (end === -1) {
      throw new SealError(
        'malformed',
        `${where}: the "${label}" block has a BEGIN line but no "${endLine}" line: the text was cut short. ` +
          'Copy the whole file, END line included.'
      )
    }
    const inner = text.slice(begin.lastIndex, end)
    // A colon never occurs in base64, so a line with one is a header.
    const lines = inner.split('\n').map((line) => line.trim())
    const isHeader = (line: string): boolean => /^[A-Za-z][A-Za-z0-9-]*:/.test(line)
    blocks.push({
      label,
      headers: lines.filter(isHeader),
      body: lines
        .filter((line) => !isHeader(line))
        .join('')
        .replace(/\s+/g, '')
    })
    begin.lastIndex = end + endLine.length
  }
  return blocks
}

export function bodyBytes(block: PemBlock, where: string): Buffer {
  if (
    block.body === '' ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(block.body) ||
    block.body.length % 4 === 1
  ) {
    throw new SealError(
      'malformed',
      `${where}: the base64 text between the "${block.label}" BEGIN and END lines is damaged. Copy the whole ` +
        'key file into the secret again.'
    )
  }
  return Buffer.from(block.body, 'base64')
}

export function algorithmOf(key: KeyObject, where: string): KeyAlgorithm {
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve
      const algorithm = curve === undefined ? undefined : CURVES[curve]
      if (algorithm === undefined) {
        throw new SealError(
          'unrecognized',
          `${where}: is an ECDSA key on ${curve === undefined ? 'a curve given by explicit parameters' : `curve ${curve}`}, which Sigstore tools do not accept. ` +
            ('Use a key on P-256, P-384 or P-521, such as one from "openssl genpkey -algorithm EC -pkeyopt ' +
              'ec_paramgen_curve:P-256".')
        )
      }
      return algorithm
    }
    case 'ed25519':
      return 'ed25519'
    case 'rsa': {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
      if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
        throw new SealError(
          'unrecognized',
          `${where}: is a ${bits}-bit RSA key; Sigstore tools accept RSA keys of ${RSA_MIN_BITS} to ${RSA_MAX_BITS} bits. Use a 3072-bit RSA key, or an ECDSA P-256 or Ed25519 ` +
            'key.'
        )
      }
      return 'rsa'
    }
    default:
      throw new SealError(
        'unrecognized',
        `${where}: is a ${key.asymmetricKeyType ?? 'secret'} key, which cannot sign Sigstore bundles. ` +
          `Supported keys: ${SUPPORTED_KEYS}. ${GENERATE_HINT}`
      )
  }
}

export function notPem(where: string, expected: string): SealError {
  return new SealError(
    'malformed',
    `${where}: is not PEM text (no "-----BEGIN ${expected}-----" line). Pass the whole key file, BEGIN and END ` +
      'lines included' +
      `${expected === 'PUBLIC KEY' ? '' : ', from a secret ("${{ secrets.SIGNING_KEY }}")'}.`
  )
}

export function material(publicKey: KeyObject, algorithm: KeyAlgorithm): PublicKeyMaterial {
  return { publicKey, hint: keyHint(publicKey), algorithm }
}

/**
 * A public key for the `public-key` input: SPKI PEM ("PUBLIC KEY", what cosign writes to
 * cosign.pub and `openssl pkey -pubout` prints) or PKCS#1 ("RSA PUBLIC KEY"). `source` names
 * where the text came from (the input, or the input and its file) in every error.
 */
export function readPublicKey(text: string, source: string): PublicKeyMaterial {
  const normalized = normalize(text).trim()
  if (normalized === '')
    throw new SealError(
      'bad-input',
      `${source}: is empty. Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----…"), such as cosign.pub.`
    )
  const blocks = pemBlocks(normalized, source)
  if (blocks.length === 0) throw notPem(source, 'PUBLIC KEY')
  const publicBlocks = blocks.filter((block) => PUBLIC_LABELS.has(block.label))
  if (publicBlocks.length > 1)
    throw new SealError(
      'bad-input',
      `${source}: holds ${publicBlocks.length} public keys. Give exactly one.`
    )
  const block = publicBlocks[0]
  if (block === undefined) {
    if (
      blocks.some(
        (candidate) =>
          PRIVATE_LABELS.has(candidate.label) || candidate.label.endsWith('PRIVATE KEY')
      )
    ) {
      throw new SealError(
        'bad-input',
        `${source}: holds a private key where the public key is expected. Give only the public half ` +
          '(cosign.pub, or "openssl pkey -pubout -in key.pem"), ' +
          'and rotate the key if this text was published.'
      )
    }
    if (blocks[0]?.label === 'CERTIFICATE') {
      throw new SealError(
        'bad-input',
        `${source}: holds a certificate, not a public key. Give the key it certifies ("openssl x509 -pubkey ` +
          '-noout -in cert.pem").'
      )
    }
    throw new SealError(
      'unrecognized',
      `${source}: holds a "${blocks[0]?.label ?? ''}" PEM block, not a public key. Give the "-----BEGIN PUBLIC ` +
        'KEY-----" text, such as cosign.pub.'
    )
  }
  let publicKey: KeyObject
  try {
    publicKey = createPublicKey({
      key: bodyBytes(block, source),
      format: 'der',
      type: block.label === 'RSA PUBLIC KEY' ? 'pkcs1' : 'spki'
    })
  } catch (error) {
    if (error instanceof SealError) throw error
    throw new SealError(
      'unrecognized',
      `${source}: the "${block.label}" block is not a public key this tool can read (damaged, or an ` +
        `unsupported type). Supported keys: ${SUPPORTED_KEYS}.`
    )
  }
  return material(publicKey, algorithmOf(publicKey, source))
}
