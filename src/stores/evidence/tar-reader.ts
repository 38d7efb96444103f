import * as fs from 'node:fs'
import { pipeline } from 'node:stream'
import * as zlib from 'node:zlib'
import type { ArchiveEntry, EntryKind } from './archive-entry.js'
import { messageOf } from '../../core/errors.js'

/**
 * Reads a cache archive as @actions/cache writes it (GNU tar --posix, compressed with zstd
 * or gzip) entry by entry, without writing anything: the same reader lists the archive
 * and later extracts what the listing allowed, so there is no second parser whose idea of
 * the entries could differ from the one that was checked. It knows ustar, pax extended
 * headers (path, linkpath, size) and GNU long names; whatever else an archive holds is an
 * entry of another kind, which the rules refuse.
 */

/** The archive cannot be read as a tar at all: damaged, cut short, or not one. */
export class UnreadableArchiveError extends Error {}

const BLOCK = 512
/** Pax headers and GNU long names are names, not content: a larger one is not an honest archive. */
const MAX_META = 1 << 20

/** Opens the archive and undoes its compression (zstd or gzip, by its first bytes). */
export function openTarStream(file: string): AsyncIterable<Buffer> & { destroy(): void } {
  const head = Buffer.alloc(4)
  const fd = fs.openSync(file, 'r')
  let read = 0
  try {
    read = fs.readSync(fd, head, 0, 4, 0)
  } finally {
    fs.closeSync(fd)
  }
  let decompress: zlib.ZstdDecompress | zlib.Gunzip
  if (read === 4 && head.readUInt32LE(0) === 0xfd2fb528) decompress = zlib.createZstdDecompress()
  else if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) decompress = zlib.createGunzip()
  else throw new UnreadableArchiveError('it is neither zstd- nor gzip-compressed')
  const source = fs.createReadStream(file)
  pipeline(source, decompress, () => {
    // An error reaches the reader through the decompressor's iterator.
  })
  return decompress
}

/**
 * Calls `visit` for each entry in order with its content (which `visit` may read or leave;
 * what it leaves is skipped). Throws UnreadableArchiveError when the archive is damaged.
 */
export async function readTar(
  stream: AsyncIterable<Buffer>,
  visit: (entry: ArchiveEntry, content: AsyncIterable<Buffer>) => Promise<void>
): Promise<void> {
  const reader = new ByteReader(stream[Symbol.asyncIterator]())
  let pax = new Map<string, string>()
  let longName: string | null = null
  let longLink: string | null = null
  let offset = 0
  for (;;) {
    const header = await reader.read(BLOCK)
    if (header === null)
      throw new UnreadableArchiveError('it ends without the end-of-archive blocks (cut short?)')
    if (header.every((b) => b === 0)) {
      if (pax.size > 0 || longName !== null || longLink !== null)
        throw new UnreadableArchiveError('it ends after an extended header, before its entry')
      return
    }
    checkChecksum(header, offset)
    const flag = String.fromCharCode(header[156] as number)
    const meta = flag === 'x' || flag === 'L' || flag === 'K'
    const size =
      !meta && pax.has('size')
        ? paxNumber(pax.get('size') as string, offset)
        : numeric(header.subarray(124, 136), offset)
    const padded = Math.ceil(size / BLOCK) * BLOCK
    offset += BLOCK + padded
    if (meta) {
      if (size > MAX_META)
        throw new UnreadableArchiveError(
          `an extended header of ${size} bytes at byte ${offset}: names are never that long`
        )
      const body = await reader.read(padded)
      if (body === null)
        throw new UnreadableArchiveError('it is cut short inside an extended header')
      const data = body.subarray(0, size)
      if (flag === 'x') pax = new Map([...pax, ...paxRecords(data, offset)])
      else if (flag === 'L') longName = cString(data)
      else longLink = cString(data)
      continue
    }
    const ustar = header.subarray(257, 263).toString('latin1') === 'ustar\0'
    const rawName =
      pax.get('path') ??
      longName ??
      joinPrefix(ustar ? cString(header.subarray(345, 500)) : '', cString(header.subarray(0, 100)))
    const rawLink = pax.get('linkpath') ?? longLink ?? cString(header.subarray(157, 257))
    const sparse = [...pax.keys()].some((k) => k.startsWith('GNU.sparse.'))
    const kind = sparse ? 'other' : kindOf(flag)
    const mode = numeric(header.subarray(100, 108), offset)
    const name = decode(rawName)
    const link = decode(rawLink)
    const entry: ArchiveEntry = {
      name: name ?? rawName,
      kind,
      size,
      linkTarget: kind === 'symlink' || kind === 'hardlink' ? (link ?? rawLink) : null,
      executable: (mode & 0o111) !== 0,
      problem:
        flag === 'g'
          ? 'a pax global header, which sets values for every later entry'
          : name === null
            ? 'a name that is not UTF-8'
            : null
    }
    pax = new Map()
    longName = null
    longLink = null
    const content = reader.take(size)
    await visit(entry, content)
    await drain(content)
    if (padded > size && (await reader.read(padded - size)) === null)
      throw new UnreadableArchiveError('it is cut short inside an entry')
  }
}

function kindOf(flag: string): EntryKind {
  switch (flag) {
    case '0':
    case '\0':
      return 'file'
    case '5':
      return 'directory'
    case '1':
      return 'hardlink'
    case '2':
      return 'symlink'
    case '3':
    case '4':
      return 'device'
    case '6':
      return 'fifo'
    default:
      return 'other'
  }
}

function checkChecksum(header: Buffer, offset: number): void {
  const stored = numeric(header.subarray(148, 156), offset)
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (header[i] as number)
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  if (stored !== unsigned && stored !== signed)
    throw new UnreadableArchiveError(`the header at byte ${offset} has a wrong checksum`)
}

/** An octal field (NUL- or space-terminated), or GNU's base-256 for values that do not fit. */
function numeric(field: Buffer, offset: number): number {
  const first = field[0] as number
  if (first & 0x80) {
    if (first === 0xff)
      throw new UnreadableArchiveError(`the header at byte ${offset} has a negative number`)
    let value = first & 0x7f
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] as number)
    if (!Number.isSafeInteger(value))
      throw new UnreadableArchiveError(
        `the header at byte ${offset} has a number too large to read`
      )
    return value
  }
  const text = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '')
  if (text === '') return 0
  if (!/^[0-7]+$/.test(text))
    throw new UnreadableArchiveError(
      `the header at byte ${offset} has a number that is not octal: ${JSON.stringify(text)}`
    )
  return parseInt(text, 8)
}

function paxNumber(text: string, offset: number): number {
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new UnreadableArchiveError(
      `the pax header before byte ${offset} has a size that is not a number`
    )
  return Number(text)
}

/** `<length> <key>=<value>\n` records; a malformed one means a damaged archive. */
function paxRecords(data: Buffer, offset: number): Map<string, string> {
  const records = new Map<string, string>()
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const length = space < 0 ? NaN : Number(data.subarray(at, space).toString('latin1'))
    if (
      !Number.isSafeInteger(length) ||
      length <= space - at + 1 ||
      at + length > data.length ||
      data[at + length - 1] !== 0x0a
    ) {
      throw new UnreadableArchiveError(`the pax header before byte ${offset} is malformed`)
    }
    const record = data.subarray(space + 1, at + length - 1)
    const eq = record.indexOf(0x3d)
    if (eq <= 0)
      throw new UnreadableArchiveError(
        `the pax header before byte ${offset} has a record without "="`
      )
    // Values stay raw bytes (latin1) until a name is decoded, as header fields do.
    records.set(
      record.subarray(0, eq).toString('latin1'),
      record.subarray(eq + 1).toString('latin1')
    )
    at += length
  }
  return records
}

function joinPrefix(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}/${name}`
}

function cString(field: Buffer): string {
  const end = field.indexOf(0)
  return field.subarray(0, end < 0 ? field.length : end).toString('latin1')
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** Header names are kept as raw bytes (latin1) until here: UTF-8, or null when they are not. */
function decode(raw: string): string | null {
  try {
    return UTF8.decode(Buffer.from(raw, 'latin1'))
  } catch {
    return null
  }
}

async function drain(content: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of content) void chunk
}

/** Reads exact byte counts from a stream of chunks, without buffering more than one chunk ahead. */
class ByteReader {
  private chunks: Buffer[] = []
  private buffered = 0
  private ended = false

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(wanted: number): Promise<void> {
    while (this.buffered < wanted && !this.ended) {
      let next: IteratorResult<Buffer>
      try {
        next = await this.source.next()
      } catch (error) {
        throw new UnreadableArchiveError(`it cannot be decompressed (${messageOf(error)})`)
      }
      if (next.done) this.ended = true
      else if (next.value.length > 0) {
        this.chunks.push(next.value)
        this.buffered += next.value.length
      }
    }
  }

  /** Exactly `n` bytes, or null when the stream ends first. */
  async read(n: number): Promise<Buffer | null> {
    await this.fill(n)
    if (this.buffered < n) return null
    const whole = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks)
    const out = whole.subarray(0, n)
    const rest = whole.subarray(n)
    this.chunks = rest.length > 0 ? [rest] : []
    this.buffered = rest.length
    return out
  }

  /** The next `n` bytes as chunks; reading past the stream's end throws. */
  take(n: number): AsyncIterable<Buffer> {
    let left = n
    const next = async (): Promise<IteratorResult<Buffer>> => {
      if (left === 0) return { done: true, value: undefined }
      if (this.buffered === 0) await this.fill(1)
      if (this.buffered === 0) throw new UnreadableArchiveError('it is cut short inside an entry')
      const chunk = this.chunks[0] as Buffer
      const part = chunk.length <= left ? chunk : chunk.subarray(0, left)
      if (part === chunk) this.chunks.shift()
      else this.chunks[0] = chunk.subarray(left)
      this.buffered -= part.length
      left -= part.length
      return { done: false, value: part }
    }
    return { [Symbol.asyncIterator]: () => ({ next }) }
  }
}
