import {
  sealedByFromStatement
} from "./chunk-O6NJCDG7.js";
import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import {
  CONTRACT_ANNOTATION
} from "./chunk-KHX3GFAB.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-ENV3ZB4G.js";
import {
  readSigstoreBundleBeside
} from "./chunk-Q7VPIQTJ.js";
import {
  DIGEST_ONLY_ANNOTATION,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from "./chunk-YUA324DC.js";
import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  sigstoreBundleBeside
} from "./chunk-C5FJLWC7.js";
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
  createHash
} from "./chunk-VF62UBY7.js";

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
  const { verifyAttestation } = await import("./verify-bundle-ZTLUVWGS.js");
  const { loadTrustedRoot } = await import("./trusted-root-XOGEDCQN.js");
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
      return { status: "refused", detail: `${candidate.source} is signed by ${signer.identity.subjectAlternativeName}, but no signer was named to compare it with. Give signer-repository (--signer-repository).` };
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
  checkSignature,
  sha256Of,
  signerExpectation,
  judgeSignature,
  signatureFact,
  signerName
};
