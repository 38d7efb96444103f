import { describe, expect, it, jest } from '@jest/globals'
import { SealError, type SealErrorCode } from '../../src/core/errors.js'
import { fakeTerminal } from '../helpers/terminal.js'

/** What the seal command stands for in this unit test of main: it throws the error it is given. */
let thrown: unknown = null
jest.unstable_mockModule('../../src/cli/seal-command.js', () => ({
  sealCommand: async () => {
    throw thrown
  }
}))
const { main, USAGE } = await import('../../src/cli/main.js')

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
const SAYS_NO: readonly SealErrorCode[] = [
  'mismatch',
  'tampered',
  'refused',
  'unavailable',
  'conflict',
  'outdated'
]

async function run(
  args: string[],
  error: unknown
): Promise<{ code: number; terminal: ReturnType<typeof fakeTerminal> }> {
  thrown = error
  const terminal = fakeTerminal('/nowhere')
  return { code: await main(args, terminal), terminal }
}

/** main prints the --json document on the terminal's stdout: it must be all of it. */
function onlyDocument(terminal: ReturnType<typeof fakeTerminal>): unknown {
  return JSON.parse(terminal.stdout())
}

describe('the exit code of a failure follows from its SealError code', () => {
  it.each(ALL)('%s', async (code) => {
    const { code: exit, terminal } = await run(
      ['seal', 'x'],
      new SealError(code, `--thing: "v" is wrong (${code}).`)
    )
    expect(exit).toBe(SAYS_NO.includes(code) ? 1 : 2)
    expect(terminal.stderr()).toBe(`artifact-seal: --thing: "v" is wrong (${code}).\n`)
  })

  it('an unexpected error (a bug) exits 1 and says how to get the stack', async () => {
    const { code, terminal } = await run(['seal', 'x'], new TypeError('x is undefined'))
    expect(code).toBe(1)
    expect(terminal.stderr()).toContain('unexpected error: x is undefined')
    expect(terminal.stderr()).toContain('ARTIFACT_SEAL_DEBUG=1')
  })

  it('no command at all is a usage error (2); --help is no error (0)', async () => {
    const none = await run([], null)
    expect(none.code).toBe(2)
    expect(none.terminal.stdout()).toContain(USAGE)
    expect((await run(['--help'], null)).code).toBe(0)
  })

  it('an unknown command is a usage error (2)', async () => {
    expect((await run(['frobnicate'], null)).code).toBe(2)
  })

  it('the usage names every exit code', () => {
    expect(USAGE).toMatch(/^ {2}0 {2}done/m)
    expect(USAGE).toMatch(/^ {2}1 {2}the answer is no/m)
    expect(USAGE).toMatch(/^ {2}2 {2}what was given must change/m)
  })
})

describe('with --json, a failure is one error document carrying its code', () => {
  it.each(ALL)('%s', async (code) => {
    const { terminal } = await run(['seal', 'x', '--json'], new SealError(code, 'no.'))
    expect(onlyDocument(terminal)).toEqual({ error: { code, message: 'no.' } })
  })

  it('the facts a mismatch carries are in the document', async () => {
    const mismatches = [{ path: 'a.txt', expected: 'aa', actual: 'bb', kind: 'changed' as const }]
    const { code, terminal } = await run(
      ['seal', 'x', '--json'],
      new SealError('mismatch', 'differs', { details: { mismatches } })
    )
    expect(code).toBe(1)
    expect(onlyDocument(terminal)).toEqual({
      error: { code: 'mismatch', message: 'differs', details: { mismatches } }
    })
  })

  it('an unexpected error is "internal"', async () => {
    const { terminal } = await run(['seal', 'x', '--json'], new Error('boom'))
    expect(onlyDocument(terminal)).toEqual({
      error: { code: 'internal', message: 'unexpected error: boom' }
    })
  })

  it('"--json" after "--" is the deploy command\'s, not ours', async () => {
    const { terminal } = await run(
      ['seal', 'x', '--', 'deploy', '--json'],
      new SealError('refused', 'no.')
    )
    expect(terminal.stdout()).toBe('')
    expect(terminal.stderr()).toBe('artifact-seal: no.\n')
  })
})
