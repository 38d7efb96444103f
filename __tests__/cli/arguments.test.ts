import { describe, expect, it } from '@jest/globals'
import { parseCommand, requireValue } from '../../src/cli/arguments.js'

const spec = {
  name: 'demo',
  usage: 'Usage: artifact-seal demo',
  allowPositionals: true,
  options: { out: { type: 'string' } }
} as const

describe("a command's arguments", () => {
  it('are parsed with --help always known', () => {
    expect(parseCommand(spec, ['a', '--out', 'dir', '-h'])).toMatchObject({
      values: { out: 'dir', help: true },
      positionals: ['a']
    })
  })

  it('refuse an unknown option or a missing value as usage, showing the usage', () => {
    expect(() => parseCommand(spec, ['--bogus'])).toThrowSealError(
      'usage',
      'demo',
      '--bogus',
      'Usage: artifact-seal demo'
    )
    expect(() => parseCommand(spec, ['--out'])).toThrowSealError('usage', '--out')
  })

  it('refuse an empty value, naming the option', () => {
    expect(requireValue('out', undefined)).toBeUndefined()
    expect(requireValue('out', 'x')).toBe('x')
    expect(() => requireValue('out', ' ')).toThrowSealError('usage', '--out', '" "')
  })
})
