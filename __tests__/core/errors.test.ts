import { describe, expect, it } from '@jest/globals'
import {
  SealError,
  type SealErrorCode,
  exitCodeOf,
  isSealError,
  messageOf,
  stopsPromotion
} from '../../src/core/errors.js'
import { sourcesMatching } from '../helpers/source-files.js'

const ALL: readonly SealErrorCode[] = [
  'usage',
  'bad-input',
  'malformed',
  'unrecognized',
  'mismatch',
  'tampered',
  'refused',
  'unreadable',
  'unavailable',
  'denied',
  'conflict',
  'outdated'
]

describe('SealError', () => {
  it('carries its code, its cause and the facts a caller acts on', () => {
    const cause = new Error('EACCES')
    const error = new SealError('unreadable', 'cannot read "x" (EACCES).', { cause })
    expect(error).toMatchObject({ name: 'SealError', code: 'unreadable', cause, details: {} })
    const differs = new SealError('mismatch', 'files differ', {
      details: {
        mismatches: [{ path: 'a', expected: null, actual: 'ff', kind: 'added' }],
        actual: `sha256:${'0'.repeat(64)}`
      }
    })
    expect(differs.details.mismatches).toHaveLength(1)
  })

  it('is told apart by its code', () => {
    expect(isSealError(new SealError('refused', 'no'), 'refused', 'tampered')).toBe(true)
    expect(isSealError(new SealError('refused', 'no'), 'bad-input')).toBe(false)
    expect(isSealError(new Error('no'))).toBe(false)
    expect(isSealError(new SealError('conflict', 'held'))).toBe(true)
  })
})

describe('what a caller derives from the code alone', () => {
  it('the exit code: 2 when what was given must change, 1 when the answer is no or the work could not be done', () => {
    expect(Object.fromEntries(ALL.map((code) => [code, exitCodeOf(code)]))).toEqual({
      usage: 2,
      'bad-input': 2,
      malformed: 2,
      unrecognized: 2,
      unreadable: 2,
      denied: 2,
      mismatch: 1,
      tampered: 1,
      refused: 1,
      unavailable: 1,
      conflict: 1,
      outdated: 1
    })
  })

  it('a promotion stops with nothing recorded on bad input or usage, and records a refusal for anything else', () => {
    expect(ALL.filter((code) => stopsPromotion(new SealError(code, 'x')))).toEqual([
      'usage',
      'bad-input'
    ])
    expect(stopsPromotion(new Error('bug'))).toBe(false)
  })
})

describe('messageOf', () => {
  it("is an Error's own message, and anything else thrown as text, in one place", () => {
    expect(messageOf(new TypeError('fetch failed'))).toBe('fetch failed')
    expect(messageOf(new SealError('refused', 'no'))).toBe('no')
    expect([messageOf('plain'), messageOf(42), messageOf(undefined)]).toEqual([
      'plain',
      '42',
      'undefined'
    ])
    expect(sourcesMatching(/instanceof Error \? \w+\.message : String\(/)).toEqual([
      'core/errors.ts'
    ])
  })
})
