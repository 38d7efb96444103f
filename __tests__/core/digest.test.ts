import { describe, expect, it } from '@jest/globals'
import { digestFromHex, hexOf, parseDigest } from '../../src/core/digest.js'

const HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

describe('parseDigest', () => {
  it('reads sha256:<hex>, bare hex and upper case alike', () => {
    expect(parseDigest(`sha256:${HEX}`, 'x')).toBe(`sha256:${HEX}`)
    expect(parseDigest(HEX, 'x')).toBe(`sha256:${HEX}`)
    expect(parseDigest(`  SHA256:${HEX.toUpperCase()}\n`, 'x')).toBe(`sha256:${HEX}`)
  })

  it('names the input, quotes the value and says what a digest looks like', () => {
    expect(() => parseDigest('abc123', 'expected-digest')).toThrow(
      'expected-digest: "abc123" is not a sha256 digest. Give "sha256:" followed by 64 hex characters, or the 64 hex characters alone (got 6 characters).'
    )
    expect(() => parseDigest(`${HEX.slice(0, 63)}g`, 'subject-digest')).toThrow('(got 64 characters, some not hex)')
  })

  it('refuses other algorithms by name', () => {
    expect(() => parseDigest(`sha512:${HEX}${HEX}`, 'subject-digest')).toThrow('is a sha512 digest; artifact-seal reads sha256 digests only')
  })

  it('round-trips hex', () => {
    expect(hexOf(digestFromHex(HEX))).toBe(HEX)
  })
})
