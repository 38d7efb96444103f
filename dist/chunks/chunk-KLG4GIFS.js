import {
  SignerInput,
  SigningInput
} from "./chunk-HX32U3OM.js";
import {
  parseTufMirrors
} from "./chunk-ZZLLLLET.js";
import {
  looksLikePem,
  readPublicKey
} from "./chunk-IC4VXBDO.js";
import {
  SealError,
  quote
} from "./chunk-COPLKY7P.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";

// src/app/settings/inputs.ts
function parseBooleanInput(name, value, fallback) {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new SealError("bad-input", `${name}: ${quote(value)} is not a boolean. Use true or false.`);
}

// src/app/settings/signing-settings.ts
var SIGN_MODES = ["auto", "keyless", "key", "none"];
function readSigningSettings(getInput, defaultMode = "auto") {
  const input = (name) => getInput(name).trim();
  const modeText = input(SigningInput.Sign).toLowerCase();
  if (modeText !== "" && !SIGN_MODES.includes(modeText)) {
    throw new SealError(
      "bad-input",
      `${SigningInput.Sign}: ${quote(getInput(SigningInput.Sign))} is not a signing mode. Use auto (keyless when the job has "id-token: write", else unsigned), keyless (a Sigstore certificate for the workflow), key (signing-key from a secret) or none.`
    );
  }
  const keyText = getInput(SigningInput.SigningKey);
  const password = getInput(SigningInput.SigningKeyPassword);
  const hasKey = keyText.trim() !== "";
  let mode = modeText === "" ? defaultMode : modeText;
  if (hasKey && (modeText === "" || modeText === "auto")) mode = "key";
  if (mode === "key" && !hasKey) {
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: required with "${SigningInput.Sign}: key". Pass the private key's PEM text from a secret, such as "\${{ secrets.SIGNING_KEY }}", or use sign: keyless on GitHub-hosted runners.`
    );
  }
  if (hasKey && mode !== "key") {
    throw new SealError("bad-input", `${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or set it to key, or remove the key.`);
  }
  if (password !== "" && !hasKey) {
    throw new SealError("bad-input", `${SigningInput.SigningKeyPassword}: goes with ${SigningInput.SigningKey}, which is empty. Pass the encrypted key too, or remove the password.`);
  }
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey ? { pem: keyText, password: password === "" ? void 0 : password, inputName: SigningInput.SigningKey } : null,
    endpoints: {
      fulcioUrl: readUrl(input, SigningInput.FulcioUrl),
      rekorUrl: readUrl(input, SigningInput.RekorUrl),
      tsaUrl: readUrl(input, SigningInput.TsaUrl)
    }
  };
}
function readUrl(input, name) {
  const text = input(name);
  if (text === "") return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SealError("bad-input", `${name}: ${quote(text)} is not an http(s) URL. Give the service's base URL, such as "https://fulcio.sigstore.dev", or leave it empty for the default.`);
  }
  return text.replace(/\/+$/, "");
}
function readSignerCheckSettings(getInput, env, workspace) {
  const input = (name) => getInput(name).trim();
  const repository = input(SignerInput.SignerRepository);
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError("bad-input", `${SignerInput.SignerRepository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`);
  }
  const workflow = input(SignerInput.SignerWorkflow);
  if (workflow !== "" && !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(workflow)) {
    throw new SealError(
      "bad-input",
      `${SignerInput.SignerWorkflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ".github/workflows/release.yml", optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable workflow in another repository.`
    );
  }
  const sourceRef = input(SignerInput.SourceRef);
  if (sourceRef !== "" && !/^refs\/\S+$/.test(sourceRef)) {
    throw new SealError("bad-input", `${SignerInput.SourceRef}: ${quote(sourceRef)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`);
  }
  const issuer = input(SignerInput.CertOidcIssuer);
  if (issuer !== "" && !(URL.canParse(issuer) && new URL(issuer).protocol === "https:")) {
    throw new SealError("bad-input", `${SignerInput.CertOidcIssuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as "https://token.actions.githubusercontent.com".`);
  }
  const deny = parseBooleanInput(SignerInput.DenySelfHostedRunners, getInput(SignerInput.DenySelfHostedRunners), false);
  const requireText = input(SignerInput.RequireSignature);
  const trustedRoot = input(SignerInput.TrustedRoot);
  const tufMirrors = parseTufMirrors(getInput(SignerInput.TufMirrors), workspace, SignerInput.TufMirrors);
  if (trustedRoot !== "" && tufMirrors !== null) {
    throw new SealError(
      "bad-input",
      `${SignerInput.TufMirrors}: given with ${SignerInput.TrustedRoot}, which is a pinned root that nothing is fetched for. Give one: ${SignerInput.TrustedRoot} for a file, or ${SignerInput.TufMirrors} for the TUF repositories to fetch it from.`
    );
  }
  const named = [
    [SignerInput.SignerRepository, repository],
    [SignerInput.SignerWorkflow, workflow],
    [SignerInput.SourceRef, sourceRef],
    [SignerInput.CertOidcIssuer, issuer],
    [SignerInput.DenySelfHostedRunners, deny ? "true" : ""],
    [SignerInput.PublicKey, input(SignerInput.PublicKey)],
    [SignerInput.TrustedRoot, trustedRoot],
    [SignerInput.TufMirrors, tufMirrors === null ? "" : "given"]
  ].filter(([, value]) => value !== "").map(([name]) => name);
  const requireSignature = requireText === "" ? null : parseBooleanInput(SignerInput.RequireSignature, requireText, false);
  if (requireSignature === false && named.length > 0) {
    throw new SealError(
      "bad-input",
      `${SignerInput.RequireSignature}: false, but ${named.join(", ")} ${named.length === 1 ? "names" : "name"} a signer or what to trust, which always requires a signature. Remove ${SignerInput.RequireSignature} to check the signature, or remove ${named.join(", ")} to accept unsigned seals.`
    );
  }
  return {
    repository: repository !== "" ? repository : env.GITHUB_REPOSITORY ?? null,
    workflow: workflow === "" ? null : workflow,
    sourceRef: sourceRef === "" ? null : sourceRef,
    issuer: issuer === "" ? null : issuer,
    denySelfHostedRunners: deny,
    publicKey: readPublicKeyInput(getInput(SignerInput.PublicKey), workspace),
    trustedRootFile: trustedRoot === "" ? null : resolve(workspace, trustedRoot),
    tufMirrors,
    requireSignature,
    named,
    asksForSigner: named.length > 0
  };
}
function signatureRequired(settings, policyAsks) {
  if (policyAsks && settings.requireSignature === false) {
    throw new SealError(
      "bad-input",
      `${SignerInput.RequireSignature}: false, but the promotion policy names a signer (signed-by) for this environment, which always requires a signature. Remove ${SignerInput.RequireSignature}, or the environment's signed-by.`
    );
  }
  return policyAsks || settings.asksForSigner || settings.requireSignature === true;
}
function requirementReason(settings, policyAsks, asFlags = false) {
  const name = (input) => asFlags ? `--${input === SignerInput.TufMirrors ? "tuf-mirror" : input}` : input;
  const named = settings.named.map(name);
  if (named.length > 0) return `${named.join(", ")} ${named.length === 1 ? "names" : "name"} a signer or what to trust`;
  if (policyAsks) return "the promotion policy's signed-by names a signer";
  return `${name(SignerInput.RequireSignature)} asks for one`;
}
function readPublicKeyInput(value, workspace) {
  const text = value.trim();
  if (text === "") return null;
  if (looksLikePem(text)) return readPublicKey(text, SignerInput.PublicKey);
  const file = resolve(workspace, text);
  let pem;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(
      "bad-input",
      `${SignerInput.PublicKey}: ${quote(text)} is neither PEM text nor a readable file (${error.code ?? String(error)}). Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026") or the path of a .pub / .pem file.`,
      { cause: error }
    );
  }
  return readPublicKey(pem, `${SignerInput.PublicKey} ${quote(text)}`);
}

// src/cli/signing-options.ts
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
var RECORD_SIGNING_USAGE = `  --sign MODE        none (default: records are not signed), key (with --signing-key,
                     which alone means key too) or keyless (on a runner that can mint
                     an OIDC token)
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
  "tuf-mirror": { type: "string", multiple: true },
  "require-signature": { type: "boolean" }
};
var SIGNER_USAGE = `  --public-key FILE          the public key of a key-signed seal (PEM, cosign.pub)
  --trusted-root FILE        a Sigstore trusted_root.json for keyless seals, offline
  --tuf-mirror 'URL ROOT'    a TUF repository to fetch the trusted root from instead of
                             Sigstore's and GitHub's, with the path of its root.json
                             (repeat for several; a private or air-gapped mirror)
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
    if (Array.isArray(value)) return value.join("\n");
    return typeof value === "string" ? value : value === true ? "true" : "";
  };
}
function readCliSigning(values, cwd, env) {
  const keyFile = values["signing-key"];
  let keyText = "";
  if (typeof keyFile === "string") {
    try {
      keyText = readFileSync(resolve(cwd, keyFile), "utf8");
    } catch (error) {
      throw new SealError("unreadable", `--signing-key: cannot read ${quote(keyFile)} (${error.code ?? String(error)}). Give the path of the private key's PEM file.`, { cause: error });
    }
  }
  const password = env.ARTIFACT_SEAL_KEY_PASSWORD ?? env.COSIGN_PASSWORD ?? "";
  const names = Object.values(SigningInput);
  const inputs = asInputs(values, names);
  return readSigningSettings((name) => name === SigningInput.SigningKey ? keyText : name === SigningInput.SigningKeyPassword ? keyText === "" ? "" : password : inputs(name));
}
function readCliSignerCheck(values, cwd, env) {
  const inputs = asInputs(values, [...Object.values(SignerInput), "tuf-mirror"]);
  return readSignerCheckSettings((name) => inputs(name === SignerInput.TufMirrors ? "tuf-mirror" : name), env, cwd);
}
async function cliCheckpointSigning(values, terminal) {
  if (values["signing-key"] === void 0) return void 0;
  const { prepareSigning } = await import("./signing-JVAIYQUG.js");
  return prepareSigning(readCliSigning({ sign: "key", "signing-key": values["signing-key"] }, terminal.cwd, terminal.env), terminal.env);
}

export {
  signatureRequired,
  requirementReason,
  SIGNING_OPTIONS,
  SIGNING_USAGE,
  RECORD_SIGNING_USAGE,
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  readCliSigning,
  readCliSignerCheck,
  cliCheckpointSigning
};
