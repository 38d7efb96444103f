import {
  INTOTO_PAYLOAD_TYPE,
  require_dist as require_dist2
} from "./chunk-WKKF2BWT.js";
import "./chunk-VCZOCPNW.js";
import {
  require_dist
} from "./chunk-LEN6KP2N.js";
import "./chunk-7NT7Q6V2.js";
import "./chunk-BPDNE36K.js";
import "./chunk-VBR4O5EM.js";
import "./chunk-3LPQGX4A.js";
import "./chunk-G53TYASR.js";
import "./chunk-KQET6ZTM.js";
import {
  __toESM
} from "./chunk-EWOWW24O.js";

// src/attestation/key-signer.ts
var import_bundle = __toESM(require_dist(), 1);
var import_sign = __toESM(require_dist2(), 1);
import { sign as cryptoSign } from "node:crypto";
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
    sign: (data) => Promise.resolve({ signature: cryptoSign(digest, data, key.privateKey), key: { $case: "publicKey", publicKey: key.publicKeyPem, hint: key.hint } })
  };
}
async function signStatementWithKey(statement, key) {
  const builder = new import_sign.DSSEBundleBuilder({ signer: keySigner(key), witnesses: [] });
  const bundle = await builder.create({ data: Buffer.from(JSON.stringify(statement)), type: INTOTO_PAYLOAD_TYPE });
  return (0, import_bundle.bundleToJSON)(bundle);
}
export {
  keySigner,
  signStatementWithKey,
  signatureDigest
};
