import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { summarizeFiles } from '../../src/core/file-summary.js'
import {
  compareUtf8,
  diffListings,
  digestOfListing,
  formatListing,
  listingFromDigests,
  listingFromPathBytes,
  parseListing,
  sortEntries
} from '../../src/core/listing.js'

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
    expect(() => parseListing(`${A}  ok\nnot a checksum\n`, 'SUMS')).toThrowSealError(
      'malformed',
      '"not a checksum"',
      '" *"',
      '"sha256sum"'
    )
    expect(() => parseListing(`${A}  x\n${B}  ./x\n`, 'SUMS')).toThrowSealError('malformed', '"x"')
    expect(() => parseListing(`${A}  ../etc/passwd\n`, 'SUMS')).toThrowSealError(
      'malformed',
      '"../etc/passwd"',
      '"."',
      '".."'
    )
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
    expect(digestOfListing('')).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
  })
})

// Paths as a walk finds them, unsorted, with the characters that order differently in
// UTF-16 and UTF-8; each with a digest and a size.
const hashedFiles = fc.uniqueArray(
  fc.tuple(
    fc.stringMatching(/^[a-z\u00e9\uff21\u{1F600}]{1,3}(\/[a-z\u{1F600}.]{1,3}){0,2}$/u),
    fc.uint8Array({ minLength: 32, maxLength: 32 }),
    fc.nat(1 << 20)
  ),
  {
    minLength: 1,
    maxLength: 60,
    selector: ([p]) => p
  }
)

describe('listingFromDigests and summarizeFiles', () => {
  it('write the listing formatListing writes, from raw digests in any order', () => {
    fc.assert(
      fc.property(hashedFiles, (files) => {
        const paths = files.map(([p]) => p)
        const digests = new Uint8Array(files.flatMap(([, d]) => [...d]))
        const order = Uint32Array.from(
          paths.map((_, i) => i).sort((a, b) => compareUtf8(paths[a] as string, paths[b] as string))
        )
        const expected = formatListing(
          sortEntries(files.map(([path, d]) => ({ path, hex: Buffer.from(d).toString('hex') })))
        )
        expect(listingFromDigests(paths, digests, order).toString('utf8')).toBe(expected)
      })
    )
  })

  it("write the same listing from the paths' queued bytes, after a root of any length", () => {
    fc.assert(
      fc.property(
        hashedFiles,
        fc.stringMatching(/^(\/[a-z\u00e9\u{1F600}]{1,4}){0,3}\/$/u),
        (files, rootPrefix) => {
          const paths = files.map(([p]) => p)
          const digests = new Uint8Array(files.flatMap(([, d]) => [...d]))
          const order = Uint32Array.from(
            paths
              .map((_, i) => i)
              .sort((a, b) => compareUtf8(paths[a] as string, paths[b] as string))
          )
          const encoded = paths.map((p) => Buffer.from(rootPrefix + p))
          let end = 0
          const ends = Uint32Array.from(encoded, (b) => (end += b.length))
          const queued = {
            bytes: Buffer.concat(encoded),
            ends,
            prefixLength: Buffer.byteLength(rootPrefix)
          }
          expect(
            listingFromPathBytes(queued, digests, order).equals(
              listingFromDigests(paths, digests, order)
            )
          ).toBe(true)
        }
      )
    )
  })

  it('write a listing of more lines than they join at once', () => {
    const paths = Array.from(
      { length: 10_001 },
      (_, i) => `d${i % 7}/f${String(i).padStart(5, '0')}`
    )
    const digests = Uint8Array.from({ length: paths.length * 32 }, (_, b) => (b * 31) % 256)
    const order = Uint32Array.from(
      paths.map((_, i) => i).sort((a, b) => compareUtf8(paths[a] as string, paths[b] as string))
    )
    const entries = paths.map((path, i) => ({
      path,
      hex: Buffer.from(digests.subarray(i * 32, i * 32 + 32)).toString('hex')
    }))
    expect(listingFromDigests(paths, digests, order).toString('utf8')).toBe(
      formatListing(sortEntries(entries))
    )
  })

  it('count every file under its top-level entry and keep the largest, as summing them one by one does', () => {
    fc.assert(
      fc.property(hashedFiles, (files) => {
        const paths = files.map(([p]) => p)
        const sizes = Float64Array.from(files.map(([, , size]) => size))
        const order = Uint32Array.from(
          paths.map((_, i) => i).sort((a, b) => compareUtf8(paths[a] as string, paths[b] as string))
        )
        const groups = new Map<string, { files: number; size: number }>()
        for (const [p, , size] of files) {
          const name = p.includes('/') ? p.slice(0, p.indexOf('/') + 1) : p
          const g = groups.get(name) ?? { files: 0, size: 0 }
          groups.set(name, { files: g.files + 1, size: g.size + size })
        }
        const summary = summarizeFiles(paths, sizes, order)
        expect(
          new Map(summary.topLevel.map((g) => [g.name, { files: g.files, size: g.size }]))
        ).toEqual(groups)
        expect(summary.largest.map((f) => f.size)).toEqual(
          [...sizes].sort((a, b) => b - a).slice(0, 5)
        )
      })
    )
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
