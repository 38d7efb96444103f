import {
  require_dist as require_dist2
} from "./chunk-P4INBWYS.js";
import {
  require_dist
} from "./chunk-46C4WCSX.js";
import {
  DEFAULT_POLICY,
  sigstoreFetchOptions
} from "./chunk-SJOLJ5TF.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/attestation/sign-statement.ts?promote-post
var import_bundle = __toESM(require_dist());
var import_sign = __toESM(require_dist2());

// stand-in:promote-post:src/core/errors.ts:src/attestation/sign-statement.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/post-core.js";

// src/attestation/sign-statement.ts?promote-post
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
function witnessesOf(instance, fetch) {
  const witnesses = [];
  if (instance.rekorUrl !== void 0)
    witnesses.push(
      new import_sign.RekorWitness({
        rekorBaseURL: instance.rekorUrl,
        entryType: "dsse",
        fetchOnConflict: true,
        ...fetch
      })
    );
  if (instance.tsaUrl !== void 0)
    witnesses.push(new import_sign.TSAWitness({ tsaBaseURL: instance.tsaUrl, ...fetch }));
  return witnesses;
}
function causeOf(error) {
  const cause = error.cause;
  const detail = typeof cause?.message === "string" ? cause.message : error.message;
  return detail.replace(/\s+/g, " ").trim();
}
function signingError(error, signing) {
  if (!(error instanceof import_sign.InternalError))
    return error instanceof Error ? error : new Error(String(error));
  if (signing.kind === "key")
    return new m14$SealError(
      "bad-input",
      `Signing the statement with the key failed: ${causeOf(error)}. Check that signing-key is a private key of a supported type (ECDSA P-256, P-384 or P-521, Ed25519, RSA 2048\u20134096).`
    );
  const { instance } = signing;
  switch (error.code) {
    case "CA_CREATE_SIGNING_CERTIFICATE_ERROR":
      return new m14$SealError(
        "unavailable",
        `Fulcio at ${m14$quote(instance.fulcioUrl)} did not issue a signing certificate: ${causeOf(error)}. Check that the job can reach it (ARTIFACT_SEAL_FULCIO_URL overrides the address) and that its OIDC token is one Fulcio accepts; re-run the job if the service was unavailable, or sign with a key instead.`
      );
    case "TSA_CREATE_TIMESTAMP_ERROR":
      return new m14$SealError(
        "unavailable",
        `The timestamp authority at ${m14$quote(instance.tsaUrl ?? "")} did not timestamp the signature: ${causeOf(error)}. Check that the job can reach it (ARTIFACT_SEAL_TSA_URL overrides the address); re-run the job if the service was unavailable. Without a trusted timestamp a keyless signature cannot be verified.`
      );
    case "TLOG_CREATE_ENTRY_ERROR":
    case "TLOG_FETCH_ENTRY_ERROR":
      return new m14$SealError(
        "unavailable",
        `The Rekor transparency log at ${m14$quote(instance.rekorUrl ?? "")} did not record the signature: ${causeOf(error)}. Check that the job can reach it (ARTIFACT_SEAL_REKOR_URL overrides the address); re-run the job if the service was unavailable.`
      );
    case "IDENTITY_TOKEN_READ_ERROR":
    case "IDENTITY_TOKEN_PARSE_ERROR":
      return new m14$SealError(
        "denied",
        `The job's OIDC token could not be used for keyless signing: ${causeOf(error)}. Check that the job has "permissions: id-token: write".`
      );
  }
}
async function signStatement(statement, signing) {
  let builder;
  if (signing.kind === "keyless") {
    const fetch = sigstoreFetchOptions({
      ...DEFAULT_POLICY,
      ...signing.timeoutMs === void 0 ? {} : { timeoutMs: signing.timeoutMs },
      ...signing.retries === void 0 ? {} : { attempts: signing.retries + 1 }
    });
    const witnesses = witnessesOf(signing.instance, fetch);
    if (witnesses.length === 0) {
      throw new m14$SealError(
        "bad-input",
        `Keyless signing with Fulcio at ${m14$quote(signing.instance.fulcioUrl)} needs a Rekor log (ARTIFACT_SEAL_REKOR_URL) or a timestamp authority (ARTIFACT_SEAL_TSA_URL): without either the short-lived certificate cannot be checked later.`
      );
    }
    const token = signing.token;
    const signer = new import_sign.FulcioSigner({
      fulcioBaseURL: signing.instance.fulcioUrl,
      identityProvider: { getToken: () => Promise.resolve(token) },
      ...fetch
    });
    builder = new import_sign.DSSEBundleBuilder({ signer, witnesses });
  } else {
    builder = new import_sign.DSSEBundleBuilder({ signer: signing.signer, witnesses: [] });
  }
  try {
    const bundle = await builder.create({
      data: Buffer.from(JSON.stringify(statement)),
      type: INTOTO_PAYLOAD_TYPE
    });
    return (0, import_bundle.bundleToJSON)(bundle);
  } catch (error) {
    throw signingError(error, signing);
  }
}

export {
  INTOTO_PAYLOAD_TYPE,
  signStatement
};
