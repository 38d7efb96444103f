import {
  Worker
} from "./chunk-ZZJVUA5H.js";
import {
  MODES_ANNOTATION,
  formatModes,
  modesDigest,
  readModes
} from "./chunk-A63B7KBV.js";
import {
  isInside,
  toSlashes
} from "./chunk-3BNILISX.js";
import {
  buildStatement,
  digestOnlySubject,
  statementSubject
} from "./chunk-X5XFE3KV.js";
import {
  checkListingPath,
  compareUtf8,
  describesListing,
  digestOfListing,
  formatListing,
  listingFromDigests,
  listingFromPathBytes,
  parseListing
} from "./chunk-3JZVAEQI.js";
import {
  digestFromHex,
  hexOf,
  sha256Digest
} from "./chunk-KRR2HU2L.js";
import {
  words
} from "./chunk-5B26CPAT.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  require_picomatch
} from "./chunk-2BSWPGL5.js";
import {
  availableParallelism
} from "./chunk-M6ACESL2.js";
import {
  createHash,
  node_crypto_exports
} from "./chunk-VF62UBY7.js";
import {
  basename,
  dirname,
  parse,
  relative,
  resolve,
  sep
} from "./chunk-SHE4BTPW.js";
import {
  closeSync,
  constants,
  fstatSync,
  node_fs_exports,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  statSync
} from "./chunk-KUE42OYI.js";
import {
  __require,
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/core/kind.ts
function kindFromListing(entries, digest, source) {
  const kind = describesListing(entries, digest);
  return kind === null ? null : { kind, source, fileCount: kind === "tree" ? entries.length : 1 };
}
function kindFromStatement(statement, digest) {
  const subjects = statement?.subject;
  if (!Array.isArray(subjects)) return null;
  const hex = hexOf(digest);
  for (const subject of subjects) {
    const d = subject?.digest;
    if (d === null || typeof d !== "object") continue;
    const tree = d.dirHash ?? d.dirHash1;
    if (tree === hex) return "tree";
    if (d.sha256 === hex) return tree === void 0 ? "file" : null;
  }
  return null;
}
function agreeingKind(first, second, digest, inputName) {
  if (first === null || second === null || first.kind === second.kind) return first ?? second;
  throw new SealError(
    "tampered",
    `${inputName}: ${second.source} records ${digest} as ${describeKind(second)}, but ${first.source} records it as ${describeKind(first)}. A listing and a statement sealed together always agree: one of them was changed or comes from another seal. Give the seal bundle as the seal wrote it.`
  );
}
function isCanonicalListing(bytes) {
  if (bytes.length < 68 || !startsLikeListing(bytes)) return false;
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  try {
    return formatListing(parseListing(text, "the file")) === text;
  } catch {
    return false;
  }
}
var LINE_START = /^[0-9a-f]{64} {2}[^ ]/;
function startsLikeListing(head) {
  return LINE_START.test(Buffer.from(head.subarray(0, 67)).toString("latin1"));
}
function readListingFile(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(67);
    if (readSync(fd, head, 0, head.length, 0) < head.length || !startsLikeListing(head))
      return null;
  } finally {
    closeSync(fd);
  }
  const bytes = readFileSync(file);
  return isCanonicalListing(bytes) ? { bytes, fileCount: parseListing(bytes.toString("utf8"), file).length } : null;
}
function checkSubjectKind(subject, expected, recorded, inputs) {
  if (recorded !== null && recorded.kind !== subject.kind) {
    const found = subject.kind === "file" ? "is one file" : `is a tree of ${plural(subject.fileCount, "file")}`;
    const fix = recorded.kind === "tree" ? "A file holding the tree's listing has the tree's digest, which is why the kinds are compared. Give the directory (or the patterns) that was sealed." : "Give the sealed file itself.";
    throw new SealError(
      "bad-input",
      `${inputs.subject}: ${recorded.source} says ${expected} sealed ${describeKind(recorded)}; ${quote(subject.display)} ${found}. ${fix}`
    );
  }
  if (subject.kind !== "file" || subject.file === null || subject.digest !== expected) return;
  const listing = readListingFile(subject.file);
  if (listing === null) return;
  if (sha256Digest(listing.bytes) !== expected) {
    throw new SealError(
      "conflict",
      `${inputs.subject}: ${quote(subject.file)} changed while it was being verified. Make sure nothing writes to it, then verify again.`
    );
  }
  const why = `${inputs.subject}: ${quote(subject.display)} is one file whose bytes are a checksums listing of ${plural(listing.fileCount, "file")}, so its sha256 ${expected} is also the digest of the tree it lists: the digest cannot say which of the two was sealed.`;
  throw new SealError(
    "bad-input",
    recorded === null ? `${why} Give ${inputs.checksums} (the seal's listing) with the seal's statement beside it, which record the kind, or verify the directory that was sealed.` : `${why} A seal never seals a listing as one file, so ${recorded.source} does not come from a seal of these bytes. Give the listing the seal wrote, or verify the directory that was sealed.`
  );
}
function refuseListingAsFile(file, inputName) {
  const listing = readListingFile(file);
  if (listing === null) return;
  throw new SealError(
    "bad-input",
    `${inputName}: ${quote(file)} is a checksums listing of ${plural(listing.fileCount, "file")}. Sealed as one file, its digest would equal the digest of the tree it lists, and a later verify could not tell the file from the tree. Seal the directory it lists instead, or seal the listing together with other files (its directory), so the seal is a tree.`
  );
}
function describeKind(recorded) {
  return recorded.kind === "tree" ? `a tree${recorded.fileCount === null ? "" : ` of ${plural(recorded.fileCount, "file")}`}` : "one file";
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/core/hashing/claim-loop.ts
var Control = {
  /** The next index no thread has claimed. */
  Next: 0,
  /** How many paths the walk has published so far. */
  Published: 1,
  /** 1 once the walk has published its last path. */
  WalkDone: 2,
  /** How many files have been hashed, by every thread together. */
  Completed: 3,
  /** 1 + the index of a file that could not be read; 0 while none failed. */
  Failed: 4
};
var CONTROL_SLOTS = 5;
var PROGRESS_STRIDE = 16;
function runClaimLoop(ctx) {
  const { fs, crypto, control, progress } = ctx;
  const NEXT = 0;
  const PUBLISHED = 1;
  const WALK_DONE = 2;
  const COMPLETED = 3;
  const FAILED = 4;
  const files = ctx.progressSlot * 16;
  const bytes = files + 1;
  const claimSize = 16;
  let pathText = Buffer.alloc(0);
  let pathEnds = new Uint32Array(0);
  let digests = new Uint8Array(0);
  let sizes = new Float64Array(0);
  let modes = new Uint16Array(0);
  let lines = new Uint8Array(0);
  const linePrefix = ctx.linePrefix;
  const lineShift = 64 + 2 + 1 - linePrefix;
  const viewUpTo = (claimEnd) => {
    if (claimEnd > pathEnds.length) {
      pathEnds = new Uint32Array(ctx.pathEnds, 0, ctx.pathEnds.byteLength / 4);
      digests = new Uint8Array(ctx.digests, 0, ctx.digests.byteLength);
      sizes = new Float64Array(ctx.sizes, 0, ctx.sizes.byteLength / 8);
      modes = new Uint16Array(ctx.modes, 0, ctx.modes.byteLength / 2);
    }
    const lastEnd = pathEnds[claimEnd - 1];
    if (lastEnd > pathText.length)
      pathText = Buffer.from(ctx.pathBytes, 0, ctx.pathBytes.byteLength);
    if (ctx.lines !== null && lastEnd + claimEnd * lineShift > lines.length)
      lines = new Uint8Array(ctx.lines, 0, ctx.lines.byteLength);
  };
  const hexDigits = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
  const writeLine = (index) => {
    const pathStart = index === 0 ? 0 : pathEnds[index - 1];
    const pathEnd = pathEnds[index];
    if (pathEnd - pathStart <= linePrefix) return;
    let at = pathStart + index * lineShift;
    for (let b = index * 32, end = b + 32; b < end; b++) {
      const byte = digests[b];
      lines[at++] = hexDigits[byte >> 4];
      lines[at++] = hexDigits[byte & 15];
    }
    lines[at++] = 32;
    lines[at++] = 32;
    for (let p = pathStart + linePrefix; p < pathEnd; p++) lines[at++] = pathText[p];
    lines[at] = 10;
  };
  const chunk = Buffer.allocUnsafe(1 << 20);
  const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const oneShot = typeof crypto.hash === "function";
  for (; ; ) {
    let index = -1;
    let claimEnd = -1;
    while (index < 0) {
      if (Atomics.load(control, FAILED) !== 0) return null;
      const published = Atomics.load(control, PUBLISHED);
      const next = Atomics.load(control, NEXT);
      if (next < published) {
        const end = Math.min(next + claimSize, published);
        if (Atomics.compareExchange(control, NEXT, next, end) === next) {
          index = next;
          claimEnd = end;
        }
      } else if (Atomics.load(control, WALK_DONE) === 1 && next >= Atomics.load(control, PUBLISHED)) {
        return null;
      } else if (!ctx.waitForMore) {
        return null;
      } else {
        Atomics.wait(control, PUBLISHED, published, 50);
      }
    }
    viewUpTo(claimEnd);
    const claimStart = index;
    for (; index < claimEnd; index++) {
      const path = pathText.toString("utf8", index === 0 ? 0 : pathEnds[index - 1], pathEnds[index]);
      let fd = -1;
      try {
        fd = fs.openSync(path, openFlags);
        const stat = fs.fstatSync(fd);
        if (!stat.isFile())
          throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
        modes[index] = stat.mode & 4095;
        let filled = fs.readSync(fd, chunk, 0, chunk.length, null);
        if (filled < chunk.length) {
          const whole = chunk.subarray(0, filled);
          digests.set(
            oneShot ? crypto.hash("sha256", whole, "buffer") : crypto.createHash("sha256").update(whole).digest(),
            index * 32
          );
          sizes[index] = filled;
          progress[bytes] = progress[bytes] + filled;
        } else {
          const hash = crypto.createHash("sha256");
          let size = 0;
          do {
            hash.update(chunk.subarray(0, filled));
            size += filled;
            progress[bytes] = progress[bytes] + filled;
          } while ((filled = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0);
          digests.set(hash.digest(), index * 32);
          sizes[index] = size;
        }
        progress[files] = progress[files] + 1;
      } catch (error) {
        Atomics.compareExchange(control, FAILED, 0, index + 1);
        Atomics.notify(control, COMPLETED);
        const e = error;
        return { index, code: e.code ?? "EIO", message: e.message };
      } finally {
        if (fd >= 0) fs.closeSync(fd);
      }
      if (ctx.lines !== null) writeLine(index);
      ctx.onFileDone?.();
    }
    Atomics.add(control, COMPLETED, claimEnd - claimStart);
    Atomics.notify(control, COMPLETED);
  }
}

// builtin:node:fs/promises
var loaded;
var builtin = () => loaded ??= __require("node:fs/promises");
function open(...args) {
  return new.target === void 0 ? builtin().open.apply(this, args) : Reflect.construct(builtin().open, args);
}

// src/core/hashing/hash-large-file.ts
var CHUNK = 1 << 20;
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
function notRegular() {
  return Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
}
function hashSmallFile(path) {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular();
    const { mode } = stat;
    const chunk = Buffer.allocUnsafe(CHUNK);
    const size = readSync(fd, chunk, 0, CHUNK, null);
    return size < CHUNK ? { digest: createHash("sha256").update(chunk.subarray(0, size)).digest(), size, mode } : null;
  } finally {
    closeSync(fd);
  }
}
async function hashLargeFile(path, onBytes, progressIntervalMs) {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw notRegular();
    const { mode } = stat;
    const buffers = [
      Buffer.allocUnsafe(CHUNK),
      Buffer.allocUnsafe(CHUNK)
    ];
    const hash = createHash("sha256");
    let size = 0;
    let turn = 0;
    let pending = handle.read({ buffer: buffers[0], offset: 0, length: CHUNK, position: null });
    let lastReport = process.uptime() * 1e3;
    for (; ; ) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) break;
      turn = turn === 0 ? 1 : 0;
      pending = handle.read({ buffer: buffers[turn], offset: 0, length: CHUNK, position: null });
      hash.update(bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead));
      size += bytesRead;
      const now = process.uptime() * 1e3;
      if (now - lastReport >= progressIntervalMs) {
        lastReport = now;
        onBytes(size);
      }
    }
    return { digest: hash.digest(), size, mode };
  } finally {
    await handle.close();
  }
}

// src/core/hashing/hash-files.ts
var LINE_EXTRA = 64 + 2 + 1;
var MAX_FILES = 1 << 22;
var MAX_PATH_BYTES = 1 << 30;
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const runClaimLoop = ${runClaimLoop.toString()}
parentPort.once('message', (work) => parentPort.postMessage(runClaimLoop({ ...work, fs, crypto })))
`;
function describeFailure(failure, path) {
  const reason = failure.code === "ENOENT" ? "it disappeared while being sealed. Make sure nothing else writes to the artifact during the seal." : failure.code === "EACCES" || failure.code === "EPERM" ? `permission denied. Make the file readable by ${words().reader}, or exclude it with a "!" pattern.` : failure.code === "EISDIR" ? "it is a directory, not a file." : failure.code === "ENOTREG" ? "it is no longer a regular file (a directory, a device, a FIFO or a socket, or a link to one, took its place after the walk). Make sure nothing else writes to the artifact during the seal." : `${failure.message}.`;
  return new SealError("unreadable", `Cannot read ${quote(path)}: ${reason}`);
}
var HashPool = class _HashPool {
  workers;
  closing = false;
  constructor(count) {
    const options = { eval: true, trackUnmanagedFds: false };
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, options));
  }
  /** Starts one worker per spare core (up to 3); none on a single core. */
  static start(count = Math.min(Math.max(0, availableParallelism() - 1), 3)) {
    return new _HashPool(count);
  }
  get size() {
    return this.workers.length;
  }
  /**
   * Hands the shared work to every worker; each promise settles when that worker stops,
   * and rejects only if it crashed (not when `close` stopped it).
   */
  run(work) {
    return this.workers.map((worker, i) => {
      const loop = new Promise((resolve2, reject) => {
        worker.once("message", resolve2);
        worker.once("error", reject);
        worker.once(
          "exit",
          (code) => this.closing ? resolve2(null) : reject(new Error(`a hashing worker stopped with exit code ${code}`))
        );
        worker.postMessage({ ...work, progressSlot: i + 1, waitForMore: true });
      });
      loop.catch(() => void 0);
      return loop;
    });
  }
  /** Stops the workers without waiting for them: their work is done or no longer wanted. */
  close() {
    this.closing = true;
    for (const worker of this.workers) {
      worker.unref();
      void worker.terminate();
    }
  }
};
function growable(bytes, maxBytes) {
  return new SharedArrayBuffer(bytes, { maxByteLength: maxBytes });
}
var HashQueue = class {
  constructor(pool, options = {}) {
    this.options = options;
    this.linePrefix = options.linePrefix ?? 0;
    this.lines = options.linePrefix === void 0 ? null : growable(
      this.pathText.length + this.capacity * LINE_EXTRA,
      MAX_PATH_BYTES + MAX_FILES * LINE_EXTRA
    );
    this.threadProgress = new Float64Array(
      new SharedArrayBuffer(((pool?.size ?? 0) + 1) * PROGRESS_STRIDE * 8)
    );
    this.workerLoops = pool ? pool.run(this.sharedWork()) : [];
  }
  options;
  count = 0;
  capacity = 1024;
  bytesUsed = 0;
  pathBytes = growable(64 * 1024, MAX_PATH_BYTES);
  // Views of a fixed length, made again as the buffers grow (see claim-loop.ts for why).
  pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength);
  pathEnds = growable(this.capacity * 4, MAX_FILES * 4);
  ends = new Uint32Array(this.pathEnds, 0, this.capacity);
  digests = growable(this.capacity * 32, MAX_FILES * 32);
  sizes = growable(this.capacity * 8, MAX_FILES * 8);
  modes = growable(this.capacity * 2, MAX_FILES * 2);
  // At least as long as the path bytes and the line extras of every file the queue can hold.
  lines;
  linePrefix;
  control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  threadProgress;
  workerLoops;
  sharedWork() {
    const { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control } = this;
    const progress = this.threadProgress;
    return { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control, progress };
  }
  add(path) {
    if (this.count === this.capacity) {
      if (this.capacity === MAX_FILES) {
        throw new SealError(
          "bad-input",
          `More than ${MAX_FILES.toLocaleString("en-US")} files to seal. Seal the artifact in parts, or as an archive.`
        );
      }
      this.capacity *= 2;
      this.pathEnds.grow(this.capacity * 4);
      this.ends = new Uint32Array(this.pathEnds, 0, this.capacity);
      this.digests.grow(this.capacity * 32);
      this.sizes.grow(this.capacity * 8);
      this.modes.grow(this.capacity * 2);
    }
    const room = path.length * 3;
    if (this.bytesUsed + room > this.pathText.length) {
      if (this.bytesUsed + room > MAX_PATH_BYTES)
        throw new SealError(
          "bad-input",
          `The paths to seal take more than ${MAX_PATH_BYTES / 2 ** 30} GiB. Seal the artifact in parts, or as an archive.`
        );
      this.pathBytes.grow(
        Math.min(MAX_PATH_BYTES, Math.max(this.pathText.length * 2, this.bytesUsed + room))
      );
      this.pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength);
    }
    this.growLines();
    this.bytesUsed += this.pathText.write(path, this.bytesUsed);
    this.ends[this.count++] = this.bytesUsed;
    if ((this.count & 63) === 0) this.publish();
  }
  growLines() {
    const needed = this.pathText.length + this.capacity * LINE_EXTRA;
    if (this.lines !== null && needed > this.lines.byteLength) this.lines.grow(needed);
  }
  publish() {
    Atomics.store(this.control, Control.Published, this.count);
    Atomics.notify(this.control, Control.Published);
  }
  /** Waits for every added file, the main thread hashing its share. */
  async finish() {
    this.publish();
    Atomics.store(this.control, Control.WalkDone, 1);
    Atomics.notify(this.control, Control.Published);
    const { onProgress, progressIntervalMs = 2e3 } = this.options;
    const report = onProgress ? () => onProgress(this.progress()) : void 0;
    const timer = report ? setInterval(report, Math.max(1, progressIntervalMs)) : void 0;
    try {
      let failure = null;
      if ((this.options.mainThreadHashes ?? true) || this.workerLoops.length === 0) {
        let lastReport = process.uptime() * 1e3;
        const onFileDone = report ? () => {
          const now = process.uptime() * 1e3;
          if (now - lastReport >= progressIntervalMs) {
            lastReport = now;
            report();
          }
        } : void 0;
        failure = runClaimLoop({
          ...this.sharedWork(),
          fs: node_fs_exports,
          crypto: node_crypto_exports,
          progressSlot: 0,
          waitForMore: false,
          ...onFileDone ? { onFileDone } : {}
        });
      }
      await this.allCompleted();
      if (Atomics.load(this.control, Control.Failed) !== 0) {
        failure ??= (await Promise.all(this.workerLoops)).find((f) => f !== null) ?? null;
        if (failure) throw describeFailure(failure, this.pathAt(failure.index));
      }
    } finally {
      clearInterval(timer);
    }
    return {
      digests: new Uint8Array(this.digests, 0, this.count * 32),
      sizes: new Float64Array(this.sizes, 0, this.count),
      modes: new Uint16Array(this.modes, 0, this.count),
      queued: {
        bytes: new Uint8Array(this.pathBytes, 0, this.bytesUsed),
        ends: new Uint32Array(this.pathEnds, 0, this.count)
      },
      ...this.lines === null ? {} : {
        lines: Buffer.from(
          new Uint8Array(
            this.lines,
            0,
            this.bytesUsed + this.count * (LINE_EXTRA - this.linePrefix)
          )
        )
      }
    };
  }
  async allCompleted() {
    const crashed = new Promise((_, reject) => {
      for (const loop of this.workerLoops) loop.catch(reject);
    });
    for (; ; ) {
      const completed = Atomics.load(this.control, Control.Completed);
      if (completed >= this.count || Atomics.load(this.control, Control.Failed) !== 0) return;
      await Promise.race([
        Atomics.waitAsync(this.control, Control.Completed, completed, 1e3).value,
        crashed
      ]);
    }
  }
  /** Files and bytes hashed so far, by every thread. */
  progress() {
    let filesDone = 0;
    let bytesDone = 0;
    for (let slot = 0; slot * PROGRESS_STRIDE < this.threadProgress.length; slot++) {
      filesDone += this.threadProgress[slot * PROGRESS_STRIDE];
      bytesDone += this.threadProgress[slot * PROGRESS_STRIDE + 1];
    }
    return { filesDone, bytesDone, filesTotal: this.count };
  }
  pathAt(index) {
    return this.pathText.toString("utf8", index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
};
async function hashFiles(paths, options = {}) {
  if (paths.length === 1) return hashOneFile(paths[0], options);
  const queue = new HashQueue(options.pool ?? null, options);
  for (const path of paths) queue.add(path);
  return queue.finish();
}
async function hashOneFile(path, options) {
  const { onProgress, progressIntervalMs = 2e3 } = options;
  try {
    const result = hashSmallFile(path) ?? await hashLargeFile(
      path,
      (bytesDone) => onProgress?.({ filesDone: 0, bytesDone, filesTotal: 1 }),
      progressIntervalMs
    );
    return {
      digests: new Uint8Array(result.digest),
      sizes: Float64Array.of(result.size),
      modes: Uint16Array.of(result.mode & 4095)
    };
  } catch (error) {
    const e = error;
    throw describeFailure({ index: 0, code: e.code ?? "EIO", message: e.message }, path);
  }
}

// src/core/file-summary.ts
function summarizeFiles(paths, sizes, order, largestCount = 5) {
  const groups = /* @__PURE__ */ new Map();
  const largest = [];
  let current;
  let currentName = "";
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const filePath = paths[i];
    const size = sizes[i];
    if (current === void 0 || !currentName.endsWith("/") || !filePath.startsWith(currentName)) {
      const slash = filePath.indexOf("/");
      currentName = slash === -1 ? filePath : filePath.slice(0, slash + 1);
      current = groups.get(currentName);
      if (current === void 0) groups.set(currentName, current = { files: 0, size: 0 });
    }
    current.files++;
    current.size += size;
    if (largest.length < largestCount || size > largest[largest.length - 1].size) {
      let at = largest.length;
      while (at > 0 && largest[at - 1].size < size) at--;
      largest.splice(at, 0, { path: filePath, size });
      if (largest.length > largestCount) largest.pop();
    }
  }
  const topLevel = [...groups].map(([name, g]) => ({ name, ...g })).sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  return { largest, topLevel };
}

// src/core/subject/resolve-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var SECRET_FILE = /^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\..*)?|.*\.(pem|key|p12|pfx|jks|keystore))$/i;
function isLeftOutName(name, directory) {
  return name.startsWith(".") || !directory && mayBeSecret(name) && SECRET_FILE.test(name);
}
function mayBeSecret(name) {
  const last = name.charCodeAt(name.length - 1) | 32;
  return last === 109 || // m
  last === 121 || // y
  last === 50 || // 2
  last === 120 || // x
  last === 115 || // s
  last === 101 || // e
  (name.charCodeAt(0) | 32) === 105 && (name.charCodeAt(1) | 32) === 100 && name[2] === "_";
}
var MAY_BE_GLOB = /[*?[\]{}()!@+\\]/;
var scanGlob = (pattern) => MAY_BE_GLOB.test(pattern) ? import_picomatch.default.scan(pattern) : null;
var NOT_WALKED = ["node_modules", ".git"];
function namesOneFile(options) {
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return false;
  const abs = resolve(options.baseDir, only);
  return !scanGlob(toSlashes(abs))?.isGlob && statOrNull(abs)?.isFile() === true;
}
function rootBeforeWalk(options) {
  if (options.root) return resolve(options.baseDir, options.root);
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return null;
  const abs = resolve(options.baseDir, only);
  return statOrNull(abs)?.isDirectory() ? abs : null;
}
function resolveFiles(options) {
  const { patterns, baseDir, inputName } = options;
  if (patterns.include.length === 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: no path to seal${patterns.exclude.length > 0 ? ` (only exclusions: ${patterns.exclude.map((p) => quote(`!${p}`)).join(", ")})` : ""}. Give at least one file, directory or glob, one per line or comma-separated.`
    );
  }
  const excludeMatchers = patterns.exclude.map((p) => (0, import_picomatch.default)(absolutePattern(baseDir, p), GLOB));
  const excludeUsed = patterns.exclude.map(() => false);
  const skipDirs = new Set((options.skipDirs ?? []).map((d) => resolve(d)));
  const isExcluded = excludeMatchers.length === 0 ? () => false : (abs) => {
    let excluded = false;
    const slashed = toSlashes(abs);
    excludeMatchers.forEach((m, i) => {
      if (m(slashed)) excluded = excludeUsed[i] = true;
    });
    return excluded;
  };
  const knownRoot = rootBeforeWalk(options);
  const knownRealRoot = knownRoot === null ? null : realOrSelf(knownRoot);
  const linkLeavesRoot = (link, target, root2, named = false) => new SealError(
    "bad-input",
    `${inputName}: ${quote(link)} is a symbolic link to ${quote(target)}, outside the artifact root ${quote(root2)}. A seal covers the artifact's own bytes only: copy the target into the artifact, or ${named ? "remove the link from the patterns" : `leave the link out with "!${toSlashes(relative(baseDir, link))}"`}.`
  );
  const found = [];
  const seen = patterns.include.length > 1 ? /* @__PURE__ */ new Set() : null;
  const links = [];
  const unmatched = [];
  const leftOut = [];
  const leaveOutHidden = options.hidden === "leave-out";
  const addFile = (abs) => {
    if (seen !== null) {
      if (seen.has(abs)) return;
      seen.add(abs);
    }
    found.push(abs);
    options.onFile?.(abs);
  };
  const walk = (dir, realDir, ancestors, glob, skipped) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const e = error;
      throw new SealError(
        "unreadable",
        `${inputName}: cannot list the directory ${quote(dir)} (${e.code ?? e.message}). Make it readable by ${words().reader} or exclude it with a "!" pattern.`,
        { cause: e }
      );
    }
    entries.sort(byListingName);
    ancestors.push(realDir);
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    let lossy = null;
    for (const entry of entries) {
      const abs = prefix + entry.name;
      if (isExcluded(abs)) continue;
      if (entry.name.includes("\uFFFD") && (lossy ??= lossyNames(dir)).has(entry.name)) {
        throw new SealError(
          "bad-input",
          `${inputName}: a file name in ${quote(dir)} is not valid UTF-8 (shown as ${quote(entry.name)}). Listings and statements hold UTF-8 paths: rename the file, or leave it out with a "!" pattern.`
        );
      }
      if (skipped?.has(entry.name) && !entry.isFile()) continue;
      const taken = glob === null || glob.take(abs);
      if (!taken && !glob.enter(abs)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let realChild = null;
      if (entry.isSymbolicLink()) {
        let stat;
        try {
          realChild = realpathSync(abs);
          stat = statSync(realChild);
        } catch {
          if (!taken) continue;
          throw new SealError(
            "bad-input",
            `${inputName}: ${quote(abs)} is a symbolic link to ${quote(readLinkText(abs))}, which does not exist. Remove the link, or leave it out with "!${toSlashes(relative(baseDir, abs))}".`
          );
        }
        if (knownRealRoot !== null && !isInside(realChild, knownRealRoot))
          throw linkLeavesRoot(abs, realChild, knownRoot);
        links.push({ link: abs, target: realChild, named: false });
        isDir = stat.isDirectory();
        isFile = stat.isFile();
        if (isDir && ancestors.includes(realChild)) {
          throw new SealError(
            "bad-input",
            `${inputName}: ${quote(abs)} is a symbolic link back into one of its own parent directories (a loop). Remove the link, or leave it out with "!${toSlashes(relative(baseDir, abs))}".`
          );
        }
      }
      if (leaveOutHidden && (isDir || isFile && taken) && isLeftOutName(entry.name, isDir)) {
        leftOut.push(`${toSlashes(relative(baseDir, abs))}${isDir ? "/" : ""}`);
        continue;
      }
      if (isDir) {
        realChild ??= realDir.endsWith(sep) ? realDir + entry.name : realDir + sep + entry.name;
        if (!skipDirs.has(abs) && !skipped?.has(entry.name))
          walk(abs, realChild, ancestors, taken ? null : glob, skipped);
      } else if (isFile && taken) {
        addFile(abs);
      }
    }
    ancestors.pop();
  };
  const noteNamedLink = (abs) => {
    const real = realOrSelf(abs);
    if (real === abs) return;
    if (knownRealRoot !== null && !isInside(real, knownRealRoot))
      throw linkLeavesRoot(abs, real, knownRoot, true);
    links.push({ link: abs, target: real, named: true });
  };
  let onlyDirectory = null;
  for (const pattern of patterns.include) {
    const absPattern = absolutePattern(baseDir, pattern);
    const scan = scanGlob(absPattern);
    let matchedSomething = false;
    if (scan === null || !scan.isGlob) {
      const abs = resolve(baseDir, pattern);
      const stat = statOrNull(abs);
      if (stat?.isDirectory()) {
        matchedSomething = true;
        if (isExcluded(abs)) continue;
        if (patterns.include.length === 1) onlyDirectory = abs;
        else noteNamedLink(abs);
        walk(abs, realOrSelf(abs), [], null, null);
      } else if (stat?.isFile()) {
        matchedSomething = true;
        if (!isExcluded(abs)) {
          noteNamedLink(abs);
          addFile(abs);
        }
      }
    } else {
      const base = scan.base === "" ? parse(resolve(baseDir)).root : scan.base;
      const matcher = (0, import_picomatch.default)(absPattern, GLOB);
      const glob = {
        take: (abs) => {
          const hit = matcher(toSlashes(abs));
          matchedSomething ||= hit;
          return hit;
        },
        enter: globEnters(resolve(base), scan.glob),
        skipped: new Set(NOT_WALKED.filter((name) => !absPattern.split("/").includes(name)))
      };
      if (statOrNull(base)?.isDirectory()) {
        const realBase = realOrSelf(base);
        if (realBase !== resolve(base))
          links.push({ link: resolve(base), target: realBase, named: false });
        walk(resolve(base), realBase, [], glob, glob.skipped);
      }
    }
    if (!matchedSomething) unmatched.push(pattern);
  }
  if (unmatched.length > 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: nothing matches ${unmatched.map(quote).join(", ")} (relative to ${quote(baseDir)}). Patterns tried: ${patterns.include.map(quote).join(", ")}${patterns.exclude.length ? `; excluded: ${patterns.exclude.map((p) => quote(`!${p}`)).join(", ")}` : ""}. Check that the build wrote its output before ${words().current} ran, and that the paths are relative to ${words().base} or absolute.`
    );
  }
  const unusedExclusions = patterns.exclude.filter((_, i) => !excludeUsed[i]);
  if (unusedExclusions.length > 0 && options.unusedExclusions !== "allow" && options.unusedExclusions !== "warn") {
    throw new SealError(
      "bad-input",
      `${inputName}: the exclusion${unusedExclusions.length === 1 ? "" : "s"} ${unusedExclusions.map((p) => quote(`!${p}`)).join(", ")} match${unusedExclusions.length === 1 ? "es" : ""} nothing the patterns ${patterns.include.map(quote).join(", ")} reach (relative to ${quote(baseDir)}). Like every pattern, an exclusion must match something: it is read relative to ${words().base} (or absolute), as the paths it excludes from are, so write it with the same leading directories (such as "!dist/**/*.map", not "!*.map"), or remove it.`
    );
  }
  if (found.length === 0) {
    const why = leftOut.length > 0 ? `every file is hidden or looks like a secret (${leftOut.slice(0, 5).map(quote).join(", ")}${leftOut.length > 5 ? ", \u2026" : ""}), which a seal leaves out unless include-hidden-files is true` : patterns.exclude.length > 0 ? `every file is excluded by ${patterns.exclude.map((p) => quote(`!${p}`)).join(", ")}, or the directories hold no files` : "the directories hold no files";
    throw new SealError(
      "bad-input",
      `${inputName}: ${patterns.include.map(quote).join(", ")} matched, but ${why}. Nothing is left to seal: point at the build output${patterns.exclude.length > 0 ? " or loosen the exclusions" : ""}.`
    );
  }
  const root = chooseRoot(options, found, onlyDirectory);
  const rootPrefix = root.endsWith(sep) ? root : root + sep;
  let relativeIsSuffix = sep === "/";
  const relative2 = found.map((abs) => {
    const underPrefix = abs.startsWith(rootPrefix);
    if (!underPrefix) relativeIsSuffix = false;
    const rel = toSlashes(underPrefix ? abs.slice(rootPrefix.length) : relative(root, abs));
    if (rel.includes("\n") || rel.includes("\r")) checkListingPath(rel, inputName);
    return rel;
  });
  const realRoot = realOrSelf(root);
  for (const { link, target, named } of links) {
    if ((named || isInside(link, root)) && !isInside(target, realRoot))
      throw linkLeavesRoot(link, target, root, named);
  }
  const order = listingOrder(relative2);
  const kind = onlyDirectory !== null ? "directory" : found.length === 1 ? "file" : "files";
  return {
    kind,
    root,
    absolutePaths: found,
    relativePaths: relative2,
    order,
    relativeIsSuffix,
    leftOut,
    unusedExclusions: options.unusedExclusions === "warn" ? unusedExclusions : [],
    links: links.map(({ link, target }) => ({ link, target }))
  };
}
function byListingName(a, b) {
  const x = a.isDirectory() ? `${a.name}/` : a.name;
  const y = b.isDirectory() ? `${b.name}/` : b.name;
  return x < y ? -1 : x > y ? 1 : 0;
}
function listingOrder(paths) {
  const order = new Uint32Array(paths.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const before = paths.some((p) => /[\uD800-\uDFFF]/.test(p)) ? (x, y) => compareUtf8(x, y) < 0 : (x, y) => x < y;
  let sorted = true;
  for (let i = 1; sorted && i < paths.length; i++)
    sorted = before(paths[i - 1], paths[i]);
  if (sorted) return order;
  return order.sort((a, b) => {
    const x = paths[a];
    const y = paths[b];
    return before(x, y) ? -1 : before(y, x) ? 1 : 0;
  });
}
function chooseRoot(options, files, onlyDirectory) {
  if (options.root !== void 0 && options.root !== "") {
    const root = resolve(options.baseDir, options.root);
    if (!statOrNull(root)?.isDirectory()) {
      throw new SealError(
        "bad-input",
        `root: ${quote(options.root)} is not a directory (resolved to ${quote(root)}). Give the directory that listing paths should be relative to, or leave root empty.`
      );
    }
    const outside = files.find((f) => !isInside(f, root));
    if (outside !== void 0) {
      throw new SealError(
        "bad-input",
        `root: ${quote(options.root)} does not contain ${quote(outside)}, which ${options.inputName} matched. Give a root that contains every matched file, or leave root empty to use the deepest directory that does.`
      );
    }
    return root;
  }
  if (onlyDirectory !== null) return onlyDirectory;
  let common = dirname(files[0]);
  for (const file of files) {
    while (!isInside(file, common)) common = dirname(common);
  }
  return common;
}
function absolutePattern(baseDir, pattern) {
  return toSlashes(resolve(baseDir, pattern));
}
var GLOB = { dot: true, flags: "s" };
function globEnters(base, glob) {
  const segments = splitSegments(glob);
  if (segments === null) return () => true;
  const matchers = segments.map(
    (segment) => segment.includes("**") ? null : (0, import_picomatch.default)(segment, GLOB)
  );
  if (matchers[0] === null) return () => true;
  return (absDir) => {
    const rel = relative(base, absDir).split(sep);
    for (let i = 0; i < rel.length; i++) {
      if (i >= segments.length) return false;
      const matcher = matchers[i];
      if (matcher === null) return true;
      if (!matcher(rel[i])) return false;
    }
    return rel.length < segments.length;
  };
}
function splitSegments(glob) {
  const segments = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\") {
      current += c + (glob[++i] ?? "");
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    else if ((c === "}" || c === ")" || c === "]") && depth > 0) depth--;
    if (c === "/") {
      if (depth > 0) return null;
      segments.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  segments.push(current);
  return segments.filter((s) => s !== "");
}
function lossyNames(dir) {
  const lossy = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  for (const bytes of readdirSync(dir, { encoding: "buffer" })) {
    const name = bytes.toString("utf8");
    if (seen.has(name) || !Buffer.from(name).equals(bytes)) lossy.add(name);
    seen.add(name);
  }
  return lossy;
}
function statOrNull(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
function realOrSelf(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
function readLinkText(p) {
  try {
    return readlinkSync(p);
  } catch {
    return "?";
  }
}

// src/core/seal.ts
async function sealSubject(subject, options) {
  try {
    return await sealWithPool(subject, options);
  } finally {
    options.pool?.close();
  }
}
async function sealWithPool(subject, options) {
  if (subject.kind === "digest") {
    const name = options.name || subject.name;
    const listing2 = Buffer.from(formatListing([{ path: subject.name, hex: hexOf(subject.digest) }]));
    const artifact = {
      name,
      digest: subject.digest,
      kind: "digest",
      root: null,
      fileCount: 1,
      size: null,
      summary: null,
      listing: listing2
    };
    return {
      ...artifact,
      statement: buildStatement([digestOnlySubject(name, subject.digest)], options.build)
    };
  }
  if (subject.kind === "checksums") {
    const entries = parseListing(readListingFile2(subject.file, subject.inputName), subject.file);
    const listing2 = Buffer.from(formatListing(entries));
    const name = options.name || options.fallbackName;
    const fileCount = entries.length;
    return describe(
      {
        name,
        digest: digestOfListing(listing2),
        kind: "checksums",
        root: null,
        fileCount,
        size: null,
        summary: null,
        listing: listing2
      },
      true,
      options.build
    );
  }
  let resolved;
  let hashed;
  let linesRoot = null;
  if (namesOneFile(subject)) {
    resolved = resolveFiles(subject);
    options.onResolved?.(1, resolved.root);
    hashed = await hashFiles(resolved.absolutePaths, options);
  } else {
    const pool = options.pool ?? HashPool.start(options.workers);
    try {
      linesRoot = sep === "/" ? rootBeforeWalk(subject) : null;
      const queue = new HashQueue(
        pool,
        linesRoot === null ? options : { ...options, linePrefix: Buffer.byteLength(withSep(linesRoot)) }
      );
      resolved = resolveFiles({ ...subject, onFile: (abs) => queue.add(abs) });
      options.onResolved?.(resolved.absolutePaths.length, resolved.root);
      hashed = await queue.finish();
    } finally {
      pool.close();
    }
  }
  const { kind, root, relativePaths, absolutePaths, order } = resolved;
  const listing = listingOf(resolved, hashed, linesRoot);
  const isSingleFile = kind === "file";
  const digest = isSingleFile ? digestFromHex(Buffer.from(hashed.digests.subarray(0, 32)).toString("hex")) : digestOfListing(listing);
  const defaultName = kind === "file" ? basename(absolutePaths[0]) : kind === "directory" ? basename(root) : options.fallbackName;
  const summary = summarizeFiles(relativePaths, hashed.sizes, order);
  const size = summary.topLevel.reduce((sum, group) => sum + group.size, 0);
  const described = describe(
    {
      name: options.name || defaultName,
      digest,
      kind,
      root,
      fileCount: relativePaths.length,
      size,
      summary,
      listing
    },
    !isSingleFile,
    options.build
  );
  const modes = formatModes(readModes(root, relativePaths, resolved.links, hashed.modes));
  const [sealedSubject, ...others] = described.statement.subject;
  const annotated = {
    ...sealedSubject,
    annotations: {
      ...sealedSubject?.annotations,
      [MODES_ANNOTATION]: { digest: modesDigest(modes) }
    }
  };
  return {
    ...described,
    statement: { ...described.statement, subject: [annotated, ...others] },
    modes,
    leftOut: resolved.leftOut,
    unusedExclusions: resolved.unusedExclusions
  };
}
async function listDirectory(dir, inputName, options = {}) {
  const build = {
    kind: "local",
    build: { tool: "pkg:npm/artifact-seal", host: "", startedOn: "" }
  };
  const subject = {
    kind: "paths",
    patterns: { include: [dir], exclude: [] },
    baseDir: dir,
    root: dir,
    inputName
  };
  return (await sealSubject(subject, { ...options, fallbackName: "files", build })).listing;
}
function listingOf(resolved, hashed, linesRoot) {
  const { root, relativePaths, order, relativeIsSuffix } = resolved;
  if (hashed.lines && relativeIsSuffix && root === linesRoot && isIdentity(order))
    return hashed.lines;
  if (hashed.queued && relativeIsSuffix) {
    const prefixLength = Buffer.byteLength(withSep(root));
    return listingFromPathBytes({ ...hashed.queued, prefixLength }, hashed.digests, order);
  }
  return listingFromDigests(relativePaths, hashed.digests, order);
}
function isIdentity(order) {
  for (let i = 0; i < order.length; i++) if (order[i] !== i) return false;
  return true;
}
var withSep = (dir) => dir.endsWith(sep) ? dir : dir + sep;
function describe(artifact, isTree, build) {
  return {
    ...artifact,
    statement: buildStatement([statementSubject(artifact.name, artifact.digest, isTree)], build)
  };
}
function readListingFile2(file, inputName) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const e = error;
    const why = e.code === "ENOENT" ? "it does not exist" : e.code === "EISDIR" ? "it is a directory" : e.code ?? e.message;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot read ${quote(file)}: ${why}. Give the path of a file in sha256sum format.`
    );
  }
}

export {
  kindFromListing,
  kindFromStatement,
  agreeingKind,
  checkSubjectKind,
  refuseListingAsFile,
  isLeftOutName,
  resolveFiles,
  sealSubject,
  listDirectory
};
