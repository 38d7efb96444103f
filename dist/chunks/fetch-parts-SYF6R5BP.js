import {
  ARTIFACT_INPUTS
} from "./chunk-UGACTA74.js";
import "./chunk-PTYAC4AA.js";
import "./chunk-TQNNSUJT.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-FZHOXW7V.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-5GN4VZ7Y.js";
import "./chunk-OM6KMUFD.js";
import "./chunk-X6ZNLF55.js";
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
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../seal/index-core.js";

// stand-in:seal:src/core/modes.ts:src/app/verify/download-and-verify.ts
import { m19$MODES_ANNOTATION, m19$applyModes, m19$diffModes, m19$formatModes, m19$linkTargetPath, m19$modesAnnotation, m19$modesDigest, m19$parseModes, m19$readModes } from "../seal/index-core.js";

// stand-in:seal:src/core/modes.ts:src/app/verify/sealed-modes.ts
import { m19$MODES_ANNOTATION as m19$MODES_ANNOTATION2, m19$applyModes as m19$applyModes2, m19$diffModes as m19$diffModes2, m19$formatModes as m19$formatModes2, m19$linkTargetPath as m19$linkTargetPath2, m19$modesAnnotation as m19$modesAnnotation2, m19$modesDigest as m19$modesDigest2, m19$parseModes as m19$parseModes2, m19$readModes as m19$readModes2 } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/app/verify/sealed-modes.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/bundle-reader.ts:src/app/verify/sealed-modes.ts
import { m32$contractManifestBeside, m32$hasBundleBeside, m32$listingsIn, m32$readListing, m32$readSigstoreBundleBeside, m32$readStatement, m32$readStatementBeside, m32$readText, m32$readTextIfAny, m32$whyUnreadable } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/seal-bundle.ts:src/app/verify/sealed-modes.ts
import { m35$bundleBaseOf, m35$bundleFileNames, m35$contractBeside, m35$fileSafeName, m35$isBundleEntry, m35$modesBeside, m35$sigstoreBundleBeside, m35$statementBeside } from "../seal/index-core.js";

// src/app/verify/sealed-modes.ts?seal
function sealedModesBeside(checksumsFile, what) {
  let statement = null;
  try {
    statement = m32$readStatementBeside(checksumsFile, (why) => new m14$SealError2("unreadable", why))?.json ?? null;
  } catch {
  }
  const claimed = m19$modesAnnotation2(statement);
  if (claimed === null) return null;
  const file = m35$modesBeside(checksumsFile);
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new m14$SealError2(
      "tampered",
      `${what}: the statement beside the listing records the files' modes, but ${m14$quote2(file)} is missing. The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  if (m19$modesDigest2(bytes) !== claimed) {
    throw new m14$SealError2(
      "tampered",
      `${what}: ${m14$quote2(file)} is not the modes file the statement records (${claimed}). The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  return m19$parseModes2(bytes.toString("utf8"), `${what}: ${m14$quote2(file)}`);
}

// stand-in:seal:src/core/digest.ts:src/app/verify/download-and-verify.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/app/verify/download-and-verify.ts
import { m14$SealError as m14$SealError3, m14$exitCodeOf as m14$exitCodeOf3, m14$isSealError as m14$isSealError3, m14$messageOf as m14$messageOf3, m14$quote as m14$quote3, m14$stopsPromotion as m14$stopsPromotion3 } from "../seal/index-core.js";

// stand-in:seal:src/core/kind.ts:src/app/verify/download-and-verify.ts
import { m17$agreeingKind, m17$checkSubjectKind, m17$isCanonicalListing, m17$kindFromListing, m17$kindFromStatement, m17$readListingFile, m17$refuseListingAsFile } from "../seal/index-core.js";

// stand-in:seal:src/core/listing.ts:src/app/verify/download-and-verify.ts
import { m18$checkListingPath, m18$compareUtf8, m18$describesListing, m18$diffListings, m18$digestOfListing, m18$formatListing, m18$listingFromDigests, m18$listingFromPathBytes, m18$parseListing, m18$sortEntries } from "../seal/index-core.js";

// stand-in:seal:src/core/seal.ts:src/app/verify/download-and-verify.ts
import { m24$listDirectory, m24$sealSubject, m24$startHashPool } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/directory-handoff.ts:src/app/verify/download-and-verify.ts
import { m34$copyListedFiles, m34$makeDirectories, m34$privateDir, m34$removeQuietly, m34$writeNewFile } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/bundle-reader.ts:src/app/verify/download-and-verify.ts
import { m32$contractManifestBeside as m32$contractManifestBeside2, m32$hasBundleBeside as m32$hasBundleBeside2, m32$listingsIn as m32$listingsIn2, m32$readListing as m32$readListing2, m32$readSigstoreBundleBeside as m32$readSigstoreBundleBeside2, m32$readStatement as m32$readStatement2, m32$readStatementBeside as m32$readStatementBeside2, m32$readText as m32$readText2, m32$readTextIfAny as m32$readTextIfAny2, m32$whyUnreadable as m32$whyUnreadable2 } from "../seal/index-core.js";

// src/app/verify/download-and-verify.ts?seal
var MAX_LISTED = 20;
async function downloadAndVerify(store, request, options) {
  const nameInput = request.nameInput ?? ARTIFACT_INPUTS.name;
  const expectedInput = request.expectedInput ?? "digest";
  const artifact = await store.download({ ...request, onDigestMismatch: "continue" });
  const label = `the artifact ${m14$quote3(artifact.name)}${artifact.runId === null ? "" : ` of workflow run ${artifact.runId}`}`;
  try {
    const sealed = readSealedListing(artifact.checksumsPath, label, nameInput);
    const listed = m18$digestOfListing(m18$formatListing(sealed));
    const single = sealed.length === 1 ? sealed[0] : null;
    if (request.expected !== void 0 && m17$kindFromListing(sealed, request.expected, "") === null) {
      throw new m14$SealError3(
        "tampered",
        `${expectedInput}: the seal bundle in ${label} is the listing of ${listed}, not of ${request.expected}. The artifact holds another build, or its bundle was changed after sealing. Give the digest sealed with this artifact, or download the artifact that build uploaded.`
      );
    }
    const candidates = request.expected !== void 0 ? [request.expected] : [listed, ...single ? [m12$digestFromHex(single.hex)] : []];
    const { digest, kind } = statementDigest(
      artifact.statementPath,
      sealed,
      candidates,
      label,
      nameInput
    );
    if (artifact.filesDir === null) {
      throw new m14$SealError3(
        "bad-input",
        `${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to carry and verify them.`
      );
    }
    const modes = sealedModesBeside(artifact.checksumsPath, nameInput);
    if (modes !== null)
      m19$applyModes(
        artifact.filesDir,
        sealed.map((e) => e.path),
        modes
      );
    const recomputed = await m24$sealSubject(
      {
        kind: "paths",
        patterns: { include: [artifact.filesDir], exclude: [] },
        baseDir: artifact.filesDir,
        root: artifact.filesDir,
        inputName: nameInput
      },
      { ...options, fallbackName: artifact.name }
    );
    const mismatches = m18$diffListings(
      sealed,
      m18$parseListing(recomputed.listing.toString("utf8"), "the downloaded files")
    );
    if (mismatches.length > 0)
      throw downloadDiffers(mismatches, recomputed.digest, label, nameInput, digest);
    const file = kind === "file" ? join(artifact.filesDir, ...single.path.split("/")) : null;
    m17$checkSubjectKind(
      {
        kind,
        display: file ?? artifact.filesDir,
        fileCount: sealed.length,
        file,
        digest: file === null ? recomputed.digest : m12$digestFromHex(single.hex)
      },
      digest,
      { kind, source: `the seal bundle in ${label}`, fileCount: sealed.length },
      { subject: nameInput, checksums: `the seal bundle in ${label}` }
    );
    return { artifact, digest, kind, path: file ?? artifact.filesDir, fileCount: sealed.length };
  } catch (error) {
    m34$removeQuietly(artifact.dir);
    throw error;
  }
}
function readSealedListing(file, label, nameInput) {
  return m32$readListing2(
    file,
    (why) => new m14$SealError3(
      "unreadable",
      `${nameInput}: cannot read the checksums listing of ${label} (${why}).`
    )
  );
}
function statementDigest(file, sealed, candidates, label, nameInput) {
  let statement = null;
  try {
    statement = m32$readStatement2(file, (why) => new m14$SealError3("unreadable", why))?.json ?? null;
  } catch {
  }
  for (const digest of candidates) {
    const kind = m17$kindFromStatement(statement, digest);
    if (kind === null) continue;
    const listed = m17$kindFromListing(sealed, digest, "")?.kind;
    if (listed !== kind) {
      throw new m14$SealError3(
        "tampered",
        `${nameInput}: the statement in ${label} records ${digest} as ${kind === "tree" ? "a tree" : "one file"}, but its listing records it as ${listed === "tree" ? "a tree" : "one file"}. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
      );
    }
    return { digest, kind };
  }
  throw new m14$SealError3(
    "tampered",
    `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do not belong together. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
  );
}
function downloadDiffers(mismatches, actual, label, nameInput, digest) {
  const count = (kind) => mismatches.filter((m) => m.kind === kind).length;
  const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`);
  if (mismatches.length > MAX_LISTED) lines.push(`  \u2026 and ${mismatches.length - MAX_LISTED} more`);
  return new m14$SealError3(
    "mismatch",
    `${nameInput}: the files of ${label} are not the sealed files of ${digest}: ${count("changed")} changed, ${count("missing")} missing, ${count("added")} added:
${lines.join("\n")}
The download was deleted. Do not deploy these files: find out who changed the stored artifact, then seal and upload the build again.`,
    { details: { mismatches, actual } }
  );
}

// src/app/seal/fetch-parts.ts?seal
async function fetchArtifactParts(parts, context) {
  const { WorkflowArtifactStore } = await import("./workflow-artifact-QSGWST2R.js");
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
      if (!m14$isSealError(error, "bad-input")) throw error;
      const bundleOnly = await store.download({ name: artifact, parent: context.parent });
      if (bundleOnly.filesDir !== null) throw error;
      context.log(
        `${context.inputName}: ${m14$quote(artifact)} holds its seal bundle only; its listing is merged without files.`
      );
      fetched.push({
        source: { ...name ? { name } : {}, checksumsFile: bundleOnly.checksumsPath },
        artifact,
        filesDir: null
      });
      continue;
    }
    context.log(
      `${context.inputName}: downloaded ${m14$quote(artifact)} and verified ${verified.fileCount} file(s) against its seal ${verified.digest}`
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
      throw new m14$SealError(
        "bad-input",
        `${context.inputName}: ${m14$quote(`${part.name}=${part.artifact}`)} gives one part name to a pattern, which may match several artifacts. Leave out "${part.name}=": each match is named after its own seal.`
      );
    }
    const isMatch = (0, import_picomatch.default)(part.artifact);
    const matches = listed.filter((n) => isMatch(n)).sort();
    if (matches.length === 0) {
      throw new m14$SealError(
        "bad-input",
        `${context.inputName}: no workflow artifact of this run matches ${m14$quote(part.artifact)} (the run has ${listed.length === 0 ? "none" : listed.map(m14$quote).join(", ")}). Upload the parts in earlier jobs this one needs.`
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
