import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  SignerInput,
  SigningInput,
  readSignerCheckSettings,
  readSigningSettings
} from "./chunk-PURSDPP7.js";
import {
  SealError,
  quote
} from "./chunk-KQET6ZTM.js";

// src/cli/signing-options.ts
import * as fs from "node:fs";
import * as path from "node:path";
var SIGNING_OPTIONS = {
  sign: { type: "string" },
  "signing-key": { type: "string" },
  "fulcio-url": { type: "string" },
  "rekor-url": { type: "string" },
  "tsa-url": { type: "string" }
};
var SIGNING_USAGE = `  --sign MODE        auto (default: --signing-key when given, keyless on a runner that
                     can mint an OIDC token, else unsigned), keyless, key or none
  --signing-key FILE a private key (PEM, or cosign's encrypted key: the password is read
                     from ARTIFACT_SEAL_KEY_PASSWORD or COSIGN_PASSWORD)
  --fulcio-url, --rekor-url, --tsa-url URL   the Sigstore services for keyless signing`;
var SIGNER_OPTIONS = {
  "signer-repository": { type: "string" },
  "signer-workflow": { type: "string" },
  "source-ref": { type: "string" },
  "cert-oidc-issuer": { type: "string" },
  "deny-self-hosted-runners": { type: "boolean" },
  "public-key": { type: "string" },
  "trusted-root": { type: "string" },
  "require-signature": { type: "boolean" }
};
var SIGNER_USAGE = `  --public-key FILE          the public key of a key-signed seal (PEM, cosign.pub)
  --trusted-root FILE        a Sigstore trusted_root.json for keyless seals, offline
  --signer-repository O/R    the repository whose workflow signed (default: this
                             repository on a runner)
  --signer-workflow PATH     .github/workflows/release.yml[@ref]
  --source-ref REF           refs/heads/main, refs/tags/v1.2.3
  --cert-oidc-issuer URL     the OIDC issuer the certificate names
  --deny-self-hosted-runners refuse a seal signed on a self-hosted runner
  --require-signature        refuse an unsigned seal`;
function asInputs(values, names) {
  return (name) => {
    if (!names.includes(name)) return "";
    const value = values[name];
    return typeof value === "string" ? value : value === true ? "true" : "";
  };
}
function readCliSigning(values, cwd, env) {
  const keyFile = values["signing-key"];
  let keyText = "";
  if (typeof keyFile === "string") {
    try {
      keyText = fs.readFileSync(path.resolve(cwd, keyFile), "utf8");
    } catch (error) {
      throw new SealError(`--signing-key: cannot read ${quote(keyFile)} (${error.code ?? String(error)}). Give the path of the private key's PEM file.`);
    }
  }
  const password = env.ARTIFACT_SEAL_KEY_PASSWORD ?? env.COSIGN_PASSWORD ?? "";
  const names = Object.values(SigningInput);
  const inputs = asInputs(values, names);
  return readSigningSettings((name) => name === SigningInput.SigningKey ? keyText : name === SigningInput.SigningKeyPassword ? keyText === "" ? "" : password : inputs(name));
}
function readCliSignerCheck(values, cwd, env) {
  return readSignerCheckSettings(asInputs(values, Object.values(SignerInput)), env, cwd);
}
async function cliCheckpointSigning(values, terminal) {
  if (values["signing-key"] === void 0) return void 0;
  const { prepareSigning } = await import("./signing-CAIJJB2H.js");
  return prepareSigning(readCliSigning({ sign: "key", "signing-key": values["signing-key"] }, terminal.cwd, terminal.env), terminal.env);
}

export {
  SIGNING_OPTIONS,
  SIGNING_USAGE,
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  readCliSigning,
  readCliSignerCheck,
  cliCheckpointSigning
};
