import {
  cacheKeyOf
} from "./chunk-QEF4JICF.js";
import {
  verifyArtifact
} from "./chunk-XL7QM46K.js";
import {
  sealedModesBeside
} from "./chunk-ENTDSYKT.js";
import {
  resolveFiles,
  sealSubject
} from "./chunk-6HQEGJDK.js";
import {
  sealedByFromStatement,
  subjectNameOf
} from "./chunk-6YWBE2YG.js";
import {
  applyModes
} from "./chunk-A63B7KBV.js";
import {
  copyListedFiles,
  removeQuietly
} from "./chunk-LYSN4LFY.js";
import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  readStatementBeside
} from "./chunk-YOF4W5VX.js";
import {
  parseListing
} from "./chunk-3JZVAEQI.js";
import {
  hexOf
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  isSealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  randomBytes
} from "./chunk-VF62UBY7.js";
import {
  join,
  resolve
} from "./chunk-SHE4BTPW.js";

// src/app/verify/sealed-by.ts
function sealInfoBesideListing(checksumsFile, digest, context = {}) {
  const none = { sealedBy: null, name: null };
  let read = null;
  try {
    read = checksumsFile === null ? null : readStatementBeside(checksumsFile, (why) => new SealError("unreadable", why));
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
  }
  if (read === null || read.notJson !== null) return none;
  const { file, json: statement } = read;
  return {
    sealedBy: sealedByFromStatement(statement, digest, file, context),
    name: subjectNameOf(statement, digest)
  };
}

// src/app/verify/verified-path.ts
async function verifiedPath(artifact, subject, expected, stagingParent, options) {
  const root = artifact.root;
  const inputName = subject.kind === "paths" ? subject.inputName : "subject";
  if (root === null)
    throw new SealError(
      "bad-input",
      `${inputName}: nothing was read from disk, so there is no path to hand out.`
    );
  const listed = parseListing(artifact.listing.toString("utf8"), "the verified listing").map(
    (e) => e.path
  );
  if (artifact.kind === "file") return join(root, ...listed[0].split("/"));
  if (holdsExactly(root, listed, subject)) return root;
  return stageCopies(root, listed, expected, stagingParent, inputName, options);
}
function holdsExactly(root, listed, subject) {
  if (subject.kind === "paths" && subject.patterns.include.length === 1 && subject.patterns.exclude.length === 0 && subject.root === void 0) {
    const only = resolve(subject.baseDir, subject.patterns.include[0]);
    if (only === resolve(root)) return true;
  }
  let onDisk;
  try {
    onDisk = resolveFiles({
      patterns: { include: [root], exclude: [] },
      baseDir: root,
      root,
      inputName: "the verified directory"
    }).relativePaths;
  } catch {
    return false;
  }
  if (onDisk.length !== listed.length) return false;
  const wanted = new Set(listed);
  return onDisk.every((p) => wanted.has(p));
}
async function stageCopies(root, listed, expected, stagingParent, inputName, options) {
  const dir = join(
    stagingParent,
    `verified-${hexOf(expected).slice(0, 12)}-${randomBytes(4).toString("hex")}`
  );
  try {
    copyListedFiles(root, listed, dir);
  } catch (error) {
    removeQuietly(dir);
    const e = error;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot copy the verified files from ${quote(root)} to ${quote(dir)} (${e.code ?? e.message}). The directory holds files that were not verified, so only copies of the verified ones are handed out: make the runner's temp directory writable, or seal and verify a directory that holds only the artifact.`,
      { cause: e }
    );
  }
  const copy = await sealSubject(
    {
      kind: "paths",
      patterns: { include: [dir], exclude: [] },
      baseDir: dir,
      root: dir,
      inputName
    },
    { build: options.build, fallbackName: options.fallbackName }
  );
  if (copy.digest !== expected) {
    removeQuietly(dir);
    throw new SealError(
      "conflict",
      `${inputName}: the files under ${quote(root)} changed while they were being verified: their copies are ${copy.digest}, not ${expected}. Nothing was handed out. Make sure no other step writes to them, then verify again.`
    );
  }
  return dir;
}

// src/app/verify/fetch-bytes.ts
async function fetchAndCheckBytes(source, digest, known, context) {
  if (source.kind === "local") {
    const result = await verifyArtifact(
      {
        subject: source.subject,
        expected: digest,
        checksumsFile: source.checksumsFile,
        checksumsInput: context.inputs.checksums,
        expectedInput: context.inputs.expected
      },
      context.seal
    );
    const handedOut = result.verified ? await verifiedPath(
      result.artifact,
      source.subject,
      digest,
      context.downloadsDir,
      context.seal
    ) : null;
    return {
      verified: result.verified,
      actual: result.actual,
      mismatches: result.mismatches,
      path: handedOut,
      artifact: null,
      sealedBy: null,
      checksumsFile: source.checksumsFile
    };
  }
  if (source.kind === "artifact")
    return downloadArtifact(
      source.name,
      source.runId,
      source.token,
      digest,
      context,
      source.repository
    );
  if (source.kind === "image") {
    const { checkImageBytes, imageRegistryFor } = await import("./image-bytes-2V4XRPZD.js");
    return checkImageBytes(source, digest, imageRegistryFor(source, context.env));
  }
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored.kind === "verified") return restored.check;
  const key = cacheKeyOf(digest);
  if (known.artifact === null) {
    if (restored.kind === "miss") {
      const cache = restored.unreadable === void 0 ? `the Actions cache has no entry for ${digest} (key ${key})` : `the Actions cache could not be read for ${digest} (key ${key}: ${restored.unreadable})`;
      context.log(
        `No bytes of ${digest} were carried: ${cache}, and no ledger record names a workflow artifact holding its files.`
      );
      const absent = `No bytes to check: none were named, and nothing the seal carried was found: ${cache}, and no ledger record names a workflow artifact holding its files. Give subject-path (the files in the workspace) or ${context.inputs.artifactName} (and run-id) of the workflow artifact holding them, or "digest-only: true" to promote with nothing checked; seal with "cache: true" or "upload: true" so later runs find them.`;
      return {
        verified: false,
        actual: digest,
        mismatches: [],
        path: null,
        artifact: null,
        sealedBy: null,
        checksumsFile: null,
        absent
      };
    }
    throw new SealError(
      "unreadable",
      restored.kind === "unsafe" ? `${source.inputName}: the cache entry ${key} was refused before anything was extracted (the log above names each entry), and no ledger record names a workflow artifact to fall back to. Give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.` : `${source.inputName}: the cache entry ${key} restored files that ${restored.actual === null ? "are not of the sealed kind (see the log above)" : `are ${restored.actual}, not ${digest}`}. They were deleted and nothing is deployed from them, and no ledger record names a workflow artifact to fall back to. The cache was changed behind the key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.`
    );
  }
  const what = restored.kind === "miss" ? `no cache entry for ${digest}` : restored.kind === "unsafe" ? `the cache entry ${key} was refused before anything was extracted` : `the files restored from ${key} do not verify and were deleted`;
  context.log(
    `${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`
  );
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
}
async function downloadArtifact(name, runId, token, digest, context, repository = null) {
  const { WorkflowArtifactStore } = await import("./workflow-artifact-26FP4A33.js");
  const { downloadAndVerify } = await import("./download-and-verify-5BCOLEOQ.js");
  const store = new WorkflowArtifactStore({ env: context.env });
  let downloaded;
  try {
    downloaded = await downloadAndVerify(
      store,
      {
        name,
        parent: context.downloadsDir,
        expected: digest,
        expectedInput: context.inputs.expected,
        nameInput: context.inputs.artifactName,
        ...runId !== null ? { runId, token, ...repository !== null ? { repository } : {} } : {}
      },
      { build: context.seal.build }
    );
  } catch (error) {
    const { mismatches, actual } = isSealError(error, "mismatch") ? error.details : {};
    if (mismatches === void 0 || actual === void 0) throw error;
    context.log(error.message);
    return {
      verified: false,
      actual,
      mismatches,
      path: null,
      artifact: null,
      sealedBy: null,
      checksumsFile: null
    };
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(
    `Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`
  );
  const sealed = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  });
  return {
    verified: true,
    actual: digest,
    mismatches: [],
    path: downloaded.path,
    artifact: uploadedBy === "" || repository !== null ? null : { name, runId: uploadedBy },
    sealedBy: sealed.sealedBy,
    name: sealed.name,
    checksumsFile: downloaded.artifact.checksumsPath
  };
}
async function restoreFromCache(digest, inputName, context) {
  const { restoreFromCache: restore } = await import("./cache-restore-I3DUQDDE.js");
  const restored = await restore(digest, context.downloadsDir, {
    env: context.env,
    inputName,
    log: { info: context.log, warning: context.log }
  });
  if (restored.kind === "miss") return restored;
  if (restored.kind === "refused") return { kind: "unsafe" };
  const single = restored.digestKind === "file" ? join(restored.filesDir, ...restored.listing[0].path.split("/")) : null;
  let checked;
  try {
    const modes = sealedModesBeside(restored.listingFile, inputName);
    if (modes !== null)
      applyModes(
        restored.filesDir,
        restored.listing.map((e) => e.path),
        modes
      );
    checked = await verifyArtifact(
      {
        subject: {
          kind: "paths",
          patterns: { include: [single ?? restored.filesDir], exclude: [] },
          baseDir: restored.filesDir,
          ...single ? {} : { root: restored.filesDir },
          inputName
        },
        expected: digest,
        checksumsFile: restored.listingFile,
        checksumsInput: `the listing in ${cacheKeyOf(digest)}`,
        expectedInput: context.inputs.expected
      },
      context.seal
    );
  } catch (error) {
    removeQuietly(restored.dir);
    if (!(error instanceof SealError)) throw error;
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} were refused: ${error.message}`
    );
    return { kind: "refused", actual: null };
  }
  if (!checked.verified) {
    removeQuietly(restored.dir);
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} are ${checked.actual}, not ${digest}; the cache was changed behind the key.`
    );
    return { kind: "refused", actual: checked.actual };
  }
  const handedOut = single ?? restored.filesDir;
  context.log(
    `Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${handedOut}`
  );
  const sealed = sealInfoBesideListing(restored.listingFile, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  });
  return {
    kind: "verified",
    check: {
      verified: true,
      actual: digest,
      mismatches: [],
      path: handedOut,
      artifact: null,
      sealedBy: sealed.sealedBy,
      name: sealed.name,
      checksumsFile: restored.listingFile
    }
  };
}

export {
  sealInfoBesideListing,
  fetchAndCheckBytes
};
