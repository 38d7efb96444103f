import {
  findSignatures,
  unsignedCheck
} from "./chunk-BTGAOTTD.js";
import {
  sealedByFromStatement
} from "./chunk-6YWBE2YG.js";
import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import {
  modesAnnotation,
  modesDigest
} from "./chunk-A63B7KBV.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-GCWGIEKY.js";
import {
  DIGEST_ONLY_ANNOTATION,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from "./chunk-X5XFE3KV.js";
import {
  CONTRACT_ANNOTATION
} from "./chunk-JPYWA7SW.js";
import {
  modesBeside
} from "./chunk-4WMSIVT4.js";
import {
  hexOf,
  parseDigest
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";

// src/app/signature/check-signature.ts
async function checkSignature(digest, sources, expectation) {
  const found = await findSignatures(digest, sources);
  return found.candidates.length === 0 ? unsignedCheck(digest, found.looked) : checkCandidates(found.candidates, digest, expectation, sources.checksumsFile);
}
async function checkCandidates(candidates, digest, expectation, checksumsFile) {
  const problems = [];
  for (const candidate of candidates) {
    const checked = await checkCandidate(candidate, digest, expectation, checksumsFile);
    if (checked.status === "verified") return checked;
    problems.push(checked.detail);
  }
  return {
    status: "refused",
    detail: problems.length === 1 ? problems[0] : `None of the ${problems.length} signatures found is acceptable: ${problems.join(" ")}`
  };
}
async function checkCandidate(candidate, digest, expectation, checksumsFile) {
  const { verifyAttestation } = await import("./verify-bundle-EJZ6CUZ2.js");
  const { loadTrustedRoot } = await import("./trusted-root-EJNKZWTJ.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    });
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return {
      status: "refused",
      detail: `The signature in ${candidate.source} does not verify: ${error.message}`
    };
  }
  const statement = verified.statement;
  if (statement?._type !== STATEMENT_TYPE || statement.predicateType !== SLSA_PROVENANCE_TYPE) {
    return {
      status: "refused",
      detail: `${candidate.source} signs a ${String(statement?.predicateType)} statement, not the seal's SLSA provenance.`
    };
  }
  if (!aboutDigest(statement.subject, digest)) {
    return {
      status: "refused",
      detail: `${candidate.source} is signed, but for other bytes: its statement's subjects do not include ${digest}. It belongs to another seal.`
    };
  }
  const unsignedModes = checksumsFile === null ? null : modesNotSigned(statement, checksumsFile);
  if (unsignedModes !== null)
    return { status: "refused", detail: `${candidate.source} is signed, but ${unsignedModes}` };
  const signer = verified.signer;
  let accepted;
  if (signer.kind === "key") {
    accepted = { kind: "key", hint: signer.hint, signedAt: null };
  } else {
    if (expectation.repository === null) {
      return {
        status: "refused",
        detail: `${candidate.source} is signed by ${signer.identity.subjectAlternativeName}, but no signer was named to compare it with: a key alone accepts that key's signatures only. Name the workflow in signed-by's repository and workflow (--signer-repository, --signer-workflow), or seal with the key.`
      };
    }
    const failures = checkIdentity(
      signer.identity,
      identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl)
    );
    if (failures.length > 0) {
      return {
        status: "refused",
        detail: `${candidate.source} is signed by someone the inputs do not accept: ${describeIdentityFailure(failures).split("\n").join("; ")}.`
      };
    }
    accepted = {
      kind: "certificate",
      identity: signer.identity,
      signedAt: signer.signedAt.toISOString()
    };
  }
  const sealedBy = sealedByFromStatement(statement, digest, candidate.source, {
    serverUrl: expectation.serverUrl
  });
  const signerName = accepted.kind === "key" ? `key:${accepted.hint}` : accepted.identity.subjectAlternativeName;
  return {
    status: "verified",
    signer: accepted,
    sealedBy: {
      ...sealedBy ?? { repository: null, commit: null, runUrl: null },
      signer: signerName
    },
    name: subjectName(statement.subject, digest),
    contract: signedContract(statement.subject, digest),
    digestOnly: annotationOf(statement.subject, digest, DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function modesNotSigned(statement, checksumsFile) {
  const file = modesBeside(checksumsFile);
  if (file === null) return null;
  const signed = modesAnnotation(statement);
  let bytes = null;
  try {
    bytes = readFileSync(file);
  } catch {
  }
  if (bytes === null)
    return signed === null ? null : `the file modes it records (${signed}) did not travel with the listing: ${quote(file)} is missing.`;
  if (signed === null)
    return `the statement it signs records no file modes, yet ${quote(file)} travelled with the listing: it was added after sealing.`;
  return modesDigest(bytes) === signed ? null : `${quote(file)} is not the modes file it records (${signed}): it was changed after sealing.`;
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
  const subject = subjects.find(
    (s) => s?.digest?.sha256 === hex
  );
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

export {
  checkSignature,
  checkCandidates
};
