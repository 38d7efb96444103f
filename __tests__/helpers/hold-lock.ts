// Run as a separate process by the lock test: takes the lock (pausing after judging a lock
// stale, so two takeovers overlap), holds it a while, and logs when it entered and left.
import * as fs from 'node:fs'
import { withFileLock } from '../../src/stores/ledger/file-lock.js'

const [file, log, pauseMs] = process.argv.slice(2) as [string, string, string]
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
await withFileLock(
  file,
  'test',
  async () => {
    fs.appendFileSync(log, `enter ${process.pid}\n`)
    await sleep(800)
    fs.appendFileSync(log, `leave ${process.pid}\n`)
  },
  { staleMs: 1_000, beforeBreaking: () => sleep(Number(pauseMs)) }
)
