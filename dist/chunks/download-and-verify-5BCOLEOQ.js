import {
  ARTIFACT_INPUTS
} from "./chunk-3G4PFJEW.js";
import "./chunk-DHRHR7WD.js";
import "./chunk-PF27FY5P.js";
import {
  sealedModesBeside
} from "./chunk-ENTDSYKT.js";
import {
  checkSubjectKind,
  kindFromListing,
  kindFromStatement,
  sealSubject
} from "./chunk-6HQEGJDK.js";
import "./chunk-ZZJVUA5H.js";
import {
  applyModes
} from "./chunk-A63B7KBV.js";
import {
  removeQuietly
} from "./chunk-LYSN4LFY.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import "./chunk-BXUFWVSN.js";
import {
  readListing,
  readStatement
} from "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import {
  digestFromHex
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import "./chunk-PTYAC4AA.js";
import "./chunk-TQNNSUJT.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-FZHOXW7V.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-OM6KMUFD.js";
import "./chunk-X6ZNLF55.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
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

// src/app/verify/download-and-verify.ts
var MAX_LISTED = 20;
async function downloadAndVerify(store, request, options) {
  const nameInput = request.nameInput ?? ARTIFACT_INPUTS.name;
  const expectedInput = request.expectedInput ?? "digest";
  const artifact = await store.download({ ...request, onDigestMismatch: "continue" });
  const label = `the artifact ${quote(artifact.name)}${artifact.runId === null ? "" : ` of workflow run ${artifact.runId}`}`;
  try {
    const sealed = readSealedListing(artifact.checksumsPath, label, nameInput);
    const listed = digestOfListing(formatListing(sealed));
    const single = sealed.length === 1 ? sealed[0] : null;
    if (request.expected !== void 0 && kindFromListing(sealed, request.expected, "") === null) {
      throw new SealError(
        "tampered",
        `${expectedInput}: the seal bundle in ${label} is the listing of ${listed}, not of ${request.expected}. The artifact holds another build, or its bundle was changed after sealing. Give the digest sealed with this artifact, or download the artifact that build uploaded.`
      );
    }
    const candidates = request.expected !== void 0 ? [request.expected] : [listed, ...single ? [digestFromHex(single.hex)] : []];
    const { digest, kind } = statementDigest(
      artifact.statementPath,
      sealed,
      candidates,
      label,
      nameInput
    );
    if (artifact.filesDir === null) {
      throw new SealError(
        "bad-input",
        `${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to carry and verify them.`
      );
    }
    const modes = sealedModesBeside(artifact.checksumsPath, nameInput);
    if (modes !== null)
      applyModes(
        artifact.filesDir,
        sealed.map((e) => e.path),
        modes
      );
    const recomputed = await sealSubject(
      {
        kind: "paths",
        patterns: { include: [artifact.filesDir], exclude: [] },
        baseDir: artifact.filesDir,
        root: artifact.filesDir,
        inputName: nameInput
      },
      { ...options, fallbackName: artifact.name }
    );
    const mismatches = diffListings(
      sealed,
      parseListing(recomputed.listing.toString("utf8"), "the downloaded files")
    );
    if (mismatches.length > 0)
      throw downloadDiffers(mismatches, recomputed.digest, label, nameInput, digest);
    const file = kind === "file" ? join(artifact.filesDir, ...single.path.split("/")) : null;
    checkSubjectKind(
      {
        kind,
        display: file ?? artifact.filesDir,
        fileCount: sealed.length,
        file,
        digest: file === null ? recomputed.digest : digestFromHex(single.hex)
      },
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
  return readListing(
    file,
    (why) => new SealError(
      "unreadable",
      `${nameInput}: cannot read the checksums listing of ${label} (${why}).`
    )
  );
}
function statementDigest(file, sealed, candidates, label, nameInput) {
  let statement = null;
  try {
    statement = readStatement(file, (why) => new SealError("unreadable", why))?.json ?? null;
  } catch {
  }
  for (const digest of candidates) {
    const kind = kindFromStatement(statement, digest);
    if (kind === null) continue;
    const listed = kindFromListing(sealed, digest, "")?.kind;
    if (listed !== kind) {
      throw new SealError(
        "tampered",
        `${nameInput}: the statement in ${label} records ${digest} as ${kind === "tree" ? "a tree" : "one file"}, but its listing records it as ${listed === "tree" ? "a tree" : "one file"}. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
      );
    }
    return { digest, kind };
  }
  throw new SealError(
    "tampered",
    `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do not belong together. The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
  );
}
function downloadDiffers(mismatches, actual, label, nameInput, digest) {
  const count = (kind) => mismatches.filter((m) => m.kind === kind).length;
  const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`);
  if (mismatches.length > MAX_LISTED) lines.push(`  \u2026 and ${mismatches.length - MAX_LISTED} more`);
  return new SealError(
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
