import * as zlib from 'node:zlib'

/**
 * Changes files inside a cache archive (a tar compressed with zstd or gzip, as
 * @actions/cache writes it) and returns an archive that still unpacks: what someone with
 * write access to the storage account could do. `mutate` sees each regular file by its
 * path in the archive and returns new content, or undefined to keep it.
 */
export function rewriteCacheArchive(archive: Buffer, mutate: (path: string, content: Buffer) => Buffer | undefined): Buffer {
  const isZstd = archive.readUInt32LE(0) === 0xfd2fb528
  const isGzip = archive[0] === 0x1f && archive[1] === 0x8b
  if (!isZstd && !isGzip) throw new Error('the cache archive is neither zstd nor gzip')
  const tar = isZstd ? zlib.zstdDecompressSync(archive) : zlib.gunzipSync(archive)
  const out = rewriteTar(tar, mutate)
  return isZstd ? zlib.zstdCompressSync(out) : zlib.gzipSync(out)
}

/** Paths of the regular files in a cache archive, as stored (often relative to the workspace). */
export function listCacheArchive(archive: Buffer): string[] {
  const paths: string[] = []
  rewriteCacheArchive(archive, (p) => {
    paths.push(p)
    return undefined
  })
  return paths
}

const BLOCK = 512

function rewriteTar(tar: Buffer, mutate: (path: string, content: Buffer) => Buffer | undefined): Buffer {
  const parts: Buffer[] = []
  let at = 0
  let paxPath: string | null = null
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK)
    if (header.every((b) => b === 0)) {
      parts.push(tar.subarray(at))
      break
    }
    const size = parseOctal(header.subarray(124, 136))
    const type = String.fromCharCode(header[156] as number)
    const dataStart = at + BLOCK
    const padded = Math.ceil(size / BLOCK) * BLOCK
    const content = tar.subarray(dataStart, dataStart + size)
    at = dataStart + padded
    if (type === 'x') {
      paxPath = paxRecords(content).get('path') ?? null
      parts.push(header, tar.subarray(dataStart, dataStart + padded))
      continue
    }
    const name = cString(header.subarray(0, 100))
    const prefix = cString(header.subarray(345, 500))
    const entryPath = paxPath ?? (prefix ? `${prefix}/${name}` : name)
    paxPath = null
    const replaced = type === '0' || type === '\0' ? mutate(entryPath, Buffer.from(content)) : undefined
    if (replaced === undefined) {
      parts.push(header, tar.subarray(dataStart, dataStart + padded))
      continue
    }
    const newHeader = Buffer.from(header)
    newHeader.write(replaced.length.toString(8).padStart(11, '0') + '\0', 124, 12, 'latin1')
    newHeader.fill(0x20, 148, 156)
    const sum = newHeader.reduce((s, b) => s + b, 0)
    newHeader.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1')
    const body = Buffer.alloc(Math.ceil(replaced.length / BLOCK) * BLOCK)
    replaced.copy(body)
    parts.push(newHeader, body)
  }
  return Buffer.concat(parts)
}

function parseOctal(field: Buffer): number {
  const text = cString(field).trim()
  return text === '' ? 0 : parseInt(text, 8)
}

function cString(field: Buffer): string {
  const end = field.indexOf(0)
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8')
}

function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>()
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    if (space < 0) break
    const length = parseInt(data.subarray(at, space).toString('latin1'), 10)
    if (!(length > 0)) break
    const record = data.subarray(space + 1, at + length - 1).toString('utf8')
    const eq = record.indexOf('=')
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1))
    at += length
  }
  return records
}
