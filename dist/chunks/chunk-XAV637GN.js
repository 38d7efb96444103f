import {
  shortDigest
} from "./chunk-KRR2HU2L.js";

// src/report/promotion-report.ts
function headline(report) {
  const { decision, record } = report.result;
  const what = report.name ?? decision.digest ?? "the artifact";
  const pending = record ? ` (record ${record.id}, pending until its deployment is confirmed)` : "";
  if (decision.mode === "rollback") {
    if (!decision.allowed) return `rollback of ${decision.environment} to ${what} refused`;
    if (report.dryRun)
      return `${decision.environment} may be rolled back to ${what} (dry run: nothing recorded)`;
    return `${decision.environment} may roll back to ${what}${pending}`;
  }
  if (!decision.allowed) return `${what} refused for ${decision.environment}`;
  if (report.dryRun)
    return `${what} may be promoted to ${decision.environment} (dry run: nothing recorded)`;
  return `${what} let into ${decision.environment}${pending}`;
}
function resolutionHeadline(entry) {
  const what = entry.name ?? entry.digest;
  switch (entry.outcome) {
    case "deployed":
      return `${what} deployed to ${entry.environment}: live there from ${entry.time} (record ${entry.id} confirms record ${entry.resolves})`;
    case "rolled-back":
      return `${entry.environment} rolled back to ${what}: live there from ${entry.time} (record ${entry.id} confirms record ${entry.resolves})`;
    case "failed":
      return `the deployment of ${what} to ${entry.environment} failed (record ${entry.id} closes record ${entry.resolves})`;
    default:
      return `record ${entry.resolves} of ${what} in ${entry.environment}: ${entry.outcome} (record ${entry.id})`;
  }
}
var CHANGES_SHOWN = 50;
function contractOutcome(plan) {
  if (plan === null) return null;
  const { live, candidate } = plan;
  if (!plan.compared) return candidate === null ? null : { kind: "carried", contract: candidate };
  if (plan.problem !== null && (live === null || candidate === null || live.digest === candidate.digest))
    return { kind: "problem", problem: plan.problem };
  if (candidate === null) return live === null ? null : { kind: "removed", from: live };
  if (live === null) return { kind: "initial", to: candidate };
  if (live.digest === candidate.digest) return { kind: "unchanged", contract: candidate };
  if (plan.changes === null)
    return { kind: "not-compared", from: live, to: candidate, problem: plan.problem };
  return { kind: "amended", from: live, to: candidate, changes: plan.changes };
}
function contractLabel(contract, other) {
  return other !== null && other.version === contract.version && other.digest !== contract.digest ? `${contract.version} (${shortDigest(contract.digest)})` : contract.version;
}
var serviceLabel = (service) => service ?? "(unnamed)";

export {
  headline,
  resolutionHeadline,
  CHANGES_SHOWN,
  contractOutcome,
  contractLabel,
  serviceLabel
};
