import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import { SealError, quote } from '../../core/errors.js'

export interface LockOptions {
  /** How long to wait for another process's lock before giving up. */
  readonly waitMs?: number
  /** A lock older than this whose owner is gone is taken over. */
  readonly staleMs?: number
  /**
   * Called when a lock was judged stale, before it is broken. Tests pause here to let another
   * process take the lock meanwhile: the takeover must then leave that new lock alone.
   */
  readonly beforeBreaking?: () => Promise<void>
  /** Called each time the lock is found held, before waiting: tests use it to know a writer waits for another. */
  readonly onBusy?: () => void
}

/**
 * Runs `work` while holding `<file>.lock`, an exclusive lock between processes. The lock
 * file is created with O_EXCL, which one process alone can win on a local file system; it
 * holds the owner's pid, so a lock left by a crashed process can be taken over, and a token,
 * so that an owner removes only its own lock.
 */
export async function withFileLock<T>(file: string, what: string, work: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const lockPath = `${file}.lock`
  const waitMs = options.waitMs ?? 30_000
  const staleMs = options.staleMs ?? 10_000
  const deadline = Date.now() + waitMs
  const token = `${process.pid} ${randomUUID()}\n`
  let delay = 2
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx')
      fs.writeSync(fd, token)
      fs.closeSync(fd)
      break
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST') {
        throw new SealError('unreadable', `${what}: cannot create the lock file ${quote(lockPath)} (${code ?? String(error)}). Make its directory writable.`)
      }
      options.onBusy?.()
      if (await breakIfStale(lockPath, staleMs, options)) continue
      if (Date.now() > deadline) {
        throw new SealError('conflict', 
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
    releaseIfOurs(lockPath, token)
  }
}

/**
 * Removes a lock whose owner is gone, and only that lock. Two processes may judge the same
 * lock stale at once; if the first removes it and a third process takes the lock before the
 * second acts, the second must not remove the third's lock. So breaking happens under a
 * second lock (`.lock.break`, held for microseconds), and the lock is removed only if it is
 * still the very file (inode and content) that was judged stale.
 */
async function breakIfStale(lockPath: string, staleMs: number, options: LockOptions): Promise<boolean> {
  const judged = staleLock(lockPath, staleMs)
  if (judged === null) return false
  await options.beforeBreaking?.()
  const breakPath = `${lockPath}.break`
  try {
    fs.closeSync(fs.openSync(breakPath, 'wx'))
  } catch {
    // Another process is breaking it; a break lock left by a crash inside that short section is old news.
    try {
      if (Date.now() - fs.statSync(breakPath).mtimeMs > staleMs) fs.rmSync(breakPath, { force: true })
    } catch {
      // gone meanwhile
    }
    return false
  }
  try {
    const now = staleLock(lockPath, staleMs)
    if (now === null || now.ino !== judged.ino || now.content !== judged.content) return false
    fs.rmSync(lockPath, { force: true })
    return true
  } finally {
    fs.rmSync(breakPath, { force: true })
  }
}

/** The lock's identity when it is old enough and its owner is not running; null otherwise. */
function staleLock(lockPath: string, staleMs: number): { ino: number; content: string } | null {
  try {
    const content = fs.readFileSync(lockPath, 'utf8')
    const stat = fs.statSync(lockPath)
    const pid = Number(content.split(' ')[0]?.trim())
    if (Date.now() - stat.mtimeMs < staleMs) return null
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return null
    return { ino: stat.ino, content }
  } catch {
    return null // released meanwhile, or being written: try again
  }
}

function releaseIfOurs(lockPath: string, token: string): void {
  try {
    if (fs.readFileSync(lockPath, 'utf8') === token) fs.rmSync(lockPath, { force: true })
  } catch {
    // already gone
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
