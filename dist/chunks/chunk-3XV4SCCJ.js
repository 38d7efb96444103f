import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  verifyArtifact
} from "./chunk-IXOSLNXJ.js";
import {
  statementBeside
} from "./chunk-G46EYJYA.js";
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from "./chunk-5ULCEYWG.js";
import {
  removeQuietly
} from "./chunk-NMF5PPW7.js";
import {
  hexOf
} from "./chunk-HRW4MM62.js";
import {
  SealError,
  quote
} from "./chunk-JWCK4D2M.js";

// src/app/sealed-by.ts
import * as fs from "node:fs";

// src/core/provenance.ts
function sealedByFromStatement(statement, digest) {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || s.predicateType !== SLSA_PROVENANCE_TYPE) return null;
  const hex = hexOf(digest);
  const about = Array.isArray(s.subject) && s.subject.some((subject) => subject?.digest?.sha256 === hex);
  const definition = s.predicate?.buildDefinition;
  if (!about || definition?.buildType !== GITHUB_WORKFLOW_BUILD_TYPE) return null;
  const text = (v) => typeof v === "string" && v !== "" ? v : null;
  const repositoryUrl = text(definition.externalParameters?.workflow?.repository);
  return {
    repository: repositoryUrl === null ? null : new URL(repositoryUrl).pathname.slice(1),
    commit: text(definition.resolvedDependencies?.[0]?.digest?.gitCommit),
    runUrl: text(s.predicate?.runDetails?.metadata?.invocationId)
  };
}

// src/app/sealed-by.ts
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
  const sealedBy = sealedByFromStatement(statement, digest);
  const name = statement.subject?.[0]?.name;
  return sealedBy === null ? none : { sealedBy, name: typeof name === "string" ? name : null };
}

// src/app/fetch-bytes.ts
import { randomUUID } from "node:crypto";
import * as fs2 from "node:fs";
import * as path from "node:path";
async function fetchAndCheckBytes(source, digest, known, context) {
  if (source.kind === "local") {
    const result = await verifyArtifact(
      { subject: source.subject, expected: digest, checksumsFile: source.checksumsFile, checksumsInput: context.inputs.checksums, expectedInput: context.inputs.expected },
      context.seal
    );
    return { verified: result.verified, actual: result.actual, mismatches: result.mismatches, path: result.verified ? result.artifact.root : null, artifact: null, sealedBy: null };
  }
  if (source.kind === "artifact") return downloadArtifact(source.name, source.runId, source.token, digest, context);
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored) return restored;
  const { cacheKeyOf } = await import("./actions-cache-JEJBSGEV.js");
  if (known.artifact === null) {
    throw new SealError(
      `${source.inputName}: the Actions cache has no entry for ${digest} (key ${cacheKeyOf(digest)}), and no ledger record names a workflow artifact holding its files. Give ${context.inputs.artifactName} (and run-id) of the run that uploaded them, or seal with "cache: true" so later runs can restore them.`
    );
  }
  context.log(`${source.inputName}: no cache entry for ${digest}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`);
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
}
async function downloadArtifact(name, runId, token, digest, context) {
  const into = newDownloadDir(context.downloadsDir, digest);
  const { WorkflowArtifactStore } = await import("./workflow-artifact-3SY32ECW.js");
  const { DownloadDiffersError, downloadAndVerify } = await import("./download-and-verify-MLIBI4GG.js");
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
    return { verified: false, actual: error.actual, mismatches: error.mismatches, path: null, artifact: null, sealedBy: null };
  }
  const filesDir = downloaded.artifact.filesDir;
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(`Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${filesDir}`);
  const sealedBy = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest).sealedBy;
  return { verified: true, actual: digest, mismatches: [], path: filesDir, artifact: uploadedBy === "" ? null : { name, runId: uploadedBy }, sealedBy };
}
async function restoreFromCache(digest, inputName, context) {
  const into = newDownloadDir(context.downloadsDir, digest);
  const { ActionsCacheStore, cacheKeyOf } = await import("./actions-cache-JEJBSGEV.js");
  const store = new ActionsCacheStore({ env: context.env, inputName, log: { info: context.log, warning: context.log } });
  if (!await store.restore(digest, into)) return null;
  const checked = await verifyRestored(into, digest, inputName, context);
  if (!checked.verified) {
    removeQuietly(into);
    throw new SealError(
      `${inputName}: the cache entry ${cacheKeyOf(digest)} restored files that are ${checked.actual}, not ${digest}. They were deleted and nothing is deployed from them. The cache was changed behind the key; give ${context.inputs.artifactName} to fetch the sealed files instead.`
    );
  }
  context.log(`Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${into}`);
  return { verified: true, actual: digest, mismatches: [], path: into, artifact: null, sealedBy: null };
}
async function verifyRestored(dir, digest, inputName, context) {
  const subject = (include) => ({ kind: "paths", patterns: { include: [include], exclude: [] }, baseDir: dir, root: dir, inputName });
  const check = (s) => verifyArtifact({ subject: s, expected: digest, checksumsFile: null, checksumsInput: context.inputs.checksums, expectedInput: context.inputs.expected }, context.seal);
  const tree = await check(subject(dir));
  if (tree.verified || tree.artifact.fileCount !== 1) return tree;
  const only = fs2.readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.isFile());
  return only ? check(subject(path.join(only.parentPath, only.name))) : tree;
}
function newDownloadDir(parent, digest) {
  return path.join(parent, `${hexOf(digest).slice(0, 12)}-${randomUUID().slice(0, 8)}`);
}

export {
  sealInfoBesideListing,
  fetchAndCheckBytes
};
