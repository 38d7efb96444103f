import {
  checkAgainstListing,
  checkEntries
} from "./chunk-F4U23FLS.js";
import {
  callService
} from "./chunk-PTYAC4AA.js";
import {
  saveSignedUrl
} from "./chunk-FZHOXW7V.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-X6ZNLF55.js";
import "./chunk-ERNWVJRV.js";
import "./chunk-P4TSECCU.js";
import {
  DEFAULT_POLICY
} from "./chunk-SJOLJ5TF.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
import {
  basename,
  join
} from "./chunk-SHE4BTPW.js";
import {
  closeSync,
  createReadStream,
  openSync,
  readSync,
  rmSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/stores/evidence/cache-restore.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/stores/evidence/cache-restore.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/listing.ts:src/stores/evidence/cache-restore.ts
import { m18$checkListingPath, m18$compareUtf8, m18$describesListing, m18$diffListings, m18$digestOfListing, m18$formatListing, m18$listingFromDigests, m18$listingFromPathBytes, m18$parseListing, m18$sortEntries } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/cache-layout.ts:src/stores/evidence/cache-restore.ts
import { m33$CACHE_FILES_DIR, m33$CACHE_KEY_PREFIX, m33$CACHE_SEAL_DIR, m33$CACHE_STAGING_DIR, m33$cacheArchivePrefix, m33$cacheKeyOf, m33$cacheStagingPath } from "../promote/index-core.js";

// stand-in:promote:src/core/env.ts:src/stores/evidence/cache-service.ts
import { m13$DEFAULT_API_URL, m13$DEFAULT_SERVER_URL, m13$apiUrlOf, m13$serverUrlOf } from "../promote/index-core.js";

// stand-in:promote:src/core/digest.ts:src/stores/evidence/cache-service.ts
import { m12$digestFromHex as m12$digestFromHex2, m12$hexOf as m12$hexOf2, m12$parseDigest as m12$parseDigest2, m12$sha256Digest as m12$sha256Digest2, m12$sha256Hex as m12$sha256Hex2, m12$shortDigest as m12$shortDigest2 } from "../promote/index-core.js";

// src/stores/evidence/cache-service.ts?promote
var COMPRESSION_METHODS = ["zstd-without-long", "gzip"];
var VERSION_SALT = "1.0";
var CACHE_SERVICE = "github.actions.results.api.v1.CacheService";
var CACHE_POLICY = {
  ...DEFAULT_POLICY,
  attempts: 3,
  timeoutMs: 3e4,
  maxDelayMs: 1e4
};
function cacheReadUnavailable(env) {
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  if (mode === "none" || mode === "write-only")
    return `the runner's cache mode ${JSON.stringify(mode)} does not allow reading the cache`;
  if (serviceVersion(env) === "v2" ? !env.ACTIONS_RESULTS_URL : !(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL)) {
    return "the Actions cache service is not available here (ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL is not set)";
  }
  if (!env.ACTIONS_RUNTIME_TOKEN) return "the runner gave this step no ACTIONS_RUNTIME_TOKEN";
  return null;
}
function cacheVersion(stagingPath, method, platform = process.platform) {
  const components = [
    stagingPath,
    method,
    ...platform === "win32" ? ["windows-only"] : [],
    VERSION_SALT
  ];
  return m12$sha256Hex2(components.join("|"));
}
async function lookupCacheEntry(env, key, stagingPath) {
  for (const method of COMPRESSION_METHODS) {
    const version = cacheVersion(stagingPath, method);
    const found = serviceVersion(env) === "v2" ? await lookupV2(env, key, version) : await lookupV1(env, key, version);
    if (found !== null) return found;
  }
  return null;
}
async function downloadCacheArchive(url, file) {
  return (await saveSignedUrl(url, file)).bytes;
}
function serviceVersion(env) {
  const host = new URL(m13$serverUrlOf(env)).hostname.trimEnd().toUpperCase();
  const ghes = host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
  return !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? "v2" : "v1";
}
async function lookupV2(env, key, version) {
  const url = new URL(`/twirp/${CACHE_SERVICE}/GetCacheEntryDownloadURL`, env.ACTIONS_RESULTS_URL).href;
  const body = await request(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`
    },
    body: JSON.stringify({ key, restore_keys: [], version })
  });
  const answer = body ?? {};
  if (answer.ok !== true) return null;
  const matched = answer.matched_key ?? answer.matchedKey;
  const signed = answer.signed_download_url ?? answer.signedDownloadUrl;
  if (matched !== key || typeof signed !== "string" || signed === "") return null;
  return { key, url: signed };
}
async function lookupV1(env, key, version) {
  const base = env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL || "";
  const url = `${base}_apis/artifactcache/cache?keys=${encodeURIComponent(key)}&version=${version}`;
  const body = await request(url, {
    method: "GET",
    headers: {
      Accept: "application/json;api-version=6.0-preview.1",
      Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`
    }
  });
  const answer = body ?? {};
  if (answer.cacheKey !== key || typeof answer.archiveLocation !== "string" || answer.archiveLocation === "")
    return null;
  return { key, url: answer.archiveLocation };
}
async function request(url, init) {
  return callService(url, init, {
    service: "the cache service",
    policy: CACHE_POLICY,
    noAnswerIsFinal: true
  });
}

// stand-in:promote:src/stores/evidence/directory-handoff.ts:src/stores/evidence/cache-restore.ts
import { m34$copyListedFiles, m34$makeDirectories, m34$privateDir, m34$removeQuietly, m34$writeNewFile } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/seal-bundle.ts:src/stores/evidence/cache-restore.ts
import { m35$bundleBaseOf, m35$bundleFileNames, m35$contractBeside, m35$fileSafeName, m35$isBundleEntry, m35$modesBeside, m35$sigstoreBundleBeside, m35$statementBeside } from "../promote/index-core.js";

// src/stores/evidence/tar-reader.ts?promote
import { pipeline } from "node:stream";
import * as zlib from "node:zlib";

// stand-in:promote:src/core/errors.ts:src/stores/evidence/tar-reader.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../promote/index-core.js";

// src/stores/evidence/tar-reader.ts?promote
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
        throw new UnreadableArchiveError(`it cannot be decompressed (${m14$messageOf2(error)})`);
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

// src/stores/evidence/cache-restore.ts?promote
var MAX_LISTING_BYTES = 128 * 1024 * 1024;
var ARCHIVE_FILE = "cache-archive";
async function restoreFromCache(digest, parent, options) {
  const { env, inputName, log } = options;
  const key = m33$cacheKeyOf(digest);
  const unavailable = cacheReadUnavailable(env);
  if (unavailable !== null) {
    log.info(`${inputName}: not restoring ${key}: ${unavailable}.`);
    return { kind: "miss", unreadable: unavailable };
  }
  let location;
  try {
    location = await lookupCacheEntry(env, key, m33$cacheStagingPath(env));
  } catch (error) {
    log.warning(
      `${inputName}: could not look up ${key} (${m14$messageOf(error)}); going on without the cache.`
    );
    return { kind: "miss", unreadable: `its lookup failed: ${m14$messageOf(error)}` };
  }
  if (location === null) return { kind: "miss" };
  const dir = m34$privateDir(parent, `${m12$hexOf(digest).slice(0, 12)}-cache-`, env, inputName);
  const archive = join(dir, ARCHIVE_FILE);
  try {
    try {
      const bytes = await downloadCacheArchive(location.url, archive);
      log.info(
        `${inputName}: downloaded ${key} (${bytes} bytes) into a private directory; listing it before extracting anything.`
      );
    } catch (error) {
      log.warning(
        `${inputName}: could not download ${key} (${m14$messageOf(error)}); going on without the cache.`
      );
      m34$removeQuietly(dir);
      return { kind: "miss", unreadable: `its download failed: ${m14$messageOf(error)}` };
    }
    const unpacked = await unpackCacheArchive(archive, dir, m33$cacheArchivePrefix(env), digest);
    if (unpacked.kind === "refused") return refuse(dir, key, unpacked.refusals, options);
    return unpacked;
  } catch (error) {
    m34$removeQuietly(dir);
    throw error;
  }
}
async function unpackCacheArchive(archive, dir, prefix, digest) {
  let plan;
  try {
    plan = planRestore(await listArchive(archive, prefix), prefix, digest);
  } catch (error) {
    if (error instanceof UnreadableArchiveError)
      return {
        kind: "refused",
        refusals: [
          { name: basename(archive), reason: `the archive cannot be read: ${error.message}` }
        ]
      };
    throw error;
  }
  if (plan.refusals.length > 0) return { kind: "refused", refusals: plan.refusals };
  try {
    await extract(archive, dir, plan.byIndex);
  } catch (error) {
    return {
      kind: "refused",
      refusals: [
        {
          name: basename(archive),
          reason: `it could not be extracted as listed (${error.code ?? m14$messageOf(error)})`
        }
      ]
    };
  }
  rmSync(archive);
  return {
    kind: "restored",
    dir,
    filesDir: join(dir, m33$CACHE_FILES_DIR),
    sealDir: join(dir, m33$CACHE_SEAL_DIR),
    listingFile: join(dir, ...plan.listingPath.split("/")),
    listing: plan.listing,
    digestKind: plan.digestKind
  };
}
async function listArchive(archive, prefix) {
  const entries = [];
  const hashes = /* @__PURE__ */ new Map();
  const listings = /* @__PURE__ */ new Map();
  const stream = openTarStream(archive);
  try {
    await readTar(stream, async (entry, content) => {
      const index = entries.push(entry) - 1;
      if (entry.kind !== "file" || entry.problem !== null) return;
      const sealPrefix = `${prefix}/${m33$CACHE_SEAL_DIR}/`;
      if (entry.name.startsWith(sealPrefix) && m35$bundleBaseOf(entry.name.slice(sealPrefix.length)) !== null) {
        if (entry.size > MAX_LISTING_BYTES) return void listings.set(index, null);
        const chunks = [];
        for await (const chunk of content) chunks.push(chunk);
        listings.set(index, Buffer.concat(chunks));
      } else if (entry.name.startsWith(`${prefix}/${m33$CACHE_FILES_DIR}/`)) {
        const hash = createHash("sha256");
        for await (const chunk of content) hash.update(chunk);
        hashes.set(index, hash.digest("hex"));
      }
    });
  } finally {
    stream.destroy();
  }
  return { entries, hashes, listings };
}
function planRestore(listed, prefix, digest) {
  const check = checkEntries(listed.entries, prefix);
  const refusals = check.refusals;
  let listing = [];
  let digestKind = null;
  const candidates = [...check.planned.values()].filter(
    (p) => p.entry.kind === "file" && p.path.startsWith(`${m33$CACHE_SEAL_DIR}/`) && m35$bundleBaseOf(p.path.slice(m33$CACHE_SEAL_DIR.length + 1)) !== null
  );
  const listingEntry = candidates.length === 1 ? candidates[0] : void 0;
  const listingPath = listingEntry?.path ?? "";
  if (listingEntry === void 0) {
    if (candidates.length === 0)
      refusals.push({
        name: `${prefix}/${m33$CACHE_SEAL_DIR}/<name>.sha256`,
        reason: "missing: a cache entry of sealed files carries their listing"
      });
    for (const other of candidates)
      refusals.push({
        name: other.entry.name,
        reason: "one of several listings: a seal carries one"
      });
  } else {
    const listingName = listingEntry.entry.name;
    const bytes = listed.listings.get(listingEntry.index) ?? null;
    if (bytes === null)
      refusals.push({
        name: listingName,
        reason: `${listingEntry.entry.size} bytes, larger than any listing a seal writes`
      });
    else {
      try {
        listing = m18$parseListing(bytes.toString("utf8"), listingName);
        digestKind = m18$describesListing(listing, digest);
        if (digestKind === null)
          refusals.push({
            name: listingName,
            reason: `the listing of ${m18$digestOfListing(m18$formatListing(listing))}, not of ${digest}`
          });
      } catch (error) {
        refusals.push({
          name: listingName,
          reason: `not a checksums listing (${m14$messageOf(error)})`
        });
      }
    }
  }
  if (digestKind === null)
    return { refusals, byIndex: /* @__PURE__ */ new Map(), listing: [], listingPath, digestKind: "tree" };
  const sealed = new Map(listing.map((e) => [e.path, e.hex]));
  const base = m35$bundleBaseOf(listingPath.slice(m33$CACHE_SEAL_DIR.length + 1));
  const inBundle = (p, e) => p === m33$CACHE_SEAL_DIR ? e.kind === "directory" : p.startsWith(`${m33$CACHE_SEAL_DIR}/`) && m35$isBundleEntry(p.slice(m33$CACHE_SEAL_DIR.length + 1), base, e.kind === "directory");
  const { missing } = checkAgainstListing(check, m33$CACHE_FILES_DIR, new Set(sealed.keys()), inBundle);
  for (const p of missing)
    refusals.push({
      name: `${prefix}/${m33$CACHE_FILES_DIR}/${p}`,
      reason: "missing, though the sealed listing names it"
    });
  for (const planned of check.planned.values()) {
    if (planned.entry.kind !== "file" || !planned.path.startsWith(`${m33$CACHE_FILES_DIR}/`)) continue;
    const actual = listed.hashes.get(planned.index);
    if (actual !== sealed.get(planned.path.slice(m33$CACHE_FILES_DIR.length + 1)))
      refusals.push({
        name: planned.entry.name,
        reason: "its content is not what the sealed listing says"
      });
  }
  return {
    refusals,
    byIndex: new Map([...check.planned.values()].map((p) => [p.index, p])),
    listing,
    listingPath,
    digestKind
  };
}
async function extract(archive, root, byIndex) {
  let index = 0;
  const stream = openTarStream(archive);
  try {
    await readTar(stream, async (entry, content) => {
      const planned = byIndex.get(index++);
      if (planned === void 0) return;
      if (planned.entry.name !== entry.name || planned.entry.kind !== entry.kind || planned.entry.size !== entry.size) {
        throw new Error(`entry ${index} is not the one listed (${m14$quote(entry.name)})`);
      }
      if (entry.kind === "directory") m34$makeDirectories(root, planned.path);
      else await m34$writeNewFile(root, planned.path, content, entry.executable);
    });
  } finally {
    stream.destroy();
  }
}
function refuse(dir, key, refusals, options) {
  m34$removeQuietly(dir);
  const lines = refusals.slice(0, 20).map((r) => `  ${m14$quote(r.name)}: ${r.reason}`);
  if (refusals.length > 20) lines.push(`  \u2026 and ${refusals.length - 20} more`);
  const message = `${options.inputName}: refused the cache entry ${key} before extracting anything:
${lines.join("\n")}
The archive was deleted and nothing of it was written. The entry was saved by someone other than a seal of these bytes, or damaged in storage; a cache key is never overwritten, so delete it (gh cache delete ${key}, with actions: write) and seal again to cache these bytes.`;
  options.log.warning(message);
  return { kind: "refused", refusals, message };
}
export {
  restoreFromCache,
  unpackCacheArchive
};
