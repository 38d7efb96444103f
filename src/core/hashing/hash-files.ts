import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { SealError, quote } from '../errors.js'
import { type ClaimLoopContext, type ClaimLoopFailure, PROGRESS_STRIDE, runClaimLoop } from './claim-loop.js'
import { hashLargeFile } from './hash-large-file.js'

export interface HashProgress {
  readonly filesDone: number
  readonly bytesDone: number
  readonly filesTotal: number
}

export interface HashOptions {
  /** Called at most every `progressIntervalMs` while hashing. */
  readonly onProgress?: (progress: HashProgress) => void
  readonly progressIntervalMs?: number
  /** Workers that share the hashing with the main thread; without one the main thread hashes alone. */
  readonly pool?: HashPool
  /** False leaves every file to the pool's workers, as when the main thread has other work. */
  readonly mainThreadHashes?: boolean
}

export interface HashedFiles {
  /** 32 bytes per file, in the order of the paths given. */
  readonly digests: Uint8Array
  readonly sizes: Float64Array
}

/** Below this many files the main thread hashes alone: handing work over costs more than it saves. */
const FILES_PER_WORKER = 256

// Workers run the claim loop from its source text, so the same code runs from the
// TypeScript sources under test, from the bundled actions and from the CLI, with no
// separate worker file to locate on disk.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const runClaimLoop = ${runClaimLoop.toString()}
parentPort.once('message', (work) => {
  parentPort.postMessage(runClaimLoop({ ...work, fs: require('node:fs'), crypto: require('node:crypto') }))
})
`

function describeFailure(failure: ClaimLoopFailure, path: string): SealError {
  const reason =
    failure.code === 'ENOENT'
      ? 'it disappeared while being sealed. Make sure no other step writes to the artifact during the seal.'
      : failure.code === 'EACCES' || failure.code === 'EPERM'
        ? 'permission denied. Make the file readable by the runner, or exclude it with a "!" pattern.'
        : failure.code === 'EISDIR'
          ? 'it is a directory, not a file.'
          : `${failure.message}.`
  return new SealError(`Cannot read ${quote(path)}: ${reason}`)
}

/**
 * Worker threads that help the main thread hash. They are started before the files are
 * listed, so that they boot on the spare cores while the main thread walks the tree.
 */
export class HashPool {
  private readonly workers: Worker[]

  private constructor(count: number) {
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, { eval: true }))
  }

  /** Starts one worker per spare core (up to 3); none on a single core. */
  static start(count = Math.min(Math.max(0, availableParallelism() - 1), 3)): HashPool {
    return new HashPool(count)
  }

  get size(): number {
    return this.workers.length
  }

  /** Hands the same shared work to every worker; resolves with each one's failure or null. */
  run(work: Omit<ClaimLoopContext, 'fs' | 'crypto' | 'progressSlot' | 'onFileDone'>): Promise<(ClaimLoopFailure | null)[]> {
    return Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<ClaimLoopFailure | null>((resolve, reject) => {
            worker.once('message', resolve)
            worker.once('error', reject)
            worker.once('exit', (code) => reject(new Error(`a hashing worker stopped with exit code ${code}`)))
            worker.postMessage({ ...work, progressSlot: i + 1 })
          })
      )
    )
  }

  /** Stops the workers without waiting for them: their work is done or no longer wanted. */
  close(): void {
    for (const worker of this.workers) {
      worker.unref()
      void worker.terminate()
    }
  }
}

/**
 * Puts the paths in shared memory, so that no worker holds a copy of a list that can
 * run to hundreds of thousands of paths.
 */
export function encodePaths(paths: readonly string[]): { pathBytes: Uint8Array; pathEnds: Uint32Array } {
  const pathEnds = new Uint32Array(new SharedArrayBuffer(Math.max(1, paths.length) * 4)).subarray(0, paths.length)
  let total = 0
  paths.forEach((p, i) => (pathEnds[i] = total += Buffer.byteLength(p)))
  const pathBytes = Buffer.from(new SharedArrayBuffer(Math.max(1, total)))
  paths.forEach((p, i) => pathBytes.write(p, i === 0 ? 0 : (pathEnds[i - 1] as number)))
  return { pathBytes, pathEnds }
}

/**
 * Hashes every file with sha256. One file is read with the next read overlapping the
 * hashing of the current one; many files are shared between the main thread and the
 * pool's workers, which claim them one by one from a shared counter.
 */
export async function hashFiles(paths: readonly string[], options: HashOptions = {}): Promise<HashedFiles> {
  const digests = new Uint8Array(new SharedArrayBuffer(Math.max(1, paths.length) * 32))
  const sizes = new Float64Array(new SharedArrayBuffer(Math.max(1, paths.length) * 8))
  const { onProgress, progressIntervalMs = 2000 } = options

  if (paths.length === 1) {
    const only = paths[0] as string
    try {
      const result = await hashLargeFile(only, (bytesDone) => onProgress?.({ filesDone: 0, bytesDone, filesTotal: 1 }), progressIntervalMs)
      digests.set(result.digest, 0)
      sizes[0] = result.size
    } catch (error) {
      const e = error as NodeJS.ErrnoException
      throw describeFailure({ index: 0, code: e.code ?? 'EIO', message: e.message }, only)
    }
    return { digests, sizes }
  }

  const mainThreadHashes = options.mainThreadHashes ?? true
  const pool = options.pool && options.pool.size > 0 && (paths.length >= FILES_PER_WORKER || !mainThreadHashes) ? options.pool : null
  const threads = (pool?.size ?? 0) + 1
  const next = new Int32Array(new SharedArrayBuffer(4))
  const progress = new Float64Array(new SharedArrayBuffer(threads * PROGRESS_STRIDE * 8))
  const work = { ...encodePaths(paths), next, digests, sizes, progress }
  const helpers = pool ? pool.run(work) : Promise.resolve([])

  const report = (): void => {
    let filesDone = 0
    let bytesDone = 0
    for (let slot = 0; slot < threads; slot++) {
      filesDone += progress[slot * PROGRESS_STRIDE] as number
      bytesDone += progress[slot * PROGRESS_STRIDE + 1] as number
    }
    onProgress?.({ filesDone, bytesDone, filesTotal: paths.length })
  }
  let lastReport = performance.now()
  const onFileDone = onProgress
    ? (): void => {
        const now = performance.now()
        if (now - lastReport >= progressIntervalMs) {
          lastReport = now
          report()
        }
      }
    : undefined

  const failures: (ClaimLoopFailure | null)[] = []
  if (mainThreadHashes || !pool) {
    failures.push(runClaimLoop({ ...work, fs, crypto, progressSlot: 0, ...(onFileDone ? { onFileDone } : {}) }))
    failures.push(...(await helpers))
  } else {
    // The main thread is free, so a timer can report while the workers hash.
    const timer = onProgress ? setInterval(report, Math.max(1, progressIntervalMs)) : undefined
    try {
      failures.push(...(await helpers))
    } finally {
      clearInterval(timer)
    }
  }
  const failure = failures.find((f) => f !== null)
  if (failure) throw describeFailure(failure, paths[failure.index] as string)
  return { digests, sizes }
}
