import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import { setTimeout as sleepFor } from 'node:timers/promises'
import { SealError, quote } from '../../core/errors.js'

/** How long a holder's lock stands without a renewal before a waiter may break it. */
export const DEFAULT_LEASE_MS = 30_000

export interface LockOptions {
  /**
   * How long to wait for another holder before giving up: longer than the lease, or a lock
   * left by a crash on another host is never broken. Three leases by default.
   */
  readonly waitMs?: number
  /** A lock nobody renews for this long is broken (the holder's own lease when it states a longer one). */
  readonly leaseMs?: number
  /** How often the holder renews its lease: well below it, so a few late renewals do not lose it. */
  readonly renewMs?: number
  /**
   * What makes a pid mean something here: the boot and pid namespace this process runs in
   * (`hostIdentity()`), by default. Tests give each process they start as another host an
   * identity of its own.
   */
  readonly host?: string | null
  /** A monotonic clock in milliseconds; the lease and the wait are measured on it alone. */
  readonly clock?: () => number
  /** Waits on that clock between renewals; a signal ends the wait when the lock is released. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  /**
   * Called when a lock was judged stale, before it is broken. Tests pause here to let another
   * process take the lock meanwhile: the takeover must then leave that new lock alone.
   */
  readonly beforeBreaking?: () => Promise<void>
  /** Called when this process removed a stale lock. */
  readonly onBroken?: () => void
  /** Called each time the lock is found held, with its holder when the file says who: tests know a writer waits. */
  readonly onBusy?: (holder: LockHolder | null) => void
  /** Called after each renewal, with how many there were. */
  readonly onRenew?: (renewals: number) => void
  /** Called at the start of each check that the lock is still this process's: tests take it away there. */
  readonly onCheck?: () => void
}

/** What a lock file says about its holder. */
export interface LockHolder {
  readonly format: typeof LOCK_FORMAT
  /** Tells this hold from any other, even one by the same process. */
  readonly token: string
  /** The boot and pid namespace the holder runs in (see `hostIdentity`), or null when it has none. */
  readonly host: string | null
  /** For people reading messages, never for a judgement: two machines may share a name. */
  readonly hostname: string
  readonly pid: number
  readonly leaseMs: number
  /** The holder's own clock, for people: a waiter never compares it with its clock. */
  readonly acquired: string
  readonly renewed: string
  readonly renewals: number
}

/** Held while `work` runs: the ledger checks it right before it writes. */
export interface HeldLock {
  /** Throws, saying `consequence`, when the lock file is no longer this holder's (another process took it). */
  assertHeld(consequence: string): void
}

const LOCK_FORMAT = 'artifact-seal/lock/v1'

/**
 * Runs `work` while holding `<file>.lock`, an exclusive lock between processes, on one
 * machine or on storage several share (see docs/threat-model.md for which).
 *
 * The lock file is created with O_EXCL, which one process alone can win. Its holder renews
 * it while it works, through the descriptor it created it with, so a renewal can only ever
 * touch its own file: never another holder's that replaced it. A waiter judges the lock
 * stale when it has seen the same file, unchanged, for a whole lease on its own monotonic
 * clock; it never compares a time the holder or the file server wrote with its own, so
 * clocks that disagree between hosts cannot make a live lock look old. The pid in the file
 * only helps on the same host (same boot, same pid namespace): a holder gone from there is
 * gone, and its lock is taken at once. A holder that was paused past its lease (SIGSTOP, a
 * suspended machine) has lost the lock: `assertHeld` tells it before it writes.
 */
export async function withFileLock<T>(
  file: string,
  what: string,
  work: (lock: HeldLock) => Promise<T> | T,
  options: LockOptions = {}
): Promise<T> {
  const lockPath = `${file}.lock`
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const renewMs = options.renewMs ?? leaseMs / 6
  const waitMs = options.waitMs ?? 3 * leaseMs
  const clock = options.clock ?? (() => performance.now())
  const host = options.host === undefined ? hostIdentity() : options.host
  const deadline = clock() + waitMs
  const token = randomUUID()
  const watching = { lock: new Sighting(), breaking: new Sighting() }
  let delay = 2
  let fd = createLock(lockPath, what)
  while (fd === null) {
    const seen = readLock(lockPath)
    if (seen !== null) {
      options.onBusy?.(seen.holder)
      const now = clock()
      watching.lock.see(seen.key, now)
      const lease = Math.max(leaseMs, seen.holder?.leaseMs ?? 0)
      const stale = goneFromThisHost(seen.holder, host) || watching.lock.unchangedFor(now) >= lease
      const broken =
        stale && (await breakStale(lockPath, seen, leaseMs, clock, watching.breaking, options))
      if (!broken) {
        if (now > deadline) throw waitedTooLong(what, lockPath, waitMs, seen.holder)
        await sleepFor(delay + Math.random() * delay)
        delay = Math.min(delay * 2, 100)
      }
    }
    fd = createLock(lockPath, what)
  }
  const now = new Date().toISOString()
  const holder: LockHolder = {
    format: LOCK_FORMAT,
    token,
    host,
    hostname: os.hostname(),
    pid: process.pid,
    leaseMs,
    acquired: now,
    renewed: now,
    renewals: 0
  }
  try {
    writeHolder(fd, holder)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(lockPath, { force: true })
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new SealError(
      'unreadable',
      `${what}: cannot write the lock file ${quote(lockPath)} (${code}). Make its directory writable.`
    )
  }
  const stop = new AbortController()
  const renewal = { lost: null as string | null }
  const renewing = renew(fd, holder, renewMs, options, stop.signal, renewal)
  const lock: HeldLock = {
    assertHeld: (consequence) => {
      options.onCheck?.()
      const problem = renewal.lost ?? notOurs(lockPath, token)
      if (problem !== null) {
        throw new SealError(
          'conflict',
          `${what}: this process no longer holds the lock ${quote(lockPath)}: ${problem}. ` +
            `Its lease (${leaseMs / 1000} s) ran out while it was paused, or its renewals could not be written, ` +
            `so another process could take it. ${consequence}`
        )
      }
    }
  }
  try {
    return await work(lock)
  } finally {
    stop.abort()
    await renewing
    fs.closeSync(fd)
    releaseIfOurs(lockPath, token)
  }
}

/**
 * The id that makes a pid meaningful: the kernel's boot id and the pid namespace, which
 * together name one set of pids on one machine. /etc/machine-id would not do: cloned
 * machines and containers often share it while their pids are unrelated. Null where there
 * is no such id (not Linux, or /proc hidden): then the lease alone decides.
 */
export function hostIdentity(): string | null {
  if (ownHost !== undefined) return ownHost
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    const namespace = fs.readlinkSync('/proc/self/ns/pid')
    ownHost =
      /^[0-9a-f-]{36}$/.test(boot) && /^pid:\[\d+\]$/.test(namespace)
        ? `${boot} ${namespace}`
        : null
  } catch {
    ownHost = null
  }
  return ownHost
}
let ownHost: string | null | undefined

/** The descriptor of a new lock file, or null when the lock exists already. */
function createLock(lockPath: string, what: string): number | null {
  try {
    return fs.openSync(lockPath, 'wx')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return null
    throw new SealError(
      'unreadable',
      `${what}: cannot create the lock file ${quote(lockPath)} (${code ?? String(error)}). Make its directory writable.`
    )
  }
}

/** Renews the lease every `renewMs` until released; a renewal that fails marks the lock lost. */
async function renew(
  fd: number,
  holder: LockHolder,
  renewMs: number,
  options: LockOptions,
  stop: AbortSignal,
  renewal: { lost: string | null }
): Promise<void> {
  // Unreferenced: a lease alone never keeps the process running.
  const sleep =
    options.sleep ??
    ((ms: number, signal: AbortSignal) => sleepFor(ms, undefined, { signal, ref: false }))
  for (let renewals = 1; ; renewals++) {
    try {
      await sleep(renewMs, stop)
    } catch {
      return // released
    }
    if (stop.aborted) return
    try {
      writeHolder(fd, { ...holder, renewed: new Date().toISOString(), renewals })
    } catch (error) {
      // ESTALE: another host removed the file (NFS); anything else: nobody can see this renewal.
      renewal.lost = `a renewal failed (${(error as NodeJS.ErrnoException).code ?? String(error)})`
      return
    }
    options.onRenew?.(renewals)
  }
}

/** Writes the holder over the file's content through `fd`, and pushes it to the disk or the file server others read. */
function writeHolder(fd: number, holder: LockHolder): void {
  const bytes = Buffer.from(`${JSON.stringify(holder)}\n`)
  fs.writeSync(fd, bytes, 0, bytes.length, 0)
  fs.ftruncateSync(fd, bytes.length)
  fs.fdatasyncSync(fd)
}

interface SeenLock {
  /** Which file, with which content: any renewal changes it. */
  readonly key: string
  readonly holder: LockHolder | null
  /** Why it could not be read, if it could not. */
  readonly unreadable: string | null
}

/**
 * The lock file as it is now (opened afresh: on NFS an open revalidates what the client
 * cached), or null when there is none. One that cannot be read has no holder, and a key that
 * stays the same while it stays unreadable.
 */
function readLock(lockPath: string): SeenLock | null {
  let fd: number
  try {
    fd = fs.openSync(lockPath, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    return { key: `unreadable ${code}`, holder: null, unreadable: code ?? String(error) }
  }
  try {
    const ino = fs.fstatSync(fd).ino
    const content = fs.readFileSync(fd, 'utf8')
    return { key: `${ino} ${content}`, holder: parseHolder(content), unreadable: null }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return { key: `unreadable ${code}`, holder: null, unreadable: code }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * The holder a lock file names, or null for anything else (an earlier format, a file being
 * written): such a lock is judged by the lease alone.
 */
function parseHolder(content: string): LockHolder | null {
  let value: Partial<LockHolder> | null
  try {
    value = JSON.parse(content) as Partial<LockHolder> | null
  } catch {
    return null
  }
  if (value === null || typeof value !== 'object' || value.format !== LOCK_FORMAT) return null
  const { token, host, hostname, pid, leaseMs, acquired, renewed, renewals } = value
  if (typeof token !== 'string' || typeof hostname !== 'string') return null
  if (host !== null && typeof host !== 'string') return null
  if (
    !Number.isSafeInteger(pid) ||
    (pid as number) <= 0 ||
    typeof leaseMs !== 'number' ||
    !(leaseMs > 0)
  )
    return null
  if (
    typeof acquired !== 'string' ||
    typeof renewed !== 'string' ||
    !Number.isSafeInteger(renewals)
  )
    return null
  return value as LockHolder
}

/**
 * When one thing was first seen (a lock file's identity and content), on the waiter's own
 * clock: a lock is stale when the same thing has been seen for a whole lease.
 */
class Sighting {
  private key: string | null = null
  private since = 0

  see(key: string, now: number): void {
    if (key === this.key) return
    this.key = key
    this.since = now
  }

  unchangedFor(now: number): number {
    return now - this.since
  }
}

/** Whether the holder ran on this host and is no longer running: only there does its pid mean anything. */
function goneFromThisHost(holder: LockHolder | null, host: string | null): boolean {
  return holder !== null && host !== null && holder.host === host && !isAlive(holder.pid)
}

/**
 * Removes a stale lock, and only that lock. Several processes may judge the same lock stale
 * at once; if the first removes it and another process takes the lock before the second
 * acts, the second must not remove that new lock. So breaking happens under a second lock
 * (`.lock.break`, held for microseconds), and the lock is removed only if it is still the
 * very file (inode and content) that was judged stale. A break lock seen unchanged for a
 * whole lease was left by a crash inside that short section, and is removed.
 */
async function breakStale(
  lockPath: string,
  judged: SeenLock,
  leaseMs: number,
  clock: () => number,
  breaking: Sighting,
  options: LockOptions
): Promise<boolean> {
  await options.beforeBreaking?.()
  const breakPath = `${lockPath}.break`
  const token = `${randomUUID()}\n`
  if (!createBreakLock(breakPath, token)) {
    const left = readLock(breakPath)
    if (left !== null) {
      const now = clock()
      breaking.see(left.key, now)
      if (breaking.unchangedFor(now) >= leaseMs) removeQuietly(breakPath)
    }
    return false
  }
  try {
    if (readLock(lockPath)?.key !== judged.key) return false
    // One that cannot be removed is waited for, and in the end its holder is named.
    if (!removeQuietly(lockPath)) return false
    options.onBroken?.()
    return true
  } finally {
    releaseIfOurs(breakPath, token)
  }
}

function createBreakLock(breakPath: string, token: string): boolean {
  let fd: number
  try {
    fd = fs.openSync(breakPath, 'wx')
  } catch {
    return false
  }
  try {
    fs.writeSync(fd, token)
    return true
  } catch {
    removeQuietly(breakPath)
    return false
  } finally {
    fs.closeSync(fd)
  }
}

function removeQuietly(path: string): boolean {
  try {
    fs.rmSync(path, { force: true })
    return true
  } catch {
    return false
  }
}

/** Why the lock file is not this holder's any more, or null when it still is. */
function notOurs(lockPath: string, token: string): string | null {
  const seen = readLock(lockPath)
  if (seen === null) return 'the lock file is gone'
  if (seen.unreadable !== null) return `the lock file cannot be read (${seen.unreadable})`
  if (seen.holder?.token === token) return null
  return `it is now held by ${describe(seen.holder)}`
}

function releaseIfOurs(path: string, token: string): void {
  try {
    const content = fs.readFileSync(path, 'utf8')
    if (content === token || parseHolder(content)?.token === token) fs.rmSync(path, { force: true })
  } catch {
    // already gone
  }
}

function waitedTooLong(
  what: string,
  lockPath: string,
  waitMs: number,
  holder: LockHolder | null
): SealError {
  return new SealError(
    'conflict',
    `${what}: ${quote(lockPath)} has been locked by ${describe(holder)} for over ${Math.round(waitMs / 1000)} s. ` +
      `Wait for it to finish; if no artifact-seal is running there, delete that file.`
  )
}

/** Who holds a lock, for a message: its fields come from another process, so they are quoted. */
function describe(holder: LockHolder | null): string {
  if (holder === null) return 'another process (its lock file does not say which)'
  const since = `since ${quote(holder.acquired)} by its clock, renewed ${holder.renewals} times`
  return `process ${holder.pid} on ${quote(holder.hostname)} (${since})`
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
