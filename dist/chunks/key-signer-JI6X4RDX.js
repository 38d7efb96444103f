import {
  INTOTO_PAYLOAD_TYPE
} from "./chunk-JOQJILDY.js";
import {
  require_dist as require_dist2
} from "./chunk-P4INBWYS.js";
import "./chunk-3JABIHTE.js";
import "./chunk-ID6YFACX.js";
import {
  require_dist
} from "./chunk-46C4WCSX.js";
import "./chunk-NRHD3AR6.js";
import "./chunk-WMMA72G5.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-SJOLJ5TF.js";
import {
  sign
} from "./chunk-VF62UBY7.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/attestation/key-signer.ts?promote-post
var import_bundle = __toESM(require_dist());
var import_sign = __toESM(require_dist2());
var SIGNATURE_DIGEST = {
  "ecdsa-p256": "sha256",
  "ecdsa-p384": "sha256",
  "ecdsa-p521": "sha256",
  rsa: "sha256",
  ed25519: null
};
function signatureDigest(algorithm) {
  return SIGNATURE_DIGEST[algorithm];
}
function keySigner(key) {
  const digest = signatureDigest(key.algorithm);
  return {
    sign: (data) => Promise.resolve({
      signature: sign(digest, data, key.privateKey),
      key: { $case: "publicKey", publicKey: key.publicKeyPem, hint: key.hint }
    })
  };
}
async function signStatementWithKey(statement, key) {
  const builder = new import_sign.DSSEBundleBuilder({ signer: keySigner(key), witnesses: [] });
  const bundle = await builder.create({
    data: Buffer.from(JSON.stringify(statement)),
    type: INTOTO_PAYLOAD_TYPE
  });
  return (0, import_bundle.bundleToJSON)(bundle);
}
export {
  keySigner,
  signStatementWithKey,
  signatureDigest
};
