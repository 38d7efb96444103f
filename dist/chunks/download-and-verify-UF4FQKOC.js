import {
  ARTIFACT_INPUTS
} from "./chunk-4RNTWUGQ.js";
import "./chunk-LQ6OYIA6.js";
import "./chunk-3RO4P3QU.js";
import "./chunk-PTYAC4AA.js";
import "./chunk-TQNNSUJT.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-FZHOXW7V.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-OM6KMUFD.js";
import "./chunk-X6ZNLF55.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-TI6GVPHC.js";
import "./chunk-2W6K4FW3.js";
import "./chunk-ERNWVJRV.js";
import "./chunk-P4TSECCU.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
import "./chunk-VF62UBY7.js";
import {
  join
} from "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:verify:src/core/modes.ts:src/app/verify/download-and-verify.ts
import { m19$MODES_ANNOTATION, m19$applyModes, m19$diffModes, m19$formatModes, m19$linkTargetPath, m19$modesAnnotation, m19$modesDigest, m19$parseModes, m19$readModes } from "../verify/index-core.js";

// stand-in:verify:src/app/verify/sealed-modes.ts:src/app/verify/download-and-verify.ts
import { m7$sealedModesBeside } from "../verify/index-core.js";

// stand-in:verify:src/core/digest.ts:src/app/verify/download-and-verify.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../verify/index-core.js";

// stand-in:verify:src/core/errors.ts:src/app/verify/download-and-verify.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../verify/index-core.js";

// stand-in:verify:src/core/kind.ts:src/app/verify/download-and-verify.ts
import { m17$agreeingKind, m17$checkSubjectKind, m17$isCanonicalListing, m17$kindFromListing, m17$kindFromStatement, m17$readListingFile, m17$refuseListingAsFile } from "../verify/index-core.js";

// stand-in:verify:src/core/listing.ts:src/app/verify/download-and-verify.ts
import { m18$checkListingPath, m18$compareUtf8, m18$describesListing, m18$diffListings, m18$digestOfListing, m18$formatListing, m18$listingFromDigests, m18$listingFromPathBytes, m18$parseListing, m18$sortEntries } from "../verify/index-core.js";

// stand-in:verify:src/core/seal.ts:src/app/verify/download-and-verify.ts
import { m24$listDirectory, m24$sealSubject, m24$startHashPool } from "../verify/index-core.js";

// stand-in:verify:src/stores/evidence/directory-handoff.ts:src/app/verify/download-and-verify.ts
import { m34$copyListedFiles, m34$makeDirectories, m34$privateDir, m34$removeQuietly, m34$writeNewFile } from "../verify/index-core.js";

// stand-in:verify:src/stores/evidence/bundle-reader.ts:src/app/verify/download-and-verify.ts
import { m32$contractManifestBeside, m32$hasBundleBeside, m32$listingsIn, m32$readListing, m32$readSigstoreBundleBeside, m32$readStatement, m32$readStatementBeside, m32$readText, m32$readTextIfAny, m32$whyUnreadable } from "../verify/index-core.js";

// src/app/verify/download-and-verify.ts?verify
var MAX_LISTED = 20;
async function downloadAndVerify(store, request, options) {
  const nameInput = request.nameInput ?? ARTIFACT_INPUTS.name;
  const expectedInput = request.expectedInput ?? "digest";
  const artifact = await store.download({ ...request, onDigestMismatch: "continue" });
  const label = `the artifact ${m14$quote(artifact.name)}${artifact.runId === null ? "" : ` of workflow run ${artifact.runId}`}`;
  try {
    const sealed = readSealedListing(artifact.checksumsPath, label, nameInput);
    const listed = m18$digestOfListing(m18$formatListing(sealed));
    const single = sealed.length === 1 ? sealed[0] : null;
    if (request.expected !== void 0 && m17$kindFromListing(sealed, request.expected, "") === null) {
      throw new m14$SealError(
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
      throw new m14$SealError(
        "bad-input",
        `${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to carry and verify them.`
      );
    }
    const modes = m7$sealedModesBeside(artifact.checksumsPath, nameInput);
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
  return m32$readListing(
    file,
    (why) => new m14$SealError(
      "unreadable",
      `${nameInput}: cannot read the checksums listing of ${label} (${why}).`
    )
  );
}
function statementDigest(file, sealed, candidates, label, nameInput) {
  let statement = null;
  try {
    statement = m32$readStatement(file, (why) => new m14$SealError("unreadable", why))?.json ?? null;
  } catch {
  }
  for (const digest of candidates) {
    const kind = m17$kindFromStatement(statement, digest);
    if (kind === null) continue;
    const listed = m17$kindFromListing(sealed, digest, "")?.kind;
    if (listed !== kind) {
      throw new m14$SealError(
        "tampered",
        `${nameInput}: the statement in ${label} records ${digest} as ${kind === "tree" ? "a tree" : "one file"}, but its listing records it as ${listed === "tree" ? "a tree" : "one file"}. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
      );
    }
    return { digest, kind };
  }
  throw new m14$SealError(
    "tampered",
    `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do not belong together. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
  );
}
function downloadDiffers(mismatches, actual, label, nameInput, digest) {
  const count = (kind) => mismatches.filter((m) => m.kind === kind).length;
  const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`);
  if (mismatches.length > MAX_LISTED) lines.push(`  \u2026 and ${mismatches.length - MAX_LISTED} more`);
  return new m14$SealError(
    "mismatch",
    `${nameInput}: the files of ${label} are not the sealed files of ${digest}: ${count("changed")} changed, ${count("missing")} missing, ${count("added")} added:
${lines.join("\n")}
The download was deleted. Do not deploy these files: find out who changed the stored artifact, then seal and upload the build again.`,
    { details: { mismatches, actual } }
  );
}
export {
  downloadAndVerify
};
