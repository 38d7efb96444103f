import * as zlib from 'node:zlib'

/**
 * Just enough of the zip format to change a file inside an uploaded artifact the way an
 * attacker with write access to storage would: read every entry (stored or deflated,
 * located through the central directory, so archives written with data descriptors read
 * fine) and write a new, valid archive. No zip64: test artifacts are small.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory record')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`)
    const method = zip.readUInt16LE(at + 10)
    const compressedSize = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const localOffset = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    at += 46 + nameLength + extraLength + commentLength
    if (name.endsWith('/')) continue
    const localNameLength = zip.readUInt16LE(localOffset + 26)
    const localExtraLength = zip.readUInt16LE(localOffset + 28)
    const start = localOffset + 30 + localNameLength + localExtraLength
    const data = zip.subarray(start, start + compressedSize)
    files.set(
      name,
      method === 8
        ? zlib.inflateRawSync(data)
        : method === 0
          ? Buffer.from(data)
          : unsupported(name, method)
    )
  }
  return files
}

function unsupported(name: string, method: number): never {
  throw new Error(
    `zip entry ${name} uses compression method ${method}, which this reader does not know`
  )
}

export function writeZip(files: ReadonlyMap<string, Buffer>): Buffer {
  return writeZipEntries([...files].map(([name, content]) => ({ name, content })))
}

/** One entry of a zip as a test writes it: any name, and a Unix mode that may say link, directory or device. */
export interface ZipEntrySpec {
  readonly name: string
  readonly content?: Buffer
  /** st_mode as stored in the external attributes (type bits included); a regular file 0644 by default. */
  readonly mode?: number
  /** The local header's name, when it should differ from the central directory's. */
  readonly localName?: string
  /** The name's bytes as written, without the UTF-8 flag. */
  readonly nameBytes?: Buffer
  /** General purpose flags besides UTF-8 (bit 0: encrypted). */
  readonly flags?: number
  /** Compression method as written; the content is deflated only for 8 (the default), else stored as is. */
  readonly method?: number
  /** The CRC-32 as written, when it should be wrong. */
  readonly crc?: number
  /** Extra fields in the central directory entry. */
  readonly extra?: Buffer
}

/** A zip of exactly these entries, in this order, deflated, with UTF-8 names and Unix modes. */
export function writeZipEntries(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const spec of entries) {
    const content = spec.content ?? Buffer.alloc(0)
    const nameBytes = spec.nameBytes ?? Buffer.from(spec.name, 'utf8')
    const localNameBytes =
      spec.localName === undefined ? nameBytes : Buffer.from(spec.localName, 'utf8')
    const method = spec.method ?? 8
    const compressed = method === 8 ? zlib.deflateRawSync(content) : content
    const crc = spec.crc ?? zlib.crc32(content)
    const flags = (spec.nameBytes ? 0 : 0x0800) | (spec.flags ?? 0)
    const extra = spec.extra ?? Buffer.alloc(0)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(content.length, 22)
    local.writeUInt16LE(localNameBytes.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(0x031e, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(flags, 8)
    entry.writeUInt16LE(method, 10)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(compressed.length, 20)
    entry.writeUInt32LE(content.length, 24)
    entry.writeUInt16LE(nameBytes.length, 28)
    entry.writeUInt16LE(extra.length, 30)
    const mode = spec.mode ?? (spec.name.endsWith('/') ? 0o40755 : 0o100644)
    entry.writeUInt32LE(((mode << 16) | (mode & 0o40000 ? 0x10 : 0)) >>> 0, 38)
    entry.writeUInt32LE(offset, 42)
    locals.push(local, localNameBytes, compressed)
    central.push(entry, nameBytes, extra)
    offset += local.length + localNameBytes.length + compressed.length
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...central, end])
}

/**
 * The offsets in an archive where one entry's local record ends and the next begins: a
 * download cut at one of these still unpacks cleanly, only without the later files.
 */
export function entryBoundaries(zip: Buffer): number[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) return []
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const starts: number[] = []
  for (let i = 0; i < count; i++) {
    starts.push(zip.readUInt32LE(at + 42))
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return starts.sort((a, b) => a - b).slice(1)
}
