// The command probe: a command's whole process group goes at its limits, grandchildren
// included, and what it printed is judged only when it is digests.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { commandProbe } from '../../../src/app/observe/command-probe.js'
import { DEFAULT_PROBE_LIMITS } from '../../../src/app/observe/types.js'
import { removeAll, tempDir } from '../../helpers/trees.js'
import { afterAll } from '@jest/globals'

afterAll(removeAll)

const LIVE = `sha256:${'a'.repeat(64)}` as const
const context = (cwd: string) => ({
  cwd,
  env: { PATH: process.env.PATH },
  ...DEFAULT_PROBE_LIMITS,
  maxCommandBytes: 4096
})

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('commandProbe', () => {
  it('runs in the working directory with the environment given, and matches the live digest it prints', async () => {
    const cwd = tempDir()
    fs.writeFileSync(path.join(cwd, 'digest'), LIVE)
    const result = await commandProbe('cat digest', LIVE, 5000, context(cwd))
    expect(result).toMatchObject({ verdict: 'matches', observed: LIVE })
  })

  it('kills the whole group when it stops a command: a grandchild left running in the background goes too', async () => {
    const cwd = tempDir()
    // The shell starts a background sleep, writes its pid, then floods: the probe stops the group at its output limit.
    const result = await commandProbe(
      'sleep 600 & echo $! > grandchild.pid; yes',
      LIVE,
      600_000,
      context(cwd)
    )
    expect(result).toMatchObject({
      verdict: 'unknown',
      observed: null,
      detail: expect.stringContaining('more than 4096 bytes')
    })
    const pid = Number(fs.readFileSync(path.join(cwd, 'grandchild.pid'), 'utf8'))
    // Dead (a zombie until reaped) or gone; looked at until then, however long the machine takes.
    const state = (): string =>
      fs.existsSync(`/proc/${pid}`)
        ? (fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] ?? '?')
        : 'gone'
    for (let i = 0; i < 1000 && alive(pid) && state() !== 'Z'; i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(['Z', 'gone']).toContain(state())
  })

  it('stops a command whose output passes the limit, and does not wait for a stream a runaway holds', async () => {
    const result = await commandProbe('yes', LIVE, 60_000, context(tempDir()))
    expect(result).toMatchObject({
      verdict: 'unknown',
      detail: expect.stringContaining('more than 4096 bytes')
    })
  })

  it('is unknown when the command fails, with the end of what it said', async () => {
    const result = await commandProbe(
      'echo starting; echo "pods not found" >&2; exit 4',
      LIVE,
      5000,
      context(tempDir())
    )
    expect(result).toMatchObject({
      verdict: 'unknown',
      detail: 'the command exited with 4: "pods not found"'
    })
  })
})
