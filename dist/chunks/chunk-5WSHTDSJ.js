import {
  confirmationChanged,
  decodeRecord,
  needsLiveContract,
  wrongEnvironment
} from "./chunk-OQ72UPIU.js";
import {
  besideLedger,
  readCheckpoint
} from "./chunk-PEENHNVN.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  OUTCOMES,
  RESOLUTIONS,
  confirmedOutcome,
  describeService,
  isEarlier,
  makesLive,
  serviceOf
} from "./chunk-7EN7PEUO.js";
import {
  Worker
} from "./chunk-ZZJVUA5H.js";
import {
  STATEMENT_TYPE
} from "./chunk-X5XFE3KV.js";
import {
  requireValue
} from "./chunk-W4A42O6W.js";
import {
  apiUrlOf,
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  digestFromHex,
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
  spawnSync
} from "./chunk-PEFIDIUF.js";
import {
  hostname,
  tmpdir
} from "./chunk-M6ACESL2.js";
import {
  hash,
  node_crypto_exports,
  randomBytes,
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  basename,
  dirname,
  join,
  posix,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from "./chunk-KUE42OYI.js";
import {
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:buffer
var builtin = __require("node:buffer");
var { Buffer: Buffer2, SlowBuffer, transcode, isUtf8, isAscii, kMaxLength, kStringMaxLength, btoa, atob, constants: constants2, Blob, resolveObjectURL, File } = builtin;

// src/core/promotion/ledger-index.ts
var LedgerIndex = class {
  /** `load` reads one record back whole, by id, for the queries that return records. */
  constructor(load) {
    this.load = load;
  }
  load;
  spansByEnvironment = /* @__PURE__ */ new Map();
  /** Each environment's service whose deployment was confirmed last. */
  lastLive = /* @__PURE__ */ new Map();
  vetoes = /* @__PURE__ */ new Map();
  unresolved = /* @__PURE__ */ new Map();
  /** What each record is, kept small: a long ledger's whole records are read back on demand with `load`. */
  byDigest = /* @__PURE__ */ new Map();
  all = [];
  /** The same text once: an environment or a service named by many records is kept once (a digest, by byDigest). */
  environments = /* @__PURE__ */ new Map();
  byId = null;
  lastRecord = null;
  lastTime = "";
  /**
   * Adds the next record, or says why it cannot follow the ones before: a resolution must
   * close a pending record of the same digest, environment and service that is still open, a record
   * may not be dated before the one before it, and a vetoed digest never becomes live.
   */
  add(entry) {
    if (this.lastRecord !== null && isEarlier(entry.time, this.lastTime)) {
      return `it is dated ${entry.time}, before the record before it (${this.lastTime}): records are written in time order, so a clock went back or the line was edited`;
    }
    if (RESOLUTIONS.includes(entry.outcome)) {
      const pending = entry.resolves === null ? void 0 : this.unresolved.get(entry.resolves);
      if (pending === void 0) {
        const known = entry.resolves === null ? void 0 : this.byIdNow().get(entry.resolves);
        return known === void 0 ? `it resolves record ${entry.resolves}, which does not come before it` : `it resolves record ${entry.resolves}, which is ${known.outcome === "pending" ? "resolved already" : `a ${known.outcome} record, not a pending one`}`;
      }
      if (pending.digest !== entry.digest || pending.environment !== entry.environment) {
        return `it resolves record ${pending.id} (${pending.digest} in ${pending.environment}) but names ${entry.digest} in ${entry.environment}`;
      }
      if (pending.service !== entry.service) {
        return `it resolves record ${pending.id} of ${describeService(pending.service)} but belongs to ${describeService(entry.service)}`;
      }
      if (makesLive(entry.outcome) && this.vetoes.has(entry.digest))
        return `it makes ${entry.digest} live after its veto (record ${this.vetoes.get(entry.digest)?.id})`;
      this.unresolved.delete(pending.id);
      if (makesLive(entry.outcome)) this.goLive(entry, pending.id);
    }
    let ofDigest = this.byDigest.get(entry.digest);
    if (ofDigest === void 0) {
      ofDigest = [];
      this.byDigest.set(ownCopy(entry.digest), ofDigest);
    }
    const indexed = {
      id: entry.id,
      digest: ofDigest[0]?.digest ?? ownCopy(entry.digest),
      environment: this.interned(entry.environment),
      service: entry.service === null ? null : this.interned(entry.service),
      outcome: OUTCOME_TEXT[entry.outcome],
      resolves: entry.resolves
    };
    this.lastRecord = indexed;
    this.lastTime = entry.time;
    if (entry.outcome === "pending") this.unresolved.set(entry.id, indexed);
    else if (entry.outcome === "vetoed" && !this.vetoes.has(indexed.digest))
      this.vetoes.set(indexed.digest, indexed);
    this.all.push(indexed);
    this.byId?.set(entry.id, indexed);
    ofDigest.push(indexed);
    return null;
  }
  /**
   * Records by id, made when first asked for (confirming a record, a record that cannot
   * follow), then kept up to date: a long ledger read by a gate never needs it.
   */
  byIdNow() {
    this.byId ??= new Map(this.all.map((e) => [e.id, e]));
    return this.byId;
  }
  get size() {
    return this.all.length;
  }
  /** The last record's id and time. */
  get last() {
    return this.lastRecord === null ? null : { id: this.lastRecord.id, time: this.lastTime };
  }
  live(environment, service) {
    const last = this.spansOf(environment, service).at(-1);
    return last && last.until === null ? last : null;
  }
  spans(digest, environment, service) {
    return this.spansOf(environment, service).filter((s) => s.digest === digest);
  }
  /** The service whose deployment to the environment was confirmed last, and what it runs; null when none ever was. */
  newest(environment) {
    if (!this.lastLive.has(environment)) return null;
    const service = this.lastLive.get(environment);
    const live = this.live(environment, service);
    return live === null ? null : { service, live };
  }
  /** The services whose deployment to the environment was ever let in or confirmed, in the order they first were. */
  services(environment) {
    const seen = new Set(this.spansByEnvironment.get(environment)?.keys() ?? []);
    for (const e of this.unresolved.values()) if (e.environment === environment) seen.add(e.service);
    return [...seen];
  }
  veto(digest) {
    const veto = this.vetoes.get(digest);
    return veto === void 0 ? null : this.load(veto.id);
  }
  /** Digests of the service live before the current one, newest first, each once with its latest stretch. */
  previouslyLive(environment, service) {
    const spans = this.spansOf(environment, service);
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
  /**
   * The environment's pending records that nothing has resolved, oldest first: of one service, or
   * of every one when none is given.
   */
  pending(environment, service) {
    return [...this.unresolved.values()].filter(
      (e) => e.environment === environment && (service === void 0 || e.service === service)
    ).map((e) => this.load(e.id));
  }
  find(id) {
    return this.byIdNow().has(id) ? this.load(id) : null;
  }
  /** The record that resolved a pending record, or null while it is open. */
  resolutionOf(id) {
    const pending = this.byIdNow().get(id);
    const resolution = pending === void 0 ? void 0 : this.byDigest.get(pending.digest)?.find((e) => e.resolves === id);
    return resolution === void 0 ? null : this.load(resolution.id);
  }
  /**
   * Records, newest first, optionally only one environment's, one digest's or one service's, each
   * read back as it is reached.
   */
  *entries(filter = {}) {
    const { environment, digest, service } = filter;
    const source = digest !== void 0 ? this.byDigest.get(digest) ?? [] : this.all;
    for (let i = source.length - 1; i >= 0; i--) {
      const e = source[i];
      if ((environment === void 0 || e.environment === environment) && (digest === void 0 || e.digest === digest) && (service === void 0 || e.service === service)) {
        yield this.load(e.id);
      }
    }
  }
  spansOf(environment, service) {
    return this.spansByEnvironment.get(environment)?.get(service) ?? [];
  }
  interned(name) {
    const known = this.environments.get(name);
    if (known !== void 0) return known;
    const own = ownCopy(name);
    this.environments.set(own, own);
    return own;
  }
  goLive(entry, pendingId) {
    let services = this.spansByEnvironment.get(entry.environment);
    if (services === void 0) {
      services = /* @__PURE__ */ new Map();
      this.spansByEnvironment.set(this.interned(entry.environment), services);
    }
    const service = entry.service === null ? null : this.interned(entry.service);
    const spans = services.get(service) ?? [];
    services.set(service, spans);
    this.lastLive.set(this.interned(entry.environment), service);
    const current = spans.at(-1);
    if (current && current.until === null) {
      if (current.digest === entry.digest) return;
      spans[spans.length - 1] = { ...current, until: ownCopy(entry.time) };
    }
    const digest = this.byDigest.get(entry.digest)?.[0]?.digest ?? ownCopy(entry.digest);
    spans.push({
      digest,
      environment: this.interned(entry.environment),
      from: ownCopy(entry.time),
      until: null,
      recordId: pendingId
    });
  }
};
function ownCopy(text) {
  return Buffer.from(text, "utf8").toString("utf8");
}
var OUTCOME_TEXT = Object.fromEntries(OUTCOMES.map((o) => [o, o]));

// src/stores/ledger/file-lock.ts
import { setTimeout as sleepFor } from "node:timers/promises";
var DEFAULT_LEASE_MS = 3e4;
var LOCK_FORMAT = "artifact-seal/lock/v1";
async function withFileLock(file, what, work, options = {}) {
  const lockPath = `${file}.lock`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const renewMs = options.renewMs ?? leaseMs / 6;
  const waitMs = options.waitMs ?? 3 * leaseMs;
  const clock = options.clock ?? (() => performance.now());
  const host = options.host === void 0 ? hostIdentity() : options.host;
  const deadline = clock() + waitMs;
  const token = randomUUID();
  const watching = { lock: new Sighting(), breaking: new Sighting() };
  let delay = 2;
  let fd = createLock(lockPath, what);
  while (fd === null) {
    const seen = readLock(lockPath);
    if (seen !== null) {
      options.onBusy?.(seen.holder);
      const now2 = clock();
      watching.lock.see(seen.key, now2);
      const lease = Math.max(leaseMs, seen.holder?.leaseMs ?? 0);
      const stale = goneFromThisHost(seen.holder, host) || watching.lock.unchangedFor(now2) >= lease;
      const broken = stale && await breakStale(lockPath, seen, leaseMs, clock, watching.breaking, options);
      if (!broken) {
        if (now2 > deadline) throw waitedTooLong(what, lockPath, waitMs, seen.holder);
        await sleepFor(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 100);
      }
    }
    fd = createLock(lockPath, what);
  }
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const holder = {
    format: LOCK_FORMAT,
    token,
    host,
    hostname: hostname(),
    pid: process.pid,
    leaseMs,
    acquired: now,
    renewed: now,
    renewals: 0
  };
  try {
    writeHolder(fd, holder);
  } catch (error) {
    closeSync(fd);
    rmSync(lockPath, { force: true });
    const code = error.code ?? String(error);
    throw new SealError(
      "unreadable",
      `${what}: cannot write the lock file ${quote(lockPath)} (${code}). Make its directory writable.`
    );
  }
  const stop = new AbortController();
  const renewal = { lost: null };
  const renewing = renew(fd, holder, renewMs, options, stop.signal, renewal);
  const lock = {
    assertHeld: (consequence) => {
      options.onCheck?.();
      const problem = renewal.lost ?? notOurs(lockPath, token);
      if (problem !== null) {
        throw new SealError(
          "conflict",
          `${what}: this process no longer holds the lock ${quote(lockPath)}: ${problem}. Its lease (${leaseMs / 1e3} s) ran out while it was paused, or its renewals could not be written, so another process could take it. ${consequence}`
        );
      }
    }
  };
  try {
    return await work(lock);
  } finally {
    stop.abort();
    await renewing;
    closeSync(fd);
    releaseIfOurs(lockPath, token);
  }
}
function hostIdentity() {
  if (ownHost !== void 0) return ownHost;
  try {
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const namespace = readlinkSync("/proc/self/ns/pid");
    ownHost = /^[0-9a-f-]{36}$/.test(boot) && /^pid:\[\d+\]$/.test(namespace) ? `${boot} ${namespace}` : null;
  } catch {
    ownHost = null;
  }
  return ownHost;
}
var ownHost;
function createLock(lockPath, what) {
  try {
    return openSync(lockPath, "wx");
  } catch (error) {
    const code = error.code;
    if (code === "EEXIST") return null;
    throw new SealError(
      "unreadable",
      `${what}: cannot create the lock file ${quote(lockPath)} (${code ?? String(error)}). Make its directory writable.`
    );
  }
}
async function renew(fd, holder, renewMs, options, stop, renewal) {
  const sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, void 0, { signal, ref: false }));
  for (let renewals = 1; ; renewals++) {
    try {
      await sleep(renewMs, stop);
    } catch {
      return;
    }
    if (stop.aborted) return;
    try {
      writeHolder(fd, { ...holder, renewed: (/* @__PURE__ */ new Date()).toISOString(), renewals });
    } catch (error) {
      renewal.lost = `a renewal failed (${error.code ?? String(error)})`;
      return;
    }
    options.onRenew?.(renewals);
  }
}
function writeHolder(fd, holder) {
  const bytes = Buffer.from(`${JSON.stringify(holder)}
`);
  writeSync(fd, bytes, 0, bytes.length, 0);
  ftruncateSync(fd, bytes.length);
  fdatasyncSync(fd);
}
function readLock(lockPath) {
  let fd;
  try {
    fd = openSync(lockPath, "r");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") return null;
    return { key: `unreadable ${code}`, holder: null, unreadable: code ?? String(error) };
  }
  try {
    const ino = fstatSync(fd).ino;
    const content = readFileSync(fd, "utf8");
    return { key: `${ino} ${content}`, holder: parseHolder(content), unreadable: null };
  } catch (error) {
    const code = error.code ?? String(error);
    return { key: `unreadable ${code}`, holder: null, unreadable: code };
  } finally {
    closeSync(fd);
  }
}
function parseHolder(content) {
  let value;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || value.format !== LOCK_FORMAT) return null;
  const { token, host, hostname: hostname2, pid, leaseMs, acquired, renewed, renewals } = value;
  if (typeof token !== "string" || typeof hostname2 !== "string") return null;
  if (host !== null && typeof host !== "string") return null;
  if (!Number.isSafeInteger(pid) || pid <= 0 || typeof leaseMs !== "number" || !(leaseMs > 0))
    return null;
  if (typeof acquired !== "string" || typeof renewed !== "string" || !Number.isSafeInteger(renewals))
    return null;
  return value;
}
var Sighting = class {
  key = null;
  since = 0;
  see(key, now) {
    if (key === this.key) return;
    this.key = key;
    this.since = now;
  }
  unchangedFor(now) {
    return now - this.since;
  }
};
function goneFromThisHost(holder, host) {
  return holder !== null && host !== null && holder.host === host && !isAlive(holder.pid);
}
async function breakStale(lockPath, judged, leaseMs, clock, breaking, options) {
  await options.beforeBreaking?.();
  const breakPath = `${lockPath}.break`;
  const token = `${randomUUID()}
`;
  if (!createBreakLock(breakPath, token)) {
    const left = readLock(breakPath);
    if (left !== null) {
      const now = clock();
      breaking.see(left.key, now);
      if (breaking.unchangedFor(now) >= leaseMs) removeQuietly(breakPath);
    }
    return false;
  }
  try {
    if (readLock(lockPath)?.key !== judged.key) return false;
    if (!removeQuietly(lockPath)) return false;
    options.onBroken?.();
    return true;
  } finally {
    releaseIfOurs(breakPath, token);
  }
}
function createBreakLock(breakPath, token) {
  let fd;
  try {
    fd = openSync(breakPath, "wx");
  } catch {
    return false;
  }
  try {
    writeSync(fd, token);
    return true;
  } catch {
    removeQuietly(breakPath);
    return false;
  } finally {
    closeSync(fd);
  }
}
function removeQuietly(path) {
  try {
    rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}
function notOurs(lockPath, token) {
  const seen = readLock(lockPath);
  if (seen === null) return "the lock file is gone";
  if (seen.unreadable !== null) return `the lock file cannot be read (${seen.unreadable})`;
  if (seen.holder?.token === token) return null;
  return `it is now held by ${describe(seen.holder)}`;
}
function releaseIfOurs(path, token) {
  try {
    const content = readFileSync(path, "utf8");
    if (content === token || parseHolder(content)?.token === token) rmSync(path, { force: true });
  } catch {
  }
}
function waitedTooLong(what, lockPath, waitMs, holder) {
  return new SealError(
    "conflict",
    `${what}: ${quote(lockPath)} has been locked by ${describe(holder)} for over ${Math.round(waitMs / 1e3)} s. Wait for it to finish; if no artifact-seal is running there, delete that file.`
  );
}
function describe(holder) {
  if (holder === null) return "another process (its lock file does not say which)";
  const since = `since ${quote(holder.acquired)} by its clock, renewed ${holder.renewals} times`;
  return `process ${holder.pid} on ${quote(holder.hostname)} (${since})`;
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/stores/ledger/line-fields.ts
var PREFIX = '{"format":"artifact-seal/ledger/v2","seq":';
var DIGEST = /^sha256:[0-9a-f]{64}$/;
var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
var ID = /^[1-9][0-9]*$/;
function lineFields(text, from = 0, to = text.length) {
  if (!text.startsWith(PREFIX, from) || text.charCodeAt(to - 1) !== 125 || text.charCodeAt(to - 2) !== 125)
    return null;
  const seqEnd = text.indexOf(",", from + PREFIX.length);
  if (seqEnd < 0 || seqEnd >= to) return null;
  const id = text.slice(from + PREFIX.length, seqEnd);
  if (!ID.test(id) || !text.startsWith(',"prev":"', seqEnd)) return null;
  const prevStart = seqEnd + 9;
  const prev = text.slice(prevStart, prevStart + 71);
  const at = { position: prevStart + 71, end: to };
  const digest = next(text, at, '","record":{"digest":"');
  const environment = next(text, at, '","environment":"');
  const outcome = next(text, at, '","outcome":"');
  const time = next(text, at, '","time":"');
  if (digest === null || environment === null || outcome === null || time === null || !text.startsWith('","resolves":', at.position))
    return null;
  at.position += 13;
  let resolves = null;
  if (text.startsWith("null,", at.position)) {
    at.position += 4;
  } else {
    resolves = next(text, at, '"');
    if (resolves === null || !text.startsWith('",', at.position) || !ID.test(resolves)) return null;
    at.position += 1;
  }
  const key = text.startsWith(',"service":', at.position) ? ',"service":' : text.startsWith(',"name":', at.position) ? ',"name":' : null;
  if (key === null) return null;
  at.position += key.length;
  let service = null;
  if (text.startsWith("null", at.position)) {
    at.position += 4;
  } else {
    at.position -= 1;
    service = next(text, at, ':"');
    if (service === null || service === "") return null;
    at.position += 1;
  }
  if (at.position >= to || text.charCodeAt(at.position) !== 44 && text.charCodeAt(at.position) !== 125)
    return null;
  if (!DIGEST.test(digest) || environment === "" || !OUTCOMES.includes(outcome) || !TIME.test(time))
    return null;
  if (RESOLUTIONS.includes(outcome) !== (resolves !== null)) return null;
  return {
    seq: Number(id),
    id,
    prev,
    digest,
    environment,
    outcome,
    time,
    resolves,
    service
  };
}
function next(text, at, key) {
  if (!text.startsWith(key, at.position)) return null;
  const start = at.position + key.length;
  const end = text.indexOf('"', start);
  if (end < 0 || end >= at.end) return null;
  const value = text.slice(start, end);
  if (value.includes("\\")) return null;
  at.position = end;
  return value;
}
function fieldsAgree(fields, record) {
  return fields.digest === record.digest && fields.environment === record.environment && fields.outcome === record.outcome && fields.time === record.time && fields.resolves === record.resolves && fields.service === record.service;
}

// src/stores/ledger/line-hashes.ts
function hashLines(input, hashing) {
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
    out.set(
      hashing.hash("sha256", bytes.subarray(at, end), "buffer"),
      line * 32
    );
    at = end + 1;
  }
  return out;
}
function hashHere() {
  const parts = [];
  return {
    add: (chunk) => void parts.push(hashLines(chunk, node_crypto_exports)),
    done: async () => Buffer.concat(parts)
  };
}
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const crypto = require('node:crypto')
const hashLines = ${hashLines.toString()}
parentPort.on('message', (chunk) => {
  if (chunk === null) return parentPort.close()
  parentPort.postMessage(hashLines(new Uint8Array(chunk.buffer, 0, chunk.length), crypto))
})
`;
function hashAside() {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const parts = [];
  let sent = 0;
  let failure = null;
  const settled = new Promise((resolve2, reject) => {
    worker.on("message", (hashes) => {
      parts.push(hashes);
      if (parts.length === sent && finished) resolve2();
    });
    worker.once("error", (error) => {
      failure = error;
      reject(error);
    });
    worker.once(
      "exit",
      () => parts.length === sent ? resolve2() : reject(failure ?? new Error("the hashing thread stopped early"))
    );
  });
  settled.catch(() => void 0);
  let finished = false;
  return {
    add(chunk) {
      if (chunk.byteOffset !== 0)
        throw new Error("unreachable: a chunk to hash aside must start its own memory");
      sent += 1;
      worker.postMessage({ buffer: chunk.buffer, length: chunk.length }, [
        chunk.buffer
      ]);
    },
    async done() {
      finished = true;
      worker.postMessage(null);
      if (parts.length < sent) await settled;
      if (failure !== null) throw failure;
      await worker.terminate();
      return Buffer.concat(parts);
    }
  };
}

// src/stores/ledger/file-ledger.ts
var LEDGER_FORMAT = "artifact-seal/ledger/v2";
var FORMAT = LEDGER_FORMAT;
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
            resolutionOf(
              pending,
              "abandoned",
              `not confirmed within ${Math.round(pendingTimeoutMs / 6e4)} min of ${pending.time}; nothing counts it as deployed`,
              null,
              null
            ),
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
      const idName = words().caller === "cli" ? words().option("confirm") : this.inputName;
      if (pending === null) {
        throw new SealError(
          "bad-input",
          `${idName}: ${quote(this.location)} has no record ${quote(request.id)}. Give ${words().recordIdSource}.`
        );
      }
      if (pending.outcome !== "pending") {
        throw new SealError(
          "bad-input",
          `${idName}: record ${request.id} in ${this.location} is a ${pending.outcome} record, not a pending one; only a promotion the gate let in waits for confirmation.`
        );
      }
      const elsewhere = wrongEnvironment(pending, request, this.location);
      if (elsewhere !== null) throw elsewhere;
      const earlier = snapshot.index.resolutionOf(request.id);
      if (earlier !== null) {
        throw new SealError(
          "conflict",
          `${idName}: record ${request.id} (${pending.digest} in ${pending.environment}) was resolved already: ${earlier.outcome} at ${earlier.time} (record ${earlier.id}). ` + (earlier.outcome === "abandoned" ? "Promote the digest again to deploy it." : "Nothing was recorded.")
        );
      }
      const timeoutMs = this.pendingTimeoutMs;
      const age = now.getTime() - Date.parse(pending.time);
      if (request.outcome === "confirmed" && age >= timeoutMs) {
        throw new SealError(
          "refused",
          `${this.inputName}: record ${request.id} (${pending.digest} in ${pending.environment}) was let in at ${pending.time}, ${Math.round(age / 6e4)} minutes ago: longer than a pending record waits for its confirmation (${Math.round(timeoutMs / 6e4)} minutes), so it counts as abandoned. Promote the digest again to deploy it.`
        );
      }
      const veto = snapshot.index.veto(pending.digest);
      if (request.outcome === "confirmed" && veto !== null) {
        const reason = `${pending.digest} was vetoed at ${veto.time} (record ${veto.id}: ${veto.reason ?? "no reason given"}) before its deployment was confirmed; it is not live. Roll ${pending.environment} back.`;
        return append(resolutionOf(pending, "failed", reason, request.runUrl, request.actor), now);
      }
      if (request.outcome === "confirmed") {
        const index = snapshot.index;
        const live = index.live(pending.environment, serviceOf(pending));
        const liveContract = live !== null && needsLiveContract(pending) ? index.find(live.recordId)?.contract?.digest ?? null : void 0;
        const changed = confirmationChanged(pending, live, liveContract, (span) => {
          const confirmation = index.resolutionOf(span.recordId);
          return `record ${span.recordId}${confirmation === null ? "" : `, confirmed by record ${confirmation.id}`}`;
        });
        if (changed !== null)
          return append(
            resolutionOf(pending, "failed", changed, request.runUrl, request.actor),
            now
          );
      }
      const outcome = request.outcome === "confirmed" ? confirmedOutcome(pending.mode) : request.outcome;
      return append(
        resolutionOf(pending, outcome, request.reason, request.runUrl, request.actor),
        now
      );
    });
  }
  async live(environment, service) {
    return (await this.snapshot()).index.live(environment, service);
  }
  async spans(digest, environment, service) {
    return (await this.snapshot()).index.spans(digest, environment, service);
  }
  async newest(environment) {
    return (await this.snapshot()).index.newest(environment);
  }
  async services(environment) {
    return (await this.snapshot()).index.services(environment);
  }
  async veto(digest) {
    return (await this.snapshot()).index.veto(digest);
  }
  async *previouslyLive(environment, service) {
    yield* (await this.snapshot()).index.previouslyLive(environment, service);
  }
  /** Pending records still waiting: one past the timeout can no longer be confirmed, and the next gate abandons it. */
  async pending(environment, service) {
    const snapshot = await this.snapshot();
    const now = this.stampTime(snapshot).getTime();
    return snapshot.index.pending(environment, service).filter((p) => now - Date.parse(p.time) < this.pendingTimeoutMs);
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
    return withFileLock(
      this.file,
      `${this.inputName}: ${quote(this.location)}`,
      (lock) => {
        if (existsSync(this.file)) {
          throw new SealError(
            "bad-input",
            `${this.inputName}: ${quote(this.location)} exists already; a ledger is created once. Use it as it is, or give another path.`
          );
        }
        return this.writeGenesis(lock);
      },
      this.options.lock
    );
  }
  /**
   * Throws the "cannot be written" error now, before anything is decided, when the file
   * or the first of its directories that exists is not writable.
   */
  assertWritable() {
    let target = this.file;
    while (!existsSync(target)) {
      const parent = dirname(target);
      if (parent === target) break;
      target = parent;
    }
    try {
      if (target !== this.file && !statSync(target).isDirectory())
        throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw this.unwritable(error);
    }
    if (target !== this.file && !this.options.create) throw this.missing();
  }
  /**
   * Checks the chain from the first line to the last, and, given the head kept from an
   * earlier check, that the file still holds that line: a cut or rewritten tail is reported.
   */
  async verifyChain(pinned) {
    const snapshot = await this.scan(true, pinned !== void 0);
    const problems = [...snapshot.problems];
    const chained = problems.length;
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
        problems.push({
          line: at + 1,
          problem: `the pinned head ${hash2} is line ${at + 1}, not line ${seq}`
        });
      }
    }
    const identity = snapshot.lineHashes.length >= 32 ? identityOf(snapshot) : null;
    return {
      count: snapshot.index.size,
      head: snapshot.head,
      identity,
      problems,
      pinnedProblem: problems[chained] ?? null
    };
  }
  /**
   * Runs `work` under the lock with a fresh, checked read of the file, and appends what it asks to,
   * all in one write.
   */
  async locked(work, create = false) {
    this.makeDirectory();
    return withFileLock(
      this.file,
      `${this.inputName}: ${quote(this.location)}`,
      async (lock) => {
        if (create && !existsSync(this.file)) this.writeGenesis(lock);
        const snapshot = await this.snapshot();
        this.cached = null;
        let seq = snapshot.head.seq;
        let prevHash = snapshot.head.hash;
        const lines = [];
        const append = (record, time) => {
          seq += 1;
          const line = {
            format: FORMAT,
            seq,
            prev: prevHash,
            record: inWrittenOrder(record, time.toISOString())
          };
          const text = JSON.stringify(line);
          const entry = toEntry(line);
          snapshot.appended.set(entry.id, entry);
          const problem = snapshot.index.add({ ...entry, service: serviceOf(entry) });
          if (problem !== null)
            throw new Error(
              `unreachable: a record the ledger wrote cannot follow the ones before: ${problem}`
            );
          lines.push(text);
          prevHash = sha256Digest(text);
          return entry;
        };
        const result = await work(snapshot, append);
        if (lines.length > 0) {
          const checkpoint = this.options.signHead ? await this.options.signHead({ seq, hash: prevHash }, identityOf(snapshot)) : null;
          this.appendBytes(Buffer.from(lines.map((l) => `${l}
`).join("")), "a", lock);
          lock.assertHeld(
            `The records were appended while it did not hold it, so another writer may have appended at the same place: run "artifact-seal ledger verify --ledger ${this.location}" before promoting again, and restore the file from a backup if it reports damage.`
          );
          if (checkpoint !== null) this.writeCheckpoint(checkpoint);
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
        "refused",
        `${this.location}: the last record (${last.id}) is dated ${last.time}, after this machine's clock (${now.toISOString()}). Either the clock is behind or the record was written by a clock ahead; soak times would be wrong, so nothing is decided (fail closed). Set the clock right (NTP), then run again.`
      );
    }
    return now;
  }
  /** The checked read of the file, reused while the file is unchanged; a broken chain is an error. */
  async snapshot() {
    const stamp = this.stampOf();
    const snapshot = this.cached !== null && this.cached.stamp === stamp ? this.cached : await this.scan(false, false);
    this.cached = snapshot;
    const [first, ...more] = snapshot.problems;
    if (first !== void 0) throw this.damaged(first, more.length);
    return snapshot;
  }
  /** What tells one version of the file from another without reading it. */
  stampOf() {
    try {
      const s = statSync(this.file, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return "missing";
    }
  }
  emptySnapshot(stamp) {
    const snapshot = {
      stamp,
      index: new LedgerIndex((id) => this.load(snapshot, id)),
      head: { seq: 0, hash: sha256Digest("") },
      starts: [0, 0],
      lineHashes: new Uint8Array(0),
      appended: /* @__PURE__ */ new Map(),
      hashes: null,
      problems: []
    };
    return snapshot;
  }
  /**
   * Reads the file a chunk at a time: every line is hashed (here, or on a worker thread for a
   * long ledger), parsed and indexed, noting the hash it claims for the line before it; then
   * the chain is checked. `deep` parses every record whole; otherwise a line in the form the
   * ledger writes gives only the fields the index needs (`lineFields`), and the rest of it is
   * checked when the record is read back (`ledger verify` reads deep; a gate does not). A
   * long ledger's lines are hashed on a worker thread while this one reads their fields, since
   * both cost about the same and a promotion waits for both.
   */
  async scan(deep, keepHashes) {
    const stamp = this.stampOf();
    if (stamp === "missing") {
      if (this.options.create) return this.emptySnapshot(stamp);
      throw this.missing();
    }
    const snapshot = this.emptySnapshot(stamp);
    const problems = snapshot.problems;
    const prevs = new ClaimedHashes();
    const size = this.openForReading((fd, size2) => {
      const now = this.clock().toISOString();
      const hasher = !deep && size2 >= HASH_ASIDE_BYTES ? hashAside() : hashHere();
      let number = 0;
      for (const chunk of chunksOf(fd, size2)) {
        const ascii = isAscii(chunk.bytes);
        const text = chunk.bytes.toString(ascii ? "latin1" : "utf8");
        hasher.add(chunk.bytes);
        let start = 0;
        let at = chunk.offset;
        while (start < text.length) {
          number += 1;
          let end = text.indexOf("\n", start);
          if (end < 0) {
            problems.push({
              line: number,
              problem: "the last line is incomplete (no newline): a write was cut short or the file was edited"
            });
            end = text.length;
          }
          snapshot.starts[number] = at;
          at += (ascii ? end - start : Buffer.byteLength(text.slice(start, end))) + 1;
          snapshot.starts[number + 1] = at;
          const fields = deep || number === 1 ? null : lineFields(text, start, end);
          const problem = fields !== null ? addFields(fields, number, snapshot.index, now, prevs) : number === 1 ? checkGenesis(text.slice(start, end)) : this.addLine(text.slice(start, end), number, snapshot.index, now, prevs);
          if (problem !== null) problems.push({ line: number, problem });
          start = end + 1;
        }
      }
      return { hasher, count: number };
    });
    if (size.count === 0) {
      await this.hashesOf(size.hasher);
      problems.push({
        line: 1,
        problem: 'the file is empty, but a ledger always begins with the line "artifact-seal ledger init" writes: it was emptied'
      });
      return snapshot;
    }
    snapshot.lineHashes = await this.hashesOf(size.hasher);
    return this.finish(snapshot, prevs, keepHashes);
  }
  /** Every line's hash; a hashing thread that failed makes the ledger unreadable, so nothing is decided. */
  async hashesOf(hasher) {
    try {
      return await hasher.done();
    } catch (error) {
      throw this.unreadable(error);
    }
  }
  /** Checks that each line names the hash of the line before it, now that every hash is known. */
  finish(snapshot, prevs, keepHashes) {
    const hashes = Buffer.from(
      snapshot.lineHashes.buffer,
      snapshot.lineHashes.byteOffset,
      snapshot.lineHashes.length
    );
    const count = hashes.length / 32;
    const hex = (line) => digestFromHex(hashes.toString("hex", (line - 1) * 32, line * 32));
    const problems = snapshot.problems;
    const breaks = /* @__PURE__ */ new Set();
    for (let line = 2; line <= count; line++) {
      if (prevs.matches(line, hashes, (line - 2) * 32) !== false) continue;
      const problem = {
        line,
        problem: `it does not follow line ${line - 1} (hash ${prevs.text(line)}, expected ${hex(line - 1)}): the line before it was edited, deleted or moved`
      };
      breaks.add(problem);
      problems.push(problem);
    }
    problems.sort((a, b) => a.line - b.line || Number(breaks.has(b)) - Number(breaks.has(a)));
    if (count > 0) snapshot.head = { seq: count, hash: hex(count) };
    if (keepHashes)
      return { ...snapshot, hashes: Array.from({ length: count }, (_, i) => hex(i + 1)) };
    return snapshot;
  }
  /**
   * Reads one record back whole from the file, where it must still hash as it did when read, or
   * from what this process appended.
   */
  load(snapshot, id) {
    const appended = snapshot.appended.get(id);
    if (appended !== void 0) return appended;
    const seq = Number(id);
    const damaged = (problem) => {
      throw this.damaged({ line: seq, problem }, 0);
    };
    const start = snapshot.starts[seq];
    const bytes = this.openForReading((fd) => {
      const buffer = Buffer.allocUnsafe(snapshot.starts[seq + 1] - 1 - start);
      return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, start));
    });
    const expected = Buffer.from(
      snapshot.lineHashes.buffer,
      snapshot.lineHashes.byteOffset + (seq - 1) * 32,
      32
    );
    if (!hash("sha256", bytes, "buffer").equals(expected))
      return damaged("it changed since the ledger was read");
    const line = bytes.toString("utf8");
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      return damaged("it is not JSON");
    }
    const record = decodeRecord(value?.record, damaged);
    const fields = lineFields(line);
    if (fields !== null && !fieldsAgree(fields, { ...record, service: serviceOf(record) }))
      return damaged("its record does not say what its fields said when the ledger was read");
    return { ...record, id, url: null };
  }
  /** Checks one record line against the chain and adds it to the index; the problem, or null. */
  addLine(raw, number, index, now, prevs) {
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      return "it is not JSON";
    }
    if (value === null || typeof value !== "object" || value.format !== FORMAT)
      return notOurs2(value);
    if (value.seq !== number)
      return `its number is ${JSON.stringify(value.seq)}, expected ${number}: a line was deleted or moved`;
    prevs.set(number, typeof value.prev === "string" ? value.prev : JSON.stringify(value.prev));
    let record;
    try {
      record = decodeRecord(value.record, (detail) => {
        throw new Error(detail);
      });
    } catch (error) {
      return error.message;
    }
    if (isEarlier(now, record.time)) return futureProblem(record.time, now);
    const fields = lineFields(raw);
    const service = serviceOf(record);
    if (fields !== null && !fieldsAgree(fields, { ...record, service })) {
      return "its fields, read as a gate reads them, do not say what its record says: a key is repeated or the line was written by hand";
    }
    return index.add(Object.assign(record, { id: String(number), url: null, service }));
  }
  /** Runs `read` on the open file, once it is known to be a regular file of a size artifact-seal reads. */
  openForReading(read) {
    let fd;
    try {
      fd = openSync(this.file, "r");
    } catch (error) {
      if (error.code === "ENOENT") throw this.missing();
      throw this.unreadable(error);
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) {
        throw new SealError(
          "unreadable",
          `${this.inputName}: ${quote(this.location)} is not a regular file, so it cannot be a ledger. Give the path of the ledger's .jsonl file.`
        );
      }
      if (stat.size > MAX_LEDGER_BYTES) {
        throw new SealError(
          "refused",
          `${this.inputName}: the ledger ${quote(this.location)} is ${stat.size} bytes, over the ${MAX_LEDGER_BYTES / 1024 / 1024} MiB artifact-seal reads. Keep it (it is the history) and start a new ledger for new promotions, or use the github ledger.`
        );
      }
      return read(fd, stat.size);
    } catch (error) {
      if (error instanceof SealError) throw error;
      throw this.unreadable(error);
    } finally {
      closeSync(fd);
    }
  }
  writeGenesis(lock) {
    const genesis = {
      format: FORMAT,
      seq: 1,
      prev: null,
      created: { time: this.clock().toISOString(), id: randomUUID() }
    };
    const text = JSON.stringify(genesis);
    this.appendBytes(Buffer.from(`${text}
`), "wx", lock);
    this.cached = null;
    return { seq: 1, hash: sha256Digest(text) };
  }
  /** Replaces the checkpoint whole (a temporary file renamed over it), so a reader never sees half of one. */
  writeCheckpoint(text) {
    const file = besideLedger(this.file).checkpoint;
    const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      writeFileSync(temporary, text, { flag: "wx" });
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new SealError(
        "unreadable",
        `${this.inputName}: the records were appended to ${quote(this.location)}, but its signed checkpoint ${quote(file)} could not be written (${error.code ?? String(error)}). Make the directory writable; the next signed append writes a checkpoint that covers these records too.`,
        { cause: error }
      );
    }
  }
  /**
   * Writes the bytes whole, checking right before the write that this process still holds the
   * lock. Appending, the file is opened first (on a file server that takes a round trip), so
   * what is left between the check and the write is one system call; a new file is created
   * after the check, since creating it is writing it.
   */
  appendBytes(bytes, flags, lock) {
    const stillHeld = () => lock.assertHeld(`Nothing was written; ${words().again}.`);
    let fd;
    try {
      if (flags === "wx") stillHeld();
      fd = openSync(this.file, flags);
      if (flags === "a") stillHeld();
      writeSync(fd, bytes);
      fsyncSync(fd);
    } catch (error) {
      if (error instanceof SealError) throw error;
      throw this.unwritable(error);
    } finally {
      if (fd !== void 0) closeSync(fd);
    }
  }
  makeDirectory() {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
    } catch (error) {
      throw this.unwritable(error);
    }
  }
  /** A broken chain or a damaged record: the ledger cannot be trusted, so nothing is decided. */
  damaged(first, more) {
    return new SealError(
      "tampered",
      `The ledger ${this.location} cannot be trusted: line ${first.line}: ${first.problem}` + (more > 0 ? ` (and ${more} more problems)` : "") + `. Nothing is promoted from a damaged ledger. Run "artifact-seal ledger verify --ledger ${this.location}" and restore the file from a backup.`
    );
  }
  missing() {
    return new SealError(
      "unreadable",
      `${this.inputName}: the ledger ${quote(this.location)} does not exist. A missing ledger is never read as an empty one (a deleted ledger would forget its vetoes): if nothing was promoted yet, create it with "artifact-seal ledger init --ledger ${this.location}"; otherwise restore the file${words().caller === "cli" ? ", or give --ledger with where it is" : ""}.`
    );
  }
  unreadable(error) {
    return new SealError(
      "unreadable",
      `${this.inputName}: the ledger ${quote(this.location)} cannot be read (${error.code ?? String(error)}). Nothing is promoted without it; make the file readable.`,
      { cause: error }
    );
  }
  unwritable(error) {
    const code = error.code ?? String(error);
    const why = code === "EEXIST" || code === "ENOTDIR" ? `a part of ${quote(dirname(this.file))} is a file, not a directory` : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : code;
    return new SealError(
      "unreadable",
      `${this.inputName}: the ledger ${quote(this.location)} cannot be written (${why}). Give a path in a writable directory, such as "file:.artifact-seal/ledger.jsonl". Nothing was recorded.`
    );
  }
};
var ClaimedHashes = class {
  bytes = Buffer.alloc(32 * 4096);
  state = new Uint8Array(4096);
  /** What a line said instead of a sha256 digest, for the message. */
  odd = /* @__PURE__ */ new Map();
  set(line, claimed) {
    while (line >= this.state.length) {
      this.bytes = Buffer.concat([this.bytes, Buffer.alloc(this.bytes.length)]);
      const state = new Uint8Array(this.state.length * 2);
      state.set(this.state);
      this.state = state;
    }
    const hex = claimed.startsWith("sha256:") && claimed.length === 71 ? claimed.slice(7) : "";
    if (hex !== "" && this.bytes.write(hex, line * 32, 32, "hex") === 32) {
      this.state[line] = 1;
    } else {
      this.state[line] = 2;
      this.odd.set(line, claimed);
    }
  }
  /** Whether the line names the hash at `hashes[offset]`; null when it names nothing readable. */
  matches(line, hashes, offset) {
    const state = this.state[line] ?? 0;
    if (state === 0) return null;
    return state === 1 && this.bytes.compare(hashes, offset, offset + 32, line * 32, line * 32 + 32) === 0;
  }
  text(line) {
    return this.odd.get(line) ?? digestFromHex(this.bytes.toString("hex", line * 32, line * 32 + 32));
  }
};
function inWrittenOrder(record, time) {
  const { digest, environment, outcome, resolves, ...rest } = record;
  const others = Object.fromEntries(
    Object.entries(rest).filter(([key]) => key !== "service")
  );
  return { digest, environment, outcome, time, resolves, service: serviceOf(record), ...others };
}
var CHUNK_BYTES = 1024 * 1024;
function* chunksOf(fd, size) {
  let carry = Buffer.alloc(0);
  let offset = 0;
  let position = 0;
  while (position < size) {
    const buffer = Buffer.allocUnsafeSlow(carry.length + Math.min(CHUNK_BYTES, size - position));
    carry.copy(buffer);
    const read = readSync(fd, buffer, carry.length, buffer.length - carry.length, position);
    if (read === 0) break;
    position += read;
    const filled = carry.length + read;
    const lastNewline = buffer.lastIndexOf(10, filled - 1);
    if (lastNewline < 0) {
      carry = buffer.subarray(0, filled);
      continue;
    }
    carry = Buffer.from(buffer.subarray(lastNewline + 1, filled));
    yield { bytes: buffer.subarray(0, lastNewline + 1), offset };
    offset += lastNewline + 1;
  }
  if (carry.length > 0) {
    const last = Buffer.allocUnsafeSlow(carry.length);
    carry.copy(last);
    yield { bytes: last, offset };
  }
}
function addFields(fields, number, index, now, prevs) {
  if (fields.seq !== number)
    return `its number is ${fields.seq}, expected ${number}: a line was deleted or moved`;
  prevs.set(number, fields.prev);
  if (isEarlier(now, fields.time)) return futureProblem(fields.time, now);
  return index.add(fields);
}
function futureProblem(time, now) {
  return `it is dated ${time}, after this machine's clock (${now}): this clock is behind, a clock ahead wrote it, or it was edited; a soak measured from it would be wrong, so set the clock right (NTP) and check the line`;
}
function viewOf(index, now) {
  return {
    live: async (environment, service) => index.live(environment, service),
    spans: async (digest, environment, service) => index.spans(digest, environment, service),
    veto: async (digest) => index.veto(digest),
    previouslyLive: async function* (environment, service) {
      yield* index.previouslyLive(environment, service);
    },
    newest: async (environment) => index.newest(environment),
    pending: async (environment, service) => index.pending(environment, service),
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
    service: serviceOf(pending),
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
    key: randomUUID()
  };
}
function checkGenesis(raw) {
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    return "it is not JSON";
  }
  if (value === null || typeof value !== "object" || value.format !== FORMAT) return notOurs2(value);
  if (value.seq !== 1 || value.prev !== null || typeof value.created?.time !== "string" || typeof value.created.id !== "string") {
    return 'it is not the first line of a ledger ("created", seq 1, no prev): the lines before it were deleted';
  }
  return null;
}
function notOurs2(value) {
  const format = value?.format;
  if (typeof format === "string" && /^artifact-seal\/ledger\/v\d+$/.test(format)) {
    return `it is in the ledger format ${format}; this artifact-seal reads ${FORMAT}. Use the artifact-seal version that wrote it, or start a new ledger`;
  }
  return `it is not an artifact-seal ledger line (format ${JSON.stringify(format)})`;
}
function identityOf(snapshot) {
  if (snapshot.lineHashes.length < 32)
    throw new Error("unreachable: a ledger is read with its first line");
  return digestFromHex(
    Buffer.from(snapshot.lineHashes.buffer, snapshot.lineHashes.byteOffset, 32).toString("hex")
  );
}
function toEntry(line) {
  return { ...line.record, id: String(line.seq), url: null };
}

// src/core/signing/ledger-checkpoint.ts
var CHECKPOINT_PREDICATE_TYPE = "https://artifact-seal.dev/ledger-checkpoint/v1";
var HEAD = /^sha256:([0-9a-f]{64})$/;
function checkpointStatement(ledgerName, predicate) {
  const hex = HEAD.exec(predicate.head)?.[1];
  if (hex === void 0 || !Number.isSafeInteger(predicate.seq) || predicate.seq < 1)
    throw new Error(
      `unreachable: a ledger head is a line number and a sha256, got ${predicate.seq}:${predicate.head}`
    );
  if (!HEAD.test(predicate.ledger))
    throw new Error(`unreachable: a ledger's identity is a sha256, got ${predicate.ledger}`);
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: ledgerName, digest: { sha256: hex } }],
    predicateType: CHECKPOINT_PREDICATE_TYPE,
    predicate
  };
}
function readCheckpointStatement(statement, ledgerName, where) {
  const s = statement;
  if (s?.predicateType !== CHECKPOINT_PREDICATE_TYPE) {
    throw new SealError(
      "unrecognized",
      `${quote(where)} signs a ${quote(String(s?.predicateType))} statement, not a ledger checkpoint (${quote(CHECKPOINT_PREDICATE_TYPE)}). Give the checkpoint artifact-seal wrote beside the ledger.`
    );
  }
  const subjects = Array.isArray(s.subject) ? s.subject : [];
  const subject = subjects.length === 1 ? subjects[0] : void 0;
  const p = s.predicate ?? {};
  const hex = typeof p.head === "string" ? HEAD.exec(p.head)?.[1] : void 0;
  if (subject === void 0 || hex === void 0 || typeof p.seq !== "number" || !Number.isSafeInteger(p.seq) || p.seq < 1 || typeof p.format !== "string" || typeof p.time !== "string" || p.ledger !== void 0 && (typeof p.ledger !== "string" || !HEAD.test(p.ledger))) {
    throw new SealError(
      "malformed",
      `${quote(where)} is signed, but its statement is not a checkpoint (one subject; format, seq, head, time, ledger). It was not written by artifact-seal.`
    );
  }
  if (p.ledger === void 0 && subject.name !== ledgerName) {
    throw new SealError(
      "tampered",
      `${quote(where)} is the checkpoint of the ledger ${quote(String(subject.name))}, not of ${quote(ledgerName)}: it was copied from another ledger. Restore this ledger's own checkpoint.`
    );
  }
  if (subject.digest?.sha256 !== hex) {
    throw new SealError(
      "tampered",
      `${quote(where)} is signed, but its subject's sha256 is not the head its predicate names (${p.head}). It was not written by artifact-seal.`
    );
  }
  return {
    format: p.format,
    seq: p.seq,
    head: p.head,
    time: p.time,
    ...p.ledger === void 0 ? {} : { ledger: p.ledger }
  };
}

// src/app/ledger/ledger-checkpoint.ts
function checkpointSigner(signing, ledgerFile, clock = () => /* @__PURE__ */ new Date()) {
  if (signing.kind === "none") return null;
  const name = basename(ledgerFile);
  return async (head, ledger) => (await signing.sign(
    checkpointStatement(name, {
      format: LEDGER_FORMAT,
      seq: head.seq,
      head: head.hash,
      time: clock().toISOString(),
      ledger
    })
  )).json;
}
async function verifyCheckpoint(ledger, expectation) {
  const file = besideLedger(ledger.file).checkpoint;
  const refuse = (why, detail, problems2 = []) => ({ status: "refused", why, detail, problems: problems2 });
  const text = readCheckpoint(
    ledger.file,
    (why) => new SealError(
      "unreadable",
      `cannot read the ledger's checkpoint ${quote(file)} (${why}). Make it readable.`
    )
  );
  if (text === null) {
    return refuse(
      "missing",
      `${quote(file)} does not exist, so nothing signed says what the ledger's head is. Either it was deleted with the ledger rewritten, or the ledger was never written by a promote that signs (sign: key or keyless).`
    );
  }
  let bundle;
  try {
    bundle = JSON.parse(text);
  } catch {
    return refuse(
      "replaced",
      `${quote(file)} is not JSON, so it is no signed checkpoint. Restore it from a backup.`
    );
  }
  const { signingMaterialOf, verifyAttestation } = await import("./verify-bundle-EJZ6CUZ2.js");
  let keyed;
  try {
    keyed = signingMaterialOf(bundle) === "key";
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return refuse("replaced", `${quote(file)} is no signed checkpoint: ${error.message}`);
  }
  if (!keyed && expectation.identity === null) {
    throw new SealError(
      "bad-input",
      `${quote(file)} is signed keyless, by a workflow's certificate: give --signer-repository (and --signer-workflow) to say whose signature is accepted, and --trusted-root for offline use.`
    );
  }
  let verified;
  try {
    const { loadTrustedRoot } = await import("./trusted-root-EJNKZWTJ.js");
    verified = await verifyAttestation(bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey],
      ...keyed || expectation.identity === null ? {} : { identity: expectation.identity }
    });
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return refuse(
      "replaced",
      `the checkpoint ${quote(file)} is not signed by the signer given: ${error.message} Either the ledger and its checkpoint were replaced by someone else's, or the key or identity given is not the one the ledger's writers sign with.`
    );
  }
  let checkpoint;
  try {
    checkpoint = readCheckpointStatement(verified.statement, basename(ledger.file), file);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return refuse("replaced", error.message);
  }
  const signer = verified.signer.kind === "key" ? `key:${verified.signer.hint}` : verified.signer.identity.subjectAlternativeName;
  const { count, head, identity, problems, pinnedProblem } = await ledger.verifyChain({
    seq: checkpoint.seq,
    hash: checkpoint.head
  });
  const chain = problems.filter((p) => p !== pinnedProblem);
  const signed = `the checkpoint signed by ${signer} at ${checkpoint.time} (line ${checkpoint.seq}, ${checkpoint.head})`;
  if (chain.length > 0 || identity === null)
    return refuse(
      "broken",
      `the hash chain is broken, so the ledger is not the one ${signed} covers.`,
      chain
    );
  const pinned = expectation.ledger ?? null;
  if (pinned !== null && identity !== pinned) {
    return refuse(
      "replaced",
      `this is the ledger ${identity} (the sha256 of its first line), not ${pinned}, the one pinned: it was replaced by another ledger${checkpoint.ledger === identity ? `, with a checkpoint signed by ${signer} as well` : ""}. Restore the ledger and its checkpoint from a backup.`
    );
  }
  if (checkpoint.ledger !== void 0 && checkpoint.ledger !== identity) {
    return refuse(
      "replaced",
      `${signed} is of the ledger ${checkpoint.ledger}, and this is the ledger ${identity} (the sha256 of its first line): it was copied from another ledger. Restore this ledger's own checkpoint.`
    );
  }
  if (head.seq < checkpoint.seq) {
    return refuse(
      "truncated",
      `the ledger has ${head.seq} lines, but ${signed} covers ${checkpoint.seq}: lines ${head.seq + 1} to ${checkpoint.seq} were cut off. Restore the ledger from a backup.`
    );
  }
  if (pinnedProblem !== null) {
    return refuse(
      "rewritten",
      `line ${checkpoint.seq} is not the head ${signed} covers: the ledger was rewritten at or before that line. Restore the ledger from a backup.`,
      [pinnedProblem]
    );
  }
  if (head.seq > checkpoint.seq) {
    return refuse(
      "appended",
      `the ledger has ${head.seq} lines, but ${signed} covers ${checkpoint.seq}: lines ${checkpoint.seq + 1} to ${head.seq} were appended after it and no signature covers them. They were written without the signing key (or a signing promote failed to write its checkpoint); check them, and let the next signed promotion sign the head again.`
    );
  }
  return { status: "signed", count, head, ledger: identity, checkpoint, signer, file };
}

// src/stores/ledger/git-ledger.ts
function parseGitLedgerAddress(value, inputName) {
  const body = value.slice("git:".length);
  const hash2 = body.lastIndexOf("#");
  const remote = hash2 < 0 ? "" : body.slice(0, hash2);
  const rest = hash2 < 0 ? "" : body.slice(hash2 + 1);
  const colon = rest.indexOf(":");
  const branch = colon < 0 ? "" : rest.slice(0, colon);
  const file = colon < 0 ? "" : rest.slice(colon + 1);
  const normal = posix.normalize(file);
  const fine = remote !== "" && !remote.startsWith("-") && /^[A-Za-z0-9._/-]+$/.test(branch) && !branch.startsWith("-") && !branch.includes("..") && file !== "" && normal === file && !normal.startsWith("../") && !posix.isAbsolute(normal) && !normal.split("/").includes(".git");
  if (!fine) {
    throw new SealError(
      "bad-input",
      `${inputName}: ${quote(redacted(value))} is not a ledger in git. Give "git:<remote>#<branch>:<path>", such as "git:git@gitlab.example.com:acme/deploy-ledger.git#ledger:prod/ledger.jsonl": the branch holds the ledger file at that relative path.`
    );
  }
  return { remote, branch, file };
}
function redacted(text) {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
}
var GitLedger = class _GitLedger {
  constructor(address, checkout, options) {
    this.address = address;
    this.checkout = checkout;
    this.options = options;
    this.location = `git:${redacted(address.remote)}#${address.branch}:${address.file}`;
    this.ledger = options.open(this.file);
  }
  address;
  checkout;
  options;
  location;
  ledger;
  /**
   * Fetches the branch into `checkout` (made when missing). `create`: a branch that does not exist
   * yet is started, for `ledger init`.
   */
  static open(address, checkout, options, create = false) {
    const ledger = new _GitLedger(address, checkout, options);
    ledger.sync(create);
    return ledger;
  }
  get file() {
    return join(this.checkout, ...this.address.file.split("/"));
  }
  live(environment, service) {
    return this.ledger.live(environment, service);
  }
  spans(digest, environment, service) {
    return this.ledger.spans(digest, environment, service);
  }
  veto(digest) {
    return this.ledger.veto(digest);
  }
  previouslyLive(environment, service) {
    return this.ledger.previouslyLive(environment, service);
  }
  newest(environment) {
    return this.ledger.newest(environment);
  }
  pending(environment, service) {
    return this.ledger.pending(environment, service);
  }
  entries(filter) {
    return this.ledger.entries(filter);
  }
  now() {
    return this.ledger.now();
  }
  services(environment) {
    return this.ledger.services(environment);
  }
  record(environment, decide, pendingTimeoutMs) {
    return this.writing(
      `${environment}: record`,
      () => this.ledger.record(environment, decide, pendingTimeoutMs)
    );
  }
  resolve(request) {
    return this.writing(`resolve record ${request.id}`, () => this.ledger.resolve(request));
  }
  init() {
    return this.writing("create the ledger", () => this.ledger.init());
  }
  /** The file ledger in the checkout, for what only a file ledger does (its chain, its checkpoint). */
  fileLedger() {
    return this.ledger;
  }
  async writing(what, write) {
    const attempts = this.options.attempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const result = await write();
      if (!this.commit(what)) return result;
      await this.options.beforePush?.();
      if (this.push() === "pushed") return result;
      if (attempt >= attempts) {
        throw new SealError(
          "conflict",
          `${this.location}: other writers pushed to ${this.address.branch} before this one ${attempts} times in a row; nothing of this command was kept. Run it again.`
        );
      }
      this.sync(false);
    }
  }
  /** Brings the checkout to the remote's branch exactly, dropping anything local. */
  sync(create) {
    if (!existsSync(join(this.checkout, ".git"))) {
      mkdirSync(this.checkout, { recursive: true });
      this.git(["init", "--quiet"]);
    }
    const fetched = this.run([
      "fetch",
      "--quiet",
      "--no-tags",
      this.address.remote,
      `+refs/heads/${this.address.branch}:refs/remotes/ledger/${this.address.branch}`
    ]);
    if (fetched.status === 0) {
      this.git([
        "checkout",
        "--quiet",
        "--force",
        "-B",
        this.address.branch,
        `refs/remotes/ledger/${this.address.branch}`
      ]);
      this.git(["clean", "--quiet", "-fdx"]);
    } else if (/couldn't find remote ref|could not find remote ref/i.test(fetched.stderr)) {
      if (!create) {
        throw new SealError(
          "unreadable",
          `${this.location}: the branch ${quote(this.address.branch)} does not exist in ${quote(redacted(this.address.remote))}. A missing ledger is never read as an empty one: create it with "artifact-seal ledger init --ledger ${this.location}", or give the branch that holds it.`
        );
      }
      this.git(["checkout", "--quiet", "--orphan", this.address.branch]);
      this.run(["rm", "-r", "--quiet", "--cached", "--ignore-unmatch", "."]);
      this.git(["clean", "--quiet", "-fdx"]);
    } else {
      throw this.failure("fetch", fetched.stderr);
    }
    this.ledger = this.options.open(this.file);
  }
  /**
   * Commits every change the write made (the ledger, its checkpoint, the contracts kept beside it);
   * false when there is none.
   */
  commit(what) {
    this.git(["add", "--all", "--", "."]);
    if (this.run(["diff", "--cached", "--quiet"]).status === 0) return false;
    this.git([
      "-c",
      "user.name=artifact-seal",
      "-c",
      "user.email=artifact-seal@localhost",
      "commit",
      "--quiet",
      "--no-verify",
      "-m",
      `artifact-seal: ${what}`
    ]);
    return true;
  }
  push() {
    const pushed = this.run([
      "push",
      "--quiet",
      "--porcelain",
      this.address.remote,
      `HEAD:refs/heads/${this.address.branch}`
    ]);
    if (pushed.status === 0) return "pushed";
    if (/\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(stale|lock)/i.test(
      `${pushed.stdout}
${pushed.stderr}`
    ))
      return "behind";
    throw this.failure("push", `${pushed.stdout}
${pushed.stderr}`);
  }
  failure(doing, output) {
    const said = redacted(output.trim().split("\n").filter(Boolean).slice(-2).join(" ")) || "no message";
    return new SealError(
      /denied|authentication|permission|could not read username/i.test(output) ? "denied" : "unavailable",
      `${this.location}: git could not ${doing} ${quote(this.address.branch)} (${said}). Nothing was ${doing === "push" ? "kept" : "read"}. Check that this machine can ${doing === "push" ? "push to" : "fetch from"} ${quote(redacted(this.address.remote))} with its git credentials (an SSH key, a credential helper, a CI token), then run again.`
    );
  }
  /** A git command on the private checkout alone (no remote): its failure is this machine's. */
  git(args) {
    const done = this.run(args);
    if (done.status === 0) return;
    const said = done.stderr.trim().split("\n").slice(-3).join(" ") || `exit ${done.status ?? "by signal"}`;
    const command = args.find((a) => !a.startsWith("-") && !a.includes("=")) ?? "git";
    throw new SealError(
      "unavailable",
      `${this.location}: "git ${command}" failed in the private checkout ${quote(this.checkout)} (${quote(said)}). Nothing was pushed. Check that git works on this machine and that its temporary directory is writable, then run again.`
    );
  }
  run(args) {
    const result = spawnSync("git", ["-C", this.checkout, ...args], {
      encoding: "utf8",
      // Never a prompt for a password on a CI machine: a missing credential fails at once.
      env: {
        ...this.options.env ?? process.env,
        GIT_TERMINAL_PROMPT: "0",
        GIT_ASKPASS: "true",
        LC_ALL: "C"
      }
    });
    if (result.error) {
      throw new SealError(
        "unavailable",
        `${this.location}: git could not be started (${result.error.code ?? result.error.message}). Install git, then run again.`
      );
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
};

// src/app/settings/ledger-location.ts
var DEFAULT_FILE_LEDGER = ".artifact-seal/ledger.jsonl";
function parseLedgerLocation(value, inputName, baseDir) {
  const v = value.trim();
  if (v === "github") return { kind: "github" };
  if (v.startsWith("file:") && v.length > "file:".length)
    return { kind: "file", file: resolve(baseDir, v.slice("file:".length)) };
  throw new SealError(
    "bad-input",
    `${inputName}: ${quote(value)} is not a ledger. Give "github" (the repository's Deployments, needs permissions: deployments: write) or "file:<path>", such as "file:${DEFAULT_FILE_LEDGER}".`
  );
}

// src/app/ledger/open-ledger.ts
async function openLedger(location, access, env) {
  if (location.kind === "file") {
    const signHead = access.signing === void 0 ? null : checkpointSigner(access.signing, location.file);
    const ledger = new FileLedger(location.file, access.ledgerInput, {
      create: access.create === true,
      ...signHead === null ? {} : { signHead }
    });
    if (access.forWriting) ledger.assertWritable();
    return ledger;
  }
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) {
    throw new SealError(
      "bad-input",
      `${access.ledgerInput}: "github" needs GITHUB_REPOSITORY (owner/name) to know whose deployments to use; set it, or use a file ledger.`
    );
  }
  if (access.token === "") {
    throw new SealError(
      "bad-input",
      `${access.tokenInput}: "github" reads and writes the deployments of ${repository} with a token, and none was given. Give a token that may read deployments (and write them, to promote).`
    );
  }
  const { GitHubDeploymentsLedger } = await import("./github-deployments-2VNEWJW4.js");
  return new GitHubDeploymentsLedger({
    token: access.token,
    repository,
    apiUrl: apiUrlOf(env),
    serverUrl: serverUrlOf(env),
    ref: env.GITHUB_SHA || "",
    tokenInput: access.tokenInput
  });
}

// src/cli/ledger-options.ts
var LEDGER_OPTIONS = { ledger: { type: "string" } };
var LEDGER_HELP = `  --ledger L    "file:<path>" (default file:${DEFAULT_FILE_LEDGER}), "github"
                (the Deployments of GITHUB_REPOSITORY, with GITHUB_TOKEN; a deployment
                is made on the sealing commit, else GITHUB_SHA, else this checkout's HEAD)
                or "git:<remote>#<branch>:<path>" (a file ledger on a branch of a git
                repository, fetched, appended and pushed: for CI machines that keep nothing)`;
async function ledgerFromOptions(values, terminal, forWriting = false, create = false, signing) {
  const address = gitAddressOf(values);
  if (address !== null) {
    const open = (file) => {
      const signHead = signing === void 0 ? null : checkpointSigner(signing, file);
      return new FileLedger(file, "--ledger", {
        create,
        ...signHead === null ? {} : { signHead }
      });
    };
    return GitLedger.open(address, checkoutOf(address), { open, env: terminal.env }, create);
  }
  const location = ledgerLocationFromOptions(values, terminal);
  return openLedger(
    location,
    {
      token: terminal.env.GITHUB_TOKEN ?? "",
      ledgerInput: "--ledger",
      tokenInput: "GITHUB_TOKEN",
      forWriting,
      create,
      ...signing ? { signing } : {}
    },
    location.kind === "github" ? withCheckoutCommit(terminal) : terminal.env
  );
}
function withCheckoutCommit(terminal) {
  if (terminal.env.GITHUB_SHA) return terminal.env;
  const head = spawnSync("git", ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], {
    cwd: terminal.cwd,
    encoding: "utf8",
    env: { PATH: terminal.env.PATH ?? "" }
  });
  const commit = head.status === 0 ? head.stdout.trim() : "";
  return /^[0-9a-f]{40}$/.test(commit) ? { ...terminal.env, GITHUB_SHA: commit } : terminal.env;
}
function ledgerLocationFromOptions(values, terminal) {
  const address = gitAddressOf(values);
  if (address !== null)
    return { kind: "file", file: join(checkoutOf(address), ...address.file.split("/")) };
  return parseLedgerLocation(
    requireValue("ledger", values.ledger) ?? `file:${DEFAULT_FILE_LEDGER}`,
    "--ledger",
    terminal.cwd
  );
}
function gitAddressOf(values) {
  const value = requireValue("ledger", values.ledger);
  return value?.trim().startsWith("git:") ? parseGitLedgerAddress(value.trim(), "--ledger") : null;
}
var checkouts = /* @__PURE__ */ new Map();
function checkoutOf(address) {
  const key = `${address.remote}#${address.branch}`;
  let dir = checkouts.get(key);
  if (dir === void 0) {
    const made = mkdtempSync(join(tmpdir(), "artifact-seal-ledger-"));
    checkouts.set(key, made);
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return dir;
}

export {
  FileLedger,
  verifyCheckpoint,
  GitLedger,
  LEDGER_OPTIONS,
  LEDGER_HELP,
  ledgerFromOptions,
  ledgerLocationFromOptions
};
