// Run as a separate process by the lock tests: plays one host contending for a ledger's lock,
// with a host identity of its own and the test's shared clock, and writes what it does to an
// event log, one "<name> <event> <detail>" line at a time. It waits at barrier files the
// test creates, so the test decides the interleaving and the log proves it happened.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { setTimeout as sleepFor } from 'node:timers/promises'
import { digest, newRecord } from '../../__fixtures__/promotion.js'
import { SealError } from '../../src/core/errors.js'
import { type LockOptions, withFileLock } from '../../src/stores/ledger/file-lock.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { readClock } from './file-clock.js'
import { NO_TIMEOUT } from './ledger-history.js'

export interface HostScript {
  readonly name: string
  readonly host: string
  readonly ledger: string
  readonly clock: string
  readonly log: string
  /** Where barrier files appear. */
  readonly barriers: string
  readonly leaseMs: number
  readonly renewMs: number
  /** `hold`: take the lock alone; `record`: append a promotion record through the file ledger. */
  readonly mode: 'hold' | 'record'
  /** Barrier to wait for while holding the lock (`hold`) or while deciding (`record`). */
  readonly holdUntil?: string
  /** Barrier to wait for after judging a lock stale, before breaking it. */
  readonly breakAfter?: string
}

const script = JSON.parse(process.argv[2] as string) as HostScript
const log = (event: string): void => fs.appendFileSync(script.log, `${script.name} ${event}\n`)
const barrier = async (name: string | undefined): Promise<void> => {
  while (name !== undefined && !fs.existsSync(path.join(script.barriers, name))) await sleepFor(5)
}

const clock = readClock(script.clock)
let lastSeen = ''
const options: LockOptions = {
  host: script.host,
  leaseMs: script.leaseMs,
  renewMs: script.renewMs,
  waitMs: Number.MAX_SAFE_INTEGER,
  clock: clock.now,
  sleep: clock.sleep,
  onBusy: (holder) => {
    const seen = holder === null ? 'unknown' : `${holder.host} ${holder.renewals}`
    if (seen !== lastSeen) log(`saw ${seen}`)
    lastSeen = seen
  },
  onRenew: (renewals) => log(`renew ${renewals}`),
  beforeBreaking: async () => {
    log('judged')
    await barrier(script.breakAfter)
  },
  onBroken: () => log('broke')
}

if (script.mode === 'hold') {
  await withFileLock(
    script.ledger,
    script.name,
    async () => {
      log('enter')
      await barrier(script.holdUntil)
      log('leave')
    },
    options
  )
} else {
  const ledger = new FileLedger(script.ledger, 'ledger', { lock: options })
  try {
    const { entry } = await ledger.record(
      'production',
      async () => {
        log('decided')
        await barrier(script.holdUntil)
        return newRecord({ digest: digest(1), environment: 'production', actor: script.name })
      },
      NO_TIMEOUT
    )
    log(`appended ${entry?.id}`)
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    log(`refused ${error.message.replaceAll('\n', ' ')}`)
    process.exitCode = 2
  }
}
