import {
  fetchAndCheckBytes,
  sealInfoBesideListing
} from "./chunk-SHKYJPQ3.js";
import {
  driftStateOf
} from "./chunk-YOLHK5RF.js";
import {
  ownService,
  pipelineStatus
} from "./chunk-JP5WRL3G.js";
import {
  artifactOf,
  contractOfLive,
  knownFromHistory,
  lastGoodBefore,
  unusedApproval
} from "./chunk-HVXD5CRU.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-DOVHFKHJ.js";
import {
  renderPromotionText
} from "./chunk-VVSNQIVN.js";
import {
  changesByOperation,
  summarizeAmendment,
  versionStep
} from "./chunk-TUMNQBV5.js";
import {
  resolutionHeadline
} from "./chunk-XAV637GN.js";
import {
  declaresServices,
  findEnvironment,
  requireEnvironment,
  serviceFor,
  upstreamOf
} from "./chunk-UHB2LTWT.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-P5U6KBZP.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from "./chunk-5WSHTDSJ.js";
import "./chunk-26HFV435.js";
import "./chunk-OQ72UPIU.js";
import "./chunk-QEF4JICF.js";
import {
  besideLedger
} from "./chunk-PEENHNVN.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  describeService,
  makesLive
} from "./chunk-7EN7PEUO.js";
import {
  judgeSignature,
  signatureFact,
  signerExpectation,
  signerName
} from "./chunk-JQVMIM4I.js";
import "./chunk-XL7QM46K.js";
import "./chunk-ENTDSYKT.js";
import {
  describeProgress,
  parseSubjectPatterns
} from "./chunk-UYOJHDR5.js";
import {
  PLAIN_HTTP_HELP,
  PLAIN_HTTP_OPTIONS,
  plainHttpRegistries
} from "./chunk-E4QCWJIG.js";
import {
  RECORD_SIGNING_USAGE,
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  SIGNING_OPTIONS,
  readCliSignerCheck,
  readCliSigning,
  requirementReason,
  signatureRequired
} from "./chunk-VMITG4QB.js";
import "./chunk-6HQEGJDK.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-QT7LC6PH.js";
import {
  findSignatures,
  unsignedCheck
} from "./chunk-BTGAOTTD.js";
import "./chunk-6YWBE2YG.js";
import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import "./chunk-A63B7KBV.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-GCWGIEKY.js";
import "./chunk-LYSN4LFY.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
} from "./chunk-ATCQMFML.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import "./chunk-HCENANLJ.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-LIQ7BNBL.js";
import {
  prepareSigning
} from "./chunk-INAMIVDA.js";
import {
  DEFAULT_SERVER_URL,
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import {
  contractManifestBeside,
  hasBundleBeside
} from "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import {
  isImageSubject,
  parseImageSubject,
  withDigest
} from "./chunk-N5LYBXRY.js";
import "./chunk-6ESBXOH6.js";
import {
  parseDigest
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote,
  stopsPromotion
} from "./chunk-C7O7QJOZ.js";
import {
  printJson,
  printWarning
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import {
  spawn
} from "./chunk-PEFIDIUF.js";
import "./chunk-M6ACESL2.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/app/promote/contract-plan.ts
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
  if (!request.compare)
    return {
      environment: request.environment,
      compared: false,
      candidate,
      loaded,
      liveDigest: null,
      live: null,
      changes: null,
      problem
    };
  const span = await ledger.live(request.environment, request.service);
  const live = span === null ? null : await contractOfLive(ledger, span);
  const plan = {
    environment: request.environment,
    compared: true,
    candidate,
    loaded,
    liveDigest: span?.digest ?? null,
    live
  };
  if (problem !== null || live === null || candidate === null || live.digest === candidate.digest || span === null || loaded === null) {
    return {
      ...plan,
      changes: live !== null && candidate !== null && live.digest === candidate.digest ? [] : null,
      problem
    };
  }
  let baseline;
  try {
    baseline = await sources.baseline({
      environment: request.environment,
      digest: span.digest,
      contract: live,
      artifact: await artifactOf(ledger, span.digest)
    });
  } catch (error) {
    if (stopsPromotion(error) || !(error instanceof SealError)) throw error;
    return { ...plan, changes: null, problem: error.message };
  }
  const { classifyContracts } = await import("./classify-OVACAFTA.js");
  try {
    return {
      ...plan,
      changes: await classifyContracts(baseline, loaded, { now: await request.now() }),
      problem: null
    };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return {
      ...plan,
      changes: null,
      problem: `The contracts could not be compared: ${error.message}`
    };
  }
}
function contractsKnown(digest, plan) {
  const known = /* @__PURE__ */ new Map();
  if (plan === null) return known;
  if (plan.liveDigest !== null) known.set(plan.liveDigest, plan.live);
  if (digest !== null && plan.problem === null) known.set(digest, plan.candidate);
  return known;
}
async function keepAfterPromotion(sources, plan, allowed) {
  const loaded = plan?.loaded ?? null;
  if (!allowed || sources?.keep === void 0 || plan === null || plan.problem !== null || loaded === null || loaded.manifest.digest !== plan.candidate?.digest)
    return;
  await sources.keep(loaded);
}

// src/core/promotion/drift-rule.ts
function blockingUpstreams(policy, target) {
  return upstreamOf(target).filter((name) => findEnvironment(policy, name)?.drift === "block");
}
function driftRefusal(upstream, target, state) {
  if (!state.drifted || state.since === null) return null;
  const seen = (state.last ?? state.since).observation?.observed;
  return `${upstream} does not run what was promoted there: observe found drift at ${state.since.time} (record ${state.since.id})${seen ? `, running ${seen}` : ""}, and ${upstream} has "drift: block", so it counts for ${target} neither as passed nor for its soak. Deploy its live digest again and observe it, or accept the drift with artifact-seal drift ack --environment ${upstream} --reason "\u2026".`;
}

// src/core/promotion/contract-rule.ts
var NAMED_CHANGES = 5;
function judgeContract(environment, digest, rule, mode, fact) {
  const pass = (detail, approvalUsed2 = null) => ({
    passed: true,
    detail,
    approvalUsed: approvalUsed2
  });
  const fail = (detail) => ({ passed: false, detail, approvalUsed: null });
  const { live, candidate } = fact;
  if (fact.problem !== null) return fail(fact.problem);
  if (live === null) {
    if (candidate === null)
      return pass(`Neither ${environment}'s live digest nor this one carries a sealed contract.`);
    return pass(
      fact.liveDigest === null ? `${environment} runs nothing yet: contract ${candidate.version} (${candidate.digest}) is its initial contract.` : `${environment}'s live digest carries no sealed contract: contract ${candidate.version} (${candidate.digest}) is its initial contract.`
    );
  }
  if (candidate === null) {
    if (rule.breaking === "allow")
      return pass(
        `This digest carries no sealed contract; ${environment} ran contract ${live.version}, and breaking: allow lets it go.`
      );
    return fail(
      `${environment} runs contract ${live.version} (${live.digest}) and this digest's seal carries no contract: its clients would lose all of it, or it was sealed without the contract input. Seal it with "contract:" naming the contract files.`
    );
  }
  if (live.digest === candidate.digest)
    return pass(`The contract is unchanged: ${candidate.version} (${candidate.digest}).`);
  if (fact.changes === null)
    return fail(`The contract ${environment} runs could not be compared with this digest's.`);
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
  const versionNote = versionProblem(
    step,
    live.version,
    candidate.version,
    fact.changes.length > 0,
    breaking.length > 0
  );
  const problems = [];
  let approvalUsed = null;
  if (breaking.length > 0) {
    const list = named(breaking);
    switch (rule.breaking) {
      case "refuse":
        problems.push(
          `${environment} refuses breaking contract amendments (contract.breaking: refuse), and ${amendment} has ${breaking.length}: ${list}`
        );
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
    problems.push(
      `${environment} refuses changes that may break some clients (contract.dangerous: refuse), and ${amendment} has ${dangerous.length}: ${named(dangerous)}`
    );
  }
  if (versionNote !== null && rule.breaking === "require-major")
    problems.push(`${versionNote} (contract.breaking: require-major).`);
  if (problems.length > 0) return fail(problems.join(" "));
  const notes = [
    `${amendment}: ${counts}.`,
    ...approvalUsed !== null && fact.approval ? [
      `Approved by ${fact.approval.actor ?? "an unnamed actor"} at ${fact.approval.time} (record ${fact.approval.id}): ${fact.approval.reason ?? "no reason given"}.`
    ] : [],
    ...breaking.length > 0 && rule.breaking === "allow" ? [`Breaking changes pass (contract.breaking: allow): ${named(breaking)}`] : [],
    ...breaking.length > 0 && rule.breaking === "require-major" ? [
      `The breaking changes pass with the major version step ${live.version} \u2192 ${candidate.version}.`
    ] : [],
    ...dangerous.length > 0 && rule.dangerous === "warn" ? [`Warning: ${dangerous.length} change(s) may break some clients: ${named(dangerous)}`] : [],
    ...versionNote !== null ? [`Warning: ${versionNote}.`] : []
  ];
  return pass(notes.join(" "), approvalUsed);
}
function versionProblem(step, from, to, changed, breaking) {
  if (step === "down") return `the contract version went down, from ${from} to ${to}`;
  if (step === "not-semver" && breaking)
    return `the contract versions ${JSON.stringify(from)} and ${JSON.stringify(to)} are not both semantic versions (MAJOR.MINOR.PATCH), so the version step cannot be judged`;
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
      ran.length > 0 ? {
        rule: "ran-before",
        environment: rule.name,
        passed: true,
        detail: `${rule.name} ran this digest from ${ran.at(-1)?.from}.`
      } : {
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
  if (rule.signedBy !== null) checks.push(signedByCheck(rule.name, rule.signedBy, facts.signature));
  let approvalUsed = null;
  if (rule.contract && facts.otherService !== void 0 && mode === "promote")
    checks.push(newServiceCheck(rule.name, request.service ?? null, facts.otherService));
  if (rule.contract) {
    const verdict = facts.contract ? judgeContract(rule.name, digest, rule.contract, mode, facts.contract) : {
      passed: false,
      detail: `${rule.name} judges contract amendments, and the contracts were not compared (fail closed).`,
      approvalUsed: null
    };
    checks.push({
      rule: "contract",
      environment: rule.name,
      passed: verdict.passed,
      detail: verdict.detail
    });
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
  if (veto === null)
    return { rule: "veto", environment, passed: true, detail: "The digest is not vetoed." };
  const where = veto.environment ? ` in ${veto.environment}` : "";
  return {
    rule: "veto",
    environment,
    passed: false,
    detail: `The digest was vetoed${where} at ${veto.time}${veto.actor ? ` by ${veto.actor}` : ""}: ${veto.reason ?? "no reason given"}. Build and seal a fixed artifact.`
  };
}
function signedByCheck(environment, want, signature) {
  const fail = (detail) => ({
    rule: "signed-by",
    environment,
    passed: false,
    detail
  });
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
  const failures = checkIdentity(
    signer.identity,
    identityPolicy({ ...want, sourceRef: want.ref }, signature.serverUrl)
  );
  if (failures.length > 0) {
    return fail(
      `The seal's signer does not satisfy ${environment}'s signed-by rule: ${describeIdentityFailure(failures).split("\n").join("; ")}.`
    );
  }
  return {
    rule: "signed-by",
    environment,
    passed: true,
    detail: `Signed by ${signer.identity.subjectAlternativeName} at ${signer.signedAt}.`
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
  const drift = facts.drifted?.get(upstream);
  if (drift !== void 0)
    return [{ rule: "drift", environment: upstream, passed: false, detail: drift }];
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
  const checks = [
    {
      rule,
      environment: upstream,
      passed: true,
      detail: `${upstream} ran this digest from ${spans.at(-1)?.from}.`
    }
  ];
  if (target.soakMs > 0) checks.push(soakCheck(upstream, target, spans, now));
  return checks;
}
function soakCheck(upstream, target, spans, now) {
  const longest = longestStretch(spans, now);
  const ms = longest?.ms ?? 0;
  const required = formatDuration(target.soakMs);
  if (ms >= target.soakMs) {
    const how = longest?.span.until === null ? "has been live there for" : "was live there for";
    return {
      rule: "soak",
      environment: upstream,
      passed: true,
      detail: `It ${how} ${formatDuration(ms)} (soak ${required}).`
    };
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
  const options = target.requiresAny.map(
    (upstream) => upstreamChecks("requires-any", upstream, target, facts, now)
  );
  const satisfied = options.find((checks) => checks.every((c) => c.passed));
  if (satisfied) return satisfied;
  const names = target.requiresAny.join(", ");
  const details = options.map(
    (checks) => checks.filter((c) => !c.passed).map((c) => c.detail).join(" ")
  ).join(" ");
  return [
    {
      rule: "requires-any",
      environment: names,
      passed: false,
      detail: `${target.name} takes a digest that passed one of ${names}; none qualifies. ${details}`
    }
  ];
}
function refusal(mode, environment, digest, rule, detail) {
  return {
    allowed: false,
    mode,
    digest,
    environment,
    checks: [{ rule, environment, passed: false, detail }],
    reason: detail
  };
}

// src/core/promotion/decide-promotion.ts
function decidePromotion(subject, evidence, ledger) {
  const { digest, rule, mode, service } = subject;
  if (evidence.refusal !== null)
    return refusal(mode, rule.name, digest, evidence.refusal.rule, evidence.refusal.detail);
  const decision = decide(
    { digest, rule, mode, now: ledger.now, service },
    {
      veto: ledger.veto,
      live: ledger.live,
      spans: ledger.spans,
      ...evidence.signature !== void 0 ? { signature: evidence.signature } : {},
      ...evidence.contract !== null && rule.contract ? { contract: contractFact(evidence.contract, ledger.live, ledger.approval) } : {},
      ...ledger.otherService !== null && ledger.otherService.service !== service ? { otherService: ledger.otherService } : {},
      drifted: driftedUpstreams(rule.name, ledger.drift)
    }
  );
  return evidence.withoutBytes === null ? decision : { ...decision, checks: [...decision.checks, evidence.withoutBytes] };
}
function driftedUpstreams(target, states) {
  const drifted = /* @__PURE__ */ new Map();
  for (const [upstream, state] of states ?? []) {
    const refusal2 = driftRefusal(upstream, target, state);
    if (refusal2 !== null) drifted.set(upstream, refusal2);
  }
  return drifted;
}
function contractFact(evidence, liveNow, approval) {
  if ((liveNow?.digest ?? null) !== evidence.liveDigest) {
    return {
      live: evidence.live,
      liveDigest: evidence.liveDigest,
      candidate: evidence.candidate,
      changes: null,
      problem: `The environment's live digest changed (to ${liveNow?.digest ?? "none"}) while the contracts were compared; promote again to compare with what it runs now.`,
      approval: null
    };
  }
  return {
    live: evidence.live,
    liveDigest: evidence.liveDigest,
    candidate: evidence.candidate,
    changes: evidence.changes,
    problem: evidence.problem,
    approval
  };
}
function mayNeedApproval(evidence) {
  return evidence.candidate !== null && evidence.changes !== null && evidence.changes.some((c) => c.severity === "breaking" || c.severity === "dangerous");
}
function amendmentOf(evidence, approvalUsed) {
  if (evidence.changes === null || evidence.live?.digest === evidence.candidate?.digest || evidence.live === null)
    return null;
  return {
    ...summarizeAmendment(evidence.live, evidence.candidate, evidence.changes),
    ...approvalUsed !== null ? { approval: approvalUsed } : {}
  };
}
function bytesMismatchDetail(actual, mismatches, digest) {
  const files = mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`);
  const more = mismatches.length > 5 ? ` and ${mismatches.length - 5} more` : "";
  return `The bytes to deploy are ${actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(", ")}${more} differ from the seal.` : ".");
}

// src/core/promotion/soak-wait.ts
function waitStep(decision, rule, spans, pendingIn, now, pollMs) {
  const failed = decision.checks.filter((c) => !c.passed);
  if (decision.allowed || failed.length === 0) return null;
  const soaking = [];
  const confirming = [];
  let soakMs = 0;
  for (const check of failed) {
    if (check.rule === "soak") {
      const open = (spans.get(check.environment) ?? []).find((s) => s.until === null);
      if (open === void 0) return null;
      soakMs = Math.max(soakMs, Date.parse(open.from) + rule.soakMs - now.getTime());
      soaking.push(check.environment);
    } else if ((check.rule === "requires" || check.rule === "requires-any") && pendingIn.has(check.environment)) {
      confirming.push(check.environment);
    } else return null;
  }
  const soakLeft = Math.max(soakMs, 0);
  if (confirming.length === 0) return { ms: soakLeft, soaking, confirming };
  return { ms: soaking.length > 0 ? Math.min(soakLeft, pollMs) : pollMs, soaking, confirming };
}

// src/app/observe/drift-facts.ts
async function driftOfUpstreams(view, policy, target, service) {
  const upstreams = blockingUpstreams(policy, target);
  return new Map(
    await Promise.all(
      upstreams.map(
        async (environment) => [
          environment,
          await driftStateOf(view.entries({ environment, service }), service)
        ]
      )
    )
  );
}

// src/app/promote/promote-digest.ts
async function promoteDigest(request, policy, ledger, options) {
  const rule = environmentOf(request, policy);
  const mode = request.rollback ? "rollback" : "promote";
  const nameInput = request.inputs.name ?? "name";
  const outcome = new Outcome(request, policy, nameInput);
  const target = await resolveTarget(request, policy, rule, ledger, nameInput, outcome);
  if (target.kind === "unreadable") {
    if (target.service !== void 0) outcome.service = target.service;
    return outcome.ledgerRefusal(mode, rule, target.error);
  }
  const digest = target.digest;
  outcome.digest = digest;
  if (target.service !== void 0) outcome.service = target.service;
  let history;
  try {
    history = await knownFromHistory(ledger, digest);
  } catch (error) {
    return outcome.ledgerRefusal(mode, rule, error);
  }
  outcome.learn(history);
  let evidence = { refusal: target.refusal, withoutBytes: null, contract: null };
  let bytesAbsent = null;
  if (evidence.refusal === null && request.verifyBytes) {
    const checked = await checkBytes(request.verifyBytes, digest, history, outcome);
    bytesAbsent = typeof checked === "object" && checked !== null && "absent" in checked ? checked.absent : null;
    evidence = {
      ...evidence,
      refusal: bytesAbsent !== null ? null : checked
    };
  }
  if (evidence.refusal === null && request.checkSignature)
    evidence = { ...evidence, ...await checkSignature(request, digest, rule, mode, outcome) };
  if (evidence.refusal === null && bytesAbsent !== null && !digestAlone(outcome.signature)) {
    evidence = {
      ...evidence,
      refusal: {
        rule: "bytes",
        detail: `The bytes to deploy could not be fetched and checked: ${bytesAbsent} ${signatureFound(outcome.signature)}`
      }
    };
  }
  if (evidence.refusal === null && (!request.verifyBytes || bytesAbsent !== null) && !request.dryRun)
    evidence = {
      ...evidence,
      withoutBytes: withoutBytes(request.withoutBytes, rule.name, digest, outcome.signature)
    };
  const service = outcome.service ??= serviceOfPromotion(
    policy,
    rule,
    outcome,
    history,
    nameInput
  );
  outcome.name ??= outcome.signedName ?? history.name ?? null;
  if (outcome.name === null && outcome.claimedName !== null) {
    outcome.name = outcome.claimedName;
    outcome.nameClaimed = true;
  }
  if (evidence.refusal === null && request.contract) {
    try {
      outcome.contract = await planContract(
        {
          environment: rule.name,
          service,
          digest,
          bytes: outcome.verification,
          signed: outcome.signature?.status === "verified" ? outcome.signature.contract : void 0,
          recorded: history.contract ?? null,
          compare: (rule.contract ?? null) !== null,
          now: () => ledger.now()
        },
        request.contract,
        ledger
      );
    } catch (error) {
      if (!(error instanceof SealError) || stopsPromotion(error)) throw error;
      return outcome.ledgerRefusal(mode, rule, error);
    }
    evidence = { ...evidence, contract: outcome.contract };
  }
  const artifact = outcome.verification?.artifact ?? request.artifact ?? history.artifact;
  const subject = { digest, rule, mode, service };
  let decision = null;
  const decideAndRecord = async (view) => {
    const facts = await ledgerFacts(view, subject, policy, evidence);
    outcome.previous = facts.live;
    decision = decidePromotion(subject, evidence, facts);
    if (request.dryRun) return null;
    const record = recordOf(
      request,
      {
        ...subject,
        outcome: decision.allowed ? "pending" : "refused",
        previous: facts.live,
        reason: decision.reason
      },
      outcome,
      artifact,
      decision
    );
    return request.attest ? { ...record, attestation: await request.attest(record, decision, outcome.signature) } : record;
  };
  const decided = () => {
    if (decision === null)
      throw new Error("unreachable: the ledger recorded without running the gate");
    return decision;
  };
  try {
    if (request.wait !== void 0 && !request.dryRun && evidence.refusal === null)
      outcome.waitedMs = await waitForSoak(request.wait, ledger, subject, policy, evidence);
    if (request.dryRun) {
      await decideAndRecord(ledger);
      return outcome.result(decided());
    }
    const recorded = await ledger.record(rule.name, decideAndRecord, options.pendingTimeoutMs);
    outcome.abandoned = recorded.abandoned;
    if (recorded.lost === null)
      await keepAfterPromotion(request.contract, outcome.contract, decided().allowed);
    return outcome.result(
      recorded.lost === null ? decided() : lostAfterAppend(decided(), rule.name, recorded.lost),
      recorded.entry
    );
  } catch (error) {
    return outcome.ledgerRefusal(mode, rule, error);
  }
}
function environmentOf(request, policy) {
  return requireEnvironment(policy, request.environment, request.inputs.environment);
}
var Outcome = class {
  constructor(request, policy, nameInput) {
    this.policy = policy;
    this.nameInput = nameInput;
    this.policyPins = (policy.service ?? null) !== null;
    this.digest = request.digest === "previous" ? null : request.digest;
    this.sealedBy = request.sealedBy;
    this.name = request.name;
    this.claimedName = request.claimedName ?? null;
  }
  policy;
  nameInput;
  digest;
  /** Known before the digest for "previous" (whose previous?), else once the name is. */
  service;
  previous = null;
  sealedBy;
  name;
  /** What an unsigned statement beside the bytes says the name is: shown as claimed, never used. */
  claimedName;
  /** The verified signature's statement's name; undefined while no signature verified. */
  signedName;
  verification = null;
  signature = null;
  contract = null;
  abandoned = [];
  policyPins;
  /** With `from`: what it ran, and for which service. */
  from = null;
  fromService;
  waitedMs = 0;
  /** The name the record keeps is only what an unsigned statement claims. */
  nameClaimed = false;
  /**
   * Who sealed the bytes, as earlier records or the statement that travelled with them say, when
   * the caller did not. A name is never taken from them here.
   */
  learn(known) {
    this.sealedBy ??= known.sealedBy;
  }
  result(decision, record = null) {
    return {
      decision,
      digest: this.digest,
      service: this.service !== void 0 ? this.service : serviceFor(this.policy, this.name, this.nameInput),
      claimedName: this.nameClaimed || this.name !== this.claimedName ? this.claimedName : null,
      previous: this.previous,
      record,
      abandoned: this.abandoned,
      sealedBy: this.sealedBy,
      name: this.name,
      verification: this.verification,
      signature: this.signature,
      contract: this.contract,
      from: this.from,
      waitedMs: this.waitedMs
    };
  }
  /** The ledger could not be read or written: a refusal (fail closed), recorded nowhere. */
  ledgerRefusal(mode, rule, error) {
    if (!(error instanceof SealError)) throw error;
    return this.result(
      refusal(
        mode,
        rule.name,
        this.digest,
        "ledger",
        `The ledger could not be read or written, so the promotion is refused (fail closed): ${error.message}`
      )
    );
  }
};
async function resolveTarget(request, policy, rule, ledger, nameInput, outcome) {
  if ((request.from ?? null) !== null)
    return resolveFrom(request, request.from, policy, rule, ledger, nameInput, outcome);
  if (request.digest === null)
    throw new Error("unreachable: a promotion with no digest and no environment to take it from");
  if (request.digest !== "previous")
    return { kind: "digest", digest: request.digest, refusal: null };
  let service;
  let live;
  let digest;
  try {
    service = await serviceOfPrevious(request, policy, rule.name, ledger, nameInput);
    live = await ledger.live(rule.name, service);
    digest = await lastGoodBefore(ledger, rule.name, service);
  } catch (error) {
    if (stopsPromotion(error)) throw error;
    return { kind: "unreadable", error, ...service === void 0 ? {} : { service } };
  }
  if (digest !== null) return { kind: "digest", digest, service, refusal: null };
  const of = service === null && !declaresServices(policy) ? "" : ` (${describeService(service)})`;
  if (live === null)
    throw new SealError(
      "bad-input",
      `${request.inputs.digest}: ${rule.name}${of} never ran a digest, so there is nothing to roll back to. Promote a digest instead.`
    );
  return {
    kind: "digest",
    digest: live.digest,
    service,
    refusal: {
      rule: "ran-before",
      detail: `${rule.name}${of} ran no other digest that is not vetoed before ${live.digest}; there is nothing to roll back to.`
    }
  };
}
async function resolveFrom(request, from, policy, rule, ledger, nameInput, outcome) {
  const fromInput = request.inputs.from ?? "from";
  requireEnvironment(policy, from, fromInput);
  if (from === rule.name)
    throw new SealError(
      "bad-input",
      `${fromInput}: ${quote(from)} is the environment promoted into; name the environment whose live digest goes there, such as the one it requires.`
    );
  if (request.rollback)
    throw new SealError(
      "bad-input",
      `${fromInput}: a rollback returns to a digest ${rule.name} ran before; it takes nothing from ${quote(from)}. Remove one of the two.`
    );
  let candidates;
  const lives = [];
  try {
    candidates = outcome.policyPins || request.name !== null ? [serviceFor(policy, request.name, nameInput)] : policy.services ?? await ledger.services(from);
    for (const service2 of candidates) {
      const live2 = await ledger.live(from, service2);
      if (live2 !== null) lives.push({ service: service2, live: live2 });
    }
  } catch (error) {
    if (stopsPromotion(error)) throw error;
    return { kind: "unreadable", error };
  }
  const which = candidates.length === 1 ? ` for ${describeService(candidates[0])}` : "";
  if (lives.length === 0) {
    throw new SealError(
      "bad-input",
      `${fromInput}: ${from} runs no digest${which}: no deployment there was confirmed, so there is nothing to promote from it. Promote a digest to ${from} first, or give ${request.inputs.digest}.`
    );
  }
  if (lives.length > 1) {
    throw new SealError(
      "bad-input",
      `${fromInput}: ${from} runs several services (${lives.map((l) => `${l.service === null ? "the default service" : quote(l.service)}: ${l.live.digest}`).join(", ")}), so which one to promote is ambiguous. Give ${nameInput}: the service to promote.`
    );
  }
  const { service, live } = lives[0];
  if (request.digest !== null && request.digest !== "previous" && request.digest !== live.digest) {
    throw new SealError(
      "bad-input",
      `${request.inputs.digest}: ${request.digest} is not what ${fromInput} ${quote(from)} runs${which}: it runs ${live.digest} (since ${live.from}). Give one of the two, or the digest it runs.`
    );
  }
  outcome.from = live;
  outcome.fromService = service;
  return { kind: "digest", digest: live.digest, service, refusal: null };
}
async function serviceOfPrevious(request, policy, environment, ledger, nameInput) {
  if ((policy.service ?? null) !== null || request.name !== null)
    return serviceFor(policy, request.name, nameInput);
  const listed = policy.services ?? null;
  if (listed !== null) {
    throw new SealError(
      "bad-input",
      `${request.inputs.digest}: "previous" is the last good digest of one service, and the promotion policy ${policy.source} lists several (${listed.map(quote).join(", ")}). Give ${nameInput}: the service to roll back.`
    );
  }
  return (await ledger.newest(environment))?.service ?? null;
}
async function checkBytes(verifyBytes, digest, history, outcome) {
  try {
    const check = await verifyBytes(digest, history);
    if (check.absent !== void 0) return { absent: check.absent };
    outcome.verification = check;
    outcome.learn(check);
    outcome.claimedName ??= check.name ?? null;
    return check.verified ? null : { rule: "bytes", detail: bytesMismatchDetail(check.actual, check.mismatches, digest) };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return {
      rule: "bytes",
      detail: `The bytes to deploy could not be fetched and checked: ${error.message}`
    };
  }
}
async function checkSignature(request, digest, rule, mode, outcome) {
  let check;
  try {
    check = await request.checkSignature(
      digest,
      outcome.verification
    );
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    check = {
      status: "refused",
      detail: `The seal's signature could not be checked: ${error.message}`
    };
  }
  outcome.signature = check;
  const required = rule.signedBy === null ? request.signatureRequired ?? null : null;
  const verdict = judgeSignature(
    check,
    required,
    mode === "promote" ? 'Seal it with "permissions: id-token: write" or a signing-key.' : null
  );
  if (!verdict.accepted) return { refusal: { rule: "signature", detail: verdict.reason } };
  if (check.status === "verified") {
    outcome.sealedBy = check.sealedBy;
    outcome.signedName = check.name;
    const swapped = swappedStatement(check.name, outcome.claimedName);
    if (swapped !== null) return { refusal: { rule: "signature", detail: swapped } };
    contradictedName(request, outcome, check.name, mode);
  }
  return {
    refusal: null,
    signature: signatureFact(check, request.serverUrl ?? DEFAULT_SERVER_URL)
  };
}
function swappedStatement(signed, claimed) {
  if (claimed === null || claimed === signed) return null;
  return `The seal's signed statement is of ${signed === null ? "an unnamed subject" : quote(signed)}, but the unsigned statement beside it names ${quote(claimed)}: the seal bundle was swapped or edited after it was signed. Promote with the seal bundle exactly as the seal step wrote it.`;
}
function contradictedName(request, outcome, signed, mode) {
  const given = request.name ?? outcome.fromService ?? null;
  if (outcome.policyPins || given === null || signed === null || signed === given) return;
  const nameInput = request.inputs.name ?? "name";
  const what = request.name !== null ? quote(given) : `${quote(given)}, the service ${request.inputs.from ?? "from"} runs it as,`;
  throw new SealError(
    "bad-input",
    `${nameInput}: ${what} is not the service this ${mode === "rollback" ? "rollback returns to" : "seal is of"}: its signed statement names ${quote(signed)}. Give ${nameInput}: ${signed} (or leave it out), or pin the one service in the promotion policy ("service: ...") when every artifact it promotes is one service.`
  );
}
function serviceOfPromotion(policy, rule, outcome, history, nameInput) {
  if (outcome.policyPins) return serviceFor(policy, null, nameInput);
  const proven = outcome.name ?? outcome.signedName ?? null;
  if (proven !== null) return serviceFor(policy, proven, nameInput);
  if (history.service !== void 0) return serviceFor(policy, history.service, nameInput);
  if (outcome.claimedName !== null && (policy.services ?? null) === null && !rule.contract)
    return serviceFor(policy, outcome.claimedName, nameInput);
  if (outcome.claimedName !== null && (policy.services ?? null) === null)
    return serviceFor(policy, null, nameInput);
  if (outcome.claimedName !== null) {
    throw new SealError(
      "bad-input",
      `${nameInput}: the promotion policy ${policy.source} lists its services, and nothing proves which one this is: the seal's unsigned statement claims ${quote(outcome.claimedName)}, which anyone who handled the files could have written. Give ${nameInput} (the service it deploys), or sign the seal so its name is proven.`
    );
  }
  return serviceFor(policy, null, nameInput);
}
function withoutBytes(rule, environment, digest, signature) {
  if (digestAlone(signature)) {
    return {
      rule: "bytes",
      environment,
      passed: true,
      detail: `No files to check: the signed seal is of the digest alone (sealed with subject-digest), so the deployment takes ${digest} itself.`
    };
  }
  if (rule.declared) {
    return {
      rule: "bytes",
      environment,
      passed: true,
      detail: `Not checked: the promotion says it carries no bytes (digest-only), so nothing here proved that what is deployed is ${digest}.`
    };
  }
  throw new SealError("bad-input", `${rule.missing} ${signatureFound(signature)}`);
}
function digestAlone(signature) {
  return signature?.status === "verified" && signature.digestOnly;
}
function signatureFound(signature) {
  return signature === null ? "No signature was looked for." : signature.status === "verified" ? `Its signed seal (${signature.source}) is of files, not of a digest alone.` : signature.status === "unsigned" ? signature.detail : `Its signature was refused: ${signature.detail}`;
}
async function ledgerFacts(view, subject, policy, evidence) {
  const { digest, rule, mode, service } = subject;
  const live = await view.live(rule.name, service);
  if (evidence.refusal !== null)
    return {
      now: /* @__PURE__ */ new Date(0),
      veto: null,
      live,
      spans: /* @__PURE__ */ new Map(),
      otherService: null,
      approval: null
    };
  const environments = mode === "rollback" ? [rule.name] : upstreamOf(rule);
  const newest = rule.contract && live === null && (policy.services ?? null) === null ? await view.newest(rule.name) : null;
  const contract = evidence.contract;
  return {
    veto: await view.veto(digest),
    live,
    spans: new Map(
      await Promise.all(
        environments.map(async (env) => [env, await view.spans(digest, env, service)])
      )
    ),
    otherService: newest,
    drift: await driftOfUpstreams(view, policy, rule, service),
    approval: contract !== null && rule.contract && mayNeedApproval(contract) ? await unusedApproval(
      view,
      contract.environment,
      service,
      contract.live?.digest ?? null,
      contract.candidate?.digest
    ) : null,
    now: await view.now()
  };
}
var CONFIRMATION_POLL_MS = 3e4;
async function waitForSoak(wait, ledger, subject, policy, evidence) {
  let slept = 0;
  for (; ; ) {
    const facts = await ledgerFacts(ledger, subject, policy, evidence);
    const trial = decidePromotion(subject, evidence, facts);
    const pendingIn = await pendingUpstreams(ledger, subject, trial);
    const step = waitStep(
      trial,
      subject.rule,
      facts.spans,
      pendingIn,
      facts.now,
      CONFIRMATION_POLL_MS
    );
    if (step === null) return slept;
    const nap = step.ms + 1e3;
    const what = [
      ...step.soaking.length > 0 ? [`${subject.digest} to soak in ${step.soaking.join(", ")}`] : [],
      ...step.confirming.length > 0 ? [`its deployment to ${step.confirming.join(", ")} to be confirmed`] : []
    ].join(" and ");
    if (slept + nap > wait.maxMs) {
      const left = formatDuration(wait.maxMs - slept);
      const already = slept > 0 ? ` (waited ${formatDuration(slept)} already)` : "";
      wait.log(
        step.confirming.length > 0 ? `Still waiting for ${what}, with ${left} left to wait${already}; deciding now.` : `The soak in ${step.soaking.join(", ")} is over in ${formatDuration(step.ms)}, more than the ${left} left to wait${already}; deciding now.`
      );
      return slept;
    }
    wait.log(
      `Waiting ${formatDuration(nap)} for ${what} before ${subject.rule.name} takes it; the ledger is read and every rule judged again then.`
    );
    await wait.sleep(nap);
    slept += nap;
  }
}
async function pendingUpstreams(ledger, subject, trial) {
  const asked = trial.checks.filter(
    (c) => !c.passed && (c.rule === "requires" || c.rule === "requires-any")
  );
  const pendingIn = /* @__PURE__ */ new Set();
  for (const check of asked) {
    const pending = await ledger.pending(check.environment, subject.service);
    if (pending.some((entry) => entry.digest === subject.digest)) pendingIn.add(check.environment);
  }
  return pendingIn;
}
function lostAfterAppend(decision, environment, lost) {
  const check = { rule: "ledger", environment, passed: false, detail: lost };
  return {
    ...decision,
    allowed: false,
    checks: [...decision.checks, check],
    reason: [decision.reason, lost].filter((r) => r !== null).join(" ")
  };
}
function recordOf(request, decided, outcome, artifact, decision) {
  const amendment = outcome.contract === null ? null : amendmentOf(outcome.contract, decision.approvalUsed ?? null);
  return {
    digest: decided.digest,
    name: outcome.name,
    environment: request.environment,
    service: decided.service,
    outcome: decided.outcome,
    mode: decided.mode,
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy: outcome.sealedBy,
    previousDigest: decided.previous?.digest ?? null,
    reason: decided.reason,
    environmentUrl: request.environmentUrl,
    artifact,
    resolves: null,
    key: randomUUID(),
    ...outcome.contract?.candidate ? { contract: outcome.contract.candidate } : {},
    ...amendment !== null ? { amendment } : {}
  };
}

// src/app/signature/sources.ts
function signatureSources(checksumsFile, asked, token, tokenInput, env) {
  const repository = env.GITHUB_REPOSITORY;
  const attestations = asked && repository && token !== "" ? async (digest) => {
    const { listAttestations } = await import("./attestations-api-IYZDQYVU.js");
    return listAttestations(digest, { env, token, tokenInput });
  } : null;
  return { checksumsFile, attestations };
}

// src/app/promote/lazy-contract-sources.ts
function lazyContractSources(options) {
  let sources = null;
  const made = async () => {
    const { contractSources } = await import("./contract-sources-2PIMTNQZ.js");
    return contractSources(options);
  };
  const load = () => sources ??= made();
  return {
    async candidate(digest, bytes, claimed) {
      const listing = bytes?.checksumsFile ?? null;
      if (claimed === null && (listing === null || contractManifestBeside(listing) === null))
        return { contract: null, known: listing !== null && hasBundleBeside(listing) };
      return (await load()).candidate(digest, bytes, claimed);
    },
    baseline: async (live) => (await load()).baseline(live),
    ...options.store === null ? {} : { keep: async (contract) => (await load()).keep?.(contract) }
  };
}

// src/app/promote/request.ts
function promoteRequest(asked, policy, ledger, signing, context) {
  const { env, names } = context;
  const source = asked.source;
  const imageGate = source?.kind === "image" ? imageGateOf(source, env, context.imageRegistry) : NO_IMAGE;
  const listing = (source?.kind === "local" || source?.kind === "image" ? source.checksumsFile : null) ?? asked.sealListing;
  const sealed = asked.digest === "previous" || asked.digest === null ? null : sealInfoBesideListing(listing, asked.digest, {
    serverUrl: serverUrlOf(env),
    onInvalid: context.warn
  });
  const fetchContext = {
    env,
    downloadsDir: context.downloadsDir,
    seal: {
      fallbackName: fallbackName(env, context.baseDir),
      build: buildContextFromEnv(env),
      onProgress: context.onProgress
    },
    inputs: {
      expected: names.digest,
      checksums: names.checksums,
      artifactName: names.artifactName
    },
    log: context.log
  };
  const environmentRule = findEnvironment(policy, asked.environment);
  const policyAsks = (environmentRule?.signedBy ?? null) !== null;
  const required = signatureRequired(asked.signer, policyAsks);
  const expectation = signerExpectation(asked.signer, required, env);
  return {
    environment: asked.environment,
    digest: asked.digest,
    from: asked.from ?? null,
    rollback: asked.rollback,
    dryRun: asked.dryRun,
    name: asked.name,
    claimedName: sealed?.name ?? null,
    environmentUrl: asked.environmentUrl,
    sealedBy: sealed?.sealedBy ?? null,
    requester: requesterFromEnv(env),
    inputs: {
      environment: names.environment,
      digest: names.digest,
      name: names.name,
      ...names.from === void 0 ? {} : { from: names.from },
      ...names.wait === void 0 ? {} : { wait: names.wait }
    },
    ...(asked.waitMs ?? 0) > 0 ? {
      wait: {
        maxMs: asked.waitMs,
        sleep: context.sleep ?? sleepOnTimer,
        log: context.log
      }
    } : {},
    artifact: null,
    ...source?.kind === "image" ? {
      verifyBytes: (digest) => imageGate.check(digest, environmentRule?.platforms ?? [], asked.rollback)
    } : source ? {
      verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext)
    } : {},
    withoutBytes: asked.withoutBytes,
    checkSignature: async (digest, bytes) => {
      const checksumsFile = bytes?.checksumsFile ?? asked.sealListing;
      const plain = signatureSources(
        checksumsFile,
        required || asked.signer.asksForSigner,
        asked.token,
        names.token,
        env
      );
      const sources = source?.kind === "image" && (required || asked.signer.asksForSigner) ? await imageGate.sources(plain) : plain;
      const found = await findSignatures(digest, sources);
      if (found.candidates.length === 0) return unsignedCheck(digest, found.looked);
      const { checkCandidates } = await import("./check-signature-6SLZXHGL.js");
      return checkCandidates(found.candidates, digest, expectation, checksumsFile);
    },
    signatureRequired: required ? requirementReason(asked.signer, policyAsks) : null,
    serverUrl: expectation.serverUrl,
    ...signing.kind === "none" ? {} : {
      attest: async (record, decision, signature) => (await import("./attest-record-F72CQEF3.js")).recordAttester(signing, {
        ledger,
        policy,
        env,
        token: asked.token,
        tokenInput: names.token,
        ...context.onRecordSigned === void 0 ? {} : { onSigned: context.onRecordSigned }
      })(record, decision, signature)
    },
    contract: lazyContractSources({
      store: ledger.kind === "file" ? besideLedger(ledger.file).contracts : null,
      baseline: asked.contractBaseline === null ? null : {
        path: resolve(context.baseDir, asked.contractBaseline),
        inputName: names.contractBaseline
      },
      warn: context.warn,
      ...context.downloads ? {
        download: async (digest, artifact) => {
          const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId);
          const fetched = await fetchAndCheckBytes(
            {
              kind: "artifact",
              name: artifact.name,
              runId,
              repository: null,
              token: asked.token
            },
            digest,
            { sealedBy: null, name: null, artifact },
            fetchContext
          );
          if (!fetched.verified || fetched.checksumsFile === null)
            throw new SealError("mismatch", `its files are not ${digest}`);
          return fetched.checksumsFile;
        }
      } : {}
    })
  };
}
function sleepOnTimer(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}
function imageGateOf(source, env, shared) {
  let registry = null;
  const open = shared ?? (async () => {
    const { imageRegistryFor } = await import("./image-bytes-2V4XRPZD.js");
    registry ??= imageRegistryFor(source, env);
    return registry;
  });
  return {
    check: async (digest, platforms, rollback) => {
      const { checkImageBytes } = await import("./image-bytes-2V4XRPZD.js");
      const checked = rollback && source.reference.digest === null ? { ...source, reference: withDigest(source.reference, digest) } : source;
      return checkImageBytes(checked, digest, await open(), { platforms });
    },
    sources: async (base) => {
      const { imageSignatureSources } = await import("./image-bytes-2V4XRPZD.js");
      return imageSignatureSources(base, source, await open());
    }
  };
}
var NO_IMAGE = {
  check: () => Promise.reject(new Error("unreachable: no image to check")),
  sources: (base) => Promise.resolve(base)
};

// src/cli/promote-command.ts
var PROMOTE_USAGE = `Usage: artifact-seal promote <digest|previous> --environment ENV [options] [-- <deploy command\u2026>]
       artifact-seal promote --from ENV --environment ENV [options] [-- <deploy command\u2026>]

Lets a sealed digest into an environment when the promotion policy holds, and records
the decision in the ledger: pending, since nothing counts as deployed until the deployment
is confirmed. Exits 1 when it is refused.

With "-- <deploy command\u2026>", runs the command once the digest is let in (with
ARTIFACT_SEAL_PATH set to the verified files, empty without --path; ARTIFACT_SEAL_DIGEST, ARTIFACT_SEAL_ENVIRONMENT,
ARTIFACT_SEAL_RECORD_ID and, for an image, ARTIFACT_SEAL_IMAGE_REF: name@sha256:\u2026, the copy's when
the policy copies it) and confirms the record when it exits 0, or records the
deployment as failed and exits with its status. Without it, confirm the record afterwards
with "artifact-seal confirm <record-id>".

  --environment ENV   the environment, as the policy names it
  --path P            the bytes about to be deployed: re-verified first (repeatable);
                      or oci://<image>, checked in its registry as the verify command does;
                      the policy's image: rule then retags or copies it, as the action does
  --checksums FILE    the sealed listing, to name the files that differ; the seal's
                      signature is the <name>.sigstore.json beside it
${PLAIN_HTTP_HELP}
  --push-to-registry  with oci://<image>: attach the signed record (its verification
                      summary) to the image in its registry, as seal's flag does
  --digest-only       promote with no bytes to check (an image deployed by its digest).
                      Without --path a promotion is refused unless this is given or the
                      seal's signature (beside --checksums) shows it was sealed from a
                      digest alone (subject-digest); a dry run needs neither
  --root DIR          the directory listing paths are relative to
  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_FILE})
${LEDGER_HELP}
  --from ENV          promote what ENV runs now: the live digest of the service there
                      (--subject-name picks it when ENV runs several); a digest given
                      too must be it
  --wait DURATION     wait up to DURATION (30m, 2h) for a soak to end, or for an upstream
                      deployment of the digest to be confirmed, then read the ledger and
                      judge everything again; by default such a promotion is refused
  --rollback          return to a digest the environment ran before ("previous": the last good one)
  --dry-run           decide, record nothing
  --subject-name NAME the artifact's name, for the records: the service it is of (an
                      environment runs one live digest per service), unless the
                      policy names one; a rollback to "previous" is of this service
  --contract-baseline BUNDLE
                      the seal bundle of the digest the environment runs, for a contract
                      rule, when its contract is not kept beside the file ledger
  --json              print the decision as JSON on stdout (with "resolution", the
                      record a deploy command's status wrote); everything else on stderr

The seal's signature (<name>.sigstore.json beside --checksums) is checked, and the
policy's signed-by rule applies to it:
${SIGNER_USAGE}

Each record can be signed as a SLSA verification summary, kept beside the file ledger:
${RECORD_SIGNING_USAGE}
  -h, --help          show this help`;
var spec = {
  name: "promote",
  usage: PROMOTE_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: "string" },
    path: { type: "string", multiple: true },
    checksums: { type: "string" },
    root: { type: "string" },
    policy: { type: "string" },
    rollback: { type: "boolean" },
    "dry-run": { type: "boolean" },
    "digest-only": { type: "boolean" },
    "push-to-registry": { type: "boolean" },
    ...PLAIN_HTTP_OPTIONS,
    "subject-name": { type: "string" },
    json: { type: "boolean" },
    "contract-baseline": { type: "string" },
    from: { type: "string" },
    wait: { type: "string" },
    ...LEDGER_OPTIONS,
    ...SIGNER_OPTIONS,
    ...SIGNING_OPTIONS
  }
};
async function promoteCommand(args, terminal) {
  const split = args.indexOf("--");
  const deploy = split < 0 ? null : args.slice(split + 1);
  const { values, positionals } = parseCommand(spec, split < 0 ? args : args.slice(0, split));
  if (values.help) {
    terminal.out(`${PROMOTE_USAGE}
`);
    return 0;
  }
  const from = requireValue("from", values.from) ?? null;
  if (positionals.length > 1 || positionals.length === 0 && from === null)
    throw new SealError(
      "usage",
      `promote: give one digest (or "previous" with --rollback, or --from ENV).

${PROMOTE_USAGE}`
    );
  const environment = requireValue("environment", values.environment);
  if (environment === void 0)
    throw new SealError("usage", `promote: --environment is required.

${PROMOTE_USAGE}`);
  const given = positionals[0] ?? null;
  if (given === "previous" && !values.rollback)
    throw new SealError(
      "bad-input",
      'promote: "previous" means a rollback; add --rollback, or give a digest.'
    );
  const digest = given === null ? null : given === "previous" ? "previous" : parseDigest(given, "promote <digest>");
  const waitText = requireValue("wait", values.wait);
  const waitMs = waitText === void 0 ? 0 : parseDuration(waitText);
  if (waitMs === null)
    throw new SealError(
      "bad-input",
      `--wait: ${quote(waitText)} is not a duration. Give one such as "30m", "2h" or "1h30m".`
    );
  const cwd = terminal.cwd;
  const checksums = requireValue("checksums", values.checksums);
  const checksumsFile = checksums ? resolve(cwd, checksums) : null;
  const root = requireValue("root", values.root);
  const paths = values.path ?? [];
  const digestOnly = values["digest-only"] ?? false;
  if (digestOnly && paths.length > 0)
    throw new SealError(
      "bad-input",
      "promote: --digest-only says this promotion carries no bytes, but --path gives them. Leave out --digest-only to check them, or --path."
    );
  const dryRun = values["dry-run"] ?? false;
  if (deploy !== null && deploy.length === 0)
    throw new SealError(
      "bad-input",
      'promote: "--" is followed by nothing; give the deploy command after it, such as "-- ./deploy.sh".'
    );
  if (deploy !== null && dryRun)
    throw new SealError(
      "bad-input",
      'promote: --dry-run records nothing, so there is no deployment to run after "--"; leave one of them out.'
    );
  const imageSubject = isImageSubject(paths.join("\n"));
  const plainHttp = plainHttpRegistries(values);
  const pushToRegistry = values["push-to-registry"] === true;
  if (pushToRegistry && !imageSubject)
    throw new SealError(
      "bad-input",
      "promote: --push-to-registry attaches the signed record to an image; give --path oci://<image>."
    );
  const signer = readCliSignerCheck(values, cwd, terminal.env);
  const signing = await prepareSigning(
    readCliSigning(
      { sign: values["signing-key"] === void 0 ? "none" : "key", ...values },
      cwd,
      terminal.env
    ),
    terminal.env
  );
  if (pushToRegistry && signing.kind === "none")
    throw new SealError(
      "bad-input",
      "promote: --push-to-registry attaches the signed record, and records are not signed: give --signing-key (or --sign keyless), or leave out --push-to-registry."
    );
  const policy = loadPolicy(
    resolve(cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_FILE),
    "--policy",
    cwd
  );
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    !dryRun,
    false,
    dryRun ? void 0 : signing
  );
  const location = ledgerLocationFromOptions(values, terminal);
  const baseline = requireValue("contract-baseline", values["contract-baseline"]);
  const warn = (message) => printWarning(terminal, message);
  const asked = {
    environment,
    digest,
    from,
    waitMs,
    rollback: values.rollback ?? false,
    dryRun,
    name: requireValue("subject-name", values["subject-name"]) ?? null,
    environmentUrl: null,
    source: imageSubject ? {
      kind: "image",
      reference: parseImageSubject(paths.join("\n"), "--path"),
      inputName: "--path",
      token: terminal.env.GITHUB_TOKEN ?? "",
      checksumsFile,
      plainHttp
    } : paths.length > 0 ? {
      kind: "local",
      subject: {
        kind: "paths",
        patterns: parseSubjectPatterns(paths.join("\n")),
        baseDir: cwd,
        inputName: "--path",
        unusedExclusions: "allow",
        ...root ? { root } : {}
      },
      checksumsFile
    } : null,
    sealListing: paths.length > 0 ? null : checksumsFile,
    withoutBytes: {
      declared: digestOnly,
      missing: "promote: no bytes to check: the digest would be let in with nothing verified, and ARTIFACT_SEAL_PATH empty. Give --path with the files about to be deployed (and --checksums with the seal's listing). A seal of a digest alone (subject-digest, such as an image) needs none when its signature shows it: give --checksums with its seal bundle's listing and --public-key (or the signer options). To promote with nothing checked, say so with --digest-only."
    },
    signer,
    contractBaseline: baseline === void 0 ? null : resolve(cwd, baseline),
    token: ""
  };
  const signedRecords = /* @__PURE__ */ new Map();
  const imageRegistry = lazyImageRegistry(terminal.env, plainHttp);
  const request = promoteRequest(asked, policy, location, signing, {
    env: terminal.env,
    onRecordSigned: (record2, json) => signedRecords.set(record2.key, json),
    ...imageSubject ? { imageRegistry } : {},
    baseDir: cwd,
    downloadsDir: join(cwd, ".artifact-seal", "downloads"),
    names: {
      environment: "--environment",
      digest: "promote <digest>",
      name: "--subject-name",
      checksums: "--checksums",
      artifactName: "--artifact-name",
      contractBaseline: "--contract-baseline",
      token: "GITHUB_TOKEN",
      from: "--from",
      wait: "--wait"
    },
    asFlags: true,
    downloads: false,
    log: (message) => terminal.progress(message),
    warn,
    onProgress: (p) => terminal.progress(describeProgress(p)),
    ...terminal.sleep === void 0 ? {} : { sleep: (ms) => terminal.sleep(ms) }
  });
  const result = await promoteDigest(request, policy, ledger, {
    pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS
  });
  const imageRule = findEnvironment(policy, environment)?.image;
  let imageRef = result.verification?.imageRef ?? null;
  let imageDone = [];
  if (result.decision.allowed && !dryRun && asked.source?.kind === "image" && result.digest !== null && result.record !== null && (imageRule !== void 0 || pushToRegistry)) {
    const { finishImagePromotion } = await import("./image-promotion-AOGTIACT.js");
    const image = await finishImagePromotion(
      {
        reference: asked.source.reference,
        digest: result.digest,
        environment,
        rule: imageRule,
        pushToRegistry,
        signedRecord: signedRecords.get(result.record.key) ?? null,
        signedRecordUri: result.record.attestation?.uri ?? null,
        pushInput: "--push-to-registry"
      },
      await imageRegistry()
    );
    imageDone = image.done;
    if (image.recordNotAttached !== null) warn(image.recordNotAttached);
    imageRef = image.imageRef;
  }
  if (values.json) for (const line of imageDone) terminal.progress(line);
  const printResult = (resolution) => printJson(terminal, {
    ...result.decision,
    previous: result.previous?.digest ?? null,
    signer: signerName(result.signature),
    record: result.record,
    imageRef: result.decision.allowed ? imageRef : null,
    resolution
  });
  if (!values.json) {
    const status2 = await pipelineStatus(policy, ledger, {
      knownContracts: contractsKnown(result.digest, result.contract),
      ...ownService(policy, result.service)
    });
    terminal.out(
      renderPromotionText(
        { result, policy, status: status2, ledger: ledger.location, name: result.name, dryRun },
        terminal.paint
      )
    );
    for (const line of imageDone) terminal.out(`${line}
`);
    if (result.decision.allowed && imageRef !== null)
      terminal.out(`Deploy ${imageRef} (the image by digest, never the tag).
`);
  }
  if ((result.claimedName ?? null) !== null && result.service !== null && result.service !== result.claimedName && (policy.service ?? null) === null) {
    terminal.progress(
      `the seal's unsigned statement claims the name ${quote(result.claimedName)}: a claim, not proven, so it did not pick the service (give --subject-name or sign the seal)`
    );
  }
  if ((result.waitedMs ?? 0) > 0)
    terminal.err(
      `artifact-seal: waited ${formatDuration(result.waitedMs)} for the soak before deciding.
`
    );
  for (const entry2 of result.abandoned)
    terminal.err(
      `artifact-seal: record ${entry2.resolves} (${entry2.digest}) was never confirmed; marked abandoned.
`
    );
  const record = result.record;
  if (!result.decision.allowed || record === null || deploy === null) {
    if (values.json) printResult(null);
    if (result.decision.allowed && record !== null) {
      terminal.out(
        `Record ${record.id} is pending. When the deployment is done: artifact-seal confirm ${record.id} --ledger ${ledger.location} (or --outcome failure).
`
      );
    }
    return result.decision.allowed ? 0 : 1;
  }
  const status = await runDeploy(deploy, terminal, {
    ARTIFACT_SEAL_PATH: result.verification?.path ?? "",
    ARTIFACT_SEAL_DIGEST: record.digest,
    ARTIFACT_SEAL_ENVIRONMENT: record.environment,
    ARTIFACT_SEAL_RECORD_ID: record.id,
    ...imageRef === null ? {} : { ARTIFACT_SEAL_IMAGE_REF: imageRef }
  });
  const failed = status.code === 0 ? null : `the deploy command ${quote(deploy.join(" "))} ${status.describe}`;
  const entry = await ledger.resolve({
    id: record.id,
    outcome: failed === null ? "confirmed" : "failed",
    reason: failed,
    ...requesterFromEnv(terminal.env)
  });
  terminal.out(`${resolutionHeadline(entry)}${entry.reason ? `: ${entry.reason}` : ""}
`);
  if (values.json) printResult(entry);
  if (failed !== null) return status.code;
  return makesLive(entry.outcome) ? 0 : 1;
}
function lazyImageRegistry(env, plainHttp) {
  let registry = null;
  return async () => {
    if (registry === null) {
      const { openImageRegistry } = await import("./open-registry-MKVPUX7B.js");
      registry = openImageRegistry(env, env.GITHUB_TOKEN ?? "", { insecureRegistries: plainHttp });
    }
    return registry;
  };
}
async function runDeploy(command, terminal, extra) {
  const [file, ...args] = command;
  return new Promise((resolve2) => {
    const child = spawn(file, args, {
      cwd: terminal.cwd,
      env: { ...terminal.env, ...extra },
      stdio: ["ignore", "pipe", "pipe"]
    });
    const relay = (stream, chunk) => terminal.relay ? terminal.relay(stream, chunk.toString()) : terminal[stream](chunk.toString());
    child.stdout.on("data", (chunk) => relay("out", chunk));
    child.stderr.on("data", (chunk) => relay("err", chunk));
    child.on(
      "error",
      (error) => resolve2({ code: 127, describe: `could not be started (${error.code ?? error.message})` })
    );
    child.on(
      "close",
      (code, signal) => resolve2(
        code === 0 ? { code: 0, describe: "exited 0" } : { code: code ?? 1, describe: signal ? `was killed by ${signal}` : `exited ${code}` }
      )
    );
  });
}
export {
  PROMOTE_USAGE,
  promoteCommand
};
