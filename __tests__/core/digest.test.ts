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
    expect(() => parseDigest('abc123', 'expected-digest')).toThrowSealError(
      'bad-input',
      'expected-digest',
      '"abc123"',
      '"sha256:"'
    )
    expect(() => parseDigest(`${HEX.slice(0, 63)}g`, 'subject-digest')).toThrowSealError(
      'bad-input'
    )
  })

  it('refuses other algorithms by name', () => {
    expect(() => parseDigest(`sha512:${HEX}${HEX}`, 'subject-digest')).toThrowSealError('bad-input')
  })

  it('round-trips hex', () => {
    expect(hexOf(digestFromHex(HEX))).toBe(HEX)
  })
})
