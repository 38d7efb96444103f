import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  formatDuration
} from "./chunk-NVACJPZY.js";
import {
  identityPolicy
} from "./chunk-JVZDWJ74.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-KIX3PTMG.js";
import {
  findEnvironment,
  upstreamOf
} from "./chunk-JQN5ZRY2.js";
import {
  SealError,
  quote
} from "./chunk-LM3HRDQW.js";

// src/app/promote-digest.ts
import { randomUUID } from "node:crypto";

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
  if (rule.signedBy !== null && mode === "promote") checks.push(signedByCheck(rule.name, rule.signedBy, facts.signature));
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
function signedByCheck(environment, want, signature) {
  const fail = (detail) => ({ rule: "signed-by", environment, passed: false, detail });
  const signer = signature?.signer ?? null;
  if (signature === void 0 || signer === null) {
    return fail(
      `${environment} takes only seals signed by a workflow of ${want.repository}, and this digest's seal carries no verified signature${signature?.missing ? ` (${signature.missing})` : ""}. Seal it in that workflow with "permissions: id-token: write" so the seal is signed.`
    );
  }
  if (signer.kind === "key") {
    return fail(
      `${environment} takes only seals signed by a workflow of ${want.repository}; this seal is signed with a key (${signer.hint}), which names no workflow. Seal it with sign: keyless in that workflow.`
    );
  }
  const failures = checkIdentity(signer.identity, identityPolicy({ ...want, sourceRef: want.ref }, signature.serverUrl));
  if (failures.length > 0) {
    return fail(`The seal's signer does not satisfy ${environment}'s signed-by rule: ${describeIdentityFailure(failures).split("\n").join("; ")}.`);
  }
  return { rule: "signed-by", environment, passed: true, detail: `Signed by ${signer.identity.subjectAlternativeName} at ${signer.signedAt}.` };
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

// src/app/promote-digest.ts
var NOTHING_KNOWN = { sealedBy: null, name: null, artifact: null };
async function promoteDigest(request, policy, ledger, options) {
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
  let signature = null;
  let abandoned = [];
  const result = (decision2, record = null) => ({
    decision: decision2,
    digest,
    previous,
    record,
    abandoned,
    sealedBy,
    name,
    verification,
    signature
  });
  const unreadable = (error) => {
    if (!(error instanceof SealError)) throw error;
    return refusal(mode, rule.name, digest, "ledger", `The ledger could not be read or written, so the promotion is refused (fail closed): ${error.message}`);
  };
  let early = null;
  let live = null;
  let history = NOTHING_KNOWN;
  try {
    if (digest === null) {
      live = await ledger.live(rule.name);
      digest = await lastGoodBefore(ledger, rule.name);
    }
  } catch (error) {
    return result(unreadable(error));
  }
  if (digest === null) {
    if (live === null) throw new SealError(`${request.inputs.digest}: ${rule.name} never ran a digest, so there is nothing to roll back to. Promote a digest instead.`);
    digest = live.digest;
    early = refusal(mode, rule.name, digest, "ran-before", `${rule.name} ran no other digest that is not vetoed before ${digest}; there is nothing to roll back to.`);
  }
  try {
    history = await knownFromHistory(ledger, digest);
  } catch (error) {
    return result(unreadable(error));
  }
  const resolved = digest;
  sealedBy ??= history.sealedBy;
  name ??= history.name;
  if (early === null && request.verifyBytes) {
    try {
      verification = await request.verifyBytes(resolved, history);
      sealedBy ??= verification.sealedBy;
      if (!verification.verified) early = refusal(mode, rule.name, resolved, "bytes", bytesDetail(verification, resolved));
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      early = refusal(mode, rule.name, resolved, "bytes", `The bytes to deploy could not be fetched and checked: ${error.message}`);
    }
  }
  let signatureFact;
  if (early === null && request.checkSignature) {
    try {
      signature = await request.checkSignature(resolved, verification);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      signature = { status: "refused", detail: `The seal's signature could not be checked: ${error.message}` };
    }
    const serverUrl = request.serverUrl ?? "https://github.com";
    if (signature.status === "refused") {
      early = refusal(mode, rule.name, resolved, "signature", signature.detail);
    } else if (signature.status === "unsigned") {
      if (request.requireSignature && mode === "promote" && rule.signedBy === null) {
        early = refusal(mode, rule.name, resolved, "signature", `${signature.detail} A signature is required (require-signature); seal it with "permissions: id-token: write" or a signing-key.`);
      }
      signatureFact = { signer: null, missing: signature.detail, serverUrl };
    } else {
      sealedBy = signature.sealedBy;
      name ??= signature.name;
      signatureFact = { signer: signature.signer, missing: null, serverUrl };
    }
  }
  const artifact = verification?.artifact ?? request.artifact ?? history.artifact;
  let decision = null;
  const made = () => {
    if (decision === null) throw new Error("unreachable: the ledger recorded without running the gate");
    return decision;
  };
  const decideOn = async (view) => {
    previous = await view.live(rule.name);
    if (early !== null) {
      decision = early;
    } else {
      const environments = mode === "rollback" ? [rule.name] : upstreamOf(rule);
      const facts = {
        veto: await view.veto(resolved),
        live: previous,
        spans: new Map(await Promise.all(environments.map(async (env) => [env, await view.spans(resolved, env)]))),
        ...signatureFact !== void 0 ? { signature: signatureFact } : {}
      };
      decision = decide({ digest: resolved, rule, mode, now: await view.now() }, facts);
    }
    if (request.dryRun) return null;
    const record = recordOf({ ...request, name, artifact }, resolved, mode, decision.allowed ? "pending" : "refused", previous, decision.reason, sealedBy);
    return request.attest ? { ...record, attestation: await request.attest(record, decision, signature) } : record;
  };
  try {
    if (request.dryRun) {
      await decideOn(ledger);
      return result(made());
    }
    const recorded = await ledger.record(rule.name, decideOn, options.pendingTimeoutMs);
    abandoned = recorded.abandoned;
    if (recorded.lost !== null) {
      const lost = { rule: "ledger", environment: rule.name, passed: false, detail: recorded.lost };
      const decided = made();
      return result({ ...decided, allowed: false, checks: [...decided.checks, lost], reason: [decided.reason, recorded.lost].filter((r) => r !== null).join(" ") }, recorded.entry);
    }
    return result(made(), recorded.entry);
  } catch (error) {
    return result(unreadable(error));
  }
}
function bytesDetail(check, digest) {
  const files = check.mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`);
  const more = check.mismatches.length > 5 ? ` and ${check.mismatches.length - 5} more` : "";
  return `The bytes to deploy are ${check.actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(", ")}${more} differ from the seal.` : ".");
}
async function vetoDigest(request, ledger, options) {
  const known = await knownFromHistory(ledger, request.digest);
  const recorded = await ledger.record(
    request.environment,
    async (view) => withAttestation(request.attest, {
      digest: request.digest,
      name: request.name ?? known.name,
      environment: request.environment,
      outcome: "vetoed",
      mode: null,
      runUrl: request.requester.runUrl,
      actor: request.requester.actor,
      sealedBy: known.sealedBy,
      previousDigest: (await view.live(request.environment))?.digest ?? null,
      reason: request.reason,
      environmentUrl: null,
      artifact: known.artifact,
      resolves: null,
      key: randomUUID()
    }),
    options.pendingTimeoutMs
  );
  return recorded.entry;
}
async function withAttestation(attest, record) {
  return attest ? { ...record, attestation: await attest(record, null, null) } : record;
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
function recordOf(request, digest, mode, outcome, previous, reason, sealedBy) {
  return {
    digest,
    name: request.name,
    environment: request.environment,
    outcome,
    mode,
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy,
    previousDigest: previous?.digest ?? null,
    reason,
    environmentUrl: request.environmentUrl,
    artifact: request.artifact,
    resolves: null,
    key: randomUUID()
  };
}

export {
  NOTHING_KNOWN,
  promoteDigest,
  vetoDigest
};
