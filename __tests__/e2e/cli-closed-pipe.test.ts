import { afterAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { digest } from '../../__fixtures__/promotion.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { collect, letIn } from '../helpers/ledger-history.js'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const ENV = { PATH: process.env.PATH ?? '' }

/**
 * Runs the CLI with its stdout on a pipe whose reader goes away after the first chunk, as
 * `| head -1` does; `thenRelease` runs once the read end is closed (the deploy command
 * waits for the file it writes).
 */
async function withReaderGone(
  args: string[],
  cwd: string,
  thenRelease: () => void
): Promise<{ code: number | null; stderr: string; firstChunk: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  let firstChunk = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  child.stdout.once('data', (d: Buffer) => {
    firstChunk = d.toString()
    child.stdout.once('close', thenRelease)
    child.stdout.destroy()
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stderr, firstChunk }
}

/**
 * A sealed tree, a policy and a ledger; deploy.sh prints a line, waits for "go", then prints more
 * than a pipe holds and exits with $1.
 */
function workspace(): { cwd: string; digest: string } {
  const cwd = writeTree(tempDir('closed-pipe-'), {
    'build/app.txt': 'app',
    '.github/promotion.yml': 'environments:\n  dev: {}\n',
    'deploy.sh':
      'echo deploying\nwhile [ ! -e go ]; do sleep 0.01; done\ni=0\nwhile [ $i -lt 3000 ]; do echo "deploy ' +
      'output line $i of a long log"; i=$((i+1)); done\nexit "$1"\n'
  })
  const sealed = spawnSync(process.execPath, [CLI, 'seal', 'build', '--json'], {
    cwd,
    env: ENV,
    encoding: 'utf8'
  })
  expect(spawnSync(process.execPath, [CLI, 'ledger', 'init'], { cwd, env: ENV }).status).toBe(0)
  return { cwd, digest: JSON.parse(sealed.stdout).digest }
}

describe('the bundled CLI writing to a pipe whose reader went away (| head -1)', () => {
  it('history ends quietly with status 0', async () => {
    const cwd = tempDir('closed-pipe-')
    const file = path.join(cwd, '.artifact-seal', 'ledger.jsonl')
    fs.mkdirSync(path.dirname(file))
    const ledger = new FileLedger(file, 'ledger', { create: true })
    // More than a pipe holds (64 KiB), so the write is still going when head has gone.
    for (let i = 1; i <= 400; i++) await letIn(ledger, digest(i), 'dev')
    const run = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${CLI}" history --limit 400 | head -1; echo "status=\${PIPESTATUS[0]}" >&2`
      ],
      {
        cwd,
        env: ENV,
        encoding: 'utf8',
        // A socket on stdin makes bash read ~/.bashrc as if run by sshd.
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    expect(run.stdout.split('\n')).toHaveLength(2)
    expect(run.stderr).toBe('status=0\n')
  })

  it.each([
    [3, 'failed'],
    [0, 'deployed']
  ])(
    'promote -- deploy.sh exiting %i ends with its status and the pending record %s, never left pending',
    async (status, outcome) => {
      const { cwd, digest: sealed } = workspace()
      const run = await withReaderGone(
        [
          'promote',
          sealed,
          '--environment',
          'dev',
          '--path',
          'build',
          '--',
          'sh',
          'deploy.sh',
          String(status)
        ],
        cwd,
        () => fs.writeFileSync(path.join(cwd, 'go'), '')
      )
      expect(run.firstChunk).not.toBe('')
      expect(run.stderr).not.toMatch(/EPIPE|unexpected error|at .*\.js:\d+/)
      expect(run.code).toBe(status)
      const records = await collect(
        new FileLedger(path.join(cwd, '.artifact-seal', 'ledger.jsonl'), 'ledger').entries({
          environment: 'dev'
        })
      )
      expect(records.map((r) => [r.outcome, r.resolves])).toEqual([
        [outcome, '2'],
        ['pending', null]
      ])
    }
  )
})
