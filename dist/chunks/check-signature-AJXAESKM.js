import {
  CONTRACT_ANNOTATION
} from "./chunk-JT53Q2P6.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/signature/check-signature.ts
import { m9$digestFromHex, m9$hexOf, m9$parseDigest, m9$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/app/signature/find-signature.ts:src/app/signature/check-signature.ts
import { m5$findSignatures, m5$sha256Of, m5$unsignedCheck } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/signature/check-signature.ts
import { m11$SealError, m11$exitCodeOf, m11$isSealError, m11$quote, m11$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/provenance.ts:src/app/signature/check-signature.ts
import { m16$isCommit, m16$isRepository, m16$isRunUrl, m16$repositoryOfUrl, m16$sealedByFromStatement, m16$subjectNameOf, m16$validSealedBy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/signer-policy.ts:src/app/signature/check-signature.ts
import { m20$defaultIssuer, m20$identityPolicy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/identity.ts:src/app/signature/check-signature.ts
import { m18$FULCIO_OIDS, m18$FULCIO_OID_PREFIX, m18$GITHUB_HOSTED, m18$checkIdentity, m18$decodeDerUtf8String, m18$decodeIdentity, m18$describeIdentityFailure, m18$parseWorkflowSetting, m18$parseWorkflowUri, m18$repositoryOfUri } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/app/signature/check-signature.ts
import { m21$DIGEST_ONLY_ANNOTATION, m21$GITHUB_WORKFLOW_BUILD_TYPE, m21$LOCAL_BUILD_TYPE, m21$SLSA_PROVENANCE_TYPE, m21$STATEMENT_TYPE, m21$buildStatement, m21$commitUrl, m21$digestOnlySubject, m21$runUrl, m21$statementSubject, m21$workflowPath } from "../promote/index-core.js";

// src/app/signature/check-signature.ts?promote
async function checkSignature(digest, sources, expectation) {
  const found = await m5$findSignatures(digest, sources);
  return found.candidates.length === 0 ? m5$unsignedCheck(digest, found.looked) : checkCandidates(found.candidates, digest, expectation);
}
async function checkCandidates(candidates, digest, expectation) {
  const problems = [];
  for (const candidate of candidates) {
    const checked = await checkCandidate(candidate, digest, expectation);
    if (checked.status === "verified") return checked;
    problems.push(checked.detail);
  }
  return { status: "refused", detail: problems.length === 1 ? problems[0] : `None of the ${problems.length} signatures found is acceptable: ${problems.join(" ")}` };
}
async function checkCandidate(candidate, digest, expectation) {
  const { verifyAttestation } = await import("./verify-bundle-WPASL7RZ.js");
  const { loadTrustedRoot } = await import("./trusted-root-3STM2IZH.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    });
  } catch (error) {
    if (!(error instanceof m11$SealError)) throw error;
    return { status: "refused", detail: `The signature in ${candidate.source} does not verify: ${error.message}` };
  }
  const statement = verified.statement;
  if (statement?._type !== m21$STATEMENT_TYPE || statement.predicateType !== m21$SLSA_PROVENANCE_TYPE) {
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
    const failures = m18$checkIdentity(signer.identity, m20$identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl));
    if (failures.length > 0) {
      return { status: "refused", detail: `${candidate.source} is signed by someone the inputs do not accept: ${m18$describeIdentityFailure(failures).split("\n").join("; ")}.` };
    }
    accepted = { kind: "certificate", identity: signer.identity, signedAt: signer.signedAt.toISOString() };
  }
  const sealedBy = m16$sealedByFromStatement(statement, digest, candidate.source, { serverUrl: expectation.serverUrl });
  const signerName = accepted.kind === "key" ? `key:${accepted.hint}` : accepted.identity.subjectAlternativeName;
  return {
    status: "verified",
    signer: accepted,
    sealedBy: { ...sealedBy ?? { repository: null, commit: null, runUrl: null }, signer: signerName },
    name: subjectName(statement.subject, digest),
    contract: signedContract(statement.subject, digest),
    digestOnly: annotationOf(statement.subject, digest, m21$DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function aboutDigest(subjects, digest) {
  const hex = m9$hexOf(digest);
  return Array.isArray(subjects) && subjects.some((s) => {
    const d = s?.digest;
    return d !== void 0 && d !== null && (d.sha256 === hex || d.dirHash === hex || d.dirHash1 === hex);
  });
}
function subjectName(subjects, digest) {
  const hex = m9$hexOf(digest);
  const subject = subjects.find((s) => s?.digest?.sha256 === hex);
  return typeof subject?.name === "string" ? subject.name : null;
}
function annotationOf(subjects, digest, name) {
  const hex = m9$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const annotations = subject?.annotations;
  return typeof annotations === "object" && annotations !== null ? annotations[name] : void 0;
}
function signedContract(subjects, digest) {
  const hex = m9$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const claimed = subject?.annotations?.[CONTRACT_ANNOTATION];
  if (typeof claimed?.digest !== "string" || typeof claimed.version !== "string") return null;
  try {
    return { digest: m9$parseDigest(claimed.digest, CONTRACT_ANNOTATION), version: claimed.version };
  } catch {
    return null;
  }
}
export {
  checkCandidates,
  checkSignature
};
