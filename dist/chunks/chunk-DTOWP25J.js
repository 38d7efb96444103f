import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import {
  readListing,
  readSigstoreBundleBeside,
  readStatementBeside
} from "./chunk-Q7VPIQTJ.js";
import {
  agreeingKind,
  checkSubjectKind,
  kindFromListing,
  kindFromStatement,
  sealSubject
} from "./chunk-V6AMOPUS.js";
import {
  DIGEST_ONLY_ANNOTATION,
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from "./chunk-YUA324DC.js";
import {
  DEFAULT_SERVER_URL,
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  CONTRACT_ANNOTATION
} from "./chunk-KHX3GFAB.js";
import {
  sigstoreBundleBeside
} from "./chunk-C5FJLWC7.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-ENV3ZB4G.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-3FEAGG5X.js";
import {
  digestFromHex,
  hexOf,
  parseDigest
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
import {
  createHash
} from "./chunk-VF62UBY7.js";

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

// src/app/signature/check-signature.ts
async function checkSignature(digest, sources, expectation) {
  const candidates = [];
  const beside = sources.checksumsFile === null ? null : sigstoreBundleBeside(sources.checksumsFile);
  const looked = [];
  if (beside !== null) {
    const read = readSigstoreBundleBeside(
      sources.checksumsFile,
      (why, file) => new SealError("unreadable", `cannot read the Sigstore bundle ${quote(file)} (${why}). Make it readable, or give the seal bundle as the seal wrote it.`)
    );
    looked.push(`no ${quote(beside)} beside the listing`);
    if (read !== null) candidates.push({ bundle: read.notJson === null ? read.json : { unparsable: beside }, source: beside, digest: sha256Of(read.text) });
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
  const { verifyAttestation } = await import("./verify-bundle-QQVHUWRX.js");
  const { loadTrustedRoot } = await import("./trusted-root-72PQLJWG.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
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
      return { status: "refused", detail: `${candidate.source} is signed by ${signer.identity.subjectAlternativeName}, but no signer was named to compare it with: a key alone accepts that key's signatures only. Name the workflow in signed-by's repository and workflow (--signer-repository, --signer-workflow), or seal with the key.` };
    }
    const failures = checkIdentity(signer.identity, identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl));
    if (failures.length > 0) {
      return { status: "refused", detail: `${candidate.source} is signed by someone the inputs do not accept: ${describeIdentityFailure(failures).split("\n").join("; ")}.` };
    }
    accepted = { kind: "certificate", identity: signer.identity, signedAt: signer.signedAt.toISOString() };
  }
  const sealedBy = sealedByFromStatement(statement, digest, candidate.source, { serverUrl: expectation.serverUrl });
  const signerName2 = accepted.kind === "key" ? `key:${accepted.hint}` : accepted.identity.subjectAlternativeName;
  return {
    status: "verified",
    signer: accepted,
    sealedBy: { ...sealedBy ?? { repository: null, commit: null, runUrl: null }, signer: signerName2 },
    name: subjectName(statement.subject, digest),
    contract: signedContract(statement.subject, digest),
    digestOnly: annotationOf(statement.subject, digest, DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function sha256Of(text) {
  return digestFromHex(createHash("sha256").update(text).digest("hex"));
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
function annotationOf(subjects, digest, name) {
  const hex = hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const annotations = subject?.annotations;
  return typeof annotations === "object" && annotations !== null ? annotations[name] : void 0;
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

// src/app/settings/signer-expectation.ts
function signerExpectation(settings, required, env) {
  return { ...settings, required, serverUrl: serverUrlOf(env) };
}

// src/app/signature/verdict.ts
function judgeSignature(check, required, fix = null) {
  if (check.status === "refused") return { accepted: false, reason: check.detail };
  if (check.status === "unsigned" && required !== null) {
    return { accepted: false, reason: `${check.detail} A signature is required: ${required}.${fix === null ? "" : ` ${fix}`}` };
  }
  return { accepted: true };
}
function signatureFact(check, serverUrl) {
  return check.status === "verified" ? { signer: check.signer, missing: null, serverUrl } : { signer: null, missing: check.status === "unsigned" ? check.detail : null, serverUrl };
}
function signerName(check) {
  if (check?.status !== "verified") return null;
  return check.signer.kind === "key" ? `key:${check.signer.hint}` : check.signer.identity.subjectAlternativeName;
}

export {
  verifyArtifact,
  subjectNameOf,
  sealedByFromStatement,
  checkSignature,
  sha256Of,
  signerExpectation,
  judgeSignature,
  signatureFact,
  signerName
};
