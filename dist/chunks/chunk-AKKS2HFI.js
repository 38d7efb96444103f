import {
  Worker
} from "./chunk-ZZJVUA5H.js";
import {
  MODES_ANNOTATION,
  formatModes,
  modesDigest,
  namesOneFile,
  readModes,
  resolveFiles,
  rootBeforeWalk
} from "./chunk-Z6PKETNA.js";
import {
  buildStatement,
  digestOnlySubject,
  statementSubject
} from "./chunk-OPHOUBPK.js";
import {
  describesListing,
  digestOfListing,
  formatListing,
  listingFromDigests,
  listingFromPathBytes,
  parseListing
} from "./chunk-43FNMZOV.js";
import {
  digestFromHex,
  hexOf
} from "./chunk-U5VE7L4O.js";
import {
  words
} from "./chunk-5B26CPAT.js";
import {
  SealError,
  quote
} from "./chunk-COPLKY7P.js";
import {
  availableParallelism
} from "./chunk-M6ACESL2.js";
import {
  createHash,
  node_crypto_exports
} from "./chunk-VF62UBY7.js";
import {
  basename,
  sep
} from "./chunk-SHE4BTPW.js";
import {
  closeSync,
  fstatSync,
  node_fs_exports,
  openSync,
  readFileSync,
  readSync
} from "./chunk-KUE42OYI.js";
import {
  __require
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
  if (digestFromHex(createHash("sha256").update(listing.bytes).digest("hex")) !== expected) {
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
        fd = fs.openSync(path, "r");
        modes[index] = fs.fstatSync(fd).mode & 4095;
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
function hashSmallFile(path) {
  const fd = openSync(path, "r");
  try {
    const { mode } = fstatSync(fd);
    const chunk = Buffer.allocUnsafe(CHUNK);
    const size = readSync(fd, chunk, 0, CHUNK, null);
    return size < CHUNK ? { digest: createHash("sha256").update(chunk.subarray(0, size)).digest(), size, mode } : null;
  } finally {
    closeSync(fd);
  }
}
async function hashLargeFile(path, onBytes, progressIntervalMs) {
  const handle = await open(path, "r");
  try {
    const { mode } = await handle.stat();
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
  const reason = failure.code === "ENOENT" ? "it disappeared while being sealed. Make sure nothing else writes to the artifact during the seal." : failure.code === "EACCES" || failure.code === "EPERM" ? `permission denied. Make the file readable by ${words().reader}, or exclude it with a "!" pattern.` : failure.code === "EISDIR" ? "it is a directory, not a file." : `${failure.message}.`;
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
      const loop = new Promise((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.once(
          "exit",
          (code) => this.closing ? resolve(null) : reject(new Error(`a hashing worker stopped with exit code ${code}`))
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
  sealSubject,
  listDirectory
};
