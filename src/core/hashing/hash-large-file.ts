import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'

const CHUNK = 1 << 20

/**
 * Hashes one file while the next chunk is being read on libuv's thread pool, so that
 * reading and hashing overlap: on a large file this beats `openssl dgst`, which does
 * one after the other.
 */
export async function hashLargeFile(
  path: string,
  onBytes: (bytesDone: number) => void,
  progressIntervalMs: number
): Promise<{ digest: Buffer; size: number }> {
  const handle = await open(path, 'r')
  try {
    const buffers: readonly [Buffer, Buffer] = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)]
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
    return { digest: hash.digest(), size }
  } finally {
    await handle.close()
  }
}
