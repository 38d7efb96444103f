import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { SealError, quote } from '../errors.js'
import {
  CONTROL_SLOTS,
  type ClaimLoopContext,
  type ClaimLoopFailure,
  Control,
  PROGRESS_STRIDE,
  runClaimLoop
} from './claim-loop.js'
import { hashLargeFile, hashSmallFile } from './hash-large-file.js'
import { words } from '../vocabulary.js'

export interface HashProgress {
  readonly filesDone: number
  readonly bytesDone: number
  readonly filesTotal: number
}

export interface HashOptions {
  /** Called at most every `progressIntervalMs` while hashing. */
  readonly onProgress?: (progress: HashProgress) => void
  readonly progressIntervalMs?: number
  /** False leaves every file to the pool's workers, as when the main thread has other work. */
  readonly mainThreadHashes?: boolean
}

export interface QueueOptions extends HashOptions {
  /**
   * The bytes of the root and its separator, when every path added will start with them: the
   * threads then write the listing's lines, in the order the paths are added, as they hash.
   */
  readonly linePrefix?: number
}

export interface HashedFiles {
  /** 32 bytes per file, in the order the files were added. */
  readonly digests: Uint8Array
  readonly sizes: Float64Array
  /** Each file's permission bits (`mode & 0o7777`), read through the descriptor it was hashed from. */
  readonly modes: Uint16Array
  /** The paths as the queue holds them (UTF-8, back to back), when they went through one. */
  readonly queued?: { readonly bytes: Uint8Array; readonly ends: Uint32Array }
  /**
   * With `linePrefix`: the listing's lines in the order the files were added, valid only if
   * every path started with the prefix (the caller knows) and was longer than it.
   */
  readonly lines?: Buffer
}

/** The longest listing line beyond its path's bytes: 64 hex digits, two spaces, a newline. */
const LINE_EXTRA = 64 + 2 + 1

/** The most files one seal holds: the shared buffers reserve address space for this many. */
const MAX_FILES = 1 << 22
const MAX_PATH_BYTES = 1 << 30

// Workers run the claim loop from its source text, so the same code runs from the
// TypeScript sources under test, from the bundled actions and from the CLI, with no
// separate worker file to locate on disk.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const runClaimLoop = ${runClaimLoop.toString()}
parentPort.once('message', (work) => parentPort.postMessage(runClaimLoop({ ...work, fs, crypto })))
`

function describeFailure(failure: ClaimLoopFailure, path: string): SealError {
  const reason =
    failure.code === 'ENOENT'
      ? 'it disappeared while being sealed. Make sure nothing else writes to the artifact during the seal.'
      : failure.code === 'EACCES' || failure.code === 'EPERM'
        ? `permission denied. Make the file readable by ${words().reader}, or exclude it with a "!" pattern.`
        : failure.code === 'EISDIR'
          ? 'it is a directory, not a file.'
          : failure.code === 'ENOTREG'
            ? 'it is no longer a regular file (a directory, a device, a FIFO or a socket, or a link to one, took its place after the walk). Make sure nothing else writes to the artifact during the seal.'
            : `${failure.message}.`
  return new SealError('unreadable', `Cannot read ${quote(path)}: ${reason}`)
}

type SharedWork = Omit<
  ClaimLoopContext,
  'fs' | 'crypto' | 'progressSlot' | 'waitForMore' | 'onFileDone'
>

/**
 * Worker threads that help the main thread hash. They are started before the files are
 * listed, so that they boot on the spare cores while the main thread walks the tree.
 */
export class HashPool {
  private readonly workers: Worker[]
  private closing = false

  private constructor(count: number) {
    // The workers close every file they open themselves: untracked, a descriptor costs no
    // bookkeeping on open and close (one held when a worker is stopped mid-file stays open
    // until the process ends).
    const options: WorkerOptions = { eval: true, trackUnmanagedFds: false }
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, options))
  }

  /** Starts one worker per spare core (up to 3); none on a single core. */
  static start(count = Math.min(Math.max(0, availableParallelism() - 1), 3)): HashPool {
    return new HashPool(count)
  }

  get size(): number {
    return this.workers.length
  }

  /**
   * Hands the shared work to every worker; each promise settles when that worker stops,
   * and rejects only if it crashed (not when `close` stopped it).
   */
  run(work: SharedWork): Promise<ClaimLoopFailure | null>[] {
    return this.workers.map((worker, i) => {
      const loop = new Promise<ClaimLoopFailure | null>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
        worker.once('exit', (code) =>
          this.closing
            ? resolve(null)
            : reject(new Error(`a hashing worker stopped with exit code ${code}`))
        )
        worker.postMessage({ ...work, progressSlot: i + 1, waitForMore: true })
      })
      // A crash after the caller stopped listening (the walk failed first) is not news.
      loop.catch(() => undefined)
      return loop
    })
  }

  /** Stops the workers without waiting for them: their work is done or no longer wanted. */
  close(): void {
    this.closing = true
    for (const worker of this.workers) {
      worker.unref()
      void worker.terminate()
    }
  }
}

function growable(bytes: number, maxBytes: number): SharedArrayBuffer {
  return new SharedArrayBuffer(bytes, { maxByteLength: maxBytes })
}

/**
 * Files to hash, added by the walk as it finds them while the pool's workers already
 * hash what has been added: listing a tree and hashing it overlap. Paths and results
 * live in growable shared memory, so nothing is copied between threads.
 */
export class HashQueue {
  private count = 0
  private capacity = 1024
  private bytesUsed = 0
  private readonly pathBytes = growable(64 * 1024, MAX_PATH_BYTES)
  // Views of a fixed length, made again as the buffers grow (see claim-loop.ts for why).
  private pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength)
  private readonly pathEnds = growable(this.capacity * 4, MAX_FILES * 4)
  private ends = new Uint32Array(this.pathEnds, 0, this.capacity)
  private readonly digests = growable(this.capacity * 32, MAX_FILES * 32)
  private readonly sizes = growable(this.capacity * 8, MAX_FILES * 8)
  private readonly modes = growable(this.capacity * 2, MAX_FILES * 2)
  // At least as long as the path bytes and the line extras of every file the queue can hold.
  private readonly lines: SharedArrayBuffer | null
  private readonly linePrefix: number
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4))
  private readonly threadProgress: Float64Array
  private readonly workerLoops: Promise<ClaimLoopFailure | null>[]

  constructor(
    pool: HashPool | null,
    private readonly options: QueueOptions = {}
  ) {
    this.linePrefix = options.linePrefix ?? 0
    this.lines =
      options.linePrefix === undefined
        ? null
        : growable(
            this.pathText.length + this.capacity * LINE_EXTRA,
            MAX_PATH_BYTES + MAX_FILES * LINE_EXTRA
          )
    this.threadProgress = new Float64Array(
      new SharedArrayBuffer(((pool?.size ?? 0) + 1) * PROGRESS_STRIDE * 8)
    )
    this.workerLoops = pool ? pool.run(this.sharedWork()) : []
  }

  private sharedWork(): SharedWork {
    const { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control } = this
    const progress = this.threadProgress
    return { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control, progress }
  }

  add(path: string): void {
    if (this.count === this.capacity) {
      if (this.capacity === MAX_FILES) {
        throw new SealError(
          'bad-input',
          `More than ${MAX_FILES.toLocaleString('en-US')} files to seal. Seal the artifact in parts, or as an archive.`
        )
      }
      this.capacity *= 2
      this.pathEnds.grow(this.capacity * 4)
      this.ends = new Uint32Array(this.pathEnds, 0, this.capacity)
      this.digests.grow(this.capacity * 32)
      this.sizes.grow(this.capacity * 8)
      this.modes.grow(this.capacity * 2)
    }
    // Three bytes per UTF-16 unit is the most UTF-8 can take: room enough without measuring.
    const room = path.length * 3
    if (this.bytesUsed + room > this.pathText.length) {
      if (this.bytesUsed + room > MAX_PATH_BYTES)
        throw new SealError(
          'bad-input',
          `The paths to seal take more than ${MAX_PATH_BYTES / 2 ** 30} GiB. Seal the artifact in parts, or as ` +
            'an archive.'
        )
      this.pathBytes.grow(
        Math.min(MAX_PATH_BYTES, Math.max(this.pathText.length * 2, this.bytesUsed + room))
      )
      this.pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength)
    }
    this.growLines()
    this.bytesUsed += this.pathText.write(path, this.bytesUsed)
    this.ends[this.count++] = this.bytesUsed
    if ((this.count & 63) === 0) this.publish()
  }

  private growLines(): void {
    const needed = this.pathText.length + this.capacity * LINE_EXTRA
    if (this.lines !== null && needed > this.lines.byteLength) this.lines.grow(needed)
  }

  private publish(): void {
    Atomics.store(this.control, Control.Published, this.count)
    Atomics.notify(this.control, Control.Published)
  }

  /** Waits for every added file, the main thread hashing its share. */
  async finish(): Promise<HashedFiles> {
    this.publish()
    Atomics.store(this.control, Control.WalkDone, 1)
    Atomics.notify(this.control, Control.Published)
    const { onProgress, progressIntervalMs = 2000 } = this.options
    const report = onProgress ? (): void => onProgress(this.progress()) : undefined
    const timer = report ? setInterval(report, Math.max(1, progressIntervalMs)) : undefined
    try {
      let failure: ClaimLoopFailure | null = null
      // Without a worker the main thread hashes whatever it was told.
      if ((this.options.mainThreadHashes ?? true) || this.workerLoops.length === 0) {
        // process.uptime(), not performance.now(), which loads perf_hooks (a millisecond at start).
        let lastReport = process.uptime() * 1000
        const onFileDone = report
          ? (): void => {
              const now = process.uptime() * 1000
              if (now - lastReport >= progressIntervalMs) {
                lastReport = now
                report()
              }
            }
          : undefined
        failure = runClaimLoop({
          ...this.sharedWork(),
          fs,
          crypto,
          progressSlot: 0,
          waitForMore: false,
          ...(onFileDone ? { onFileDone } : {})
        })
      }
      await this.allCompleted()
      if (Atomics.load(this.control, Control.Failed) !== 0) {
        failure ??= (await Promise.all(this.workerLoops)).find((f) => f !== null) ?? null
        if (failure) throw describeFailure(failure, this.pathAt(failure.index))
      }
    } finally {
      clearInterval(timer)
    }
    return {
      digests: new Uint8Array(this.digests, 0, this.count * 32),
      sizes: new Float64Array(this.sizes, 0, this.count),
      modes: new Uint16Array(this.modes, 0, this.count),
      queued: {
        bytes: new Uint8Array(this.pathBytes, 0, this.bytesUsed),
        ends: new Uint32Array(this.pathEnds, 0, this.count)
      },
      ...(this.lines === null
        ? {}
        : {
            lines: Buffer.from(
              new Uint8Array(
                this.lines,
                0,
                this.bytesUsed + this.count * (LINE_EXTRA - this.linePrefix)
              )
            )
          })
    }
  }

  private async allCompleted(): Promise<void> {
    const crashed = new Promise<never>((_, reject) => {
      for (const loop of this.workerLoops) loop.catch(reject)
    })
    for (;;) {
      const completed = Atomics.load(this.control, Control.Completed)
      if (completed >= this.count || Atomics.load(this.control, Control.Failed) !== 0) return
      await Promise.race([
        Atomics.waitAsync(this.control, Control.Completed, completed, 1000).value,
        crashed
      ])
    }
  }

  /** Files and bytes hashed so far, by every thread. */
  progress(): HashProgress {
    let filesDone = 0
    let bytesDone = 0
    for (let slot = 0; slot * PROGRESS_STRIDE < this.threadProgress.length; slot++) {
      filesDone += this.threadProgress[slot * PROGRESS_STRIDE] as number
      bytesDone += this.threadProgress[slot * PROGRESS_STRIDE + 1] as number
    }
    return { filesDone, bytesDone, filesTotal: this.count }
  }

  private pathAt(index: number): string {
    return this.pathText.toString('utf8', index === 0 ? 0 : this.ends[index - 1], this.ends[index])
  }
}

/**
 * Hashes every file with sha256. One file is read with the next read overlapping the
 * hashing of the current one; many files go through a queue shared with the pool.
 */
export async function hashFiles(
  paths: readonly string[],
  options: HashOptions & { pool?: HashPool } = {}
): Promise<HashedFiles> {
  if (paths.length === 1) return hashOneFile(paths[0] as string, options)
  const queue = new HashQueue(options.pool ?? null, options)
  for (const path of paths) queue.add(path)
  return queue.finish()
}

async function hashOneFile(path: string, options: HashOptions): Promise<HashedFiles> {
  const { onProgress, progressIntervalMs = 2000 } = options
  try {
    const result =
      hashSmallFile(path) ??
      (await hashLargeFile(
        path,
        (bytesDone) => onProgress?.({ filesDone: 0, bytesDone, filesTotal: 1 }),
        progressIntervalMs
      ))
    return {
      digests: new Uint8Array(result.digest),
      sizes: Float64Array.of(result.size),
      modes: Uint16Array.of(result.mode & 0o7777)
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw describeFailure({ index: 0, code: e.code ?? 'EIO', message: e.message }, path)
  }
}
