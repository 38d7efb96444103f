// A clock several processes share through a file, moved by the test alone: a lease measured
// on it passes when the test says so, however slow the machine is.
import * as fs from 'node:fs'
import { setTimeout as sleepFor } from 'node:timers/promises'

export interface SharedClock {
  readonly now: () => number
  /** Resolves once the clock has moved `ms` past the time it was called; rejects when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
}

export function readClock(file: string): SharedClock {
  const now = (): number => Number(fs.readFileSync(file, 'utf8'))
  return {
    now,
    sleep: async (ms, signal) => {
      const until = now() + ms
      while (now() < until) await sleepFor(5, undefined, { signal })
    }
  }
}

/** Sets the clock's time, whole (renamed into place), for every process reading it. */
export function setClock(file: string, time: number): void {
  fs.writeFileSync(`${file}.next`, String(time))
  fs.renameSync(`${file}.next`, file)
}
