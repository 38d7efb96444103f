import {
  TRUSTED_ROOT_MEDIA_TYPE,
  loadTufTrustedRoot
} from "./chunk-GDZ62JBJ.js";
import {
  require_dist as require_dist4
} from "./chunk-BDYDJING.js";
import {
  require_dist as require_dist2
} from "./chunk-46C4WCSX.js";
import {
  require_dist as require_dist3
} from "./chunk-NRHD3AR6.js";
import {
  require_dist
} from "./chunk-WMMA72G5.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/attestation/verify-bundle.ts?promote
var import_bundle = __toESM(require_dist2());
var import_core = __toESM(require_dist3());
var import_protobuf_specs = __toESM(require_dist());
var import_verify = __toESM(require_dist4());

// stand-in:promote:src/core/errors.ts:src/attestation/verify-bundle.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/signing/identity.ts:src/attestation/verify-bundle.ts
import { m25$FULCIO_OIDS, m25$FULCIO_OID_PREFIX, m25$GITHUB_HOSTED, m25$checkIdentity, m25$decodeDerUtf8String, m25$decodeIdentity, m25$describeIdentityFailure, m25$parseWorkflowSetting, m25$parseWorkflowUri, m25$repositoryOfUri } from "../promote/index-core.js";

// stand-in:promote:src/core/vocabulary.ts:src/attestation/verify-bundle.ts
import { m29$ACTION_VOCABULARY, m29$capitalized, m29$speakAs, m29$words } from "../promote/index-core.js";

// stand-in:promote:src/core/json-shape.ts:src/attestation/verify-bundle.ts
import { m16$isRecord } from "../promote/index-core.js";

// src/attestation/verify-bundle.ts?promote
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var OID_ORGANIZATION = "2.5.4.10";
var PUBLIC_GOOD_ORGANIZATION = "sigstore.dev";
var GITHUB_ORGANIZATION = "GitHub, Inc.";
var EMPTY_ROOT = {
  mediaType: TRUSTED_ROOT_MEDIA_TYPE,
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: []
};
var ROOT_INPUTS = `${m29$words().option("trusted-root")}, or ${m29$words().option("tuf-mirrors")} when it comes over TUF`;
var STATEMENT_TYPES = ["https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1"];
var MEDIA_TYPES = /* @__PURE__ */ new Set([
  import_bundle.BUNDLE_V01_MEDIA_TYPE,
  import_bundle.BUNDLE_V02_MEDIA_TYPE,
  import_bundle.BUNDLE_V03_LEGACY_MEDIA_TYPE,
  import_bundle.BUNDLE_V03_MEDIA_TYPE
]);
var KEY_MATERIAL = "publicKey";
var CERTIFICATE_MATERIALS = ["x509CertificateChain", "certificate"];
function signingMaterialOf(json) {
  const edited = "It was edited or damaged; use the bundle as the seal (or the attestations API) gave it.";
  if (!m16$isRecord(json))
    throw new m14$SealError(
      "malformed",
      "The signature is not a Sigstore bundle: not a JSON object. Give the <name>.sigstore.json the seal wrote, or a bundle from the attestations API."
    );
  if (typeof json.mediaType !== "string") {
    throw new m14$SealError(
      "malformed",
      "The signature is not a Sigstore bundle: it has no mediaType. Give the <name>.sigstore.json the seal wrote, or a bundle from the attestations API."
    );
  }
  if (!MEDIA_TYPES.has(json.mediaType)) {
    throw new m14$SealError(
      "refused",
      `The Sigstore bundle has mediaType ${m14$quote(json.mediaType)}, which is no bundle version this verifier knows (${[...MEDIA_TYPES].map((t) => m14$quote(t)).join(", ")}). ${edited}`
    );
  }
  const material = json.verificationMaterial;
  if (!m16$isRecord(material))
    throw new m14$SealError(
      "refused",
      `The Sigstore bundle has no verificationMaterial object, so nothing says who signed it. ${edited}`
    );
  const named = [KEY_MATERIAL, ...CERTIFICATE_MATERIALS].filter(
    (name2) => Object.hasOwn(material, name2)
  );
  const kinds = new Set(named.map((name2) => name2 === KEY_MATERIAL ? "key" : "certificate"));
  if (kinds.size > 1 || named.length > 1) {
    throw new m14$SealError(
      "refused",
      `The Sigstore bundle's verificationMaterial names ${named.join(" and ")}: a bundle is signed with one key (publicKey) or one certificate (certificate, or x509CertificateChain), never more, and a null names one too. ${edited}`
    );
  }
  const [name] = named;
  if (name === void 0)
    throw new m14$SealError(
      "refused",
      `The Sigstore bundle's verificationMaterial has no publicKey, certificate or x509CertificateChain, so nothing says who signed it. ${edited}`
    );
  if (!m16$isRecord(material[name]))
    throw new m14$SealError(
      "refused",
      `The Sigstore bundle's verificationMaterial.${name} is ${JSON.stringify(material[name])}, not an object. ${edited}`
    );
  if (name === "x509CertificateChain" && (json.mediaType === import_bundle.BUNDLE_V03_MEDIA_TYPE || json.mediaType === import_bundle.BUNDLE_V03_LEGACY_MEDIA_TYPE)) {
    throw new m14$SealError(
      "malformed",
      `The Sigstore bundle is a v0.3 bundle with an x509CertificateChain, which v0.3 replaced by one certificate. ${edited}`
    );
  }
  return name === KEY_MATERIAL ? "key" : "certificate";
}
function parseBundle(json) {
  let bundle;
  try {
    bundle = (0, import_bundle.bundleFromJSON)(json);
  } catch (error) {
    const fields = error instanceof import_bundle.ValidationError && error.fields.length > 0 ? ` (missing or malformed: ${error.fields.join(", ")})` : "";
    const detail = m14$messageOf(error);
    throw new m14$SealError(
      "malformed",
      `The signature is not a Sigstore bundle: ${detail}${fields}. Give the <name>.sigstore.json the seal wrote, or a bundle from the attestations API.`
    );
  }
  if (bundle.content.$case !== "dsseEnvelope") {
    throw new m14$SealError(
      "malformed",
      "The Sigstore bundle signs a blob, not an attestation: it has no DSSE envelope. Give the bundle of an in-toto statement, such as the <name>.sigstore.json the seal wrote."
    );
  }
  return bundle;
}
function parseStatement(bundle) {
  if (bundle.content.$case !== "dsseEnvelope") throw new Error("unreachable");
  const { payloadType, payload } = bundle.content.dsseEnvelope;
  if (payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw new m14$SealError(
      "malformed",
      `The Sigstore bundle signs a payload of type ${m14$quote(payloadType)}, not an in-toto statement (${m14$quote(INTOTO_PAYLOAD_TYPE)}).`
    );
  }
  let statement;
  try {
    statement = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch {
    throw new m14$SealError(
      "malformed",
      "The Sigstore bundle verifies, but its payload is not JSON, so it is not an in-toto statement."
    );
  }
  const s = statement;
  if (typeof s !== "object" || s === null || typeof s._type !== "string" || !STATEMENT_TYPES.includes(s._type) || !Array.isArray(s.subject)) {
    throw new m14$SealError(
      "malformed",
      'The Sigstore bundle verifies, but its payload is not an in-toto statement (no "_type" of in-toto Statement v1, or no "subject" list).'
    );
  }
  return statement;
}
function issuerOrganization(certificate) {
  try {
    const name = import_core.ASN1Obj.parseBuffer(certificate.issuer);
    for (const rdn of name.subs) {
      for (const attribute of rdn.subs) {
        if (attribute.subs[0]?.toOID() === OID_ORGANIZATION)
          return attribute.subs[1]?.value.toString("utf8");
      }
    }
  } catch {
  }
  return void 0;
}
function thresholdsFor(certificate, options) {
  const organization = issuerOrganization(certificate);
  return {
    timestampThreshold: 1,
    tlogThreshold: organization === PUBLIC_GOOD_ORGANIZATION || options.requireTransparencyLog === true ? 1 : 0,
    ctlogThreshold: organization === GITHUB_ORGANIZATION ? 0 : 1
  };
}
function verificationFailure(error, context) {
  if (error instanceof import_verify.PolicyError) return new m14$SealError("refused", `signer: ${error.message}.`);
  if (!(error instanceof import_verify.VerificationError)) {
    return new m14$SealError(
      "tampered",
      `The Sigstore bundle could not be checked: ${m14$messageOf(error)}. It may be truncated or hand-edited; use the bundle as the seal wrote it.`
    );
  }
  const detail = error.message;
  switch (error.code) {
    case "SIGNATURE_ERROR":
      return new m14$SealError(
        "tampered",
        `signature: the bundle's signature does not match its payload (${detail}): the statement was changed after signing${context.keyed ? ", or it was signed with another key" : ""}. Use the bundle exactly as the seal wrote it.`
      );
    case "CERTIFICATE_ERROR":
      if (/SCT/.test(detail)) {
        return new m14$SealError(
          "refused",
          `certificate transparency: the signing certificate has no valid signed certificate timestamp from a CT log of the trusted root (${detail}). Check that the trusted root (${ROOT_INPUTS}) holds the CT logs of the instance that signed.`
        );
      }
      return new m14$SealError(
        "refused",
        `certificate chain: the signing certificate does not chain to a certificate authority of the trusted root, or was not valid when it signed (${detail}). The bundle was signed by another Sigstore instance than the trusted root describes; give the matching trusted root in ${m29$words().option("trusted-root")} (\`gh attestation trusted-root\` writes GitHub's and public-good's), or the TUF repositories that serve it in ${m29$words().option("tuf-mirrors")}.`
      );
    case "TIMESTAMP_ERROR":
      return new m14$SealError(
        "refused",
        `timestamp: no trusted timestamp proves when the bundle was signed (${detail}). A keyless signature is accepted only with a timestamp from a timestamp authority or a transparency log entry that the trusted root lists; a bundle whose timestamps were removed, or made by another instance, is refused. Check the trusted root (${ROOT_INPUTS}), and use the bundle as the seal wrote it.`
      );
    case "PUBLIC_KEY_ERROR":
      return new m14$SealError(
        "refused",
        `key not found: the bundle is signed with the key ${m14$quote(context.hint ?? "")}, and no public key given matches it (${detail}). Give the signer's public key in ${m29$words().option("public-key")}.`
      );
    case "TLOG_ERROR":
    case "TLOG_BODY_ERROR":
    case "TLOG_INCLUSION_PROOF_ERROR":
    case "TLOG_INCLUSION_PROMISE_ERROR":
    case "TLOG_MISSING_INCLUSION_ERROR":
      return new m14$SealError(
        "refused",
        `transparency log: the bundle's Rekor entry does not verify against the trusted root, or is missing (${detail}). Public-good signatures must be logged in Rekor; check the trusted root (${ROOT_INPUTS}) and use the bundle as the seal wrote it.`
      );
    case "NOT_IMPLEMENTED_ERROR":
      return new m14$SealError(
        "refused",
        `The Sigstore bundle uses a feature this verifier does not support (${detail}).`
      );
  }
}
function signingTime(bundle) {
  const times = [];
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    if (entry.inclusionPromise && entry.integratedTime && entry.integratedTime !== "0")
      times.push(Number(entry.integratedTime) * 1e3);
  }
  for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
    times.push(import_core.RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp)).signingTime.getTime());
  }
  return times.length === 0 ? void 0 : new Date(Math.min(...times));
}
function toPem(der) {
  return `-----BEGIN CERTIFICATE-----
${(der.toString("base64").match(/.{1,64}/g) ?? []).join("\n")}
-----END CERTIFICATE-----
`;
}
function trustedRootOf(json) {
  try {
    return import_protobuf_specs.TrustedRoot.fromJSON(json);
  } catch (error) {
    throw new m14$SealError(
      "unrecognized",
      `The trusted root is not a Sigstore trusted_root.json: ${m14$messageOf(error)}. Give the file \`gh attestation trusted-root\` writes.`,
      { cause: error }
    );
  }
}
function verifyKeyed(bundle, options) {
  if (bundle.verificationMaterial.content.$case !== "publicKey") throw new Error("unreachable");
  const hint = bundle.verificationMaterial.content.publicKey.hint;
  const keys = options.publicKeys ?? [];
  if (keys.length === 0) {
    throw new m14$SealError(
      "refused",
      `key not found: the bundle is signed with a key (hint ${m14$quote(hint)}), not a Sigstore certificate, and no public key was given. Give the signer's public key in ${m29$words().option("public-key")}.`
    );
  }
  const ordered = [...keys.filter((k) => k.hint === hint), ...keys.filter((k) => k.hint !== hint)];
  const root = trustedRootOf(EMPTY_ROOT);
  const entity = (0, import_verify.toSignedEntity)(bundle);
  let last;
  for (const candidate of ordered) {
    const material = (0, import_verify.toTrustMaterial)(root, () => ({
      publicKey: candidate.publicKey,
      validFor: () => true
    }));
    try {
      new import_verify.Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(
        entity
      );
      return { kind: "key", hint: candidate.hint ?? hint };
    } catch (error) {
      last = error;
      if (!(error instanceof import_verify.VerificationError && error.code === "SIGNATURE_ERROR")) break;
    }
  }
  if (last instanceof import_verify.VerificationError && last.code === "SIGNATURE_ERROR") {
    throw new m14$SealError(
      "tampered",
      `signature: the bundle's signature verifies with none of the ${keys.length} public key(s) given (the bundle names key ${m14$quote(hint)}): it was signed with another key, or the statement was changed after signing. Give the signer's public key in ${m29$words().option("public-key")}.`
    );
  }
  throw verificationFailure(last, { keyed: true, hint });
}
async function verifyKeyless(bundle, options) {
  const entity = (0, import_verify.toSignedEntity)(bundle);
  if (entity.key.$case !== "certificate") throw new Error("unreachable");
  const certificate = entity.key.certificate;
  const given = options.trustedRoot;
  const root = trustedRootOf(
    typeof given === "function" ? await given() : given ?? await loadTufTrustedRoot()
  );
  let signer;
  try {
    signer = new import_verify.Verifier((0, import_verify.toTrustMaterial)(root), thresholdsFor(certificate, options)).verify(entity);
  } catch (error) {
    throw verificationFailure(error, { keyed: false });
  }
  const signedAt = signingTime(bundle);
  if (signedAt === void 0) {
    throw new m14$SealError(
      "refused",
      "timestamp: the bundle verified without a trusted timestamp, which is never accepted for a keyless signature."
    );
  }
  const identity = m25$decodeIdentity(
    signer.identity?.subjectAlternativeName,
    (signer.identity?.oids ?? []).map((o) => ({ oid: o.oid?.id ?? [], value: o.value }))
  );
  return { kind: "certificate", identity, signedAt, certificate: toPem(certificate.root.toDER()) };
}
async function verifyAttestation(bundleJson, options = {}) {
  const material = signingMaterialOf(bundleJson);
  const bundle = parseBundle(bundleJson);
  const keyed = bundle.verificationMaterial.content.$case === "publicKey";
  if (keyed !== (material === "key"))
    throw new Error(
      `unreachable: the bundle reads as ${bundle.verificationMaterial.content.$case}, its JSON as ${material}`
    );
  let signer;
  try {
    signer = keyed ? verifyKeyed(bundle, options) : await verifyKeyless(bundle, options);
  } catch (error) {
    if (error instanceof m14$SealError) throw error;
    throw verificationFailure(error, { keyed });
  }
  const statement = parseStatement(bundle);
  if (options.identity !== void 0) {
    if (signer.kind !== "certificate") {
      throw new m14$SealError(
        "refused",
        `signer: the bundle is signed with a key (${m14$quote(signer.hint)}), not by a workflow's Sigstore certificate, so its repository and workflow cannot be checked.`
      );
    }
    const failures = m25$checkIdentity(signer.identity, options.identity);
    if (failures.length > 0)
      throw new m14$SealError(
        "refused",
        `The bundle is signed by someone the policy does not accept:
${m25$describeIdentityFailure(failures)}`
      );
  }
  const payloadType = bundle.content.$case === "dsseEnvelope" ? bundle.content.dsseEnvelope.payloadType : "";
  return { statement, payloadType, signer };
}
export {
  signingMaterialOf,
  verifyAttestation
};
