import { describe, expect, it } from '@jest/globals'
import { ANY_CONTROL, CONTROL_CHARACTERS } from '../../src/core/control-characters.js'
import { sourcesMatching } from '../helpers/source-files.js'

const CONTROL_RANGES = new RegExp(`[${CONTROL_CHARACTERS}]`, 'u')

describe('control characters in src/', () => {
  it('the ranges src/ writes are exactly the characters of \\p{Cc}, over every code point', () => {
    const differ: number[] = []
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCodePoint(code)
      if (CONTROL_RANGES.test(char) !== /\p{Cc}/u.test(char)) differ.push(code)
    }
    expect(differ).toEqual([])
  })

  it('ANY_CONTROL replaces every one of them, each alone', () => {
    expect('a\u0000b\u001f\u007f\u0085\u009fc\u00a0\u200b'.replace(ANY_CONTROL, '.')).toBe(
      'a.b....c\u00a0\u200b'
    )
  })

  it('no file of src/ writes a Unicode property escape', () => {
    expect(sourcesMatching(/\\[pP]\{/)).toEqual([])
  })
})
