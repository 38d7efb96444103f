import { hash } from 'node:crypto'
import { SealError, quote } from './errors.js'

/** `sha256:<64 lowercase hex>`: the only digest form artifact-seal writes. */
export type Digest = `sha256:${string}`

const HEX64 = /^[0-9a-f]{64}$/

export function digestFromHex(hex: string): Digest {
  return `sha256:${hex}`
}

/**
 * The sha256 of bytes in memory, the one helper for it: bytes that arrive as a stream are hashed
 * as they are read (a Hash object) and named with digestFromHex. `crypto.hash` costs a fraction
 * of a Hash object's set-up for short input, which the ledger's lines are.
 */
export function sha256Digest(data: string | Uint8Array): Digest {
  return digestFromHex(sha256Hex(data))
}

/** sha256Digest's hex alone, for records that keep the hex (a contract file's `sha256`). */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex')
}

export function hexOf(digest: Digest): string {
  return digest.slice('sha256:'.length)
}

/** `sha256:0123456789ab…`: enough of a digest to tell it apart in a table or a description. */
export function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest
}

/**
 * Reads a digest as users paste it: `sha256:<hex>` or the bare hex that
 * `actions/upload-artifact` and `sha256sum` print. Upper case is accepted and lowered.
 * `what` names where the value came from, for the error message.
 */
export function parseDigest(value: string, what: string): Digest {
  const trimmed = value.trim()
  const lowered = trimmed.toLowerCase()
  const hex = lowered.startsWith('sha256:') ? lowered.slice('sha256:'.length) : lowered
  if (HEX64.test(hex)) return digestFromHex(hex)
  const algorithm = /^([a-z0-9_-]+):/.exec(lowered)?.[1]
  if (algorithm !== undefined && algorithm !== 'sha256') {
    throw new SealError(
      'bad-input',
      `${what}: ${quote(trimmed)} is a ${algorithm} digest; artifact-seal reads sha256 digests only. ` +
        `Give "sha256:" followed by 64 hex characters.`
    )
  }
  throw new SealError(
    'bad-input',
    `${what}: ${quote(trimmed)} is not a sha256 digest. ` +
      `Give "sha256:" followed by 64 hex characters, or the 64 hex characters alone ` +
      `(got ${hex.length} characters${/[^0-9a-f]/.test(hex) ? ', some not hex' : ''}).`
  )
}
