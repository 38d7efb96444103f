import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { formatNumber } from '../../src/report/format.js'

describe('formatNumber', () => {
  it('writes what toLocaleString("en-US") writes, without loading the locale data', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
          fc.double()
        ),
        (n) => {
          expect(formatNumber(n)).toBe(n.toLocaleString('en-US'))
        }
      )
    )
    for (const n of [0, 1, 999, 1000, 20_000, 100_000, 1_234_567, -1000, Number.MAX_SAFE_INTEGER])
      expect(formatNumber(n)).toBe(n.toLocaleString('en-US'))
  })
})
