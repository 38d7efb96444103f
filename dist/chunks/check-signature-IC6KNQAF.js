import {
  CONTRACT_ANNOTATION
} from "./chunk-AE47HRAA.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/signature/check-signature.ts
import { m11$digestFromHex, m11$hexOf, m11$parseDigest, m11$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/app/signature/find-signature.ts:src/app/signature/check-signature.ts
import { m6$findSignatures, m6$sha256Of, m6$unsignedCheck } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/signature/check-signature.ts
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$quote, m13$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/provenance.ts:src/app/signature/check-signature.ts
import { m20$isCommit, m20$isRepository, m20$isRunUrl, m20$repositoryOfUrl, m20$sealedByFromStatement, m20$subjectNameOf, m20$validSealedBy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/signer-policy.ts:src/app/signature/check-signature.ts
import { m24$defaultIssuer, m24$identityPolicy } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/identity.ts:src/app/signature/check-signature.ts
import { m22$FULCIO_OIDS, m22$FULCIO_OID_PREFIX, m22$GITHUB_HOSTED, m22$checkIdentity, m22$decodeDerUtf8String, m22$decodeIdentity, m22$describeIdentityFailure, m22$parseWorkflowSetting, m22$parseWorkflowUri, m22$repositoryOfUri } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/app/signature/check-signature.ts
import { m25$DIGEST_ONLY_ANNOTATION, m25$GITHUB_WORKFLOW_BUILD_TYPE, m25$LOCAL_BUILD_TYPE, m25$SLSA_PROVENANCE_TYPE, m25$STATEMENT_TYPE, m25$buildStatement, m25$commitUrl, m25$digestOnlySubject, m25$runUrl, m25$statementSubject, m25$workflowPath } from "../promote/index-core.js";

// stand-in:promote:src/core/modes.ts:src/app/signature/check-signature.ts
import { m17$MODES_ANNOTATION, m17$applyModes, m17$diffModes, m17$formatModes, m17$linkTargetPath, m17$modesAnnotation, m17$modesDigest, m17$parseModes, m17$readModes } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/seal-bundle.ts:src/app/signature/check-signature.ts
import { m31$bundleBaseOf, m31$bundleFileNames, m31$contractBeside, m31$fileSafeName, m31$isBundleEntry, m31$modesBeside, m31$sigstoreBundleBeside, m31$statementBeside } from "../promote/index-core.js";

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
  const { verifyAttestation } = await import("./verify-bundle-EJI6F5QM.js");
  const { loadTrustedRoot } = await import("./trusted-root-SD7C2Q5X.js");
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
  if (statement?._type !== m25$STATEMENT_TYPE || statement.predicateType !== m25$SLSA_PROVENANCE_TYPE) {
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
    const failures = m22$checkIdentity(
      signer.identity,
      m24$identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl)
    );
    if (failures.length > 0) {
      return {
        status: "refused",
        detail: `${candidate.source} is signed by someone the inputs do not accept: ${m22$describeIdentityFailure(failures).split("\n").join("; ")}.`
      };
    }
    accepted = {
      kind: "certificate",
      identity: signer.identity,
      signedAt: signer.signedAt.toISOString()
    };
  }
  const sealedBy = m20$sealedByFromStatement(statement, digest, candidate.source, {
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
    digestOnly: annotationOf(statement.subject, digest, m25$DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function modesNotSigned(statement, checksumsFile) {
  const file = m31$modesBeside(checksumsFile);
  if (file === null) return null;
  const signed = m17$modesAnnotation(statement);
  let bytes = null;
  try {
    bytes = readFileSync(file);
  } catch {
  }
  if (bytes === null)
    return signed === null ? null : `the file modes it records (${signed}) did not travel with the listing: ${m13$quote(file)} is missing.`;
  if (signed === null)
    return `the statement it signs records no file modes, yet ${m13$quote(file)} travelled with the listing: it was added after sealing.`;
  return m17$modesDigest(bytes) === signed ? null : `${m13$quote(file)} is not the modes file it records (${signed}): it was changed after sealing.`;
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
