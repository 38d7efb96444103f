import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as io from '../../src/actions/runner-io.js'
import { inertLogText } from '../../src/report/runner-log.js'
import { displayHazards, runnerCommands } from '../helpers/runner-commands.js'
import { HOSTILE_NAME, hostileText } from '../helpers/hostile.js'
import { parseOutputFile } from '../helpers/runner.js'
import { removeAll, tempDir } from '../helpers/trees.js'

// @actions/core is the oracle: for the same calls, runner-io must leave the runner the same
// files and the same log lines, or the runner would read outputs, state, the summary or
// an annotation differently from what every other action gets.

afterAll(removeAll)

type Module = typeof io
const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
const savedEnv = { ...process.env }
const savedExitCode = process.exitCode

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  process.exitCode = savedExitCode
  jest.restoreAllMocks()
})

interface Effects {
  files: Record<string, string>
  stdout: string
  exitCode: typeof process.exitCode
  thrown: string | null
}

// Each call draws its own random delimiter; numbering them in order of appearance lets two
// runs be compared byte for byte, and still tells one delimiter reused for two values apart.
function normaliseDelimiters(text: string): string {
  const seen = new Map<string, number>()
  return text.replace(/ghadelimiter_[0-9a-f-]{36}/g, (d) => {
    if (!seen.has(d)) seen.set(d, seen.size)
    return `ghadelimiter_#${seen.get(d)}`
  })
}

async function effectsOf(
  module: Module,
  calls: (m: Module) => Promise<void> | void,
  options: { files?: boolean } = {}
): Promise<Effects> {
  const dir = tempDir('runner-io-')
  for (const name of RUNNER_FILES) {
    delete process.env[name]
    if (options.files ?? true) {
      const file = path.join(dir, name)
      fs.writeFileSync(file, '')
      process.env[name] = file
    }
  }
  let stdout = ''
  // @actions/core writes the log through process.stdout, runner-io to file descriptor 1.
  const write = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      stdout += chunk.toString()
      return true
    })
  const log = jest.spyOn(io.runnerLog, 'write').mockImplementation((chunk: string) => {
    stdout += chunk
  })
  process.exitCode = undefined
  let thrown: string | null = null
  try {
    await calls(module)
  } catch (e) {
    thrown = (e as Error).message
  } finally {
    write.mockRestore()
    log.mockRestore()
  }
  const exitCode = process.exitCode
  process.exitCode = savedExitCode
  const files = Object.fromEntries(
    RUNNER_FILES.filter((name) => fs.existsSync(path.join(dir, name))).map((name) => [
      name,
      normaliseDelimiters(fs.readFileSync(path.join(dir, name), 'utf8'))
    ])
  )
  return { files, stdout: normaliseDelimiters(stdout), exitCode, thrown }
}

// A fresh summary for every comparison: @actions/core's keeps the first file it wrote to for
// the rest of the process, which is one runner step in real life but many cases here.
function withFreshSummary(module: Module): Module {
  const Summary = module.summary.constructor as new () => Module['summary']
  return { ...module, summary: new Summary() }
}

async function expectSameAsCore(
  calls: (m: Module) => Promise<void> | void,
  options: { files?: boolean } = {}
): Promise<Effects> {
  const expected = await effectsOf(withFreshSummary(core as unknown as Module), calls, options)
  const actual = await effectsOf(withFreshSummary(io), calls, options)
  expect(actual).toEqual(expected)
  return actual
}

// Values a step really puts out (paths, digests, multi-line lists) and the characters the
// command formats escape or split on.
const text = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '0',
    ' ',
    '\n',
    '\r',
    '%',
    ':',
    ',',
    '<',
    '=',
    '"',
    '::',
    'é',
    '🔒',
    '\t'
  )
})
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
const annotation = fc.record(
  {
    title: text,
    file: text,
    startLine: fc.nat(),
    endLine: fc.nat(),
    startColumn: fc.nat(),
    endColumn: fc.nat()
  },
  { requiredKeys: [] }
)

beforeEach(() => {
  for (const key of Object.keys(process.env))
    if (key.startsWith('INPUT_') || key.startsWith('STATE_')) delete process.env[key]
})

describe('runner-io writes what @actions/core writes', () => {
  it('outputs and state: one name<<delimiter block per call, values of any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, fc.oneof(text, fc.integer(), fc.constant(null)))),
        async (pairs) => {
          await expectSameAsCore((m) => {
            for (const [n, v] of pairs) {
              m.setOutput(n, v)
              m.saveState(`${n}-state`, v)
            }
          })
        }
      ),
      { numRuns: 50 }
    )
    const { files } = await expectSameAsCore((m) => {
      m.setOutput('digest', 'sha256:abc')
      m.setOutput('paths', 'a\nb\n\nc')
      m.saveState('pending', '42')
    })
    expect(parseOutputFile(files.GITHUB_OUTPUT as string)).toEqual({
      digest: 'sha256:abc',
      paths: 'a\nb\n\nc'
    })
    expect(parseOutputFile(files.GITHUB_STATE as string)).toEqual({ pending: '42' })
  })

  it('log lines and annotations, with every property and escape', async () => {
    await fc.assert(
      // Text a runner could read as a command is made inert on purpose (below); all other text is
      // written as core writes it.
      fc.asyncProperty(
        text.filter((t) => inertLogText(t) === t),
        annotation,
        async (message, properties) => {
          await expectSameAsCore((m) => {
            m.info(message)
            m.debug(message)
            m.notice(message, properties)
            m.warning(message, properties)
            m.error(message, properties)
            m.warning(new Error(message))
            m.startGroup(message)
            m.endGroup()
          })
        }
      ),
      { numRuns: 100 }
    )
    await expectSameAsCore((m) => m.error('x', { title: undefined }))
  })

  it('a group around async work, and a failed step', async () => {
    const { stdout, exitCode } = await expectSameAsCore(async (m) => {
      await m.group('hashing', async () => m.info('inside'))
      m.setFailed('the digest differs')
    })
    expect(stdout).toBe('::group::hashing\ninside\n::endgroup::\n::error::the digest differs\n')
    expect(exitCode).toBe(1)
  })

  it('the job summary: appended, overwritten, and the errors when there is no file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, fc.boolean())), async (parts) => {
        await expectSameAsCore(async (m) => {
          for (const [t, eol] of parts) m.summary.addRaw(t, eol)
          await m.summary.write()
          await m.summary.addRaw('second\n').write()
        })
      }),
      { numRuns: 30 }
    )
    await expectSameAsCore(async (m) => {
      await m.summary.addRaw('dropped').write()
      await m.summary.addRaw('kept').write({ overwrite: true })
    })
    const missing = await expectSameAsCore(
      async (m) => void (await m.summary.addRaw('x').write()),
      { files: false }
    )
    expect(missing.thrown).toMatch(/GITHUB_STEP_SUMMARY/)
  })

  it('outside a runner: outputs and state as log commands', async () => {
    await expectSameAsCore(
      (m) => {
        m.setOutput('digest', 'sha256:abc\nsecond line')
        m.saveState('pending', { id: 7 })
      },
      { files: false }
    )
  })

  it('a runner file that has gone is an error, not a lost output', async () => {
    const gone = path.join(tempDir('runner-io-'), 'output')
    const run = async (m: Module): Promise<void> => {
      process.env.GITHUB_OUTPUT = gone
      m.setOutput('digest', 'x')
    }
    const { thrown } = await expectSameAsCore(run, { files: false })
    expect(thrown).toBe(`Missing file at path: ${gone}`)
  })

  it('inputs and state read back from the environment', async () => {
    await fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z -]{0,15}$/),
        text,
        fc.boolean(),
        (input, value, trim) => {
          process.env[`INPUT_${input.replace(/ /g, '_').toUpperCase()}`] = value
          process.env[`STATE_${input}`] = value
          expect(io.getInput(input, { trimWhitespace: trim })).toBe(
            core.getInput(input, { trimWhitespace: trim })
          )
          expect(io.getInput(input)).toBe(core.getInput(input))
          expect(io.getState(input)).toBe(core.getState(input))
        }
      )
    )
    expect(() => io.getInput('absent', { required: true })).toThrow(
      new Error('Input required and not supplied: absent')
    )
    expect(() => core.getInput('absent', { required: true })).toThrow(
      new Error('Input required and not supplied: absent')
    )
  })
})

describe("runner-io writes no workflow command but the ones called (read with the runner's rules)", () => {
  it('any message, in a log line, an annotation, a group or the debug log', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, annotation, async (message, properties) => {
        const { stdout } = await effectsOf(io, (m) => {
          m.info(message)
          m.debug(message)
          m.notice(message, properties)
          m.warning(message, properties)
          m.error(new Error(message), properties)
          m.startGroup(message)
          m.endGroup()
          m.setFailed(message)
        })
        const commands = runnerCommands(stdout)
        expect(commands.map((c) => c.name)).toEqual([
          'debug',
          'notice',
          'warning',
          'error',
          'group',
          'endgroup',
          'error'
        ])
        expect(commands[0]?.data).toBe(inertLogText(message))
        expect(displayHazards(stdout, commands)).toEqual([])
      }),
      { numRuns: 300 }
    )
  })

  it("the issue's name: an add-mask, a stop-commands and fake annotations stay text (they were commands)", async () => {
    const { stdout } = await effectsOf(io, (m) => {
      m.info(`Vetoed ${HOSTILE_NAME}`)
      m.info(HOSTILE_NAME)
      m.setFailed(`${HOSTILE_NAME} refused`)
    })
    expect(runnerCommands(stdout).map((c) => c.name)).toEqual(['error'])
    const { stdout: raw } = await effectsOf(core as unknown as Module, (m) => m.info(HOSTILE_NAME))
    expect(runnerCommands(raw).map((c) => c.name)).toEqual([
      'add-mask',
      'error',
      'stop-commands',
      'tok'
    ])
  })
})
