import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { isEarlier } from '../../../src/core/promotion/record.js'

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** One moment written the ways a ledger or GitHub may write it. */
function written(ms: number, form: number, offsetMinutes: number): string {
  const iso = new Date(ms).toISOString()
  if (form === 0) return iso
  if (form === 1) return `${iso.slice(0, 19)}Z`
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const hours = pad(Math.floor(Math.abs(offsetMinutes) / 60))
  const minutes = pad(Math.abs(offsetMinutes) % 60)
  // +hhmm makes 24 characters, as toISOString does: text order is not time order then.
  return form === 2 ? `${local}${sign}${hours}:${minutes}` : `${local}${sign}${hours}${minutes}`
}

describe('isEarlier', () => {
  it('orders times as Date.parse does, whichever way each is written', () => {
    const time = fc.record({
      ms: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
      form: fc.integer({ min: 0, max: 3 }),
      offset: fc.integer({ min: -12 * 60, max: 14 * 60 })
    })
    fc.assert(
      fc.property(time, time, (x, y) => {
        const a = written(x.ms, x.form, x.offset)
        const b = written(y.ms - (y.form === 1 ? y.ms % 1000 : 0), y.form, y.offset)
        expect(isEarlier(a, b)).toBe(Date.parse(a) < Date.parse(b))
      })
    )
  })

  it('is not fooled by a 24-character time with an offset', () => {
    expect(isEarlier('2026-01-01T01:00:00+0100', '2026-01-01T00:30:00.000Z')).toBe(true)
  })
})
