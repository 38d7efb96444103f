import {
  sealedByFromStatement,
  verifyArtifact
} from "./chunk-2FA2NVHV.js";
import {
  removeQuietly
} from "./chunk-MKZ7O5YQ.js";
import {
  resolveFiles,
  sealSubject
} from "./chunk-W2T4WNMM.js";
import {
  statementBeside
} from "./chunk-7LPUHTON.js";
import {
  parseListing
} from "./chunk-HFKVVJJS.js";
import {
  hexOf
} from "./chunk-WN5XRVDE.js";
import {
  SealError,
  quote
} from "./chunk-KQET6ZTM.js";

// src/app/sealed-by.ts
import * as fs from "node:fs";
function sealInfoBesideListing(checksumsFile, digest) {
  const none = { sealedBy: null, name: null };
  const file = checksumsFile === null ? null : statementBeside(checksumsFile);
  if (file === null) return none;
  let statement;
  try {
    statement = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return none;
  }
  const sealedBy = sealedByFromStatement(statement, digest, file);
  if (sealedBy === null) return none;
  const first = statement.subject[0];
  const name = typeof first === "object" && first !== null ? first.name : void 0;
  return { sealedBy, name: typeof name === "string" ? name : null };
}

// src/app/fetch-bytes.ts
import { randomUUID } from "node:crypto";
import * as fs3 from "node:fs";
import * as path2 from "node:path";

// src/app/verified-path.ts
import { randomBytes } from "node:crypto";
import * as fs2 from "node:fs";
import * as path from "node:path";
async function verifiedPath(artifact, subject, expected, stagingParent, options) {
  const root = artifact.root;
  const inputName = subject.kind === "paths" ? subject.inputName : "subject";
  if (root === null) throw new SealError(`${inputName}: nothing was read from disk, so there is no path to hand out.`);
  const listed = parseListing(artifact.listing.toString("utf8"), "the verified listing").map((e) => e.path);
  if (artifact.kind === "file") return path.join(root, ...listed[0].split("/"));
  if (holdsExactly(root, listed, subject)) return root;
  return stageCopies(root, listed, expected, stagingParent, inputName, options);
}
function holdsExactly(root, listed, subject) {
  if (subject.kind === "paths" && subject.patterns.include.length === 1 && subject.patterns.exclude.length === 0 && subject.root === void 0) {
    const only = path.resolve(subject.baseDir, subject.patterns.include[0]);
    if (only === path.resolve(root)) return true;
  }
  let onDisk;
  try {
    onDisk = resolveFiles({ patterns: { include: [root], exclude: [] }, baseDir: root, root, inputName: "the verified directory" }).relativePaths;
  } catch {
    return false;
  }
  if (onDisk.length !== listed.length) return false;
  const wanted = new Set(listed);
  return onDisk.every((p) => wanted.has(p));
}
async function stageCopies(root, listed, expected, stagingParent, inputName, options) {
  const dir = path.join(stagingParent, `verified-${hexOf(expected).slice(0, 12)}-${randomBytes(4).toString("hex")}`);
  try {
    fs2.mkdirSync(dir, { recursive: true });
    const made = /* @__PURE__ */ new Set();
    for (const rel of listed) {
      const target = path.join(dir, ...rel.split("/"));
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        fs2.mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      fs2.copyFileSync(path.join(root, ...rel.split("/")), target);
    }
  } catch (error) {
    removeQuietly(dir);
    const e = error;
    throw new SealError(
      `${inputName}: cannot copy the verified files from ${quote(root)} to ${quote(dir)} (${e.code ?? e.message}). The directory holds files that were not verified, so only copies of the verified ones are handed out: make the runner's temp directory writable, or seal and verify a directory that holds only the artifact.`
    );
  }
  const copy = await sealSubject(
    { kind: "paths", patterns: { include: [dir], exclude: [] }, baseDir: dir, root: dir, inputName },
    { build: options.build, fallbackName: options.fallbackName }
  );
  if (copy.digest !== expected) {
    removeQuietly(dir);
    throw new SealError(
      `${inputName}: the files under ${quote(root)} changed while they were being verified: their copies are ${copy.digest}, not ${expected}. Nothing was handed out. Make sure no other step writes to them, then verify again.`
    );
  }
  return dir;
}

// src/app/fetch-bytes.ts
async function fetchAndCheckBytes(source, digest, known, context) {
  if (source.kind === "local") {
    const result = await verifyArtifact(
      { subject: source.subject, expected: digest, checksumsFile: source.checksumsFile, checksumsInput: context.inputs.checksums, expectedInput: context.inputs.expected },
      context.seal
    );
    const handedOut = result.verified ? await verifiedPath(result.artifact, source.subject, digest, context.downloadsDir, context.seal) : null;
    return { verified: result.verified, actual: result.actual, mismatches: result.mismatches, path: handedOut, artifact: null, sealedBy: null, checksumsFile: source.checksumsFile };
  }
  if (source.kind === "artifact") return downloadArtifact(source.name, source.runId, source.token, digest, context);
  const { cacheKeyOf } = await import("./actions-cache-PPXKED3Z.js");
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored.kind === "verified") return restored.check;
  const key = cacheKeyOf(digest);
  if (known.artifact === null) {
    throw new SealError(
      restored.kind === "miss" ? `${source.inputName}: the Actions cache has no entry for ${digest} (key ${key}), and no ledger record names a workflow artifact holding its files. Give ${context.inputs.artifactName} (and run-id) of the run that uploaded them, or seal with "cache: true" so later runs can restore them.` : `${source.inputName}: the cache entry ${key} restored files that ${restored.actual === null ? "are not of the sealed kind (see the log above)" : `are ${restored.actual}, not ${digest}`}. They were deleted and nothing is deployed from them, and no ledger record names a workflow artifact to fall back to. The cache was changed behind the key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.`
    );
  }
  const what = restored.kind === "miss" ? `no cache entry for ${digest}` : `the files restored from ${key} do not verify and were deleted`;
  context.log(`${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`);
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
}
async function downloadArtifact(name, runId, token, digest, context) {
  const into = newDownloadDir(context.downloadsDir, digest);
  const { WorkflowArtifactStore } = await import("./workflow-artifact-3EVW3WWS.js");
  const { DownloadDiffersError, downloadAndVerify } = await import("./download-and-verify-JNRYQBIO.js");
  const store = new WorkflowArtifactStore({ env: context.env });
  let downloaded;
  try {
    downloaded = await downloadAndVerify(
      store,
      { name, into, expected: digest, expectedInput: context.inputs.expected, nameInput: context.inputs.artifactName, ...runId !== null ? { runId, token } : {} },
      { build: context.seal.build }
    );
  } catch (error) {
    if (!(error instanceof DownloadDiffersError)) throw error;
    context.log(error.message);
    return { verified: false, actual: error.actual, mismatches: error.mismatches, path: null, artifact: null, sealedBy: null, checksumsFile: null };
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(`Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`);
  const sealedBy = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest).sealedBy;
  return { verified: true, actual: digest, mismatches: [], path: downloaded.path, artifact: uploadedBy === "" ? null : { name, runId: uploadedBy }, sealedBy, checksumsFile: downloaded.artifact.checksumsPath };
}
async function restoreFromCache(digest, inputName, context) {
  const into = newDownloadDir(context.downloadsDir, digest);
  const { ActionsCacheStore, cacheKeyOf } = await import("./actions-cache-PPXKED3Z.js");
  const store = new ActionsCacheStore({ env: context.env, inputName, log: { info: context.log, warning: context.log } });
  if (!await store.restore(digest, into)) return { kind: "miss" };
  let checked;
  try {
    checked = await verifyRestored(into, digest, inputName, context);
  } catch (error) {
    removeQuietly(into);
    if (!(error instanceof SealError)) throw error;
    context.log(`${inputName}: the files restored from ${cacheKeyOf(digest)} were refused: ${error.message}`);
    return { kind: "refused", actual: null };
  }
  if (!checked.verified) {
    removeQuietly(into);
    context.log(`${inputName}: the files restored from ${cacheKeyOf(digest)} are ${checked.actual}, not ${digest}; the cache was changed behind the key.`);
    return { kind: "refused", actual: checked.actual };
  }
  context.log(`Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${checked.path}`);
  return { kind: "verified", check: { verified: true, actual: digest, mismatches: [], path: checked.path, artifact: null, sealedBy: null, checksumsFile: null } };
}
async function verifyRestored(dir, digest, inputName, context) {
  const subject = (include) => ({ kind: "paths", patterns: { include: [include], exclude: [] }, baseDir: dir, root: dir, inputName });
  const check = (s) => verifyArtifact({ subject: s, expected: digest, checksumsFile: null, checksumsInput: context.inputs.checksums, expectedInput: context.inputs.expected }, context.seal);
  const tree = await check(subject(dir));
  if (tree.verified || tree.artifact.fileCount !== 1) return { verified: tree.verified, actual: tree.actual, path: dir };
  const only = fs3.readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.isFile());
  if (!only) return { verified: false, actual: tree.actual, path: dir };
  const file = path2.join(only.parentPath, only.name);
  const single = await check({ kind: "paths", patterns: { include: [file], exclude: [] }, baseDir: dir, inputName });
  return { verified: single.verified, actual: single.actual, path: file };
}
function newDownloadDir(parent, digest) {
  return path2.join(parent, `${hexOf(digest).slice(0, 12)}-${randomUUID().slice(0, 8)}`);
}

export {
  sealInfoBesideListing,
  verifiedPath,
  fetchAndCheckBytes
};
