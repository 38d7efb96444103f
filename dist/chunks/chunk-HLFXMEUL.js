import {
  amendmentOf,
  contractFact,
  declaresServices,
  findEnvironment,
  planContract,
  unusedApproval,
  upstreamOf
} from "./chunk-BZQEN22N.js";
import {
  formatDuration
} from "./chunk-64VN6DVJ.js";
import {
  changesByOperation,
  versionStep
} from "./chunk-D6AQBV6Z.js";
import {
  describeService
} from "./chunk-ZC7YKKWW.js";
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
import {
  randomUUID
} from "./chunk-VF62UBY7.js";

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
  if (rule.contract && facts.otherService !== void 0 && mode === "promote") checks.push(newServiceCheck(rule.name, request.service ?? null, facts.otherService));
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
function newServiceCheck(environment, service, other) {
  const name = (s) => s === null ? "<name>" : s;
  return {
    rule: "service",
    environment,
    passed: false,
    detail: `${environment} judges contract amendments, and ${describeService(service)} never ran there, while ${describeService(other.service)} runs ${other.live.digest} (since ${other.live.from}): the amendment would be judged against no contract. If they are one service whose artifact's name changed, pin it in the policy ("service: ${name(other.service)}") or keep the seal's name; if they are separate services, list them ("services: [${name(other.service)}, ${name(service)}]").`
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
var NOTHING_KNOWN = { sealedBy: null, name: null, artifact: null, contract: null };
async function promoteDigest(request, policy, ledger, options) {
  const rule = findEnvironment(policy, request.environment);
  if (!rule) {
    throw new SealError(
      `${request.inputs.environment}: ${quote(request.environment)} is not an environment of the promotion policy ${policy.source}. Use one of: ${policy.environments.map((e) => e.name).join(", ")}, or add it to the policy.`
    );
  }
  const mode = request.rollback ? "rollback" : "promote";
  const nameInput = request.inputs.name ?? "name";
  let digest = request.digest === "previous" ? null : request.digest;
  let service;
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
    service: service ?? serviceFor(policy, name, nameInput),
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
      service = await serviceOfPrevious(request, policy, rule.name, ledger, nameInput);
      live = await ledger.live(rule.name, service);
      digest = await lastGoodBefore(ledger, rule.name, service);
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    return result(unreadable(error));
  }
  if (digest === null) {
    const of2 = service === null && !declaresServices(policy) ? "" : ` (${describeService(service ?? null)})`;
    if (live === null) throw new SealError(`${request.inputs.digest}: ${rule.name}${of2} never ran a digest, so there is nothing to roll back to. Promote a digest instead.`);
    digest = live.digest;
    early = refusal(mode, rule.name, digest, "ran-before", `${rule.name}${of2} ran no other digest that is not vetoed before ${digest}; there is nothing to roll back to.`);
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
      name ??= verification.name ?? null;
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
        early = refusal(mode, rule.name, resolved, "signature", `${signature.detail} A signature is required (a key, a trusted root or a signer is named, or require-signature asks for one); seal it with "permissions: id-token: write" or a signing-key.`);
      }
      signatureFact = { signer: null, missing: signature.detail, serverUrl };
    } else {
      sealedBy = signature.sealedBy;
      name ??= signature.name;
      signatureFact = { signer: signature.signer, missing: null, serverUrl };
    }
  }
  let bytesNote = null;
  if (early === null && !request.verifyBytes && !request.dryRun) {
    bytesNote = withoutBytes(request.withoutBytes, rule.name, resolved, signature);
  }
  const artifact = verification?.artifact ?? request.artifact ?? history.artifact;
  const of = service ??= serviceFor(policy, name, nameInput);
  if (early === null && request.contract) {
    try {
      contract = await planContract(
        {
          environment: rule.name,
          service: of,
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
    previous = await view.live(rule.name, of);
    if (early !== null) {
      decision = early;
    } else {
      const environments = mode === "rollback" ? [rule.name] : upstreamOf(rule);
      const newest = rule.contract && previous === null && (policy.services ?? null) === null ? await view.newest(rule.name) : null;
      const facts = {
        veto: await view.veto(resolved),
        live: previous,
        spans: new Map(await Promise.all(environments.map(async (env) => [env, await view.spans(resolved, env, of)]))),
        ...signatureFact !== void 0 ? { signature: signatureFact } : {},
        ...contract !== null && rule.contract ? { contract: contractFact(contract, previous, await approvalFor(view, contract, of)) } : {},
        ...newest !== null && newest.service !== of ? { otherService: newest } : {}
      };
      decision = decide({ digest: resolved, rule, mode, now: await view.now(), service: of }, facts);
      if (bytesNote !== null) decision = { ...decision, checks: [...decision.checks, bytesNote] };
    }
    if (request.dryRun) return null;
    const amendment = contract === null ? null : amendmentOf(contract, decision.approvalUsed ?? null);
    const record = {
      ...recordOf({ ...request, name, artifact }, resolved, of, mode, decision.allowed ? "pending" : "refused", previous, decision.reason, sealedBy),
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
    await keepContract(request.contract, contract, recorded.lost === null && made().allowed);
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
function withoutBytes(rule, environment, digest, signature) {
  if (signature?.status === "verified" && signature.digestOnly) {
    return { rule: "bytes", environment, passed: true, detail: `No files to check: the signed seal is of the digest alone (sealed with subject-digest), so the deployment takes ${digest} itself.` };
  }
  if (rule.declared) {
    return { rule: "bytes", environment, passed: true, detail: `Not checked: the promotion says it carries no bytes (digest-only), so nothing here proved that what is deployed is ${digest}.` };
  }
  const found = signature === null ? "No signature was looked for." : signature.status === "verified" ? `Its signed seal (${signature.source}) is of files, not of a digest alone.` : signature.status === "unsigned" ? signature.detail : `Its signature was refused: ${signature.detail}`;
  throw new BadInputError(`${rule.missing} ${found}`);
}
function bytesDetail(check, digest) {
  const files = check.mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`);
  const more = check.mismatches.length > 5 ? ` and ${check.mismatches.length - 5} more` : "";
  return `The bytes to deploy are ${check.actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(", ")}${more} differ from the seal.` : ".");
}
function serviceFor(policy, name, nameInput = "name") {
  if ((policy.service ?? null) !== null) return policy.service;
  const listed = policy.services ?? null;
  if (listed === null || name !== null && listed.includes(name)) return name;
  throw new BadInputError(
    `${nameInput}: ${name === null ? "the artifact has no name" : `the artifact's name is ${quote(name)}`}, but the promotion policy ${policy.source} lists its services, and that is not one of them: ${listed.map(quote).join(", ")}. Give ${nameInput} (the service it deploys), seal it under one of those names, or add it to "services" in the policy.`
  );
}
async function serviceOfPrevious(request, policy, environment, ledger, nameInput) {
  if ((policy.service ?? null) !== null || request.name !== null) return serviceFor(policy, request.name, nameInput);
  const listed = policy.services ?? null;
  if (listed !== null) {
    throw new BadInputError(
      `${request.inputs.digest}: "previous" is the last good digest of one service, and the promotion policy ${policy.source} lists several (${listed.map(quote).join(", ")}). Give ${nameInput}: the service to roll back.`
    );
  }
  return (await ledger.newest(environment))?.service ?? null;
}
async function vetoDigest(request, ledger, options) {
  const known = await knownFromHistory(ledger, request.digest);
  const name = request.name ?? known.name;
  const recorded = await ledger.record(
    request.environment,
    async (view) => withAttestation(request.attest, {
      digest: request.digest,
      name,
      environment: request.environment,
      service: name,
      outcome: "vetoed",
      mode: null,
      runUrl: request.requester.runUrl,
      actor: request.requester.actor,
      sealedBy: known.sealedBy,
      previousDigest: (await view.live(request.environment, name))?.digest ?? null,
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
async function keepContract(sources, plan, allowed) {
  const loaded = plan?.loaded ?? null;
  if (!allowed || sources?.keep === void 0 || plan === null || plan.problem !== null || loaded === null || loaded.manifest.digest !== plan.candidate?.digest) return;
  await sources.keep(loaded);
}
async function approvalFor(view, plan, service) {
  if (plan.candidate === null || plan.changes === null || !plan.changes.some((c) => c.severity === "breaking" || c.severity === "dangerous")) return null;
  return unusedApproval(view, plan.environment, service, plan.live?.digest ?? null, plan.candidate.digest);
}
async function lastGoodBefore(ledger, environment, service) {
  for await (const span of ledger.previouslyLive(environment, service)) {
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
    if (entry.outcome === "pending") contract ??= entry.contract ?? null;
    gateSeen ||= entry.outcome === "pending";
    if (name && sealedBy && artifact && (contract !== null || gateSeen)) break;
  }
  return { sealedBy, name, artifact, contract };
}
function recordOf(request, digest, service, mode, outcome, previous, reason, sealedBy) {
  return {
    digest,
    name: request.name,
    environment: request.environment,
    service,
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
  serviceFor,
  vetoDigest,
  knownFromHistory
};
