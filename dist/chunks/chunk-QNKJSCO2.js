import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  SealError,
  quote
} from "./chunk-JWCK4D2M.js";

// src/core/promotion/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var DURATION_PATTERN = "^(0|([0-9]+(ms|s|m|h|d|w))+)$";
var PART = /([0-9]+)(ms|s|m|h|d|w)/g;
function parseDuration(text) {
  if (!new RegExp(DURATION_PATTERN).test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit];
  return Number.isSafeInteger(total) ? total : null;
}
function formatDuration(ms) {
  if (ms < 1e3) return "0s";
  const parts = [];
  let rest = Math.floor(ms / 1e3);
  for (const [unit, seconds] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    const amount = Math.floor(rest / seconds);
    rest -= amount * seconds;
    if (amount > 0) parts.push(`${amount}${unit}`);
  }
  return parts.slice(0, 2).join(" ");
}

// src/core/promotion/gate.ts
function decide(request, facts) {
  const { digest, rule, mode, now } = request;
  const checks = [vetoCheck(rule.name, facts.veto)];
  if (facts.live?.digest === digest) {
    checks.push({
      rule: "already-live",
      environment: rule.name,
      passed: true,
      detail: `${rule.name} runs this digest already (since ${facts.live.from}); recording it again.`
    });
  }
  if (mode === "rollback") {
    const ran = facts.spans.get(rule.name) ?? [];
    checks.push(
      ran.length > 0 ? { rule: "ran-before", environment: rule.name, passed: true, detail: `${rule.name} ran this digest from ${ran.at(-1)?.from}.` } : {
        rule: "ran-before",
        environment: rule.name,
        passed: false,
        detail: `${rule.name} never ran this digest; a rollback can only return to a digest the environment ran before. Promote it instead.`
      }
    );
  } else {
    for (const upstream of rule.requires) {
      checks.push(...upstreamChecks("requires", upstream, rule, facts, now));
    }
    if (rule.requiresAny.length > 0) checks.push(...anyUpstreamChecks(rule, facts, now));
  }
  const failed = checks.filter((c) => !c.passed);
  return {
    allowed: failed.length === 0,
    mode,
    digest,
    environment: rule.name,
    checks,
    reason: failed.length === 0 ? null : failed.map((c) => c.detail).join(" ")
  };
}
function vetoCheck(environment, veto) {
  if (veto === null) return { rule: "veto", environment, passed: true, detail: "The digest is not vetoed." };
  const where = veto.environment ? ` in ${veto.environment}` : "";
  return {
    rule: "veto",
    environment,
    passed: false,
    detail: `The digest was vetoed${where} at ${veto.time}${veto.actor ? ` by ${veto.actor}` : ""}: ${veto.reason ?? "no reason given"}. Build and seal a fixed artifact.`
  };
}
function longestStretch(spans, now) {
  let best = null;
  for (const span of spans) {
    const until = span.until === null ? now.getTime() : Date.parse(span.until);
    const ms = Math.max(0, until - Date.parse(span.from));
    if (best === null || ms > best.ms) best = { ms, span };
  }
  return best;
}
function upstreamChecks(rule, upstream, target, facts, now) {
  const spans = facts.spans.get(upstream) ?? [];
  if (spans.length === 0) {
    return [
      {
        rule,
        environment: upstream,
        passed: false,
        detail: `${upstream} never ran this digest; ${target.name} takes only digests that passed ${upstream}. Promote it to ${upstream} first.`
      }
    ];
  }
  const checks = [{ rule, environment: upstream, passed: true, detail: `${upstream} ran this digest from ${spans.at(-1)?.from}.` }];
  if (target.soakMs > 0) checks.push(soakCheck(upstream, target, spans, now));
  return checks;
}
function soakCheck(upstream, target, spans, now) {
  const longest = longestStretch(spans, now);
  const ms = longest?.ms ?? 0;
  const required = formatDuration(target.soakMs);
  if (ms >= target.soakMs) {
    const how = longest?.span.until === null ? "has been live there for" : "was live there for";
    return { rule: "soak", environment: upstream, passed: true, detail: `It ${how} ${formatDuration(ms)} (soak ${required}).` };
  }
  const still = longest?.span.until === null;
  const ready = still && longest ? new Date(Date.parse(longest.span.from) + target.soakMs).toISOString() : null;
  return {
    rule: "soak",
    environment: upstream,
    passed: false,
    detail: still ? `It has been live in ${upstream} for ${formatDuration(ms)} of the ${required} soak; try again after ${ready}.` : `It was live in ${upstream} for at most ${formatDuration(ms)} before it was replaced, short of the ${required} soak. Promote it to ${upstream} again and let it soak.`
  };
}
function anyUpstreamChecks(target, facts, now) {
  const options = target.requiresAny.map((upstream) => upstreamChecks("requires-any", upstream, target, facts, now));
  const satisfied = options.find((checks) => checks.every((c) => c.passed));
  if (satisfied) return satisfied;
  const names = target.requiresAny.join(", ");
  const details = options.map((checks) => checks.filter((c) => !c.passed).map((c) => c.detail).join(" ")).join(" ");
  return [{ rule: "requires-any", environment: names, passed: false, detail: `${target.name} takes a digest that passed one of ${names}; none qualifies. ${details}` }];
}
function refusal(mode, environment, digest, rule, detail) {
  return { allowed: false, mode, digest, environment, checks: [{ rule, environment, passed: false, detail }], reason: detail };
}

// src/core/promotion/policy.ts
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

// src/app/promote-digest.ts
var NOTHING_KNOWN = { sealedBy: null, name: null, artifact: null };
async function promoteDigest(request, policy, ledger, now) {
  const rule = findEnvironment(policy, request.environment);
  if (!rule) {
    throw new SealError(
      `${request.inputs.environment}: ${quote(request.environment)} is not an environment of the promotion policy ${policy.source}. Use one of: ${policy.environments.map((e) => e.name).join(", ")}, or add it to the policy.`
    );
  }
  const mode = request.rollback ? "rollback" : "promote";
  let digest = request.digest === "previous" ? null : request.digest;
  let previous = null;
  let sealedBy = request.sealedBy;
  let name = request.name;
  let verification = null;
  const result = (decision2, record = null) => ({
    decision: decision2,
    digest,
    previous,
    record,
    sealedBy,
    name,
    verification
  });
  const read = async (query) => {
    try {
      return await query();
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      throw new LedgerUnreadable(refusal(mode, rule.name, digest, "ledger", `The ledger could not be read, so the promotion is refused (fail closed): ${error.message}`));
    }
  };
  let decision;
  try {
    previous = await read(() => ledger.live(rule.name));
    digest ??= await read(() => lastGoodBefore(ledger, rule.name));
    if (digest === null) {
      return result(refusal(mode, rule.name, null, "ran-before", `${rule.name} ran no other digest that is not vetoed; there is nothing to roll back to.`));
    }
    const resolved = digest;
    const history = await read(() => knownFromHistory(ledger, resolved));
    sealedBy ??= history.sealedBy;
    name ??= history.name;
    if (request.verifyBytes) verification = await request.verifyBytes(resolved, history);
    sealedBy ??= verification?.sealedBy ?? null;
    if (verification && !verification.verified) {
      decision = refusal(mode, rule.name, resolved, "bytes", bytesDetail(verification, resolved));
    } else {
      const environments = mode === "rollback" ? [rule.name] : upstreamOf(rule);
      const facts = {
        veto: await read(() => ledger.veto(resolved)),
        live: previous,
        spans: new Map(await Promise.all(environments.map(async (env) => [env, await read(() => ledger.spans(resolved, env))])))
      };
      decision = decide({ digest: resolved, rule, mode, now: now() }, facts);
    }
    if (request.dryRun) return result(decision);
    const outcome = decision.allowed ? mode === "rollback" ? "rolled-back" : "promoted" : "refused";
    const artifact = verification?.artifact ?? request.artifact ?? history.artifact;
    const record = await ledger.append(recordOf({ ...request, name, artifact }, resolved, outcome, previous, decision.reason, sealedBy, now()));
    return result(decision, record);
  } catch (error) {
    if (error instanceof LedgerUnreadable) return result(error.decision);
    throw error;
  }
}
var LedgerUnreadable = class extends Error {
  constructor(decision) {
    super(decision.reason ?? "the ledger could not be read");
    this.decision = decision;
  }
  decision;
};
function bytesDetail(check, digest) {
  const files = check.mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`);
  const more = check.mismatches.length > 5 ? ` and ${check.mismatches.length - 5} more` : "";
  return `The bytes to deploy are ${check.actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(", ")}${more} differ from the seal.` : ".");
}
async function vetoDigest(request, ledger, now) {
  const previous = await ledger.live(request.environment);
  const known = await knownFromHistory(ledger, request.digest);
  return ledger.append({
    digest: request.digest,
    name: request.name ?? known.name,
    environment: request.environment,
    outcome: "vetoed",
    time: now().toISOString(),
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy: known.sealedBy,
    previousDigest: previous?.digest ?? null,
    reason: request.reason,
    environmentUrl: null,
    artifact: known.artifact
  });
}
async function lastGoodBefore(ledger, environment) {
  for await (const span of ledger.previouslyLive(environment)) {
    if (await ledger.veto(span.digest) === null) return span.digest;
  }
  return null;
}
async function knownFromHistory(ledger, digest) {
  let name = null;
  let sealedBy = null;
  let artifact = null;
  for await (const entry of ledger.entries({ digest })) {
    name ??= entry.name;
    sealedBy ??= entry.sealedBy;
    artifact ??= entry.artifact;
    if (name && sealedBy && artifact) break;
  }
  return { sealedBy, name, artifact };
}
function recordOf(request, digest, outcome, previous, reason, sealedBy, time) {
  return {
    digest,
    name: request.name,
    environment: request.environment,
    outcome,
    time: time.toISOString(),
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy,
    previousDigest: previous?.digest ?? null,
    reason,
    environmentUrl: request.environmentUrl,
    artifact: request.artifact
  };
}

export {
  DURATION_PATTERN,
  parseDuration,
  upstreamOf,
  pipelineOrder,
  NOTHING_KNOWN,
  promoteDigest,
  vetoDigest
};
