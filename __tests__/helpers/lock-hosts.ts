// Starts lock-host processes as hosts contending for one ledger, moves their shared clock,
// opens their barriers, and reads their event log.
import { type ChildProcess, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { setTimeout as sleepFor } from 'node:timers/promises'
import { build } from 'esbuild'
import { setClock } from './file-clock.js'
import type { HostScript } from './lock-host.js'
import { PROJECT_ROOT } from './runner.js'
import { tempDir } from './trees.js'

export const LEASE_MS = 1_000
export const RENEW_MS = 250

/** One event from the log: who, what, and the rest of the line. */
export interface HostEvent {
  readonly name: string
  readonly event: string
  readonly detail: string
}

interface Started {
  readonly child: ChildProcess
  readonly exited: Promise<number | null>
  readonly expectedCode: number
  code: number | null | undefined
  stderr: string
}

export async function bundleLockHost(dir: string): Promise<string> {
  const script = path.join(dir, 'lock-host.mjs')
  await build({
    entryPoints: [path.join(PROJECT_ROOT, '__tests__/helpers/lock-host.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'silent'
  })
  return script
}

export class Hosts {
  readonly dir = tempDir()
  readonly ledger = path.join(this.dir, 'ledger.jsonl')
  private readonly clockFile = path.join(this.dir, 'clock')
  private readonly logFile = path.join(this.dir, 'events')
  private readonly barriers = path.join(this.dir, 'barriers')
  private readonly started = new Map<string, Started>()
  private readonly forbidden: ((event: HostEvent) => boolean)[] = []
  /** The shared clock's time: it moves only in `advance`. */
  time = 0

  constructor(private readonly script: string) {
    fs.mkdirSync(this.barriers)
    fs.writeFileSync(this.logFile, '')
    setClock(this.clockFile, 0)
  }

  start(
    name: string,
    fields: Pick<HostScript, 'host' | 'mode' | 'holdUntil' | 'breakAfter'>,
    expectedCode = 0
  ): number {
    const script: HostScript = {
      name,
      ledger: this.ledger,
      clock: this.clockFile,
      log: this.logFile,
      barriers: this.barriers,
      leaseMs: LEASE_MS,
      renewMs: RENEW_MS,
      ...fields
    }
    const child = spawn(process.execPath, [this.script, JSON.stringify(script)], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    const started: Started = {
      child,
      expectedCode,
      code: undefined,
      stderr: '',
      exited: new Promise((resolve) => child.on('exit', (code) => resolve(code)))
    }
    child.stderr?.on('data', (chunk: Buffer) => (started.stderr += chunk.toString()))
    void started.exited.then((code) => (started.code = code))
    this.started.set(name, started)
    return child.pid as number
  }

  advance(ms: number): void {
    this.time += ms
    setClock(this.clockFile, this.time)
  }

  open(barrier: string): void {
    fs.writeFileSync(path.join(this.barriers, barrier), '')
  }

  events(): HostEvent[] {
    return fs
      .readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const [name = '', event = '', ...rest] = line.split(' ')
        return { name, event, detail: rest.join(' ') }
      })
  }

  has(name: string, event: string, detail?: string): boolean {
    return this.events().some(
      (e) => e.name === name && e.event === event && (detail === undefined || e.detail === detail)
    )
  }

  /**
   * Makes every later wait fail as soon as an event like this is logged: what the test is about
   * fails at once, not at its timeout.
   */
  forbid(event: (event: HostEvent) => boolean): void {
    this.forbidden.push(event)
  }

  /**
   * Waits until `ready` holds of the log. A forbidden event, or a host that exits otherwise
   * than expected, fails the wait, with the log and what the host printed.
   */
  async until(ready: (hosts: Hosts) => boolean): Promise<void> {
    for (;;) {
      const events = this.events()
      const bad = events.find((e) => this.forbidden.some((forbidden) => forbidden(e)))
      if (bad !== undefined)
        throw new Error(
          `forbidden event ${JSON.stringify(bad)}; events:\n${JSON.stringify(events, null, 1)}`
        )
      if (ready(this)) return
      for (const [name, started] of this.started) {
        if (started.code !== undefined && started.code !== started.expectedCode && !ready(this)) {
          throw new Error(
            `${name} exited with ${started.code}: ${started.stderr}\nevents:\n${JSON.stringify(this.events(), null, 1)}`
          )
        }
      }
      await sleepFor(10)
    }
  }

  async exitCode(name: string): Promise<number | null> {
    return (this.started.get(name) as Started).exited
  }

  /** Ends every host still running (continued first, in case a test stopped it). */
  stopAll(): void {
    for (const { child, code } of this.started.values()) {
      if (code !== undefined || child.pid === undefined) continue
      child.kill('SIGCONT')
      child.kill('SIGKILL')
    }
  }
}

/** Whether the process is stopped (state T in /proc): a SIGSTOP has taken hold. */
export function isStopped(pid: number): boolean {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T')
}

/** A lock file as a holder on another host writes it, for a host that is gone and never renews it. */
export function lockOf(
  host: string,
  fields: { pid?: number; renewals?: number; hostname?: string; token?: string } = {}
): string {
  const time = '2026-11-01T12:00:00.000Z'
  return `${JSON.stringify({
    format: 'artifact-seal/lock/v1',
    token: fields.token ?? `token-of-${host}`,
    host,
    hostname: fields.hostname ?? host,
    pid: fields.pid ?? 4242,
    leaseMs: LEASE_MS,
    acquired: time,
    renewed: time,
    renewals: fields.renewals ?? 0
  })}\n`
}
