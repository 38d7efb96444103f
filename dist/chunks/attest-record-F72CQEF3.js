import {
  verificationSummary
} from "./chunk-R2DDLSAQ.js";
import {
  writeRecordAttestation
} from "./chunk-PEENHNVN.js";
import "./chunk-7EN7PEUO.js";
import "./chunk-LYSN4LFY.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import {
  apiUrlOf,
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import {
  hexOf,
  sha256Digest
} from "./chunk-KRR2HU2L.js";
import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  pathToFileURL
} from "./chunk-NMCTWTTT.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-VF62UBY7.js";
import {
  basename,
  isAbsolute
} from "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/app/promote/attest-record.ts
function recordAttester(signing, context) {
  return async (record, decision, signature) => {
    const statement = verificationSummary({
      digest: hexOf(record.digest),
      subjectName: record.name ?? hexOf(record.digest).slice(0, 12),
      verifierId: verifierId(context.env),
      verifierVersion: VERSION,
      timeVerified: (/* @__PURE__ */ new Date()).toISOString(),
      resourceUri: resourceUri(record.environment, context),
      policy: {
        uri: policyUri(context),
        digest: context.policy.digest === void 0 ? null : { sha256: context.policy.digest }
      },
      inputAttestations: signature?.status === "verified" ? [
        {
          uri: inputUri(signature.source, record, context.env),
          digest: { sha256: hexOf(signature.bundleDigest) }
        }
      ] : [],
      result: record.outcome === "pending" ? "PASSED" : "FAILED",
      verifiedLevels: levelsOf(record, signature),
      extension: {
        environment: record.environment,
        outcome: record.outcome,
        mode: record.mode,
        key: record.key,
        reason: record.reason,
        checks: (decision?.checks ?? []).map((c) => ({
          rule: c.rule,
          environment: c.environment,
          passed: c.passed
        })),
        // The contract the digest carries and the amendment judged, signed with the decision they led to.
        ...record.contract ? { contract: record.contract } : {},
        ...record.amendment ? { amendment: record.amendment } : {}
      }
    });
    const signed = await signing.sign(statement);
    context.onSigned?.(record, signed.json);
    const digest = sha256Digest(signed.json);
    if (signing.kind === "keyless" && context.env.GITHUB_REPOSITORY && context.token !== "") {
      const { storeAttestation } = await import("./attestations-api-IYZDQYVU.js");
      const stored = await storeAttestation(signed.bundle, {
        env: context.env,
        token: context.token,
        tokenInput: context.tokenInput ?? "github-token"
      });
      return {
        uri: stored.url,
        digest: sha256Digest(JSON.stringify(signed.bundle)),
        id: stored.id === null ? null : String(stored.id)
      };
    }
    if (context.ledger.kind !== "file") {
      throw new SealError(
        "bad-input",
        `The record's verification summary is signed but has nowhere to go: the github ledger keeps signed records in the repository's attestations API, which needs a job on GitHub with github-token ("attestations: write"). Give the token, or set sign: none.`
      );
    }
    const uri = writeRecordAttestation(
      context.ledger.file,
      record.key,
      signed.json,
      (why, file) => new SealError(
        "unreadable",
        `cannot write the record's signed verification summary to ${quote(file)} (${why}). Make the ledger's directory writable.`
      )
    );
    return { uri, digest, id: null };
  };
}
function inputUri(source, record, env) {
  if (isAbsolute(source)) return pathToFileURL(source).href;
  if (URL.canParse(source) && /^[a-z][a-z0-9+.-]*:/.test(source)) return source;
  const api = apiUrlOf(env);
  return `${api}/repos/${env.GITHUB_REPOSITORY ?? "unknown/unknown"}/attestations/${record.digest}`;
}
function verifierId(env) {
  const server = serverUrlOf(env);
  if (env.GITHUB_ACTION_REPOSITORY)
    return `${server}/${env.GITHUB_ACTION_REPOSITORY}/promote${env.GITHUB_ACTION_REF ? `@${env.GITHUB_ACTION_REF}` : ""}`;
  return `pkg:npm/artifact-seal@${VERSION}`;
}
function resourceUri(environment, context) {
  const { env } = context;
  if (context.ledger.kind === "github" && env.GITHUB_REPOSITORY) {
    return `${serverUrlOf(env)}/${env.GITHUB_REPOSITORY}/deployments/${encodeURIComponent(environment)}`;
  }
  const ledger = context.ledger.kind === "file" ? basename(context.ledger.file) : "ledger";
  return `urn:artifact-seal:${encodeURIComponent(ledger)}:environment:${encodeURIComponent(environment)}`;
}
function policyUri(context) {
  const { env } = context;
  const file = context.policy.source;
  if (env.GITHUB_REPOSITORY && env.GITHUB_SHA)
    return `git+${serverUrlOf(env)}/${env.GITHUB_REPOSITORY}@${env.GITHUB_SHA}#${file}`;
  return `file:${file}`;
}
function levelsOf(record, signature) {
  if (record.outcome !== "pending") return ["FAILED"];
  if (signature?.status === "verified" && signature.signer.kind === "certificate" && signature.signer.identity.runnerEnvironment === "github-hosted")
    return ["SLSA_BUILD_LEVEL_2"];
  return ["SLSA_BUILD_LEVEL_UNEVALUATED"];
}
export {
  recordAttester
};
