// Two or more hosts sharing one ledger, each a process with a host identity of its own and
// the test's clock: pids mean nothing between them, and a lease passes only when the test
// moves the clock, so each test decides the interleaving and reads it back from the log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { collect } from '../../helpers/ledger-history.js'
import {
  type HostEvent,
  Hosts,
  LEASE_MS,
  RENEW_MS,
  bundleLockHost,
  isStopped,
  lockOf
} from '../../helpers/lock-hosts.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

let script: string
let hosts: Hosts

beforeAll(async () => {
  script = await bundleLockHost(tempDir())
})
afterEach(() => hosts.stopAll())
afterAll(removeAll)

const holds = (events: HostEvent[]): string[] =>
  events
    .filter((e) => e.event === 'enter' || e.event === 'leave')
    .map((e) => `${e.name} ${e.event}`)
const holderOf = (file: string): { host: string; renewals: number } =>
  JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')) as { host: string; renewals: number }
const indexOf = (events: HostEvent[], name: string, event: string): number =>
  events.findIndex((e) => e.name === name && e.event === event)

describe('the file lock between hosts: a lease the holder renews', () => {
  it('never lets another host break in while the holder renews, past the old 10 s limit and a dozen leases', async () => {
    hosts = new Hosts(script)
    hosts.start('a', { host: 'host-a', mode: 'hold', holdUntil: 'release-a' })
    await hosts.until((h) => h.has('a', 'enter'))
    hosts.start('b', { host: 'host-b', mode: 'hold' })
    hosts.forbid(
      (e) =>
        e.name === 'b' &&
        (e.event === 'judged' || (e.event === 'enter' && !hosts.has('a', 'leave')))
    )
    await hosts.until((h) => h.has('b', 'saw', 'host-a 0'))
    const steps = 48
    for (let renewal = 1; renewal <= steps; renewal++) {
      hosts.advance(RENEW_MS)
      // Each step: a renewed, and b saw that renewal before the clock moved on.
      await hosts.until(
        (h) => h.has('a', 'renew', String(renewal)) && h.has('b', 'saw', `host-a ${renewal}`)
      )
    }
    expect(hosts.time).toBeGreaterThan(10_000)
    expect(hosts.time).toBeGreaterThanOrEqual(12 * LEASE_MS)
    expect(holderOf(hosts.ledger)).toMatchObject({ host: 'host-a', renewals: steps })
    hosts.open('release-a')
    await hosts.until((h) => h.has('b', 'leave'))

    const events = hosts.events()
    expect(holds(events)).toEqual(['a enter', 'a leave', 'b enter', 'b leave'])
    expect(events.filter((e) => e.event === 'judged' || e.event === 'broke')).toEqual([])
    // Every renewal, in order (a read that met a renewal half-written says "unknown").
    const seen = events
      .filter((e) => e.name === 'b' && e.event === 'saw' && e.detail !== 'unknown')
      .map((e) => e.detail)
    expect(seen).toEqual(Array.from({ length: steps + 1 }, (_, i) => `host-a ${i}`))
    expect(await hosts.exitCode('a')).toBe(0)
    expect(await hosts.exitCode('b')).toBe(0)
    expect(fs.existsSync(`${hosts.ledger}.lock`)).toBe(false)
  })

  it(
    'lets another host take the lock from a holder frozen past its lease, and the holder, resumed, refuses to ' +
      'append',
    async () => {
      hosts = new Hosts(script)
      await new FileLedger(hosts.ledger, 'ledger').init()
      const frozen = hosts.start('a', { host: 'host-a', mode: 'record', holdUntil: 'go-a' }, 2)
      await hosts.until((h) => h.has('a', 'decided'))
      hosts.start('b', { host: 'host-b', mode: 'record', holdUntil: 'go-b' })
      await hosts.until((h) => h.has('b', 'saw', 'host-a 0'))

      process.kill(frozen, 'SIGSTOP')
      await hosts.until(() => isStopped(frozen))
      hosts.advance(LEASE_MS)
      await hosts.until((h) => h.has('b', 'decided'))
      const lockOfB = fs.readFileSync(`${hosts.ledger}.lock`, 'utf8')
      expect(holderOf(hosts.ledger)).toMatchObject({ host: 'host-b' })

      process.kill(frozen, 'SIGCONT')
      hosts.forbid((e) => e.name === 'a' && e.event === 'appended')
      hosts.open('go-a')
      await hosts.until((h) => h.has('a', 'refused'))
      expect(await hosts.exitCode('a')).toBe(2)
      // a's renewals, if any ran after it resumed, went to its own file, which b had removed.
      expect(fs.readFileSync(`${hosts.ledger}.lock`, 'utf8')).toBe(lockOfB)
      hosts.open('go-b')
      await hosts.until((h) => h.has('b', 'appended'))
      expect(await hosts.exitCode('b')).toBe(0)

      const events = hosts.events()
      const order = [
        indexOf(events, 'a', 'decided'),
        indexOf(events, 'b', 'broke'),
        indexOf(events, 'b', 'decided'),
        indexOf(events, 'a', 'refused'),
        indexOf(events, 'b', 'appended')
      ]
      expect(order.every((at) => at >= 0)).toBe(true)
      expect([...order].sort((x, y) => x - y)).toEqual(order)
      const refusal = events.find((e) => e.name === 'a' && e.event === 'refused')?.detail
      expect(refusal).toMatch(
        /^ledger: "file:.*": this process no longer holds the lock ".*\.lock": it is now held by process \d+ on ".*" .*Nothing was written; run the step again\.$/
      )
      const ledger = new FileLedger(hosts.ledger, 'ledger')
      expect(await ledger.verifyChain()).toMatchObject({ count: 1, problems: [] })
      expect((await collect(ledger.entries())).map((e) => e.actor)).toEqual(['b'])
    }
  )
})

describe('the file lock between hosts: breaking a stale lock', () => {
  it('lets one process alone break a stale lock that several judged stale at once', async () => {
    hosts = new Hosts(script)
    fs.writeFileSync(`${hosts.ledger}.lock`, lockOf('host-gone'))
    const names = ['h1', 'h2', 'h3', 'h4', 'h5']
    for (const name of names)
      hosts.start(name, { host: `host-${name}`, mode: 'hold', breakAfter: 'break' })
    await hosts.until((h) => names.every((name) => h.has(name, 'saw', 'host-gone 0')))
    hosts.advance(LEASE_MS)
    await hosts.until((h) => names.every((name) => h.has(name, 'judged')))
    expect(hosts.events().filter((e) => e.event === 'broke')).toEqual([])
    hosts.open('break')
    await hosts.until((h) => names.every((name) => h.has(name, 'leave')))

    const events = hosts.events()
    const broke = events.filter((e) => e.event === 'broke')
    expect(broke).toHaveLength(1)
    const firstBreak = events.indexOf(broke[0] as HostEvent)
    expect(names.every((name) => indexOf(events, name, 'judged') < firstBreak)).toBe(true)
    // Never two holders at once: each enter is followed by the same host's leave.
    const sequence = holds(events)
    expect(sequence).toHaveLength(2 * names.length)
    for (let i = 0; i < sequence.length; i += 2)
      expect(sequence[i + 1]).toBe((sequence[i] as string).replace('enter', 'leave'))
    expect(new Set(sequence.filter((s) => s.endsWith('enter')))).toEqual(
      new Set(names.map((name) => `${name} enter`))
    )
  })

  it('leaves alone the lock another host took while it paused between judging a lock stale and breaking it', async () => {
    hosts = new Hosts(script)
    fs.writeFileSync(`${hosts.ledger}.lock`, lockOf('host-gone'))
    hosts.start('x', { host: 'host-x', mode: 'hold', breakAfter: 'break-x' })
    hosts.start('y', {
      host: 'host-y',
      mode: 'hold',
      breakAfter: 'break-y',
      holdUntil: 'release-y'
    })
    await hosts.until((h) => h.has('x', 'saw', 'host-gone 0') && h.has('y', 'saw', 'host-gone 0'))
    hosts.advance(LEASE_MS)
    await hosts.until((h) => h.has('x', 'judged') && h.has('y', 'judged'))
    hosts.open('break-y')
    await hosts.until((h) => h.has('y', 'enter'))
    hosts.forbid((e) => e.name === 'x' && e.event === 'enter' && !hosts.has('y', 'leave'))
    hosts.open('break-x')
    // x's break has run once it sees y's lock.
    await hosts.until((h) => h.has('x', 'saw', 'host-y 0'))
    expect(holderOf(hosts.ledger)).toMatchObject({ host: 'host-y' })
    expect(hosts.has('x', 'enter')).toBe(false)
    hosts.open('release-y')
    await hosts.until((h) => h.has('x', 'leave'))

    const events = hosts.events()
    expect(holds(events)).toEqual(['y enter', 'y leave', 'x enter', 'x leave'])
    expect(events.filter((e) => e.event === 'broke').map((e) => e.name)).toEqual(['y'])
  })
})
