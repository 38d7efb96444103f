import {
  quote
} from "./chunk-C7O7QJOZ.js";

// src/core/promotion/record.ts
var OUTCOMES = [
  "pending",
  "deployed",
  "rolled-back",
  "failed",
  "abandoned",
  "refused",
  "vetoed",
  "approved",
  "observed",
  "acknowledged"
];
var OBSERVING = ["observed", "acknowledged"];
var RESOLUTIONS = ["deployed", "rolled-back", "failed", "abandoned"];
var DEFAULT_PENDING_TIMEOUT_MS = 6 * 60 * 60 * 1e3;
function isEarlier(a, b) {
  return isIsoUtc(a) && isIsoUtc(b) ? a < b : Date.parse(a) < Date.parse(b);
}
function isIsoUtc(time) {
  return time.length === 24 && time.charCodeAt(23) === 90;
}
function serviceOf(record) {
  return record.service !== void 0 ? record.service : record.name;
}
function describeService(service) {
  return service === null ? "the default service (records without a name)" : `service ${quote(service)}`;
}
function makesLive(outcome) {
  return outcome === "deployed" || outcome === "rolled-back";
}
function confirmedOutcome(mode) {
  return mode === "rollback" ? "rolled-back" : "deployed";
}

export {
  OUTCOMES,
  OBSERVING,
  RESOLUTIONS,
  DEFAULT_PENDING_TIMEOUT_MS,
  isEarlier,
  serviceOf,
  describeService,
  makesLive,
  confirmedOutcome
};
