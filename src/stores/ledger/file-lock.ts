import * as fs from 'node:fs'
import { SealError, quote } from '../../core/errors.js'

export interface LockOptions {
  /** How long to wait for another process's lock before giving up. */
  readonly waitMs?: number
  /** A lock older than this whose owner is gone is taken over. */
  readonly staleMs?: number
}

/**
 * Runs `work` while holding `<file>.lock`, an exclusive lock between processes. The lock
 * file is created with O_EXCL, which one process alone can win on a local file system;
 * it holds the owner's pid so a lock left by a crashed process can be taken over.
 */
export async function withFileLock<T>(file: string, what: string, work: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const lockPath = `${file}.lock`
  const waitMs = options.waitMs ?? 30_000
  const staleMs = options.staleMs ?? 10_000
  const deadline = Date.now() + waitMs
  let delay = 2
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx')
      fs.writeSync(fd, `${process.pid}\n`)
      fs.closeSync(fd)
      break
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST') {
        throw new SealError(`${what}: cannot create the lock file ${quote(lockPath)} (${code ?? String(error)}). Make its directory writable.`)
      }
      if (takeOverIfStale(lockPath, staleMs)) continue
      if (Date.now() > deadline) {
        throw new SealError(
          `${what}: ${quote(lockPath)} has been locked by another process for over ${Math.round(waitMs / 1000)} s. ` +
            `If no other artifact-seal is running, delete that file.`
        )
      }
      await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay))
      delay = Math.min(delay * 2, 100)
    }
  }
  try {
    return await work()
  } finally {
    fs.rmSync(lockPath, { force: true })
  }
}

function takeOverIfStale(lockPath: string, staleMs: number): boolean {
  let pid: number
  let age: number
  try {
    pid = Number(fs.readFileSync(lockPath, 'utf8').trim())
    age = Date.now() - fs.statSync(lockPath).mtimeMs
  } catch {
    return false // released meanwhile, or being written: try again
  }
  if (age < staleMs || (Number.isInteger(pid) && pid > 0 && isAlive(pid))) return false
  // Rename first: of two processes taking over the same stale lock, only one succeeds.
  const claimed = `${lockPath}.stale-${process.pid}`
  try {
    fs.renameSync(lockPath, claimed)
    fs.rmSync(claimed, { force: true })
    return true
  } catch {
    return false
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
