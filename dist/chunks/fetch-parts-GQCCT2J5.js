import {
  ARTIFACT_INPUTS
} from "./chunk-WGZ6JHN6.js";
import {
  removeQuietly
} from "./chunk-6ZUVKOCF.js";
import {
  require_picomatch
} from "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-FNTAJZI2.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-3JTU4L5I.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-P2RVIIUY.js";
import "./chunk-GYN5OOAK.js";
import "./chunk-Y5E3RXJR.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-FKA4C5KD.js";
import "./chunk-SS67F62S.js";
import "./chunk-7EPTETJS.js";
import "./chunk-VF62UBY7.js";
import {
  dirname,
  join
} from "./chunk-SHE4BTPW.js";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync
} from "./chunk-KUE42OYI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/app/seal/fetch-parts.ts?seal
var import_picomatch = __toESM(require_picomatch());

// stand-in:seal:src/core/errors.ts:src/app/seal/fetch-parts.ts
import { m12$SealError, m12$exitCodeOf, m12$isSealError, m12$quote, m12$stopsPromotion } from "../seal/index-core.js";

// stand-in:seal:src/core/modes.ts:src/app/verify/download-and-verify.ts
import { m15$MODES_ANNOTATION, m15$applyModes, m15$diffModes, m15$formatModes, m15$linkTargetPath, m15$modesAnnotation, m15$modesDigest, m15$parseModes, m15$readModes } from "../seal/index-core.js";

// stand-in:seal:src/core/modes.ts:src/app/verify/sealed-modes.ts
import { m15$MODES_ANNOTATION as m15$MODES_ANNOTATION2, m15$applyModes as m15$applyModes2, m15$diffModes as m15$diffModes2, m15$formatModes as m15$formatModes2, m15$linkTargetPath as m15$linkTargetPath2, m15$modesAnnotation as m15$modesAnnotation2, m15$modesDigest as m15$modesDigest2, m15$parseModes as m15$parseModes2, m15$readModes as m15$readModes2 } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/app/verify/sealed-modes.ts
import { m12$SealError as m12$SealError2, m12$exitCodeOf as m12$exitCodeOf2, m12$isSealError as m12$isSealError2, m12$quote as m12$quote2, m12$stopsPromotion as m12$stopsPromotion2 } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/bundle-reader.ts:src/app/verify/sealed-modes.ts
import { m24$contractManifestBeside, m24$hasBundleBeside, m24$listingsIn, m24$readListing, m24$readSigstoreBundleBeside, m24$readStatement, m24$readStatementBeside, m24$whyUnreadable } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/seal-bundle.ts:src/app/verify/sealed-modes.ts
import { m27$bundleBaseOf, m27$bundleFileNames, m27$contractBeside, m27$fileSafeName, m27$isBundleEntry, m27$modesBeside, m27$sigstoreBundleBeside, m27$statementBeside } from "../seal/index-core.js";

// src/app/verify/sealed-modes.ts?seal
function sealedModesBeside(checksumsFile, what) {
  let statement = null;
  try {
    statement = m24$readStatementBeside(checksumsFile, (why) => new m12$SealError2("unreadable", why))?.json ?? null;
  } catch {
  }
  const claimed = m15$modesAnnotation2(statement);
  if (claimed === null) return null;
  const file = m27$modesBeside(checksumsFile);
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new m12$SealError2("tampered", `${what}: the statement beside the listing records the files' modes, but ${m12$quote2(file)} is missing. The seal bundle was changed after sealing: give it as the seal wrote it.`);
  }
  if (m15$modesDigest2(bytes) !== claimed) {
    throw new m12$SealError2("tampered", `${what}: ${m12$quote2(file)} is not the modes file the statement records (${claimed}). The seal bundle was changed after sealing: give it as the seal wrote it.`);
  }
  return m15$parseModes2(bytes.toString("utf8"), `${what}: ${m12$quote2(file)}`);
}

// stand-in:seal:src/core/digest.ts:src/app/verify/download-and-verify.ts
import { m10$digestFromHex, m10$hexOf, m10$parseDigest, m10$shortDigest } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/app/verify/download-and-verify.ts
import { m12$SealError as m12$SealError3, m12$exitCodeOf as m12$exitCodeOf3, m12$isSealError as m12$isSealError3, m12$quote as m12$quote3, m12$stopsPromotion as m12$stopsPromotion3 } from "../seal/index-core.js";

// stand-in:seal:src/core/kind.ts:src/app/verify/download-and-verify.ts
import { m13$agreeingKind, m13$checkSubjectKind, m13$isCanonicalListing, m13$kindFromListing, m13$kindFromStatement, m13$readListingFile, m13$refuseListingAsFile } from "../seal/index-core.js";

// stand-in:seal:src/core/listing.ts:src/app/verify/download-and-verify.ts
import { m14$checkListingPath, m14$compareUtf8, m14$describesListing, m14$diffListings, m14$digestOfListing, m14$formatListing, m14$listingFromDigests, m14$parseListing, m14$sortEntries } from "../seal/index-core.js";

// stand-in:seal:src/core/seal.ts:src/app/verify/download-and-verify.ts
import { m19$listDirectory, m19$sealSubject } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/bundle-reader.ts:src/app/verify/download-and-verify.ts
import { m24$contractManifestBeside as m24$contractManifestBeside2, m24$hasBundleBeside as m24$hasBundleBeside2, m24$listingsIn as m24$listingsIn2, m24$readListing as m24$readListing2, m24$readSigstoreBundleBeside as m24$readSigstoreBundleBeside2, m24$readStatement as m24$readStatement2, m24$readStatementBeside as m24$readStatementBeside2, m24$whyUnreadable as m24$whyUnreadable2 } from "../seal/index-core.js";

// src/app/verify/download-and-verify.ts?seal
var MAX_LISTED = 20;
async function downloadAndVerify(store, request, options) {
  const nameInput = request.nameInput ?? ARTIFACT_INPUTS.name;
  const expectedInput = request.expectedInput ?? "digest";
  const artifact = await store.download({ ...request, onDigestMismatch: "continue" });
  const label = `the artifact ${m12$quote3(artifact.name)}${artifact.runId === null ? "" : ` of workflow run ${artifact.runId}`}`;
  try {
    const sealed = readSealedListing(artifact.checksumsPath, label, nameInput);
    const listed = m14$digestOfListing(m14$formatListing(sealed));
    const single = sealed.length === 1 ? sealed[0] : null;
    if (request.expected !== void 0 && m13$kindFromListing(sealed, request.expected, "") === null) {
      throw new m12$SealError3(
        "tampered",
        `${expectedInput}: the seal bundle in ${label} is the listing of ${listed}, not of ${request.expected}. The artifact holds another build, or its bundle was changed after sealing. Give the digest sealed with this artifact, or download the artifact that build uploaded.`
      );
    }
    const candidates = request.expected !== void 0 ? [request.expected] : [listed, ...single ? [m10$digestFromHex(single.hex)] : []];
    const { digest, kind } = statementDigest(artifact.statementPath, sealed, candidates, label, nameInput);
    if (artifact.filesDir === null) {
      throw new m12$SealError3("bad-input", `${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to carry and verify them.`);
    }
    const modes = sealedModesBeside(artifact.checksumsPath, nameInput);
    if (modes !== null) m15$applyModes(artifact.filesDir, sealed.map((e) => e.path), modes);
    const recomputed = await m19$sealSubject(
      { kind: "paths", patterns: { include: [artifact.filesDir], exclude: [] }, baseDir: artifact.filesDir, root: artifact.filesDir, inputName: nameInput },
      { ...options, fallbackName: artifact.name }
    );
    const mismatches = m14$diffListings(sealed, m14$parseListing(recomputed.listing.toString("utf8"), "the downloaded files"));
    if (mismatches.length > 0) throw downloadDiffers(mismatches, recomputed.digest, label, nameInput, digest);
    const file = kind === "file" ? join(artifact.filesDir, ...single.path.split("/")) : null;
    m13$checkSubjectKind(
      { kind, display: file ?? artifact.filesDir, fileCount: sealed.length, file, digest: file === null ? recomputed.digest : m10$digestFromHex(single.hex) },
      digest,
      { kind, source: `the seal bundle in ${label}`, fileCount: sealed.length },
      { subject: nameInput, checksums: `the seal bundle in ${label}` }
    );
    return { artifact, digest, kind, path: file ?? artifact.filesDir, fileCount: sealed.length };
  } catch (error) {
    removeQuietly(artifact.dir);
    throw error;
  }
}
function readSealedListing(file, label, nameInput) {
  return m24$readListing2(file, (why) => new m12$SealError3("unreadable", `${nameInput}: cannot read the checksums listing of ${label} (${why}).`));
}
function statementDigest(file, sealed, candidates, label, nameInput) {
  let statement = null;
  try {
    statement = m24$readStatement2(file, (why) => new m12$SealError3("unreadable", why))?.json ?? null;
  } catch {
  }
  for (const digest of candidates) {
    const kind = m13$kindFromStatement(statement, digest);
    if (kind === null) continue;
    const listed = m13$kindFromListing(sealed, digest, "")?.kind;
    if (listed !== kind) {
      throw new m12$SealError3(
        "tampered",
        `${nameInput}: the statement in ${label} records ${digest} as ${kind === "tree" ? "a tree" : "one file"}, but its listing records it as ${listed === "tree" ? "a tree" : "one file"}. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
      );
    }
    return { digest, kind };
  }
  throw new m12$SealError3(
    "tampered",
    `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do not belong together. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
  );
}
function downloadDiffers(mismatches, actual, label, nameInput, digest) {
  const count = (kind) => mismatches.filter((m) => m.kind === kind).length;
  const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`);
  if (mismatches.length > MAX_LISTED) lines.push(`  \u2026 and ${mismatches.length - MAX_LISTED} more`);
  return new m12$SealError3(
    "mismatch",
    `${nameInput}: the files of ${label} are not the sealed files of ${digest}: ${count("changed")} changed, ${count("missing")} missing, ${count("added")} added:
${lines.join("\n")}
The download was deleted. Do not deploy these files: find out who changed the stored artifact, then seal and upload the build again.`,
    { details: { mismatches, actual } }
  );
}

// src/app/seal/fetch-parts.ts?seal
async function fetchArtifactParts(parts, context) {
  const { WorkflowArtifactStore } = await import("./workflow-artifact-P6SW7LNT.js");
  const store = new WorkflowArtifactStore({ env: context.env, inputs: { name: context.inputName } });
  const names = await expandPatterns(parts, store, context);
  const fetched = [];
  for (const { name, artifact } of names) {
    let verified;
    try {
      verified = await downloadAndVerify(store, { name: artifact, parent: context.parent, nameInput: context.inputName }, { build: context.seal.build });
    } catch (error) {
      if (!m12$isSealError(error, "bad-input")) throw error;
      const bundleOnly = await store.download({ name: artifact, parent: context.parent });
      if (bundleOnly.filesDir !== null) throw error;
      context.log(`${context.inputName}: ${m12$quote(artifact)} holds its seal bundle only; its listing is merged without files.`);
      fetched.push({ source: { ...name ? { name } : {}, checksumsFile: bundleOnly.checksumsPath }, artifact, filesDir: null });
      continue;
    }
    context.log(`${context.inputName}: downloaded ${m12$quote(artifact)} and verified ${verified.fileCount} file(s) against its seal ${verified.digest}`);
    fetched.push({ source: { ...name ? { name } : {}, checksumsFile: verified.artifact.checksumsPath, expectedDigest: verified.digest }, artifact, filesDir: verified.artifact.filesDir });
  }
  return fetched;
}
async function expandPatterns(parts, store, context) {
  const globs = parts.filter((p) => import_picomatch.default.scan(p.artifact).isGlob);
  const listed = globs.length > 0 ? await store.list() : [];
  const out = [];
  for (const part of parts) {
    if (!import_picomatch.default.scan(part.artifact).isGlob) {
      out.push(part);
      continue;
    }
    if (part.name !== void 0) {
      throw new m12$SealError("bad-input", `${context.inputName}: ${m12$quote(`${part.name}=${part.artifact}`)} gives one part name to a pattern, which may match several artifacts. Leave out "${part.name}=": each match is named after its own seal.`);
    }
    const isMatch = (0, import_picomatch.default)(part.artifact);
    const matches = listed.filter((n) => isMatch(n)).sort();
    if (matches.length === 0) {
      throw new m12$SealError("bad-input", `${context.inputName}: no workflow artifact of this run matches ${m12$quote(part.artifact)} (the run has ${listed.length === 0 ? "none" : listed.map(m12$quote).join(", ")}). Upload the parts in earlier jobs this one needs.`);
    }
    out.push(...matches.map((artifact) => ({ artifact })));
  }
  return out;
}
function layOutParts(fetched, parent) {
  const dir = mkdtempSync(join(parent, "merged-"));
  for (const part of fetched) {
    const target = join(dir, ...part.name.split("/"));
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(part.filesDir, target, "dir");
  }
  return dir;
}
export {
  fetchArtifactParts,
  layOutParts
};
