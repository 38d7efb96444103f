import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  MARK,
  RunnerLogGuard,
  inertJsonText,
  inertLogText,
  isJsonDocument
} from '../../src/report/runner-log.js'
import { displayHazards, runnerCommands } from '../helpers/runner-commands.js'
import { hostileText } from '../helpers/hostile.js'

/** What a reader sees of the text: line breaks as LF, control characters as their pictures. */
function seen(text: string): string {
  return text
    .replace(/\r\n|[\r\u0085\u2028\u2029]/g, '\n')
    .replace(/\p{Cc}/gu, (c) =>
      c === '\t' || c === '\n' || c === '\r' || c === '\u0085'
        ? c
        : c.charCodeAt(0) < 0x20
          ? String.fromCharCode(0x2400 + c.charCodeAt(0))
          : c === '\u007f'
            ? '\u2421'
            : '\ufffd'
    )
}

const withoutMarks = (text: string): string => text.split(MARK).join('')

describe("text for the runner log (properties, against the runner's own parsing rules)", () => {
  it('any text made inert holds no workflow command, in either form, and reads the same', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const inert = inertLogText(text)
        expect(runnerCommands(`${inert}\n`)).toEqual([])
        expect(displayHazards(`${inert}\n`, [])).toEqual([])
        expect(withoutMarks(inert)).toBe(withoutMarks(seen(text)))
      }),
      { numRuns: 2000 }
    )
  })

  it('text written in pieces is judged as the lines the runner reads, across the pieces', () => {
    fc.assert(
      fc.property(hostileText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
        const pieces = [0, ...at, text.length]
          .slice(1)
          .map((end, i, ends) => text.slice(i === 0 ? 0 : (ends[i - 1] as number), end))
        const guard = new RunnerLogGuard()
        const inert = pieces.map((piece) => guard.encode(piece)).join('')
        expect(runnerCommands(`${inert}\n`)).toEqual([])
        expect(displayHazards(`${inert}\n`, [])).toEqual([])
      }),
      { numRuns: 1000 }
    )
  })

  it(
    "another writer's text on the same stream is passed over, and what follows it is judged from where it " +
      'left off',
    () => {
      const guard = new RunnerLogGuard()
      guard.observe('deploying ##')
      expect(runnerCommands(`deploying ##${guard.encode('[error]forged\n')}`)).toEqual([])
      guard.observe('  ')
      expect(runnerCommands(`  ${guard.encode('::add-mask::x\n')}`)).toEqual([])
      guard.observe('done: ')
      expect(guard.encode('::kept as text\n')).toBe('::kept as text\n')
    }
  )

  it('a JSON document stays the same value and holds no command', () => {
    const hostileJson = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        hostileText,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(hostileText, tie('value'), { maxKeys: 4 })
      )
    })).value
    fc.assert(
      fc.property(hostileJson, fc.constantFrom(undefined, 2), (value, indent) => {
        const json = `${JSON.stringify(value, null, indent)}\n`
        const inert = inertJsonText(json)
        expect(JSON.parse(inert)).toEqual(JSON.parse(json))
        const written = new RunnerLogGuard().encode(inert)
        if (isJsonDocument(json)) expect(written).toBe(inert)
        expect(runnerCommands(written)).toEqual([])
        expect(displayHazards(written, [])).toEqual([])
      }),
      { numRuns: 500 }
    )
  })

  it('the attacks of the issue, one by one', () => {
    for (const attack of [
      '::add-mask::secret',
      '  ::add-mask::secret',
      '\u2028::add-mask::secret',
      '\u3000::error::forged',
      '\v::warning::forged',
      'name\n::stop-commands::tok',
      'name\r::error title=Promotion::signed-by passed',
      'x ##[error]forged',
      '##[group]fake group',
      '::STOP-COMMANDS::tok',
      '%0A::add-mask::x'
    ]) {
      const inert = inertLogText(attack)
      expect({ attack, commands: runnerCommands(`${inert}\n`) }).toEqual({ attack, commands: [] })
    }
    // The oracle does see them when they are written as they are.
    expect(
      runnerCommands('name\n::stop-commands::tok\n::add-mask::x\n::tok::\n').map((c) => c.name)
    ).toEqual(['stop-commands', 'tok'])
    expect(
      runnerCommands('\u2028::add-mask::secret\nx ##[error]forged\n').map((c) => c.name)
    ).toEqual(['add-mask', 'error'])
  })
})
