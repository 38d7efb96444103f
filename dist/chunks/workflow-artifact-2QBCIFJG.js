import {
  makeDirectories,
  privateDir,
  removeQuietly,
  writeNewFile
} from "./chunk-J55Z6BFV.js";
import "./chunk-UTL6W6EB.js";
import {
  DefaultArtifactClient,
  UnreadableZipError,
  ZipFile
} from "./chunk-IYMCHB3W.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import {
  tmpdir
} from "./chunk-P2RVIIUY.js";
import "./chunk-SS67F62S.js";
import {
  basename,
  dirname,
  join,
  posix,
  relative,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  statSync,
  symlinkSync
} from "./chunk-OJKZS7ZI.js";
import "./chunk-GYN5OOAK.js";
import "./chunk-7EPTETJS.js";
import {
  randomBytes
} from "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// stand-in:seal:src/core/digest.ts:src/stores/evidence/workflow-artifact.ts
import { m10$digestFromHex, m10$hexOf, m10$parseDigest, m10$shortDigest } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/stores/evidence/workflow-artifact.ts
import { m12$SealError, m12$exitCodeOf, m12$isSealError, m12$quote, m12$stopsPromotion } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/stores/evidence/artifact-unpack.ts
import { m12$SealError as m12$SealError2, m12$exitCodeOf as m12$exitCodeOf2, m12$isSealError as m12$isSealError2, m12$quote as m12$quote2, m12$stopsPromotion as m12$stopsPromotion2 } from "../seal/index-core.js";

// stand-in:seal:src/core/listing.ts:src/stores/evidence/artifact-unpack.ts
import { m14$checkListingPath, m14$compareUtf8, m14$describesListing, m14$diffListings, m14$digestOfListing, m14$formatListing, m14$listingFromDigests, m14$parseListing, m14$sortEntries } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/stores/evidence/archive-entry.ts
import { m12$SealError as m12$SealError3, m12$exitCodeOf as m12$exitCodeOf3, m12$isSealError as m12$isSealError3, m12$quote as m12$quote3, m12$stopsPromotion as m12$stopsPromotion3 } from "../seal/index-core.js";

// src/stores/evidence/archive-entry.ts?seal
function nameProblem(name) {
  if (name === "") return "an empty name";
  if (name.includes("\0")) return "a NUL byte in its name";
  if (name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name)) return "an absolute path";
  if (name.includes("\\")) return "a backslash in its name (a separator on Windows)";
  if (/[\r\n]/.test(name)) return "a line break in its name";
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  if (segments.includes("..")) return 'a ".." segment';
  if (segments.includes(".")) return 'a "." segment';
  if (segments.includes("")) return "an empty segment";
  return null;
}
function kindProblem(entry) {
  switch (entry.kind) {
    case "file":
    case "directory":
      return null;
    case "symlink":
      return `a symbolic link${target(entry)}`;
    case "hardlink":
      return `a hard link${target(entry)}`;
    case "device":
      return "a device";
    case "fifo":
      return "a FIFO";
    default:
      return "an entry that is neither a file nor a directory";
  }
}
function target(entry) {
  return entry.linkTarget === null ? "" : ` to ${m12$quote3(entry.linkTarget)}`;
}
function checkEntries(entries, prefix) {
  const planned = /* @__PURE__ */ new Map();
  const refusals = [];
  const refuse = (entry, reason) => {
    refusals.push({ name: entry.name, reason });
  };
  entries.forEach((entry, index) => {
    if (entry.problem !== null) return refuse(entry, entry.problem);
    let rest = entry.name;
    if (prefix !== "") {
      if (rest === prefix || rest === `${prefix}/`) rest = "";
      else if (rest.startsWith(`${prefix}/`)) rest = rest.slice(prefix.length + 1);
      else return refuse(entry, nameProblem(entry.name) ?? `outside ${m12$quote3(prefix)}, the directory the archive was made from`);
    }
    const kind = kindProblem(entry);
    if (rest === "" && prefix !== "") return kind === null && entry.kind === "directory" ? void 0 : refuse(entry, kind ?? "a file where the archive\u2019s own directory should be");
    const problem = nameProblem(rest);
    if (problem !== null) return refuse(entry, problem);
    if (kind !== null) return refuse(entry, kind);
    if (entry.kind === "directory" && entry.size !== 0) return refuse(entry, "a directory with content");
    const path = rest.endsWith("/") ? rest.slice(0, -1) : rest;
    if (entry.name.endsWith("/") && entry.kind !== "directory") return refuse(entry, 'a file whose name ends in "/"');
    if (planned.has(path)) return refuse(entry, "a second entry of the same name");
    planned.set(path, { index, path, entry });
  });
  for (const { path } of planned.values()) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = planned.get(segments.slice(0, i).join("/"));
      if (parent !== void 0 && parent.entry.kind !== "directory") {
        refusals.push({ name: parent.entry.name, reason: `a file where ${m12$quote3(path)} needs a directory` });
        planned.delete(parent.path);
      }
    }
  }
  return { planned, refusals };
}
function checkAgainstListing(check, filesDir, listed, others) {
  const directories = /* @__PURE__ */ new Set([filesDir]);
  for (const p of listed) {
    const segments = p.split("/");
    for (let i = 1; i < segments.length; i++) directories.add(`${filesDir}/${segments.slice(0, i).join("/")}`);
  }
  const present = /* @__PURE__ */ new Set();
  for (const planned of [...check.planned.values()]) {
    const { path, entry } = planned;
    const inFiles = path.startsWith(`${filesDir}/`);
    const allowed = entry.kind === "directory" ? directories.has(path) || !inFiles && path !== filesDir && others(path, entry) : inFiles ? listed.has(path.slice(filesDir.length + 1)) : others(path, entry);
    if (!allowed) {
      check.refusals.push({ name: entry.name, reason: inFiles && entry.kind === "file" ? "not in the sealed listing" : "not part of what a seal puts there" });
      check.planned.delete(path);
    } else if (inFiles && entry.kind === "file") {
      present.add(path.slice(filesDir.length + 1));
    }
  }
  return { missing: [...listed].filter((p) => !present.has(p)).sort() };
}
var MAX_NAMED = 20;
function unsafeArchive(refusals, opening, fix) {
  const lines = refusals.slice(0, MAX_NAMED).map((r) => `  ${m12$quote3(r.name)}: ${r.reason}`);
  if (refusals.length > MAX_NAMED) lines.push(`  \u2026 and ${refusals.length - MAX_NAMED} more`);
  return new m12$SealError3(
    "refused",
    `${opening} before extracting anything: ${describeCount(refusals.length)} not what a seal puts there:
${lines.join("\n")}
Nothing was extracted, and the download was deleted. ${fix}`,
    { details: { refusals } }
  );
}
function describeCount(n) {
  return n === 1 ? "1 entry is" : `${n} entries are`;
}

// src/stores/evidence/artifact-unpack.ts?seal
var ARTIFACT_SEAL_DIR = "seal";
var ARTIFACT_FILES_DIR = "files";
var MAX_LISTING_BYTES = 128 * 1024 * 1024;
async function unpackArtifact(zipFile, root, context) {
  const zip = ZipFile.open(zipFile);
  try {
    const check = checkEntries(zip.entries, "");
    const opening = `${context.inputName}: refused ${context.label}`;
    const fix = "Do not deploy from it: find out who replaced the stored artifact, then seal and upload the build again.";
    if (check.refusals.length > 0) throw unsafeArchive(check.refusals, opening, fix);
    const top = (suffix) => [...check.planned.values()].filter((p) => p.entry.kind === "file" && p.path.startsWith(`${ARTIFACT_SEAL_DIR}/`) && !p.path.slice(ARTIFACT_SEAL_DIR.length + 1).includes("/") && p.path.endsWith(suffix));
    const listings = top(".sha256");
    const statements = top(".intoto.json");
    if (listings.length !== 1 || statements.length !== 1) {
      throw new m12$SealError2(
        "unrecognized",
        `${context.inputName}: the artifact ${m12$quote2(context.name)} holds no seal bundle (one ${ARTIFACT_SEAL_DIR}/*.sha256 and one ${ARTIFACT_SEAL_DIR}/*.intoto.json). Give the name of an artifact that artifact-seal uploaded.`
      );
    }
    const listing = listings[0];
    const text = await readSmall(zip, listing.entry, context);
    const listed = new Set(m14$parseListing(text, `${ARTIFACT_SEAL_DIR}/${posix.basename(listing.path)} in ${context.label}`).map((e) => e.path));
    checkAgainstListing(check, ARTIFACT_FILES_DIR, listed, (p) => p === ARTIFACT_SEAL_DIR || p.startsWith(`${ARTIFACT_SEAL_DIR}/`));
    if (check.refusals.length > 0) throw unsafeArchive(check.refusals, opening, fix);
    for (const planned of [...check.planned.values()].sort((a, b) => a.index - b.index)) {
      try {
        if (planned.entry.kind === "directory") makeDirectories(root, planned.path);
        else await writeNewFile(root, planned.path, zip.content(planned.entry), false);
      } catch (error) {
        if (error instanceof UnreadableZipError) throw error;
        const e = error;
        throw new m12$SealError2(
          "unreadable",
          `${context.inputName}: ${context.label} could not be extracted as listed: ${m12$quote2(planned.entry.name)} failed (${e.code ?? e.message}). Two names that differ only in case are one file on a case-insensitive file system. Nothing is handed out; the download was deleted.`,
          { cause: e }
        );
      }
    }
    return {
      checksumsPath: join(root, ...listing.path.split("/")),
      statementPath: join(root, ...statements[0].path.split("/")),
      hasFiles: [...check.planned.keys()].some((p) => p === ARTIFACT_FILES_DIR || p.startsWith(`${ARTIFACT_FILES_DIR}/`))
    };
  } finally {
    zip.close();
  }
}
async function readSmall(zip, entry, context) {
  if (entry.size > MAX_LISTING_BYTES) throw new m12$SealError2("tampered", `${context.inputName}: the listing in ${context.label} is ${entry.size} bytes, larger than any seal writes. Do not deploy from it.`);
  const chunks = [];
  for await (const chunk of zip.content(entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

// src/stores/evidence/workflow-artifact.ts?seal
var ARTIFACT_INPUTS = {
  name: "name",
  runId: "run-id",
  token: "github-token",
  repository: "repository",
  retentionDays: "retention-days",
  path: "path"
};
var PATH_FORBIDDEN = ['"', ":", "<", ">", "|", "*", "?", "\r", "\n"];
var NAME_FORBIDDEN = [...PATH_FORBIDDEN, "\\", "/"];
var describeChar = (c) => c === "\r" ? "a carriage return" : c === "\n" ? "a line break" : m12$quote(c);
var WorkflowArtifactStore = class {
  env;
  inputs;
  client;
  constructor(options = {}) {
    this.env = options.env ?? process.env;
    this.inputs = { ...ARTIFACT_INPUTS, ...options.inputs };
    this.client = options.client ?? new DefaultArtifactClient();
  }
  /** Uploads the bundle and, when given, exactly the listed files: nothing else under the root. */
  async upload(request) {
    const { name } = request;
    this.checkName(name);
    const retentionDays = this.checkRetention(request.retentionDays);
    const { staging, files } = this.stage(request);
    try {
      const result = await this.client.uploadArtifact(name, files, staging, retentionDays === void 0 ? {} : { retentionDays });
      if (result.id === void 0) throw new Error(`the results service returned no id for the artifact ${m12$quote(name)}`);
      return { id: result.id, name, size: result.size ?? 0, digest: result.digest ? m10$digestFromHex(result.digest) : null };
    } catch (error) {
      throw this.uploadError(name, error);
    } finally {
      removeQuietly(staging);
    }
  }
  /**
   * Downloads the artifact into a new private directory under `parent`, lists it and
   * unpacks what passed. On any failure nothing is left: the directory is deleted.
   */
  async download(request) {
    const { name } = request;
    this.checkName(name);
    const source = this.source(request);
    const dir = privateDir(request.parent, "artifact-", this.env, this.inputs.path);
    const zipDir = join(dir, ".download");
    try {
      const findBy = source.findBy;
      const { artifact } = await this.client.getArtifact(name, findBy ? { findBy } : void 0).catch((error) => {
        throw this.lookupError(name, source, error);
      });
      const digest = artifact.digest ? toDigest(artifact.digest) : null;
      const options = { path: zipDir, skipDecompress: true, ...digest ? { expectedHash: digest } : {}, ...findBy ? { findBy } : {} };
      const result = await this.client.downloadArtifact(artifact.id, options).catch((error) => {
        throw this.downloadError(name, source, error);
      });
      const label = `the artifact ${m12$quote(name)} (id ${artifact.id}${source.where})`;
      const otherBytes = () => new m12$SealError(
        "tampered",
        `${this.inputs.name}: ${label} arrived with other bytes than were uploaded: its zip does not hash to ${digest}, the digest recorded at upload. The download was cut short or the stored artifact was changed. Re-run the job; if it fails again, do not trust this artifact and seal the build again.`
      );
      if (result.digestMismatch && request.onDigestMismatch !== "continue") throw otherBytes();
      let layout;
      try {
        layout = await unpackArtifact(theDownloadedZip(zipDir, label, this.inputs.name), dir, { label, name, inputName: this.inputs.name });
      } catch (error) {
        if (m12$isSealError(error, "refused")) throw error;
        if (result.digestMismatch) throw otherBytes();
        if (error instanceof UnreadableZipError) {
          throw new m12$SealError("malformed", `${this.inputs.name}: ${label} is not a zip that can be read: ${error.message}. Nothing was extracted. Re-run the job; if it fails again, upload the artifact again.`, { cause: error });
        }
        throw error;
      }
      removeQuietly(zipDir);
      return {
        id: artifact.id,
        name,
        runId: source.runId,
        dir,
        sealDir: join(dir, ARTIFACT_SEAL_DIR),
        checksumsPath: layout.checksumsPath,
        statementPath: layout.statementPath,
        filesDir: layout.hasFiles ? join(dir, ARTIFACT_FILES_DIR) : null,
        digest,
        digestMatched: !result.digestMismatch
      };
    } catch (error) {
      removeQuietly(dir);
      throw error;
    }
  }
  checkName(name) {
    if (name.trim() === "") throw new m12$SealError("bad-input", `${this.inputs.name}: the artifact name is empty. Give the name of the workflow artifact.`);
    const bad = NAME_FORBIDDEN.find((c) => name.includes(c));
    if (bad !== void 0) {
      throw new m12$SealError(
        "bad-input",
        `${this.inputs.name}: ${m12$quote(name)} contains ${describeChar(bad)}, which a workflow artifact name cannot hold (nor " : < > | * ? \\ / or line breaks). Choose a name without them.`
      );
    }
  }
  checkRetention(days) {
    if (days === void 0) return void 0;
    if (!Number.isInteger(days) || days < 1) {
      throw new m12$SealError("bad-input", `${this.inputs.retentionDays}: ${m12$quote(String(days))} is not a number of days. Give a whole number of days, 1 or more (at most what the repository allows).`);
    }
    return days;
  }
  /**
   * Lays the artifact out as it will be zipped: links to the bundle under seal/ and to each
   * listed file under files/. @actions/artifact zips a link's target under the link's
   * name, so nothing is copied; where links cannot be made, the file is copied.
   */
  stage(request) {
    const staging = mkdtempSync(join(this.env.RUNNER_TEMP || tmpdir(), `artifact-seal-upload-${randomBytes(3).toString("hex")}-`));
    const files = [];
    try {
      const sealDir = join(staging, ARTIFACT_SEAL_DIR);
      mkdirSync(sealDir);
      const bundleFiles = [request.bundle.checksumsPath, request.bundle.statementPath, request.bundle.sigstoreBundlePath, request.bundle.contractPath].filter((f) => typeof f === "string");
      for (const file of bundleFiles) {
        const target2 = join(sealDir, basename(file));
        placeFile(resolve(file), target2, `the seal bundle file ${m12$quote(file)}`);
        files.push(target2);
      }
      const contractDir = request.bundle.contractDir;
      if (contractDir) {
        for (const entry of readdirSync(contractDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
          const source = join(entry.parentPath, entry.name);
          const target2 = join(sealDir, basename(contractDir), relative(contractDir, source));
          mkdirSync(dirname(target2), { recursive: true });
          placeFile(source, target2, `the contract file ${m12$quote(source)}`);
          files.push(target2);
        }
      }
      if (request.files !== null) {
        const root = resolve(request.files.root);
        const made = /* @__PURE__ */ new Set();
        for (const rel of request.files.paths) {
          const bad = PATH_FORBIDDEN.find((c) => rel.includes(c));
          if (bad !== void 0) {
            throw new m12$SealError(
              "bad-input",
              `The file ${m12$quote(rel)} cannot travel in a workflow artifact: its path contains ${describeChar(bad)} (artifact paths cannot hold " : < > | * ? or line breaks). Rename it, or upload the seal bundle without the files.`
            );
          }
          const target2 = join(staging, ARTIFACT_FILES_DIR, ...rel.split("/"));
          const parent = dirname(target2);
          if (!made.has(parent)) {
            mkdirSync(parent, { recursive: true });
            made.add(parent);
          }
          placeFile(join(root, ...rel.split("/")), target2, `the sealed file ${m12$quote(rel)} under ${m12$quote(root)}`);
          files.push(target2);
        }
      }
      return { staging, files };
    } catch (error) {
      removeQuietly(staging);
      throw error;
    }
  }
  source(request) {
    const here = Number(this.env.GITHUB_RUN_ID);
    const { runId } = request;
    if (runId !== void 0 && (!Number.isSafeInteger(runId) || runId < 1)) {
      throw new m12$SealError("bad-input", `${this.inputs.runId}: ${m12$quote(String(runId))} is not a workflow run id. Give the numeric id of the run that uploaded the artifact (github.run_id there).`);
    }
    if (runId === void 0 || runId === here) return { runId: null, where: " in this workflow run", findBy: void 0 };
    const repository = request.repository || this.env.GITHUB_REPOSITORY || "";
    const [owner, repo, ...rest] = repository.split("/");
    if (!owner || !repo || rest.length > 0) {
      throw new m12$SealError("bad-input", `${this.inputs.repository}: ${m12$quote(repository)} is not a repository. Give it as owner/name.`);
    }
    if (!request.token) {
      throw new m12$SealError(
        "bad-input",
        `${this.inputs.token}: downloading the artifact ${m12$quote(request.name)} from another workflow run (${this.inputs.runId} ${runId}) needs a token. Give a token that may read ${repository}'s actions, such as github.token with "permissions: actions: read".`
      );
    }
    return {
      runId,
      where: ` in workflow run ${runId} of ${repository}`,
      findBy: { token: request.token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo }
    };
  }
  uploadError(name, error) {
    if (error instanceof m12$SealError) return error;
    const message = messageOf(error);
    if (/\(409\)|already exists/i.test(message)) {
      return new m12$SealError(
        "conflict",
        `${this.inputs.name}: an artifact named ${m12$quote(name)} already exists in this workflow run, and workflow artifacts are immutable: a name holds the bytes first uploaded under it. Choose another ${this.inputs.name} (for example with the job or matrix values in it).`
      );
    }
    const environment = environmentError(error, "upload the workflow artifact");
    if (environment) return environment;
    if (nameOf(error) === "UsageError") {
      return new m12$SealError("unavailable", `${this.inputs.name}: the repository's artifact storage quota is used up, so ${m12$quote(name)} cannot be uploaded. Delete old artifacts or shorten their retention, then re-run.`);
    }
    return error instanceof Error ? error : new Error(message);
  }
  lookupError(name, source, error) {
    const status = statusOf(error);
    const repository = source.findBy ? `${source.findBy.repositoryOwner}/${source.findBy.repositoryName}` : "";
    if (nameOf(error) === "ArtifactNotFoundError") {
      return new m12$SealError(
        "unreadable",
        `${this.inputs.name}: there is no artifact named ${m12$quote(name)}${source.where}. ` + (source.runId === null ? `Upload it in an earlier job of this run (and make this job need that one); an artifact that has expired is not listed either.` : `Check the name and the ${this.inputs.runId}; an artifact that was deleted is not listed.`)
      );
    }
    if (status === 404) {
      return new m12$SealError(
        "bad-input",
        `${this.inputs.runId}: workflow run ${source.runId} was not found in ${repository} (404). Give the id of a run of that repository (github.run_id in the run that uploaded the artifact), and a ${this.inputs.token} that can see the repository.`
      );
    }
    if (status === 401) {
      return new m12$SealError("denied", `${this.inputs.token}: GitHub refused the token (401 ${messageOf(error)}). Give a valid token, such as github.token.`);
    }
    if (status === 403) {
      return new m12$SealError(
        "denied",
        `${this.inputs.token}: the token may not read the workflow artifacts of ${repository} (403 ${messageOf(error)}). Give a token with the "actions: read" permission: add "permissions: actions: read" to the job, or use a token with read access to Actions.`
      );
    }
    return environmentError(error, "find the workflow artifact") ?? asError(error);
  }
  downloadError(name, source, error) {
    const status = statusOf(error);
    if (status === 410) {
      return new m12$SealError(
        "unreadable",
        `${this.inputs.name}: the artifact ${m12$quote(name)}${source.where} has expired and its files are gone. Re-run the workflow that uploaded it (or seal the build again), and keep artifacts longer with retention-days.`
      );
    }
    if (status === 404) {
      return new m12$SealError("unreadable", `${this.inputs.name}: the artifact ${m12$quote(name)}${source.where} was listed but cannot be downloaded any more (404): it was deleted or has expired. Upload it again.`);
    }
    if (status === 401 || status === 403) return this.lookupError(name, { ...source, findBy: void 0 }, error);
    const message = messageOf(error);
    if (message.startsWith("Unable to download and extract artifact")) {
      return new m12$SealError(
        "unavailable",
        `${this.inputs.name}: the download of the artifact ${m12$quote(name)}${source.where} failed part-way (${message.replace(/^Unable to download and extract artifact: /, "")}). Nothing was kept. Re-run the job; if it keeps failing, check the runner's connection to GitHub's artifact storage.`
      );
    }
    return environmentError(error, "download the workflow artifact") ?? asError(error);
  }
};
function placeFile(source, target2, what) {
  let real;
  try {
    real = realpathSync(source);
    if (!statSync(real).isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
  } catch (error) {
    const code = error.code;
    throw new m12$SealError(
      "unreadable",
      `Cannot upload ${what}: ${code === "ENOENT" ? "it no longer exists" : code === "EISDIR" ? "it is no longer a file" : code ?? messageOf(error)}. The files changed after they were sealed: seal them again, then upload.`,
      { cause: error }
    );
  }
  try {
    symlinkSync(real, target2, "file");
  } catch {
    copyFileSync(real, target2);
  }
}
function theDownloadedZip(dir, label, inputName) {
  const entries = readdirSync(dir, { withFileTypes: true });
  const only = entries.length === 1 ? entries[0] : void 0;
  if (only === void 0 || !only.isFile()) {
    throw new m12$SealError("unavailable", `${inputName}: the download of ${label} left ${entries.length} entries instead of one zip file. Nothing was extracted. Re-run the job.`);
  }
  return join(dir, only.name);
}
function environmentError(error, doing) {
  const message = messageOf(error);
  const missing = /Unable to get the (ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL) env variable/.exec(message);
  if (missing) {
    return new m12$SealError(
      "bad-input",
      `Cannot ${doing}: ${missing[1]} is not set, so this is not a GitHub Actions job step. Workflow artifacts exist only inside a workflow run; elsewhere keep the seal bundle in a directory.`
    );
  }
  if (nameOf(error) === "GHESNotSupportedError") {
    return new m12$SealError("bad-input", `Cannot ${doing}: GitHub Enterprise Server does not support the artifact service @actions/artifact v2 uses. Keep the seal bundle in a directory instead.`);
  }
  return null;
}
function toDigest(value) {
  const hex = value.toLowerCase().replace(/^sha256:/, "");
  return m10$digestFromHex(hex);
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
function nameOf(error) {
  return error instanceof Error ? error.name : "";
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function asError(error) {
  return error instanceof Error ? error : new Error(String(error));
}
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
