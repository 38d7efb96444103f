import {
  serviceOf
} from "./chunk-7EN7PEUO.js";

// src/app/ledger/queries.ts
async function knownFromHistory(ledger, digest) {
  let name = null;
  let service;
  let sealedBy = null;
  let artifact = null;
  let contract = null;
  let gateSeen = false;
  for await (const entry of ledger.entries({ digest })) {
    sealedBy ??= entry.sealedBy;
    artifact ??= entry.artifact;
    if (letIn(entry.outcome) && service === void 0) {
      service = serviceOf(entry);
      name = entry.name;
    }
    if (entry.outcome === "pending") contract ??= entry.contract ?? null;
    gateSeen ||= entry.outcome === "pending";
    if (service !== void 0 && sealedBy && artifact && (contract !== null || gateSeen)) break;
  }
  return { sealedBy, name, artifact, contract, ...service === void 0 ? {} : { service } };
}
function letIn(outcome) {
  return outcome === "pending" || outcome === "deployed" || outcome === "rolled-back" || outcome === "failed";
}
async function lastGoodBefore(ledger, environment, service) {
  for await (const span of ledger.previouslyLive(environment, service)) {
    if (await ledger.veto(span.digest) === null) return span.digest;
  }
  return null;
}
async function contractOfLive(ledger, span) {
  for await (const entry of ledger.entries({
    environment: span.environment,
    digest: span.digest
  })) {
    if (entry.id === span.recordId) return entry.contract ?? null;
  }
  return null;
}
async function artifactOf(ledger, digest) {
  for await (const entry of ledger.entries({ digest }))
    if (entry.artifact !== null) return entry.artifact;
  return null;
}
async function unusedApproval(ledger, environment, service, from, to) {
  const used = /* @__PURE__ */ new Set();
  for await (const entry of ledger.entries({ environment, service })) {
    if (entry.amendment?.approval) used.add(entry.amendment.approval);
    if (entry.outcome === "approved" && entry.approves && entry.approves.from === from && entry.approves.to === to && !used.has(entry.id))
      return entry;
  }
  return null;
}

export {
  knownFromHistory,
  lastGoodBefore,
  contractOfLive,
  artifactOf,
  unusedApproval
};
