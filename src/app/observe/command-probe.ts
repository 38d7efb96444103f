import { spawn } from 'node:child_process'
import type { Digest } from '../../core/digest.js'
import {
  digestsIn,
  judgeDigests,
  type ProbeResult,
  shown,
  unknown
} from '../../core/observe/observation.js'
import type { ProbeContext } from './types.js'

/**
 * Runs `command:` with the shell, in its own process group, and reads the digests it prints.
 * Bounded: the whole group is killed at the timeout or as soon as its output passes the
 * limit, so a command that hangs or floods is "unknown", never a stuck job.
 */
export async function commandProbe(
  command: string,
  live: Digest,
  timeoutMs: number,
  context: ProbeContext
): Promise<ProbeResult> {
  const ran = await runBounded(command, timeoutMs, context)
  if ('failed' in ran) return unknown('command', ran.failed)
  const digests = digestsIn(ran.stdout)
  if (digests === null) {
    return unknown(
      'command',
      `the command printed ${ran.stdout.trim() === '' ? 'nothing' : shown(ran.stdout)}, not a digest ` +
        '(sha256:<hex>, the hex alone, or name@sha256:<hex>)'
    )
  }
  return judgeDigests('command', digests, live)
}

type Ran = { readonly stdout: string } | { readonly failed: string }

function runBounded(command: string, timeoutMs: number, context: ProbeContext): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: context.cwd,
      env: context.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let outSize = 0
    let errSize = 0
    let settled = false
    const finish = (ran: Ran): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(ran)
    }
    const stop = (why: string): void => {
      try {
        // The group: a shell's children (ssh, kubectl) go too.
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Gone already.
      }
      // Not waiting for the streams to close: a process that left the group may hold them open.
      child.stdout.destroy()
      child.stderr.destroy()
      finish({ failed: why })
    }
    const timer = setTimeout(
      () => stop(`the command did not finish within ${timeoutMs} ms and was stopped`),
      timeoutMs
    )
    child.stdout.on('data', (chunk: Buffer) => {
      outSize += chunk.length
      if (settled) return
      if (outSize > context.maxCommandBytes)
        stop(`the command printed more than ${context.maxCommandBytes} bytes and was stopped`)
      else out.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      // Kept for the reason only: its end is what says what went wrong.
      errSize += chunk.length
      err.push(chunk)
      while (err.length > 1 && errSize - (err[0] as Buffer).length > 4096)
        errSize -= (err.shift() as Buffer).length
    })
    child.on('error', (error) =>
      finish({ failed: `the command could not be started (${error.message})` })
    )
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8').trim()
      if (code !== 0) {
        return finish({
          failed: `the command ${signal !== null ? `was ended by ${signal}` : `exited with ${code}`}${stderr === '' ? '' : `: ${shown(stderr.slice(-240))}`}`
        })
      }
      finish({ stdout: Buffer.concat(out).toString('utf8') })
    })
  })
}
