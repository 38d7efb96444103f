import * as fs from 'node:fs'
import { Transform } from 'node:stream'
import * as zlib from 'node:zlib'
import type { ArchiveEntry, EntryKind } from './archive-entry.js'

/**
 * Reads a workflow artifact's zip from its central directory, the one list of entries the
 * format has, before anything is extracted, and then gives each entry's content from the
 * file. Streaming readers (unzip-stream, which @actions/artifact uses) trust the local
 * headers instead, which an archive can make say something else; here every local header
 * must repeat its central directory name, and content is checked against its CRC-32 and
 * size. Zip64 is read (archives over 4 GiB or 65,535 entries); multi-disk archives,
 * encryption and compression other than stored and deflate are not.
 */

export class UnreadableZipError extends Error {}

export interface ZipEntry extends ArchiveEntry {
  /** The name's bytes as stored, for comparing with the local header. */
  readonly rawName: Uint8Array
  readonly compressedSize: number
  readonly method: number
  readonly crc32: number
  readonly localHeaderOffset: number
}

const EOCD = 0x06054b50
const EOCD64 = 0x06064b50
const EOCD64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** A central directory this large holds millions of entries: not an artifact-seal artifact. */
const MAX_CENTRAL_DIRECTORY = 512 * 1024 * 1024

export class ZipFile {
  private constructor(
    private readonly fd: number,
    readonly entries: readonly ZipEntry[],
    /** Where the central directory starts: every entry's content lies before it. */
    private readonly contentEnd: number
  ) {}

  static open(file: string): ZipFile {
    const fd = fs.openSync(file, 'r')
    try {
      const { entries, centralOffset } = readCentralDirectory(fd, fs.fstatSync(fd).size)
      const zip = new ZipFile(fd, entries, centralOffset)
      for (const entry of entries) zip.dataStart(entry)
      return zip
    } catch (error) {
      fs.closeSync(fd)
      throw error
    }
  }

  close(): void {
    fs.closeSync(this.fd)
  }

  /** The entry's content, inflated and checked against its CRC-32 and size as it streams. */
  content(entry: ZipEntry): NodeJS.ReadableStream {
    const start = this.dataStart(entry)
    const checked = checkedContent(entry)
    if (entry.compressedSize === 0) {
      checked.end()
      return checked
    }
    const raw = fs.createReadStream('', {
      fd: this.fd,
      autoClose: false,
      start,
      end: start + entry.compressedSize - 1
    })
    if (entry.method === 0) return raw.pipe(checked)
    const inflate = zlib.createInflateRaw()
    raw.on('error', (error) => inflate.destroy(error))
    inflate.on('error', (error) =>
      checked.destroy(
        new UnreadableZipError(
          `${JSON.stringify(entry.name)} cannot be inflated (${error.message})`
        )
      )
    )
    return raw.pipe(inflate).pipe(checked)
  }

  /** Where the entry's content starts, after a local header that must name the same entry. */
  private dataStart(entry: ZipEntry): number {
    const header = Buffer.alloc(30)
    if (
      fs.readSync(this.fd, header, 0, 30, entry.localHeaderOffset) !== 30 ||
      header.readUInt32LE(0) !== LOCAL
    ) {
      throw new UnreadableZipError(`the local header of ${JSON.stringify(entry.name)} is missing`)
    }
    const nameLength = header.readUInt16LE(26)
    const extraLength = header.readUInt16LE(28)
    const name = Buffer.alloc(nameLength)
    fs.readSync(this.fd, name, 0, nameLength, entry.localHeaderOffset + 30)
    if (!name.equals(Buffer.from(entry.rawName))) {
      throw new UnreadableZipError(
        `the local header of ${JSON.stringify(entry.name)} names ${JSON.stringify(name.toString('latin1'))}: ` +
          'an archive that says two things'
      )
    }
    const start = entry.localHeaderOffset + 30 + nameLength + extraLength
    if (start + entry.compressedSize > this.contentEnd)
      throw new UnreadableZipError(
        `the content of ${JSON.stringify(entry.name)} runs into the central directory`
      )
    return start
  }
}

function checkedContent(entry: ZipEntry): Transform {
  let size = 0
  let crc = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > entry.size)
        return done(
          new UnreadableZipError(
            `${JSON.stringify(entry.name)} holds more than the ${entry.size} bytes its header says`
          )
        )
      crc = zlib.crc32(chunk, crc)
      done(null, chunk)
    },
    flush(done) {
      if (size !== entry.size)
        return done(
          new UnreadableZipError(
            `${JSON.stringify(entry.name)} holds ${size} bytes, not the ${entry.size} its header says`
          )
        )
      if (crc >>> 0 !== entry.crc32)
        return done(new UnreadableZipError(`${JSON.stringify(entry.name)} fails its CRC-32 check`))
      done()
    }
  })
}

function readCentralDirectory(
  fd: number,
  fileSize: number
): { entries: ZipEntry[]; centralOffset: number } {
  const tailLength = Math.min(fileSize, 22 + 0xffff)
  const tail = Buffer.alloc(tailLength)
  fs.readSync(fd, tail, 0, tailLength, fileSize - tailLength)
  // The record whose comment runs exactly to the end of the file; a signature inside a comment is not it.
  let at = -1
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tailLength) {
      at = i
      break
    }
  }
  if (at < 0)
    throw new UnreadableZipError(
      'it has no end-of-central-directory record (not a zip, or cut short)'
    )
  const eocdOffset = fileSize - tailLength + at
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0)
    throw new UnreadableZipError('it spans several disks')
  let count = tail.readUInt16LE(at + 10)
  let centralSize = tail.readUInt32LE(at + 12)
  let centralOffset = tail.readUInt32LE(at + 16)
  let centralEnd = eocdOffset
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
    const locator = Buffer.alloc(20)
    if (
      eocdOffset < 20 ||
      fs.readSync(fd, locator, 0, 20, eocdOffset - 20) !== 20 ||
      locator.readUInt32LE(0) !== EOCD64_LOCATOR
    ) {
      throw new UnreadableZipError('its zip64 end-of-central-directory locator is missing')
    }
    const recordOffset = safe(locator.readBigUInt64LE(8), 'the zip64 record offset')
    const record = Buffer.alloc(56)
    if (fs.readSync(fd, record, 0, 56, recordOffset) !== 56 || record.readUInt32LE(0) !== EOCD64)
      throw new UnreadableZipError('its zip64 end-of-central-directory record is missing')
    count = safe(record.readBigUInt64LE(32), 'the entry count')
    centralSize = safe(record.readBigUInt64LE(40), 'the central directory size')
    centralOffset = safe(record.readBigUInt64LE(48), 'the central directory offset')
    centralEnd = recordOffset
  }
  if (centralSize > MAX_CENTRAL_DIRECTORY)
    throw new UnreadableZipError(`its central directory is ${centralSize} bytes`)
  if (centralOffset + centralSize !== centralEnd)
    throw new UnreadableZipError('its central directory is not where its end record says')
  const central = Buffer.alloc(centralSize)
  if (fs.readSync(fd, central, 0, centralSize, centralOffset) !== centralSize)
    throw new UnreadableZipError('its central directory is cut short')
  const entries: ZipEntry[] = []
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > central.length || central.readUInt32LE(p) !== CENTRAL)
      throw new UnreadableZipError(`entry ${i + 1} of ${count} is not in the central directory`)
    const entry = centralEntry(central, p)
    entries.push(entry.entry)
    p = entry.next
  }
  if (p !== central.length)
    throw new UnreadableZipError('its central directory holds more than its end record counts')
  return { entries, centralOffset }
}

function centralEntry(central: Buffer, p: number): { entry: ZipEntry; next: number } {
  const madeBy = central.readUInt16LE(p + 4) >> 8
  const flags = central.readUInt16LE(p + 8)
  const method = central.readUInt16LE(p + 10)
  const crc32 = central.readUInt32LE(p + 16)
  let compressedSize = central.readUInt32LE(p + 20)
  let size = central.readUInt32LE(p + 24)
  const nameLength = central.readUInt16LE(p + 28)
  const extraLength = central.readUInt16LE(p + 30)
  const commentLength = central.readUInt16LE(p + 32)
  const disk = central.readUInt16LE(p + 34)
  const external = central.readUInt32LE(p + 38)
  let localHeaderOffset = central.readUInt32LE(p + 42)
  const next = p + 46 + nameLength + extraLength + commentLength
  if (next > central.length)
    throw new UnreadableZipError('an entry runs past the end of the central directory')
  const rawName = central.subarray(p + 46, p + 46 + nameLength)
  const extra = central.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength)
  let secondName = false
  for (let e = 0; e + 4 <= extra.length;) {
    const id = extra.readUInt16LE(e)
    const length = extra.readUInt16LE(e + 2)
    const body = extra.subarray(e + 4, e + 4 + length)
    if (id === 0x0001) {
      // Zip64: the 8-byte values present are those whose 4-byte field is all ones, in this order.
      let q = 0
      const take = (): number => {
        if (q + 8 > body.length)
          throw new UnreadableZipError(
            `the zip64 field of ${JSON.stringify(rawName.toString('latin1'))} is too short`
          )
        const v = safe(body.readBigUInt64LE(q), 'a zip64 size')
        q += 8
        return v
      }
      if (size === 0xffffffff) size = take()
      if (compressedSize === 0xffffffff) compressedSize = take()
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = take()
    } else if (id === 0x7075) {
      secondName = true
    }
    e += 4 + length
  }
  const name = (flags & 0x800) !== 0 || rawName.every((b) => b < 0x80) ? decodeUtf8(rawName) : null
  const mode = madeBy === 3 || madeBy === 19 ? external >>> 16 : 0
  const kind = kindOf(mode, external, name ?? '')
  const problem =
    name === null
      ? 'a name that is not marked as UTF-8 (readers disagree on what it says)'
      : secondName
        ? 'a second, Unicode name (readers disagree on which one counts)'
        : flags & 0x1
          ? 'encrypted content'
          : disk !== 0
            ? 'content on another disk'
            : kind === 'file' && method !== 0 && method !== 8
              ? `compression method ${method}, which artifact uploads never use`
              : kind === 'file' && method === 0 && compressedSize !== size
                ? 'stored content whose sizes disagree'
                : null
  return {
    entry: {
      name: name ?? rawName.toString('latin1'),
      rawName,
      kind,
      size,
      linkTarget: null,
      executable: (mode & 0o111) !== 0,
      problem,
      compressedSize,
      method,
      crc32,
      localHeaderOffset
    },
    next
  }
}

function kindOf(mode: number, external: number, name: string): EntryKind {
  switch (mode & 0o170000) {
    case 0o100000:
      return 'file'
    case 0o040000:
      return 'directory'
    case 0o120000:
      return 'symlink'
    case 0o020000:
    case 0o060000:
      return 'device'
    case 0o010000:
      return 'fifo'
    case 0:
      // No Unix mode: the DOS directory attribute, or a name ending in "/", says directory.
      return (external & 0x10) !== 0 || name.endsWith('/') ? 'directory' : 'file'
    default:
      return 'other'
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

function safe(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new UnreadableZipError(`${what} is too large to read`)
  return Number(value)
}
