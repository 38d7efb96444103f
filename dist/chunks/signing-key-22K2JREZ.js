import {
  require_nacl_fast
} from "./chunk-MAFEBFOI.js";
import {
  createPrivateKey,
  createPublicKey,
  scryptSync,
  sign,
  verify
} from "./chunk-VF62UBY7.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/core/signing/signing-key.ts?promote-post
var import_tweetnacl = __toESM(require_nacl_fast());

// stand-in:promote-post:src/core/errors.ts:src/core/signing/signing-key.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/post-core.js";

// stand-in:promote-post:src/core/signing/public-key.ts:src/core/signing/signing-key.ts
import { m26$CURVES, m26$GENERATE_HINT, m26$PRIVATE_LABELS, m26$PUBLIC_LABELS, m26$SUPPORTED_KEYS, m26$algorithmOf, m26$bodyBytes, m26$keyHint, m26$looksLikePem, m26$material, m26$normalize, m26$notPem, m26$pemBlocks, m26$readPublicKey } from "../promote/post-core.js";

// stand-in:promote-post:src/core/json-shape.ts:src/core/signing/signing-key.ts
import { m16$isRecord } from "../promote/post-core.js";

// src/core/signing/signing-key.ts?promote-post
var COSIGN_LABELS = /* @__PURE__ */ new Set(["ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY"]);
var IGNORED_LABELS = /* @__PURE__ */ new Set(["EC PARAMETERS"]);
var SUPPORTED_FORMATS = `PKCS#8 ("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"), SEC1 ("EC PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or cosign's encrypted key ("ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY")`;
function pemText(block) {
  const lines = block.body.match(/.{1,64}/g) ?? [];
  const headers = block.headers.length === 0 ? "" : `${block.headers.join("\n")}

`;
  return `-----BEGIN ${block.label}-----
${headers}${lines.join("\n")}
-----END ${block.label}-----
`;
}
var SCRYPT_MAX_N = 1 << 18;
var SCRYPT_MAX_R = 16;
var SCRYPT_MAX_P = 4;
var SCRYPT_MAX_MEMORY = 256 * 1024 * 1024;
var SECRETBOX_KEY_BYTES = 32;
function base64Field(value) {
  if (typeof value !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0)
    return null;
  return Buffer.from(value, "base64");
}
function cosignEnvelope(block, where) {
  const damaged = (what) => new m14$SealError(
    "malformed",
    `${where}: the encrypted key is damaged (${what}). Copy the whole key file into the secret again.`
  );
  let json;
  try {
    json = JSON.parse(m26$bodyBytes(block, where).toString("utf8"));
  } catch (error) {
    if (error instanceof m14$SealError) throw error;
    throw damaged("its body is not the JSON cosign writes");
  }
  if (!m16$isRecord(json) || !m16$isRecord(json.kdf) || !m16$isRecord(json.cipher))
    throw damaged("the kdf or cipher section is missing");
  const { kdf, cipher } = json;
  if (kdf.name !== "scrypt") {
    throw new m14$SealError(
      "unrecognized",
      `${where}: the encrypted key uses key derivation ${m14$quote(String(kdf.name).slice(0, 40))}; only scrypt, which cosign writes, is supported. Re-encrypt the key with "cosign import-key-pair".`
    );
  }
  if (cipher.name !== "nacl/secretbox") {
    throw new m14$SealError(
      "unrecognized",
      `${where}: the encrypted key uses cipher ${m14$quote(String(cipher.name).slice(0, 40))}; only nacl/secretbox, which cosign writes, is supported. Re-encrypt the key with "cosign import-key-pair".`
    );
  }
  const params = m16$isRecord(kdf.params) ? kdf.params : {};
  const { N: n, r, p } = params;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p))
    throw damaged("the scrypt parameters N, r and p are not all whole numbers");
  const [nn, rr, pp] = [n, r, p];
  if (nn < 2 || (nn & nn - 1) !== 0 || nn > SCRYPT_MAX_N || rr < 1 || rr > SCRYPT_MAX_R || pp < 1 || pp > SCRYPT_MAX_P || 128 * nn * rr > SCRYPT_MAX_MEMORY) {
    throw new m14$SealError(
      "refused",
      `${where}: the encrypted key asks for scrypt parameters N=${nn}, r=${rr}, p=${pp}, outside what is accepted (N a power of two up to ${SCRYPT_MAX_N}, r up to ${SCRYPT_MAX_R}, p up to ${SCRYPT_MAX_P}, 128\xB7N\xB7r bytes up to 256 MiB). Re-encrypt the key with "cosign import-key-pair".`
    );
  }
  const salt = base64Field(kdf.salt);
  const nonce = base64Field(cipher.nonce);
  const ciphertext = base64Field(json.ciphertext);
  if (salt === null || salt.length === 0) throw damaged("the salt is not base64");
  if (nonce === null || nonce.length !== import_tweetnacl.default.secretbox.nonceLength)
    throw damaged(`the nonce is not ${import_tweetnacl.default.secretbox.nonceLength} bytes of base64`);
  if (ciphertext === null || ciphertext.length <= import_tweetnacl.default.secretbox.overheadLength)
    throw damaged("the ciphertext is not base64, or too short to hold a key");
  return { salt, n: nn, r: rr, p: pp, nonce, ciphertext };
}
function openCosign(envelope, password) {
  const maxmem = 128 * envelope.n * envelope.r + 16 * 1024 * 1024;
  const key = scryptSync(Buffer.from(password, "utf8"), envelope.salt, SECRETBOX_KEY_BYTES, {
    N: envelope.n,
    r: envelope.r,
    p: envelope.p,
    maxmem
  });
  const plain = import_tweetnacl.default.secretbox.open(envelope.ciphertext, envelope.nonce, key);
  return plain === null ? null : Buffer.from(plain);
}
function passwordName(_inputName) {
  return "COSIGN_PASSWORD (or ARTIFACT_SEAL_KEY_PASSWORD)";
}
function wrongPassword(inputName, block) {
  const pw = passwordName(inputName);
  const cosign = COSIGN_LABELS.has(block.label);
  return new m14$SealError(
    "bad-input",
    `${inputName}: the password in ${pw} does not open this encrypted key ("${block.label}"). Check that ${pw} holds the password the key was encrypted with${cosign ? ' (the COSIGN_PASSWORD given to "cosign generate-key-pair")' : ""} and that both secrets belong to the same key${cosign ? "; if they do, the key text was altered: copy the whole key file into the secret again" : ""}.`
  );
}
function missingPassword(inputName, block) {
  const pw = passwordName(inputName);
  return new m14$SealError(
    "bad-input",
    `${inputName}: the key is encrypted ("${block.label}") and ${pw} is empty. Set ${pw} in the step's env from a secret${COSIGN_LABELS.has(block.label) ? ' (for a cosign key, the COSIGN_PASSWORD given to "cosign generate-key-pair")' : ""}.`
  );
}
var ED25519_V2_PREFIX = Buffer.from("3051020101300506032b657004220420", "hex");
var ED25519_V2_PUBLIC = Buffer.from("812100", "hex");
var ED25519_V1_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
function ed25519V1(der) {
  if (der.length !== 83 || !der.subarray(0, 16).equals(ED25519_V2_PREFIX) || !der.subarray(48, 51).equals(ED25519_V2_PUBLIC))
    return null;
  return {
    v1: Buffer.concat([ED25519_V1_PREFIX, der.subarray(16, 48)]),
    publicKey: der.subarray(51)
  };
}
function parseDer(der, types, inputName, what) {
  const ed25519 = types.includes("pkcs8") ? ed25519V1(der) : null;
  if (ed25519 !== null) {
    const key = createPrivateKey({ key: ed25519.v1, format: "der", type: "pkcs8" });
    if (createPublicKey(key).export({ type: "spki", format: "der" }).subarray(12).equals(ed25519.publicKey))
      return key;
    throw new m14$SealError(
      "malformed",
      `${inputName}: ${what} is an Ed25519 key whose stored public key is not its own: the key is damaged. Export the key again.`
    );
  }
  for (const type of types) {
    try {
      return createPrivateKey({ key: der, format: "der", type });
    } catch {
    }
  }
  throw new m14$SealError(
    "unrecognized",
    `${inputName}: ${what} is not a private key this tool can read (damaged, or an unsupported type). Supported keys: ${m26$SUPPORTED_KEYS}. ${m26$GENERATE_HINT}`
  );
}
function privateKeyOf(block, password, inputName) {
  if (COSIGN_LABELS.has(block.label)) {
    const envelope = cosignEnvelope(block, inputName);
    const plain = openCosign(envelope, password ?? "");
    if (plain === null)
      throw password === void 0 || password === "" ? missingPassword(inputName, block) : wrongPassword(inputName, block);
    return parseDer(plain, ["pkcs8", "sec1", "pkcs1"], inputName, "the decrypted key");
  }
  if (block.label === "ENCRYPTED PRIVATE KEY" || block.headers.some((header) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(header))) {
    if (password === void 0 || password === "") throw missingPassword(inputName, block);
    const der = block.headers.length === 0 ? m26$bodyBytes(block, inputName) : null;
    try {
      return der === null ? createPrivateKey({ key: pemText(block), format: "pem", passphrase: password }) : createPrivateKey({ key: der, format: "der", type: "pkcs8", passphrase: password });
    } catch (error) {
      if (error.code === "ERR_OSSL_BAD_DECRYPT")
        throw wrongPassword(inputName, block);
      throw new m14$SealError(
        "malformed",
        `${inputName}: the encrypted key ("${block.label}") could not be opened: it is damaged, or encrypted with a cipher OpenSSL does not offer. Check that ${passwordName(inputName)} is right, or export the key again ("openssl pkcs8 -topk8 -v2 aes-256-cbc").`
      );
    }
  }
  const type = block.label === "EC PRIVATE KEY" ? "sec1" : block.label === "RSA PRIVATE KEY" ? "pkcs1" : "pkcs8";
  return parseDer(m26$bodyBytes(block, inputName), [type], inputName, `the "${block.label}" block`);
}
function unsupportedBlock(label, where) {
  if (label === "OPENSSH PRIVATE KEY") {
    return new m14$SealError(
      "unrecognized",
      `${where}: is an OpenSSH private key, which this tool does not read. Convert an RSA or ECDSA key to PKCS#8 with "ssh-keygen -p -m PKCS8 -f FILE", or use a new key. ${m26$GENERATE_HINT}`
    );
  }
  return new m14$SealError(
    "unrecognized",
    `${where}: holds a "${label}" PEM block, which is not a private key this tool reads. Supported: ${SUPPORTED_FORMATS}. ${m26$GENERATE_HINT}`
  );
}
function readSigningKey(pemText2, password, inputName = "signing-key") {
  const text = m26$normalize(pemText2).trim();
  if (text === "")
    throw new m14$SealError(
      "bad-input",
      `${inputName}: is empty. Pass the private key's PEM text from a secret, such as "\${{ secrets.SIGNING_KEY }}". ${m26$GENERATE_HINT}`
    );
  const blocks = m26$pemBlocks(text, inputName).filter((block2) => !IGNORED_LABELS.has(block2.label));
  if (blocks.length === 0) throw m26$notPem(inputName, "PRIVATE KEY");
  const privateBlocks = blocks.filter((block2) => m26$PRIVATE_LABELS.has(block2.label));
  if (privateBlocks.length > 1)
    throw new m14$SealError(
      "bad-input",
      `${inputName}: holds ${privateBlocks.length} private keys. Pass exactly one key.`
    );
  const block = privateBlocks[0];
  if (block === void 0) {
    const first = blocks[0]?.label ?? "";
    if (m26$PUBLIC_LABELS.has(first)) {
      throw new m14$SealError(
        "bad-input",
        `${inputName}: holds a public key ("${first}"), not a private key. Pass the private key (cosign.key, or the PEM with "PRIVATE KEY" in its BEGIN line); the public key goes to public-key where the seal is verified.`
      );
    }
    if (first === "CERTIFICATE")
      throw new m14$SealError(
        "bad-input",
        `${inputName}: holds a certificate, not a private key. Pass the private key the certificate was issued for.`
      );
    throw unsupportedBlock(first, inputName);
  }
  const privateKey = privateKeyOf(block, password, inputName);
  const algorithm = m26$algorithmOf(privateKey, inputName);
  const publicKey = createPublicKey(privateKey);
  const probe = Buffer.from("artifact-seal key probe");
  const hash = algorithm === "ed25519" ? null : "sha256";
  if (!verify(hash, probe, publicKey, sign(hash, probe, privateKey))) {
    throw new m14$SealError(
      "malformed",
      `${inputName}: the private key does not match the public key stored with it: the key is damaged. Export the key again.`
    );
  }
  return {
    ...m26$material(publicKey, algorithm),
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString()
  };
}
export {
  m26$keyHint as keyHint,
  m26$looksLikePem as looksLikePem,
  m26$readPublicKey as readPublicKey,
  readSigningKey
};
