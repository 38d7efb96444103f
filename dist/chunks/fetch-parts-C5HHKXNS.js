import {
  ARTIFACT_INPUTS
} from "./chunk-BJZNEEDI.js";
import "./chunk-TT3KGJUP.js";
import "./chunk-TQNNSUJT.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-FZHOXW7V.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-KAJIURMS.js";
import "./chunk-OM6KMUFD.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import {
  require_picomatch
} from "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-TI6GVPHC.js";
import "./chunk-2W6K4FW3.js";
import "./chunk-ERNWVJRV.js";
import "./chunk-P4TSECCU.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
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
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$messageOf, m13$quote, m13$stopsPromotion } from "../seal/index-core.js";

// stand-in:seal:src/core/modes.ts:src/app/verify/download-and-verify.ts
import { m18$MODES_ANNOTATION, m18$applyModes, m18$diffModes, m18$formatModes, m18$linkTargetPath, m18$modesAnnotation, m18$modesDigest, m18$parseModes, m18$readModes } from "../seal/index-core.js";

// stand-in:seal:src/core/modes.ts:src/app/verify/sealed-modes.ts
import { m18$MODES_ANNOTATION as m18$MODES_ANNOTATION2, m18$applyModes as m18$applyModes2, m18$diffModes as m18$diffModes2, m18$formatModes as m18$formatModes2, m18$linkTargetPath as m18$linkTargetPath2, m18$modesAnnotation as m18$modesAnnotation2, m18$modesDigest as m18$modesDigest2, m18$parseModes as m18$parseModes2, m18$readModes as m18$readModes2 } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/app/verify/sealed-modes.ts
import { m13$SealError as m13$SealError2, m13$exitCodeOf as m13$exitCodeOf2, m13$isSealError as m13$isSealError2, m13$messageOf as m13$messageOf2, m13$quote as m13$quote2, m13$stopsPromotion as m13$stopsPromotion2 } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/bundle-reader.ts:src/app/verify/sealed-modes.ts
import { m31$contractManifestBeside, m31$hasBundleBeside, m31$listingsIn, m31$readListing, m31$readSigstoreBundleBeside, m31$readStatement, m31$readStatementBeside, m31$readText, m31$readTextIfAny, m31$whyUnreadable } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/seal-bundle.ts:src/app/verify/sealed-modes.ts
import { m34$bundleBaseOf, m34$bundleFileNames, m34$contractBeside, m34$fileSafeName, m34$isBundleEntry, m34$modesBeside, m34$sigstoreBundleBeside, m34$statementBeside } from "../seal/index-core.js";

// src/app/verify/sealed-modes.ts?seal
function sealedModesBeside(checksumsFile, what) {
  let statement = null;
  try {
    statement = m31$readStatementBeside(checksumsFile, (why) => new m13$SealError2("unreadable", why))?.json ?? null;
  } catch {
  }
  const claimed = m18$modesAnnotation2(statement);
  if (claimed === null) return null;
  const file = m34$modesBeside(checksumsFile);
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new m13$SealError2(
      "tampered",
      `${what}: the statement beside the listing records the files' modes, but ${m13$quote2(file)} is missing. The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  if (m18$modesDigest2(bytes) !== claimed) {
    throw new m13$SealError2(
      "tampered",
      `${what}: ${m13$quote2(file)} is not the modes file the statement records (${claimed}). The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  return m18$parseModes2(bytes.toString("utf8"), `${what}: ${m13$quote2(file)}`);
}

// stand-in:seal:src/core/digest.ts:src/app/verify/download-and-verify.ts
import { m11$digestFromHex, m11$hexOf, m11$parseDigest, m11$sha256Digest, m11$sha256Hex, m11$shortDigest } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/app/verify/download-and-verify.ts
import { m13$SealError as m13$SealError3, m13$exitCodeOf as m13$exitCodeOf3, m13$isSealError as m13$isSealError3, m13$messageOf as m13$messageOf3, m13$quote as m13$quote3, m13$stopsPromotion as m13$stopsPromotion3 } from "../seal/index-core.js";

// stand-in:seal:src/core/kind.ts:src/app/verify/download-and-verify.ts
import { m16$agreeingKind, m16$checkSubjectKind, m16$isCanonicalListing, m16$kindFromListing, m16$kindFromStatement, m16$readListingFile, m16$refuseListingAsFile } from "../seal/index-core.js";

// stand-in:seal:src/core/listing.ts:src/app/verify/download-and-verify.ts
import { m17$checkListingPath, m17$compareUtf8, m17$describesListing, m17$diffListings, m17$digestOfListing, m17$formatListing, m17$listingFromDigests, m17$listingFromPathBytes, m17$parseListing, m17$sortEntries } from "../seal/index-core.js";

// stand-in:seal:src/core/seal.ts:src/app/verify/download-and-verify.ts
import { m23$listDirectory, m23$sealSubject, m23$startHashPool } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/directory-handoff.ts:src/app/verify/download-and-verify.ts
import { m33$copyListedFiles, m33$makeDirectories, m33$privateDir, m33$removeQuietly, m33$writeNewFile } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/bundle-reader.ts:src/app/verify/download-and-verify.ts
import { m31$contractManifestBeside as m31$contractManifestBeside2, m31$hasBundleBeside as m31$hasBundleBeside2, m31$listingsIn as m31$listingsIn2, m31$readListing as m31$readListing2, m31$readSigstoreBundleBeside as m31$readSigstoreBundleBeside2, m31$readStatement as m31$readStatement2, m31$readStatementBeside as m31$readStatementBeside2, m31$readText as m31$readText2, m31$readTextIfAny as m31$readTextIfAny2, m31$whyUnreadable as m31$whyUnreadable2 } from "../seal/index-core.js";

// src/app/verify/download-and-verify.ts?seal
var MAX_LISTED = 20;
async function downloadAndVerify(store, request, options) {
  const nameInput = request.nameInput ?? ARTIFACT_INPUTS.name;
  const expectedInput = request.expectedInput ?? "digest";
  const artifact = await store.download({ ...request, onDigestMismatch: "continue" });
  const label = `the artifact ${m13$quote3(artifact.name)}${artifact.runId === null ? "" : ` of workflow run ${artifact.runId}`}`;
  try {
    const sealed = readSealedListing(artifact.checksumsPath, label, nameInput);
    const listed = m17$digestOfListing(m17$formatListing(sealed));
    const single = sealed.length === 1 ? sealed[0] : null;
    if (request.expected !== void 0 && m16$kindFromListing(sealed, request.expected, "") === null) {
      throw new m13$SealError3(
        "tampered",
        `${expectedInput}: the seal bundle in ${label} is the listing of ${listed}, not of ${request.expected}. The artifact holds another build, or its bundle was changed after sealing. Give the digest sealed with this artifact, or download the artifact that build uploaded.`
      );
    }
    const candidates = request.expected !== void 0 ? [request.expected] : [listed, ...single ? [m11$digestFromHex(single.hex)] : []];
    const { digest, kind } = statementDigest(
      artifact.statementPath,
      sealed,
      candidates,
      label,
      nameInput
    );
    if (artifact.filesDir === null) {
      throw new m13$SealError3(
        "bad-input",
        `${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to carry and verify them.`
      );
    }
    const modes = sealedModesBeside(artifact.checksumsPath, nameInput);
    if (modes !== null)
      m18$applyModes(
        artifact.filesDir,
        sealed.map((e) => e.path),
        modes
      );
    const recomputed = await m23$sealSubject(
      {
        kind: "paths",
        patterns: { include: [artifact.filesDir], exclude: [] },
        baseDir: artifact.filesDir,
        root: artifact.filesDir,
        inputName: nameInput
      },
      { ...options, fallbackName: artifact.name }
    );
    const mismatches = m17$diffListings(
      sealed,
      m17$parseListing(recomputed.listing.toString("utf8"), "the downloaded files")
    );
    if (mismatches.length > 0)
      throw downloadDiffers(mismatches, recomputed.digest, label, nameInput, digest);
    const file = kind === "file" ? join(artifact.filesDir, ...single.path.split("/")) : null;
    m16$checkSubjectKind(
      {
        kind,
        display: file ?? artifact.filesDir,
        fileCount: sealed.length,
        file,
        digest: file === null ? recomputed.digest : m11$digestFromHex(single.hex)
      },
      digest,
      { kind, source: `the seal bundle in ${label}`, fileCount: sealed.length },
      { subject: nameInput, checksums: `the seal bundle in ${label}` }
    );
    return { artifact, digest, kind, path: file ?? artifact.filesDir, fileCount: sealed.length };
  } catch (error) {
    m33$removeQuietly(artifact.dir);
    throw error;
  }
}
function readSealedListing(file, label, nameInput) {
  return m31$readListing2(
    file,
    (why) => new m13$SealError3(
      "unreadable",
      `${nameInput}: cannot read the checksums listing of ${label} (${why}).`
    )
  );
}
function statementDigest(file, sealed, candidates, label, nameInput) {
  let statement = null;
  try {
    statement = m31$readStatement2(file, (why) => new m13$SealError3("unreadable", why))?.json ?? null;
  } catch {
  }
  for (const digest of candidates) {
    const kind = m16$kindFromStatement(statement, digest);
    if (kind === null) continue;
    const listed = m16$kindFromListing(sealed, digest, "")?.kind;
    if (listed !== kind) {
      throw new m13$SealError3(
        "tampered",
        `${nameInput}: the statement in ${label} records ${digest} as ${kind === "tree" ? "a tree" : "one file"}, but its listing records it as ${listed === "tree" ? "a tree" : "one file"}. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
      );
    }
    return { digest, kind };
  }
  throw new m13$SealError3(
    "tampered",
    `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do not belong together. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
  );
}
function downloadDiffers(mismatches, actual, label, nameInput, digest) {
  const count = (kind) => mismatches.filter((m) => m.kind === kind).length;
  const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`);
  if (mismatches.length > MAX_LISTED) lines.push(`  \u2026 and ${mismatches.length - MAX_LISTED} more`);
  return new m13$SealError3(
    "mismatch",
    `${nameInput}: the files of ${label} are not the sealed files of ${digest}: ${count("changed")} changed, ${count("missing")} missing, ${count("added")} added:
${lines.join("\n")}
The download was deleted. Do not deploy these files: find out who changed the stored artifact, then seal and upload the build again.`,
    { details: { mismatches, actual } }
  );
}

// src/app/seal/fetch-parts.ts?seal
async function fetchArtifactParts(parts, context) {
  const { WorkflowArtifactStore } = await import("./workflow-artifact-E2DG5Q7W.js");
  const store = new WorkflowArtifactStore({ env: context.env, inputs: { name: context.inputName } });
  const names = await expandPatterns(parts, store, context);
  const fetched = [];
  for (const { name, artifact } of names) {
    let verified;
    try {
      verified = await downloadAndVerify(
        store,
        { name: artifact, parent: context.parent, nameInput: context.inputName },
        { build: context.seal.build }
      );
    } catch (error) {
      if (!m13$isSealError(error, "bad-input")) throw error;
      const bundleOnly = await store.download({ name: artifact, parent: context.parent });
      if (bundleOnly.filesDir !== null) throw error;
      context.log(
        `${context.inputName}: ${m13$quote(artifact)} holds its seal bundle only; its listing is merged without files.`
      );
      fetched.push({
        source: { ...name ? { name } : {}, checksumsFile: bundleOnly.checksumsPath },
        artifact,
        filesDir: null
      });
      continue;
    }
    context.log(
      `${context.inputName}: downloaded ${m13$quote(artifact)} and verified ${verified.fileCount} file(s) against its seal ${verified.digest}`
    );
    fetched.push({
      source: {
        ...name ? { name } : {},
        checksumsFile: verified.artifact.checksumsPath,
        expectedDigest: verified.digest
      },
      artifact,
      filesDir: verified.artifact.filesDir
    });
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
      throw new m13$SealError(
        "bad-input",
        `${context.inputName}: ${m13$quote(`${part.name}=${part.artifact}`)} gives one part name to a pattern, which may match several artifacts. Leave out "${part.name}=": each match is named after its own seal.`
      );
    }
    const isMatch = (0, import_picomatch.default)(part.artifact);
    const matches = listed.filter((n) => isMatch(n)).sort();
    if (matches.length === 0) {
      throw new m13$SealError(
        "bad-input",
        `${context.inputName}: no workflow artifact of this run matches ${m13$quote(part.artifact)} (the run has ${listed.length === 0 ? "none" : listed.map(m13$quote).join(", ")}). Upload the parts in earlier jobs this one needs.`
      );
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
