import {
  closeSync,
  createReadStream,
  openSync,
  readSync
} from "./chunk-KUE42OYI.js";

// src/stores/evidence/tar-reader.ts
import { pipeline } from "node:stream";
import * as zlib from "node:zlib";
var UnreadableArchiveError = class extends Error {
};
var BLOCK = 512;
var MAX_META = 1 << 20;
function openTarStream(file) {
  const head = Buffer.alloc(4);
  const fd = openSync(file, "r");
  let read = 0;
  try {
    read = readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  let decompress;
  if (read === 4 && head.readUInt32LE(0) === 4247762216) decompress = zlib.createZstdDecompress();
  else if (read >= 2 && head[0] === 31 && head[1] === 139) decompress = zlib.createGunzip();
  else throw new UnreadableArchiveError("it is neither zstd- nor gzip-compressed");
  const source = createReadStream(file);
  pipeline(source, decompress, () => {
  });
  return decompress;
}
async function readTar(stream, visit) {
  const reader = new ByteReader(stream[Symbol.asyncIterator]());
  let pax = /* @__PURE__ */ new Map();
  let longName = null;
  let longLink = null;
  let offset = 0;
  for (; ; ) {
    const header = await reader.read(BLOCK);
    if (header === null)
      throw new UnreadableArchiveError("it ends without the end-of-archive blocks (cut short?)");
    if (header.every((b) => b === 0)) {
      if (pax.size > 0 || longName !== null || longLink !== null)
        throw new UnreadableArchiveError("it ends after an extended header, before its entry");
      return;
    }
    checkChecksum(header, offset);
    const flag = String.fromCharCode(header[156]);
    const meta = flag === "x" || flag === "L" || flag === "K";
    const size = !meta && pax.has("size") ? paxNumber(pax.get("size"), offset) : numeric(header.subarray(124, 136), offset);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    offset += BLOCK + padded;
    if (meta) {
      if (size > MAX_META)
        throw new UnreadableArchiveError(
          `an extended header of ${size} bytes at byte ${offset}: names are never that long`
        );
      const body = await reader.read(padded);
      if (body === null)
        throw new UnreadableArchiveError("it is cut short inside an extended header");
      const data = body.subarray(0, size);
      if (flag === "x") pax = new Map([...pax, ...paxRecords(data, offset)]);
      else if (flag === "L") longName = cString(data);
      else longLink = cString(data);
      continue;
    }
    const ustar = header.subarray(257, 263).toString("latin1") === "ustar\0";
    const rawName = pax.get("path") ?? longName ?? joinPrefix(ustar ? cString(header.subarray(345, 500)) : "", cString(header.subarray(0, 100)));
    const rawLink = pax.get("linkpath") ?? longLink ?? cString(header.subarray(157, 257));
    const sparse = [...pax.keys()].some((k) => k.startsWith("GNU.sparse."));
    const kind = sparse ? "other" : kindOf(flag);
    const mode = numeric(header.subarray(100, 108), offset);
    const name = decode(rawName);
    const link = decode(rawLink);
    const entry = {
      name: name ?? rawName,
      kind,
      size,
      linkTarget: kind === "symlink" || kind === "hardlink" ? link ?? rawLink : null,
      executable: (mode & 73) !== 0,
      problem: flag === "g" ? "a pax global header, which sets values for every later entry" : name === null ? "a name that is not UTF-8" : null
    };
    pax = /* @__PURE__ */ new Map();
    longName = null;
    longLink = null;
    const content = reader.take(size);
    await visit(entry, content);
    await drain(content);
    if (padded > size && await reader.read(padded - size) === null)
      throw new UnreadableArchiveError("it is cut short inside an entry");
  }
}
function kindOf(flag) {
  switch (flag) {
    case "0":
    case "\0":
      return "file";
    case "5":
      return "directory";
    case "1":
      return "hardlink";
    case "2":
      return "symlink";
    case "3":
    case "4":
      return "device";
    case "6":
      return "fifo";
    default:
      return "other";
  }
}
function checkChecksum(header, offset) {
  const stored = numeric(header.subarray(148, 156), offset);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 32 : header[i];
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  if (stored !== unsigned && stored !== signed)
    throw new UnreadableArchiveError(`the header at byte ${offset} has a wrong checksum`);
}
function numeric(field, offset) {
  const first = field[0];
  if (first & 128) {
    if (first === 255)
      throw new UnreadableArchiveError(`the header at byte ${offset} has a negative number`);
    let value = first & 127;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    if (!Number.isSafeInteger(value))
      throw new UnreadableArchiveError(
        `the header at byte ${offset} has a number too large to read`
      );
    return value;
  }
  const text = field.toString("latin1").replace(/[\0 ]+$/, "").replace(/^ +/, "");
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text))
    throw new UnreadableArchiveError(
      `the header at byte ${offset} has a number that is not octal: ${JSON.stringify(text)}`
    );
  return parseInt(text, 8);
}
function paxNumber(text, offset) {
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new UnreadableArchiveError(
      `the pax header before byte ${offset} has a size that is not a number`
    );
  return Number(text);
}
function paxRecords(data, offset) {
  const records = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const length = space < 0 ? NaN : Number(data.subarray(at, space).toString("latin1"));
    if (!Number.isSafeInteger(length) || length <= space - at + 1 || at + length > data.length || data[at + length - 1] !== 10) {
      throw new UnreadableArchiveError(`the pax header before byte ${offset} is malformed`);
    }
    const record = data.subarray(space + 1, at + length - 1);
    const eq = record.indexOf(61);
    if (eq <= 0)
      throw new UnreadableArchiveError(
        `the pax header before byte ${offset} has a record without "="`
      );
    records.set(
      record.subarray(0, eq).toString("latin1"),
      record.subarray(eq + 1).toString("latin1")
    );
    at += length;
  }
  return records;
}
function joinPrefix(prefix, name) {
  return prefix === "" ? name : `${prefix}/${name}`;
}
function cString(field) {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString("latin1");
}
var UTF8 = new TextDecoder("utf-8", { fatal: true });
function decode(raw) {
  try {
    return UTF8.decode(Buffer.from(raw, "latin1"));
  } catch {
    return null;
  }
}
async function drain(content) {
  for await (const chunk of content) void chunk;
}
var ByteReader = class {
  constructor(source) {
    this.source = source;
  }
  source;
  chunks = [];
  buffered = 0;
  ended = false;
  async fill(wanted) {
    while (this.buffered < wanted && !this.ended) {
      let next;
      try {
        next = await this.source.next();
      } catch (error) {
        throw new UnreadableArchiveError(
          `it cannot be decompressed (${error instanceof Error ? error.message : String(error)})`
        );
      }
      if (next.done) this.ended = true;
      else if (next.value.length > 0) {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
  }
  /** Exactly `n` bytes, or null when the stream ends first. */
  async read(n) {
    await this.fill(n);
    if (this.buffered < n) return null;
    const whole = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const out = whole.subarray(0, n);
    const rest = whole.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
  /** The next `n` bytes as chunks; reading past the stream's end throws. */
  take(n) {
    let left = n;
    const next = async () => {
      if (left === 0) return { done: true, value: void 0 };
      if (this.buffered === 0) await this.fill(1);
      if (this.buffered === 0) throw new UnreadableArchiveError("it is cut short inside an entry");
      const chunk = this.chunks[0];
      const part = chunk.length <= left ? chunk : chunk.subarray(0, left);
      if (part === chunk) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(left);
      this.buffered -= part.length;
      left -= part.length;
      return { done: false, value: part };
    };
    return { [Symbol.asyncIterator]: () => ({ next }) };
  }
};

export {
  UnreadableArchiveError,
  openTarStream,
  readTar
};
