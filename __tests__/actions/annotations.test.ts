import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { SealError } from '../../src/core/errors.js'

jest.unstable_mockModule('../../src/actions/runner-io.js', () => core)
const { ANNOTATIONS_SHOWN, annotateMismatches } = await import('../../src/actions/annotations.js')
const { reportFailure } = await import('../../src/actions/report-failure.js')
const { signerOutput } = await import('../../src/actions/signer-output.js')

beforeEach(core.reset)

const mismatch = (i: number) => ({
  path: `f${i}.js`,
  kind: 'changed' as const,
  expected: 'a'.repeat(64),
  actual: 'b'.repeat(64)
})

describe('what verify and promote put out', () => {
  it('one error annotation per differing file, up to what GitHub shows, then one counting the rest', () => {
    annotateMismatches(Array.from({ length: 3 }, (_, i) => mismatch(i)))
    expect(core.error.mock.calls.map(([message]) => message)).toEqual([
      'f0.js changed since it was sealed.',
      'f1.js changed since it was sealed.',
      'f2.js changed since it was sealed.'
    ])
    core.reset()
    annotateMismatches(Array.from({ length: 25 }, (_, i) => mismatch(i)))
    expect(core.error).toHaveBeenCalledTimes(ANNOTATIONS_SHOWN)
    expect(String(core.error.mock.calls.at(-1)?.[0])).toContain('16 more files differ')
  })

  it('the signer output: a key by its hint, a certificate by what it names', () => {
    expect(signerOutput(null)).toBe('')
    expect(JSON.parse(signerOutput({ kind: 'key', hint: 'abc=', signedAt: null }))).toEqual({
      kind: 'key',
      hint: 'abc='
    })
  })

  it('one catch: a SealError is the failure as it is; anything else is unexpected, its stack in the debug log', () => {
    reportFailure(new SealError('bad-input', 'name: "x" is not a name.'))
    expect(core.setFailed).toHaveBeenCalledWith('name: "x" is not a name.')
    core.reset()
    reportFailure(new TypeError('boom'))
    expect(String(core.setFailed.mock.calls[0]?.[0])).toMatch(
      /^artifact-seal stopped on an unexpected error: boom\./
    )
    expect(String(core.debug.mock.calls[0]?.[0])).toContain('TypeError: boom')
  })
})
