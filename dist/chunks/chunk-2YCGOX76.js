import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  decodeRecord,
  makesLive
} from "./chunk-BVAVKUIG.js";
import {
  SealError,
  quote
} from "./chunk-JWCK4D2M.js";

// src/stores/ledger/file-ledger.ts
import { createHash } from "node:crypto";
import * as fs2 from "node:fs";
import * as path from "node:path";

// src/core/promotion/spans.ts
function liveSpansOf(entries, environment) {
  const spans = [];
  for (const entry of entries) {
    if (entry.environment !== environment || !makesLive(entry.outcome)) continue;
    const last = spans.at(-1);
    if (last && last.until === null) spans[spans.length - 1] = { ...last, until: entry.time };
    spans.push({ digest: entry.digest, environment, from: entry.time, until: null, recordId: entry.id });
  }
  return spans;
}
function previousSpans(spans) {
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

// src/stores/ledger/file-lock.ts
import * as fs from "node:fs";
async function withFileLock(file, what, work, options = {}) {
  const lockPath = `${file}.lock`;
  const waitMs = options.waitMs ?? 3e4;
  const staleMs = options.staleMs ?? 1e4;
  const deadline = Date.now() + waitMs;
  let delay = 2;
  for (; ; ) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, `${process.pid}
`);
      fs.closeSync(fd);
      break;
    } catch (error) {
      const code = error.code;
      if (code !== "EEXIST") {
        throw new SealError(`${what}: cannot create the lock file ${quote(lockPath)} (${code ?? String(error)}). Make its directory writable.`);
      }
      if (takeOverIfStale(lockPath, staleMs)) continue;
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
    fs.rmSync(lockPath, { force: true });
  }
}
function takeOverIfStale(lockPath, staleMs) {
  let pid;
  let age;
  try {
    pid = Number(fs.readFileSync(lockPath, "utf8").trim());
    age = Date.now() - fs.statSync(lockPath).mtimeMs;
  } catch {
    return false;
  }
  if (age < staleMs || Number.isInteger(pid) && pid > 0 && isAlive(pid)) return false;
  const claimed = `${lockPath}.stale-${process.pid}`;
  try {
    fs.renameSync(lockPath, claimed);
    fs.rmSync(claimed, { force: true });
    return true;
  } catch {
    return false;
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

// src/stores/ledger/file-ledger.ts
var FORMAT = "artifact-seal/ledger/v1";
var FileLedger = class {
  /** `inputName` names the input or option that chose the file, for error messages. */
  constructor(file, inputName) {
    this.file = file;
    this.inputName = inputName;
    this.location = `file:${file}`;
  }
  file;
  inputName;
  location;
  async append(record) {
    const dir = path.dirname(this.file);
    try {
      fs2.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw this.unwritable(error);
    }
    return withFileLock(this.file, `${this.inputName}: ${quote(this.location)}`, () => {
      const { lines, lastLine } = this.readChecked();
      const line = { format: FORMAT, seq: lines.length + 1, prev: lastLine === null ? null : sha256(lastLine), record };
      let fd;
      try {
        fd = fs2.openSync(this.file, "a");
        fs2.writeSync(fd, `${JSON.stringify(line)}
`);
        fs2.fsyncSync(fd);
      } catch (error) {
        throw this.unwritable(error);
      } finally {
        if (fd !== void 0) fs2.closeSync(fd);
      }
      return toEntry(line);
    });
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
  }
  async live(environment) {
    const last = liveSpansOf(this.entries_(), environment).at(-1);
    return last && last.until === null ? last : null;
  }
  async spans(digest, environment) {
    return liveSpansOf(this.entries_(), environment).filter((s) => s.digest === digest);
  }
  async veto(digest) {
    return this.entries_().find((e) => e.digest === digest && e.outcome === "vetoed") ?? null;
  }
  async *previouslyLive(environment) {
    yield* previousSpans(liveSpansOf(this.entries_(), environment));
  }
  async *entries(filter = {}) {
    const all = this.entries_().filter(
      (e) => (filter.environment === void 0 || e.environment === filter.environment) && (filter.digest === void 0 || e.digest === filter.digest)
    );
    yield* all.reverse();
  }
  /** Checks the chain from the first line to the last; an empty list when it holds. */
  verifyChain() {
    const { lines, problems } = this.read();
    return { count: lines.length, problems };
  }
  entries_() {
    return this.readChecked().lines.map(toEntry);
  }
  readChecked() {
    const { lines, problems, lastLine } = this.read();
    if (problems.length > 0) {
      const first = problems[0];
      throw new SealError(
        `The ledger ${this.location} cannot be trusted: line ${first.line}: ${first.problem}` + (problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : "") + `. Nothing is promoted from a damaged ledger. Run "artifact-seal ledger verify --ledger ${this.location}" and restore the file from a backup.`
      );
    }
    return { lines, lastLine };
  }
  read() {
    let text;
    try {
      text = fs2.readFileSync(this.file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return { lines: [], problems: [], lastLine: null };
      throw new SealError(
        `${this.inputName}: the ledger ${quote(this.location)} cannot be read (${error.code ?? String(error)}). Nothing is promoted without it; make the file readable.`
      );
    }
    const raw = text.split("\n");
    const problems = [];
    if (raw.at(-1) !== "") problems.push({ line: raw.length, problem: "the last line is incomplete (no newline): a write was cut short or the file was edited" });
    else raw.pop();
    const lines = [];
    let previous = null;
    raw.forEach((text2, i) => {
      const number = i + 1;
      const line = parseLine(text2, number, this.location, problems);
      if (line) {
        const expected = previous === null ? null : sha256(previous);
        if (line.seq !== number) problems.push({ line: number, problem: `its number is ${line.seq}, expected ${number}: a line was deleted or moved` });
        if (line.prev !== expected) {
          problems.push({ line: number, problem: `it does not follow line ${number - 1} (hash ${line.prev ?? "none"}, expected ${expected ?? "none"}): the line before it was edited, deleted or moved` });
        }
        lines.push(line);
      }
      previous = text2;
    });
    return { lines, problems, lastLine: previous };
  }
  unwritable(error) {
    const code = error.code ?? String(error);
    const why = code === "EEXIST" || code === "ENOTDIR" ? `a part of ${quote(path.dirname(this.file))} is a file, not a directory` : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : code;
    return new SealError(
      `${this.inputName}: the ledger ${quote(this.location)} cannot be written (${why}). Give a path in a writable directory, such as "file:.artifact-seal/ledger.jsonl". Nothing was recorded.`
    );
  }
};
function parseLine(text, number, location, problems) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    problems.push({ line: number, problem: "it is not JSON" });
    return null;
  }
  const v = value;
  if (v === null || typeof v !== "object" || v.format !== FORMAT || typeof v.seq !== "number") {
    problems.push({ line: number, problem: `it is not an artifact-seal ledger line (format ${JSON.stringify(v?.format)})` });
    return null;
  }
  try {
    const damaged = (detail) => {
      throw new Error(detail);
    };
    return { format: FORMAT, seq: v.seq, prev: v.prev ?? null, record: decodeRecord(v.record, damaged) };
  } catch (error) {
    problems.push({ line: number, problem: error.message });
    return null;
  }
}
function toEntry(line) {
  return { ...line.record, id: String(line.seq), url: null };
}
function sha256(text) {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

// src/app/open-ledger.ts
async function openLedger(location, access, env) {
  if (location.kind === "file") {
    const ledger = new FileLedger(location.file, access.ledgerInput);
    if (access.forWriting) ledger.assertWritable();
    return ledger;
  }
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) {
    throw new SealError(`${access.ledgerInput}: "github" needs GITHUB_REPOSITORY (owner/name) to know whose deployments to use; set it, or use a file ledger.`);
  }
  const { GitHubDeploymentsLedger } = await import("./github-deployments-2376EEAC.js");
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
