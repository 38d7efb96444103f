import {
  fromManifest,
  loadSealedContract
} from "./chunk-2YOY2W4T.js";
import {
  cacheKeyOf
} from "./chunk-XR7RWAIA.js";
import {
  copyListedFiles,
  removeQuietly
} from "./chunk-JMUPEBY4.js";
import {
  exists,
  keptManifestFile,
  replaceKeptContract
} from "./chunk-RNK4W44P.js";
import {
  sealedByFromStatement,
  subjectNameOf,
  verifyArtifact
} from "./chunk-O6NJCDG7.js";
import {
  resolveFiles,
  sealSubject
} from "./chunk-E6UEEGNB.js";
import {
  contractManifestBeside,
  hasBundleBeside,
  readListing,
  readStatementBeside
} from "./chunk-Q7VPIQTJ.js";
import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  parseListing
} from "./chunk-3FEAGG5X.js";
import {
  hexOf
} from "./chunk-PKGN7LAX.js";
import {
  SealError,
  isSealError,
  quote,
  stopsPromotion
} from "./chunk-APYKEJN7.js";
import {
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  createHash,
  randomBytes
} from "./chunk-VF62UBY7.js";

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
  return { sealedBy: sealedByFromStatement(statement, digest, file, context), name: subjectNameOf(statement, digest) };
}

// src/app/verify/verified-path.ts
async function verifiedPath(artifact, subject, expected, stagingParent, options) {
  const root = artifact.root;
  const inputName = subject.kind === "paths" ? subject.inputName : "subject";
  if (root === null) throw new SealError("bad-input", `${inputName}: nothing was read from disk, so there is no path to hand out.`);
  const listed = parseListing(artifact.listing.toString("utf8"), "the verified listing").map((e) => e.path);
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
    onDisk = resolveFiles({ patterns: { include: [root], exclude: [] }, baseDir: root, root, inputName: "the verified directory" }).relativePaths;
  } catch {
    return false;
  }
  if (onDisk.length !== listed.length) return false;
  const wanted = new Set(listed);
  return onDisk.every((p) => wanted.has(p));
}
async function stageCopies(root, listed, expected, stagingParent, inputName, options) {
  const dir = join(stagingParent, `verified-${hexOf(expected).slice(0, 12)}-${randomBytes(4).toString("hex")}`);
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
    { kind: "paths", patterns: { include: [dir], exclude: [] }, baseDir: dir, root: dir, inputName },
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
      { subject: source.subject, expected: digest, checksumsFile: source.checksumsFile, checksumsInput: context.inputs.checksums, expectedInput: context.inputs.expected },
      context.seal
    );
    const handedOut = result.verified ? await verifiedPath(result.artifact, source.subject, digest, context.downloadsDir, context.seal) : null;
    return { verified: result.verified, actual: result.actual, mismatches: result.mismatches, path: handedOut, artifact: null, sealedBy: null, checksumsFile: source.checksumsFile };
  }
  if (source.kind === "artifact") return downloadArtifact(source.name, source.runId, source.token, digest, context);
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored.kind === "verified") return restored.check;
  const key = cacheKeyOf(digest);
  if (known.artifact === null) {
    throw new SealError(
      "unreadable",
      restored.kind === "miss" ? `${source.inputName}: the Actions cache has no entry for ${digest} (key ${key}), and no ledger record names a workflow artifact holding its files. Give ${context.inputs.artifactName} (and run-id) of the run that uploaded them, or seal with "cache: true" so later runs can restore them.` : restored.kind === "unsafe" ? `${source.inputName}: the cache entry ${key} was refused before anything was extracted (the log above names each entry), and no ledger record names a workflow artifact to fall back to. Give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.` : `${source.inputName}: the cache entry ${key} restored files that ${restored.actual === null ? "are not of the sealed kind (see the log above)" : `are ${restored.actual}, not ${digest}`}. They were deleted and nothing is deployed from them, and no ledger record names a workflow artifact to fall back to. The cache was changed behind the key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.`
    );
  }
  const what = restored.kind === "miss" ? `no cache entry for ${digest}` : restored.kind === "unsafe" ? `the cache entry ${key} was refused before anything was extracted` : `the files restored from ${key} do not verify and were deleted`;
  context.log(`${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`);
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
}
async function downloadArtifact(name, runId, token, digest, context) {
  const { WorkflowArtifactStore } = await import("./workflow-artifact-ABGDXLWO.js");
  const { downloadAndVerify } = await import("./download-and-verify-LH3YVWPT.js");
  const store = new WorkflowArtifactStore({ env: context.env });
  let downloaded;
  try {
    downloaded = await downloadAndVerify(
      store,
      { name, parent: context.downloadsDir, expected: digest, expectedInput: context.inputs.expected, nameInput: context.inputs.artifactName, ...runId !== null ? { runId, token } : {} },
      { build: context.seal.build }
    );
  } catch (error) {
    const { mismatches, actual } = isSealError(error, "mismatch") ? error.details : {};
    if (mismatches === void 0 || actual === void 0) throw error;
    context.log(error.message);
    return { verified: false, actual, mismatches, path: null, artifact: null, sealedBy: null, checksumsFile: null };
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(`Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`);
  const sealed = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest, { serverUrl: serverUrlOf(context.env), onInvalid: context.log });
  return {
    verified: true,
    actual: digest,
    mismatches: [],
    path: downloaded.path,
    artifact: uploadedBy === "" ? null : { name, runId: uploadedBy },
    sealedBy: sealed.sealedBy,
    name: sealed.name,
    checksumsFile: downloaded.artifact.checksumsPath
  };
}
async function restoreFromCache(digest, inputName, context) {
  const { restoreFromCache: restore } = await import("./cache-restore-IKM5QQAC.js");
  const restored = await restore(digest, context.downloadsDir, { env: context.env, inputName, log: { info: context.log, warning: context.log } });
  if (restored.kind === "miss") return { kind: "miss" };
  if (restored.kind === "refused") return { kind: "unsafe" };
  const single = restored.digestKind === "file" ? join(restored.filesDir, ...restored.listing[0].path.split("/")) : null;
  let checked;
  try {
    checked = await verifyArtifact(
      {
        subject: { kind: "paths", patterns: { include: [single ?? restored.filesDir], exclude: [] }, baseDir: restored.filesDir, ...single ? {} : { root: restored.filesDir }, inputName },
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
    context.log(`${inputName}: the files restored from ${cacheKeyOf(digest)} were refused: ${error.message}`);
    return { kind: "refused", actual: null };
  }
  if (!checked.verified) {
    removeQuietly(restored.dir);
    context.log(`${inputName}: the files restored from ${cacheKeyOf(digest)} are ${checked.actual}, not ${digest}; the cache was changed behind the key.`);
    return { kind: "refused", actual: checked.actual };
  }
  const handedOut = single ?? restored.filesDir;
  context.log(`Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${handedOut}`);
  return { kind: "verified", check: { verified: true, actual: digest, mismatches: [], path: handedOut, artifact: null, sealedBy: null, checksumsFile: null } };
}

// src/app/promote/contract-sources.ts
var EARLIER_FORM_FIX = "Its record was written by an earlier artifact-seal, whose contract digest did not cover the files' kinds, the JSON Schema roles or the version. Compare the two contracts by hand (artifact-seal contract diff <its seal bundle>/<name>.contract <the new seal bundle>), then promote once with this environment's contract rule removed from the policy: the record then names the new contract, and later promotions are judged against it.";
function contractSources(options) {
  const warn = options.warn ?? (() => void 0);
  let earlierForm = false;
  const keptFile = (digest) => options.store === null ? null : keptManifestFile(options.store, hexOf(digest));
  const fromStore = (ref, reasons) => {
    const file = keptFile(ref.digest);
    if (file === null || !exists(file)) {
      if (options.store !== null) reasons.push(`it is not kept in ${quote(options.store)}`);
      return null;
    }
    let why;
    try {
      const loaded = fromManifest(file);
      if (loaded.manifest.digest === ref.digest && loaded.manifest.version === ref.version) return loaded;
      why = `it holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${ref.version} (${ref.digest})`;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      if (isSealError(error, "outdated")) earlierForm = true;
      why = error.message;
    }
    warn(`The contract kept at ${quote(file)} does not verify, so it is ignored (the next promotion that carries contract ${ref.digest} replaces it): ${why}`);
    reasons.push(`the copy kept in ${quote(options.store)} does not verify`);
    return null;
  };
  return {
    async candidate(digest, bytes, claimed) {
      const listing = bytes?.checksumsFile ?? null;
      const manifest = listing === null ? null : contractManifestBeside(listing);
      if (manifest !== null) {
        const loaded = fromManifest(manifest);
        checkSealedFiles(loaded, listing, manifest);
        return { contract: loaded, known: true };
      }
      if (claimed === null) return { contract: null, known: listing !== null && hasBundleBeside(listing) };
      const kept = fromStore(claimed, []);
      if (kept !== null) return { contract: kept, known: true };
      throw new SealError(
        "unreadable",
        `the seal of ${digest} carries contract ${claimed.version} (${claimed.digest}), but its manifest is not beside the bytes' listing${options.store === null ? "" : ` nor kept (verified) in ${quote(options.store)}`}. Give the seal bundle (checksums-path) the seal wrote, with its .contract.json and .contract/ beside the listing.`
      );
    },
    async baseline(live) {
      const wanted = live.contract;
      if (options.baseline !== null) return givenBaseline(options.baseline, live);
      earlierForm = false;
      const tried = [];
      const kept = fromStore(wanted, tried);
      if (kept !== null) return kept;
      if (options.download && live.artifact !== null) {
        const where = `the workflow artifact ${quote(live.artifact.name)} of run ${live.artifact.runId}`;
        try {
          const listing = await options.download(live.digest, live.artifact);
          const manifest = contractManifestBeside(listing);
          if (manifest !== null) {
            const loaded = fromManifest(manifest);
            checkSealedFiles(loaded, listing, manifest);
            if (loaded.manifest.digest === wanted.digest && loaded.manifest.version === wanted.version) return loaded;
            tried.push(`${where} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${wanted.version} (${wanted.digest})`);
          } else {
            tried.push(`${where} holds no contract manifest`);
          }
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
          if (isSealError(error, "outdated")) earlierForm = true;
          tried.push(`${where} could not be fetched and verified (${error.message})`);
        }
      } else if (live.artifact === null) {
        tried.push("no record names a workflow artifact holding its seal bundle");
      }
      throw new SealError(
        "unreadable",
        `The contract ${live.environment} runs (${wanted.version}, ${wanted.digest}, sealed with ${live.digest}) could not be read: ${tried.join("; ") || "nowhere to look"}. ` + (earlierForm ? EARLIER_FORM_FIX : `Give contract-baseline: the path to the seal bundle of ${live.digest}.`)
      );
    },
    ...options.store === null ? {} : { keep: async (contract) => keepContract(options.store, contract, warn) }
  };
}
function givenBaseline(given, live) {
  const wanted = live.contract;
  let loaded;
  try {
    loaded = loadSealedContract(given.path, given.inputName);
  } catch (error) {
    if (!(error instanceof SealError) || stopsPromotion(error)) throw error;
    throw new SealError(
      "bad-input",
      `${given.inputName}: ${quote(given.path)} is not a contract as a seal wrote it: ${error.message}` + (isSealError(error, "outdated") ? ` ${EARLIER_FORM_FIX}` : ""),
      { cause: error }
    );
  }
  if (loaded.manifest.digest !== wanted.digest || loaded.manifest.version !== wanted.version) {
    throw new SealError(
      "bad-input",
      `${given.inputName}: ${quote(given.path)} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), but ${live.environment} runs ${live.digest}, whose record names contract ${wanted.version} (${wanted.digest}). Give the seal bundle of ${live.digest}, or leave ${given.inputName} out.`
    );
  }
  return loaded;
}
function checkSealedFiles(contract, listingFile, manifestFile) {
  const listed = readListing(listingFile, (why, file) => new SealError("unreadable", `cannot read the listing ${quote(file)} the contract is tied to (${why}).`));
  const sealed = new Map(listed.map((e) => [e.path, e.hex]));
  for (const file of contract.manifest.files) {
    if (sealed.get(file.path) !== file.sha256) {
      throw new SealError(
        "tampered",
        `${manifestFile}: the contract file ${quote(file.path)} is ${sealed.has(file.path) ? "not the sealed one (its sha256 differs from the listing's)" : "not one of the sealed files"}. The manifest was changed after sealing; give the seal bundle as the seal wrote it.`
      );
    }
  }
}
async function keepContract(store, contract, warn) {
  const hex = hexOf(contract.manifest.digest);
  const manifestFile = keptManifestFile(store, hex);
  const verifies = () => {
    try {
      return exists(manifestFile) && fromManifest(manifestFile).manifest.digest === contract.manifest.digest;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      return false;
    }
  };
  if (verifies()) return;
  const files = contract.manifest.files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: Buffer.from(contract.read(file.path), "utf8") }));
  if (files.some((f) => createHash("sha256").update(f.bytes).digest("hex") !== f.sha256)) {
    warn(`Contract ${contract.manifest.digest} is not kept in ${quote(store)}: a file of it is not UTF-8 text, so its copy would not hash as sealed. Later promotions need contract-baseline.`);
    return;
  }
  try {
    replaceKeptContract(store, hex, `${JSON.stringify(contract.manifest, null, 2)}
`, files);
  } catch (error) {
    if (!verifies()) warn(`Contract ${contract.manifest.digest} could not be kept in ${quote(store)} (${error.code ?? String(error)}). Later promotions need contract-baseline.`);
  }
}

export {
  sealInfoBesideListing,
  fetchAndCheckBytes,
  contractSources
};
