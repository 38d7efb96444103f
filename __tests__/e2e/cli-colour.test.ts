import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const ESC = '\x1b'

function cli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/**
 * The command run with stdout and stderr on a pseudo-terminal (util-linux script), as a person at a
 * terminal runs it.
 */
function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}): string {
  const command = [process.execPath, CLI, ...args]
    .map((word) => `'${word.replace(/'/g, "'\\''")}'`)
    .join(' ')
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env },
    timeout: 60_000
  })
  return run.stdout
}

let cwd: string
let digest: string

beforeAll(() => {
  cwd = writeTree(tempDir('cli-colour-'), {
    'build/a.txt': 'a',
    'other/a.txt': 'A',
    [`other/\u001b[32mgreen.txt`]: 'x'
  })
  digest = JSON.parse(cli(['seal', 'build', '--json', '--out', 'bundle'], cwd).stdout).digest
})

describe('colour in the CLI', () => {
  it('on a terminal: the verdict in colour', () => {
    expect(onTerminal(['verify', 'build', '--digest', digest], cwd)).toContain(
      `${ESC}[32mVerified${ESC}[39m`
    )
    expect(onTerminal(['verify', 'other', '--digest', digest], cwd)).toContain(
      `${ESC}[31mNOT the sealed bytes${ESC}[39m`
    )
  })

  it('off on a terminal with NO_COLOR, and on one that says it is dumb', () => {
    expect(
      onTerminal(['verify', 'build', '--digest', digest], cwd, { NO_COLOR: '1' })
    ).not.toContain(ESC)
    expect(
      onTerminal(['verify', 'build', '--digest', digest], cwd, { TERM: 'dumb' })
    ).not.toContain(ESC)
  })

  it('off in a pipe (or a file), unless FORCE_COLOR asks for it', () => {
    expect(cli(['verify', 'build', '--digest', digest], cwd).stdout).not.toContain(ESC)
    expect(
      cli(['verify', 'build', '--digest', digest], cwd, { FORCE_COLOR: '1' }).stdout
    ).toContain(`${ESC}[32mVerified${ESC}[39m`)
    const refused = cli(['seal', 'missing'], cwd, { FORCE_COLOR: '1' })
    expect(
      refused.stderr.startsWith(
        `${ESC}[31martifact-seal:${ESC}[39m seal <path...>: nothing matches "missing"`
      )
    ).toBe(true)
  })

  it('never with --json, not even forced, on stdout or stderr', () => {
    for (const args of [
      ['verify', 'build', '--digest', digest, '--json'],
      ['seal', 'missing', '--json']
    ]) {
      const run = cli(args, cwd, { FORCE_COLOR: '1' })
      expect(run.stdout).not.toContain(ESC)
      expect(run.stderr).not.toContain(ESC)
      expect(() => JSON.parse(run.stdout)).not.toThrow()
    }
  })

  it('a file name that holds a colour code is shown, not obeyed', () => {
    const run = cli(['seal', 'other'], cwd, { FORCE_COLOR: '1' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('␛[32mgreen.txt')
    expect(run.stdout.split(ESC).length - 1).toBe(2)
  })
})
