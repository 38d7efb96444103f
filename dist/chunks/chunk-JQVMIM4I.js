import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";

// src/app/settings/signer-expectation.ts
function signerExpectation(settings, required, env) {
  return { ...settings, required, serverUrl: serverUrlOf(env) };
}

// src/app/signature/verdict.ts
function judgeSignature(check, required, fix = null) {
  if (check.status === "refused") return { accepted: false, reason: check.detail };
  if (check.status === "unsigned" && required !== null) {
    return {
      accepted: false,
      reason: `${check.detail} A signature is required: ${required}.${fix === null ? "" : ` ${fix}`}`
    };
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
  signerExpectation,
  judgeSignature,
  signatureFact,
  signerName
};
