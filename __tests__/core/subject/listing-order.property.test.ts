import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import fc from 'fast-check'
import { listingOrder, resolveFiles } from '../../../src/core/subject/resolve-files.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

// Segments whose order differs between UTF-16 and UTF-8 (U+FF21 against a surrogate pair),
// and "-" and "." that sort before "/".
const segment = fc.stringMatching(/^[ab\-.\uff21\u{1F600}]{1,3}$/u)
const paths = fc.uniqueArray(
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
  { maxLength: 40 }
)
const byBytes = (list: readonly string[]): string[] =>
  [...list].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))

describe('listingOrder (property)', () => {
  it('orders paths as their UTF-8 bytes sort, given in any order or sorted already', () => {
    fc.assert(
      fc.property(paths, (list) => {
        const expected = byBytes(list)
        expect([...listingOrder(list)].map((i) => list[i])).toEqual(expected)
        expect([...listingOrder(expected)]).toEqual(expected.map((_, i) => i))
      })
    )
  })

  it('finds a directory walked without links in listing order already', () => {
    // Without characters above U+FFFF, where the engine's order is UTF-8's: a walk in listing
    // order needs nothing sorted afterwards.
    const bmpSegment = fc
      .stringMatching(/^[ab\-.\u00e9\uff21]{1,3}$/)
      .filter((s) => s !== '.' && s !== '..')
    const tree = fc.uniqueArray(
      fc.array(bmpSegment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
      { minLength: 1, maxLength: 40 }
    )
    fc.assert(
      fc.property(tree, (list) => {
        const root = tempDir('listing-order-')
        // A path that is also a directory above another path stays a directory.
        for (const p of list.filter((p) => !list.some((q) => q.startsWith(`${p}/`)))) {
          fs.mkdirSync(path.join(root, path.dirname(p)), { recursive: true })
          fs.writeFileSync(path.join(root, p), p)
        }
        const resolved = resolveFiles({
          patterns: { include: [root], exclude: [] },
          baseDir: root,
          inputName: 'subject-path'
        })
        const walked = resolved.relativePaths
        expect(walked).toEqual(byBytes(walked))
        expect([...resolved.order]).toEqual(walked.map((_, i) => i))
      }),
      { numRuns: 30 }
    )
  })
})
