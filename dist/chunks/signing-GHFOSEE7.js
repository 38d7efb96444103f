import "./chunk-ULEFO6FB.js";

// stand-in:promote-post:src/core/vocabulary.ts:src/attestation/oidc-token.ts
import { m29$ACTION_VOCABULARY, m29$capitalized, m29$speakAs, m29$words } from "../promote/post-core.js";

// stand-in:promote-post:src/core/errors.ts:src/attestation/oidc-token.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/post-core.js";

// src/attestation/oidc-token.ts?promote-post
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
    throw new m14$SealError(
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
    const detail = m14$messageOf(error).replace(/\s+/g, " ").trim();
    throw new m14$SealError(
      "denied",
      `The runner's OIDC token endpoint ${m14$quote(endpointOf(url))} refused a token for audience ${m14$quote(audience)}: ${detail}. Check that the job has "${ID_TOKEN_PERMISSION}"; re-run the job if the endpoint was unavailable.`
    );
  }
  return { kind: "token", token, claims: decodeOidcClaims(token) };
}
async function commandsToStderrFromCli(work) {
  if (m29$words().caller !== "cli") return work();
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr);
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

// stand-in:promote-post:src/core/errors.ts:src/app/signature/signing.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../promote/post-core.js";

// stand-in:promote-post:src/core/env.ts:src/app/signature/signing.ts
import { m13$DEFAULT_API_URL, m13$DEFAULT_SERVER_URL, m13$apiUrlOf, m13$serverUrlOf } from "../promote/post-core.js";

// src/app/signature/signing.ts?promote-post
async function prepareSigning(settings, env) {
  if (settings.mode === "none") return { kind: "none", notice: null };
  if (settings.mode === "key") {
    if (settings.key === null) throw new Error("unreachable: sign: key without a key");
    const { readSigningKey } = await import("./signing-key-22K2JREZ.js");
    const key = readSigningKey(settings.key.pem, settings.key.password, settings.key.inputName);
    const { signStatement: signStatement2 } = await import("./sign-statement-LHTWT2NF.js");
    const { keySigner } = await import("./key-signer-JI6X4RDX.js");
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
      throw new m14$SealError2(
        "denied",
        `sign: keyless: ${token.reason} Grant "attestations: write" too, or sign with a key (sign: key).`
      );
    return {
      kind: "none",
      notice: `Not signed. ${token.reason} Grant "attestations: write" too, so the signature is stored in the repository's attestations.`
    };
  }
  const { chooseSigstoreInstance, readEventVisibility } = await import("./sigstore-instance-JDD5ERCK.js");
  const { signStatement } = await import("./sign-statement-LHTWT2NF.js");
  const instance = chooseSigstoreInstance({
    visibility: token.claims.repository_visibility ?? readEventVisibility(env.GITHUB_EVENT_PATH) ?? null,
    serverUrl: m13$serverUrlOf(env),
    ...settings.endpoints
  });
  const jobWorkflowRef = token.claims.job_workflow_ref ?? null;
  const serverUrl = m13$serverUrlOf(env);
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
