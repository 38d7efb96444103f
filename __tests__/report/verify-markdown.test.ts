import { describe, expect, it } from '@jest/globals'
import type { SignatureCheck } from '../../src/app/signature/types.js'
import { mismatchLines } from '../../src/report/mismatch-text.js'
import { describeProgress } from '../../src/report/progress.js'
import { signerRows } from '../../src/report/signer-markdown.js'
import { renderVerifyMarkdown } from '../../src/report/verify-markdown.js'
import { digest } from '../../__fixtures__/promotion.js'
import { structureProblems } from '../helpers/summary-structure.js'

const refused = [
  { path: 'app.js', kind: 'changed' as const, expected: 'a'.repeat(64), actual: 'b'.repeat(64) },
  { path: 'evil | `x`', kind: 'added' as const, expected: null, actual: 'c'.repeat(64) }
]

describe("a verify's report", () => {
  it('names each file that differs in the summary, outside text kept inert in its cells', () => {
    const markdown = renderVerifyMarkdown({
      name: 'shop',
      verified: false,
      expected: digest(1),
      actual: digest(2),
      mismatches: refused,
      listingGiven: true,
      content: null,
      location: null
    })
    expect(structureProblems(markdown, { origins: ['https://github.com'] })).toEqual([])
    expect(markdown).toContain('app.js')
    expect(markdown).toContain(digest(2))
  })

  it('shows who signed a verified seal, linking only to the server', () => {
    const signature = {
      status: 'verified',
      signer: { kind: 'key', hint: 'abc=', signedAt: null },
      source: '/b/shop.sigstore.json'
    } as unknown as SignatureCheck
    const rows = signerRows(signature)
    expect(rows.join('\n')).toContain('abc=')
    expect(signerRows(null)).toEqual([])
    const markdown = renderVerifyMarkdown({
      name: 'shop',
      verified: true,
      expected: digest(1),
      actual: digest(1),
      mismatches: [],
      listingGiven: true,
      content: '2 files',
      location: '/w/dist',
      signature
    })
    expect(structureProblems(markdown, { origins: ['https://github.com'] })).toEqual([])
  })

  it('lines for the terminal: one per differing file, and progress in files and bytes', () => {
    // A changed file shows both digests under its line.
    expect(mismatchLines(refused).filter((l) => /^ {2}(changed|added|missing) /.test(l))).toEqual([
      '  changed  app.js',
      '  added    evil | `x`'
    ])
    expect(describeProgress({ filesDone: 10, bytesDone: 2048, filesTotal: 20 })).toMatch(/10.*20/)
  })
})
