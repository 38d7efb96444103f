import {
  contractsKnown,
  ownService,
  pipelineStatus
} from "./chunk-JNZBKMGZ.js";
import {
  verificationSummary
} from "./chunk-HTIDVKND.js";
import {
  renderPromotionText
} from "./chunk-7ID42SAT.js";
import {
  resolutionHeadline
} from "./chunk-3USDI6ST.js";
import {
  fromManifest,
  loadSealedContract
} from "./chunk-NXNYU3MG.js";
import {
  NOTHING_KNOWN,
  promoteDigest
} from "./chunk-HLFXMEUL.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-WWMF3BE6.js";
import "./chunk-BZQEN22N.js";
import "./chunk-64VN6DVJ.js";
import "./chunk-D6AQBV6Z.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  creatingLedgerNotice,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from "./chunk-HF7UHI7D.js";
import "./chunk-26HFV435.js";
import {
  cacheKeyOf
} from "./chunk-MURN7PSB.js";
import {
  removeQuietly
} from "./chunk-AX3YZIND.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  makesLive
} from "./chunk-ZC7YKKWW.js";
import "./chunk-N5HZLV4K.js";
import "./chunk-63FNXGVD.js";
import {
  prepareSigning
} from "./chunk-IRPWKOLF.js";
import {
  checkSignature,
  sealedByFromStatement,
  serverUrlOf,
  sha256Of,
  signerExpectation,
  subjectNameOf,
  verifyArtifact
} from "./chunk-BJITSFGH.js";
import "./chunk-6PZHAYEF.js";
import {
  describeProgress
} from "./chunk-LCJQTPH3.js";
import {
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  SIGNING_OPTIONS,
  SIGNING_USAGE,
  parseSubjectPatterns,
  readCliSignerCheck,
  readCliSigning,
  signatureRequired
} from "./chunk-25O6L3ZU.js";
import "./chunk-HCENANLJ.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
} from "./chunk-XTLVFLRN.js";
import {
  contractBeside,
  statementBeside
} from "./chunk-XGBVLNS7.js";
import {
  resolveFiles,
  sealSubject
} from "./chunk-KIG7YQQD.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-2YME2WUQ.js";
import {
  EarlierContractFormatError
} from "./chunk-HZGXBXLZ.js";
import {
  parseListing
} from "./chunk-MFKOXDAX.js";
import "./chunk-YVUBSRLI.js";
import "./chunk-R2FMP75C.js";
import {
  hexOf,
  parseDigest
} from "./chunk-CGOBM355.js";
import "./chunk-LA5M4VJV.js";
import {
  parseCommand,
  requireValue
} from "./chunk-UJW5JWF6.js";
import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  BadInputError,
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";
import {
  printJson
} from "./chunk-3WEHOHFK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-P2RVIIUY.js";
import "./chunk-PK6RSM65.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import {
  basename,
  dirname,
  isAbsolute,
  join,
  relative,
  resolve,
  sep
} from "./chunk-SHE4BTPW.js";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from "./chunk-OJKZS7ZI.js";
import {
  createHash,
  randomBytes,
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  __require
} from "./chunk-ULEFO6FB.js";

// src/cli/promote-command.ts
import { spawn } from "node:child_process";

// src/app/sealed-by.ts
function sealInfoBesideListing(checksumsFile, digest, context = {}) {
  const none = { sealedBy: null, name: null };
  const file = checksumsFile === null ? null : statementBeside(checksumsFile);
  if (file === null) return none;
  let statement;
  try {
    statement = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return none;
  }
  return { sealedBy: sealedByFromStatement(statement, digest, file, context), name: subjectNameOf(statement, digest) };
}

// src/app/verified-path.ts
async function verifiedPath(artifact, subject, expected, stagingParent, options) {
  const root = artifact.root;
  const inputName = subject.kind === "paths" ? subject.inputName : "subject";
  if (root === null) throw new SealError(`${inputName}: nothing was read from disk, so there is no path to hand out.`);
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
    mkdirSync(dir, { recursive: true });
    const made = /* @__PURE__ */ new Set();
    for (const rel of listed) {
      const target = join(dir, ...rel.split("/"));
      const parent = dirname(target);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      copyFileSync(join(root, ...rel.split("/")), target);
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
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored.kind === "verified") return restored.check;
  const key = cacheKeyOf(digest);
  if (known.artifact === null) {
    throw new SealError(
      restored.kind === "miss" ? `${source.inputName}: the Actions cache has no entry for ${digest} (key ${key}), and no ledger record names a workflow artifact holding its files. Give ${context.inputs.artifactName} (and run-id) of the run that uploaded them, or seal with "cache: true" so later runs can restore them.` : restored.kind === "unsafe" ? `${source.inputName}: the cache entry ${key} was refused before anything was extracted (the log above names each entry), and no ledger record names a workflow artifact to fall back to. Give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.` : `${source.inputName}: the cache entry ${key} restored files that ${restored.actual === null ? "are not of the sealed kind (see the log above)" : `are ${restored.actual}, not ${digest}`}. They were deleted and nothing is deployed from them, and no ledger record names a workflow artifact to fall back to. The cache was changed behind the key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.`
    );
  }
  const what = restored.kind === "miss" ? `no cache entry for ${digest}` : restored.kind === "unsafe" ? `the cache entry ${key} was refused before anything was extracted` : `the files restored from ${key} do not verify and were deleted`;
  context.log(`${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`);
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
}
async function downloadArtifact(name, runId, token, digest, context) {
  const { WorkflowArtifactStore } = await import("./workflow-artifact-B6AXUPV5.js");
  const { DownloadDiffersError, downloadAndVerify } = await import("./download-and-verify-U33IOI6X.js");
  const store = new WorkflowArtifactStore({ env: context.env });
  let downloaded;
  try {
    downloaded = await downloadAndVerify(
      store,
      { name, parent: context.downloadsDir, expected: digest, expectedInput: context.inputs.expected, nameInput: context.inputs.artifactName, ...runId !== null ? { runId, token } : {} },
      { build: context.seal.build }
    );
  } catch (error) {
    if (!(error instanceof DownloadDiffersError)) throw error;
    context.log(error.message);
    return { verified: false, actual: error.actual, mismatches: error.mismatches, path: null, artifact: null, sealedBy: null, checksumsFile: null };
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(`Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`);
  const sealed = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest, { serverUrl: serverUrlOf(context.env.GITHUB_SERVER_URL), onInvalid: context.log });
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
  const { restoreFromCache: restore } = await import("./cache-restore-36CZMNHX.js");
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

// builtin:node:url
var builtin = __require("node:url");
var { Url, parse, resolve: resolve2, resolveObject, format, URL: URL2, URLPattern, URLSearchParams, domainToASCII, domainToUnicode, pathToFileURL, fileURLToPath, fileURLToPathBuffer, urlToHttpOptions } = builtin;

// src/app/attest-record.ts
function recordAttester(signing, context) {
  return async (record, decision, signature) => {
    const statement = verificationSummary({
      digest: hexOf(record.digest),
      subjectName: record.name ?? hexOf(record.digest).slice(0, 12),
      verifierId: verifierId(context.env),
      verifierVersion: VERSION,
      timeVerified: (/* @__PURE__ */ new Date()).toISOString(),
      resourceUri: resourceUri(record.environment, context),
      policy: { uri: policyUri(context), digest: context.policy.digest === void 0 ? null : { sha256: context.policy.digest } },
      inputAttestations: signature?.status === "verified" ? [{ uri: inputUri(signature.source, record, context.env), digest: { sha256: hexOf(signature.bundleDigest) } }] : [],
      result: record.outcome === "pending" ? "PASSED" : "FAILED",
      verifiedLevels: levelsOf(record, signature),
      extension: {
        environment: record.environment,
        outcome: record.outcome,
        mode: record.mode,
        key: record.key,
        reason: record.reason,
        checks: (decision?.checks ?? []).map((c) => ({ rule: c.rule, environment: c.environment, passed: c.passed })),
        // The contract the digest carries and the amendment judged, signed with the decision they led to.
        ...record.contract ? { contract: record.contract } : {},
        ...record.amendment ? { amendment: record.amendment } : {}
      }
    });
    const signed = await signing.sign(statement);
    const digest = sha256Of(signed.json);
    if (signing.kind === "keyless" && context.env.GITHUB_REPOSITORY && context.token !== "") {
      const { storeAttestation } = await import("./attestations-api-3ZTH3PBT.js");
      const stored = await storeAttestation(signed.bundle, { env: context.env, token: context.token, tokenInput: context.tokenInput ?? "github-token" });
      return { uri: stored.url, digest: sha256Of(JSON.stringify(signed.bundle)), id: String(stored.id) };
    }
    if (context.ledger.kind !== "file") {
      throw new SealError(
        `The record's verification summary is signed but has nowhere to go: the github ledger keeps signed records in the repository's attestations API, which needs a job on GitHub with github-token ("attestations: write"). Give the token, or set sign: none.`
      );
    }
    return { uri: writeBesideLedger(context.ledger.file, record.key, signed.json), digest, id: null };
  };
}
function writeBesideLedger(ledgerFile, key, json) {
  const dir = `${ledgerFile}.attestations`;
  const file = join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, "-")}.sigstore.json`);
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, json, { flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new SealError(`cannot write the record's signed verification summary to ${quote(file)} (${error.code ?? String(error)}). Make the ledger's directory writable.`);
  }
  return relative(dirname(ledgerFile), file).split(sep).join("/");
}
function inputUri(source, record, env) {
  if (isAbsolute(source)) return pathToFileURL(source).href;
  if (URL.canParse(source) && /^[a-z][a-z0-9+.-]*:/.test(source)) return source;
  const api = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  return `${api}/repos/${env.GITHUB_REPOSITORY ?? "unknown/unknown"}/attestations/${record.digest}`;
}
function verifierId(env) {
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  if (env.GITHUB_ACTION_REPOSITORY) return `${server}/${env.GITHUB_ACTION_REPOSITORY}/promote${env.GITHUB_ACTION_REF ? `@${env.GITHUB_ACTION_REF}` : ""}`;
  return `pkg:npm/artifact-seal@${VERSION}`;
}
function resourceUri(environment, context) {
  const { env } = context;
  if (context.ledger.kind === "github" && env.GITHUB_REPOSITORY) {
    return `${(env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "")}/${env.GITHUB_REPOSITORY}/deployments/${encodeURIComponent(environment)}`;
  }
  const ledger = context.ledger.kind === "file" ? basename(context.ledger.file) : "ledger";
  return `urn:artifact-seal:${encodeURIComponent(ledger)}:environment:${encodeURIComponent(environment)}`;
}
function policyUri(context) {
  const { env } = context;
  const file = context.policy.source;
  if (env.GITHUB_REPOSITORY && env.GITHUB_SHA) return `git+${(env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "")}/${env.GITHUB_REPOSITORY}@${env.GITHUB_SHA}#${file}`;
  return `file:${file}`;
}
function levelsOf(record, signature) {
  if (record.outcome !== "pending") return ["FAILED"];
  if (signature?.status === "verified" && signature.signer.kind === "certificate" && signature.signer.identity.runnerEnvironment === "github-hosted") return ["SLSA_BUILD_LEVEL_2"];
  return ["SLSA_BUILD_LEVEL_UNEVALUATED"];
}

// src/app/contract-sources.ts
function contractStoreOf(ledgerFile) {
  return `${ledgerFile}.contracts`;
}
var EARLIER_FORM_FIX = "Its record was written by an earlier artifact-seal, whose contract digest did not cover the files' kinds, the JSON Schema roles or the version. Compare the two contracts by hand (artifact-seal contract diff <its seal bundle>/<name>.contract <the new seal bundle>), then promote once with this environment's contract rule removed from the policy: the record then names the new contract, and later promotions are judged against it.";
function contractSources(options) {
  const warn = options.warn ?? (() => void 0);
  let earlierForm = false;
  const keptFile = (digest) => options.store === null ? null : join(options.store, `${hexOf(digest)}.contract.json`);
  const fromStore = (ref, reasons) => {
    const file = keptFile(ref.digest);
    if (file === null || !existsSync(file)) {
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
      if (error instanceof EarlierContractFormatError) earlierForm = true;
      why = error.message;
    }
    warn(`The contract kept at ${quote(file)} does not verify, so it is ignored (the next promotion that carries contract ${ref.digest} replaces it): ${why}`);
    reasons.push(`the copy kept in ${quote(options.store)} does not verify`);
    return null;
  };
  return {
    async candidate(digest, bytes, claimed) {
      const manifest = bytes?.checksumsFile ? contractBeside(bytes.checksumsFile) : null;
      if (manifest !== null && existsSync(manifest)) {
        const loaded = fromManifest(manifest);
        if (bytes?.checksumsFile) checkSealedFiles(loaded, bytes.checksumsFile, manifest);
        return { contract: loaded, known: true };
      }
      if (claimed === null) return { contract: null, known: manifest !== null };
      const kept = fromStore(claimed, []);
      if (kept !== null) return { contract: kept, known: true };
      throw new SealError(
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
          const manifest = contractBeside(listing);
          if (manifest !== null && existsSync(manifest)) {
            const loaded = fromManifest(manifest);
            checkSealedFiles(loaded, listing, manifest);
            if (loaded.manifest.digest === wanted.digest && loaded.manifest.version === wanted.version) return loaded;
            tried.push(`${where} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${wanted.version} (${wanted.digest})`);
          } else {
            tried.push(`${where} holds no contract manifest`);
          }
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
          if (error instanceof EarlierContractFormatError) earlierForm = true;
          tried.push(`${where} could not be fetched and verified (${error.message})`);
        }
      } else if (live.artifact === null) {
        tried.push("no record names a workflow artifact holding its seal bundle");
      }
      throw new SealError(
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
    if (!(error instanceof SealError) || error instanceof BadInputError) throw error;
    throw new BadInputError(
      `${given.inputName}: ${quote(given.path)} is not a contract as a seal wrote it: ${error.message}` + (error instanceof EarlierContractFormatError ? ` ${EARLIER_FORM_FIX}` : "")
    );
  }
  if (loaded.manifest.digest !== wanted.digest || loaded.manifest.version !== wanted.version) {
    throw new BadInputError(
      `${given.inputName}: ${quote(given.path)} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), but ${live.environment} runs ${live.digest}, whose record names contract ${wanted.version} (${wanted.digest}). Give the seal bundle of ${live.digest}, or leave ${given.inputName} out.`
    );
  }
  return loaded;
}
function checkSealedFiles(contract, listingFile, manifestFile) {
  const sealed = new Map(parseListing(readFileSync(listingFile, "utf8"), listingFile).map((e) => [e.path, e.hex]));
  for (const file of contract.manifest.files) {
    if (sealed.get(file.path) !== file.sha256) {
      throw new SealError(
        `${manifestFile}: the contract file ${quote(file.path)} is ${sealed.has(file.path) ? "not the sealed one (its sha256 differs from the listing's)" : "not one of the sealed files"}. The manifest was changed after sealing; give the seal bundle as the seal wrote it.`
      );
    }
  }
}
async function keepContract(store, contract, warn) {
  const base = join(store, hexOf(contract.manifest.digest));
  const manifestFile = `${base}.contract.json`;
  const verifies = () => {
    try {
      return existsSync(manifestFile) && fromManifest(manifestFile).manifest.digest === contract.manifest.digest;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      return false;
    }
  };
  if (verifies()) return;
  const bytes = contract.manifest.files.map((file) => ({ file, bytes: Buffer.from(contract.read(file.path), "utf8") }));
  if (bytes.some(({ file, bytes: b }) => createHash("sha256").update(b).digest("hex") !== file.sha256)) {
    warn(`Contract ${contract.manifest.digest} is not kept in ${quote(store)}: a file of it is not UTF-8 text, so its copy would not hash as sealed. Later promotions need contract-baseline.`);
    return;
  }
  const temp = `${base}.${process.pid}.${randomUUID()}.tmp`;
  try {
    mkdirSync(`${temp}.contract`, { recursive: true });
    for (const { file, bytes: b } of bytes) {
      const target = join(`${temp}.contract`, ...file.path.split("/"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, b);
    }
    writeFileSync(`${temp}.contract.json`, `${JSON.stringify(contract.manifest, null, 2)}
`);
    rmSync(manifestFile, { force: true });
    rmSync(`${base}.contract`, { recursive: true, force: true });
    renameSync(`${temp}.contract`, `${base}.contract`);
    renameSync(`${temp}.contract.json`, manifestFile);
  } catch (error) {
    if (!verifies()) warn(`Contract ${contract.manifest.digest} could not be kept in ${quote(store)} (${error.code ?? String(error)}). Later promotions need contract-baseline.`);
  } finally {
    rmSync(`${temp}.contract`, { recursive: true, force: true });
    rmSync(`${temp}.contract.json`, { force: true });
  }
}

// src/cli/promote-command.ts
var PROMOTE_USAGE = `Usage: artifact-seal promote <digest|previous> --environment ENV [options] [-- <deploy command\u2026>]

Lets a sealed digest into an environment when the promotion policy holds, and records
the decision in the ledger: pending, since nothing counts as deployed until the deployment
is confirmed. Exits 1 when it is refused.

With "-- <deploy command\u2026>", runs the command once the digest is let in (with
ARTIFACT_SEAL_PATH set to the verified files, empty without --path; ARTIFACT_SEAL_DIGEST, ARTIFACT_SEAL_ENVIRONMENT
and ARTIFACT_SEAL_RECORD_ID) and confirms the record when it exits 0, or records the
deployment as failed and exits with its status. Without it, confirm the record afterwards
with "artifact-seal confirm <record-id>".

  --environment ENV   the environment, as the policy names it
  --path P            the bytes about to be deployed: re-verified first (repeatable)
  --checksums FILE    the sealed listing, to name the files that differ; the seal's
                      signature is the <name>.sigstore.json beside it
  --digest-only       promote with no bytes to check (an image deployed by its digest).
                      Without --path a promotion is refused unless this is given or the
                      seal's signature (beside --checksums) shows it was sealed from a
                      digest alone (subject-digest); a dry run needs neither
  --root DIR          the directory listing paths are relative to
  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_FILE})
${LEDGER_HELP}
  --rollback          return to a digest the environment ran before ("previous": the last good one)
  --dry-run           decide, record nothing
  --create-ledger     create the file ledger if it does not exist (the first promotion only)
  --name NAME         the artifact's name, for the records: the service it is of (an
                      environment runs one live digest per service), unless the
                      policy names one; a rollback to "previous" is of this service
  --contract-baseline BUNDLE
                      the seal bundle of the digest the environment runs, for a contract
                      rule, when its contract is not kept beside the file ledger
  --json              print the decision as JSON on stdout (with "resolution", the
                      record a deploy command's status wrote); everything else on stderr

The seal's signature (<name>.sigstore.json beside --checksums) is checked, and the
policy's signed-by rule applies to it:
${SIGNER_USAGE}

Each record can be signed as a SLSA verification summary, kept beside the file ledger:
${SIGNING_USAGE}
  -h, --help          show this help`;
var spec = {
  name: "promote",
  usage: PROMOTE_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: "string" },
    path: { type: "string", multiple: true },
    checksums: { type: "string" },
    root: { type: "string" },
    policy: { type: "string" },
    rollback: { type: "boolean" },
    "dry-run": { type: "boolean" },
    "create-ledger": { type: "boolean" },
    "digest-only": { type: "boolean" },
    name: { type: "string" },
    json: { type: "boolean" },
    "contract-baseline": { type: "string" },
    ...LEDGER_OPTIONS,
    ...SIGNER_OPTIONS,
    ...SIGNING_OPTIONS
  }
};
async function promoteCommand(args, terminal) {
  const split = args.indexOf("--");
  const deploy = split < 0 ? null : args.slice(split + 1);
  const { values, positionals } = parseCommand(spec, split < 0 ? args : args.slice(0, split));
  if (values.help) {
    terminal.out(`${PROMOTE_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1) throw new SealError(`promote: give one digest (or "previous" with --rollback).

${PROMOTE_USAGE}`);
  const environment = requireValue("environment", values.environment);
  if (environment === void 0) throw new SealError(`promote: --environment is required.

${PROMOTE_USAGE}`);
  const given = positionals[0];
  if (given === "previous" && !values.rollback) throw new SealError('promote: "previous" means a rollback; add --rollback, or give a digest.');
  const digest = given === "previous" ? "previous" : parseDigest(given, "promote <digest>");
  const cwd = terminal.cwd;
  const checksums = requireValue("checksums", values.checksums);
  const checksumsFile = checksums ? resolve(cwd, checksums) : null;
  const root = requireValue("root", values.root);
  const paths = values.path ?? [];
  const digestOnly = values["digest-only"] ?? false;
  if (digestOnly && paths.length > 0) throw new SealError("promote: --digest-only says this promotion carries no bytes, but --path gives them. Leave out --digest-only to check them, or --path.");
  const dryRun = values["dry-run"] ?? false;
  if (deploy !== null && deploy.length === 0) throw new SealError('promote: "--" is followed by nothing; give the deploy command after it, such as "-- ./deploy.sh".');
  if (deploy !== null && dryRun) throw new SealError('promote: --dry-run records nothing, so there is no deployment to run after "--"; leave one of them out.');
  const signer = readCliSignerCheck(values, cwd, terminal.env);
  const signing = await prepareSigning(readCliSigning({ sign: values["signing-key"] === void 0 ? "none" : "key", ...values }, cwd, terminal.env), terminal.env);
  const sealed = digest === "previous" ? null : sealInfoBesideListing(checksumsFile, digest, { serverUrl: serverUrlOf(terminal.env.GITHUB_SERVER_URL), onInvalid: (problem) => terminal.err(`artifact-seal: warning: ${problem}
`) });
  const policy = loadPolicy(resolve(cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_FILE), "--policy", cwd);
  const ledger = await ledgerFromOptions(values, terminal, !dryRun, values["create-ledger"] ?? false, dryRun ? void 0 : signing);
  const creating = dryRun ? null : creatingLedgerNotice(ledgerLocationFromOptions(values, terminal), values["create-ledger"] ?? false, "--create-ledger");
  if (creating !== null) terminal.err(`artifact-seal: ${creating}
`);
  const options = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS };
  const rule = policy.environments.find((e) => e.name === environment);
  const location = ledgerLocationFromOptions(values, terminal);
  const baseline = requireValue("contract-baseline", values["contract-baseline"]);
  const required = signatureRequired(signer, rule?.signedBy !== null && rule?.signedBy !== void 0);
  const expectation = signerExpectation(signer, required, terminal.env);
  const result = await promoteDigest(
    {
      environment,
      digest,
      rollback: values.rollback ?? false,
      dryRun,
      name: requireValue("name", values.name) ?? sealed?.name ?? null,
      environmentUrl: null,
      sealedBy: sealed?.sealedBy ?? null,
      requester: requesterFromEnv(terminal.env),
      inputs: { environment: "--environment", digest: "promote <digest>", name: "--name" },
      artifact: null,
      withoutBytes: {
        declared: digestOnly,
        missing: "promote: no bytes to check: the digest would be let in with nothing verified, and ARTIFACT_SEAL_PATH empty. Give --path with the files about to be deployed (and --checksums with the seal's listing). A seal of a digest alone (subject-digest, such as an image) needs none when its signature shows it: give --checksums with its seal bundle's listing and --public-key (or the signer options). To promote with nothing checked, say so with --digest-only."
      },
      checkSignature: (expected, bytes) => checkSignature(expected, { checksumsFile: bytes?.checksumsFile ?? checksumsFile, attestations: null }, expectation),
      requireSignature: required,
      serverUrl: expectation.serverUrl,
      ...signing.kind === "none" ? {} : { attest: recordAttester(signing, { ledger: location, policy, env: terminal.env, token: "" }) },
      contract: contractSources({
        store: location.kind === "file" ? contractStoreOf(location.file) : null,
        baseline: baseline === void 0 ? null : { path: resolve(cwd, baseline), inputName: "--contract-baseline" },
        warn: (message) => terminal.err(`artifact-seal: warning: ${message}
`)
      }),
      ...paths.length > 0 ? {
        verifyBytes: (expected) => fetchAndCheckBytes(
          {
            kind: "local",
            subject: { kind: "paths", patterns: parseSubjectPatterns(paths.join("\n")), baseDir: cwd, inputName: "--path", unusedExclusions: "allow", ...root ? { root } : {} },
            checksumsFile
          },
          expected,
          NOTHING_KNOWN,
          {
            env: terminal.env,
            downloadsDir: join(cwd, ".artifact-seal", "downloads"),
            seal: { fallbackName: fallbackName(terminal.env, cwd), build: buildContextFromEnv(terminal.env), onProgress: (p) => terminal.progress(describeProgress(p)) },
            inputs: { expected: "promote <digest>", checksums: "--checksums", artifactName: "--artifact-name" },
            log: (message) => terminal.progress(message)
          }
        )
      } : {}
    },
    policy,
    ledger,
    options
  );
  const printResult = (resolution) => printJson(terminal, { ...result.decision, previous: result.previous?.digest ?? null, record: result.record, resolution });
  if (!values.json) {
    const status2 = await pipelineStatus(policy, ledger, { knownContracts: contractsKnown(result.digest, result.contract), ...ownService(policy, result.service) });
    terminal.out(renderPromotionText({ result, policy, status: status2, ledger: ledger.location, name: result.name, dryRun }));
  }
  for (const entry2 of result.abandoned) terminal.err(`artifact-seal: record ${entry2.resolves} (${entry2.digest}) was never confirmed; marked abandoned.
`);
  const record = result.record;
  if (!result.decision.allowed || record === null || deploy === null) {
    if (values.json) printResult(null);
    if (result.decision.allowed && record !== null) {
      terminal.out(`Record ${record.id} is pending. When the deployment is done: artifact-seal confirm ${record.id} --ledger ${ledger.location} (or --outcome failure).
`);
    }
    return result.decision.allowed ? 0 : 1;
  }
  const status = await runDeploy(deploy, terminal, {
    ARTIFACT_SEAL_PATH: result.verification?.path ?? "",
    ARTIFACT_SEAL_DIGEST: record.digest,
    ARTIFACT_SEAL_ENVIRONMENT: record.environment,
    ARTIFACT_SEAL_RECORD_ID: record.id
  });
  const failed = status.code === 0 ? null : `the deploy command ${quote(deploy.join(" "))} ${status.describe}`;
  const entry = await ledger.resolve({ id: record.id, outcome: failed === null ? "confirmed" : "failed", reason: failed, ...requesterFromEnv(terminal.env) });
  terminal.out(`${resolutionHeadline(entry)}${entry.reason ? `: ${entry.reason}` : ""}
`);
  if (values.json) printResult(entry);
  if (failed !== null) return status.code;
  return makesLive(entry.outcome) ? 0 : 1;
}
async function runDeploy(command, terminal, extra) {
  const [file, ...args] = command;
  return new Promise((resolve3) => {
    const child = spawn(file, args, { cwd: terminal.cwd, env: { ...terminal.env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
    const relay = (stream, chunk) => terminal.relay ? terminal.relay(stream, chunk.toString()) : terminal[stream](chunk.toString());
    child.stdout.on("data", (chunk) => relay("out", chunk));
    child.stderr.on("data", (chunk) => relay("err", chunk));
    child.on("error", (error) => resolve3({ code: 127, describe: `could not be started (${error.code ?? error.message})` }));
    child.on(
      "close",
      (code, signal) => resolve3(code === 0 ? { code: 0, describe: "exited 0" } : { code: code ?? 1, describe: signal ? `was killed by ${signal}` : `exited ${code}` })
    );
  });
}
export {
  PROMOTE_USAGE,
  promoteCommand
};
