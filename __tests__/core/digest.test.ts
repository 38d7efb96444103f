import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import {
  digestFromHex,
  hexOf,
  parseDigest,
  sha256Digest,
  sha256Hex
} from '../../src/core/digest.js'
import { sourcesMatching } from '../helpers/source-files.js'

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

describe('sha256Digest, the one sha256 of bytes in memory', () => {
  it('agrees with sha256sum, text hashed as its UTF-8 bytes', () => {
    for (const text of ['', 'abc\n', 'Grüße, 世界 🌍\n', 'a'.repeat(100_000)]) {
      const bytes = Buffer.from(text, 'utf8')
      const oracle = execFileSync('sha256sum', ['-'], { input: bytes }).toString().slice(0, 64)
      expect([sha256Digest(text), sha256Digest(bytes)]).toEqual([
        `sha256:${oracle}`,
        `sha256:${oracle}`
      ])
      expect(sha256Hex(new Uint8Array(bytes))).toBe(oracle)
    }
  })

  it('is what a stream hashed chunk by chunk gives, with the same prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.nat({ max: 64 }), (bytes, step) => {
        const streamed = createHash('sha256')
        for (let at = 0; at < bytes.length; at += step + 1)
          streamed.update(bytes.subarray(at, at + step + 1))
        expect(sha256Digest(bytes)).toBe(digestFromHex(streamed.digest('hex')))
      })
    )
  })

  it('is the only sha256 of bytes in memory in src/: a Hash object only where bytes stream', () => {
    // Streams hashed as they are read; the hashing engine and the walk have their own owners.
    const streaming = new Set([
      'stores/evidence/signed-download.ts',
      'stores/evidence/cache-restore.ts',
      'stores/registry/copy.ts'
    ])
    const hashers = sourcesMatching(/createHash\(\s*'sha256'\s*\)/, /^core\/(hashing|subject)\//)
    expect(hashers.filter((f) => !streaming.has(f))).toEqual([])
  })
})
