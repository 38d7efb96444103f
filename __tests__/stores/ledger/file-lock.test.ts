import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { SealError } from '../../../src/core/errors.js'
import {
  type LockHolder,
  type LockOptions,
  hostIdentity,
  withFileLock
} from '../../../src/stores/ledger/file-lock.js'
import { LEASE_MS, lockOf } from '../../helpers/lock-hosts.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

/** A pid no process has: Linux pids stop at 2^22. */
const NO_SUCH_PID = 999_999_999

/** A clock the test moves by hand, and the waits on it that the holder's renewals use. */
function handClock(): {
  options: Pick<LockOptions, 'clock' | 'sleep'>
  advance: (ms: number) => Promise<void>
  waiting: () => number
} {
  let now = 0
  const sleepers = new Set<{ until: number; wake: () => void }>()
  return {
    options: {
      clock: () => now,
      sleep: (ms, signal) =>
        new Promise((resolve, reject) => {
          const sleeper = { until: now + ms, wake: resolve }
          sleepers.add(sleeper)
          signal.addEventListener(
            'abort',
            () => sleepers.delete(sleeper) && reject(new Error('released')),
            { once: true }
          )
        })
    },
    advance: async (ms) => {
      now += ms
      for (const sleeper of [...sleepers].filter((s) => s.until <= now)) {
        sleepers.delete(sleeper)
        sleeper.wake()
      }
      // Lets what woke run (a renewal is synchronous once woken).
      await new Promise((resolve) => setImmediate(resolve))
    },
    waiting: () => sleepers.size
  }
}

/** Counts a waiter's looks at a held lock, so a test can wait until it has looked again. */
function looks(): { onBusy: () => void; after: (more: number) => Promise<void> } {
  let count = 0
  let waiters: { at: number; resolve: () => void }[] = []
  return {
    onBusy: () => {
      count += 1
      for (const w of waiters.filter((w) => w.at <= count)) w.resolve()
      waiters = waiters.filter((w) => w.at > count)
    },
    after: (more) => new Promise((resolve) => waiters.push({ at: count + more, resolve }))
  }
}

function newLockFile(content?: string): string {
  const file = path.join(tempDir(), 'ledger.jsonl')
  if (content !== undefined) fs.writeFileSync(`${file}.lock`, content)
  return file
}

const holderIn = (file: string): LockHolder =>
  JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')) as LockHolder

describe('the file lock: the holder and its lease', () => {
  it('records who holds it, renews it while held, and stops renewing when released', async () => {
    const file = newLockFile()
    const time = handClock()
    const renewals: number[] = []
    const options = {
      ...time.options,
      host: 'host-a',
      leaseMs: 1_000,
      renewMs: 250,
      onRenew: (n: number) => renewals.push(n)
    }
    await withFileLock(
      file,
      'test',
      async () => {
        const first = holderIn(file)
        expect(first).toEqual({
          format: 'artifact-seal/lock/v1',
          token: expect.stringMatching(/^[0-9a-f-]{36}$/),
          host: 'host-a',
          hostname: os.hostname(),
          pid: process.pid,
          leaseMs: 1_000,
          acquired: expect.any(String),
          renewed: first.acquired,
          renewals: 0
        })
        await time.advance(249)
        expect(holderIn(file).renewals).toBe(0)
        await time.advance(1)
        await time.advance(250)
        expect(renewals).toEqual([1, 2])
        expect(holderIn(file)).toMatchObject({
          token: first.token,
          acquired: first.acquired,
          renewals: 2
        })
      },
      options
    )
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
    expect(time.waiting()).toBe(0)
    await time.advance(10_000)
    expect(renewals).toEqual([1, 2])
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })

  it('names the boot and pid namespace it runs in as its host, by default', async () => {
    const file = newLockFile()
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    const expected = `${boot} ${fs.readlinkSync('/proc/self/ns/pid')}`
    expect(hostIdentity()).toBe(expected)
    await withFileLock(file, 'test', () => expect(holderIn(file).host).toBe(expected))
  })

  it(
    'renews only the file it created: a lock that replaced it stays as it is, and the holder learns it lost ' +
      'the lock',
    async () => {
      const file = newLockFile()
      const time = handClock()
      const renewals: number[] = []
      const theirs = lockOf('host-b', { hostname: 'build-7' })
      await withFileLock(
        file,
        'ledger: "file:x"',
        async (lock) => {
          lock.assertHeld('unreachable')
          // Another host broke the lock (its holder seemed frozen) and took it.
          fs.rmSync(`${file}.lock`)
          fs.writeFileSync(`${file}.lock`, theirs)
          await time.advance(250)
          expect(renewals).toEqual([1])
          expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(theirs)
          const lost = (() => {
            try {
              lock.assertHeld('Nothing was written.')
            } catch (error) {
              return error
            }
            return null
          })()
          expect(lost).toBeInstanceOf(SealError)
          expect((lost as Error).message).toMatch(
            /^ledger: "file:x": this process no longer holds the lock ".*ledger\.jsonl\.lock": it is now held by process 4242 on "build-7" \(since "2026-11-01T12:00:00.000Z" by its clock, renewed 0 times\)\. Its lease \(30 s\) ran out .* Nothing was written\.$/
          )
        },
        { ...time.options, host: 'host-a', renewMs: 250, onRenew: (n) => renewals.push(n) }
      )
      expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(theirs)
    }
  )

  it('says the lock is lost when its file is gone', async () => {
    const file = newLockFile()
    await withFileLock(file, 'test', (lock) => {
      fs.rmSync(`${file}.lock`)
      expect(() => lock.assertHeld('Nothing was written.')).toThrow(
        /no longer holds the lock .*: the lock file is gone\. /
      )
    })
  })
})

describe('the file lock: judging a lock stale', () => {
  it('takes at once a lock whose holder is gone from this host', async () => {
    const host = hostIdentity() as string
    const file = newLockFile(lockOf(host, { pid: NO_SUCH_PID }))
    let broken = 0
    // The clock never moves: no lease passes.
    const entered = await withFileLock(file, 'test', () => holderIn(file).pid, {
      ...handClock().options,
      onBroken: () => (broken += 1)
    })
    expect(entered).toBe(process.pid)
    expect(broken).toBe(1)
  })

  it('waits a whole lease for a holder on another host, whatever its pid is here', async () => {
    const file = newLockFile(lockOf('host-far', { pid: NO_SUCH_PID }))
    const time = handClock()
    const look = looks()
    let entered = false
    const taking = withFileLock(file, 'test', () => (entered = true), {
      ...time.options,
      leaseMs: LEASE_MS,
      onBusy: look.onBusy
    })
    await look.after(2)
    await time.advance(LEASE_MS - 1)
    await look.after(2)
    expect(entered).toBe(false)
    expect(holderIn(file).host).toBe('host-far')
    await time.advance(1)
    await taking
    expect(entered).toBe(true)
  })

  it('restarts the lease at every renewal it sees: a holder renewing for twelve leases keeps the lock', async () => {
    const file = newLockFile(lockOf('host-far'))
    const time = handClock()
    const look = looks()
    let entered = false
    const taking = withFileLock(file, 'test', () => (entered = true), {
      ...time.options,
      leaseMs: LEASE_MS,
      waitMs: 60_000,
      onBusy: look.onBusy
    })
    await look.after(1)
    for (let renewals = 1; renewals <= 20; renewals++) {
      await time.advance(600)
      fs.writeFileSync(`${file}.lock`, lockOf('host-far', { renewals }))
      await Promise.race([look.after(2), taking])
      expect(entered).toBe(false)
    }
    await time.advance(LEASE_MS)
    await taking
    expect(entered).toBe(true)
  })

  it('breaks a lock in an earlier format, or unreadable, by the lease alone', async () => {
    for (const content of [
      '999999999 8d3f2c1e-0000-4000-8000-000000000000\n',
      '{"format":"artifact-seal/lock/v1","tok',
      ''
    ]) {
      const file = newLockFile(content)
      const time = handClock()
      const look = looks()
      let entered = false
      const taking = withFileLock(file, 'test', () => (entered = true), {
        ...time.options,
        leaseMs: LEASE_MS,
        onBusy: look.onBusy
      })
      await look.after(2)
      await time.advance(LEASE_MS - 1)
      await look.after(2)
      expect(entered).toBe(false)
      await time.advance(1)
      await taking
      expect(entered).toBe(true)
    }
  })

  it(
    'breaks the lock of a live process on this host once its lease has passed: the pid only ever shortens the ' +
      'wait',
    async () => {
      const theirs = lockOf(hostIdentity() as string, { pid: process.pid, token: 'theirs' })
      const file = newLockFile(theirs)
      const time = handClock()
      const look = looks()
      let entered = false
      const taking = withFileLock(file, 'test', () => (entered = true), {
        ...time.options,
        leaseMs: LEASE_MS,
        onBusy: look.onBusy
      })
      await look.after(2)
      expect(entered).toBe(false)
      await time.advance(LEASE_MS)
      await taking
      expect(entered).toBe(true)
    }
  )

  it('removes a break lock left by a crash only once it has stood unchanged for a lease', async () => {
    const file = newLockFile(lockOf(hostIdentity() as string, { pid: NO_SUCH_PID }))
    fs.writeFileSync(`${file}.lock.break`, 'left by a crash\n')
    const time = handClock()
    const look = looks()
    let entered = false
    const taking = withFileLock(file, 'test', () => (entered = true), {
      ...time.options,
      leaseMs: LEASE_MS,
      onBusy: look.onBusy
    })
    await look.after(2)
    await time.advance(LEASE_MS - 1)
    await look.after(2)
    expect(entered).toBe(false)
    expect(fs.existsSync(`${file}.lock.break`)).toBe(true)
    await time.advance(1)
    await taking
    expect(entered).toBe(true)
    expect(fs.existsSync(`${file}.lock.break`)).toBe(false)
  })

  it('gives up after its wait, naming the holder that kept renewing, its hostname quoted', async () => {
    const hostname = 'build\u001b[31m-7\nrunner'
    const file = newLockFile(lockOf('host-far', { hostname }))
    const time = handClock()
    const look = looks()
    const taking = withFileLock(file, 'ledger: "file:x"', () => 'entered', {
      ...time.options,
      leaseMs: LEASE_MS,
      waitMs: 3_000,
      onBusy: look.onBusy
    })
    let settled = false
    const outcome = taking.then(
      (value) => value,
      (error: unknown) => error
    )
    void outcome.then(() => (settled = true))
    await look.after(1)
    for (let renewals = 1; !settled; renewals++) {
      await time.advance(500)
      fs.writeFileSync(`${file}.lock`, lockOf('host-far', { hostname, renewals }))
      await Promise.race([look.after(1), outcome])
    }
    const error = await outcome
    expect(error).toBeInstanceOf(SealError)
    expect((error as Error).message).toMatch(
      /^ledger: "file:x": ".*\.lock" has been locked by process 4242 on "build\\u001b\[31m-7\\nrunner" \(since .*, renewed \d times\) for over 3 s\. Wait for it to finish; if no artifact-seal is running there, delete that file\.$/
    )
  })
})
