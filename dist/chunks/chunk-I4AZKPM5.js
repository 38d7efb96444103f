import {
  parseDigest
} from "./chunk-MQKQALL5.js";
import {
  SealError,
  quote
} from "./chunk-LM3HRDQW.js";

// src/core/promotion/record.ts
var OUTCOMES = ["pending", "deployed", "rolled-back", "failed", "abandoned", "refused", "vetoed"];
var RESOLUTIONS = ["deployed", "rolled-back", "failed", "abandoned"];
var DEFAULT_PENDING_TIMEOUT_MS = 6 * 60 * 60 * 1e3;
function makesLive(outcome) {
  return outcome === "deployed" || outcome === "rolled-back";
}
function confirmedOutcome(mode) {
  return mode === "rollback" ? "rolled-back" : "deployed";
}

// src/stores/ledger/ledger.ts
function wrongEnvironment(pending, request, location) {
  if (request.environment == null || request.environment === "" || request.environment === pending.environment) return null;
  return new SealError(
    `${location}: record ${request.id} is a promotion of ${pending.digest} to ${quote(pending.environment)}, not to the environment given, ${quote(request.environment)}; nothing was recorded. Give the record-id the promote step for ${quote(request.environment)} put out, or leave the environment out.`
  );
}

// src/stores/ledger/record-codec.ts
var MODES = ["promote", "rollback"];
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
function decodeRecord(value, damaged) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return damaged("the record is not a JSON object");
  const r = value;
  const text = (field) => {
    const v = r[field];
    return typeof v === "string" && v !== "" ? v : damaged(`the record's ${field} is ${JSON.stringify(v)}, not text`);
  };
  const maybeText = (field, from = r, prefix = "") => {
    const v = from[field];
    if (v === null || v === void 0) return null;
    return typeof v === "string" ? v : damaged(`the record's ${prefix}${field} is ${JSON.stringify(v)}, not text or null`);
  };
  const digest = (field, raw) => {
    if (raw === null) return null;
    try {
      return parseDigest(raw, field);
    } catch (error) {
      return damaged(`the record's ${error.message}`);
    }
  };
  const outcome = text("outcome");
  if (!OUTCOMES.includes(outcome)) damaged(`the record's outcome ${JSON.stringify(outcome)} is not one of ${OUTCOMES.join(", ")}`);
  const time = text("time");
  if (!ISO_TIME.test(time) || Number.isNaN(Date.parse(time))) damaged(`the record's time ${JSON.stringify(time)} is not an ISO 8601 UTC time such as "2026-01-31T12:00:00.000Z"`);
  const modeText = maybeText("mode");
  if (modeText !== null && !MODES.includes(modeText)) damaged(`the record's mode ${JSON.stringify(modeText)} is not one of ${MODES.join(", ")}`);
  const mode = modeText;
  if (mode === null !== (outcome === "vetoed")) damaged(`a ${outcome} record ${mode === null ? "needs a mode (promote or rollback)" : `has the mode ${mode}`}`);
  const resolves = maybeText("resolves");
  const resolution = RESOLUTIONS.includes(outcome);
  if (resolution !== (resolves !== null)) damaged(resolution ? `a ${outcome} record does not say which pending record it resolves` : `a ${outcome} record names a pending record it resolves (${JSON.stringify(resolves)})`);
  let sealedBy = null;
  if (r.sealedBy !== null && r.sealedBy !== void 0) {
    if (typeof r.sealedBy !== "object" || Array.isArray(r.sealedBy)) return damaged(`the record's sealedBy is not an object`);
    const s = r.sealedBy;
    sealedBy = { repository: maybeText("repository", s, "sealedBy."), commit: maybeText("commit", s, "sealedBy."), runUrl: maybeText("runUrl", s, "sealedBy.") };
    const signer = maybeText("signer", s, "sealedBy.");
    if (signer !== null) sealedBy = { ...sealedBy, signer };
  }
  let attestation = null;
  if (r.attestation !== null && r.attestation !== void 0) {
    if (typeof r.attestation !== "object" || Array.isArray(r.attestation)) return damaged(`the record's attestation is not an object`);
    const a = r.attestation;
    const uri = maybeText("uri", a, "attestation.");
    const bundleDigest = digest("attestation.digest", maybeText("digest", a, "attestation."));
    if (uri === null || bundleDigest === null) return damaged(`the record's attestation lacks its uri or digest`);
    attestation = { uri, digest: bundleDigest, id: maybeText("id", a, "attestation.") };
  }
  let artifact = null;
  if (r.artifact !== null && r.artifact !== void 0) {
    if (typeof r.artifact !== "object" || Array.isArray(r.artifact)) return damaged(`the record's artifact is not an object`);
    const a = r.artifact;
    const name = maybeText("name", a, "artifact.");
    const runId = maybeText("runId", a, "artifact.");
    if (name === null || runId === null) return damaged(`the record's artifact lacks its name or runId`);
    artifact = { name, runId };
  }
  return {
    digest: digest("digest", text("digest")),
    name: maybeText("name"),
    environment: text("environment"),
    outcome,
    mode,
    time,
    runUrl: maybeText("runUrl"),
    actor: maybeText("actor"),
    sealedBy,
    previousDigest: digest("previousDigest", maybeText("previousDigest")),
    reason: maybeText("reason"),
    environmentUrl: maybeText("environmentUrl"),
    artifact,
    resolves,
    key: text("key"),
    ...attestation !== null ? { attestation } : {}
  };
}

export {
  OUTCOMES,
  RESOLUTIONS,
  DEFAULT_PENDING_TIMEOUT_MS,
  makesLive,
  confirmedOutcome,
  wrongEnvironment,
  decodeRecord
};
