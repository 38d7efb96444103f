import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  parseDigest
} from "./chunk-HRW4MM62.js";

// src/core/promotion/record.ts
function makesLive(outcome) {
  return outcome === "promoted" || outcome === "rolled-back";
}

// src/stores/ledger/record-codec.ts
var OUTCOMES = ["promoted", "rolled-back", "refused", "vetoed"];
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
  if (Number.isNaN(Date.parse(time))) damaged(`the record's time ${JSON.stringify(time)} is not a date`);
  let sealedBy = null;
  if (r.sealedBy !== null && r.sealedBy !== void 0) {
    if (typeof r.sealedBy !== "object" || Array.isArray(r.sealedBy)) return damaged(`the record's sealedBy is not an object`);
    const s = r.sealedBy;
    sealedBy = { repository: maybeText("repository", s, "sealedBy."), commit: maybeText("commit", s, "sealedBy."), runUrl: maybeText("runUrl", s, "sealedBy.") };
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
    time,
    runUrl: maybeText("runUrl"),
    actor: maybeText("actor"),
    sealedBy,
    previousDigest: digest("previousDigest", maybeText("previousDigest")),
    reason: maybeText("reason"),
    environmentUrl: maybeText("environmentUrl"),
    artifact
  };
}

export {
  makesLive,
  decodeRecord
};
