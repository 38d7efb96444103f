import {
  CONTRACT_ANNOTATION
} from "./chunk-SZ5D5NGR.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/signature/check-signature.ts
import { m10$digestFromHex, m10$hexOf, m10$parseDigest, m10$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/app/signature/find-signature.ts:src/app/signature/check-signature.ts
import { m5$findSignatures, m5$sha256Of, m5$unsignedCheck } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/signature/check-signature.ts
import { m12$SealError, m12$exitCodeOf, m12$isSealError, m12$quote, m12$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/provenance.ts:src/app/signature/check-signature.ts
import { m19$isCommit, m19$isRepository, m19$isRunUrl, m19$repositoryOfUrl, m19$sealedByFromStatement, m19$subjectNameOf, m19$validSealedBy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/signer-policy.ts:src/app/signature/check-signature.ts
import { m23$defaultIssuer, m23$identityPolicy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/identity.ts:src/app/signature/check-signature.ts
import { m21$FULCIO_OIDS, m21$FULCIO_OID_PREFIX, m21$GITHUB_HOSTED, m21$checkIdentity, m21$decodeDerUtf8String, m21$decodeIdentity, m21$describeIdentityFailure, m21$parseWorkflowSetting, m21$parseWorkflowUri, m21$repositoryOfUri } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/app/signature/check-signature.ts
import { m24$DIGEST_ONLY_ANNOTATION, m24$GITHUB_WORKFLOW_BUILD_TYPE, m24$LOCAL_BUILD_TYPE, m24$SLSA_PROVENANCE_TYPE, m24$STATEMENT_TYPE, m24$buildStatement, m24$commitUrl, m24$digestOnlySubject, m24$runUrl, m24$statementSubject, m24$workflowPath } from "../promote/index-core.js";

// stand-in:promote:src/core/modes.ts:src/app/signature/check-signature.ts
import { m16$MODES_ANNOTATION, m16$applyModes, m16$diffModes, m16$formatModes, m16$linkTargetPath, m16$modesAnnotation, m16$modesDigest, m16$parseModes, m16$readModes } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/seal-bundle.ts:src/app/signature/check-signature.ts
import { m28$bundleBaseOf, m28$bundleFileNames, m28$contractBeside, m28$fileSafeName, m28$isBundleEntry, m28$modesBeside, m28$sigstoreBundleBeside, m28$statementBeside } from "../promote/index-core.js";

// src/app/signature/check-signature.ts?promote
async function checkSignature(digest, sources, expectation) {
  const found = await m5$findSignatures(digest, sources);
  return found.candidates.length === 0 ? m5$unsignedCheck(digest, found.looked) : checkCandidates(found.candidates, digest, expectation, sources.checksumsFile);
}
async function checkCandidates(candidates, digest, expectation, checksumsFile) {
  const problems = [];
  for (const candidate of candidates) {
    const checked = await checkCandidate(candidate, digest, expectation, checksumsFile);
    if (checked.status === "verified") return checked;
    problems.push(checked.detail);
  }
  return { status: "refused", detail: problems.length === 1 ? problems[0] : `None of the ${problems.length} signatures found is acceptable: ${problems.join(" ")}` };
}
async function checkCandidate(candidate, digest, expectation, checksumsFile) {
  const { verifyAttestation } = await import("./verify-bundle-XSDVH5QX.js");
  const { loadTrustedRoot } = await import("./trusted-root-IM6C2SJU.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    });
  } catch (error) {
    if (!(error instanceof m12$SealError)) throw error;
    return { status: "refused", detail: `The signature in ${candidate.source} does not verify: ${error.message}` };
  }
  const statement = verified.statement;
  if (statement?._type !== m24$STATEMENT_TYPE || statement.predicateType !== m24$SLSA_PROVENANCE_TYPE) {
    return { status: "refused", detail: `${candidate.source} signs a ${String(statement?.predicateType)} statement, not the seal's SLSA provenance.` };
  }
  if (!aboutDigest(statement.subject, digest)) {
    return { status: "refused", detail: `${candidate.source} is signed, but for other bytes: its statement's subjects do not include ${digest}. It belongs to another seal.` };
  }
  const unsignedModes = checksumsFile === null ? null : modesNotSigned(statement, checksumsFile);
  if (unsignedModes !== null) return { status: "refused", detail: `${candidate.source} is signed, but ${unsignedModes}` };
  const signer = verified.signer;
  let accepted;
  if (signer.kind === "key") {
    accepted = { kind: "key", hint: signer.hint, signedAt: null };
  } else {
    if (expectation.repository === null) {
      return { status: "refused", detail: `${candidate.source} is signed by ${signer.identity.subjectAlternativeName}, but no signer was named to compare it with. Give signer-repository (--signer-repository).` };
    }
    const failures = m21$checkIdentity(signer.identity, m23$identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl));
    if (failures.length > 0) {
      return { status: "refused", detail: `${candidate.source} is signed by someone the inputs do not accept: ${m21$describeIdentityFailure(failures).split("\n").join("; ")}.` };
    }
    accepted = { kind: "certificate", identity: signer.identity, signedAt: signer.signedAt.toISOString() };
  }
  const sealedBy = m19$sealedByFromStatement(statement, digest, candidate.source, { serverUrl: expectation.serverUrl });
  const signerName = accepted.kind === "key" ? `key:${accepted.hint}` : accepted.identity.subjectAlternativeName;
  return {
    status: "verified",
    signer: accepted,
    sealedBy: { ...sealedBy ?? { repository: null, commit: null, runUrl: null }, signer: signerName },
    name: subjectName(statement.subject, digest),
    contract: signedContract(statement.subject, digest),
    digestOnly: annotationOf(statement.subject, digest, m24$DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function modesNotSigned(statement, checksumsFile) {
  const file = m28$modesBeside(checksumsFile);
  if (file === null) return null;
  const signed = m16$modesAnnotation(statement);
  let bytes = null;
  try {
    bytes = readFileSync(file);
  } catch {
  }
  if (bytes === null) return signed === null ? null : `the file modes it records (${signed}) did not travel with the listing: ${m12$quote(file)} is missing.`;
  if (signed === null) return `the statement it signs records no file modes, yet ${m12$quote(file)} travelled with the listing: it was added after sealing.`;
  return m16$modesDigest(bytes) === signed ? null : `${m12$quote(file)} is not the modes file it records (${signed}): it was changed after sealing.`;
}
function aboutDigest(subjects, digest) {
  const hex = m10$hexOf(digest);
  return Array.isArray(subjects) && subjects.some((s) => {
    const d = s?.digest;
    return d !== void 0 && d !== null && (d.sha256 === hex || d.dirHash === hex || d.dirHash1 === hex);
  });
}
function subjectName(subjects, digest) {
  const hex = m10$hexOf(digest);
  const subject = subjects.find((s) => s?.digest?.sha256 === hex);
  return typeof subject?.name === "string" ? subject.name : null;
}
function annotationOf(subjects, digest, name) {
  const hex = m10$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const annotations = subject?.annotations;
  return typeof annotations === "object" && annotations !== null ? annotations[name] : void 0;
}
function signedContract(subjects, digest) {
  const hex = m10$hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const claimed = subject?.annotations?.[CONTRACT_ANNOTATION];
  if (typeof claimed?.digest !== "string" || typeof claimed.version !== "string") return null;
  try {
    return { digest: m10$parseDigest(claimed.digest, CONTRACT_ANNOTATION), version: claimed.version };
  } catch {
    return null;
  }
}
export {
  checkCandidates,
  checkSignature
};
