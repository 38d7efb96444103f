import {
  changesByOperation,
  summarizeAmendment,
  versionStep
} from "./chunk-D6AQBV6Z.js";
import {
  formatDuration
} from "./chunk-PATJDSKG.js";
import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-YVUBSRLI.js";
import {
  BadInputError,
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";

// src/app/promote-digest.ts
import { randomUUID } from "node:crypto";

// src/core/promotion/contract-rule.ts
var NAMED_CHANGES = 5;
function judgeContract(environment, digest, rule, mode, fact) {
  const pass = (detail, approvalUsed2 = null) => ({ passed: true, detail, approvalUsed: approvalUsed2 });
  const fail = (detail) => ({ passed: false, detail, approvalUsed: null });
  const { live, candidate } = fact;
  if (fact.problem !== null) return fail(fact.problem);
  if (live === null) {
    if (candidate === null) return pass(`Neither ${environment}'s live digest nor this one carries a sealed contract.`);
    return pass(
      fact.liveDigest === null ? `${environment} runs nothing yet: contract ${candidate.version} (${candidate.digest}) is its initial contract.` : `${environment}'s live digest carries no sealed contract: contract ${candidate.version} (${candidate.digest}) is its initial contract.`
    );
  }
  if (candidate === null) {
    if (rule.breaking === "allow") return pass(`This digest carries no sealed contract; ${environment} ran contract ${live.version}, and breaking: allow lets it go.`);
    return fail(
      `${environment} runs contract ${live.version} (${live.digest}) and this digest's seal carries no contract: its clients would lose all of it, or it was sealed without the contract input. Seal it with "contract:" naming the contract files.`
    );
  }
  if (live.digest === candidate.digest) return pass(`The contract is unchanged: ${candidate.version} (${candidate.digest}).`);
  if (fact.changes === null) return fail(`The contract ${environment} runs could not be compared with this digest's.`);
  const breaking = fact.changes.filter((c) => c.severity === "breaking");
  const dangerous = fact.changes.filter((c) => c.severity === "dangerous");
  const amendment = `${environment}'s contract ${live.version} \u2192 ${candidate.version}`;
  const counts = `${breaking.length} breaking, ${dangerous.length} dangerous, ${fact.changes.length - breaking.length - dangerous.length} compatible`;
  if (mode === "rollback" && rule.rollback === "allow") {
    return pass(
      `The rollback takes ${amendment} (${counts}).` + (breaking.length > 0 ? ` It undoes what clients may already use: ${named(breaking)}` : "")
    );
  }
  const step = versionStep(live.version, candidate.version);
  const versionNote = versionProblem(step, live.version, candidate.version, fact.changes.length > 0, breaking.length > 0);
  const problems = [];
  let approvalUsed = null;
  if (breaking.length > 0) {
    const list = named(breaking);
    switch (rule.breaking) {
      case "refuse":
        problems.push(`${environment} refuses breaking contract amendments (contract.breaking: refuse), and ${amendment} has ${breaking.length}: ${list}`);
        break;
      case "require-major":
        if (step !== "major") {
          problems.push(
            `${amendment} has ${breaking.length} breaking change(s) without a major version step (contract.breaking: require-major): ${list} Seal it with a new major contract-version, or keep the old behaviour beside the new.`
          );
        }
        break;
      case "require-approval":
        if (fact.approval === null) {
          problems.push(
            `${amendment} has ${breaking.length} breaking change(s) and ${environment} takes them only with an approval (contract.breaking: require-approval): ${list} Approve this amendment once with "artifact-seal contract approve ${digest} --environment ${environment} --from ${live.digest} --to ${candidate.digest} --reason <why>" (or the promote action's approve-amendment input), then promote again.`
          );
        } else {
          approvalUsed = fact.approval.id;
        }
        break;
      case "allow":
        break;
    }
  }
  if (dangerous.length > 0 && rule.dangerous === "refuse" && approvalUsed === null) {
    problems.push(`${environment} refuses changes that may break some clients (contract.dangerous: refuse), and ${amendment} has ${dangerous.length}: ${named(dangerous)}`);
  }
  if (versionNote !== null && rule.breaking === "require-major") problems.push(`${versionNote} (contract.breaking: require-major).`);
  if (problems.length > 0) return fail(problems.join(" "));
  const notes = [
    `${amendment}: ${counts}.`,
    ...approvalUsed !== null && fact.approval ? [`Approved by ${fact.approval.actor ?? "an unnamed actor"} at ${fact.approval.time} (record ${fact.approval.id}): ${fact.approval.reason ?? "no reason given"}.`] : [],
    ...breaking.length > 0 && rule.breaking === "allow" ? [`Breaking changes pass (contract.breaking: allow): ${named(breaking)}`] : [],
    ...breaking.length > 0 && rule.breaking === "require-major" ? [`The breaking changes pass with the major version step ${live.version} \u2192 ${candidate.version}.`] : [],
    ...dangerous.length > 0 && rule.dangerous === "warn" ? [`Warning: ${dangerous.length} change(s) may break some clients: ${named(dangerous)}`] : [],
    ...versionNote !== null ? [`Warning: ${versionNote}.`] : []
  ];
  return pass(notes.join(" "), approvalUsed);
}
function versionProblem(step, from, to, changed, breaking) {
  if (step === "down") return `the contract version went down, from ${from} to ${to}`;
  if (step === "not-semver" && breaking) return `the contract versions ${JSON.stringify(from)} and ${JSON.stringify(to)} are not both semantic versions (MAJOR.MINOR.PATCH), so the version step cannot be judged`;
  if (step === "same" && changed) return `the contract changed while its version stayed ${to}`;
  return null;
}
function named(changes) {
  const ordered = changesByOperation(changes).flatMap((g) => g.changes);
  const shown = ordered.slice(0, NAMED_CHANGES).map((c) => `${c.location}: ${c.message} [${c.rule}]`);
  const more = ordered.length > NAMED_CHANGES ? `; and ${ordered.length - NAMED_CHANGES} more` : "";
  return `${shown.join("; ")}${more}.`;
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
  if (rule.signedBy !== null && mode === "promote") checks.push(signedByCheck(rule.name, rule.signedBy, facts.signature));
  let approvalUsed = null;
  if (rule.contract) {
    const verdict = facts.contract ? judgeContract(rule.name, digest, rule.contract, mode, facts.contract) : { passed: false, detail: `${rule.name} judges contract amendments, and the contracts were not compared (fail closed).`, approvalUsed: null };
    checks.push({ rule: "contract", environment: rule.name, passed: verdict.passed, detail: verdict.detail });
    approvalUsed = verdict.approvalUsed;
  }
  const failed = checks.filter((c) => !c.passed);
  return {
    allowed: failed.length === 0,
    mode,
    digest,
    environment: rule.name,
    checks,
    reason: failed.length === 0 ? null : failed.map((c) => c.detail).join(" "),
    ...approvalUsed !== null && failed.length === 0 ? { approvalUsed } : {}
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

// src/core/promotion/policy.ts
var BREAKING_RULES = ["refuse", "require-major", "require-approval", "allow"];
var DANGEROUS_RULES = ["warn", "refuse"];
var ROLLBACK_RULES = ["allow", "check"];
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
  const candidate = found ?? claimed ?? null;
  if (!request.compare) return { environment: request.environment, compared: false, candidate, loaded, liveDigest: null, live: null, changes: null, problem };
  const span = await ledger.live(request.environment);
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
  const { classifyContracts } = await import("./classify-CPUBDQKU.js");
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
async function unusedApproval(ledger, environment, from, to) {
  const used = /* @__PURE__ */ new Set();
  for await (const entry of ledger.entries({ environment })) {
    if (entry.amendment?.approval) used.add(entry.amendment.approval);
    if (entry.outcome === "approved" && entry.approves && entry.approves.from === from && entry.approves.to === to && !used.has(entry.id)) return entry;
  }
  return null;
}

// src/app/promote-digest.ts
var NOTHING_KNOWN = { sealedBy: null, name: null, artifact: null, contract: null };
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
  let contract = null;
  const result = (decision2, record = null) => ({
    decision: decision2,
    digest,
    previous,
    record,
    abandoned,
    sealedBy,
    name,
    verification,
    signature,
    contract
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
  if (early === null && request.contract) {
    try {
      contract = await planContract(
        {
          environment: rule.name,
          digest: resolved,
          bytes: verification,
          signed: signature?.status === "verified" ? signature.contract : void 0,
          recorded: history.contract ?? null,
          compare: (rule.contract ?? null) !== null,
          now: () => ledger.now()
        },
        request.contract,
        ledger
      );
      if (!request.dryRun && contract.loaded !== null) await request.contract.keep?.(contract.loaded);
    } catch (error) {
      if (!(error instanceof SealError) || error instanceof BadInputError) throw error;
      return result(unreadable(error));
    }
  }
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
        ...signatureFact !== void 0 ? { signature: signatureFact } : {},
        ...contract !== null && rule.contract ? { contract: contractFact(contract, previous, await approvalFor(view, contract)) } : {}
      };
      decision = decide({ digest: resolved, rule, mode, now: await view.now() }, facts);
    }
    if (request.dryRun) return null;
    const amendment = contract === null ? null : amendmentOf(contract, decision.approvalUsed ?? null);
    const record = {
      ...recordOf({ ...request, name, artifact }, resolved, mode, decision.allowed ? "pending" : "refused", previous, decision.reason, sealedBy),
      ...contract?.candidate ? { contract: contract.candidate } : {},
      ...amendment !== null ? { amendment } : {}
    };
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
async function approvalFor(view, plan) {
  if (plan.candidate === null || plan.changes === null || !plan.changes.some((c) => c.severity === "breaking" || c.severity === "dangerous")) return null;
  return unusedApproval(view, plan.environment, plan.live?.digest ?? null, plan.candidate.digest);
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
  let contract = null;
  let gateSeen = false;
  for await (const entry of ledger.entries({ digest })) {
    name ??= entry.name;
    sealedBy ??= entry.sealedBy;
    artifact ??= entry.artifact;
    contract ??= entry.contract ?? null;
    gateSeen ||= entry.outcome === "pending" || entry.outcome === "refused";
    if (name && sealedBy && artifact && (contract !== null || gateSeen)) break;
  }
  return { sealedBy, name, artifact, contract };
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
  BREAKING_RULES,
  DANGEROUS_RULES,
  ROLLBACK_RULES,
  pipelineOrder,
  contractOfLive,
  NOTHING_KNOWN,
  promoteDigest,
  vetoDigest,
  knownFromHistory
};
