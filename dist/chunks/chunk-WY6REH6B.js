import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-YVUBSRLI.js";
import {
  sigstoreBundleBeside,
  statementBeside
} from "./chunk-2Y4X4FFT.js";
import {
  agreeingKind,
  checkSubjectKind,
  kindFromListing,
  kindFromStatement,
  sealSubject
} from "./chunk-A7ZTQVMT.js";
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from "./chunk-7T4WVHKE.js";
import {
  CONTRACT_ANNOTATION
} from "./chunk-5JBH2JDF.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-NKOJDP3X.js";
import {
  digestFromHex,
  hexOf,
  parseDigest
} from "./chunk-CGOBM355.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";

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

// src/app/check-signature.ts
import * as fs2 from "node:fs";
import { createHash } from "node:crypto";

// src/core/provenance.ts
function sealedByFromStatement(statement, digest, source = "the seal statement") {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || s.predicateType !== SLSA_PROVENANCE_TYPE) return null;
  const hex = hexOf(digest);
  const about = Array.isArray(s.subject) && s.subject.some((subject) => subject?.digest?.sha256 === hex);
  const definition = s.predicate?.buildDefinition;
  if (!about || definition?.buildType !== GITHUB_WORKFLOW_BUILD_TYPE) return null;
  const text = (v) => typeof v === "string" && v !== "" ? v : null;
  const repositoryText = text(definition.externalParameters?.workflow?.repository);
  const repositoryUrl = webAddress(repositoryText, "predicate.buildDefinition.externalParameters.workflow.repository", "https://github.com/OWNER/REPO", source);
  const repository = repositoryUrl === null ? null : repositoryUrl.pathname.slice(1);
  if (repositoryUrl !== null && repository === "") {
    throw new SealError(
      `${source}: predicate.buildDefinition.externalParameters.workflow.repository ${quote(repositoryText ?? "")} names no repository. A seal writes it as "https://github.com/OWNER/REPO"; seal the artifact again, or remove the statement so the record carries no provenance.`
    );
  }
  const runUrl = text(s.predicate?.runDetails?.metadata?.invocationId);
  webAddress(runUrl, "predicate.runDetails.metadata.invocationId", "https://github.com/OWNER/REPO/actions/runs/ID/attempts/N", source);
  return { repository, commit: text(definition.resolvedDependencies?.[0]?.digest?.gitCommit), runUrl };
}
function webAddress(value, field, example, source) {
  if (value === null) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SealError(
      `${source}: ${field} is ${quote(value.length > 200 ? `${value.slice(0, 200)}\u2026` : value)}, which is not a web address. A seal writes it as ${quote(example)}; seal the artifact again, or remove the statement so the record carries no provenance.`
    );
  }
  return url;
}

// src/app/check-signature.ts
async function checkSignature(digest, sources, expectation) {
  const candidates = [];
  const beside = sources.checksumsFile === null ? null : sigstoreBundleBeside(sources.checksumsFile);
  const looked = [];
  if (beside !== null) {
    const text = readIfPresent(beside);
    looked.push(`no ${quote(beside)} beside the listing`);
    if (text !== null) candidates.push({ bundle: parseBundleText(text, beside), source: beside, digest: sha256Of(text) });
  }
  if (candidates.length === 0 && sources.attestations !== null) {
    const found = await sources.attestations(digest);
    looked.push(`no attestation for ${digest} in the repository's attestations`);
    candidates.push(...found);
  }
  if (candidates.length === 0) {
    const where = looked.length > 0 ? looked.join(", and ") : "no seal bundle travelled with the bytes and no attestations API was asked";
    return { status: "unsigned", detail: `The seal of ${digest} carries no signature: ${where}.` };
  }
  const problems = [];
  for (const candidate of candidates) {
    const checked = await checkCandidate(candidate, digest, expectation);
    if (checked.status === "verified") return checked;
    problems.push(checked.detail);
  }
  return { status: "refused", detail: problems.length === 1 ? problems[0] : `None of the ${problems.length} signatures found is acceptable: ${problems.join(" ")}` };
}
async function checkCandidate(candidate, digest, expectation) {
  const { verifyAttestation } = await import("./verify-bundle-3FWSQMMW.js");
  const { loadTrustedRoot } = await import("./trusted-root-SB4M22NH.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: isKeyed(candidate.bundle) ? void 0 : await loadTrustedRoot(expectation.trustedRootFile),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    });
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return { status: "refused", detail: `The signature in ${candidate.source} does not verify: ${error.message}` };
  }
  const statement = verified.statement;
  if (statement?._type !== STATEMENT_TYPE || statement.predicateType !== SLSA_PROVENANCE_TYPE) {
    return { status: "refused", detail: `${candidate.source} signs a ${String(statement?.predicateType)} statement, not the seal's SLSA provenance.` };
  }
  if (!aboutDigest(statement.subject, digest)) {
    return { status: "refused", detail: `${candidate.source} is signed, but for other bytes: its statement's subjects do not include ${digest}. It belongs to another seal.` };
  }
  const signer = verified.signer;
  let accepted;
  if (signer.kind === "key") {
    accepted = { kind: "key", hint: signer.hint, signedAt: null };
  } else {
    if (expectation.repository === null) {
      return { status: "refused", detail: `${candidate.source} is signed by ${signer.identity.subjectAlternativeName}, but no signer was named to compare it with. Give signer-repository (--signer-repository).` };
    }
    const failures = checkIdentity(signer.identity, identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl));
    if (failures.length > 0) {
      return { status: "refused", detail: `${candidate.source} is signed by someone the inputs do not accept: ${describeIdentityFailure(failures).split("\n").join("; ")}.` };
    }
    accepted = { kind: "certificate", identity: signer.identity, signedAt: signer.signedAt.toISOString() };
  }
  const sealedBy = sealedByFromStatement(statement, digest, candidate.source);
  const signerName = accepted.kind === "key" ? `key:${accepted.hint}` : accepted.identity.subjectAlternativeName;
  return {
    status: "verified",
    signer: accepted,
    sealedBy: { ...sealedBy ?? { repository: null, commit: null, runUrl: null }, signer: signerName },
    name: subjectName(statement.subject, digest),
    contract: signedContract(statement.subject, digest),
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function sha256Of(text) {
  return digestFromHex(createHash("sha256").update(text).digest("hex"));
}
function isKeyed(bundle) {
  const material = bundle?.verificationMaterial;
  return material !== void 0 && material !== null && typeof material === "object" && "publicKey" in material;
}
function aboutDigest(subjects, digest) {
  const hex = hexOf(digest);
  return Array.isArray(subjects) && subjects.some((s) => {
    const d = s?.digest;
    return d !== void 0 && d !== null && (d.sha256 === hex || d.dirHash === hex || d.dirHash1 === hex);
  });
}
function subjectName(subjects, digest) {
  const hex = hexOf(digest);
  const subject = subjects.find((s) => s?.digest?.sha256 === hex);
  return typeof subject?.name === "string" ? subject.name : null;
}
function signedContract(subjects, digest) {
  const hex = hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const claimed = subject?.annotations?.[CONTRACT_ANNOTATION];
  if (typeof claimed?.digest !== "string" || typeof claimed.version !== "string") return null;
  try {
    return { digest: parseDigest(claimed.digest, CONTRACT_ANNOTATION), version: claimed.version };
  } catch {
    return null;
  }
}
function readIfPresent(file) {
  try {
    return fs2.readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw new SealError(`cannot read the Sigstore bundle ${quote(file)} (${error.code ?? String(error)}). Make it readable, or give the seal bundle as the seal wrote it.`);
  }
}
function parseBundleText(text, file) {
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: file };
  }
}

// src/actions/signature-check.ts
function signerExpectation(settings, required, env) {
  return { ...settings, required, serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "") };
}

export {
  verifyArtifact,
  sealedByFromStatement,
  checkSignature,
  sha256Of,
  signerExpectation
};
