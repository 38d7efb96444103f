import {
  CONTRACT_ANNOTATION
} from "./chunk-RJDO2WQQ.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/signature/check-signature.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/app/signature/find-signature.ts:src/app/signature/check-signature.ts
import { m6$findSignatures, m6$unsignedCheck } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/signature/check-signature.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/provenance.ts:src/app/signature/check-signature.ts
import { m23$isCommit, m23$isRepository, m23$isRunUrl, m23$repositoryOfUrl, m23$sealedByFromStatement, m23$subjectNameOf, m23$validSealedBy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/signer-policy.ts:src/app/signature/check-signature.ts
import { m27$defaultIssuer, m27$identityPolicy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/identity.ts:src/app/signature/check-signature.ts
import { m25$FULCIO_OIDS, m25$FULCIO_OID_PREFIX, m25$GITHUB_HOSTED, m25$checkIdentity, m25$decodeDerUtf8String, m25$decodeIdentity, m25$describeIdentityFailure, m25$parseWorkflowSetting, m25$parseWorkflowUri, m25$repositoryOfUri } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/app/signature/check-signature.ts
import { m28$DIGEST_ONLY_ANNOTATION, m28$GITHUB_WORKFLOW_BUILD_TYPE, m28$LOCAL_BUILD_TYPE, m28$SLSA_PROVENANCE_TYPE, m28$STATEMENT_TYPE, m28$buildStatement, m28$commitUrl, m28$digestOnlySubject, m28$runUrl, m28$statementSubject, m28$workflowPath } from "../promote/index-core.js";

// stand-in:promote:src/core/modes.ts:src/app/signature/check-signature.ts
import { m19$MODES_ANNOTATION, m19$applyModes, m19$diffModes, m19$formatModes, m19$linkTargetPath, m19$modesAnnotation, m19$modesDigest, m19$parseModes, m19$readModes } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/seal-bundle.ts:src/app/signature/check-signature.ts
import { m35$bundleBaseOf, m35$bundleFileNames, m35$contractBeside, m35$fileSafeName, m35$isBundleEntry, m35$modesBeside, m35$sigstoreBundleBeside, m35$statementBeside } from "../promote/index-core.js";

// src/app/signature/check-signature.ts?promote
async function checkSignature(digest, sources, expectation) {
  const found = await m6$findSignatures(digest, sources);
  return found.candidates.length === 0 ? m6$unsignedCheck(digest, found.looked) : checkCandidates(found.candidates, digest, expectation, sources.checksumsFile);
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
  const { verifyAttestation } = await import("./verify-bundle-JS4FDF4M.js");
  const { loadTrustedRoot } = await import("./trusted-root-5SBGD564.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    });
  } catch (error) {
    if (!(error instanceof m14$SealError)) throw error;
    return {
      status: "refused",
      detail: `The signature in ${candidate.source} does not verify: ${error.message}`
    };
  }
  const statement = verified.statement;
  if (statement?._type !== m28$STATEMENT_TYPE || statement.predicateType !== m28$SLSA_PROVENANCE_TYPE) {
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
    const failures = m25$checkIdentity(
      signer.identity,
      m27$identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl)
    );
    if (failures.length > 0) {
      return {
        status: "refused",
        detail: `${candidate.source} is signed by someone the inputs do not accept: ${m25$describeIdentityFailure(failures).split("\n").join("; ")}.`
      };
    }
    accepted = {
      kind: "certificate",
      identity: signer.identity,
      signedAt: signer.signedAt.toISOString()
    };
  }
  const sealedBy = m23$sealedByFromStatement(statement, digest, candidate.source, {
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
    digestOnly: annotationOf(statement.subject, digest, m28$DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function modesNotSigned(statement, checksumsFile) {
  const file = m35$modesBeside(checksumsFile);
  if (file === null) return null;
  const signed = m19$modesAnnotation(statement);
  let bytes = null;
  try {
    bytes = readFileSync(file);
  } catch {
  }
  if (bytes === null)
    return signed === null ? null : `the file modes it records (${signed}) did not travel with the listing: ${m14$quote(file)} is missing.`;
  if (signed === null)
    return `the statement it signs records no file modes, yet ${m14$quote(file)} travelled with the listing: it was added after sealing.`;
  return m19$modesDigest(bytes) === signed ? null : `${m14$quote(file)} is not the modes file it records (${signed}): it was changed after sealing.`;
}
function aboutDigest(subjects, digest) {
  const hex = m12$hexOf(digest);
  return Array.isArray(subjects) && subjects.some((s) => {
    const d = s?.digest;
    return d !== void 0 && d !== null && (d.sha256 === hex || d.dirHash === hex || d.dirHash1 === hex);
  });
}
function subjectName(subjects, digest) {
  const hex = m12$hexOf(digest);
  const subject = subjects.find(
    (s) => s?.digest?.sha256 === hex
  );
  return typeof subject?.name === "string" ? subject.name : null;
}
function annotationOf(subjects, digest, name) {
  const hex = m12$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const annotations = subject?.annotations;
  return typeof annotations === "object" && annotations !== null ? annotations[name] : void 0;
}
function signedContract(subjects, digest) {
  const hex = m12$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const claimed = subject?.annotations?.[CONTRACT_ANNOTATION];
  if (typeof claimed?.digest !== "string" || typeof claimed.version !== "string") return null;
  try {
    return { digest: m12$parseDigest(claimed.digest, CONTRACT_ANNOTATION), version: claimed.version };
  } catch {
    return null;
  }
}
export {
  checkCandidates,
  checkSignature
};
