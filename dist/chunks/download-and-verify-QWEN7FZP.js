import {
  ARTIFACT_INPUTS
} from "./chunk-X6HGKBQG.js";
import "./chunk-7QJ23J6M.js";
import "./chunk-IYMCHB3W.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-P2RVIIUY.js";
import "./chunk-SS67F62S.js";
import {
  join
} from "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-GYN5OOAK.js";
import "./chunk-7EPTETJS.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/verify/download-and-verify.ts
import { m10$digestFromHex, m10$hexOf, m10$parseDigest, m10$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/verify/download-and-verify.ts
import { m12$SealError, m12$exitCodeOf, m12$isSealError, m12$quote, m12$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/kind.ts:src/app/verify/download-and-verify.ts
import { m13$agreeingKind, m13$checkSubjectKind, m13$isCanonicalListing, m13$kindFromListing, m13$kindFromStatement, m13$readListingFile, m13$refuseListingAsFile } from "../promote/index-core.js";

// stand-in:promote:src/core/listing.ts:src/app/verify/download-and-verify.ts
import { m14$checkListingPath, m14$compareUtf8, m14$describesListing, m14$diffListings, m14$digestOfListing, m14$formatListing, m14$listingFromDigests, m14$parseListing, m14$sortEntries } from "../promote/index-core.js";

// stand-in:promote:src/core/seal.ts:src/app/verify/download-and-verify.ts
import { m17$listDirectory, m17$sealSubject } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/directory-handoff.ts:src/app/verify/download-and-verify.ts
import { m22$copyListedFiles, m22$makeDirectories, m22$privateDir, m22$removeQuietly, m22$writeNewFile } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/bundle-reader.ts:src/app/verify/download-and-verify.ts
import { m20$contractManifestBeside, m20$hasBundleBeside, m20$listingsIn, m20$readListing, m20$readSigstoreBundleBeside, m20$readStatement, m20$readStatementBeside, m20$whyUnreadable } from "../promote/index-core.js";

// src/app/verify/download-and-verify.ts?promote
var MAX_LISTED = 20;
async function downloadAndVerify(store, request, options) {
  const nameInput = request.nameInput ?? ARTIFACT_INPUTS.name;
  const expectedInput = request.expectedInput ?? "digest";
  const artifact = await store.download({ ...request, onDigestMismatch: "continue" });
  const label = `the artifact ${m12$quote(artifact.name)}${artifact.runId === null ? "" : ` of workflow run ${artifact.runId}`}`;
  try {
    const sealed = readSealedListing(artifact.checksumsPath, label, nameInput);
    const listed = m14$digestOfListing(m14$formatListing(sealed));
    const single = sealed.length === 1 ? sealed[0] : null;
    if (request.expected !== void 0 && m13$kindFromListing(sealed, request.expected, "") === null) {
      throw new m12$SealError(
        "tampered",
        `${expectedInput}: the seal bundle in ${label} is the listing of ${listed}, not of ${request.expected}. The artifact holds another build, or its bundle was changed after sealing. Give the digest sealed with this artifact, or download the artifact that build uploaded.`
      );
    }
    const candidates = request.expected !== void 0 ? [request.expected] : [listed, ...single ? [m10$digestFromHex(single.hex)] : []];
    const { digest, kind } = statementDigest(artifact.statementPath, sealed, candidates, label, nameInput);
    if (artifact.filesDir === null) {
      throw new m12$SealError("bad-input", `${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to carry and verify them.`);
    }
    const recomputed = await m17$sealSubject(
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
    m22$removeQuietly(artifact.dir);
    throw error;
  }
}
function readSealedListing(file, label, nameInput) {
  return m20$readListing(file, (why) => new m12$SealError("unreadable", `${nameInput}: cannot read the checksums listing of ${label} (${why}).`));
}
function statementDigest(file, sealed, candidates, label, nameInput) {
  let statement = null;
  try {
    statement = m20$readStatement(file, (why) => new m12$SealError("unreadable", why))?.json ?? null;
  } catch {
  }
  for (const digest of candidates) {
    const kind = m13$kindFromStatement(statement, digest);
    if (kind === null) continue;
    const listed = m13$kindFromListing(sealed, digest, "")?.kind;
    if (listed !== kind) {
      throw new m12$SealError(
        "tampered",
        `${nameInput}: the statement in ${label} records ${digest} as ${kind === "tree" ? "a tree" : "one file"}, but its listing records it as ${listed === "tree" ? "a tree" : "one file"}. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
      );
    }
    return { digest, kind };
  }
  throw new m12$SealError(
    "tampered",
    `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do not belong together. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
  );
}
function downloadDiffers(mismatches, actual, label, nameInput, digest) {
  const count = (kind) => mismatches.filter((m) => m.kind === kind).length;
  const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`);
  if (mismatches.length > MAX_LISTED) lines.push(`  \u2026 and ${mismatches.length - MAX_LISTED} more`);
  return new m12$SealError(
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
