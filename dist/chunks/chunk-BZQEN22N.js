import {
  summarizeAmendment
} from "./chunk-D6AQBV6Z.js";
import {
  BadInputError,
  SealError
} from "./chunk-HUXIDCLA.js";

// src/core/promotion/policy.ts
var BREAKING_RULES = ["refuse", "require-major", "require-approval", "allow"];
var DANGEROUS_RULES = ["warn", "refuse"];
var ROLLBACK_RULES = ["allow", "check"];
function declaresServices(policy) {
  return (policy.service ?? null) !== null || (policy.services ?? null) !== null;
}
function findEnvironment(policy, name) {
  return policy.environments.find((e) => e.name === name);
}
function upstreamOf(rule) {
  return [.../* @__PURE__ */ new Set([...rule.requires, ...rule.requiresAny])];
}
function pipelineOrder(policy) {
  const placed = /* @__PURE__ */ new Set();
  const ordered = [];
  while (ordered.length < policy.environments.length) {
    const next = policy.environments.find((e) => !placed.has(e.name) && upstreamOf(e).every((u) => placed.has(u)));
    if (!next) break;
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

// src/app/contract-amendment.ts
async function planContract(request, sources, ledger) {
  const { signed, recorded } = request;
  const claimed = signed ?? recorded;
  let loaded = null;
  let problem = null;
  if (signed != null && recorded !== null && signed.digest !== recorded.digest) {
    problem = `The signed statement says ${request.digest} carries contract ${signed.digest}, but an earlier record of it names ${recorded.digest}; the ledger or the seal bundle was changed.`;
  }
  let known = true;
  try {
    const found2 = await sources.candidate(request.digest, request.bytes, claimed);
    loaded = found2.contract;
    known = found2.known;
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    problem ??= `This digest's contract cannot be read: ${error.message}`;
  }
  const found = loaded === null ? null : { digest: loaded.manifest.digest, version: loaded.manifest.version };
  const claims = [
    ...signed != null ? [{ by: "the signed statement", ref: signed }] : [],
    ...recorded !== null ? [{ by: "an earlier record of the digest", ref: recorded }] : []
  ];
  const disagreeing = found === null ? void 0 : claims.find((c) => c.ref.digest !== found.digest || c.ref.version !== found.version);
  if (problem === null && found !== null && disagreeing !== void 0) {
    problem = `The contract manifest beside the bytes names contract ${found.version} (${found.digest}), but ${disagreeing.by} names ${disagreeing.ref.version} (${disagreeing.ref.digest}): the manifest was swapped or edited after sealing. Give the seal bundle as the seal wrote it.`;
  }
  if (problem === null && signed != null && recorded !== null && signed.version !== recorded.version) {
    problem = `The signed statement says ${request.digest} carries contract version ${signed.version}, but an earlier record of it names ${recorded.version}; the ledger or the seal bundle was changed.`;
  }
  if (problem === null && found === null && signed != null) {
    problem = `The signed statement says ${request.digest} carries contract ${signed.version} (${signed.digest}), but no contract manifest was found beside the bytes.`;
  }
  if (problem === null && !known && request.compare) {
    problem = `Whether ${request.digest} carries a contract is not known: no seal bundle is beside the bytes and no record of the digest names one. Give the seal bundle's listing (checksums-path, or --checksums) with the bytes, or fetch them as a workflow artifact.`;
  }
  const candidate = problem === null ? found ?? claimed ?? null : claimed ?? null;
  if (!request.compare) return { environment: request.environment, compared: false, candidate, loaded, liveDigest: null, live: null, changes: null, problem };
  const span = await ledger.live(request.environment, request.service);
  const live = span === null ? null : await contractOfLive(ledger, span);
  const plan = { environment: request.environment, compared: true, candidate, loaded, liveDigest: span?.digest ?? null, live };
  if (problem !== null || live === null || candidate === null || live.digest === candidate.digest || span === null || loaded === null) {
    return { ...plan, changes: live !== null && candidate !== null && live.digest === candidate.digest ? [] : null, problem };
  }
  let baseline;
  try {
    baseline = await sources.baseline({ environment: request.environment, digest: span.digest, contract: live, artifact: await artifactOf(ledger, span.digest) });
  } catch (error) {
    if (error instanceof BadInputError || !(error instanceof SealError)) throw error;
    return { ...plan, changes: null, problem: error.message };
  }
  const { classifyContracts } = await import("./classify-KR4B2END.js");
  try {
    return { ...plan, changes: await classifyContracts(baseline, loaded, { now: await request.now() }), problem: null };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return { ...plan, changes: null, problem: `The contracts could not be compared: ${error.message}` };
  }
}
function contractFact(plan, liveNow, approval) {
  if ((liveNow?.digest ?? null) !== plan.liveDigest) {
    return {
      ...plan,
      changes: null,
      problem: `The environment's live digest changed (to ${liveNow?.digest ?? "none"}) while the contracts were compared; promote again to compare with what it runs now.`,
      approval: null
    };
  }
  return { live: plan.live, liveDigest: plan.liveDigest, candidate: plan.candidate, changes: plan.changes, problem: plan.problem, approval };
}
function amendmentOf(plan, approvalUsed) {
  if (plan.changes === null || plan.live?.digest === plan.candidate?.digest || plan.live === null) return null;
  return { ...summarizeAmendment(plan.live, plan.candidate, plan.changes), ...approvalUsed !== null ? { approval: approvalUsed } : {} };
}
async function contractOfLive(ledger, span) {
  for await (const entry of ledger.entries({ environment: span.environment, digest: span.digest })) {
    if (entry.id === span.recordId) return entry.contract ?? null;
  }
  return null;
}
async function artifactOf(ledger, digest) {
  for await (const entry of ledger.entries({ digest })) if (entry.artifact !== null) return entry.artifact;
  return null;
}
async function unusedApproval(ledger, environment, service, from, to) {
  const used = /* @__PURE__ */ new Set();
  for await (const entry of ledger.entries({ environment, service })) {
    if (entry.amendment?.approval) used.add(entry.amendment.approval);
    if (entry.outcome === "approved" && entry.approves && entry.approves.from === from && entry.approves.to === to && !used.has(entry.id)) return entry;
  }
  return null;
}

export {
  BREAKING_RULES,
  DANGEROUS_RULES,
  ROLLBACK_RULES,
  declaresServices,
  findEnvironment,
  upstreamOf,
  pipelineOrder,
  planContract,
  contractFact,
  amendmentOf,
  contractOfLive,
  unusedApproval
};
