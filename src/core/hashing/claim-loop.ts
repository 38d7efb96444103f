import type * as Crypto from 'node:crypto'
import type * as Fs from 'node:fs'

/** Slots of the shared control array. */
export const Control = {
  /** The next index no thread has claimed. */
  Next: 0,
  /** How many paths the walk has published so far. */
  Published: 1,
  /** 1 once the walk has published its last path. */
  WalkDone: 2,
  /** How many files have been hashed, by every thread together. */
  Completed: 3,
  /** 1 + the index of a file that could not be read; 0 while none failed. */
  Failed: 4
} as const
export const CONTROL_SLOTS = 5

/** Float64 slots between two threads' progress counters: 128 bytes, two cache lines. */
export const PROGRESS_STRIDE = 16

/**
 * What one hashing thread needs. Everything is passed in, nothing is imported, because
 * the same function runs in worker threads from its source text (see hash-queue.ts).
 * The buffers are growable SharedArrayBuffers: the walk appends while threads hash.
 */
export interface ClaimLoopContext {
  readonly fs: typeof Fs
  readonly crypto: typeof Crypto
  /** Every path's UTF-8 bytes, back to back. */
  readonly pathBytes: SharedArrayBuffer
  /** Uint32 per path: where its bytes end; each starts where the one before ends. */
  readonly pathEnds: SharedArrayBuffer
  /** 32 bytes of digest per path. */
  readonly digests: SharedArrayBuffer
  /** Float64 per path: its size. */
  readonly sizes: SharedArrayBuffer
  /** Uint16 per path: its permission bits, from the descriptor it was read through. */
  readonly modes: SharedArrayBuffer
  /**
   * The listing's lines in the order the paths were added, each written by the thread that
   * hashed its file, when every path starts with the root's `linePrefix` bytes (its root and
   * "/"): line i starts where path i starts, moved by i * (64 + 2 + 1 - linePrefix).
   */
  readonly lines: SharedArrayBuffer | null
  readonly linePrefix: number
  /** Int32 slots, see `Control`. */
  readonly control: Int32Array
  /**
   * Files and bytes done, per thread at `progressSlot * PROGRESS_STRIDE`, read by the main
   * thread for progress. Slots sit on separate cache lines so threads do not slow each other.
   */
  readonly progress: Float64Array
  readonly progressSlot: number
  /** Workers wait for the walk to publish more; the main thread returns to its own work instead. */
  readonly waitForMore: boolean
  /** Called by the main thread between files; never passed to a worker. */
  readonly onFileDone?: () => void
}

export interface ClaimLoopFailure {
  readonly index: number
  readonly code: string
  readonly message: string
}

/**
 * Claims files a few at a time from the shared counter and hashes each with synchronous
 * reads: for many small files that is several times faster than promises, and the
 * threads balance themselves however the sizes are spread. Claiming runs of neighbours
 * keeps each thread's writes to the shared results on cache lines of its own. Stops at
 * the first failure, its own or another thread's.
 */
export function runClaimLoop(ctx: ClaimLoopContext): ClaimLoopFailure | null {
  const { fs, crypto, control, progress } = ctx
  // Control and PROGRESS_STRIDE, written out: this function runs from its source text,
  // without the module around it.
  const NEXT = 0
  const PUBLISHED = 1
  const WALK_DONE = 2
  const COMPLETED = 3
  const FAILED = 4
  const files = ctx.progressSlot * 16
  const bytes = files + 1
  const claimSize = 16
  // Views of a fixed length, made again whenever a claim reaches past them: a view that follows
  // a growable buffer's length asks the engine for that length (a call into its runtime) on
  // every access, several times per file. The walk grows the buffers before it publishes the
  // paths they hold, so a claimed index is always inside them once the views are made again.
  let pathText: Buffer<ArrayBufferLike> = Buffer.alloc(0)
  let pathEnds: Uint32Array<ArrayBufferLike> = new Uint32Array(0)
  let digests: Uint8Array<ArrayBufferLike> = new Uint8Array(0)
  let sizes: Float64Array<ArrayBufferLike> = new Float64Array(0)
  let modes: Uint16Array<ArrayBufferLike> = new Uint16Array(0)
  let lines: Uint8Array<ArrayBufferLike> = new Uint8Array(0)
  const linePrefix = ctx.linePrefix
  const lineShift = 64 + 2 + 1 - linePrefix
  const viewUpTo = (claimEnd: number): void => {
    if (claimEnd > pathEnds.length) {
      pathEnds = new Uint32Array(ctx.pathEnds, 0, ctx.pathEnds.byteLength / 4)
      digests = new Uint8Array(ctx.digests, 0, ctx.digests.byteLength)
      sizes = new Float64Array(ctx.sizes, 0, ctx.sizes.byteLength / 8)
      modes = new Uint16Array(ctx.modes, 0, ctx.modes.byteLength / 2)
    }
    const lastEnd = pathEnds[claimEnd - 1] as number
    if (lastEnd > pathText.length)
      pathText = Buffer.from(ctx.pathBytes, 0, ctx.pathBytes.byteLength)
    if (ctx.lines !== null && lastEnd + claimEnd * lineShift > lines.length)
      lines = new Uint8Array(ctx.lines, 0, ctx.lines.byteLength)
  }
  const hexDigits = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
  /** `<hex>  <path without the root>\n`, where the listing's line for this path goes. */
  const writeLine = (index: number): void => {
    const pathStart = index === 0 ? 0 : (pathEnds[index - 1] as number)
    const pathEnd = pathEnds[index] as number
    // A path outside the root leaves the listing to be made the slow way (seal.ts checks).
    if (pathEnd - pathStart <= linePrefix) return
    let at = pathStart + index * lineShift
    for (let b = index * 32, end = b + 32; b < end; b++) {
      const byte = digests[b] as number
      lines[at++] = hexDigits[byte >> 4] as number
      lines[at++] = hexDigits[byte & 15] as number
    }
    lines[at++] = 0x20
    lines[at++] = 0x20
    for (let p = pathStart + linePrefix; p < pathEnd; p++) lines[at++] = pathText[p] as number
    lines[at] = 0x0a
  }
  const chunk = Buffer.allocUnsafe(1 << 20)
  // The walk saw a regular file, but the path may be a FIFO or a link to a device by now:
  // opened without waiting (a FIFO's open waits for a writer), it is refused by its fstat.
  const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)
  // The one-shot hash skips a Hash object per file; Node 24 has it, older Nodes running the CLI may not.
  const oneShot = typeof crypto.hash === 'function'

  for (;;) {
    // Claim the next run of published files, or wait for the walk to publish more.
    let index = -1
    let claimEnd = -1
    while (index < 0) {
      if (Atomics.load(control, FAILED) !== 0) return null
      const published = Atomics.load(control, PUBLISHED)
      const next = Atomics.load(control, NEXT)
      if (next < published) {
        const end = Math.min(next + claimSize, published)
        if (Atomics.compareExchange(control, NEXT, next, end) === next) {
          index = next
          claimEnd = end
        }
      } else if (
        Atomics.load(control, WALK_DONE) === 1 &&
        next >= Atomics.load(control, PUBLISHED)
      ) {
        return null
      } else if (!ctx.waitForMore) {
        return null
      } else {
        Atomics.wait(control, PUBLISHED, published, 50)
      }
    }

    viewUpTo(claimEnd)
    const claimStart = index
    for (; index < claimEnd; index++) {
      const path = pathText.toString('utf8', index === 0 ? 0 : pathEnds[index - 1], pathEnds[index])
      let fd = -1
      try {
        fd = fs.openSync(path, openFlags)
        // The mode of the very file read, through its descriptor: a stat by path afterwards
        // cost a path lookup per file on the main thread alone, and could meet another file.
        const stat = fs.fstatSync(fd)
        if (!stat.isFile())
          throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' })
        modes[index] = stat.mode & 0o7777
        let filled = fs.readSync(fd, chunk, 0, chunk.length, null)
        if (filled < chunk.length) {
          // Every path here is a regular file (the walk checked), and read() on a regular
          // file returns less than asked only at the file's end (POSIX; likewise ReadFile on
          // Windows). So a short read is the whole file: no second read to confirm it, which
          // for many small files is a sixth of the time.
          const whole = chunk.subarray(0, filled)
          digests.set(
            oneShot
              ? crypto.hash('sha256', whole, 'buffer')
              : crypto.createHash('sha256').update(whole).digest(),
            index * 32
          )
          sizes[index] = filled
          progress[bytes] = (progress[bytes] as number) + filled
        } else {
          const hash = crypto.createHash('sha256')
          let size = 0
          do {
            hash.update(chunk.subarray(0, filled))
            size += filled
            progress[bytes] = (progress[bytes] as number) + filled
          } while ((filled = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0)
          digests.set(hash.digest(), index * 32)
          sizes[index] = size
        }
        progress[files] = (progress[files] as number) + 1
      } catch (error) {
        Atomics.compareExchange(control, FAILED, 0, index + 1)
        Atomics.notify(control, COMPLETED)
        const e = error as NodeJS.ErrnoException
        return { index, code: e.code ?? 'EIO', message: e.message }
      } finally {
        if (fd >= 0) fs.closeSync(fd)
      }
      if (ctx.lines !== null) writeLine(index)
      ctx.onFileDone?.()
    }
    Atomics.add(control, COMPLETED, claimEnd - claimStart)
    Atomics.notify(control, COMPLETED)
  }
}
