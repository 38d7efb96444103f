import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  RESOLUTIONS,
  confirmedOutcome,
  decodeRecord,
  makesLive
} from "./chunk-2KLFQZN5.js";
import {
  SealError,
  quote
} from "./chunk-LM3HRDQW.js";

// src/stores/ledger/file-ledger.ts
import * as crypto from "node:crypto";
import * as fs2 from "node:fs";
import * as path from "node:path";

// src/core/promotion/ledger-index.ts
var LedgerIndex = class {
  /** `load` reads one record back whole, by id, for the queries that return records. */
  constructor(load) {
    this.load = load;
  }
  load;
  spansByEnvironment = /* @__PURE__ */ new Map();
  vetoes = /* @__PURE__ */ new Map();
  unresolved = /* @__PURE__ */ new Map();
  /** What each record is, kept small: a long ledger's whole records are read back on demand with `load`. */
  byId = /* @__PURE__ */ new Map();
  resolvedBy = /* @__PURE__ */ new Map();
  byDigest = /* @__PURE__ */ new Map();
  byEnvironment = /* @__PURE__ */ new Map();
  all = [];
  /** The same text once: a digest or an environment named by many records is kept once. */
  interned = /* @__PURE__ */ new Map();
  /**
   * Adds the next record, or says why it cannot follow the ones before: a resolution must
   * close a pending record of the same digest and environment that is still open, a record
   * may not be dated before the one before it, and a vetoed digest never becomes live.
   */
  add(entry) {
    const last = this.all.at(-1);
    if (last && isBefore(entry.time, last.time)) return `it is dated ${entry.time}, before the record before it (${last.time}): records are written in time order, so a clock went back or the line was edited`;
    if (this.byId.has(entry.id)) return `its id ${entry.id} is used by another record`;
    if (RESOLUTIONS.includes(entry.outcome)) {
      const pending = entry.resolves === null ? void 0 : this.unresolved.get(entry.resolves);
      if (pending === void 0) {
        const known = entry.resolves === null ? void 0 : this.byId.get(entry.resolves);
        return known === void 0 ? `it resolves record ${entry.resolves}, which does not come before it` : `it resolves record ${entry.resolves}, which is ${known.outcome === "pending" ? "resolved already" : `a ${known.outcome} record, not a pending one`}`;
      }
      if (pending.digest !== entry.digest || pending.environment !== entry.environment) {
        return `it resolves record ${pending.id} (${pending.digest} in ${pending.environment}) but names ${entry.digest} in ${entry.environment}`;
      }
      if (makesLive(entry.outcome) && this.vetoes.has(entry.digest)) return `it makes ${entry.digest} live after its veto (record ${this.vetoes.get(entry.digest)?.id})`;
      this.unresolved.delete(pending.id);
      this.resolvedBy.set(pending.id, entry.id);
      if (makesLive(entry.outcome)) this.goLive(entry, pending.id);
    } else if (entry.outcome === "pending") {
      this.unresolved.set(entry.id, entry);
    } else if (entry.outcome === "vetoed" && !this.vetoes.has(entry.digest)) {
      this.vetoes.set(entry.digest, entry);
    }
    const indexed = {
      id: entry.id,
      digest: this.intern(entry.digest),
      environment: this.intern(entry.environment),
      outcome: entry.outcome,
      time: entry.time
    };
    this.all.push(indexed);
    this.byId.set(entry.id, indexed);
    push(this.byDigest, indexed.digest, indexed);
    push(this.byEnvironment, indexed.environment, indexed);
    return null;
  }
  get size() {
    return this.all.length;
  }
  /** The last record's id and time. */
  get last() {
    return this.all.at(-1) ?? null;
  }
  live(environment) {
    const last = this.spansByEnvironment.get(environment)?.at(-1);
    return last && last.until === null ? last : null;
  }
  spans(digest, environment) {
    return (this.spansByEnvironment.get(environment) ?? []).filter((s) => s.digest === digest);
  }
  veto(digest) {
    return this.vetoes.get(digest) ?? null;
  }
  /** Digests live before the current one, newest first, each once with its latest stretch. */
  previouslyLive(environment) {
    const spans = this.spansByEnvironment.get(environment) ?? [];
    const current = spans.at(-1);
    const seen = new Set(current && current.until === null ? [current.digest] : []);
    const result = [];
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i];
      if (seen.has(span.digest)) continue;
      seen.add(span.digest);
      result.push(span);
    }
    return result;
  }
  /** The environment's pending records that nothing has resolved, oldest first. */
  pending(environment) {
    return [...this.unresolved.values()].filter((e) => e.environment === environment);
  }
  find(id) {
    return this.unresolved.get(id) ?? (this.byId.has(id) ? this.load(id) : null);
  }
  /** The record that resolved a pending record, or null while it is open. */
  resolutionOf(id) {
    const resolution = this.resolvedBy.get(id);
    return resolution === void 0 ? null : this.load(resolution);
  }
  /** Records, newest first, optionally only one environment's or one digest's, each read back as it is reached. */
  *entries(filter = {}) {
    const { environment, digest } = filter;
    const source = digest !== void 0 ? this.byDigest.get(digest) ?? [] : environment !== void 0 ? this.byEnvironment.get(environment) ?? [] : this.all;
    for (let i = source.length - 1; i >= 0; i--) {
      const e = source[i];
      if ((environment === void 0 || e.environment === environment) && (digest === void 0 || e.digest === digest)) yield this.load(e.id);
    }
  }
  intern(text) {
    const known = this.interned.get(text);
    if (known !== void 0) return known;
    this.interned.set(text, text);
    return text;
  }
  goLive(entry, pendingId) {
    const spans = this.spansByEnvironment.get(entry.environment) ?? [];
    this.spansByEnvironment.set(entry.environment, spans);
    const current = spans.at(-1);
    if (current && current.until === null) {
      if (current.digest === entry.digest) return;
      spans[spans.length - 1] = { ...current, until: entry.time };
    }
    spans.push({ digest: this.intern(entry.digest), environment: this.intern(entry.environment), from: entry.time, until: null, recordId: pendingId });
  }
};
function isBefore(a, b) {
  return a.length === 24 && b.length === 24 ? a < b : Date.parse(a) < Date.parse(b);
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// src/stores/ledger/file-lock.ts
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
async function withFileLock(file, what, work, options = {}) {
  const lockPath = `${file}.lock`;
  const waitMs = options.waitMs ?? 3e4;
  const staleMs = options.staleMs ?? 1e4;
  const deadline = Date.now() + waitMs;
  const token = `${process.pid} ${randomUUID()}
`;
  let delay = 2;
  for (; ; ) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, token);
      fs.closeSync(fd);
      break;
    } catch (error) {
      const code = error.code;
      if (code !== "EEXIST") {
        throw new SealError(`${what}: cannot create the lock file ${quote(lockPath)} (${code ?? String(error)}). Make its directory writable.`);
      }
      if (await breakIfStale(lockPath, staleMs, options)) continue;
      if (Date.now() > deadline) {
        throw new SealError(
          `${what}: ${quote(lockPath)} has been locked by another process for over ${Math.round(waitMs / 1e3)} s. If no other artifact-seal is running, delete that file.`
        );
      }
      await new Promise((resolve2) => setTimeout(resolve2, delay + Math.random() * delay));
      delay = Math.min(delay * 2, 100);
    }
  }
  try {
    return await work();
  } finally {
    releaseIfOurs(lockPath, token);
  }
}
async function breakIfStale(lockPath, staleMs, options) {
  const judged = staleLock(lockPath, staleMs);
  if (judged === null) return false;
  await options.beforeBreaking?.();
  const breakPath = `${lockPath}.break`;
  try {
    fs.closeSync(fs.openSync(breakPath, "wx"));
  } catch {
    try {
      if (Date.now() - fs.statSync(breakPath).mtimeMs > staleMs) fs.rmSync(breakPath, { force: true });
    } catch {
    }
    return false;
  }
  try {
    const now = staleLock(lockPath, staleMs);
    if (now === null || now.ino !== judged.ino || now.content !== judged.content) return false;
    fs.rmSync(lockPath, { force: true });
    return true;
  } finally {
    fs.rmSync(breakPath, { force: true });
  }
}
function staleLock(lockPath, staleMs) {
  try {
    const content = fs.readFileSync(lockPath, "utf8");
    const stat = fs.statSync(lockPath);
    const pid = Number(content.split(" ")[0]?.trim());
    if (Date.now() - stat.mtimeMs < staleMs) return null;
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return null;
    return { ino: stat.ino, content };
  } catch {
    return null;
  }
}
function releaseIfOurs(lockPath, token) {
  try {
    if (fs.readFileSync(lockPath, "utf8") === token) fs.rmSync(lockPath, { force: true });
  } catch {
  }
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/stores/ledger/line-hashes.ts
import { Worker } from "node:worker_threads";
function hashLines(input, crypto2) {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  let count = 0;
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(10, at);
    count += 1;
    at = end < 0 ? bytes.length : end + 1;
  }
  const out = new Uint8Array(count * 32);
  for (let at = 0, line = 0; at < bytes.length; line++) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    out.set(crypto2.hash("sha256", bytes.subarray(at, end), "buffer"), line * 32);
    at = end + 1;
  }
  return out;
}
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const crypto = require('node:crypto')
const hashLines = ${hashLines.toString()}
parentPort.postMessage(hashLines(new Uint8Array(workerData.buffer, workerData.offset, workerData.length), crypto))
`;
function hashLinesAside(bytes) {
  if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new Error("unreachable: hashLinesAside needs bytes in shared memory");
  return new Promise((resolve2, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length } });
    worker.once("message", (hashes) => {
      resolve2(hashes);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

// src/stores/ledger/file-ledger.ts
var FORMAT = "artifact-seal/ledger/v2";
var MAX_LEDGER_BYTES = 256 * 1024 * 1024;
var HASH_ASIDE_BYTES = 4 * 1024 * 1024;
var FileLedger = class {
  /** `inputName` names the input or option that chose the file, for error messages. */
  constructor(file, inputName, options = {}) {
    this.file = file;
    this.inputName = inputName;
    this.options = options;
    this.location = `file:${file}`;
    this.clock = options.clock ?? (() => /* @__PURE__ */ new Date());
    this.pendingTimeoutMs = options.pendingTimeoutMs ?? DEFAULT_PENDING_TIMEOUT_MS;
  }
  file;
  inputName;
  options;
  location;
  clock;
  pendingTimeoutMs;
  cached = null;
  async record(environment, decide, pendingTimeoutMs) {
    return this.locked(async (snapshot, append) => {
      const now = this.stampTime(snapshot);
      const abandoned = [];
      for (const pending of snapshot.index.pending(environment)) {
        const age = now.getTime() - Date.parse(pending.time);
        if (age < pendingTimeoutMs) continue;
        abandoned.push(
          append(
            resolutionOf(pending, "abandoned", `not confirmed within ${Math.round(pendingTimeoutMs / 6e4)} min of ${pending.time}; nothing counts it as deployed`, null, null),
            now
          )
        );
      }
      const record = await decide(viewOf(snapshot.index, now));
      return { entry: record === null ? null : append(record, now), lost: null, abandoned };
    }, this.options.create === true);
  }
  async resolve(request) {
    return this.locked(async (snapshot, append) => {
      const now = this.stampTime(snapshot);
      const pending = snapshot.index.find(request.id);
      if (pending === null) {
        throw new SealError(`${this.inputName}: ${quote(this.location)} has no record ${quote(request.id)}. Give the record-id output of the promote step that made it.`);
      }
      if (pending.outcome !== "pending") {
        throw new SealError(`${this.inputName}: record ${request.id} in ${this.location} is a ${pending.outcome} record, not a pending one; only a promotion the gate let in waits for confirmation.`);
      }
      const earlier = snapshot.index.resolutionOf(request.id);
      if (earlier !== null) {
        throw new SealError(
          `${this.inputName}: record ${request.id} (${pending.digest} in ${pending.environment}) was resolved already: ${earlier.outcome} at ${earlier.time} (record ${earlier.id}). ` + (earlier.outcome === "abandoned" ? "Promote the digest again to deploy it." : "Nothing was recorded.")
        );
      }
      const timeoutMs = this.pendingTimeoutMs;
      const age = now.getTime() - Date.parse(pending.time);
      if (request.outcome === "confirmed" && age >= timeoutMs) {
        throw new SealError(
          `${this.inputName}: record ${request.id} (${pending.digest} in ${pending.environment}) was let in at ${pending.time}, ${Math.round(age / 6e4)} minutes ago: longer than a pending record waits for its confirmation (${Math.round(timeoutMs / 6e4)} minutes), so it counts as abandoned. Promote the digest again to deploy it.`
        );
      }
      const veto = snapshot.index.veto(pending.digest);
      if (request.outcome === "confirmed" && veto !== null) {
        const reason = `${pending.digest} was vetoed at ${veto.time} (record ${veto.id}: ${veto.reason ?? "no reason given"}) before its deployment was confirmed; it is not live. Roll ${pending.environment} back.`;
        return append(resolutionOf(pending, "failed", reason, request.runUrl, request.actor), now);
      }
      const outcome = request.outcome === "confirmed" ? confirmedOutcome(pending.mode) : request.outcome;
      return append(resolutionOf(pending, outcome, request.reason, request.runUrl, request.actor), now);
    });
  }
  async live(environment) {
    return (await this.snapshot()).index.live(environment);
  }
  async spans(digest, environment) {
    return (await this.snapshot()).index.spans(digest, environment);
  }
  async veto(digest) {
    return (await this.snapshot()).index.veto(digest);
  }
  async *previouslyLive(environment) {
    yield* (await this.snapshot()).index.previouslyLive(environment);
  }
  /** Pending records still waiting: one past the timeout can no longer be confirmed, and the next gate abandons it. */
  async pending(environment) {
    const snapshot = await this.snapshot();
    const now = this.stampTime(snapshot).getTime();
    return snapshot.index.pending(environment).filter((p) => now - Date.parse(p.time) < this.pendingTimeoutMs);
  }
  async *entries(filter = {}) {
    yield* (await this.snapshot()).index.entries(filter);
  }
  async now() {
    return this.stampTime(await this.snapshot());
  }
  /** Writes the first line of a new ledger; an existing ledger is an error, never overwritten. */
  async init() {
    this.makeDirectory();
    return withFileLock(this.file, `${this.inputName}: ${quote(this.location)}`, () => {
      if (fs2.existsSync(this.file)) {
        throw new SealError(`${this.inputName}: ${quote(this.location)} exists already; a ledger is created once. Use it as it is, or give another path.`);
      }
      return this.writeGenesis();
    }, this.options.lock);
  }
  /**
   * Throws the "cannot be written" error now, before anything is decided, when the file
   * or the first of its directories that exists is not writable.
   */
  assertWritable() {
    let target = this.file;
    while (!fs2.existsSync(target)) {
      const parent = path.dirname(target);
      if (parent === target) break;
      target = parent;
    }
    try {
      if (target !== this.file && !fs2.statSync(target).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
      fs2.accessSync(target, fs2.constants.W_OK);
    } catch (error) {
      throw this.unwritable(error);
    }
    if (target !== this.file && !this.options.create) throw this.missing();
  }
  /**
   * Checks the chain from the first line to the last, and, given the head kept from an
   * earlier check, that the file still holds that line: a cut or rewritten tail is reported.
   */
  verifyChain(pinned) {
    const snapshot = this.read(pinned !== void 0);
    const problems = [...snapshot.problems];
    if (pinned !== void 0 && snapshot.hashes !== null) {
      const hash2 = typeof pinned === "string" ? pinned : pinned.hash;
      const at = snapshot.hashes.indexOf(hash2);
      const seq = typeof pinned === "string" ? null : pinned.seq;
      if (at < 0) {
        problems.push({
          line: snapshot.head.seq,
          problem: `no line hashes to the pinned head ${hash2}${seq === null ? "" : ` (line ${seq})`}: the ledger was cut short or rewritten at or before that line`
        });
      } else if (seq !== null && at + 1 !== seq) {
        problems.push({ line: at + 1, problem: `the pinned head ${hash2} is line ${at + 1}, not line ${seq}` });
      }
    }
    return { count: snapshot.index.size, head: snapshot.head, problems };
  }
  /** Runs `work` under the lock with a fresh, checked read of the file, and appends what it asks to, all in one write. */
  async locked(work, create = false) {
    this.makeDirectory();
    return withFileLock(
      this.file,
      `${this.inputName}: ${quote(this.location)}`,
      async () => {
        if (create && !fs2.existsSync(this.file)) this.writeGenesis();
        const snapshot = await this.snapshot();
        this.cached = null;
        let seq = snapshot.head.seq;
        let prevHash = snapshot.head.hash;
        const lines = [];
        const append = (record, time) => {
          seq += 1;
          const line = { format: FORMAT, seq, prev: prevHash, record: { ...record, time: time.toISOString() } };
          const text = JSON.stringify(line);
          const entry = toEntry(line);
          snapshot.appended.set(entry.id, entry);
          const problem = snapshot.index.add(entry);
          if (problem !== null) throw new Error(`unreachable: a record the ledger wrote cannot follow the ones before: ${problem}`);
          lines.push(text);
          prevHash = sha256(text);
          return entry;
        };
        const result = await work(snapshot, append);
        if (lines.length > 0) {
          const added = Buffer.from(lines.map((l) => `${l}
`).join(""));
          this.appendBytes(added);
          for (let i = 0, at = snapshot.bytes.length; i < lines.length; i++) {
            at += Buffer.byteLength(lines[i]) + 1;
            snapshot.starts.push(at);
          }
          snapshot.bytes = Buffer.concat([snapshot.bytes, added]);
          snapshot.appended.clear();
          snapshot.head = { seq, hash: prevHash };
          snapshot.stamp = this.stampOf();
        }
        this.cached = snapshot;
        return result;
      },
      this.options.lock
    );
  }
  /** The clock's time, refused when it is behind the last record: records are in time order. */
  stampTime(snapshot) {
    const now = this.clock();
    const last = snapshot.index.last;
    if (last !== null && now.getTime() < Date.parse(last.time)) {
      throw new SealError(
        `${this.location}: the last record (${last.id}) is dated ${last.time}, after this machine's clock (${now.toISOString()}). Either the clock is behind or the record was written by a clock ahead; soak times would be wrong, so nothing is decided (fail closed). Set the clock right (NTP), then run again.`
      );
    }
    return now;
  }
  /** The checked read of the file, reused while the file is unchanged; a broken chain is an error. */
  async snapshot() {
    const stamp = this.stampOf();
    const snapshot = this.cached !== null && this.cached.stamp === stamp ? this.cached : await this.readAside();
    this.cached = snapshot;
    if (snapshot.problems.length > 0) {
      const first = snapshot.problems[0];
      throw new SealError(
        `The ledger ${this.location} cannot be trusted: line ${first.line}: ${first.problem}` + (snapshot.problems.length > 1 ? ` (and ${snapshot.problems.length - 1} more problems)` : "") + `. Nothing is promoted from a damaged ledger. Run "artifact-seal ledger verify --ledger ${this.location}" and restore the file from a backup.`
      );
    }
    return snapshot;
  }
  /** What tells one version of the file from another without reading it. */
  stampOf() {
    try {
      const s = fs2.statSync(this.file, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return "missing";
    }
  }
  /** A checked read on this thread alone: for `ledger verify`, which may keep every line's hash. */
  read(keepHashes = false) {
    const stamp = this.stampOf();
    if (stamp === "missing" && this.options.create) return this.emptySnapshot(stamp);
    const bytes = this.readBytes(false);
    const parsed = this.parse(stamp, bytes);
    return this.finish(parsed, hashLines(bytes, crypto), keepHashes);
  }
  /**
   * A checked read for the gate: a long ledger's lines are hashed on a worker thread while
   * this one parses them, since both cost about the same and a promotion waits for both.
   */
  async readAside() {
    const stamp = this.stampOf();
    if (stamp === "missing") {
      if (this.options.create) return this.emptySnapshot(stamp);
      throw this.missing();
    }
    const aside = Number(stamp.split(":")[2]) >= HASH_ASIDE_BYTES;
    const bytes = this.readBytes(aside);
    const hashes = aside ? hashLinesAside(bytes) : null;
    const parsed = this.parse(stamp, bytes);
    return this.finish(parsed, hashes === null ? hashLines(bytes, crypto) : await hashes, false);
  }
  emptySnapshot(stamp) {
    const snapshot = {
      stamp,
      index: new LedgerIndex((id) => this.load(snapshot, id)),
      head: { seq: 0, hash: sha256("") },
      bytes: Buffer.alloc(0),
      starts: [0, 0],
      appended: /* @__PURE__ */ new Map(),
      hashes: null,
      problems: []
    };
    return snapshot;
  }
  /** Parses and indexes every line, noting the hash each claims for the line before it. */
  parse(stamp, bytes) {
    const snapshot = this.emptySnapshot(stamp);
    snapshot.bytes = bytes;
    const problems = snapshot.problems;
    const prevs = [null, null];
    if (bytes.length === 0) {
      problems.push({ line: 1, problem: 'the file is empty, but a ledger always begins with the line "artifact-seal ledger init" writes: it was emptied' });
      return { snapshot, prevs };
    }
    const now = this.clock().toISOString();
    let start = 0;
    let number = 0;
    while (start < bytes.length) {
      number += 1;
      let end = bytes.indexOf(10, start);
      if (end < 0) {
        problems.push({ line: number, problem: "the last line is incomplete (no newline): a write was cut short or the file was edited" });
        end = bytes.length;
      }
      snapshot.starts[number] = start;
      const raw = bytes.toString("utf8", start, end);
      start = end + 1;
      snapshot.starts[number + 1] = start;
      const problem = number === 1 ? checkGenesis(raw) : this.addLine(raw, number, snapshot.index, now, prevs);
      if (problem !== null) problems.push({ line: number, problem });
    }
    snapshot.head = { seq: number, hash: sha256("") };
    return { snapshot, prevs };
  }
  /** Checks that each line names the hash of the line before it, now that every hash is known. */
  finish({ snapshot, prevs }, hashes, keepHashes) {
    const count = hashes.length / 32;
    const hex = (line) => `sha256:${Buffer.from(hashes.buffer, hashes.byteOffset + (line - 1) * 32, 32).toString("hex")}`;
    const problems = snapshot.problems;
    const breaks = /* @__PURE__ */ new Set();
    for (let line = 2; line <= count; line++) {
      const claimed = prevs[line];
      if (claimed === void 0 || claimed === null) continue;
      const expected = hex(line - 1);
      if (claimed !== expected) {
        const problem = { line, problem: `it does not follow line ${line - 1} (hash ${claimed}, expected ${expected}): the line before it was edited, deleted or moved` };
        breaks.add(problem);
        problems.push(problem);
      }
    }
    problems.sort((a, b) => a.line - b.line || Number(breaks.has(b)) - Number(breaks.has(a)));
    if (count > 0) snapshot.head = { seq: count, hash: hex(count) };
    if (keepHashes) return { ...snapshot, hashes: Array.from({ length: count }, (_, i) => hex(i + 1)) };
    return snapshot;
  }
  /** Reads one record back whole from the bytes of a checked read, or from what this process appended. */
  load(snapshot, id) {
    const appended = snapshot.appended.get(id);
    if (appended !== void 0) return appended;
    const seq = Number(id);
    const line = snapshot.bytes.toString("utf8", snapshot.starts[seq], snapshot.starts[seq + 1] - 1);
    const value = JSON.parse(line);
    return toEntry({ ...value, record: decodeRecord(value.record, (detail) => {
      throw new Error(`unreachable: line ${seq} was checked, yet ${detail}`);
    }) });
  }
  /** Checks one record line against the chain and adds it to the index; the problem, or null. */
  addLine(raw, number, index, now, prevs) {
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      return "it is not JSON";
    }
    if (value === null || typeof value !== "object" || value.format !== FORMAT) return notOurs(value);
    if (value.seq !== number) return `its number is ${JSON.stringify(value.seq)}, expected ${number}: a line was deleted or moved`;
    prevs[number] = typeof value.prev === "string" ? value.prev : String(value.prev);
    let record;
    try {
      record = decodeRecord(value.record, (detail) => {
        throw new Error(detail);
      });
    } catch (error) {
      return error.message;
    }
    if (isAfter(record.time, now)) {
      return `it is dated ${record.time}, after this machine's clock (${now}): this clock is behind, a clock ahead wrote it, or it was edited; a soak measured from it would be wrong, so set the clock right (NTP) and check the line`;
    }
    return index.add({ ...record, id: String(number), url: null });
  }
  /** The whole file; in shared memory when a worker thread is to hash it too. */
  readBytes(shared) {
    let fd;
    try {
      fd = fs2.openSync(this.file, "r");
    } catch (error) {
      if (error.code === "ENOENT") throw this.missing();
      throw this.unreadable(error);
    }
    try {
      const stat = fs2.fstatSync(fd);
      if (!stat.isFile()) {
        throw new SealError(`${this.inputName}: ${quote(this.location)} is not a regular file, so it cannot be a ledger. Give the path of the ledger's .jsonl file.`);
      }
      if (stat.size > MAX_LEDGER_BYTES) {
        throw new SealError(
          `${this.inputName}: the ledger ${quote(this.location)} is ${stat.size} bytes, over the ${MAX_LEDGER_BYTES / 1024 / 1024} MiB artifact-seal reads. Keep it (it is the history) and start a new ledger for new promotions, or use the github ledger.`
        );
      }
      const buffer = shared ? Buffer.from(new SharedArrayBuffer(stat.size)) : Buffer.allocUnsafe(stat.size);
      let at = 0;
      while (at < buffer.length) {
        const n = fs2.readSync(fd, buffer, at, buffer.length - at, at);
        if (n === 0) break;
        at += n;
      }
      return buffer.subarray(0, at);
    } catch (error) {
      if (error instanceof SealError) throw error;
      throw this.unreadable(error);
    } finally {
      fs2.closeSync(fd);
    }
  }
  writeGenesis() {
    const genesis = { format: FORMAT, seq: 1, prev: null, created: { time: this.clock().toISOString(), id: crypto.randomUUID() } };
    const text = JSON.stringify(genesis);
    this.appendBytes(Buffer.from(`${text}
`), "wx");
    this.cached = null;
    return { seq: 1, hash: sha256(text) };
  }
  appendBytes(bytes, flags = "a") {
    let fd;
    try {
      fd = fs2.openSync(this.file, flags);
      fs2.writeSync(fd, bytes);
      fs2.fsyncSync(fd);
    } catch (error) {
      throw this.unwritable(error);
    } finally {
      if (fd !== void 0) fs2.closeSync(fd);
    }
  }
  makeDirectory() {
    try {
      fs2.mkdirSync(path.dirname(this.file), { recursive: true });
    } catch (error) {
      throw this.unwritable(error);
    }
  }
  missing() {
    return new SealError(
      `${this.inputName}: the ledger ${quote(this.location)} does not exist. A missing ledger is never read as an empty one (a deleted ledger would forget its vetoes): if this is the first promotion, create it with "artifact-seal ledger init --ledger ${this.location}" or the promote input "create-ledger: true"; otherwise restore the file.`
    );
  }
  unreadable(error) {
    return new SealError(
      `${this.inputName}: the ledger ${quote(this.location)} cannot be read (${error.code ?? String(error)}). Nothing is promoted without it; make the file readable.`
    );
  }
  unwritable(error) {
    const code = error.code ?? String(error);
    const why = code === "EEXIST" || code === "ENOTDIR" ? `a part of ${quote(path.dirname(this.file))} is a file, not a directory` : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : code;
    return new SealError(
      `${this.inputName}: the ledger ${quote(this.location)} cannot be written (${why}). Give a path in a writable directory, such as "file:.artifact-seal/ledger.jsonl". Nothing was recorded.`
    );
  }
};
function viewOf(index, now) {
  return {
    live: async (environment) => index.live(environment),
    spans: async (digest, environment) => index.spans(digest, environment),
    veto: async (digest) => index.veto(digest),
    previouslyLive: async function* (environment) {
      yield* index.previouslyLive(environment);
    },
    pending: async (environment) => index.pending(environment),
    entries: async function* (filter) {
      yield* index.entries(filter);
    },
    now: async () => now
  };
}
function resolutionOf(pending, outcome, reason, runUrl, actor) {
  return {
    digest: pending.digest,
    name: pending.name,
    environment: pending.environment,
    outcome,
    mode: pending.mode,
    runUrl,
    actor,
    sealedBy: pending.sealedBy,
    previousDigest: pending.previousDigest,
    reason,
    environmentUrl: pending.environmentUrl,
    artifact: pending.artifact,
    resolves: pending.id,
    key: crypto.randomUUID()
  };
}
function checkGenesis(raw) {
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    return "it is not JSON";
  }
  if (value === null || typeof value !== "object" || value.format !== FORMAT) return notOurs(value);
  if (value.seq !== 1 || value.prev !== null || typeof value.created?.time !== "string" || typeof value.created.id !== "string") {
    return 'it is not the first line of a ledger ("created", seq 1, no prev): the lines before it were deleted';
  }
  return null;
}
function notOurs(value) {
  const format = value?.format;
  if (typeof format === "string" && /^artifact-seal\/ledger\/v\d+$/.test(format)) {
    return `it is in the ledger format ${format}; this artifact-seal reads ${FORMAT}. Use the artifact-seal version that wrote it, or start a new ledger`;
  }
  return `it is not an artifact-seal ledger line (format ${JSON.stringify(format)})`;
}
function toEntry(line) {
  return { ...line.record, id: String(line.seq), url: null };
}
function sha256(data) {
  return `sha256:${crypto.hash("sha256", data, "hex")}`;
}
function isAfter(a, b) {
  return a.length === 24 && b.length === 24 ? a > b : Date.parse(a) > Date.parse(b);
}

// src/app/open-ledger.ts
async function openLedger(location, access, env) {
  if (location.kind === "file") {
    const ledger = new FileLedger(location.file, access.ledgerInput, { create: access.create === true });
    if (access.forWriting) ledger.assertWritable();
    return ledger;
  }
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) {
    throw new SealError(`${access.ledgerInput}: "github" needs GITHUB_REPOSITORY (owner/name) to know whose deployments to use; set it, or use a file ledger.`);
  }
  const { GitHubDeploymentsLedger } = await import("./github-deployments-DQTK7YXR.js");
  return new GitHubDeploymentsLedger({
    token: access.token,
    repository,
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    ref: env.GITHUB_SHA || "",
    tokenInput: access.tokenInput
  });
}

// src/app/ledger-location.ts
import * as path2 from "node:path";
var DEFAULT_FILE_LEDGER = ".artifact-seal/ledger.jsonl";
function parseLedgerLocation(value, inputName, baseDir) {
  const v = value.trim();
  if (v === "github") return { kind: "github" };
  if (v.startsWith("file:") && v.length > "file:".length) return { kind: "file", file: path2.resolve(baseDir, v.slice("file:".length)) };
  throw new SealError(
    `${inputName}: ${quote(value)} is not a ledger. Give "github" (the repository's Deployments, needs permissions: deployments: write) or "file:<path>", such as "file:${DEFAULT_FILE_LEDGER}".`
  );
}

export {
  FileLedger,
  openLedger,
  DEFAULT_FILE_LEDGER,
  parseLedgerLocation
};
