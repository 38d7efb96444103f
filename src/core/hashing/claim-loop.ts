import type * as Crypto from 'node:crypto'
import type * as Fs from 'node:fs'

/**
 * What one hashing thread needs. Everything is passed in, nothing is imported, because
 * the same function runs in worker threads from its source text (see hash-files.ts).
 */
export interface ClaimLoopContext {
  readonly fs: typeof Fs
  readonly crypto: typeof Crypto
  /** Every path's UTF-8 bytes, back to back, in shared memory: workers read them without a copy. */
  readonly pathBytes: Uint8Array
  /** Where each path's bytes end in `pathBytes`; each starts where the one before ends. */
  readonly pathEnds: Uint32Array
  /** [0]: the next unclaimed index, shared by every thread. */
  readonly next: Int32Array
  /** 32 bytes per path. */
  readonly digests: Uint8Array
  readonly sizes: Float64Array
  /**
   * Files and bytes done, per thread at `progressSlot * PROGRESS_STRIDE`, read by the main
   * thread for progress. Slots sit on separate cache lines so threads do not slow each other.
   */
  readonly progress: Float64Array
  readonly progressSlot: number
  /** Called by the main thread between files; never passed to a worker. */
  readonly onFileDone?: () => void
}

export interface ClaimLoopFailure {
  readonly index: number
  readonly code: string
  readonly message: string
}

/** Float64 slots between two threads' progress counters: 128 bytes, two cache lines. */
export const PROGRESS_STRIDE = 16

/**
 * Claims files a few at a time from the shared counter and hashes each with synchronous
 * reads: for many small files that is several times faster than promises, and the
 * threads balance themselves however the sizes are spread. Claiming runs of neighbours
 * keeps each thread's writes to the shared results on cache lines of its own. Stops at
 * the first failure.
 */
export function runClaimLoop(ctx: ClaimLoopContext): ClaimLoopFailure | null {
  const { fs, crypto, pathEnds, next, digests, sizes, progress } = ctx
  const count = pathEnds.length
  const pathText = Buffer.from(ctx.pathBytes.buffer, ctx.pathBytes.byteOffset, ctx.pathBytes.byteLength)
  // PROGRESS_STRIDE, written out: this function runs from its source text, without the module around it.
  const files = ctx.progressSlot * 16
  const bytes = files + 1
  const claimSize = 16
  const chunk = Buffer.allocUnsafe(1 << 20)
  // The one-shot hash skips a Hash object per file; Node 24 has it, older Nodes running the CLI may not.
  const oneShot = typeof crypto.hash === 'function'
  let index = 0
  let claimEnd = 0
  for (;;) {
    if (index === claimEnd) {
      index = Atomics.add(next, 0, claimSize)
      claimEnd = Math.min(index + claimSize, count)
      if (index >= count) return null
    }
    const path = pathText.toString('utf8', index === 0 ? 0 : pathEnds[index - 1], pathEnds[index])
    let fd = -1
    try {
      fd = fs.openSync(path, 'r')
      let filled = fs.readSync(fd, chunk, 0, chunk.length, null)
      if (filled < chunk.length) {
        // A short read is usually the end of the file: confirm it, then hash in one call.
        const rest = fs.readSync(fd, chunk, filled, chunk.length - filled, null)
        filled += rest
        if (rest === 0) {
          const whole = chunk.subarray(0, filled)
          digests.set(oneShot ? crypto.hash('sha256', whole, 'buffer') : crypto.createHash('sha256').update(whole).digest(), index * 32)
          sizes[index] = filled
          progress[files] = (progress[files] as number) + 1
          progress[bytes] = (progress[bytes] as number) + filled
          index++
          ctx.onFileDone?.()
          continue
        }
      }
      const hash = crypto.createHash('sha256')
      let size = 0
      do {
        hash.update(chunk.subarray(0, filled))
        size += filled
        progress[bytes] = (progress[bytes] as number) + filled
      } while ((filled = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0)
      digests.set(hash.digest(), index * 32)
      sizes[index] = size
      progress[files] = (progress[files] as number) + 1
    } catch (error) {
      Atomics.store(next, 0, count)
      const e = error as NodeJS.ErrnoException
      return { index, code: e.code ?? 'EIO', message: e.message }
    } finally {
      if (fd >= 0) fs.closeSync(fd)
    }
    index++
    ctx.onFileDone?.()
  }
}
