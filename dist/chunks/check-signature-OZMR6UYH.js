import {
  CONTRACT_ANNOTATION
} from "./chunk-TNVPEIYB.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/signature/check-signature.ts
import { m11$digestFromHex, m11$hexOf, m11$parseDigest, m11$sha256Digest, m11$sha256Hex, m11$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/app/signature/find-signature.ts:src/app/signature/check-signature.ts
import { m6$findSignatures, m6$unsignedCheck } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/signature/check-signature.ts
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$messageOf, m13$quote, m13$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/provenance.ts:src/app/signature/check-signature.ts
import { m22$isCommit, m22$isRepository, m22$isRunUrl, m22$repositoryOfUrl, m22$sealedByFromStatement, m22$subjectNameOf, m22$validSealedBy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/signer-policy.ts:src/app/signature/check-signature.ts
import { m26$defaultIssuer, m26$identityPolicy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/identity.ts:src/app/signature/check-signature.ts
import { m24$FULCIO_OIDS, m24$FULCIO_OID_PREFIX, m24$GITHUB_HOSTED, m24$checkIdentity, m24$decodeDerUtf8String, m24$decodeIdentity, m24$describeIdentityFailure, m24$parseWorkflowSetting, m24$parseWorkflowUri, m24$repositoryOfUri } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/app/signature/check-signature.ts
import { m27$DIGEST_ONLY_ANNOTATION, m27$GITHUB_WORKFLOW_BUILD_TYPE, m27$LOCAL_BUILD_TYPE, m27$SLSA_PROVENANCE_TYPE, m27$STATEMENT_TYPE, m27$buildStatement, m27$commitUrl, m27$digestOnlySubject, m27$runUrl, m27$statementSubject, m27$workflowPath } from "../promote/index-core.js";

// stand-in:promote:src/core/modes.ts:src/app/signature/check-signature.ts
import { m18$MODES_ANNOTATION, m18$applyModes, m18$diffModes, m18$formatModes, m18$linkTargetPath, m18$modesAnnotation, m18$modesDigest, m18$parseModes, m18$readModes } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/seal-bundle.ts:src/app/signature/check-signature.ts
import { m34$bundleBaseOf, m34$bundleFileNames, m34$contractBeside, m34$fileSafeName, m34$isBundleEntry, m34$modesBeside, m34$sigstoreBundleBeside, m34$statementBeside } from "../promote/index-core.js";

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
  const { verifyAttestation } = await import("./verify-bundle-QYXCMA2A.js");
  const { loadTrustedRoot } = await import("./trusted-root-VEAAEPB2.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    });
  } catch (error) {
    if (!(error instanceof m13$SealError)) throw error;
    return {
      status: "refused",
      detail: `The signature in ${candidate.source} does not verify: ${error.message}`
    };
  }
  const statement = verified.statement;
  if (statement?._type !== m27$STATEMENT_TYPE || statement.predicateType !== m27$SLSA_PROVENANCE_TYPE) {
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
    const failures = m24$checkIdentity(
      signer.identity,
      m26$identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl)
    );
    if (failures.length > 0) {
      return {
        status: "refused",
        detail: `${candidate.source} is signed by someone the inputs do not accept: ${m24$describeIdentityFailure(failures).split("\n").join("; ")}.`
      };
    }
    accepted = {
      kind: "certificate",
      identity: signer.identity,
      signedAt: signer.signedAt.toISOString()
    };
  }
  const sealedBy = m22$sealedByFromStatement(statement, digest, candidate.source, {
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
    digestOnly: annotationOf(statement.subject, digest, m27$DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function modesNotSigned(statement, checksumsFile) {
  const file = m34$modesBeside(checksumsFile);
  if (file === null) return null;
  const signed = m18$modesAnnotation(statement);
  let bytes = null;
  try {
    bytes = readFileSync(file);
  } catch {
  }
  if (bytes === null)
    return signed === null ? null : `the file modes it records (${signed}) did not travel with the listing: ${m13$quote(file)} is missing.`;
  if (signed === null)
    return `the statement it signs records no file modes, yet ${m13$quote(file)} travelled with the listing: it was added after sealing.`;
  return m18$modesDigest(bytes) === signed ? null : `${m13$quote(file)} is not the modes file it records (${signed}): it was changed after sealing.`;
}
function aboutDigest(subjects, digest) {
  const hex = m11$hexOf(digest);
  return Array.isArray(subjects) && subjects.some((s) => {
    const d = s?.digest;
    return d !== void 0 && d !== null && (d.sha256 === hex || d.dirHash === hex || d.dirHash1 === hex);
  });
}
function subjectName(subjects, digest) {
  const hex = m11$hexOf(digest);
  const subject = subjects.find(
    (s) => s?.digest?.sha256 === hex
  );
  return typeof subject?.name === "string" ? subject.name : null;
}
function annotationOf(subjects, digest, name) {
  const hex = m11$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const annotations = subject?.annotations;
  return typeof annotations === "object" && annotations !== null ? annotations[name] : void 0;
}
function signedContract(subjects, digest) {
  const hex = m11$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const claimed = subject?.annotations?.[CONTRACT_ANNOTATION];
  if (typeof claimed?.digest !== "string" || typeof claimed.version !== "string") return null;
  try {
    return { digest: m11$parseDigest(claimed.digest, CONTRACT_ANNOTATION), version: claimed.version };
  } catch {
    return null;
  }
}
export {
  checkCandidates,
  checkSignature
};
