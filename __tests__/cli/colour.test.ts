import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { colourMarks, wantsColour } from '../../src/cli/colour.js'
import { RunnerLogGuard } from '../../src/report/runner-log.js'

describe('wantsColour', () => {
  it('a terminal gets colour, a pipe or a file does not', () => {
    expect(wantsColour({}, true)).toBe(true)
    expect(wantsColour({}, false)).toBe(false)
  })

  it('NO_COLOR turns it off (an empty NO_COLOR does not), a dumb terminal has none', () => {
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false)
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true)
    expect(wantsColour({ TERM: 'dumb' }, true)).toBe(false)
  })

  it('FORCE_COLOR forces it, even into a pipe and over NO_COLOR; FORCE_COLOR=0 or false turns it off', () => {
    expect(wantsColour({ FORCE_COLOR: '1' }, false)).toBe(true)
    expect(wantsColour({ FORCE_COLOR: '' }, false)).toBe(true)
    expect(wantsColour({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true)
    expect(wantsColour({ FORCE_COLOR: '0' }, true)).toBe(false)
    expect(wantsColour({ FORCE_COLOR: 'false' }, true)).toBe(false)
  })
})

/** What the process terminal writes: each piece of text through the guard, the codes between. */
function written(text: string, colour: boolean, marks = colourMarks()): string {
  const guard = new RunnerLogGuard()
  return marks
    .split(text, colour)
    .map((piece) => guard.encode(piece.text) + piece.code)
    .join('')
}

describe('colour marks', () => {
  it('become colour codes on a terminal that wants them, and nothing otherwise', () => {
    const marks = colourMarks()
    const text = `${marks.paint('bad', 'REFUSED')}  prod ${marks.paint('good', '✓')}\n`
    expect(written(text, true, marks)).toBe('\x1b[31mREFUSED\x1b[39m  prod \x1b[32m✓\x1b[39m\n')
    expect(written(text, false, marks)).toBe('REFUSED  prod ✓\n')
  })

  it('text from outside never colours itself: its escapes are pictures, marks of another run are inert', () => {
    const marks = colourMarks()
    const forged = colourMarks().paint('good', 'fake')
    const out = written(`${marks.paint('bad', 'NO')} \x1b[32mgreen\x1b[0m ${forged}\n`, true, marks)
    expect(out.startsWith('\x1b[31mNO\x1b[39m ')).toBe(true)
    expect(out).toContain('␛[32mgreen␛[0m')
    expect(out.split('\x1b').length - 1).toBe(2)
  })

  it("a marked word at a line's start never lets a workflow command through", () => {
    const marks = colourMarks()
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (rest, colour) => {
        const out = written(`${marks.paint('warn', '')}::error::${rest}\n`, colour, marks)
        const visible = out.replace(new RegExp(String.fromCharCode(27) + '\\[\\d+m', 'g'), '')
        expect(visible.startsWith('::')).toBe(false)
      })
    )
  })
})
