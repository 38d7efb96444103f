import {
  agreeingKind,
  checkSubjectKind,
  kindFromListing,
  kindFromStatement,
  sealSubject
} from "./chunk-E6UEEGNB.js";
import {
  readListing,
  readStatementBeside
} from "./chunk-Q7VPIQTJ.js";
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from "./chunk-YUA324DC.js";
import {
  DEFAULT_SERVER_URL
} from "./chunk-BXUFWVSN.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-3FEAGG5X.js";
import {
  hexOf
} from "./chunk-PKGN7LAX.js";
import {
  SealError,
  quote
} from "./chunk-APYKEJN7.js";
import {
  isAbsolute,
  join,
  relative
} from "./chunk-SHE4BTPW.js";

// src/app/verify/verify-artifact.ts
async function verifyArtifact(request, options) {
  const sealed = request.checksumsFile === null ? null : readSealedListing(request);
  const artifact = await sealSubject(request.subject, options);
  const subjectInput = request.subject.kind === "paths" ? request.subject.inputName : request.checksumsInput;
  checkSubjectKind(hashedSubjectOf(artifact, request.subject.kind === "paths" ? request.subject.baseDir : null), request.expected, sealed?.kind ?? null, {
    subject: subjectInput,
    checksums: request.checksumsInput
  });
  const verified = artifact.digest === request.expected;
  const mismatches = verified || sealed === null ? [] : diffListings(sealed.entries, parseListing(artifact.listing.toString("utf8"), "the recomputed listing"));
  return { verified, expected: request.expected, actual: artifact.digest, artifact, mismatches, listingGiven: sealed !== null };
}
function hashedSubjectOf(artifact, baseDir) {
  const root = artifact.root ?? "";
  const shown = (p) => {
    const rel = baseDir === null ? "" : relative(baseDir, p);
    return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? p : rel;
  };
  if (artifact.kind !== "file") return { kind: "tree", display: shown(root), fileCount: artifact.fileCount, file: null, digest: artifact.digest };
  const only = parseListing(artifact.listing.toString("utf8"), "the recomputed listing")[0];
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
  const fromListing = kindFromListing(entries, request.expected, `${request.checksumsInput} ${quote(file)}`);
  if (fromListing === null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, not of the ${request.expectedInput} ${request.expected}. The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    );
  }
  return { entries, kind: agreeingKind(fromListing, recordedKindBeside(file, request), request.expected, request.checksumsInput) };
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

// src/core/provenance.ts
function isCommit(value) {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}
function isRepository(value) {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  return match !== null && match[2] !== "." && match[2] !== "..";
}
function isRunUrl(value, serverUrl) {
  const origin = httpsOrigin(serverUrl);
  if (origin === null || !value.startsWith(`${origin}/`)) return false;
  const match = /^([^/]+\/[^/]+)\/actions\/runs\/[1-9][0-9]{0,19}(?:\/attempts\/[1-9][0-9]{0,9})?$/.exec(value.slice(origin.length + 1));
  return match !== null && isRepository(match[1]);
}
function repositoryOfUrl(value, serverUrl) {
  const origin = httpsOrigin(serverUrl);
  if (origin === null || !value.startsWith(`${origin}/`)) return null;
  const repository = value.slice(origin.length + 1);
  return isRepository(repository) ? repository : null;
}
function httpsOrigin(serverUrl) {
  if (!URL.canParse(serverUrl)) return null;
  const url = new URL(serverUrl);
  return url.protocol === "https:" ? url.origin : null;
}
function subjectNameOf(statement, digest) {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || !Array.isArray(s.subject)) return null;
  const hex = hexOf(digest);
  const subject = s.subject.find((candidate) => candidate?.digest?.sha256 === hex);
  const name = subject?.name;
  return typeof name === "string" && name !== "" ? name : null;
}
function sealedByFromStatement(statement, digest, source = "the seal statement", context = {}) {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || s.predicateType !== SLSA_PROVENANCE_TYPE) return null;
  const hex = hexOf(digest);
  const about = Array.isArray(s.subject) && s.subject.some((subject) => subject?.digest?.sha256 === hex);
  const definition = s.predicate?.buildDefinition;
  if (!about || definition?.buildType !== GITHUB_WORKFLOW_BUILD_TYPE) return null;
  const serverUrl = context.serverUrl ?? DEFAULT_SERVER_URL;
  const text = (v) => typeof v === "string" && v !== "" ? v : null;
  const leftOut = (field2, value, expected) => {
    const shown = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
    context.onInvalid?.(
      `${source}: ${field2} is ${quote(shown.length > 200 ? `${shown.slice(0, 200)}\u2026` : shown)}, which is not what a seal writes (${expected}). It is left out of the record and the summary; seal the artifact again to record the build.`
    );
    return null;
  };
  const field = (name, value, read, expected) => {
    if (value === void 0 || value === null || value === "") return null;
    const v = text(value);
    const parsed = v === null ? null : read(v);
    return parsed === null ? leftOut(name, value, expected) : parsed;
  };
  const server = httpsOrigin(serverUrl) ?? serverUrl;
  const repository = field("predicate.buildDefinition.externalParameters.workflow.repository", definition.externalParameters?.workflow?.repository, (v) => repositoryOfUrl(v, serverUrl), `${server}/OWNER/REPO`);
  const commit = field("predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit", definition.resolvedDependencies?.[0]?.digest?.gitCommit, (v) => isCommit(v) ? v : null, "40 or 64 lowercase hex digits");
  const runUrl = field("predicate.runDetails.metadata.invocationId", s.predicate?.runDetails?.metadata?.invocationId, (v) => isRunUrl(v, serverUrl) ? v : null, `${server}/OWNER/REPO/actions/runs/ID/attempts/N`);
  return { repository, commit, runUrl };
}

export {
  verifyArtifact,
  subjectNameOf,
  sealedByFromStatement
};
