import {
  SealError
} from "./chunk-KQET6ZTM.js";

// src/app/signing.ts
async function prepareSigning(settings, env) {
  if (settings.mode === "none") return { kind: "none", notice: null };
  if (settings.mode === "key") {
    if (settings.key === null) throw new Error("unreachable: sign: key without a key");
    const { readSigningKey } = await import("./signing-key-RFWY7IST.js");
    const key = readSigningKey(settings.key.pem, settings.key.password, settings.key.inputName);
    const { signStatement: signStatement2 } = await import("./sign-statement-QREHDJAQ.js");
    const { keySigner } = await import("./key-signer-5N4HAYJJ.js");
    const signer = keySigner(key);
    return {
      kind: "key",
      jobWorkflowRef: null,
      sign: async (statement) => {
        const bundle = await signStatement2(statement, { kind: "key", signer });
        return { json: `${JSON.stringify(bundle, null, 2)}
`, bundle, signer: `key:${key.hint}`, kind: "key" };
      }
    };
  }
  const { getOidcToken } = await import("./oidc-token-3NLTU3US.js");
  const token = await getOidcToken();
  if (token.kind === "unavailable") {
    if (settings.mode === "keyless") throw new SealError(`sign: keyless: ${token.reason} Grant "attestations: write" too, or sign with a key (sign: key).`);
    return { kind: "none", notice: `Not signed. ${token.reason} Grant "attestations: write" too, so the signature is stored in the repository's attestations.` };
  }
  const { chooseSigstoreInstance, readEventVisibility } = await import("./sigstore-instance-3TYAA2QI.js");
  const { signStatement } = await import("./sign-statement-QREHDJAQ.js");
  const instance = chooseSigstoreInstance({
    visibility: token.claims.repository_visibility ?? readEventVisibility(env.GITHUB_EVENT_PATH) ?? null,
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    ...settings.endpoints
  });
  const jobWorkflowRef = token.claims.job_workflow_ref ?? null;
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  return {
    kind: "keyless",
    jobWorkflowRef,
    sign: async (statement) => {
      const bundle = await signStatement(statement, { kind: "keyless", instance, token: token.token });
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
  if (build.kind !== "workflow" || signing.kind !== "keyless" || signing.jobWorkflowRef === null) return build;
  return { kind: "workflow", build: { ...build.build, jobWorkflowRef: signing.jobWorkflowRef } };
}

export {
  prepareSigning,
  withSigningWorkflow
};
