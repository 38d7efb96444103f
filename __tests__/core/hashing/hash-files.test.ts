import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { HashPool, HashQueue, hashFiles } from '../../../src/core/hashing/hash-files.js'
import { listingFromDigests } from '../../../src/core/listing.js'
import { removeAll, shellFileDigest, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

function manyFiles(count: number): string[] {
  const root = tempDir()
  const files: Record<string, string | Buffer> = {}
  for (let i = 0; i < count; i++)
    files[`d${i % 7}/f${i}`] =
      i % 97 === 0 ? Buffer.alloc(1024 * 1024 + i, i % 251) : `content ${i} `.repeat(i % 40)
  writeTree(root, files)
  return Object.keys(files).map((rel) => path.join(root, rel))
}

const hexAt = (digests: Uint8Array, i: number): string =>
  `sha256:${Buffer.from(digests.buffer, digests.byteOffset + i * 32, 32).toString('hex')}`
const bytesOf = (view: ArrayBufferView): Buffer =>
  Buffer.from(view.buffer, view.byteOffset, view.byteLength)

describe('hashFiles', () => {
  // More files than the queue's first capacity, so its shared buffers grow while in use.
  const paths = manyFiles(1500)

  it('hashes on the main thread alone as sha256sum does, files above the 1 MiB read size included', async () => {
    const { digests, sizes } = await hashFiles(paths)
    expect(digests.length).toBe(paths.length * 32)
    for (const i of [0, 1, 97, 194, 1024, 1499])
      expect(hexAt(digests, i)).toBe(shellFileDigest(paths[i] as string))
    expect(sizes[97]).toBe(1024 * 1024 + 97)
  })

  it('gives the same results from worker threads alone', async () => {
    const mainOnly = await hashFiles(paths)
    const pool = HashPool.start(2)
    const progress: number[] = []
    try {
      const workersOnly = await hashFiles(paths, {
        pool,
        mainThreadHashes: false,
        progressIntervalMs: 1,
        onProgress: (p) => progress.push(p.filesDone)
      })
      expect(bytesOf(workersOnly.digests).equals(bytesOf(mainOnly.digests))).toBe(true)
      expect([...workersOnly.sizes]).toEqual([...mainOnly.sizes])
      expect(progress.length).toBeGreaterThan(0)
      expect(progress.every((done) => done <= paths.length)).toBe(true)
    } finally {
      pool.close()
    }
  })

  it("reads each file's mode through the descriptor it hashed, on the main thread and in workers", async () => {
    const modes = [0o644, 0o755, 0o700, 0o604, 0o751]
    paths.forEach((p, i) => fs.chmodSync(p, modes[i % modes.length] as number))
    const expected = paths.map((p) => fs.statSync(p).mode & 0o7777)
    const pool = HashPool.start(2)
    try {
      const mainOnly = await hashFiles(paths)
      const workersOnly = await hashFiles(paths, { pool, mainThreadHashes: false })
      const one = await hashFiles([paths[1] as string])
      const large = await hashFiles([paths[97] as string])
      expect([...mainOnly.modes]).toEqual(expected)
      expect([...workersOnly.modes]).toEqual(expected)
      expect([...one.modes, ...large.modes]).toEqual([0o755, 0o700])
    } finally {
      pool.close()
      for (const p of paths) fs.chmodSync(p, 0o644)
    }
  })

  it("writes the listing's lines as it hashes, in the order the paths were added, on every thread", async () => {
    const root = path.dirname(path.dirname(paths[0] as string))
    const prefix = Buffer.byteLength(`${root}/`)
    const relative = paths.map((p) => p.slice(root.length + 1))
    const inOrder = Uint32Array.from(relative, (_, i) => i)
    // A pool serves one queue: one with the main thread hashing too, one with its workers alone.
    for (const mainThreadHashes of [true, false]) {
      const pool = HashPool.start(1)
      try {
        const queue = new HashQueue(pool, { linePrefix: prefix, mainThreadHashes })
        for (const p of paths) queue.add(p)
        const { lines, digests } = await queue.finish()
        expect(lines?.equals(listingFromDigests(relative, digests, inOrder))).toBe(true)
      } finally {
        pool.close()
      }
    }
  })

  it('hashes on the main thread when there is no worker to leave the work to', async () => {
    const { digests } = await hashFiles(paths.slice(0, 3), { mainThreadHashes: false })
    expect(hexAt(digests, 2)).toBe(shellFileDigest(paths[2] as string))
  })

  it('lets workers hash files as they are added, before the list is complete', async () => {
    const pool = HashPool.start(1)
    try {
      const queue = new HashQueue(pool, { mainThreadHashes: false })
      for (const p of paths.slice(0, 640)) queue.add(p)
      // Give the one worker time to boot: it hashes what the queue has published so far.
      for (let waited = 0; queue.progress().filesDone < 640 && waited < 10_000; waited += 20)
        await new Promise((r) => setTimeout(r, 20))
      expect(queue.progress()).toMatchObject({ filesDone: 640, filesTotal: 640 })
      for (const p of paths.slice(640)) queue.add(p)
      const { digests } = await queue.finish()
      expect(hexAt(digests, 5)).toBe(shellFileDigest(paths[5] as string))
      expect(hexAt(digests, 1400)).toBe(shellFileDigest(paths[1400] as string))
    } finally {
      pool.close()
    }
  })

  it('names a file that cannot be read, from the main thread or a worker', async () => {
    const missing = path.join(tempDir(), 'gone.txt')
    await expect(hashFiles([paths[0] as string, missing])).rejects.toThrowSealError(
      'unreadable',
      `${missing}`
    )
    await expect(hashFiles([missing])).rejects.toThrowSealError('unreadable', `${missing}`)
    const pool = HashPool.start(1)
    try {
      await expect(
        hashFiles([...paths.slice(0, 300), missing], { pool, mainThreadHashes: false })
      ).rejects.toThrowSealError('unreadable', `${missing}`)
    } finally {
      pool.close()
    }
  })
  // The walk took each path for a regular file; by the time a thread opens it, it may be a link
  // to a device (read as empty, or forever) or a FIFO (whose open waits for a writer).
  it('refuses what is no longer a regular file when it is opened, from the main thread or a worker', async () => {
    const swapped = path.join(tempDir(), 'app.js')
    fs.symlinkSync('/dev/null', swapped)
    await expect(hashFiles([swapped])).rejects.toThrowSealError(
      'unreadable',
      swapped,
      'regular file'
    )
    await expect(hashFiles([paths[0] as string, swapped])).rejects.toThrowSealError(
      'unreadable',
      swapped,
      'regular file'
    )
    const pool = HashPool.start(1)
    try {
      await expect(
        hashFiles([...paths.slice(0, 300), swapped], { pool, mainThreadHashes: false })
      ).rejects.toThrowSealError('unreadable', swapped, 'regular file')
    } finally {
      pool.close()
    }
  })
  it('refuses a FIFO in place of a file without waiting for a writer to open it', async () => {
    const fifo = path.join(tempDir(), 'app.js')
    execFileSync('mkfifo', [fifo])
    await expect(hashFiles([fifo])).rejects.toThrowSealError('unreadable', fifo, 'regular file')
    await expect(hashFiles([paths[0] as string, fifo])).rejects.toThrowSealError(
      'unreadable',
      fifo,
      'regular file'
    )
  })
})
