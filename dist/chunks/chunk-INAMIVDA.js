import {
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  words
} from "./chunk-5B26CPAT.js";
import {
  SealError,
  messageOf,
  quote
} from "./chunk-C7O7QJOZ.js";

// src/attestation/oidc-token.ts
var SIGSTORE_AUDIENCE = "sigstore";
var ID_TOKEN_PERMISSION = "permissions: id-token: write";
function decodeOidcClaims(token) {
  const payload = token.split(".")[1];
  let claims;
  try {
    claims = payload === void 0 ? void 0 : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    claims = void 0;
  }
  const c = claims;
  if (typeof c !== "object" || c === null || typeof c.iss !== "string" || typeof c.sub !== "string") {
    throw new SealError(
      "unavailable",
      `The OIDC token the runner returned is not a JWT with "iss" and "sub" claims, so it cannot identify the job to Fulcio. Re-run the job; if it persists, the runner's token service is misbehaving.`
    );
  }
  return c;
}
function endpointOf(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}
async function getOidcToken(audience = SIGSTORE_AUDIENCE) {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !requestToken) {
    return {
      kind: "unavailable",
      reason: `The job cannot mint an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). Add "${ID_TOKEN_PERMISSION}" to the job (or the workflow) to sign keyless; pull requests from forks never get one.`
    };
  }
  let token;
  try {
    const core = await import("./core-EUPLCFUX.js");
    token = await commandsToStderrFromCli(() => core.getIDToken(audience));
  } catch (error) {
    const detail = messageOf(error).replace(/\s+/g, " ").trim();
    throw new SealError(
      "denied",
      `The runner's OIDC token endpoint ${quote(endpointOf(url))} refused a token for audience ${quote(audience)}: ${detail}. Check that the job has "${ID_TOKEN_PERMISSION}"; re-run the job if the endpoint was unavailable.`
    );
  }
  return { kind: "token", token, claims: decodeOidcClaims(token) };
}
async function commandsToStderrFromCli(work) {
  if (words().caller !== "cli") return work();
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr);
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

// src/app/signature/signing.ts
async function prepareSigning(settings, env) {
  if (settings.mode === "none") return { kind: "none", notice: null };
  if (settings.mode === "key") {
    if (settings.key === null) throw new Error("unreachable: sign: key without a key");
    const { readSigningKey } = await import("./signing-key-I6POB2GZ.js");
    const key = readSigningKey(settings.key.pem, settings.key.password, settings.key.inputName);
    const { signStatement: signStatement2 } = await import("./sign-statement-CGAZQR4U.js");
    const { keySigner } = await import("./key-signer-GAEQJZKB.js");
    const signer = keySigner(key);
    return {
      kind: "key",
      jobWorkflowRef: null,
      sign: async (statement) => {
        const bundle = await signStatement2(statement, { kind: "key", signer });
        return {
          json: `${JSON.stringify(bundle, null, 2)}
`,
          bundle,
          signer: `key:${key.hint}`,
          kind: "key"
        };
      }
    };
  }
  const token = await getOidcToken();
  if (token.kind === "unavailable") {
    if (settings.mode === "keyless")
      throw new SealError(
        "denied",
        `sign: keyless: ${token.reason} Grant "attestations: write" too, or sign with a key (sign: key).`
      );
    return {
      kind: "none",
      notice: `Not signed. ${token.reason} Grant "attestations: write" too, so the signature is stored in the repository's attestations.`
    };
  }
  const { chooseSigstoreInstance, readEventVisibility } = await import("./sigstore-instance-X55DSKRU.js");
  const { signStatement } = await import("./sign-statement-CGAZQR4U.js");
  const instance = chooseSigstoreInstance({
    visibility: token.claims.repository_visibility ?? readEventVisibility(env.GITHUB_EVENT_PATH) ?? null,
    serverUrl: serverUrlOf(env),
    ...settings.endpoints
  });
  const jobWorkflowRef = token.claims.job_workflow_ref ?? null;
  const serverUrl = serverUrlOf(env);
  return {
    kind: "keyless",
    jobWorkflowRef,
    sign: async (statement) => {
      const bundle = await signStatement(statement, {
        kind: "keyless",
        instance,
        token: token.token
      });
      return {
        json: `${JSON.stringify(bundle, null, 2)}
`,
        bundle,
        // Fulcio puts the job's workflow in the certificate; the token says which one it is.
        signer: jobWorkflowRef === null ? token.claims.sub : `${serverUrl}/${jobWorkflowRef}`,
        kind: "keyless"
      };
    }
  };
}
function withSigningWorkflow(build, signing) {
  if (build.kind !== "workflow" || signing.kind !== "keyless" || signing.jobWorkflowRef === null)
    return build;
  return { kind: "workflow", build: { ...build.build, jobWorkflowRef: signing.jobWorkflowRef } };
}

export {
  prepareSigning,
  withSigningWorkflow
};
