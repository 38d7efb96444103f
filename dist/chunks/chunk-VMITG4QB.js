import {
  parseTufMirrors
} from "./chunk-QT7LC6PH.js";
import {
  SigningEnv,
  SigningInput
} from "./chunk-VYT43C5Q.js";
import {
  looksLikePem,
  readPublicKey
} from "./chunk-LIQ7BNBL.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";

// src/app/settings/signing-settings.ts
var SIGN_MODES = ["auto", "keyless", "key", "none"];
function readSigningSettings(getInput, env, defaultMode = "auto") {
  const modeText = getInput(SigningInput.Sign).trim().toLowerCase();
  if (modeText !== "" && !SIGN_MODES.includes(modeText)) {
    throw new SealError(
      "bad-input",
      `${SigningInput.Sign}: ${quote(getInput(SigningInput.Sign))} is not a signing mode. Use auto (keyless when the job has "id-token: write", else unsigned), keyless (a Sigstore certificate for the workflow) or none; a ${SigningInput.SigningKey} signs with that key.`
    );
  }
  const keyText = getInput(SigningInput.SigningKey);
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
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or remove the key.`
    );
  }
  const password = env[SigningEnv.KeyPassword] || env[SigningEnv.CosignPassword] || "";
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey ? {
      pem: keyText,
      password: password === "" ? void 0 : password,
      inputName: SigningInput.SigningKey
    } : null,
    endpoints: {
      fulcioUrl: readUrl(env, SigningEnv.FulcioUrl),
      rekorUrl: readUrl(env, SigningEnv.RekorUrl),
      tsaUrl: readUrl(env, SigningEnv.TsaUrl)
    }
  };
}
function readUrl(env, name) {
  const text = (env[name] ?? "").trim();
  if (text === "") return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is not an http(s) URL. Set the service's base URL, such as "https://fulcio.sigstore.dev", or unset it for the default.`
    );
  }
  return text.replace(/\/+$/, "");
}
function signerCheckSettings(fields, names, env, workspace, requireSignature = null) {
  const { repository, workflow, ref, issuer, trustedRoot } = fields;
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    );
  }
  if (workflow !== "" && !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(
    workflow
  )) {
    throw new SealError(
      "bad-input",
      `${names.workflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ".github/workflows/release.yml", optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable workflow in another repository.`
    );
  }
  if (ref !== "" && !/^refs\/\S+$/.test(ref)) {
    throw new SealError(
      "bad-input",
      `${names.ref}: ${quote(ref)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`
    );
  }
  if (issuer !== "" && !(URL.canParse(issuer) && new URL(issuer).protocol === "https:")) {
    throw new SealError(
      "bad-input",
      `${names.issuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as "https://token.actions.githubusercontent.com".`
    );
  }
  const tufMirrors = parseTufMirrors(fields.tufMirrors, workspace, names.tufMirrors);
  if (trustedRoot !== "" && tufMirrors !== null) {
    throw new SealError(
      "bad-input",
      `${names.tufMirrors}: given with ${names.trustedRoot}, which is a pinned root that nothing is fetched for. Give one: ${names.trustedRoot} for a file, or ${names.tufMirrors} for the TUF repositories to fetch it from.`
    );
  }
  const given = {
    repository: repository !== "",
    workflow: workflow !== "",
    ref: ref !== "",
    issuer: issuer !== "",
    githubHostedOnly: fields.githubHostedOnly,
    key: fields.key.trim() !== "",
    trustedRoot: trustedRoot !== "",
    tufMirrors: tufMirrors !== null
  };
  const named = Object.keys(given).filter((field) => given[field]).map((field) => names[field]);
  if (requireSignature === false && named.length > 0) {
    throw new SealError(
      "bad-input",
      `--require-signature=false, but ${named.join(", ")} ${named.length === 1 ? "names" : "name"} a signer or what to trust, which always requires a signature. Remove it to check the signature, or remove ${named.join(", ")} to accept unsigned seals.`
    );
  }
  const keyOnly = given.key && !given.repository && !given.workflow;
  return {
    repository: repository !== "" ? repository : keyOnly ? null : env.GITHUB_REPOSITORY ?? null,
    workflow: workflow === "" ? null : workflow,
    sourceRef: ref === "" ? null : ref,
    issuer: issuer === "" ? null : issuer,
    denySelfHostedRunners: fields.githubHostedOnly,
    publicKey: readPublicKeyText(fields.key, workspace, names.key),
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
      "--require-signature=false, but the promotion policy names a signer (signed-by) for this environment, which always requires a signature. Remove it, or the environment's signed-by."
    );
  }
  return policyAsks || settings.asksForSigner || settings.requireSignature === true;
}
function requirementReason(settings, policyAsks) {
  const named = settings.named;
  if (named.length > 0)
    return `${named.join(", ")} ${named.length === 1 ? "names" : "name"} a signer or what to trust`;
  if (policyAsks) return "the promotion policy's signed-by names a signer";
  return "--require-signature asks for one";
}
function readPublicKeyText(value, workspace, name) {
  const text = value.trim();
  if (text === "") return null;
  if (looksLikePem(text)) return readPublicKey(text, name);
  const file = resolve(workspace, text);
  let pem;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is neither PEM text nor a readable file (${error.code ?? String(error)}). Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026") or the path of a .pub / .pem file.`,
      { cause: error }
    );
  }
  return readPublicKey(pem, `${name} ${quote(text)}`);
}

// src/cli/signing-options.ts
var SIGNING_OPTIONS = {
  sign: { type: "string" },
  "signing-key": { type: "string" }
};
var SIGNING_USAGE = `  --sign MODE        auto (default: --signing-key when given, keyless on a runner that
                     can mint an OIDC token, else unsigned), keyless, key or none
  --signing-key FILE a private key (PEM, or cosign's encrypted key: the password is read
                     from ARTIFACT_SEAL_KEY_PASSWORD or COSIGN_PASSWORD)
  A private Sigstore instance for keyless signing: ARTIFACT_SEAL_FULCIO_URL,
  ARTIFACT_SEAL_REKOR_URL and ARTIFACT_SEAL_TSA_URL in the environment`;
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
      throw new SealError(
        "unreadable",
        `--signing-key: cannot read ${quote(keyFile)} (${error.code ?? String(error)}). Give the path of the private key's PEM file.`,
        { cause: error }
      );
    }
  }
  const inputs = asInputs(values, Object.values(SigningInput));
  return readSigningSettings(
    (name) => name === SigningInput.SigningKey ? keyText : inputs(name),
    env
  );
}
var SIGNER_FLAGS = {
  repository: "--signer-repository",
  workflow: "--signer-workflow",
  ref: "--source-ref",
  issuer: "--cert-oidc-issuer",
  githubHostedOnly: "--deny-self-hosted-runners",
  key: "--public-key",
  trustedRoot: "--trusted-root",
  tufMirrors: "--tuf-mirror"
};
function readCliSignerCheck(values, cwd, env) {
  const text = (flag) => {
    const value = values[flag];
    if (Array.isArray(value)) return value.join("\n");
    return typeof value === "string" ? value.trim() : "";
  };
  const require2 = values["require-signature"];
  return signerCheckSettings(
    {
      repository: text("signer-repository"),
      workflow: text("signer-workflow"),
      ref: text("source-ref"),
      issuer: text("cert-oidc-issuer"),
      githubHostedOnly: values["deny-self-hosted-runners"] === true,
      key: text("public-key"),
      trustedRoot: text("trusted-root"),
      tufMirrors: text("tuf-mirror")
    },
    SIGNER_FLAGS,
    env,
    cwd,
    typeof require2 === "boolean" ? require2 : null
  );
}
async function cliCheckpointSigning(values, terminal) {
  if (values["signing-key"] === void 0) return void 0;
  const { prepareSigning } = await import("./signing-2VUYPIZ7.js");
  return prepareSigning(
    readCliSigning(
      { sign: "key", "signing-key": values["signing-key"] },
      terminal.cwd,
      terminal.env
    ),
    terminal.env
  );
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
