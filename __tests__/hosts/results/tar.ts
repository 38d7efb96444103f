import * as zlib from 'node:zlib'

/**
 * Changes files inside a cache archive (a tar compressed with zstd or gzip, as
 * @actions/cache writes it) and returns an archive that still unpacks: what someone with
 * write access to the storage account could do. `mutate` sees each regular file by its
 * path in the archive and returns new content, or undefined to keep it.
 */
export function rewriteCacheArchive(
  archive: Buffer,
  mutate: (path: string, content: Buffer) => Buffer | undefined
): Buffer {
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

function rewriteTar(
  tar: Buffer,
  mutate: (path: string, content: Buffer) => Buffer | undefined
): Buffer {
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
    const replaced =
      type === '0' || type === '\0' ? mutate(entryPath, Buffer.from(content)) : undefined
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

/** One entry of a tar archive as a test writes it: any name, any type, as a hostile writer would. */
export interface TarEntrySpec {
  readonly name: string
  readonly type?: 'file' | 'directory' | 'symlink' | 'hardlink' | 'fifo' | 'char-device'
  readonly content?: Buffer
  /** For links: where the link points. */
  readonly linkTarget?: string
  readonly mode?: number
  /** The type flag as written, overriding `type` (`g` for a pax global header, `S` for GNU sparse…). */
  readonly flag?: string
  /** Extra pax records written in an extended header before the entry. */
  readonly pax?: Readonly<Record<string, string>>
  /** The name field's bytes as written, for names that are not UTF-8. */
  readonly nameBytes?: Buffer
}

const TYPE_FLAGS: Record<NonNullable<TarEntrySpec['type']>, string> = {
  file: '0',
  directory: '5',
  symlink: '2',
  hardlink: '1',
  fifo: '6',
  'char-device': '3'
}

/**
 * A POSIX (pax) tar archive of exactly these entries, in this order: names that do not fit
 * the header go into a pax header, as GNU tar --posix (what @actions/cache runs) writes them.
 */
export function writeTar(entries: readonly TarEntrySpec[]): Buffer {
  const parts: Buffer[] = []
  for (const entry of entries) {
    const type = entry.type ?? 'file'
    const content =
      type === 'file' || entry.flag !== undefined
        ? (entry.content ?? Buffer.alloc(0))
        : Buffer.alloc(0)
    const link = entry.linkTarget ?? ''
    const pax: string[] = Object.entries(entry.pax ?? {}).map(([k, v]) => paxRecord(k, v))
    if (Buffer.byteLength(entry.name) > 99 || /[^\x20-\x7e]/.test(entry.name))
      pax.push(paxRecord('path', entry.name))
    if (Buffer.byteLength(link) > 99 || /[^\x20-\x7e]/.test(link))
      pax.push(paxRecord('linkpath', link))
    if (pax.length > 0) {
      const body = Buffer.from(pax.join(''), 'utf8')
      parts.push(tarHeader('PaxHeaders/entry', 'x', body.length, '', 0o644), padded(body))
    }
    const header = tarHeader(
      entry.name,
      entry.flag ?? TYPE_FLAGS[type],
      content.length,
      link,
      entry.mode ?? (type === 'directory' ? 0o755 : 0o644),
      entry.nameBytes
    )
    parts.push(header, padded(content))
  }
  parts.push(Buffer.alloc(BLOCK * 2))
  return Buffer.concat(parts)
}

/** A cache archive (tar, then zstd or gzip) of these entries. */
export function writeCacheArchive(
  entries: readonly TarEntrySpec[],
  compression: 'zstd' | 'gzip'
): Buffer {
  const tar = writeTar(entries)
  return compression === 'zstd' ? zlib.zstdCompressSync(tar) : zlib.gzipSync(tar)
}

/** Every entry of a cache archive (files with their content), and how it was compressed. */
export function readCacheArchive(archive: Buffer): {
  compression: 'zstd' | 'gzip'
  entries: TarEntrySpec[]
} {
  const isZstd = archive.readUInt32LE(0) === 0xfd2fb528
  const tar = isZstd ? zlib.zstdDecompressSync(archive) : zlib.gunzipSync(archive)
  const entries: TarEntrySpec[] = []
  const byFlag = new Map(
    Object.entries(TYPE_FLAGS).map(([t, f]) => [f, t as NonNullable<TarEntrySpec['type']>])
  )
  let at = 0
  let paxPath: string | null = null
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK)
    if (header.every((b) => b === 0)) break
    const size = parseOctal(header.subarray(124, 136))
    const flag = String.fromCharCode(header[156] as number)
    const content = tar.subarray(at + BLOCK, at + BLOCK + size)
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK
    if (flag === 'x') {
      paxPath = paxRecords(content).get('path') ?? null
      continue
    }
    const name = cString(header.subarray(0, 100))
    const prefix = cString(header.subarray(345, 500))
    const type = flag === '\0' ? 'file' : (byFlag.get(flag) ?? 'file')
    entries.push({
      name: paxPath ?? (prefix ? `${prefix}/${name}` : name),
      type,
      content: Buffer.from(content),
      linkTarget: cString(header.subarray(157, 257)),
      mode: parseOctal(header.subarray(100, 108))
    })
    paxPath = null
  }
  return { compression: isZstd ? 'zstd' : 'gzip', entries }
}

function paxRecord(key: string, value: string): string {
  const rest = Buffer.byteLength(` ${key}=${value}\n`)
  let length = rest + String(rest).length
  if (String(length).length !== String(rest).length) length = rest + String(length).length
  return `${length} ${key}=${value}\n`
}

function tarHeader(
  name: string,
  flag: string,
  size: number,
  link: string,
  mode: number,
  nameBytes?: Buffer
): Buffer {
  const header = Buffer.alloc(BLOCK)
  if (nameBytes) nameBytes.copy(header, 0, 0, Math.min(nameBytes.length, 100))
  else header.write(truncateBytes(name, 100), 0, 'utf8')
  header.write(`${mode.toString(8).padStart(7, '0')}\0`, 100, 'latin1')
  header.write('0000000\0', 108, 'latin1')
  header.write('0000000\0', 116, 'latin1')
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  header.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'latin1'
  )
  header.write(flag, 156, 'latin1')
  header.write(truncateBytes(link, 100), 157, 'utf8')
  header.write('ustar\u000000', 257, 'latin1')
  header.fill(0x20, 148, 156)
  const sum = header.reduce((s, b) => s + b, 0)
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return header
}

function truncateBytes(text: string, max: number): string {
  let out = text
  while (Buffer.byteLength(out) > max) out = out.slice(0, -1)
  return out
}

function padded(body: Buffer): Buffer {
  const out = Buffer.alloc(Math.ceil(body.length / BLOCK) * BLOCK)
  body.copy(out)
  return out
}
