import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { HashPool, hashFiles } from '../../src/core/hashing/hash-files.js'
import { removeAll, shellFileDigest, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

function manyFiles(count: number): string[] {
  const root = tempDir()
  const files: Record<string, string | Buffer> = {}
  for (let i = 0; i < count; i++) files[`d${i % 7}/f${i}`] = i % 97 === 0 ? Buffer.alloc(1024 * 1024 + i, i % 251) : `content ${i} `.repeat(i % 40)
  writeTree(root, files)
  return Object.keys(files).map((rel) => path.join(root, rel))
}

const hexAt = (digests: Uint8Array, i: number): string => `sha256:${Buffer.from(digests.buffer, i * 32, 32).toString('hex')}`

describe('hashFiles', () => {
  const paths = manyFiles(300)

  it('hashes on the main thread alone as sha256sum does, files above the 1 MiB read size included', async () => {
    const { digests, sizes } = await hashFiles(paths)
    for (const i of [0, 1, 97, 194, 299]) expect(hexAt(digests, i)).toBe(shellFileDigest(paths[i] as string))
    expect(sizes[97]).toBe(1024 * 1024 + 97)
  })

  it('gives the same results from worker threads alone', async () => {
    const mainOnly = await hashFiles(paths)
    const pool = HashPool.start(2)
    const progress: number[] = []
    try {
      const workersOnly = await hashFiles(paths, { pool, mainThreadHashes: false, progressIntervalMs: 0, onProgress: (p) => progress.push(p.filesDone) })
      expect(Buffer.from(workersOnly.digests.buffer).equals(Buffer.from(mainOnly.digests.buffer))).toBe(true)
      expect([...workersOnly.sizes]).toEqual([...mainOnly.sizes])
      expect(progress.length).toBeGreaterThan(0)
      expect(progress.every((done) => done <= paths.length)).toBe(true)
    } finally {
      pool.close()
    }
  })

  it('names a file that cannot be read', async () => {
    const missing = path.join(tempDir(), 'gone.txt')
    await expect(hashFiles([paths[0] as string, missing])).rejects.toThrow(`Cannot read "${missing}": it disappeared while being sealed.`)
    await expect(hashFiles([missing])).rejects.toThrow(`Cannot read "${missing}": it disappeared while being sealed.`)
  })
})
