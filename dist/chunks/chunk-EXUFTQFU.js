import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  statementBeside
} from "./chunk-G46EYJYA.js";
import {
  agreeingKind,
  checkSubjectKind,
  kindFromListing,
  kindFromStatement
} from "./chunk-JNKVE2JS.js";
import {
  sealSubject
} from "./chunk-4VJWAQ33.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-ZF2UFZB3.js";
import {
  SealError,
  quote
} from "./chunk-LM3HRDQW.js";

// src/app/verify-artifact.ts
import * as fs from "node:fs";
import * as path from "node:path";
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
    const rel = baseDir === null ? "" : path.relative(baseDir, p);
    return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? p : rel;
  };
  if (artifact.kind !== "file") return { kind: "tree", display: shown(root), fileCount: artifact.fileCount, file: null, digest: artifact.digest };
  const only = parseListing(artifact.listing.toString("utf8"), "the recomputed listing")[0];
  const file = path.join(root, ...only.path.split("/"));
  return { kind: "file", display: shown(file), fileCount: 1, file, digest: artifact.digest };
}
function readSealedListing(request) {
  const file = request.checksumsFile;
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(
      `${request.checksumsInput}: cannot read ${quote(file)} (${error.code ?? String(error)}). Give the checksums listing the seal wrote (its checksums-path output, or the .sha256 file of the seal bundle).`
    );
  }
  const entries = parseListing(text, file);
  const fromListing = kindFromListing(entries, request.expected, `${request.checksumsInput} ${quote(file)}`);
  if (fromListing === null) {
    throw new SealError(
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, not of the ${request.expectedInput} ${request.expected}. The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    );
  }
  return { entries, kind: agreeingKind(fromListing, readStatementBeside(file, request), request.expected, request.checksumsInput) };
}
function readStatementBeside(checksumsFile, request) {
  const file = statementBeside(checksumsFile);
  if (file === null) return null;
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw new SealError(
      `${request.checksumsInput}: cannot read the statement ${quote(file)} beside the listing (${error.code ?? String(error)}). Make it readable, or move it away to verify by the listing alone.`
    );
  }
  let statement;
  try {
    statement = JSON.parse(text);
  } catch {
    throw new SealError(
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing is not JSON. It was changed after sealing: give the seal bundle as the seal wrote it.`
    );
  }
  const kind = kindFromStatement(statement, request.expected);
  if (kind === null) {
    throw new SealError(
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing does not describe the ${request.expectedInput} ${request.expected}. The statement was changed after sealing or belongs to another seal: give the seal bundle as the seal wrote it.`
    );
  }
  return { kind, source: `the statement ${quote(file)}`, fileCount: null };
}

export {
  verifyArtifact
};
