import {
  checkAgainstListing,
  checkEntries,
  unsafeArchive
} from "./chunk-LQ6OYIA6.js";
import {
  gitHubClient
} from "./chunk-3RO4P3QU.js";
import {
  ServiceAnswerError,
  callService,
  endedBy
} from "./chunk-PTYAC4AA.js";
import {
  DefaultArtifactClient,
  UnreadableZipError,
  ZipFile
} from "./chunk-TQNNSUJT.js";
import {
  StorageAnswerError,
  saveSignedUrl
} from "./chunk-FZHOXW7V.js";
import {
  tmpdir
} from "./chunk-M6ACESL2.js";
import {
  DEFAULT_POLICY
} from "./chunk-SJOLJ5TF.js";
import {
  randomBytes
} from "./chunk-VF62UBY7.js";
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
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
  symlinkSync
} from "./chunk-KUE42OYI.js";

// stand-in:verify:src/core/digest.ts:src/stores/evidence/workflow-artifact.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../verify/index-core.js";

// stand-in:verify:src/core/errors.ts:src/stores/evidence/workflow-artifact.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../verify/index-core.js";

// stand-in:verify:src/core/errors.ts:src/stores/evidence/artifact-unpack.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../verify/index-core.js";

// stand-in:verify:src/core/listing.ts:src/stores/evidence/artifact-unpack.ts
import { m18$checkListingPath, m18$compareUtf8, m18$describesListing, m18$diffListings, m18$digestOfListing, m18$formatListing, m18$listingFromDigests, m18$listingFromPathBytes, m18$parseListing, m18$sortEntries } from "../verify/index-core.js";

// stand-in:verify:src/stores/evidence/directory-handoff.ts:src/stores/evidence/artifact-unpack.ts
import { m34$copyListedFiles, m34$makeDirectories, m34$privateDir, m34$removeQuietly, m34$writeNewFile } from "../verify/index-core.js";

// stand-in:verify:src/stores/evidence/seal-bundle.ts:src/stores/evidence/artifact-unpack.ts
import { m35$bundleBaseOf, m35$bundleFileNames, m35$contractBeside, m35$fileSafeName, m35$isBundleEntry, m35$modesBeside, m35$sigstoreBundleBeside, m35$statementBeside } from "../verify/index-core.js";

// src/stores/evidence/artifact-unpack.ts?verify
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
    const top = (suffix) => [...check.planned.values()].filter(
      (p) => p.entry.kind === "file" && p.path.startsWith(`${ARTIFACT_SEAL_DIR}/`) && !p.path.slice(ARTIFACT_SEAL_DIR.length + 1).includes("/") && p.path.endsWith(suffix)
    );
    const listings = top(".sha256");
    const statements = top(".intoto.json");
    if (listings.length !== 1 || statements.length !== 1) {
      throw new m14$SealError2(
        "unrecognized",
        `${context.inputName}: the artifact ${m14$quote2(context.name)} holds no seal bundle (one ${ARTIFACT_SEAL_DIR}/*.sha256 and one ${ARTIFACT_SEAL_DIR}/*.intoto.json). Give the name of an artifact that artifact-seal uploaded.`
      );
    }
    const listing = listings[0];
    const text = await readSmall(zip, listing.entry, context);
    const listed = new Set(
      m18$parseListing(
        text,
        `${ARTIFACT_SEAL_DIR}/${posix.basename(listing.path)} in ${context.label}`
      ).map((e) => e.path)
    );
    const sealName = posix.basename(listing.path).slice(0, -".sha256".length);
    checkAgainstListing(
      check,
      ARTIFACT_FILES_DIR,
      listed,
      (p, entry) => isBundlePath(p, sealName, entry.kind === "directory")
    );
    if (check.refusals.length > 0) throw unsafeArchive(check.refusals, opening, fix);
    for (const planned of [...check.planned.values()].sort((a, b) => a.index - b.index)) {
      try {
        if (planned.entry.kind === "directory") m34$makeDirectories(root, planned.path);
        else
          await m34$writeNewFile(
            root,
            planned.path,
            zip.content(planned.entry),
            planned.entry.executable
          );
      } catch (error) {
        if (error instanceof UnreadableZipError) throw error;
        const e = error;
        throw new m14$SealError2(
          "unreadable",
          `${context.inputName}: ${context.label} could not be extracted as listed: ${m14$quote2(planned.entry.name)} failed (${e.code ?? e.message}). Two names that differ only in case are one file on a case-insensitive file system. Nothing is handed out; the download was deleted.`,
          { cause: e }
        );
      }
    }
    return {
      checksumsPath: join(root, ...listing.path.split("/")),
      statementPath: join(root, ...statements[0].path.split("/")),
      hasFiles: [...check.planned.keys()].some(
        (p) => p === ARTIFACT_FILES_DIR || p.startsWith(`${ARTIFACT_FILES_DIR}/`)
      )
    };
  } finally {
    zip.close();
  }
}
function isBundlePath(p, base, directory) {
  if (p === ARTIFACT_SEAL_DIR) return directory;
  return p.startsWith(`${ARTIFACT_SEAL_DIR}/`) && m35$isBundleEntry(p.slice(ARTIFACT_SEAL_DIR.length + 1), base, directory);
}
async function readSmall(zip, entry, context) {
  if (entry.size > MAX_LISTING_BYTES)
    throw new m14$SealError2(
      "tampered",
      `${context.inputName}: the listing in ${context.label} is ${entry.size} bytes, larger than any seal writes. Do not deploy from it.`
    );
  const chunks = [];
  for await (const chunk of zip.content(entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

// stand-in:verify:src/core/env.ts:src/stores/evidence/artifact-service.ts
import { m13$DEFAULT_API_URL, m13$DEFAULT_SERVER_URL, m13$apiUrlOf, m13$serverUrlOf } from "../verify/index-core.js";

// src/stores/evidence/artifact-service.ts?verify
var ARTIFACT_SERVICE = "github.actions.results.api.v1.ArtifactService";
async function signedArtifactUrl(env, artifact, otherRun) {
  return otherRun === void 0 ? signedUrlInThisRun(env, artifact) : signedUrlInOtherRun(env, artifact, otherRun);
}
async function signedUrlInThisRun(env, artifact) {
  const ids = backendIdsOf(env.ACTIONS_RUNTIME_TOKEN ?? "");
  const listed = await twirp(env, "ListArtifacts", {
    workflow_run_backend_id: ids.run,
    workflow_job_run_backend_id: ids.job,
    id_filter: String(artifact.id)
  });
  const found = Array.isArray(listed.artifacts) ? listed.artifacts : [];
  const match = found.find(
    (a) => String(a.database_id ?? a.databaseId) === String(artifact.id) && a.name === artifact.name
  );
  if (match === void 0) throw new ServiceAnswerError(404, "the artifact is no longer listed");
  const answer = await twirp(env, "GetSignedArtifactURL", {
    workflow_run_backend_id: match.workflow_run_backend_id ?? match.workflowRunBackendId ?? ids.run,
    workflow_job_run_backend_id: match.workflow_job_run_backend_id ?? match.workflowJobRunBackendId,
    name: artifact.name
  });
  const url = answer.signed_url ?? answer.signedUrl;
  if (typeof url !== "string" || url === "")
    throw new ServiceAnswerError(404, "the results service gave no download URL");
  return url;
}
async function signedUrlInOtherRun(env, artifact, run) {
  const client = gitHubClient({
    token: run.token,
    apiUrl: m13$apiUrlOf(env),
    policy: DEFAULT_POLICY,
    fail: (request, failure) => endedBy(failure, { service: "GitHub", call: `${request.method} ${request.path}` })
  });
  const response = await client.request(
    "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
    {
      owner: run.repositoryOwner,
      repo: run.repositoryName,
      artifact_id: artifact.id,
      archive_format: "zip",
      request: { redirect: "manual" }
    }
  );
  const location = response.headers.location;
  if (response.status === 302 && typeof location === "string" && location !== "") return location;
  throw new ServiceAnswerError(
    response.status,
    `GitHub answered ${response.status} where the artifact's download URL was expected`
  );
}
async function twirp(env, method, body) {
  const url = new URL(`/twirp/${ARTIFACT_SERVICE}/${method}`, env.ACTIONS_RESULTS_URL ?? "").href;
  return callService(
    url,
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN ?? ""}`
      },
      body: JSON.stringify(body)
    },
    { service: "the results service", call: method, policy: DEFAULT_POLICY }
  );
}
function backendIdsOf(token) {
  const payload = token.split(".")[1];
  let scopes = "";
  try {
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
    scopes = typeof claims.scp === "string" ? claims.scp : "";
  } catch {
  }
  for (const scope of scopes.split(" ")) {
    const [kind, run, job, ...rest] = scope.split(":");
    if (kind === "Actions.Results" && run && job && rest.length === 0) return { run, job };
  }
  throw new Error("the runner gave this step no ACTIONS_RUNTIME_TOKEN with the results scope");
}

// stand-in:verify:src/stores/evidence/directory-handoff.ts:src/stores/evidence/workflow-artifact.ts
import { m34$copyListedFiles as m34$copyListedFiles2, m34$makeDirectories as m34$makeDirectories2, m34$privateDir as m34$privateDir2, m34$removeQuietly as m34$removeQuietly2, m34$writeNewFile as m34$writeNewFile2 } from "../verify/index-core.js";

// src/stores/evidence/workflow-artifact.ts?verify
var ARTIFACT_INPUTS = {
  name: "name",
  runId: "run-id",
  token: "github-token",
  repository: "repository",
  retentionDays: "retention-days",
  path: "path"
};
var PATH_FORBIDDEN = ['"', ":", "<", ">", "|", "*", "?", "\r", "\n"];
var DOWNLOADED_ZIP = ".artifact.zip";
var NAME_FORBIDDEN = [...PATH_FORBIDDEN, "\\", "/"];
var describeChar = (c) => c === "\r" ? "a carriage return" : c === "\n" ? "a line break" : m14$quote(c);
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
    const keptFor = this.keptFor(retentionDays);
    const { staging, files } = this.stage(request);
    try {
      const result = await this.client.uploadArtifact(
        name,
        files,
        staging,
        retentionDays === void 0 ? {} : { retentionDays }
      );
      if (result.id === void 0)
        throw new Error(`the results service returned no id for the artifact ${m14$quote(name)}`);
      return {
        id: result.id,
        name,
        size: result.size ?? 0,
        digest: result.digest ? m12$digestFromHex(result.digest) : null,
        reused: false,
        ...keptFor
      };
    } catch (error) {
      const refused = this.uploadError(name, error);
      if (!m14$isSealError(refused, "conflict")) throw refused;
      return { ...await this.sameSealUploaded(request, refused), ...keptFor };
    } finally {
      m34$removeQuietly2(staging);
    }
  }
  /**
   * The days GitHub keeps the artifact: what was asked, capped at the repository's limit the
   * runner passes (GITHUB_RETENTION_DAYS), as the results service applies it; the limit alone
   * when nothing was asked. Null where the runner says nothing.
   */
  keptFor(asked) {
    const limit = Number(this.env.GITHUB_RETENTION_DAYS);
    const retentionLimit = Number.isInteger(limit) && limit > 0 ? limit : null;
    const retentionDays = asked === void 0 ? retentionLimit : retentionLimit === null ? asked : Math.min(asked, retentionLimit);
    return { retentionDays, retentionLimit };
  }
  /** The names of this run's artifacts (the latest of each name), for a pattern to match. */
  async list() {
    try {
      const { artifacts } = await this.client.listArtifacts({ latest: true });
      return artifacts.map((a) => a.name);
    } catch (error) {
      throw environmentError(error, "list the workflow artifacts") ?? asError(error);
    }
  }
  /**
   * A job run again finds the artifact its first attempt uploaded under the name. When that
   * artifact carries this very seal (the same listing, with the files when they are asked for),
   * the upload is done already: it is that artifact. Anything else under the name is refused.
   */
  async sameSealUploaded(request, refused) {
    let existing;
    try {
      existing = await this.download({
        name: request.name,
        parent: this.env.RUNNER_TEMP || tmpdir()
      });
    } catch (error) {
      throw new m14$SealError(
        "conflict",
        `${refused.message} The artifact under the name could not be compared with this seal (${m14$messageOf(error)}).`,
        { cause: error }
      );
    }
    try {
      const same = readFileSync(existing.checksumsPath).equals(readFileSync(request.bundle.checksumsPath));
      const carriesFiles = existing.filesDir !== null;
      if (same && carriesFiles === (request.files !== null))
        return {
          id: existing.id,
          name: existing.name,
          size: existing.size,
          digest: existing.digest,
          reused: true
        };
      throw new m14$SealError(
        "conflict",
        `${this.inputs.name}: an artifact named ${m14$quote(request.name)} already exists in this workflow run and holds ${same ? `the same seal ${carriesFiles ? "with" : "without"} the files, where this upload ${carriesFiles ? "leaves them out" : "carries them"}` : "another seal (other files)"}; workflow artifacts are immutable: a name holds the bytes first uploaded under it. Choose another ${this.inputs.name} (for example with the job or matrix values in it).`
      );
    } finally {
      m34$removeQuietly2(existing.dir);
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
    const dir = m34$privateDir2(request.parent, "artifact-", this.env, this.inputs.path);
    try {
      const findBy = source.findBy;
      const { artifact } = await this.client.getArtifact(name, findBy ? { findBy } : void 0).catch((error) => {
        throw this.lookupError(name, source, error);
      });
      const digest = artifact.digest ? toDigest(artifact.digest) : null;
      const zipFile = join(dir, DOWNLOADED_ZIP);
      let saved;
      try {
        const url = await signedArtifactUrl(
          this.env,
          { id: artifact.id, name: artifact.name },
          findBy
        );
        saved = await saveSignedUrl(url, zipFile);
      } catch (error) {
        throw this.downloadError(name, source, error);
      }
      const digestMismatch = digest !== null && saved.sha256 !== m12$hexOf(digest);
      const label = `the artifact ${m14$quote(name)} (id ${artifact.id}${source.where})`;
      const otherBytes = () => new m14$SealError(
        "tampered",
        `${this.inputs.name}: ${label} arrived with other bytes than were uploaded: its zip does not hash to ${digest}, the digest recorded at upload. The download was cut short or the stored artifact was changed. Re-run the job; if it fails again, do not trust this artifact and seal the build again.`
      );
      if (digestMismatch && request.onDigestMismatch !== "continue") throw otherBytes();
      let layout;
      try {
        layout = await unpackArtifact(zipFile, dir, { label, name, inputName: this.inputs.name });
      } catch (error) {
        if (m14$isSealError(error, "refused")) throw error;
        if (digestMismatch) throw otherBytes();
        if (error instanceof UnreadableZipError) {
          throw new m14$SealError(
            "malformed",
            `${this.inputs.name}: ${label} is not a zip that can be read: ${error.message}. Nothing was extracted. Re-run the job; if it fails again, upload the artifact again.`,
            { cause: error }
          );
        }
        throw error;
      }
      m34$removeQuietly2(zipFile);
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
        size: saved.bytes,
        digestMatched: !digestMismatch
      };
    } catch (error) {
      m34$removeQuietly2(dir);
      throw error;
    }
  }
  checkName(name) {
    if (name.trim() === "")
      throw new m14$SealError(
        "bad-input",
        `${this.inputs.name}: the artifact name is empty. Give the name of the workflow artifact.`
      );
    const bad = NAME_FORBIDDEN.find((c) => name.includes(c));
    if (bad !== void 0) {
      throw new m14$SealError(
        "bad-input",
        `${this.inputs.name}: ${m14$quote(name)} contains ${describeChar(bad)}, which a workflow artifact name cannot hold (nor " : < > | * ? \\ / or line breaks). Choose a name without them.`
      );
    }
  }
  checkRetention(days) {
    if (days === void 0) return void 0;
    if (!Number.isInteger(days) || days < 1) {
      throw new m14$SealError(
        "bad-input",
        `${this.inputs.retentionDays}: ${m14$quote(String(days))} is not a number of days. Give a whole number of days, 1 or more (at most what the repository allows).`
      );
    }
    return days;
  }
  /**
   * Lays the artifact out as it will be zipped: links to the bundle under seal/ and to each
   * listed file under files/. @actions/artifact zips a link's target under the link's
   * name, so nothing is copied; where links cannot be made, the file is copied.
   */
  stage(request) {
    const staging = mkdtempSync(
      join(
        this.env.RUNNER_TEMP || tmpdir(),
        `artifact-seal-upload-${randomBytes(3).toString("hex")}-`
      )
    );
    const files = [];
    try {
      const sealDir = join(staging, ARTIFACT_SEAL_DIR);
      mkdirSync(sealDir);
      const bundleFiles = [
        request.bundle.checksumsPath,
        request.bundle.statementPath,
        request.bundle.sigstoreBundlePath,
        request.bundle.contractPath,
        request.bundle.modesPath
      ].filter((f) => typeof f === "string");
      for (const file of bundleFiles) {
        const target = join(sealDir, basename(file));
        placeFile(resolve(file), target, `the seal bundle file ${m14$quote(file)}`);
        files.push(target);
      }
      const contractDir = request.bundle.contractDir;
      if (contractDir) {
        for (const entry of readdirSync(contractDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
          const source = join(entry.parentPath, entry.name);
          const target = join(
            sealDir,
            basename(contractDir),
            relative(contractDir, source)
          );
          mkdirSync(dirname(target), { recursive: true });
          placeFile(source, target, `the contract file ${m14$quote(source)}`);
          files.push(target);
        }
      }
      if (request.files !== null) {
        const root = resolve(request.files.root);
        const made = /* @__PURE__ */ new Set();
        for (const rel of request.files.paths) {
          const bad = PATH_FORBIDDEN.find((c) => rel.includes(c));
          if (bad !== void 0) {
            throw new m14$SealError(
              "bad-input",
              `The file ${m14$quote(rel)} cannot travel in a workflow artifact: its path contains ${describeChar(bad)} (artifact paths cannot hold " : < > | * ? or line breaks). Rename it, or upload the seal bundle without the files.`
            );
          }
          const target = join(staging, ARTIFACT_FILES_DIR, ...rel.split("/"));
          const parent = dirname(target);
          if (!made.has(parent)) {
            mkdirSync(parent, { recursive: true });
            made.add(parent);
          }
          placeFile(
            join(root, ...rel.split("/")),
            target,
            `the sealed file ${m14$quote(rel)} under ${m14$quote(root)}`
          );
          files.push(target);
        }
      }
      return { staging, files };
    } catch (error) {
      m34$removeQuietly2(staging);
      throw error;
    }
  }
  source(request) {
    const here = Number(this.env.GITHUB_RUN_ID);
    const { runId } = request;
    if (runId !== void 0 && (!Number.isSafeInteger(runId) || runId < 1)) {
      throw new m14$SealError(
        "bad-input",
        `${this.inputs.runId}: ${m14$quote(String(runId))} is not a workflow run id. Give the numeric id of the run that uploaded the artifact (github.run_id there).`
      );
    }
    if (runId === void 0 || runId === here)
      return { runId: null, where: " in this workflow run", findBy: void 0 };
    const repository = request.repository || this.env.GITHUB_REPOSITORY || "";
    const [owner, repo, ...rest] = repository.split("/");
    if (!owner || !repo || rest.length > 0) {
      throw new m14$SealError(
        "bad-input",
        `${this.inputs.repository}: ${m14$quote(repository)} is not a repository. Give it as owner/name.`
      );
    }
    if (!request.token) {
      throw new m14$SealError(
        "bad-input",
        `${this.inputs.token}: downloading the artifact ${m14$quote(request.name)} from another workflow run (${this.inputs.runId} ${runId}) needs a token. Give a token that may read ${repository}'s actions, such as github.token with "permissions: actions: read".`
      );
    }
    return {
      runId,
      where: ` in workflow run ${runId} of ${repository}`,
      findBy: {
        token: request.token,
        workflowRunId: runId,
        repositoryOwner: owner,
        repositoryName: repo
      }
    };
  }
  uploadError(name, error) {
    if (error instanceof m14$SealError) return error;
    const message = m14$messageOf(error);
    if (/\(409\)|already exists/i.test(message)) {
      return new m14$SealError(
        "conflict",
        `${this.inputs.name}: an artifact named ${m14$quote(name)} already exists in this workflow run, and workflow artifacts are immutable: a name holds the bytes first uploaded under it. Choose another ${this.inputs.name} (for example with the job or matrix values in it).`
      );
    }
    const environment = environmentError(error, "upload the workflow artifact");
    if (environment) return environment;
    if (nameOf(error) === "UsageError") {
      return new m14$SealError(
        "unavailable",
        `${this.inputs.name}: the repository's artifact storage quota is used up, so ${m14$quote(name)} cannot be uploaded. Delete old artifacts or shorten their retention, then re-run.`
      );
    }
    return error instanceof Error ? error : new Error(message);
  }
  lookupError(name, source, error) {
    const status = statusOf(error);
    const repository = source.findBy ? `${source.findBy.repositoryOwner}/${source.findBy.repositoryName}` : this.env.GITHUB_REPOSITORY || "this repository";
    if (nameOf(error) === "ArtifactNotFoundError") {
      return new m14$SealError(
        "unreadable",
        `${this.inputs.name}: there is no artifact named ${m14$quote(name)}${source.where}. ` + (source.runId === null ? "Upload it in an earlier job of this run (and make this job need that one); an artifact that has expired is not listed either." : `Check the name and the ${this.inputs.runId}; an artifact that was deleted is not listed.`)
      );
    }
    if (status === 404) {
      return new m14$SealError(
        "bad-input",
        `${this.inputs.runId}: workflow run ${source.runId} was not found in ${repository} (404). Give the id of a run of that repository (github.run_id in the run that uploaded the artifact), and a ${this.inputs.token} that can see the repository.`
      );
    }
    if (status === 401) {
      return new m14$SealError(
        "denied",
        `${this.inputs.token}: GitHub refused the token (401 ${m14$messageOf(error)}). Give a valid token, such as github.token.`
      );
    }
    if (status === 403) {
      return new m14$SealError(
        "denied",
        `${this.inputs.token}: the token may not read the workflow artifacts of ${repository} (403 ${m14$messageOf(error)}). Give a token with the "actions: read" permission: add "permissions: actions: read" to the job, or use a token with read access to Actions.`
      );
    }
    return environmentError(error, "find the workflow artifact") ?? asError(error);
  }
  downloadError(name, source, error) {
    if (error instanceof m14$SealError) return error;
    const status = error instanceof ServiceAnswerError ? error.status : void 0;
    if (status === 410) {
      return new m14$SealError(
        "unreadable",
        `${this.inputs.name}: the artifact ${m14$quote(name)}${source.where} has expired and its files are gone. Re-run the workflow that uploaded it (or seal the build again), and keep artifacts longer with retention-days.`
      );
    }
    if (status === 404 || error instanceof StorageAnswerError && error.status === 404) {
      return new m14$SealError(
        "unreadable",
        `${this.inputs.name}: the artifact ${m14$quote(name)}${source.where} was listed but cannot be downloaded any more (404): it was deleted or has expired. Upload it again.`
      );
    }
    if (status === 401 || status === 403) return this.lookupError(name, source, error);
    return new m14$SealError(
      "unavailable",
      `${this.inputs.name}: the download of the artifact ${m14$quote(name)}${source.where} failed part-way (${m14$messageOf(error)}). Nothing was kept. Re-run the job; if it keeps failing, check the runner's connection to GitHub's artifact storage.`,
      { cause: error }
    );
  }
};
function placeFile(source, target, what) {
  let real;
  try {
    real = realpathSync(source);
    if (!statSync(real).isFile())
      throw Object.assign(new Error("not a file"), { code: "EISDIR" });
  } catch (error) {
    const code = error.code;
    throw new m14$SealError(
      "unreadable",
      `Cannot upload ${what}: ${code === "ENOENT" ? "it no longer exists" : code === "EISDIR" ? "it is no longer a file" : code ?? m14$messageOf(error)}. The files changed after they were sealed: seal them again, then upload.`,
      { cause: error }
    );
  }
  try {
    symlinkSync(real, target, "file");
  } catch {
    copyFileSync(real, target);
  }
}
function environmentError(error, doing) {
  const message = m14$messageOf(error);
  const missing = /Unable to get the (ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL) env variable/.exec(
    message
  );
  if (missing) {
    return new m14$SealError(
      "bad-input",
      `Cannot ${doing}: ${missing[1]} is not set, so this is not a GitHub Actions job step. Workflow artifacts exist only inside a workflow run; elsewhere keep the seal bundle in a directory.`
    );
  }
  if (nameOf(error) === "GHESNotSupportedError") {
    return new m14$SealError(
      "bad-input",
      `Cannot ${doing}: GitHub Enterprise Server does not support the artifact service @actions/artifact v2 uses. Keep the seal bundle in a directory instead.`
    );
  }
  return null;
}
function toDigest(value) {
  const hex = value.toLowerCase().replace(/^sha256:/, "");
  return m12$digestFromHex(hex);
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
  ARTIFACT_SEAL_DIR,
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  WorkflowArtifactStore
};
