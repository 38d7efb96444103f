import { describe, expect, it } from '@jest/globals'
import { compareUtf8, diffListings, digestOfListing, formatListing, parseListing, sortEntries } from '../../src/core/listing.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)

describe('compareUtf8', () => {
  it('orders as UTF-8 bytes do, also where UTF-16 order disagrees', () => {
    const names = ['\u{1F600}.txt', '\uFF21.txt', 'a/b', 'a-c', 'B', 'a', 'é']
    const byBytes = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)))
    expect([...names].sort(compareUtf8)).toEqual(byBytes)
    // The plain JavaScript order puts the emoji (a surrogate pair) before U+FF21; UTF-8 does not.
    expect([...names].sort()).not.toEqual(byBytes)
  })
})

describe('parseListing', () => {
  it('reads sha256sum text and binary mode, ./ prefixes, CRLF, and sorts', () => {
    const text = `${B} *./z.bin\r\n${A}  a/b.txt\n\n${C}  ./a-c\n`
    expect(parseListing(text, 'SUMS')).toEqual([
      { path: 'a-c', hex: C },
      { path: 'a/b.txt', hex: A },
      { path: 'z.bin', hex: B }
    ])
  })

  it('reads the escaped form sha256sum prints for names with a backslash', () => {
    expect(parseListing(`\\${A}  dir\\\\name\n`, 'SUMS')).toEqual([{ path: 'dir\\name', hex: A }])
  })

  it('points at the line that is wrong and says what a line looks like', () => {
    expect(() => parseListing(`${A}  ok\nnot a checksum\n`, 'SUMS')).toThrowSealError('malformed', '"not a checksum"', '" *"', '"sha256sum"')
    expect(() => parseListing(`${A}  x\n${B}  ./x\n`, 'SUMS')).toThrowSealError('malformed', '"x"')
    expect(() => parseListing(`${A}  ../etc/passwd\n`, 'SUMS')).toThrowSealError('malformed', '"../etc/passwd"', '"."', '".."')
    expect(() => parseListing(`${A}  /abs\n`, 'SUMS')).toThrowSealError('malformed', '"/abs"')
    expect(() => parseListing('\n', 'SUMS')).toThrowSealError('malformed', 'SUMS')
  })
})

describe('formatListing and digestOfListing', () => {
  it('writes what sha256sum prints and hashes those bytes', () => {
    const entries = sortEntries([
      { path: 'b', hex: B },
      { path: 'a', hex: A }
    ])
    const text = formatListing(entries)
    expect(text).toBe(`${A}  a\n${B}  b\n`)
    expect(digestOfListing(text)).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(digestOfListing('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})

describe('diffListings', () => {
  it('names every file that changed, went missing or appeared', () => {
    const sealed = [
      { path: 'a', hex: A },
      { path: 'b', hex: B },
      { path: 'c', hex: C }
    ]
    const now = [
      { path: 'a', hex: A },
      { path: 'b', hex: C },
      { path: 'd', hex: A }
    ]
    expect(diffListings(sealed, now)).toEqual([
      { path: 'b', expected: B, actual: C, kind: 'changed' },
      { path: 'c', expected: C, actual: null, kind: 'missing' },
      { path: 'd', expected: null, actual: A, kind: 'added' }
    ])
    expect(diffListings(sealed, sealed)).toEqual([])
  })
})
