import {
  sha256Hex
} from "./chunk-KRR2HU2L.js";
import {
  SealError
} from "./chunk-C7O7QJOZ.js";
import {
  createPublicKey
} from "./chunk-VF62UBY7.js";

// src/core/signing/public-key.ts
var PRIVATE_LABELS = /* @__PURE__ */ new Set([
  "PRIVATE KEY",
  "EC PRIVATE KEY",
  "RSA PRIVATE KEY",
  "ENCRYPTED PRIVATE KEY",
  "ENCRYPTED SIGSTORE PRIVATE KEY",
  "ENCRYPTED COSIGN PRIVATE KEY"
]);
var PUBLIC_LABELS = /* @__PURE__ */ new Set(["PUBLIC KEY", "RSA PUBLIC KEY"]);
var CURVES = {
  prime256v1: "ecdsa-p256",
  secp384r1: "ecdsa-p384",
  secp521r1: "ecdsa-p521"
};
var RSA_MIN_BITS = 2048;
var RSA_MAX_BITS = 4096;
var SUPPORTED_KEYS = "ECDSA on P-256, P-384 or P-521, Ed25519, or RSA of 2048 to 4096 bits";
var GENERATE_HINT = 'Create one with "cosign generate-key-pair" or "openssl genpkey -algorithm ed25519 -out key.pem".';
function looksLikePem(text) {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text);
}
function keyHint(publicKey) {
  return Buffer.from(sha256Hex(publicKey.export({ type: "spki", format: "der" })), "hex").toString(
    "base64"
  );
}
function normalize(text) {
  return text.replace(/^\uFEFF/, "").replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\r\n?/g, "\n");
}
function pemBlocks(text, where) {
  const blocks = [];
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/g;
  let match;
  while ((match = begin.exec(text)) !== null) {
    const label = match[1] ?? "";
    const endLine = `-----END ${label}-----`;
    const end = text.indexOf(endLine, begin.lastIndex);
    if (end === -1) {
      throw new SealError(
        "malformed",
        `${where}: the "${label}" block has a BEGIN line but no "${endLine}" line: the text was cut short. Copy the whole file, END line included.`
      );
    }
    const inner = text.slice(begin.lastIndex, end);
    const lines = inner.split("\n").map((line) => line.trim());
    const isHeader = (line) => /^[A-Za-z][A-Za-z0-9-]*:/.test(line);
    blocks.push({
      label,
      headers: lines.filter(isHeader),
      body: lines.filter((line) => !isHeader(line)).join("").replace(/\s+/g, "")
    });
    begin.lastIndex = end + endLine.length;
  }
  return blocks;
}
function bodyBytes(block, where) {
  if (block.body === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(block.body) || block.body.length % 4 === 1) {
    throw new SealError(
      "malformed",
      `${where}: the base64 text between the "${block.label}" BEGIN and END lines is damaged. Copy the whole key file into the secret again.`
    );
  }
  return Buffer.from(block.body, "base64");
}
function algorithmOf(key, where) {
  switch (key.asymmetricKeyType) {
    case "ec": {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const algorithm = curve === void 0 ? void 0 : CURVES[curve];
      if (algorithm === void 0) {
        throw new SealError(
          "unrecognized",
          `${where}: is an ECDSA key on ${curve === void 0 ? "a curve given by explicit parameters" : `curve ${curve}`}, which Sigstore tools do not accept. Use a key on P-256, P-384 or P-521, such as one from "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256".`
        );
      }
      return algorithm;
    }
    case "ed25519":
      return "ed25519";
    case "rsa": {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
        throw new SealError(
          "unrecognized",
          `${where}: is a ${bits}-bit RSA key; Sigstore tools accept RSA keys of ${RSA_MIN_BITS} to ${RSA_MAX_BITS} bits. Use a 3072-bit RSA key, or an ECDSA P-256 or Ed25519 key.`
        );
      }
      return "rsa";
    }
    default:
      throw new SealError(
        "unrecognized",
        `${where}: is a ${key.asymmetricKeyType ?? "secret"} key, which cannot sign Sigstore bundles. Supported keys: ${SUPPORTED_KEYS}. ${GENERATE_HINT}`
      );
  }
}
function notPem(where, expected) {
  return new SealError(
    "malformed",
    `${where}: is not PEM text (no "-----BEGIN ${expected}-----" line). Pass the whole key file, BEGIN and END lines included${expected === "PUBLIC KEY" ? "" : ', from a secret ("${{ secrets.SIGNING_KEY }}")'}.`
  );
}
function material(publicKey, algorithm) {
  return { publicKey, hint: keyHint(publicKey), algorithm };
}
function readPublicKey(text, source) {
  const normalized = normalize(text).trim();
  if (normalized === "")
    throw new SealError(
      "bad-input",
      `${source}: is empty. Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026"), such as cosign.pub.`
    );
  const blocks = pemBlocks(normalized, source);
  if (blocks.length === 0) throw notPem(source, "PUBLIC KEY");
  const publicBlocks = blocks.filter((block2) => PUBLIC_LABELS.has(block2.label));
  if (publicBlocks.length > 1)
    throw new SealError(
      "bad-input",
      `${source}: holds ${publicBlocks.length} public keys. Give exactly one.`
    );
  const block = publicBlocks[0];
  if (block === void 0) {
    if (blocks.some(
      (candidate) => PRIVATE_LABELS.has(candidate.label) || candidate.label.endsWith("PRIVATE KEY")
    )) {
      throw new SealError(
        "bad-input",
        `${source}: holds a private key where the public key is expected. Give only the public half (cosign.pub, or "openssl pkey -pubout -in key.pem"), and rotate the key if this text was published.`
      );
    }
    if (blocks[0]?.label === "CERTIFICATE") {
      throw new SealError(
        "bad-input",
        `${source}: holds a certificate, not a public key. Give the key it certifies ("openssl x509 -pubkey -noout -in cert.pem").`
      );
    }
    throw new SealError(
      "unrecognized",
      `${source}: holds a "${blocks[0]?.label ?? ""}" PEM block, not a public key. Give the "-----BEGIN PUBLIC KEY-----" text, such as cosign.pub.`
    );
  }
  let publicKey;
  try {
    publicKey = createPublicKey({
      key: bodyBytes(block, source),
      format: "der",
      type: block.label === "RSA PUBLIC KEY" ? "pkcs1" : "spki"
    });
  } catch (error) {
    if (error instanceof SealError) throw error;
    throw new SealError(
      "unrecognized",
      `${source}: the "${block.label}" block is not a public key this tool can read (damaged, or an unsupported type). Supported keys: ${SUPPORTED_KEYS}.`
    );
  }
  return material(publicKey, algorithmOf(publicKey, source));
}

export {
  PRIVATE_LABELS,
  PUBLIC_LABELS,
  SUPPORTED_KEYS,
  GENERATE_HINT,
  looksLikePem,
  keyHint,
  normalize,
  pemBlocks,
  bodyBytes,
  algorithmOf,
  notPem,
  material,
  readPublicKey
};
