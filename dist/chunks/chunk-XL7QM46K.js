import {
  sealedModesBeside
} from "./chunk-ENTDSYKT.js";
import {
  agreeingKind,
  checkSubjectKind,
  isLeftOutName,
  kindFromListing,
  kindFromStatement,
  sealSubject
} from "./chunk-6HQEGJDK.js";
import {
  diffModes,
  parseModes
} from "./chunk-A63B7KBV.js";
import {
  leavesParent
} from "./chunk-3BNILISX.js";
import {
  readListing,
  readStatementBeside
} from "./chunk-YOF4W5VX.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-3JZVAEQI.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  join,
  relative
} from "./chunk-SHE4BTPW.js";

// src/app/verify/verify-artifact.ts
async function verifyArtifact(request, options) {
  const sealed = request.checksumsFile === null ? null : readSealedListing(request);
  const artifact = await sealSubject(
    withHiddenAsSealed(request.subject, sealed?.entries ?? null),
    options
  );
  const subjectInput = request.subject.kind === "paths" ? request.subject.inputName : request.checksumsInput;
  checkSubjectKind(
    hashedSubjectOf(artifact, request.subject.kind === "paths" ? request.subject.baseDir : null),
    request.expected,
    sealed?.kind ?? null,
    {
      subject: subjectInput,
      checksums: request.checksumsInput
    }
  );
  const sealedModes = request.checksumsFile === null ? null : sealedModesBeside(request.checksumsFile, request.checksumsInput);
  const modeMismatches = sealedModes === null || !artifact.modes ? [] : diffModes(
    sealedModes,
    parseModes(artifact.modes.toString("utf8"), "the recomputed modes")
  ).map((d) => ({ ...d, kind: "mode" }));
  const sameBytes = artifact.digest === request.expected;
  const verified = sameBytes && modeMismatches.length === 0;
  const mismatches = verified || sealed === null ? [] : [
    ...sameBytes ? [] : diffListings(
      sealed.entries,
      parseListing(artifact.listing.toString("utf8"), "the recomputed listing")
    ),
    ...modeMismatches
  ];
  return {
    verified,
    expected: request.expected,
    actual: artifact.digest,
    artifact,
    mismatches,
    listingGiven: sealed !== null
  };
}
function withHiddenAsSealed(subject, sealed) {
  if (subject.kind !== "paths" || subject.hidden !== "leave-out" || sealed === null) return subject;
  const namesHidden = sealed.some(
    (e) => e.path.split("/").some((segment, i, all) => isLeftOutName(segment, i < all.length - 1))
  );
  return namesHidden ? { ...subject, hidden: "include" } : subject;
}
function hashedSubjectOf(artifact, baseDir) {
  const root = artifact.root ?? "";
  const shown = (p) => {
    const rel = baseDir === null ? "" : relative(baseDir, p);
    return rel === "" || leavesParent(rel) ? p : rel;
  };
  if (artifact.kind !== "file")
    return {
      kind: "tree",
      display: shown(root),
      fileCount: artifact.fileCount,
      file: null,
      digest: artifact.digest
    };
  const only = parseListing(
    artifact.listing.toString("utf8"),
    "the recomputed listing"
  )[0];
  const file = join(root, ...only.path.split("/"));
  return { kind: "file", display: shown(file), fileCount: 1, file, digest: artifact.digest };
}
function readSealedListing(request) {
  const file = request.checksumsFile;
  const entries = readListing(
    file,
    (why) => new SealError(
      "unreadable",
      `${request.checksumsInput}: cannot read ${quote(file)} (${why}). Give the checksums listing the seal wrote (its checksums-path output, or the .sha256 file of the seal bundle).`
    )
  );
  const fromListing = kindFromListing(
    entries,
    request.expected,
    `${request.checksumsInput} ${quote(file)}`
  );
  if (fromListing === null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, not of the ${request.expectedInput} ${request.expected}. The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    );
  }
  return {
    entries,
    kind: agreeingKind(
      fromListing,
      recordedKindBeside(file, request),
      request.expected,
      request.checksumsInput
    )
  };
}
function recordedKindBeside(checksumsFile, request) {
  const read = readStatementBeside(
    checksumsFile,
    (why, file2) => new SealError(
      "unreadable",
      `${request.checksumsInput}: cannot read the statement ${quote(file2)} beside the listing (${why}). Make it readable, or move it away to verify by the listing alone.`
    )
  );
  if (read === null) return null;
  const file = read.file;
  if (read.notJson !== null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing is not JSON. It was changed after sealing: give the seal bundle as the seal wrote it.`
    );
  }
  const kind = kindFromStatement(read.json, request.expected);
  if (kind === null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing does not describe the ${request.expectedInput} ${request.expected}. The statement was changed after sealing or belongs to another seal: give the seal bundle as the seal wrote it.`
    );
  }
  return { kind, source: `the statement ${quote(file)}`, fileCount: null };
}

export {
  verifyArtifact
};
