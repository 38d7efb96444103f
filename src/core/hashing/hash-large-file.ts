import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { open } from 'node:fs/promises'

const CHUNK = 1 << 20

/** A file's sha256 and size, and its mode as read through the descriptor its bytes came from. */
export interface HashedFile {
  readonly digest: Buffer
  readonly size: number
  readonly mode: number
}

/**
 * The walk saw a regular file, but the path may be a FIFO or a link to a device by now: opened
 * without waiting (a FIFO's open waits for a writer), it is refused by its fstat.
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)

function notRegular(): NodeJS.ErrnoException {
  return Object.assign(new Error('not a regular file'), { code: 'ENOTREG' })
}

/**
 * A file that fits in one chunk, read and hashed synchronously; null for a larger one. On a
 * small file the thread pool's round trips (open, read, read, close) and its first start
 * cost more than the whole read: a one-file seal of a few KiB spent most of its hashing
 * time there. A regular file's read returns less than asked only at its end, so a short
 * first read is the whole file.
 */
export function hashSmallFile(path: string): HashedFile | null {
  const fd = fs.openSync(path, OPEN_FLAGS)
  try {
    const stat = fs.fstatSync(fd)
    if (!stat.isFile()) throw notRegular()
    const { mode } = stat
    const chunk = Buffer.allocUnsafe(CHUNK)
    const size = fs.readSync(fd, chunk, 0, CHUNK, null)
    return size < CHUNK
      ? { digest: createHash('sha256').update(chunk.subarray(0, size)).digest(), size, mode }
      : null
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Hashes one file while the next chunk is being read on libuv's thread pool, so that
 * reading and hashing overlap: on a large file this beats `openssl dgst`, which does
 * one after the other.
 */
export async function hashLargeFile(
  path: string,
  onBytes: (bytesDone: number) => void,
  progressIntervalMs: number
): Promise<HashedFile> {
  const handle = await open(path, OPEN_FLAGS)
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw notRegular()
    const { mode } = stat
    const buffers: readonly [Buffer, Buffer] = [
      Buffer.allocUnsafe(CHUNK),
      Buffer.allocUnsafe(CHUNK)
    ]
    const hash = createHash('sha256')
    let size = 0
    let turn: 0 | 1 = 0
    let pending = handle.read({ buffer: buffers[0], offset: 0, length: CHUNK, position: null })
    // process.uptime(), not performance.now(): the first use of `performance` loads perf_hooks, a millisecond at start.
    let lastReport = process.uptime() * 1000
    for (;;) {
      const { bytesRead, buffer } = await pending
      if (bytesRead === 0) break
      turn = turn === 0 ? 1 : 0
      pending = handle.read({ buffer: buffers[turn], offset: 0, length: CHUNK, position: null })
      hash.update(bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead))
      size += bytesRead
      const now = process.uptime() * 1000
      if (now - lastReport >= progressIntervalMs) {
        lastReport = now
        onBytes(size)
      }
    }
    return { digest: hash.digest(), size, mode }
  } finally {
    await handle.close()
  }
}
