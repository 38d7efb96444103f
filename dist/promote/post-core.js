const require = globalThis.process.getBuiltinModule ?? (await import('node:module')).createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// first-use-loader:loader
var loader_exports = {};
__export(loader_exports, {
  requireBeside: () => requireBeside
});
var requireBeside;
var init_loader = __esm({
  "first-use-loader:loader"() {
    "use strict";
    requireBeside = (file) => __require("node:module").createRequire(import.meta.url)(file);
  }
});

// first-use:yaml
var require_yaml = __commonJS({
  "first-use:yaml"(exports, module) {
    "use strict";
    var { requireBeside: requireBeside2 } = (init_loader(), __toCommonJS(loader_exports));
    var loaded2;
    var load = () => loaded2 ??= requireBeside2("../chunks/yaml-ZHEZHUK6.cjs");
    var firstUse = {};
    for (const key of ["Composer", "Document", "Schema", "YAMLError", "YAMLParseError", "YAMLWarning", "Alias", "isAlias", "isCollection", "isDocument", "isMap", "isNode", "isPair", "isScalar", "isSeq", "Pair", "Scalar", "YAMLMap", "YAMLSeq", "CST", "Lexer", "LineCounter", "Parser", "parse", "parseAllDocuments", "parseDocument", "stringify", "visit", "visitAsync"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// builtin:node:crypto
var node_crypto_exports = {};
__export(node_crypto_exports, {
  Certificate: () => Certificate,
  Cipheriv: () => Cipheriv,
  Decipheriv: () => Decipheriv,
  DiffieHellman: () => DiffieHellman,
  DiffieHellmanGroup: () => DiffieHellmanGroup,
  ECDH: () => ECDH,
  Hash: () => Hash,
  Hmac: () => Hmac,
  KeyObject: () => KeyObject,
  Sign: () => Sign,
  Verify: () => Verify,
  X509Certificate: () => X509Certificate,
  argon2: () => argon2,
  argon2Sync: () => argon2Sync,
  checkPrime: () => checkPrime,
  checkPrimeSync: () => checkPrimeSync,
  constants: () => constants,
  createCipheriv: () => createCipheriv,
  createDecipheriv: () => createDecipheriv,
  createDiffieHellman: () => createDiffieHellman,
  createDiffieHellmanGroup: () => createDiffieHellmanGroup,
  createECDH: () => createECDH,
  createHash: () => createHash,
  createHmac: () => createHmac,
  createPrivateKey: () => createPrivateKey,
  createPublicKey: () => createPublicKey,
  createSecretKey: () => createSecretKey,
  createSign: () => createSign,
  createVerify: () => createVerify,
  decapsulate: () => decapsulate,
  default: () => node_crypto_default,
  diffieHellman: () => diffieHellman,
  encapsulate: () => encapsulate,
  generateKey: () => generateKey,
  generateKeyPair: () => generateKeyPair,
  generateKeyPairSync: () => generateKeyPairSync,
  generateKeySync: () => generateKeySync,
  generatePrime: () => generatePrime,
  generatePrimeSync: () => generatePrimeSync,
  getCipherInfo: () => getCipherInfo,
  getCiphers: () => getCiphers,
  getCurves: () => getCurves,
  getDiffieHellman: () => getDiffieHellman,
  getFips: () => getFips,
  getHashes: () => getHashes,
  hash: () => hash,
  hkdf: () => hkdf,
  hkdfSync: () => hkdfSync,
  pbkdf2: () => pbkdf2,
  pbkdf2Sync: () => pbkdf2Sync,
  privateDecrypt: () => privateDecrypt,
  privateEncrypt: () => privateEncrypt,
  publicDecrypt: () => publicDecrypt,
  publicEncrypt: () => publicEncrypt,
  randomBytes: () => randomBytes,
  randomFill: () => randomFill,
  randomFillSync: () => randomFillSync,
  randomInt: () => randomInt,
  randomUUID: () => randomUUID,
  randomUUIDv7: () => randomUUIDv7,
  scrypt: () => scrypt,
  scryptSync: () => scryptSync,
  secureHeapUsed: () => secureHeapUsed,
  setEngine: () => setEngine,
  setFips: () => setFips,
  sign: () => sign,
  timingSafeEqual: () => timingSafeEqual,
  verify: () => verify
});
var builtin = __require("node:crypto");
var node_crypto_default = builtin;
var { argon2, argon2Sync, checkPrime, checkPrimeSync, createCipheriv, createDecipheriv, createDiffieHellman, createDiffieHellmanGroup, createECDH, createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, createSign, createVerify, diffieHellman, generatePrime, generatePrimeSync, getCiphers, getCipherInfo, getCurves, getDiffieHellman, getHashes, hkdf, hkdfSync, pbkdf2, pbkdf2Sync, generateKeyPair, generateKeyPairSync, generateKey, generateKeySync, privateDecrypt, privateEncrypt, publicDecrypt, publicEncrypt, randomBytes, randomFill, randomFillSync, randomInt, randomUUID, randomUUIDv7, scrypt, scryptSync, sign, setEngine, timingSafeEqual, getFips, setFips, verify, hash, encapsulate, decapsulate, Certificate, Cipheriv, Decipheriv, DiffieHellman, DiffieHellmanGroup, ECDH, Hash, Hmac, KeyObject, Sign, Verify, X509Certificate, secureHeapUsed, constants } = builtin;

// builtin:node:fs
var builtin2 = __require("node:fs");
var { appendFile, appendFileSync, access, accessSync, chown, chownSync, chmod, chmodSync, close, closeSync, copyFile, copyFileSync, cp, cpSync, createReadStream, createWriteStream, exists, existsSync, fchown, fchownSync, fchmod, fchmodSync, fdatasync, fdatasyncSync, fstat, fstatSync, fsync, fsyncSync, ftruncate, ftruncateSync, futimes, futimesSync, glob, globSync, lchown, lchownSync, lchmod, lchmodSync, link, linkSync, lstat, lstatSync, lutimes, lutimesSync, mkdir, mkdirSync, mkdtemp, mkdtempSync, mkdtempDisposableSync, open, openSync, openAsBlob, readdir, readdirSync, read, readSync, readv, readvSync, readFile, readFileSync, readlink, readlinkSync, realpath, realpathSync, rename, renameSync, rm, rmSync, rmdir, rmdirSync, stat, statfs, statSync, statfsSync, symlink, symlinkSync, truncate, truncateSync, unwatchFile, unlink, unlinkSync, utimes, utimesSync, watch, watchFile, writeFile, writeFileSync, write, writeSync, writev, writevSync, Dirent, Stats, _toUnixTimestamp, Dir, opendir, opendirSync, constants: constants2 } = builtin2;
var promises = {};
for (const key of ["access", "copyFile", "cp", "glob", "open", "opendir", "rename", "truncate", "rm", "rmdir", "mkdir", "readdir", "readlink", "symlink", "lstat", "stat", "statfs", "link", "unlink", "chmod", "lchmod", "lchown", "chown", "utimes", "lutimes", "realpath", "mkdtemp", "mkdtempDisposable", "writeFile", "appendFile", "readFile", "watch", "constants"]) Object.defineProperty(promises, key, { get: () => builtin2.promises[key], enumerable: true });

// builtin:node:os
var builtin3 = __require("node:os");
var { arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname, loadavg, networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type, userInfo, uptime, version, machine, constants: constants3, EOL, devNull } = builtin3;

// src/core/control-characters.ts
var CONTROL_CHARACTERS = "\\u0000-\\u001f\\u007f-\\u009f";
var ANY_CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, "gu");

// src/report/runner-log.ts
var MARK = "\u200B";
var BLANK = /[\t \u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\ufeff]/;
var LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
function visibleControl(char) {
  const code2 = char.charCodeAt(0);
  if (char === "	") return null;
  if (code2 < 32) return String.fromCharCode(9216 + code2);
  if (code2 === 127) return "\u2421";
  if (code2 >= 128 && code2 <= 159) return "\uFFFD";
  return null;
}
function visibleControls(text) {
  return text.replace(
    ANY_CONTROL,
    (c) => c === "\n" || c === "\r" || c === "\x85" ? c : visibleControl(c) ?? c
  );
}
var RunnerLogGuard = class {
  lineStart = true;
  tail = "";
  afterCR = false;
  /** The text made inert, line by line. */
  encode(text) {
    let out = "";
    for (const char of text) {
      if (this.afterCR) {
        this.afterCR = false;
        if (char === "\n") continue;
      }
      if (LINE_BREAK.test(char)) {
        out += "\n";
        this.afterCR = char === "\r";
        this.lineStart = true;
        this.tail = "";
        continue;
      }
      const shown = visibleControl(char) ?? char;
      if (this.lineStart) {
        if (BLANK.test(shown)) {
          out += shown;
          continue;
        }
        this.lineStart = false;
        if (shown === ":") out += MARK;
      }
      if (shown === "[" && this.tail === "##") out += MARK;
      out += shown;
      this.tail = (this.tail + shown).slice(-2);
    }
    return out;
  }
  /** Text another writer put on the same stream (a deploy command's own output), unchanged. */
  observe(text) {
    for (const char of text) {
      if (LINE_BREAK.test(char)) {
        this.lineStart = true;
        this.tail = "";
        this.afterCR = false;
        continue;
      }
      this.afterCR = false;
      if (this.lineStart && BLANK.test(char)) continue;
      this.lineStart = false;
      this.tail = (this.tail + char).slice(-2);
    }
  }
};
function inertLogText(text) {
  return new RunnerLogGuard().encode(text);
}

// src/actions/runner-io.ts
var logStream = null;
var runnerLog = {
  write(text) {
    if (logStream !== null) {
      logStream.write(text);
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    let written = 0;
    try {
      while (written < bytes.length)
        written += writeSync(1, bytes, written, bytes.length - written);
    } catch {
      logStream = process.stdout;
      logStream.write(bytes.subarray(written));
    }
  }
};
async function endStep() {
  const stream = logStream;
  if (stream !== null) await new Promise((resolve2) => stream.write("", () => resolve2()));
  process.exit();
}
function toCommandValue(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string" || value instanceof String) return String(value);
  return JSON.stringify(value);
}
function escapeData(value) {
  return toCommandValue(value).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function issueCommand(command, properties, message) {
  writeCommand(command, properties, inertLogText(toCommandValue(message)));
}
function writeCommand(command, properties, message) {
  const props = Object.keys(properties).length > 0 ? ` ${Object.entries(properties).filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",")}` : "";
  runnerLog.write(`::${command}${props}::${escapeData(message)}${EOL}`);
}
function annotationProperties(p) {
  if (Object.keys(p).length === 0) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  };
}
function issueFileCommand(variable, name, value) {
  const file = process.env[variable];
  const delimiter2 = `ghadelimiter_${randomUUID()}`;
  const text = toCommandValue(value);
  if (name.includes(delimiter2))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  if (text.includes(delimiter2))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter2}${EOL}${text}${EOL}${delimiter2}${EOL}`, {
    encoding: "utf8"
  });
}
function getInput(name, options) {
  const value = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
}
function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand("GITHUB_OUTPUT", name, value);
  runnerLog.write(EOL);
  writeCommand("set-output", { name }, toCommandValue(value));
}
function saveState(name, value) {
  if (process.env.GITHUB_STATE) return issueFileCommand("GITHUB_STATE", name, value);
  writeCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}
function info(message) {
  runnerLog.write(inertLogText(message) + EOL);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function notice(message, properties = {}) {
  issueCommand(
    "notice",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function warning(message, properties = {}) {
  issueCommand(
    "warning",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function error(message, properties = {}) {
  issueCommand(
    "error",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}
function startGroup(name) {
  issueCommand("group", {}, name);
}
function endGroup() {
  issueCommand("endgroup", {}, "");
}
async function group(name, fn) {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
var Summary = class {
  buffer = "";
  addRaw(text, addEOL = false) {
    this.buffer += text;
    if (addEOL) this.buffer += EOL;
    return this;
  }
  // Synchronous, as the outputs are: the first asynchronous file operation of a process
  // starts libuv's thread pool, a millisecond and a half that a small step spends on nothing else.
  async write(options = {}) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
      throw new Error(
        "Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries."
      );
    try {
      accessSync(file, constants2.R_OK | constants2.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
      );
    }
    ;
    (options.overwrite ? writeFileSync : appendFileSync)(file, this.buffer, {
      encoding: "utf8"
    });
    this.buffer = "";
    return this;
  }
};
var summary = new Summary();

// builtin:node:buffer
var builtin4 = __require("node:buffer");
var { Buffer: Buffer2, SlowBuffer, transcode, isUtf8, isAscii, kMaxLength, kStringMaxLength, btoa, atob, constants: constants4, Blob, resolveObjectURL, File } = builtin4;

// builtin:node:path
var builtin5 = __require("node:path");
var { resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname, format, parse, matchesGlob, sep, delimiter, win32, posix, _makeLong } = builtin5;

// src/core/errors.ts
var SealError = class extends Error {
  name = "SealError";
  code;
  details;
  constructor(code2, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code2;
    this.details = options.details ?? {};
  }
};
function isSealError(error2, ...codes) {
  return error2 instanceof SealError && (codes.length === 0 || codes.includes(error2.code));
}
function exitCodeOf(code2) {
  return EXIT_CODES[code2];
}
var EXIT_CODES = {
  usage: 2,
  "bad-input": 2,
  malformed: 2,
  unrecognized: 2,
  unreadable: 2,
  denied: 2,
  mismatch: 1,
  tampered: 1,
  refused: 1,
  unavailable: 1,
  conflict: 1,
  outdated: 1
};
function stopsPromotion(error2) {
  return isSealError(error2, "bad-input", "usage");
}
function messageOf(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}
function quote(value) {
  return JSON.stringify(value);
}

// src/core/digest.ts
var HEX64 = /^[0-9a-f]{64}$/;
function digestFromHex(hex) {
  return `sha256:${hex}`;
}
function sha256Digest(data) {
  return digestFromHex(sha256Hex(data));
}
function sha256Hex(data) {
  return hash("sha256", data, "hex");
}
function hexOf(digest) {
  return digest.slice("sha256:".length);
}
function shortDigest(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}
function parseDigest(value, what) {
  const trimmed = value.trim();
  const lowered = trimmed.toLowerCase();
  const hex = lowered.startsWith("sha256:") ? lowered.slice("sha256:".length) : lowered;
  if (HEX64.test(hex)) return digestFromHex(hex);
  const algorithm = /^([a-z0-9_-]+):/.exec(lowered)?.[1];
  if (algorithm !== void 0 && algorithm !== "sha256") {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(trimmed)} is a ${algorithm} digest; artifact-seal reads sha256 digests only. Give "sha256:" followed by 64 hex characters.`
    );
  }
  throw new SealError(
    "bad-input",
    `${what}: ${quote(trimmed)} is not a sha256 digest. Give "sha256:" followed by 64 hex characters, or the 64 hex characters alone (got ${hex.length} characters${/[^0-9a-f]/.test(hex) ? ", some not hex" : ""}).`
  );
}

// src/core/promotion/record.ts
var OUTCOMES = [
  "pending",
  "deployed",
  "rolled-back",
  "failed",
  "abandoned",
  "refused",
  "vetoed",
  "approved",
  "observed",
  "acknowledged"
];
var OBSERVING = ["observed", "acknowledged"];
var RESOLUTIONS = ["deployed", "rolled-back", "failed", "abandoned"];
var DEFAULT_PENDING_TIMEOUT_MS = 6 * 60 * 60 * 1e3;
function isEarlier(a, b) {
  return isIsoUtc(a) && isIsoUtc(b) ? a < b : Date.parse(a) < Date.parse(b);
}
function isIsoUtc(time) {
  return time.length === 24 && time.charCodeAt(23) === 90;
}
function serviceOf(record) {
  return record.service !== void 0 ? record.service : record.name;
}
function describeService(service) {
  return service === null ? "the default service (records without a name)" : `service ${quote(service)}`;
}
function makesLive(outcome) {
  return outcome === "deployed" || outcome === "rolled-back";
}
function confirmedOutcome(mode) {
  return mode === "rollback" ? "rolled-back" : "deployed";
}

// src/core/vocabulary.ts
var SIGNED_BY_KEY_OF = {
  "public-key": "key",
  "trusted-root": "trusted-root",
  "tuf-mirrors": "tuf-mirrors",
  "signer-repository": "repository",
  "signer-workflow": "workflow",
  "source-ref": "ref",
  "cert-oidc-issuer": "issuer",
  "deny-self-hosted-runners": "runner"
};
var ACTION_VOCABULARY = {
  caller: "action",
  option: (input) => {
    const key = SIGNED_BY_KEY_OF[input];
    return key === void 0 ? JSON.stringify(input) : `"signed-by" (its "${key}:")`;
  },
  setting: (input, value) => JSON.stringify(`${input}: ${value}`),
  current: "this step",
  base: "the workspace",
  machine: "the runner",
  reader: "the runner",
  rerun: "re-run the job",
  again: "run the step again",
  recordIdSource: "the record-id output of the promote step that made it"
};
var spoken = ACTION_VOCABULARY;
function words() {
  return spoken;
}
function capitalized(phrase) {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
function speakAs(vocabulary) {
  const before = spoken;
  spoken = vocabulary;
  return before;
}

// src/core/promotion/confirmation.ts
function shellWord(text) {
  return /^[A-Za-z0-9._/:@+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
function needsLiveContract(pending) {
  return pending.amendment != null;
}
function confirmationChanged(pending, live, liveContract, madeLiveBy) {
  const service = serviceOf(pending);
  const where = `${pending.environment}${service === null ? "" : ` (service ${quote(service)})`}`;
  const again = `The amendment that would land was never judged, so the deployment is not confirmed. Promote ${pending.digest} again so the gate judges it against what runs now: ${words().caller === "cli" ? "run" : "re-run the promote step, or run"}: artifact-seal promote ${pending.digest} --environment ${shellWord(pending.environment)}${service === null ? "" : ` --subject-name ${shellWord(service)}`}`;
  const compared = pending.previousDigest;
  if (live !== null && live.digest === pending.digest) return null;
  if ((live?.digest ?? null) !== compared) {
    const now = live === null ? "nothing is live there now" : `${live.digest} went live there meanwhile (${madeLiveBy(live)}, live from ${live.from})`;
    return `${where} no longer runs what the gate compared ${pending.digest} against (${compared ?? "nothing live"}): ${now}. ${again}.`;
  }
  if (live === null || !needsLiveContract(pending)) return null;
  if (liveContract === void 0)
    throw new Error(
      "unreachable: a confirmation of a record with an amendment was judged without the live contract"
    );
  const from = pending.amendment?.from?.digest ?? null;
  if (liveContract === from) return null;
  return `${where} runs ${live.digest} with contract ${liveContract ?? "none"} now, not the contract ${from ?? "none"} the gate judged the amendment from (${madeLiveBy(live)}). ${again}.`;
}

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
  } catch (error2) {
    closeSync(fd);
    rmSync(lockPath, { force: true });
    const code2 = error2.code ?? String(error2);
    throw new SealError(
      "unreadable",
      `${what}: cannot write the lock file ${quote(lockPath)} (${code2}). Make its directory writable.`
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
  } catch (error2) {
    const code2 = error2.code;
    if (code2 === "EEXIST") return null;
    throw new SealError(
      "unreadable",
      `${what}: cannot create the lock file ${quote(lockPath)} (${code2 ?? String(error2)}). Make its directory writable.`
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
    } catch (error2) {
      renewal.lost = `a renewal failed (${error2.code ?? String(error2)})`;
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
  } catch (error2) {
    const code2 = error2.code;
    if (code2 === "ENOENT") return null;
    return { key: `unreadable ${code2}`, holder: null, unreadable: code2 ?? String(error2) };
  }
  try {
    const ino = fstatSync(fd).ino;
    const content = readFileSync(fd, "utf8");
    return { key: `${ino} ${content}`, holder: parseHolder(content), unreadable: null };
  } catch (error2) {
    const code2 = error2.code ?? String(error2);
    return { key: `unreadable ${code2}`, holder: null, unreadable: code2 };
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
  } catch (error2) {
    return error2.code === "EPERM";
  }
}

// src/stores/ledger/ledger.ts
function wrongEnvironment(pending, request, location) {
  if (request.environment == null || request.environment === "" || request.environment === pending.environment)
    return null;
  return new SealError(
    "bad-input",
    `${location}: record ${request.id} is a promotion of ${pending.digest} to ${quote(pending.environment)}, not to the environment given, ${quote(request.environment)}; nothing was recorded. Give the id of a promotion to ${quote(request.environment)} (${words().recordIdSource}), or leave ${words().option("environment")} out.`
  );
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

// builtin:node:worker_threads
var loaded;
var builtin6 = () => loaded ??= __require("node:worker_threads");
function Worker(...args) {
  return new.target === void 0 ? builtin6().Worker.apply(this, args) : Reflect.construct(builtin6().Worker, args);
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
    worker.once("error", (error2) => {
      failure = error2;
      reject(error2);
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

// src/core/json-shape.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/stores/ledger/record-codec.ts
var MODES = ["promote", "rollback"];
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
function decodeRecord(value, damaged) {
  if (!isRecord(value)) return damaged("the record is not a JSON object");
  const r = value;
  const text = (field) => {
    const v = r[field];
    return typeof v === "string" && v !== "" ? v : damaged(`the record's ${field} is ${JSON.stringify(v)}, not text`);
  };
  const maybeText = (field, from = r, prefix = "") => {
    const v = from[field];
    if (v === null || v === void 0) return null;
    return typeof v === "string" ? v : damaged(`the record's ${prefix}${field} is ${JSON.stringify(v)}, not text or null`);
  };
  const digest = (field, raw) => {
    if (raw === null) return null;
    try {
      return parseDigest(raw, field);
    } catch (error2) {
      return damaged(`the record's ${error2.message}`);
    }
  };
  const outcome = text("outcome");
  if (!OUTCOMES.includes(outcome))
    damaged(`the record's outcome ${JSON.stringify(outcome)} is not one of ${OUTCOMES.join(", ")}`);
  const time = text("time");
  if (!ISO_TIME.test(time) || Number.isNaN(Date.parse(time)))
    damaged(
      `the record's time ${JSON.stringify(time)} is not an ISO 8601 UTC time such as "2026-01-31T12:00:00.000Z"`
    );
  const modeText = maybeText("mode");
  if (modeText !== null && !MODES.includes(modeText))
    damaged(`the record's mode ${JSON.stringify(modeText)} is not one of ${MODES.join(", ")}`);
  const mode = modeText;
  const modeless = outcome === "vetoed" || outcome === "approved" || OBSERVING.includes(outcome);
  if (mode === null !== modeless)
    damaged(
      `a ${outcome} record ${mode === null ? "needs a mode (promote or rollback)" : `has the mode ${mode}`}`
    );
  const resolves = maybeText("resolves");
  const resolution = RESOLUTIONS.includes(outcome);
  if (resolution !== (resolves !== null))
    damaged(
      resolution ? `a ${outcome} record does not say which pending record it resolves` : `a ${outcome} record names a pending record it resolves (${JSON.stringify(resolves)})`
    );
  let sealedBy = null;
  if (r.sealedBy !== null && r.sealedBy !== void 0) {
    if (typeof r.sealedBy !== "object" || Array.isArray(r.sealedBy))
      return damaged(`the record's sealedBy is not an object`);
    const s = r.sealedBy;
    sealedBy = {
      repository: maybeText("repository", s, "sealedBy."),
      commit: maybeText("commit", s, "sealedBy."),
      runUrl: maybeText("runUrl", s, "sealedBy.")
    };
    const signer = maybeText("signer", s, "sealedBy.");
    if (signer !== null) sealedBy = { ...sealedBy, signer };
  }
  let attestation = null;
  if (r.attestation !== null && r.attestation !== void 0) {
    if (typeof r.attestation !== "object" || Array.isArray(r.attestation))
      return damaged(`the record's attestation is not an object`);
    const a2 = r.attestation;
    const uri = maybeText("uri", a2, "attestation.");
    const bundleDigest = digest("attestation.digest", maybeText("digest", a2, "attestation."));
    if (uri === null || bundleDigest === null)
      return damaged(`the record's attestation lacks its uri or digest`);
    attestation = { uri, digest: bundleDigest, id: maybeText("id", a2, "attestation.") };
  }
  let artifact = null;
  if (r.artifact !== null && r.artifact !== void 0) {
    if (typeof r.artifact !== "object" || Array.isArray(r.artifact))
      return damaged(`the record's artifact is not an object`);
    const a2 = r.artifact;
    const name2 = maybeText("name", a2, "artifact.");
    const runId = maybeText("runId", a2, "artifact.");
    if (name2 === null || runId === null)
      return damaged(`the record's artifact lacks its name or runId`);
    artifact = { name: name2, runId };
  }
  const object = (field, from = r, prefix = "") => {
    const v = from[field];
    if (v === null || v === void 0) return null;
    return typeof v === "object" && !Array.isArray(v) ? v : damaged(`the record's ${prefix}${field} is not an object`);
  };
  const contractRef = (field, from, prefix) => {
    const c = object(field, from, prefix);
    if (c === null) return null;
    const contractDigest = digest(
      `${prefix}${field}.digest`,
      maybeText("digest", c, `${prefix}${field}.`)
    );
    const version2 = maybeText("version", c, `${prefix}${field}.`);
    if (contractDigest === null || version2 === null)
      return damaged(`the record's ${prefix}${field} lacks its digest or version`);
    return { digest: contractDigest, version: version2 };
  };
  const contract = contractRef("contract", r, "");
  let amendment = null;
  const a = object("amendment");
  if (a !== null) {
    const count = (field) => {
      const v = a[field];
      return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : damaged(`the record's amendment.${field} is ${JSON.stringify(v)}, not a count`);
    };
    const rules = a.rules;
    if (!Array.isArray(rules) || !rules.every((rule) => typeof rule === "string"))
      return damaged(`the record's amendment.rules is not a list of rule ids`);
    const approval = maybeText("approval", a, "amendment.");
    amendment = {
      from: contractRef("from", a, "amendment."),
      to: contractRef("to", a, "amendment."),
      breaking: count("breaking"),
      dangerous: count("dangerous"),
      compatible: count("compatible"),
      rules,
      ...approval !== null ? { approval } : {}
    };
  }
  let approves = null;
  const scope = object("approves");
  if (scope !== null) {
    const to = digest("approves.to", maybeText("to", scope, "approves."));
    if (to === null) return damaged(`the record's approves lacks the contract digest it approves`);
    approves = { from: digest("approves.from", maybeText("from", scope, "approves.")), to };
  }
  let service;
  if ("service" in r) {
    service = maybeText("service");
    if (service === "") damaged(`the record's service is "", not a name or null`);
  }
  if (approves !== null !== (outcome === "approved")) {
    damaged(
      outcome === "approved" ? "an approved record does not say which contract amendment it approves" : `a ${outcome} record carries an approval scope`
    );
  }
  const observation = observationOf(object("observation"), outcome, damaged);
  const name = maybeText("name");
  return {
    digest: digest("digest", text("digest")),
    name,
    environment: text("environment"),
    service: service === void 0 ? name : service,
    outcome,
    mode,
    time,
    runUrl: maybeText("runUrl"),
    actor: maybeText("actor"),
    sealedBy,
    previousDigest: digest("previousDigest", maybeText("previousDigest")),
    reason: maybeText("reason"),
    environmentUrl: maybeText("environmentUrl"),
    artifact,
    resolves,
    key: text("key"),
    ...attestation !== null ? { attestation } : {},
    ...contract !== null ? { contract } : {},
    ...amendment !== null ? { amendment } : {},
    ...approves !== null ? { approves } : {},
    ...observation !== null ? { observation } : {}
  };
}
var VERDICTS = ["matches", "drifted", "unknown"];
function observationOf(o, outcome, damaged) {
  if (o !== null !== (outcome === "observed"))
    return damaged(
      outcome === "observed" ? "an observed record does not say what was observed" : `a ${outcome} record carries an observation`
    );
  if (o === null) return null;
  const verdict = o.verdict;
  if (!VERDICTS.includes(verdict))
    return damaged(
      `the record's observation.verdict ${JSON.stringify(o.verdict)} is not one of ${VERDICTS.join(", ")}`
    );
  const observed = o.observed;
  if (observed !== null && typeof observed !== "string")
    return damaged(
      `the record's observation.observed is ${JSON.stringify(observed)}, not text or null`
    );
  const texts = (field) => {
    const v = o[field];
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : damaged(`the record's observation.${field} is not a list of text`);
  };
  return { verdict, observed, probes: texts("probes"), rules: texts("rules") };
}

// src/core/paths.ts
function leavesParent(rel) {
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

// src/stores/evidence/directory-handoff.ts
var CREATE_NEW = constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | (constants2.O_NOFOLLOW ?? 0);

// src/stores/ledger/beside-ledger.ts
function besideLedger(ledgerFile) {
  return {
    checkpoint: `${ledgerFile}.checkpoint.sigstore.json`,
    contracts: `${ledgerFile}.contracts`,
    attestations: `${ledgerFile}.attestations`
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
      accessSync(target, constants2.W_OK);
    } catch (error2) {
      throw this.unwritable(error2);
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
    } catch (error2) {
      throw this.unreadable(error2);
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
    } catch (error2) {
      return error2.message;
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
  openForReading(read2) {
    let fd;
    try {
      fd = openSync(this.file, "r");
    } catch (error2) {
      if (error2.code === "ENOENT") throw this.missing();
      throw this.unreadable(error2);
    }
    try {
      const stat2 = fstatSync(fd);
      if (!stat2.isFile()) {
        throw new SealError(
          "unreadable",
          `${this.inputName}: ${quote(this.location)} is not a regular file, so it cannot be a ledger. Give the path of the ledger's .jsonl file.`
        );
      }
      if (stat2.size > MAX_LEDGER_BYTES) {
        throw new SealError(
          "refused",
          `${this.inputName}: the ledger ${quote(this.location)} is ${stat2.size} bytes, over the ${MAX_LEDGER_BYTES / 1024 / 1024} MiB artifact-seal reads. Keep it (it is the history) and start a new ledger for new promotions, or use the github ledger.`
        );
      }
      return read2(fd, stat2.size);
    } catch (error2) {
      if (error2 instanceof SealError) throw error2;
      throw this.unreadable(error2);
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
    } catch (error2) {
      rmSync(temporary, { force: true });
      throw new SealError(
        "unreadable",
        `${this.inputName}: the records were appended to ${quote(this.location)}, but its signed checkpoint ${quote(file)} could not be written (${error2.code ?? String(error2)}). Make the directory writable; the next signed append writes a checkpoint that covers these records too.`,
        { cause: error2 }
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
    } catch (error2) {
      if (error2 instanceof SealError) throw error2;
      throw this.unwritable(error2);
    } finally {
      if (fd !== void 0) closeSync(fd);
    }
  }
  makeDirectory() {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
    } catch (error2) {
      throw this.unwritable(error2);
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
  unreadable(error2) {
    return new SealError(
      "unreadable",
      `${this.inputName}: the ledger ${quote(this.location)} cannot be read (${error2.code ?? String(error2)}). Nothing is promoted without it; make the file readable.`,
      { cause: error2 }
    );
  }
  unwritable(error2) {
    const code2 = error2.code ?? String(error2);
    const why = code2 === "EEXIST" || code2 === "ENOTDIR" ? `a part of ${quote(dirname(this.file))} is a file, not a directory` : code2 === "EACCES" || code2 === "EPERM" ? "permission denied" : code2 === "EROFS" ? "read-only file system" : code2;
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
    const read2 = readSync(fd, buffer, carry.length, buffer.length - carry.length, position);
    if (read2 === 0) break;
    position += read2;
    const filled = carry.length + read2;
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
  const format2 = value?.format;
  if (typeof format2 === "string" && /^artifact-seal\/ledger\/v\d+$/.test(format2)) {
    return `it is in the ledger format ${format2}; this artifact-seal reads ${FORMAT}. Use the artifact-seal version that wrote it, or start a new ledger`;
  }
  return `it is not an artifact-seal ledger line (format ${JSON.stringify(format2)})`;
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

// src/core/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

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
async function checkpointSigning(ledger, settings, env) {
  if (ledger.kind !== "file") return { kind: "none", notice: null };
  const { prepareSigning } = await import("../chunks/signing-GHFOSEE7.js");
  return prepareSigning(settings, env);
}

// src/core/env.ts
var DEFAULT_SERVER_URL = "https://github.com";
var DEFAULT_API_URL = "https://api.github.com";
function serverUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_SERVER_URL, DEFAULT_SERVER_URL);
}
function apiUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_API_URL, DEFAULT_API_URL);
}
function withoutTrailingSlash(value, fallback) {
  return (value?.trim() || fallback).replace(/\/+$/, "");
}

// src/app/ledger/open-ledger.ts
async function openLedger(location, access2, env) {
  if (location.kind === "file") {
    const signHead = access2.signing === void 0 ? null : checkpointSigner(access2.signing, location.file);
    const ledger = new FileLedger(location.file, access2.ledgerInput, {
      create: access2.create === true,
      ...signHead === null ? {} : { signHead }
    });
    if (access2.forWriting) ledger.assertWritable();
    return ledger;
  }
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) {
    throw new SealError(
      "bad-input",
      `${access2.ledgerInput}: "github" needs GITHUB_REPOSITORY (owner/name) to know whose deployments to use; set it, or use a file ledger.`
    );
  }
  if (access2.token === "") {
    throw new SealError(
      "bad-input",
      `${access2.tokenInput}: "github" reads and writes the deployments of ${repository} with a token, and none was given. Give a token that may read deployments (and write them, to promote).`
    );
  }
  const { GitHubDeploymentsLedger } = await import("../chunks/github-deployments-6QOJEVR4.js");
  return new GitHubDeploymentsLedger({
    token: access2.token,
    repository,
    apiUrl: apiUrlOf(env),
    serverUrl: serverUrlOf(env),
    ref: env.GITHUB_SHA || "",
    tokenInput: access2.tokenInput
  });
}

// src/version.ts
var VERSION = "0.1.0";

// src/app/settings/runner-environment.ts
function workspaceDir(env) {
  return env.GITHUB_WORKSPACE || process.cwd();
}
function requesterFromEnv(env) {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  const runUrl = env.GITHUB_ACTIONS === "true" && GITHUB_REPOSITORY && GITHUB_RUN_ID ? `${serverUrlOf(env)}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ""}` : null;
  let actor = env.GITHUB_ACTOR || null;
  if (actor === null && env.GITHUB_ACTIONS !== "true") {
    try {
      actor = userInfo().username;
    } catch {
      actor = null;
    }
  }
  return { runUrl, actor };
}

// src/app/settings/names.ts
var SigningInput = {
  Sign: "sign",
  SigningKey: "signing-key"
};
var SigningEnv = {
  KeyPassword: "ARTIFACT_SEAL_KEY_PASSWORD",
  CosignPassword: "COSIGN_PASSWORD",
  FulcioUrl: "ARTIFACT_SEAL_FULCIO_URL",
  RekorUrl: "ARTIFACT_SEAL_REKOR_URL",
  TsaUrl: "ARTIFACT_SEAL_TSA_URL"
};
var SignerInput = {
  SignedBy: "signed-by"
};
var SignedByKey = {
  Repository: "repository",
  Workflow: "workflow",
  Ref: "ref",
  Issuer: "issuer",
  Runner: "runner",
  Key: "key",
  TrustedRoot: "trusted-root",
  TufMirrors: "tuf-mirrors"
};
var SealInput = {
  SubjectPath: "subject-path",
  SubjectDigest: "subject-digest",
  SubjectName: "subject-name",
  SubjectChecksums: "subject-checksums",
  SubjectParts: "subject-parts",
  IncludeHiddenFiles: "include-hidden-files",
  Contract: "contract",
  Upload: "upload",
  Name: "name",
  RetentionDays: "retention-days",
  Cache: "cache",
  GitHubToken: "github-token",
  PushToRegistry: "push-to-registry",
  PlainHttpRegistries: "plain-http-registries",
  ...SigningInput
};
var BytesInput = {
  SubjectPath: "subject-path",
  ChecksumsPath: "checksums-path",
  Name: "name",
  RunId: "run-id",
  Repository: "repository",
  GitHubToken: "github-token",
  PlainHttpRegistries: "plain-http-registries"
};
var VerifyInput = {
  ExpectedDigest: "expected-digest",
  ...BytesInput,
  ...SignerInput
};
var PromoteInput = {
  Environment: "environment",
  ExpectedDigest: "expected-digest",
  SubjectName: "subject-name",
  ...BytesInput,
  Policy: "policy",
  Ledger: "ledger",
  Rollback: "rollback",
  Veto: "veto",
  ApproveAmendment: "approve-amendment",
  From: "from",
  Wait: "wait",
  Confirm: "confirm",
  DryRun: "dry-run",
  DigestOnly: "digest-only",
  PushToRegistry: "push-to-registry",
  ...SignerInput,
  ...SigningInput
};
var PromoteOutput = {
  Promoted: "promoted",
  Digest: "digest",
  PreviousDigest: "previous-digest",
  RecordId: "record-id",
  RecordUrl: "record-url",
  Decision: "decision",
  Path: "path",
  Signer: "signer",
  AttestationId: "attestation-id",
  AttestationUrl: "attestation-url",
  ContractVersion: "contract-version",
  ContractDigest: "contract-digest",
  ImageRef: "image-ref"
};
var PromoteState = {
  Pending: "pending-record"
};

// src/actions/report-failure.ts
function reportFailure(error2) {
  if (error2 instanceof SealError) {
    for (const problem of error2.details.problems ?? []) {
      if (problem.line === null || isAbsolute(problem.file) || leavesParent(problem.file))
        continue;
      error(problem.message, {
        title: "artifact-seal",
        file: problem.file,
        startLine: problem.line,
        ...problem.column === null ? {} : { startColumn: problem.column }
      });
    }
    setFailed(error2.message);
    return;
  }
  const e = error2 instanceof Error ? error2 : new Error(String(error2));
  debug(e.stack ?? e.message);
  setFailed(
    `artifact-seal stopped on an unexpected error: ${e.message}. Re-run with ACTIONS_STEP_DEBUG=true for details, and report it if it persists.`
  );
}

// src/report/promotion-report.ts
function resolutionHeadline(entry) {
  const what = entry.name ?? entry.digest;
  switch (entry.outcome) {
    case "deployed":
      return `${what} deployed to ${entry.environment}: live there from ${entry.time} (record ${entry.id} confirms record ${entry.resolves})`;
    case "rolled-back":
      return `${entry.environment} rolled back to ${what}: live there from ${entry.time} (record ${entry.id} confirms record ${entry.resolves})`;
    case "failed":
      return `the deployment of ${what} to ${entry.environment} failed (record ${entry.id} closes record ${entry.resolves})`;
    default:
      return `record ${entry.resolves} of ${what} in ${entry.environment}: ${entry.outcome} (record ${entry.id})`;
  }
}

// src/core/promotion/policy.ts
var BREAKING_RULES = [
  "refuse",
  "require-major",
  "require-approval",
  "allow"
];
var DANGEROUS_RULES = ["warn", "refuse"];
var ROLLBACK_RULES = ["allow", "check"];

// src/report/markdown.ts
var LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
var INLINE = /[&<>\\`*_[\]|~:@$#]/g;
var NAMED = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "@": "&#64;&#8203;"
};
var reference = (char) => NAMED[char] ?? `&#${char.charCodeAt(0)};`;
function plain2(value) {
  const flat = visibleControls(value.replace(LINE_BREAKS, " "));
  let out = flat.replace(INLINE, reference).replace(/www\./gi, (www) => `${reference(www[0])}${www.slice(1)}`);
  if (/^(?:[\s\-+=]|[0-9]{1,9}[.)])/.test(out)) out = reference(out[0]) + out.slice(1);
  if (/\s$/.test(out)) out = out.slice(0, -1) + reference(out.slice(-1));
  return out;
}
var ENDS_CODE_SPAN = new RegExp(`[\`|\\\\${CONTROL_CHARACTERS}\u2028\u2029]`, "u");
var SPACE_OR_CONTROL = new RegExp(`[\\s${CONTROL_CHARACTERS}]`, "u");
function code(value) {
  if (value !== "" && !ENDS_CODE_SPAN.test(value) && !/^\s|\s$/.test(value)) return `\`${value}\``;
  return `<code>${plain2(value)}</code>`;
}
function link2(label2, url, origins) {
  const target = safeUrl(url, origins);
  return target === null ? label2 : `[${label2}](${target})`;
}
function safeUrl(url, origins) {
  if (typeof url !== "string" || !URL.canParse(url) || SPACE_OR_CONTROL.test(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") return null;
  if (!origins.some((origin) => URL.canParse(origin) && new URL(origin).origin === parsed.origin))
    return null;
  return parsed.href.replace(
    /[()[\]|\\<>"'`*_~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  ).replace(/&/g, "&amp;");
}

// src/report/promotion-markdown.ts
function recordLink(record, origins) {
  return link2(code(record.id), record.url, origins);
}
function renderResolutionMarkdown(entry, ledger, serverUrl = DEFAULT_SERVER_URL) {
  return [
    `### ${makesLive(entry.outcome) ? "\u2705" : "\u26D4"} ${plain2(resolutionHeadline(entry))}`,
    "",
    ...entry.reason ? [plain2(entry.reason), ""] : [],
    `| Digest | ${code(entry.digest)} |`,
    "| --- | --- |",
    `| Environment | ${plain2(entry.environment)} |`,
    `| Ledger | ${code(ledger)}, record ${recordLink(entry, [serverUrl])} |`,
    ""
  ].join("\n");
}

// src/actions/promote/report-resolution.ts
async function reportResolution(entry, asked, ledger, summary2) {
  const line = resolutionHeadline(entry);
  if (summary2)
    await summary.addRaw(renderResolutionMarkdown(entry, ledger, serverUrlOf(process.env))).write();
  setOutput(PromoteOutput.Promoted, String(makesLive(entry.outcome)));
  setOutput(PromoteOutput.Digest, entry.digest);
  setOutput(PromoteOutput.RecordId, entry.id);
  setOutput(PromoteOutput.RecordUrl, entry.url ?? "");
  if (asked === "confirmed" && !makesLive(entry.outcome))
    setFailed(`${line}: ${entry.reason ?? ""}`);
  else info(line);
}

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

// src/core/promotion/policy-file.ts
var import_yaml = __toESM(require_yaml());

// src/core/promotion/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var DURATION_PATTERN = "^(0|([0-9]+(ms|s|m|h|d|w))+)$";
var PART = /([0-9]+)(ms|s|m|h|d|w)/g;
function parseDuration(text) {
  if (!new RegExp(DURATION_PATTERN).test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART))
    total += Number(amount) * UNIT_MS[unit];
  return Number.isSafeInteger(total) ? total : null;
}

// src/core/image/reference.ts
var NAME_MAX = 255;
var ALPHA_NUMERIC = "[a-z0-9]+";
var SEPARATOR = "(?:[._]|__|-+)";
var PATH_COMPONENT = new RegExp(`^${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*$`);
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var HOST = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]+))?$`
);
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_HOST = "registry-1.docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function parseImageReference(value, what) {
  const text = value.trim();
  const fail = (why, fix) => {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(text)} is not an image reference: ${why}. ${fix}`
    );
  };
  if (text === "")
    fail(
      "it is empty",
      'Give a reference such as "ghcr.io/acme/app:1.4.0" or "ghcr.io/acme/app@sha256:\u2026".'
    );
  const at = text.indexOf("@");
  let digest = null;
  let rest = text;
  if (at !== -1) {
    if (text.indexOf("@", at + 1) !== -1)
      fail('it has more than one "@"', 'Give one digest after "@".');
    const after = text.slice(at + 1);
    const colon2 = after.indexOf(":");
    if (colon2 === -1)
      fail('the digest after "@" must start with "sha256:"', 'Write it as "name@sha256:<64 hex>".');
    const algorithm = after.slice(0, colon2).toLowerCase();
    if (algorithm !== "sha256")
      fail(
        `the digest after "@" is a ${quote(algorithm)} digest`,
        'artifact-seal reads sha256 digests only: write "name@sha256:<64 hex>".'
      );
    const hex = after.slice(colon2 + 1);
    if (!/^[0-9a-fA-F]{64}$/.test(hex))
      fail(
        `the digest after "@" is not "sha256:" and 64 hex characters (got ${hex.length} characters)`,
        "Copy the whole digest."
      );
    digest = digestFromHex(hex.toLowerCase());
    rest = text.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  let tag = null;
  let name = rest;
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    name = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      fail(
        `the tag ${quote(tag)} is not a valid tag`,
        'A tag is 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".'
      );
    }
  }
  if (name === "")
    fail(
      "the name before the tag or digest is empty",
      'Give the repository, such as "ghcr.io/acme/app".'
    );
  if (name.length > NAME_MAX)
    fail(
      `the name is ${name.length} characters long`,
      `A name is at most ${NAME_MAX} characters, registry included.`
    );
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const hasRegistry = namesRegistry(name);
  let registry = DOCKER_HUB;
  let path = name;
  if (hasRegistry) {
    const host = HOST.exec(first);
    if (host === null)
      return fail(
        `the registry ${quote(first)} is not a host name, an IP address or either with a port`,
        'Write the registry as "host" or "host:port", such as "ghcr.io" or "localhost:5000".'
      );
    const port = host[1];
    if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535))
      fail(`the port ${port} is out of range`, "Give a port from 1 to 65535.");
    registry = first.toLowerCase();
    path = name.slice(slash + 1);
  }
  path = path.toLowerCase();
  for (const component of path.split("/")) {
    if (PATH_COMPONENT.test(component)) continue;
    fail(
      component === "" ? `the repository ${quote(path)} has an empty path component` : `the path component ${quote(component)} is not valid`,
      'Each "/"-separated part of a repository is lower-case letters and digits, joined by ".", "_", "__" or dashes.'
    );
  }
  const dockerHub = DOCKER_HUB_ALIASES.has(registry);
  return {
    registry: dockerHub ? DOCKER_HUB : registry,
    repository: dockerHub && !path.includes("/") ? `library/${path}` : path,
    name: hasRegistry ? `${registry}/${path}` : path,
    tag,
    digest
  };
}
function namesRegistry(name) {
  const slash = name.indexOf("/");
  if (slash === -1) return false;
  const first = name.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost";
}
var OCI_SCHEME = "oci://";
function isImageSubject(text) {
  return text.split(/[\r\n,]/).some((entry) => entry.trim().toLowerCase().startsWith(OCI_SCHEME));
}
function parseImageSubject(text, what) {
  const lines = text.split(/\r?\n/).map((line2) => line2.trim()).filter((line2) => line2 !== "" && !line2.startsWith("#"));
  if (lines.length !== 1 || lines[0].includes(",")) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(text.trim())} names an image (${OCI_SCHEME}\u2026) among other entries. An image is sealed, verified and promoted alone: give one ${OCI_SCHEME} reference and nothing else.`
    );
  }
  const line = lines[0];
  if (!line.toLowerCase().startsWith(OCI_SCHEME)) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(line)} names an image but does not start with ${quote(OCI_SCHEME)}. Write it as "oci://ghcr.io/acme/app:1.4.0".`
    );
  }
  return parseImageReference(line.slice(OCI_SCHEME.length), what);
}
function parsePlainHttpRegistries(values, what) {
  const registries = [];
  for (const value of values) {
    const fail = (why) => {
      throw new SealError(
        "bad-input",
        `${what}: ${quote(value)} ${why}. Give a registry as "host" or "host:port", such as "registry.lan:5000", with no scheme or path.`
      );
    };
    const text = value.trim();
    if (text === "") fail("is empty");
    if (/\s/.test(text)) fail("holds a space");
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) fail("has a scheme");
    const host = HOST.exec(text);
    if (host === null) fail("is not a host name, an IP address or either with a port");
    const port = host[1];
    if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535))
      fail(`has the port ${port}, out of range`);
    const registry = text.toLowerCase();
    const name = port === void 0 ? registry : registry.slice(0, -(port.length + 1));
    if (DOCKER_HUB_ALIASES.has(name) || name === DOCKER_HUB_HOST)
      fail("is Docker Hub, which is served over HTTPS only");
    if (!registries.includes(registry)) registries.push(registry);
  }
  return registries;
}

// src/core/observe/spec.ts
var DRIFT_RULES = ["block", "warn"];
var ENTRY_SCHEMA = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    service: { type: "string", pattern: "\\S" },
    url: { type: "string", pattern: "^https?://\\S+$" },
    pointer: { type: "string", pattern: "^(/[^\\x00-\\x1f]*)?$" },
    command: { type: "string", pattern: "\\S" },
    files: { type: "string", pattern: "\\S" },
    checksums: { type: "string", pattern: "\\S" },
    "contract-url": { type: "string", pattern: "^https?://\\S+$" },
    image: { type: "string", pattern: "\\S" },
    timeout: { type: "string", pattern: "^([0-9]+(ms|s|m))+$" }
  }
};
var OBSERVE_SCHEMA = {
  anyOf: [ENTRY_SCHEMA, { type: "array", minItems: 1, items: ENTRY_SCHEMA }]
};
var DRIFT_SCHEMA = { type: "string", enum: [...DRIFT_RULES] };

// src/core/promotion/policy-schema.ts
var ENVIRONMENT_NAME = "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$";
var environmentList = {
  type: "array",
  items: { type: "string", pattern: ENVIRONMENT_NAME },
  uniqueItems: true
};
var SERVICE_NAME = "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$";
var REPOSITORY_PATTERN = "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$";
var WORKFLOW_PATTERN = "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$";
var PLATFORM_PATTERN = "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$";
var TAG_PATTERN = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";
var IMAGE_NAME_PATTERN = "^[A-Za-z0-9][^\\s@]{0,300}$";
var POLICY_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://artifact-seal.dev/schemas/promotion-policy.json",
  title: "artifact-seal promotion policy",
  type: "object",
  additionalProperties: false,
  required: ["environments"],
  properties: {
    service: { type: "string", pattern: SERVICE_NAME },
    services: {
      type: "array",
      items: { type: "string", pattern: SERVICE_NAME },
      uniqueItems: true,
      minItems: 1
    },
    environments: {
      type: "object",
      minProperties: 1,
      propertyNames: { pattern: ENVIRONMENT_NAME },
      additionalProperties: {
        type: ["object", "null"],
        additionalProperties: false,
        properties: {
          requires: environmentList,
          "requires-any": { ...environmentList, minItems: 1 },
          soak: { type: "string", pattern: DURATION_PATTERN },
          platforms: {
            type: "array",
            items: { type: "string", pattern: PLATFORM_PATTERN },
            uniqueItems: true,
            minItems: 1
          },
          image: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            properties: {
              tag: { type: "string", pattern: TAG_PATTERN },
              "copy-to": { type: "string", pattern: IMAGE_NAME_PATTERN }
            }
          },
          url: { type: "string", pattern: "^https?://\\S+$" },
          "signed-by": {
            type: "object",
            additionalProperties: false,
            required: ["repository"],
            properties: {
              repository: { type: "string", pattern: REPOSITORY_PATTERN },
              workflow: { type: "string", pattern: WORKFLOW_PATTERN },
              ref: { type: "string", pattern: "^refs/\\S+$" },
              issuer: { type: "string", pattern: "^https://\\S+$" },
              runner: { type: "string", enum: ["github-hosted"] }
            }
          },
          contract: {
            type: "object",
            additionalProperties: false,
            properties: {
              breaking: { type: "string", enum: [...BREAKING_RULES] },
              dangerous: { type: "string", enum: [...DANGEROUS_RULES] },
              rollback: { type: "string", enum: [...ROLLBACK_RULES] }
            }
          },
          observe: OBSERVE_SCHEMA,
          drift: DRIFT_SCHEMA
        }
      }
    }
  }
};

// src/core/promotion/plain-yaml.ts
var NOT_PLAIN = /* @__PURE__ */ Symbol("not plain YAML");
var NotPlain = class extends Error {
};
var notPlain = () => {
  throw new NotPlain();
};
var MAX_DEPTH = 32;
var PLAIN_TEXT = /^[\x20-\x7e\n]*$/;
var BLOCK_SCALAR = /^[A-Za-z0-9_./~][^#]*?(?=\s+#|\s*$)/;
var FLOW_SCALAR = /^[A-Za-z0-9_./~][^#,[\]{}]*?(?=\s*[,\]}]|\s+#|\s*$|:\s)/;
var PLAIN_KEY = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
var NULL = /^(?:null|Null|NULL|~)$/;
var BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
var NUMBER_LIKE = /^(?:[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;
function plainValue(text) {
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text.toLowerCase() === "true";
  if (NUMBER_LIKE.test(text)) notPlain();
  if (/:(\s|$)|\s#/.test(text)) notPlain();
  return text;
}
function quoted(text, at) {
  const quote2 = text[at];
  let value = "";
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote2 === "'") {
      if (c !== "'") value += c;
      else if (text[i + 1] === "'") value += text[++i];
      else return { value, end: i + 1 };
    } else if (c === '"') {
      return { value, end: i + 1 };
    } else if (c === "\\") {
      const escaped = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "	" }[text[++i] ?? ""];
      value += escaped ?? notPlain();
    } else {
      value += c;
    }
  }
  return notPlain();
}
function restIsEmpty(text, at) {
  return /^(?:\s+#.*|\s*)$/.test(text.slice(at));
}
var isKey = (key) => typeof key === "string" && key !== "__proto__" && !/^(?:0|[1-9][0-9]*)$/.test(key);
function setOnce(map, key, value) {
  if (!isKey(key) || Object.prototype.hasOwnProperty.call(map, key)) notPlain();
  map[key] = value;
}
function flowValue(text, at, depth) {
  const c = text[at];
  if (c === "[" || c === "{") return flowCollection(text, at, depth + 1);
  if (c === '"' || c === "'") return quoted(text, at);
  const match = FLOW_SCALAR.exec(text.slice(at)) ?? notPlain();
  return { value: plainValue(match[0].trimEnd()), end: at + match[0].length };
}
function skipSpaces(text, at) {
  while (text[at] === " ") at++;
  return at;
}
function flowCollection(text, at, depth) {
  if (depth > MAX_DEPTH) notPlain();
  const isMap2 = text[at] === "{";
  const close2 = isMap2 ? "}" : "]";
  const value = isMap2 ? {} : [];
  let i = skipSpaces(text, at + 1);
  if (text[i] === close2) return { value, end: i + 1 };
  for (; ; ) {
    if (isMap2) {
      const key = flowValue(text, i, depth);
      if (text[key.end] !== ":" || text[key.end + 1] !== " ") notPlain();
      const item = flowValue(text, skipSpaces(text, key.end + 1), depth);
      if (typeof key.value !== "string") notPlain();
      setOnce(value, key.value, item.value);
      i = skipSpaces(text, item.end);
    } else {
      const item = flowValue(text, i, depth);
      value.push(item.value);
      i = skipSpaces(text, item.end);
    }
    if (text[i] === close2) return { value, end: i + 1 };
    if (text[i] !== ",") notPlain();
    i = skipSpaces(text, i + 1);
    if (text[i] === close2 || i >= text.length) notPlain();
  }
}
function inlineValue(text, depth) {
  const c = text[0];
  if (c === "[" || c === "{" || c === '"' || c === "'") {
    const { value, end } = c === "[" || c === "{" ? flowCollection(text, 0, depth + 1) : quoted(text, 0);
    if (!restIsEmpty(text, end)) notPlain();
    return value;
  }
  const match = BLOCK_SCALAR.exec(text) ?? notPlain();
  if (!restIsEmpty(text, match[0].length)) notPlain();
  return plainValue(match[0].trimEnd());
}
function blockKey(text) {
  if (text[0] === '"' || text[0] === "'") {
    const { value, end } = quoted(text, 0);
    if (text[end] !== ":" || end + 1 < text.length && text[end + 1] !== " ") notPlain();
    return { key: value, rest: text.slice(end + 1) };
  }
  const colon = /:(?: |$)/.exec(text);
  if (colon === null) return null;
  const key = plainValue(
    PLAIN_KEY.test(text.slice(0, colon.index)) ? text.slice(0, colon.index).trimEnd() : notPlain()
  );
  if (typeof key !== "string") notPlain();
  return { key, rest: text.slice(colon.index + 1) };
}
var Reader = class {
  constructor(lines) {
    this.lines = lines;
  }
  lines;
  next = 0;
  peek() {
    return this.lines[this.next];
  }
  depth = 0;
  /** The block whose first line is the next one, at its indentation. */
  block(indent) {
    const first = this.peek();
    if (first === void 0 || first.indent !== indent || this.depth >= MAX_DEPTH) return notPlain();
    this.depth++;
    try {
      return first.text === "-" || first.text.startsWith("- ") ? this.sequence(indent) : this.mapping(indent);
    } finally {
      this.depth--;
    }
  }
  /**
   * What follows a key or dash with nothing after it: a deeper block, a sequence at the key's own
   * indentation, or null.
   */
  nested(indent, sequenceMayAlign) {
    const line = this.peek();
    if (line !== void 0 && line.indent > indent) return this.block(line.indent);
    if (sequenceMayAlign && line !== void 0 && line.indent === indent && (line.text === "-" || line.text.startsWith("- ")))
      return this.sequence(indent);
    return null;
  }
  mapping(indent) {
    const map = {};
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) notPlain();
      const entry = blockKey(line.text) ?? notPlain();
      this.next++;
      const hasInline = !restIsEmpty(entry.rest, 0);
      const value = hasInline ? inlineValue(entry.rest.trimStart(), this.depth) : this.nested(indent, true);
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
      setOnce(map, entry.key, value);
    }
    return map;
  }
  sequence(indent) {
    const items = [];
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !(line.text === "-" || line.text.startsWith("- "))) notPlain();
      this.next++;
      const rest = line.text.slice(1);
      const hasInline = !restIsEmpty(rest, 0);
      if (hasInline && blockKey(rest.trimStart()) !== null && !/^\s*[[{]/.test(rest)) notPlain();
      items.push(hasInline ? inlineValue(rest.trimStart(), this.depth) : this.nested(indent, false));
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
    }
    return items;
  }
};
function readPlainYaml(text) {
  const normalized = text.replace(/\r\n/g, "\n");
  if (!PLAIN_TEXT.test(normalized)) return NOT_PLAIN;
  const lines = [];
  for (const raw of normalized.split("\n")) {
    const text2 = raw.trimStart();
    if (text2 === "" || text2.startsWith("#")) continue;
    if (raw.startsWith("%") || raw.startsWith("---") || raw.startsWith("...")) return NOT_PLAIN;
    lines.push({ indent: raw.length - text2.length, text: text2.trimEnd() });
  }
  try {
    const reader = new Reader(lines);
    if (reader.peek()?.indent !== 0) return NOT_PLAIN;
    const value = reader.block(0);
    if (reader.peek() !== void 0 || value === null || typeof value !== "object" || Array.isArray(value))
      return NOT_PLAIN;
    return value;
  } catch (error2) {
    if (error2 instanceof NotPlain) return NOT_PLAIN;
    throw error2;
  }
}

// src/core/promotion/policy-file.ts
var CONTRACT_FIELD_MEANING = {
  breaking: `Write one of them: ${BREAKING_RULES.join(" | ")} (what a breaking contract amendment needs to enter).`,
  dangerous: `Write one of them: ${DANGEROUS_RULES.join(" | ")} (what a change that may break some clients does).`,
  rollback: `Write one of them: ${ROLLBACK_RULES.join(" | ")} (whether a rollback's contract amendment is judged too).`
};

// src/app/settings/load-policy.ts
var DEFAULT_POLICY_FILE = ".github/promotion.yml";

// src/app/settings/inputs.ts
function readPlainHttpRegistries(text, name) {
  return parsePlainHttpRegistries(inputLines(text), name);
}
function inputLines(text) {
  return text.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
}
function parseBooleanInput(name, value, fallback) {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new SealError("bad-input", `${name}: ${quote(value)} is not a boolean. Use true or false.`);
}

// src/core/subject/patterns.ts
function parseSubjectPatterns(value) {
  const include = [];
  const exclude = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    for (const part of line.split(",")) {
      const pattern = part.trim();
      if (pattern === "") continue;
      if (pattern.startsWith("!")) {
        const negated = pattern.slice(1).trim();
        if (negated !== "") exclude.push(negated);
      } else {
        include.push(pattern);
      }
    }
  }
  return { include, exclude };
}

// src/app/settings/bytes-source.ts
function readBytesSource(getInput2, workspace, names) {
  const input = (name) => getInput2(name).trim();
  const artifactName = input(names.name);
  const runIdText = input(names.runId);
  const repository = input(names.repository);
  const checksums = input(names.checksumsPath);
  const plainHttp = names.plainHttp === void 0 ? [] : readPlainHttpRegistries(getInput2(names.plainHttp), names.plainHttp);
  const image = readImage(getInput2, names);
  const subject = image === null ? readSubject(getInput2, workspace, names.subjectPath) : null;
  if ((subject !== null || image !== null) && artifactName !== "") {
    throw new SealError(
      "bad-input",
      `${names.subjectPath} and ${names.name} both say where the bytes are; give one: ${names.subjectPath} for files in the workspace, ${names.name} for a workflow artifact.`
    );
  }
  for (const [name, value] of [
    [names.runId, runIdText],
    [names.repository, repository]
  ]) {
    if (value !== "" && artifactName === "") {
      throw new SealError(
        "bad-input",
        `${name}: ${quote(value)} says where the workflow artifact was uploaded; give ${names.name} too, or remove it.`
      );
    }
  }
  if (checksums !== "" && subject === null && image === null && !(names.listingAlone === true && artifactName === "")) {
    throw new SealError(
      "bad-input",
      `${names.checksumsPath}: ${quote(checksums)} names the files that differ in ${names.subjectPath}; give ${names.subjectPath} too, or remove it (a workflow artifact carries its own listing).`
    );
  }
  if (image !== null)
    return {
      ...image,
      token: input(names.token),
      checksumsFile: checksums === "" ? null : resolve(workspace, checksums),
      plainHttp
    };
  if (subject !== null)
    return {
      kind: "local",
      subject,
      checksumsFile: checksums === "" ? null : resolve(workspace, checksums)
    };
  if (artifactName === "") return null;
  let runId = null;
  if (runIdText !== "") {
    runId = Number(runIdText);
    if (!/^[1-9][0-9]*$/.test(runIdText) || !Number.isSafeInteger(runId)) {
      throw new SealError(
        "bad-input",
        `${names.runId}: ${quote(runIdText)} is not a workflow run id. Give the number from the run's URL (\u2026/actions/runs/<id>), such as "\${{ github.event.workflow_run.id }}".`
      );
    }
  }
  if (repository !== "" && runId === null) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is another repository's; give ${names.runId} too, the run there that uploaded ${quote(artifactName)}.`
    );
  }
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    );
  }
  const token = input(names.token);
  if (runId !== null && token === "") {
    throw new SealError(
      "bad-input",
      `${names.token}: required to download from another run (${names.runId}: ${runIdText}). Give "\${{ github.token }}" and grant the job "permissions: actions: read".`
    );
  }
  return {
    kind: "artifact",
    name: artifactName,
    runId,
    repository: repository === "" ? null : repository,
    token
  };
}
function misspelledInputs(env, inputs) {
  const squash = (name) => name.toLowerCase().replace(/[-_\s]/g, "");
  const wanted = new Map(inputs.map((name) => [squash(name), name]));
  const found = [];
  for (const key of Object.keys(env)) {
    if (!key.startsWith("INPUT_") || env[key] === void 0 || env[key] === "") continue;
    const given = key.slice("INPUT_".length);
    const meant = wanted.get(squash(given));
    if (meant !== void 0 && given !== meant.replace(/ /g, "_").toUpperCase())
      found.push(`${given.toLowerCase()} (${key}), read as nothing: did you mean ${meant}?`);
  }
  return found.sort();
}
function readImage(getInput2, names) {
  const text = getInput2(names.subjectPath);
  if (!isImageSubject(text)) return null;
  return {
    kind: "image",
    reference: parseImageSubject(text, names.subjectPath),
    inputName: names.subjectPath
  };
}
function readSubject(getInput2, workspace, pathInput) {
  const subjectPath = getInput2(pathInput).trim();
  if (subjectPath === "") return null;
  return {
    kind: "paths",
    patterns: parseSubjectPatterns(getInput2(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    // The files an exclusion kept out of the seal need not have been carried to the deploy job.
    unusedExclusions: "allow",
    // As the seal action leaves them out by default; a sealed listing that names one turns it back
    // (verify-artifact.ts).
    hidden: "leave-out"
  };
}

// src/core/signing/public-key.ts
var PRIVATE_LABELS = /* @__PURE__ */ new Set([
  "PRIVATE KEY",
  "EC PRIVATE KEY",
  "RSA PRIVATE KEY",
  "ENCRYPTED PRIVATE KEY",
  "ENCRYPTED SIGSTORE PRIVATE KEY",
  "ENCRYPTED COSIGN PRIVATE KEY"
]);
var PUBLIC_LABELS = /* @__PURE__ */ new Set(["PUBLIC KEY", "RSA PUBLIC KEY"]);
var CURVES = {
  prime256v1: "ecdsa-p256",
  secp384r1: "ecdsa-p384",
  secp521r1: "ecdsa-p521"
};
var RSA_MIN_BITS = 2048;
var RSA_MAX_BITS = 4096;
var SUPPORTED_KEYS = "ECDSA on P-256, P-384 or P-521, Ed25519, or RSA of 2048 to 4096 bits";
var GENERATE_HINT = 'Create one with "cosign generate-key-pair" or "openssl genpkey -algorithm ed25519 -out key.pem".';
function looksLikePem(text) {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text);
}
function keyHint(publicKey) {
  return Buffer.from(sha256Hex(publicKey.export({ type: "spki", format: "der" })), "hex").toString(
    "base64"
  );
}
function normalize2(text) {
  return text.replace(/^\uFEFF/, "").replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\r\n?/g, "\n");
}
function pemBlocks(text, where) {
  const blocks = [];
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/g;
  let match;
  while ((match = begin.exec(text)) !== null) {
    const label2 = match[1] ?? "";
    const endLine = `-----END ${label2}-----`;
    const end = text.indexOf(endLine, begin.lastIndex);
    if (end === -1) {
      throw new SealError(
        "malformed",
        `${where}: the "${label2}" block has a BEGIN line but no "${endLine}" line: the text was cut short. Copy the whole file, END line included.`
      );
    }
    const inner = text.slice(begin.lastIndex, end);
    const lines = inner.split("\n").map((line) => line.trim());
    const isHeader = (line) => /^[A-Za-z][A-Za-z0-9-]*:/.test(line);
    blocks.push({
      label: label2,
      headers: lines.filter(isHeader),
      body: lines.filter((line) => !isHeader(line)).join("").replace(/\s+/g, "")
    });
    begin.lastIndex = end + endLine.length;
  }
  return blocks;
}
function bodyBytes(block, where) {
  if (block.body === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(block.body) || block.body.length % 4 === 1) {
    throw new SealError(
      "malformed",
      `${where}: the base64 text between the "${block.label}" BEGIN and END lines is damaged. Copy the whole key file into the secret again.`
    );
  }
  return Buffer.from(block.body, "base64");
}
function algorithmOf(key, where) {
  switch (key.asymmetricKeyType) {
    case "ec": {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const algorithm = curve === void 0 ? void 0 : CURVES[curve];
      if (algorithm === void 0) {
        throw new SealError(
          "unrecognized",
          `${where}: is an ECDSA key on ${curve === void 0 ? "a curve given by explicit parameters" : `curve ${curve}`}, which Sigstore tools do not accept. Use a key on P-256, P-384 or P-521, such as one from "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256".`
        );
      }
      return algorithm;
    }
    case "ed25519":
      return "ed25519";
    case "rsa": {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
        throw new SealError(
          "unrecognized",
          `${where}: is a ${bits}-bit RSA key; Sigstore tools accept RSA keys of ${RSA_MIN_BITS} to ${RSA_MAX_BITS} bits. Use a 3072-bit RSA key, or an ECDSA P-256 or Ed25519 key.`
        );
      }
      return "rsa";
    }
    default:
      throw new SealError(
        "unrecognized",
        `${where}: is a ${key.asymmetricKeyType ?? "secret"} key, which cannot sign Sigstore bundles. Supported keys: ${SUPPORTED_KEYS}. ${GENERATE_HINT}`
      );
  }
}
function notPem(where, expected) {
  return new SealError(
    "malformed",
    `${where}: is not PEM text (no "-----BEGIN ${expected}-----" line). Pass the whole key file, BEGIN and END lines included${expected === "PUBLIC KEY" ? "" : ', from a secret ("${{ secrets.SIGNING_KEY }}")'}.`
  );
}
function material(publicKey, algorithm) {
  return { publicKey, hint: keyHint(publicKey), algorithm };
}
function readPublicKey(text, source) {
  const normalized = normalize2(text).trim();
  if (normalized === "")
    throw new SealError(
      "bad-input",
      `${source}: is empty. Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026"), such as cosign.pub.`
    );
  const blocks = pemBlocks(normalized, source);
  if (blocks.length === 0) throw notPem(source, "PUBLIC KEY");
  const publicBlocks = blocks.filter((block2) => PUBLIC_LABELS.has(block2.label));
  if (publicBlocks.length > 1)
    throw new SealError(
      "bad-input",
      `${source}: holds ${publicBlocks.length} public keys. Give exactly one.`
    );
  const block = publicBlocks[0];
  if (block === void 0) {
    if (blocks.some(
      (candidate) => PRIVATE_LABELS.has(candidate.label) || candidate.label.endsWith("PRIVATE KEY")
    )) {
      throw new SealError(
        "bad-input",
        `${source}: holds a private key where the public key is expected. Give only the public half (cosign.pub, or "openssl pkey -pubout -in key.pem"), and rotate the key if this text was published.`
      );
    }
    if (blocks[0]?.label === "CERTIFICATE") {
      throw new SealError(
        "bad-input",
        `${source}: holds a certificate, not a public key. Give the key it certifies ("openssl x509 -pubkey -noout -in cert.pem").`
      );
    }
    throw new SealError(
      "unrecognized",
      `${source}: holds a "${blocks[0]?.label ?? ""}" PEM block, not a public key. Give the "-----BEGIN PUBLIC KEY-----" text, such as cosign.pub.`
    );
  }
  let publicKey;
  try {
    publicKey = createPublicKey({
      key: bodyBytes(block, source),
      format: "der",
      type: block.label === "RSA PUBLIC KEY" ? "pkcs1" : "spki"
    });
  } catch (error2) {
    if (error2 instanceof SealError) throw error2;
    throw new SealError(
      "unrecognized",
      `${source}: the "${block.label}" block is not a public key this tool can read (damaged, or an unsupported type). Supported keys: ${SUPPORTED_KEYS}.`
    );
  }
  return material(publicKey, algorithmOf(publicKey, source));
}

// src/attestation/tuf-mirrors.ts
var TUF_MIRRORS_INPUT = "tuf-mirrors";
var PUBLIC_GOOD_TUF_MIRROR = "https://tuf-repo-cdn.sigstore.dev";
var GITHUB_TUF_MIRROR = "https://tuf-repo.github.com";
var DEFAULT_TUF_MIRRORS = [
  { url: PUBLIC_GOOD_TUF_MIRROR, rootFile: null },
  { url: GITHUB_TUF_MIRROR, rootFile: null }
];
var BUILT_IN_ROOTS = /* @__PURE__ */ new Set([PUBLIC_GOOD_TUF_MIRROR, GITHUB_TUF_MIRROR]);
var FORMAT2 = 'Write one repository a line: its URL, a space, and the path of its root.json, such as "https://tuf.example.com/sigstore sigstore-root.json".';
function parseTufMirrors(text, baseDir, inputName = TUF_MIRRORS_INPUT) {
  const mirrors = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [urlText = ""] = line.split(/\s+/, 1);
    const rootText = line.slice(urlText.length).trim();
    const parsed = URL.canParse(urlText) ? new URL(urlText) : null;
    if (parsed === null || parsed.protocol !== "https:" && parsed.protocol !== "http:" || parsed.search !== "" || parsed.hash !== "") {
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(urlText)} is not the http(s) URL of a TUF repository. ${FORMAT2}`
      );
    }
    const url = urlText.replace(/\/+$/, "");
    if (mirrors.some((m) => m.url === url))
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(url)} is named twice. Name each repository once.`
      );
    if (rootText === "") {
      if (!BUILT_IN_ROOTS.has(url)) {
        throw new SealError(
          "bad-input",
          `${inputName}: ${quote(url)} has no root.json. Only ${quote(PUBLIC_GOOD_TUF_MIRROR)} and ${quote(GITHUB_TUF_MIRROR)} have theirs built in; give the path of the repository's root.json after its URL (the version its maintainers publish, or one you trust). ${FORMAT2}`
        );
      }
      mirrors.push({ url, rootFile: null });
      continue;
    }
    const rootFile = resolve(baseDir, rootText);
    checkTufRoot(rootFile, `${inputName}: the root.json ${quote(rootText)} of ${quote(url)}`);
    mirrors.push({ url, rootFile });
  }
  return mirrors.length === 0 ? null : mirrors;
}
function checkTufRoot(file, what) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error2) {
    throw new SealError(
      "unreadable",
      `${what} cannot be read (${error2.code ?? String(error2)}). Give the path of the repository's root.json, relative to the workspace.`,
      { cause: error2 }
    );
  }
  let root;
  try {
    root = JSON.parse(text);
  } catch {
    root = null;
  }
  if (root?.signed?._type !== "root" || !Array.isArray(root.signatures)) {
    throw new SealError(
      "unrecognized",
      `${what} is not a TUF root.json (a JSON document with "signatures" and a "signed" part of _type "root"). Give the root.json the repository publishes, such as its 1.root.json.`
    );
  }
}

// src/app/settings/signing-settings.ts
var SIGN_MODES = ["auto", "keyless", "key", "none"];
function readSigningSettings(getInput2, env, defaultMode = "auto") {
  const modeText = getInput2(SigningInput.Sign).trim().toLowerCase();
  if (modeText !== "" && !SIGN_MODES.includes(modeText)) {
    throw new SealError(
      "bad-input",
      `${SigningInput.Sign}: ${quote(getInput2(SigningInput.Sign))} is not a signing mode. Use auto (keyless when the job has "id-token: write", else unsigned), keyless (a Sigstore certificate for the workflow) or none; a ${SigningInput.SigningKey} signs with that key.`
    );
  }
  const keyText = getInput2(SigningInput.SigningKey);
  const hasKey = keyText.trim() !== "";
  let mode = modeText === "" ? defaultMode : modeText;
  if (hasKey && (modeText === "" || modeText === "auto")) mode = "key";
  if (mode === "key" && !hasKey) {
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: required with "${SigningInput.Sign}: key". Pass the private key's PEM text from a secret, such as "\${{ secrets.SIGNING_KEY }}", or use sign: keyless on GitHub-hosted runners.`
    );
  }
  if (hasKey && mode !== "key") {
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or remove the key.`
    );
  }
  const password = env[SigningEnv.KeyPassword] || env[SigningEnv.CosignPassword] || "";
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey ? {
      pem: keyText,
      password: password === "" ? void 0 : password,
      inputName: SigningInput.SigningKey
    } : null,
    endpoints: {
      fulcioUrl: readUrl(env, SigningEnv.FulcioUrl),
      rekorUrl: readUrl(env, SigningEnv.RekorUrl),
      tsaUrl: readUrl(env, SigningEnv.TsaUrl)
    }
  };
}
function readUrl(env, name) {
  const text = (env[name] ?? "").trim();
  if (text === "") return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is not an http(s) URL. Set the service's base URL, such as "https://fulcio.sigstore.dev", or unset it for the default.`
    );
  }
  return text.replace(/\/+$/, "");
}
function signerCheckSettings(fields, names, env, workspace, requireSignature = null) {
  const { repository, workflow, ref, issuer, trustedRoot } = fields;
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    );
  }
  if (workflow !== "" && !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(
    workflow
  )) {
    throw new SealError(
      "bad-input",
      `${names.workflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ".github/workflows/release.yml", optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable workflow in another repository.`
    );
  }
  if (ref !== "" && !/^refs\/\S+$/.test(ref)) {
    throw new SealError(
      "bad-input",
      `${names.ref}: ${quote(ref)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`
    );
  }
  if (issuer !== "" && !(URL.canParse(issuer) && new URL(issuer).protocol === "https:")) {
    throw new SealError(
      "bad-input",
      `${names.issuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as "https://token.actions.githubusercontent.com".`
    );
  }
  const tufMirrors = parseTufMirrors(fields.tufMirrors, workspace, names.tufMirrors);
  if (trustedRoot !== "" && tufMirrors !== null) {
    throw new SealError(
      "bad-input",
      `${names.tufMirrors}: given with ${names.trustedRoot}, which is a pinned root that nothing is fetched for. Give one: ${names.trustedRoot} for a file, or ${names.tufMirrors} for the TUF repositories to fetch it from.`
    );
  }
  const given = {
    repository: repository !== "",
    workflow: workflow !== "",
    ref: ref !== "",
    issuer: issuer !== "",
    githubHostedOnly: fields.githubHostedOnly,
    key: fields.key.trim() !== "",
    trustedRoot: trustedRoot !== "",
    tufMirrors: tufMirrors !== null
  };
  const named = Object.keys(given).filter((field) => given[field]).map((field) => names[field]);
  if (requireSignature === false && named.length > 0) {
    throw new SealError(
      "bad-input",
      `--require-signature=false, but ${named.join(", ")} ${named.length === 1 ? "names" : "name"} a signer or what to trust, which always requires a signature. Remove it to check the signature, or remove ${named.join(", ")} to accept unsigned seals.`
    );
  }
  const keyOnly = given.key && !given.repository && !given.workflow;
  return {
    repository: repository !== "" ? repository : keyOnly ? null : env.GITHUB_REPOSITORY ?? null,
    workflow: workflow === "" ? null : workflow,
    sourceRef: ref === "" ? null : ref,
    issuer: issuer === "" ? null : issuer,
    denySelfHostedRunners: fields.githubHostedOnly,
    publicKey: readPublicKeyText(fields.key, workspace, names.key),
    trustedRootFile: trustedRoot === "" ? null : resolve(workspace, trustedRoot),
    tufMirrors,
    requireSignature,
    named,
    asksForSigner: named.length > 0
  };
}
function readPublicKeyText(value, workspace, name) {
  const text = value.trim();
  if (text === "") return null;
  if (looksLikePem(text)) return readPublicKey(text, name);
  const file = resolve(workspace, text);
  let pem;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error2) {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is neither PEM text nor a readable file (${error2.code ?? String(error2)}). Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026") or the path of a .pub / .pem file.`,
      { cause: error2 }
    );
  }
  return readPublicKey(pem, `${name} ${quote(text)}`);
}

// src/app/settings/signed-by.ts
var import_yaml2 = __toESM(require_yaml());
var FIELD_OF = {
  [SignedByKey.Repository]: "repository",
  [SignedByKey.Workflow]: "workflow",
  [SignedByKey.Ref]: "ref",
  [SignedByKey.Issuer]: "issuer",
  [SignedByKey.Runner]: "githubHostedOnly",
  [SignedByKey.Key]: "key",
  [SignedByKey.TrustedRoot]: "trustedRoot",
  [SignedByKey.TufMirrors]: "tufMirrors"
};
var SIGNED_BY_NAMES = Object.fromEntries(
  Object.entries(FIELD_OF).map(([key, field]) => [field, `${SignerInput.SignedBy}.${key}`])
);
var EXAMPLE = 'such as "repository: acme/shop" and "workflow: .github/workflows/release.yml" on lines of their own, or "key: cosign.pub"';
function readSignedBy(getInput2, env, workspace) {
  return signerCheckSettings(
    parseSignedBy(getInput2(SignerInput.SignedBy)),
    SIGNED_BY_NAMES,
    env,
    workspace
  );
}
function parseSignedBy(text) {
  const fields = {
    repository: "",
    workflow: "",
    ref: "",
    issuer: "",
    githubHostedOnly: false,
    key: "",
    trustedRoot: "",
    tufMirrors: ""
  };
  if (text.trim() === "") return fields;
  const mapping = readMapping(text);
  for (const [key, value] of Object.entries(mapping)) {
    const field = FIELD_OF[key];
    const name = `${SignerInput.SignedBy}.${key}`;
    if (field === void 0) {
      throw new SealError(
        "bad-input",
        `${SignerInput.SignedBy}: ${quote(key)} is not one of its keys. Use ${Object.keys(FIELD_OF).join(", ")}.`
      );
    }
    if (field === "githubHostedOnly") {
      if (value !== "github-hosted")
        throw new SealError(
          "bad-input",
          `${name}: ${quote(String(value))} is not a kind of runner this checks. Write "runner: github-hosted" to refuse seals signed on self-hosted runners, or leave it out.`
        );
      fields.githubHostedOnly = true;
    } else if (field === "tufMirrors" && Array.isArray(value) && value.every((v) => typeof v === "string")) {
      fields.tufMirrors = value.join("\n");
    } else if (typeof value === "string" && value.trim() !== "") {
      fields[field] = value.trim();
    } else {
      throw new SealError(
        "bad-input",
        `${name}: ${quote(JSON.stringify(value) ?? String(value))} is not text. Give a value, ${EXAMPLE}, or leave the key out.`
      );
    }
  }
  return fields;
}
function readMapping(text) {
  const plain3 = readPlainYaml(text);
  let value = plain3;
  if (plain3 === NOT_PLAIN) {
    const document = (0, import_yaml2.parseDocument)(text, { uniqueKeys: true });
    const error2 = document.errors[0];
    if (error2 !== void 0)
      throw new SealError(
        "bad-input",
        `${SignerInput.SignedBy}: not a YAML mapping (${error2.message.split("\n")[0]}). Write one key a line, ${EXAMPLE}.`
      );
    value = document.toJS();
  }
  if (!isRecord(value)) {
    throw new SealError(
      "bad-input",
      `${SignerInput.SignedBy}: ${quote(text.trim())} is not a mapping. Write one key a line, ${EXAMPLE}.`
    );
  }
  return value;
}

// src/actions/promote/settings.ts
function readPromoteSettings(getInput2, env, workspace) {
  const input = (name2) => getInput2(name2).trim();
  const confirm = readConfirm(input);
  const environment = input(PromoteInput.Environment);
  if (confirm.kind === "record") return confirmSettings(input, getInput2, env, workspace, confirm);
  if (environment === "") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Environment}: required. Give the environment to promote into, as the promotion policy names it, such as "staging".`
    );
  }
  const rollback = parseBooleanInput(PromoteInput.Rollback, getInput2(PromoteInput.Rollback), false);
  const vetoReason = input(PromoteInput.Veto);
  const digestText = input(PromoteInput.ExpectedDigest);
  const from = input(PromoteInput.From);
  const waitMs = readWait(input(PromoteInput.Wait));
  if (from !== "" && (vetoReason !== "" || input(PromoteInput.ApproveAmendment) !== "")) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.From}: it says which digest to promote; ${vetoReason !== "" ? PromoteInput.Veto : PromoteInput.ApproveAmendment} promotes nothing. Give ${PromoteInput.ExpectedDigest} instead.`
    );
  }
  let digest;
  if (digestText === "" && from !== "") {
    digest = null;
  } else if (digestText === "") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}"` + (rollback ? ', or "previous" to roll back to the last good digest.' : `, or "${PromoteInput.From}: <environment>" to promote what that environment runs.`)
    );
  } else if (digestText === "previous") {
    if (!rollback)
      throw new SealError(
        "bad-input",
        `${PromoteInput.ExpectedDigest}: "previous" means a rollback. Add "${PromoteInput.Rollback}: true", or give a digest.`
      );
    digest = "previous";
  } else {
    digest = parseDigest(digestText, PromoteInput.ExpectedDigest);
  }
  if (vetoReason !== "" && rollback) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Veto}: a veto marks a digest bad; it cannot be combined with "${PromoteInput.Rollback}: true". Use one or the other.`
    );
  }
  if (vetoReason !== "" && digest === "previous") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Veto}: give the digest to veto in ${PromoteInput.ExpectedDigest}, not "previous".`
    );
  }
  const approval = input(PromoteInput.ApproveAmendment);
  if (approval !== "" && (vetoReason !== "" || rollback)) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.ApproveAmendment}: an approval of a contract amendment cannot be combined with ${vetoReason !== "" ? PromoteInput.Veto : `"${PromoteInput.Rollback}: true"`}. Approve in a step of its own.`
    );
  }
  if ((vetoReason !== "" || approval !== "") && digest === null)
    throw new Error("unreachable: from is refused with a veto or an approval");
  if (approval !== "" && digest === "previous") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.ApproveAmendment}: give the digest whose contract amendment is approved in ${PromoteInput.ExpectedDigest}, not "previous".`
    );
  }
  const { ledger, token } = readLedger(input, env, workspace);
  const given = readBytesSource(getInput2, workspace, {
    subjectPath: PromoteInput.SubjectPath,
    checksumsPath: PromoteInput.ChecksumsPath,
    name: PromoteInput.Name,
    runId: PromoteInput.RunId,
    repository: PromoteInput.Repository,
    token: PromoteInput.GitHubToken,
    plainHttp: PromoteInput.PlainHttpRegistries,
    listingAlone: true
  });
  const digestOnly = parseBooleanInput(
    PromoteInput.DigestOnly,
    getInput2(PromoteInput.DigestOnly),
    false
  );
  if (digestOnly && given !== null) {
    const where = given.kind === "local" || given.kind === "image" ? PromoteInput.SubjectPath : PromoteInput.Name;
    throw new SealError(
      "bad-input",
      `${PromoteInput.DigestOnly}: "true" says this promotion carries no bytes, but ${where} says where they are. Remove ${PromoteInput.DigestOnly} to check them, or ${where}.`
    );
  }
  if (digestOnly && (vetoReason !== "" || approval !== "")) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.DigestOnly}: it says how a promotion is checked; ${vetoReason !== "" ? PromoteInput.Veto : PromoteInput.ApproveAmendment} promotes nothing. Remove it.`
    );
  }
  const listing = input(PromoteInput.ChecksumsPath);
  const dryRun = parseBooleanInput(PromoteInput.DryRun, getInput2(PromoteInput.DryRun), false);
  const carried = given === null && !digestOnly && listing === "" && !dryRun && vetoReason === "" && approval === "";
  if (carried) {
    const misspelled = misspelledInputs(env, BYTES_INPUTS);
    if (misspelled.length > 0)
      throw new SealError(
        "bad-input",
        `This step has ${misspelled.join("; ")} Give the inputs as action.yml names them.`
      );
  }
  const source = carried ? { kind: "cache", token, inputName: SealInput.Cache } : given;
  const policy = input(PromoteInput.Policy);
  const name = input(PromoteInput.SubjectName);
  const signing = readRecordSigning(getInput2, ledger, env);
  const pushToRegistry = readPushToRegistry(getInput2, source, signing, dryRun);
  return {
    confirm,
    environment,
    digest,
    from: from === "" ? null : from,
    waitMs,
    source,
    sealListing: source === null && listing !== "" ? resolve(workspace, listing) : null,
    withoutBytes: { declared: digestOnly, missing: missingBytes(env) },
    policyFile: resolve(workspace, policy === "" ? DEFAULT_POLICY_FILE : policy),
    ledger,
    token,
    rollback,
    dryRun,
    veto: vetoReason === "" ? null : vetoReason,
    approveAmendment: approval === "" ? null : approval,
    name: name === "" ? null : name,
    signer: readSignedBy(getInput2, env, workspace),
    signing,
    pushToRegistry,
    plainHttp: readPlainHttpRegistries(
      getInput2(PromoteInput.PlainHttpRegistries),
      PromoteInput.PlainHttpRegistries
    )
  };
}
function readPushToRegistry(getInput2, source, signing, dryRun) {
  const push = parseBooleanInput(
    PromoteInput.PushToRegistry,
    getInput2(PromoteInput.PushToRegistry),
    false
  );
  if (!push) return false;
  if (source?.kind !== "image")
    throw new SealError(
      "bad-input",
      `${PromoteInput.PushToRegistry}: "true" attaches the promotion's signed record to an image in its registry, and this promotion is not of an image. Give ${PromoteInput.SubjectPath}: oci://<image>, or remove ${PromoteInput.PushToRegistry}.`
    );
  if (signing.mode === "none")
    throw new SealError(
      "bad-input",
      `${PromoteInput.PushToRegistry}: "true" attaches the promotion's signed record, and records are not signed. Give ${PromoteInput.SigningKey} or "${PromoteInput.Sign}: keyless", or remove ${PromoteInput.PushToRegistry}.`
    );
  return !dryRun;
}
function readRecordSigning(getInput2, ledger, env) {
  const signing = readSigningSettings(getInput2, env, "none");
  if (signing.mode === "key" && ledger.kind === "github") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.SigningKey}: records in the github ledger are signed keyless and stored in the repository's attestations API, which does not take key-signed bundles. Remove ${PromoteInput.SigningKey} and grant "id-token: write" and "attestations: write", or use a file ledger.`
    );
  }
  return signing;
}
function readWait(text) {
  if (text === "") return 0;
  const ms = parseDuration(text);
  if (ms === null) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Wait}: ${quote(text)} is not a duration. Give how long to wait for a soak that is not over yet, such as "30m", "2h" or "1h30m".`
    );
  }
  return ms;
}
var RECORD_ID = /^[1-9][0-9]{0,19}$/;
function readConfirm(input) {
  const text = input(PromoteInput.Confirm);
  if (text === "" || text === "on-success") return { kind: "on-success" };
  if (text === "manual") return { kind: "manual" };
  const failed = text.startsWith("failure:");
  const id = failed ? text.slice("failure:".length).trim() : text;
  if (!RECORD_ID.test(id)) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Confirm}: ${quote(text)} is not "on-success", "manual", a record id or "failure:<record id>". Give "on-success" (the post step confirms the deployment when the job succeeds), "manual" (a later step confirms it), the record-id output of the promote step (its deployment went through) or "failure:" and that id (it did not).`
    );
  }
  return { kind: "record", id, outcome: failed ? "failed" : "confirmed" };
}
function confirmSettings(input, getInput2, env, workspace, confirm) {
  const promoting = [
    PromoteInput.ExpectedDigest,
    PromoteInput.From,
    PromoteInput.Wait,
    PromoteInput.SubjectPath,
    PromoteInput.Name,
    PromoteInput.Veto,
    PromoteInput.ApproveAmendment
  ].filter((name2) => input(name2) !== "");
  for (const flag of [PromoteInput.Rollback, PromoteInput.DigestOnly, PromoteInput.PushToRegistry])
    if (parseBooleanInput(flag, getInput2(flag), false)) promoting.push(flag);
  if (promoting.length > 0) {
    throw new SealError(
      "bad-input",
      `${PromoteInput.Confirm}: a step with a record id confirms that record and promotes nothing, so ${promoting.join(", ")} cannot be given with it. Confirm in a step of its own, with only confirm and the ledger inputs.`
    );
  }
  const { ledger, token } = readLedger(input, env, workspace);
  const name = input(PromoteInput.SubjectName);
  return {
    confirm,
    environment: input(PromoteInput.Environment),
    digest: "previous",
    from: null,
    waitMs: 0,
    source: null,
    sealListing: null,
    withoutBytes: { declared: false, missing: missingBytes(env) },
    policyFile: resolve(workspace, input(PromoteInput.Policy) || DEFAULT_POLICY_FILE),
    ledger,
    token,
    rollback: false,
    dryRun: false,
    veto: null,
    approveAmendment: null,
    name: name === "" ? null : name,
    signer: readSignedBy(getInput2, env, workspace),
    signing: readRecordSigning(getInput2, ledger, env),
    pushToRegistry: false,
    plainHttp: []
  };
}
var BYTES_INPUTS = [
  PromoteInput.SubjectPath,
  PromoteInput.Name,
  PromoteInput.ChecksumsPath,
  PromoteInput.RunId,
  PromoteInput.Repository,
  PromoteInput.DigestOnly
];
function missingBytes(env) {
  const misspelled = misspelledInputs(env, BYTES_INPUTS);
  return (
    // With nothing named at all, what the seal carried is fetched instead (fetch-bytes.ts says when
    // none was): this is for a listing alone.
    `No bytes to check: none were given, so ${PromoteInput.ExpectedDigest} would be let in with nothing verified, and the ${PromoteOutput.Path} output empty. Give ${PromoteInput.SubjectPath} (the files in the workspace) or ${PromoteInput.Name} (the seal step's workflow artifact, with run-id for another run). ` + (misspelled.length > 0 ? `This step has ${misspelled.join("; ")} ` : "") + `A seal of a digest alone (subject-digest, such as an image) needs none when its signature shows it: name its signer (${PromoteInput.SignedBy}, or a signed-by rule in the policy) or give ${PromoteInput.ChecksumsPath} with its seal bundle's listing. To promote with nothing checked, say so: "${PromoteInput.DigestOnly}: true".`
  );
}
function readLedger(input, env, workspace) {
  const ledgerText = input(PromoteInput.Ledger);
  const ledger = parseLedgerLocation(
    ledgerText === "" ? env.GITHUB_ACTIONS === "true" ? "github" : `file:${DEFAULT_FILE_LEDGER}` : ledgerText,
    PromoteInput.Ledger,
    workspace
  );
  const token = input(PromoteInput.GitHubToken);
  if (ledger.kind === "github" && token === "") {
    throw new SealError(
      "bad-input",
      `${PromoteInput.GitHubToken}: required with "${PromoteInput.Ledger}: github". Give "\${{ github.token }}" (the default) and grant the job "permissions: deployments: write".`
    );
  }
  return { ledger, token };
}

// src/actions/promote/post.ts
async function post(env = process.env) {
  try {
    const id = getState(PromoteState.Pending);
    if (id === "") return;
    const settings = readPromoteSettings((name) => getInput(name), env, workspaceDir(env));
    const ledger = await openLedger(
      settings.ledger,
      {
        token: settings.token,
        ledgerInput: PromoteInput.Ledger,
        tokenInput: PromoteInput.GitHubToken,
        forWriting: true,
        signing: await checkpointSigning(settings.ledger, settings.signing, env)
      },
      env
    );
    const entry = await ledger.resolve({
      id,
      outcome: "confirmed",
      reason: null,
      environment: settings.environment,
      ...requesterFromEnv(env)
    });
    await reportResolution(
      entry,
      "confirmed",
      ledger.location,
      env.GITHUB_STEP_SUMMARY !== void 0
    );
  } catch (error2) {
    reportFailure(error2);
  }
}
export {
  post as m1$post,
  digestFromHex as m12$digestFromHex,
  hexOf as m12$hexOf,
  parseDigest as m12$parseDigest,
  sha256Digest as m12$sha256Digest,
  sha256Hex as m12$sha256Hex,
  shortDigest as m12$shortDigest,
  DEFAULT_API_URL as m13$DEFAULT_API_URL,
  DEFAULT_SERVER_URL as m13$DEFAULT_SERVER_URL,
  apiUrlOf as m13$apiUrlOf,
  serverUrlOf as m13$serverUrlOf,
  SealError as m14$SealError,
  exitCodeOf as m14$exitCodeOf,
  isSealError as m14$isSealError,
  messageOf as m14$messageOf,
  quote as m14$quote,
  stopsPromotion as m14$stopsPromotion,
  isRecord as m16$isRecord,
  confirmationChanged as m20$confirmationChanged,
  needsLiveContract as m20$needsLiveContract,
  DEFAULT_PENDING_TIMEOUT_MS as m22$DEFAULT_PENDING_TIMEOUT_MS,
  OBSERVING as m22$OBSERVING,
  OUTCOMES as m22$OUTCOMES,
  RESOLUTIONS as m22$RESOLUTIONS,
  confirmedOutcome as m22$confirmedOutcome,
  describeService as m22$describeService,
  isEarlier as m22$isEarlier,
  makesLive as m22$makesLive,
  serviceOf as m22$serviceOf,
  CURVES as m26$CURVES,
  GENERATE_HINT as m26$GENERATE_HINT,
  PRIVATE_LABELS as m26$PRIVATE_LABELS,
  PUBLIC_LABELS as m26$PUBLIC_LABELS,
  SUPPORTED_KEYS as m26$SUPPORTED_KEYS,
  algorithmOf as m26$algorithmOf,
  bodyBytes as m26$bodyBytes,
  keyHint as m26$keyHint,
  looksLikePem as m26$looksLikePem,
  material as m26$material,
  normalize2 as m26$normalize,
  notPem as m26$notPem,
  pemBlocks as m26$pemBlocks,
  readPublicKey as m26$readPublicKey,
  ACTION_VOCABULARY as m29$ACTION_VOCABULARY,
  capitalized as m29$capitalized,
  speakAs as m29$speakAs,
  words as m29$words,
  debug as m3$debug,
  endGroup as m3$endGroup,
  endStep as m3$endStep,
  error as m3$error,
  getInput as m3$getInput,
  getState as m3$getState,
  group as m3$group,
  info as m3$info,
  notice as m3$notice,
  runnerLog as m3$runnerLog,
  saveState as m3$saveState,
  setFailed as m3$setFailed,
  setOutput as m3$setOutput,
  startGroup as m3$startGroup,
  summary as m3$summary,
  warning as m3$warning,
  wrongEnvironment as m37$wrongEnvironment,
  decodeRecord as m38$decodeRecord,
  VERSION as m39$VERSION,
  DEFAULT_TUF_MIRRORS as m8$DEFAULT_TUF_MIRRORS,
  GITHUB_TUF_MIRROR as m8$GITHUB_TUF_MIRROR,
  PUBLIC_GOOD_TUF_MIRROR as m8$PUBLIC_GOOD_TUF_MIRROR,
  TUF_MIRRORS_INPUT as m8$TUF_MIRRORS_INPUT,
  parseTufMirrors as m8$parseTufMirrors
};
