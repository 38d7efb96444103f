import {
  ownService,
  pipelineStatus
} from "./chunk-7GVNBQMO.js";
import {
  verificationSummary
} from "./chunk-7V5BGRHI.js";
import {
  changesByOperation,
  renderPromotionText,
  summarizeAmendment,
  versionStep
} from "./chunk-ZW2YXB6K.js";
import {
  resolutionHeadline
} from "./chunk-MIEEZ3ZV.js";
import {
  fromManifest,
  loadSealedContract
} from "./chunk-R4VONFWI.js";
import {
  DEFAULT_POLICY_FILE,
  declaresServices,
  findEnvironment,
  loadPolicy,
  serviceFor,
  upstreamOf
} from "./chunk-W4JJI4YO.js";
import {
  artifactOf,
  contractOfLive,
  knownFromHistory,
  lastGoodBefore,
  unusedApproval
} from "./chunk-TB6LR2T3.js";
import {
  formatDuration
} from "./chunk-64VN6DVJ.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  besideLedger,
  ledgerFromOptions,
  ledgerLocationFromOptions,
  writeRecordAttestation
} from "./chunk-2TEAWJDS.js";
import "./chunk-26HFV435.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  describeService,
  makesLive
} from "./chunk-IA4WZQDT.js";
import {
  cacheKeyOf
} from "./chunk-ALVMQVUA.js";
import {
  copyListedFiles,
  removeQuietly
} from "./chunk-YM5JHFKJ.js";
import {
  exists,
  keptManifestFile,
  replaceKeptContract
} from "./chunk-UYQ3I6T3.js";
import "./chunk-XINIYFXU.js";
import {
  prepareSigning
} from "./chunk-XHYGHB2M.js";
import {
  checkSignature,
  judgeSignature,
  sealedByFromStatement,
  sha256Of,
  signatureFact,
  signerExpectation,
  subjectNameOf,
  verifyArtifact
} from "./chunk-DTOWP25J.js";
import {
  identityPolicy
} from "./chunk-6PZHAYEF.js";
import {
  contractManifestBeside,
  hasBundleBeside,
  readListing,
  readStatementBeside
} from "./chunk-Q7VPIQTJ.js";
import {
  describeProgress,
  parseSubjectPatterns
} from "./chunk-UYOJHDR5.js";
import {
  SIGNER_OPTIONS,
  SIGNER_USAGE,
  SIGNING_OPTIONS,
  SIGNING_USAGE,
  readCliSignerCheck,
  readCliSigning,
  requirementReason,
  signatureRequired
} from "./chunk-RJPXK7BK.js";
import "./chunk-HCENANLJ.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
} from "./chunk-IIYLCD7Z.js";
import {
  resolveFiles,
  sealSubject
} from "./chunk-V6AMOPUS.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-YUA324DC.js";
import {
  apiUrlOf,
  serverUrlOf
} from "./chunk-BXUFWVSN.js";
import "./chunk-KHX3GFAB.js";
import "./chunk-C5FJLWC7.js";
import {
  checkIdentity,
  describeIdentityFailure
} from "./chunk-ENV3ZB4G.js";
import "./chunk-2GFDUF7I.js";
import {
  parseCommand,
  requireValue
} from "./chunk-FCGIBEPM.js";
import {
  parseListing
} from "./chunk-3FEAGG5X.js";
import {
  hexOf,
  parseDigest
} from "./chunk-PKGN7LAX.js";
import "./chunk-YBYEZDCV.js";
import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  SealError,
  isSealError,
  quote,
  stopsPromotion
} from "./chunk-APYKEJN7.js";
import {
  printJson
} from "./chunk-3WEHOHFK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-PK6RSM65.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-P2RVIIUY.js";
import {
  basename,
  isAbsolute,
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import {
  createHash,
  randomBytes,
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  __require
} from "./chunk-ULEFO6FB.js";

// src/cli/promote-command.ts
import { spawn } from "node:child_process";

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
    if (stopsPromotion(error) || !(error instanceof SealError)) throw error;
    return { ...plan, changes: null, problem: error.message };
  }
  const { classifyContracts } = await import("./classify-LI335PTN.js");
  try {
    return { ...plan, changes: await classifyContracts(baseline, loaded, { now: await request.now() }), problem: null };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return { ...plan, changes: null, problem: `The contracts could not be compared: ${error.message}` };
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
  if (!allowed || sources?.keep === void 0 || plan === null || plan.problem !== null || loaded === null || loaded.manifest.digest !== plan.candidate?.digest) return;
  await sources.keep(loaded);
}

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

// src/core/promotion/decide-promotion.ts
function decidePromotion(subject, evidence, ledger) {
  const { digest, rule, mode, service } = subject;
  if (evidence.refusal !== null) return refusal(mode, rule.name, digest, evidence.refusal.rule, evidence.refusal.detail);
  const decision = decide(
    { digest, rule, mode, now: ledger.now, service },
    {
      veto: ledger.veto,
      live: ledger.live,
      spans: ledger.spans,
      ...evidence.signature !== void 0 ? { signature: evidence.signature } : {},
      ...evidence.contract !== null && rule.contract ? { contract: contractFact(evidence.contract, ledger.live, ledger.approval) } : {},
      ...ledger.otherService !== null && ledger.otherService.service !== service ? { otherService: ledger.otherService } : {}
    }
  );
  return evidence.withoutBytes === null ? decision : { ...decision, checks: [...decision.checks, evidence.withoutBytes] };
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
  return { live: evidence.live, liveDigest: evidence.liveDigest, candidate: evidence.candidate, changes: evidence.changes, problem: evidence.problem, approval };
}
function mayNeedApproval(evidence) {
  return evidence.candidate !== null && evidence.changes !== null && evidence.changes.some((c) => c.severity === "breaking" || c.severity === "dangerous");
}
function amendmentOf(evidence, approvalUsed) {
  if (evidence.changes === null || evidence.live?.digest === evidence.candidate?.digest || evidence.live === null) return null;
  return { ...summarizeAmendment(evidence.live, evidence.candidate, evidence.changes), ...approvalUsed !== null ? { approval: approvalUsed } : {} };
}
function bytesMismatchDetail(actual, mismatches, digest) {
  const files = mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`);
  const more = mismatches.length > 5 ? ` and ${mismatches.length - 5} more` : "";
  return `The bytes to deploy are ${actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(", ")}${more} differ from the seal.` : ".");
}

// src/app/promote/promote-digest.ts
async function promoteDigest(request, policy, ledger, options) {
  const rule = environmentOf(request, policy);
  const mode = request.rollback ? "rollback" : "promote";
  const nameInput = request.inputs.name ?? "name";
  const outcome = new Outcome(request, policy, nameInput);
  const target = await resolveTarget(request, policy, rule, ledger, nameInput);
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
  if (evidence.refusal === null && request.verifyBytes) evidence = { ...evidence, refusal: await checkBytes(request.verifyBytes, digest, history, outcome) };
  if (evidence.refusal === null && request.checkSignature) evidence = { ...evidence, ...await checkSignature2(request, digest, rule, mode, outcome) };
  if (evidence.refusal === null && !request.verifyBytes && !request.dryRun) evidence = { ...evidence, withoutBytes: withoutBytes(request.withoutBytes, rule.name, digest, outcome.signature) };
  const service = outcome.service ??= serviceFor(policy, outcome.name, nameInput);
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
    const record = recordOf(request, { ...subject, outcome: decision.allowed ? "pending" : "refused", previous: facts.live, reason: decision.reason }, outcome, artifact, decision);
    return request.attest ? { ...record, attestation: await request.attest(record, decision, outcome.signature) } : record;
  };
  const decided = () => {
    if (decision === null) throw new Error("unreachable: the ledger recorded without running the gate");
    return decision;
  };
  try {
    if (request.dryRun) {
      await decideAndRecord(ledger);
      return outcome.result(decided());
    }
    const recorded = await ledger.record(rule.name, decideAndRecord, options.pendingTimeoutMs);
    outcome.abandoned = recorded.abandoned;
    if (recorded.lost === null) await keepAfterPromotion(request.contract, outcome.contract, decided().allowed);
    return outcome.result(recorded.lost === null ? decided() : lostAfterAppend(decided(), rule.name, recorded.lost), recorded.entry);
  } catch (error) {
    return outcome.ledgerRefusal(mode, rule, error);
  }
}
function environmentOf(request, policy) {
  const rule = findEnvironment(policy, request.environment);
  if (!rule) {
    throw new SealError(
      "bad-input",
      `${request.inputs.environment}: ${quote(request.environment)} is not an environment of the promotion policy ${policy.source}. Use one of: ${policy.environments.map((e) => e.name).join(", ")}, or add it to the policy.`
    );
  }
  return rule;
}
var Outcome = class {
  constructor(request, policy, nameInput) {
    this.policy = policy;
    this.nameInput = nameInput;
    this.digest = request.digest === "previous" ? null : request.digest;
    this.sealedBy = request.sealedBy;
    this.name = request.name;
  }
  policy;
  nameInput;
  digest;
  /** Known before the digest for "previous" (whose previous?), else once the name is. */
  service;
  previous = null;
  sealedBy;
  name;
  verification = null;
  signature = null;
  contract = null;
  abandoned = [];
  /** What earlier records say fills what the caller did not give. */
  learn(known) {
    this.sealedBy ??= known.sealedBy;
    this.name ??= known.name ?? null;
  }
  result(decision, record = null) {
    return {
      decision,
      digest: this.digest,
      service: this.service ?? serviceFor(this.policy, this.name, this.nameInput),
      previous: this.previous,
      record,
      abandoned: this.abandoned,
      sealedBy: this.sealedBy,
      name: this.name,
      verification: this.verification,
      signature: this.signature,
      contract: this.contract
    };
  }
  /** The ledger could not be read or written: a refusal (fail closed), recorded nowhere. */
  ledgerRefusal(mode, rule, error) {
    if (!(error instanceof SealError)) throw error;
    return this.result(refusal(mode, rule.name, this.digest, "ledger", `The ledger could not be read or written, so the promotion is refused (fail closed): ${error.message}`));
  }
};
async function resolveTarget(request, policy, rule, ledger, nameInput) {
  if (request.digest !== "previous") return { kind: "digest", digest: request.digest, refusal: null };
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
  if (live === null) throw new SealError("bad-input", `${request.inputs.digest}: ${rule.name}${of} never ran a digest, so there is nothing to roll back to. Promote a digest instead.`);
  return {
    kind: "digest",
    digest: live.digest,
    service,
    refusal: { rule: "ran-before", detail: `${rule.name}${of} ran no other digest that is not vetoed before ${live.digest}; there is nothing to roll back to.` }
  };
}
async function serviceOfPrevious(request, policy, environment, ledger, nameInput) {
  if ((policy.service ?? null) !== null || request.name !== null) return serviceFor(policy, request.name, nameInput);
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
    outcome.verification = check;
    outcome.learn(check);
    return check.verified ? null : { rule: "bytes", detail: bytesMismatchDetail(check.actual, check.mismatches, digest) };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return { rule: "bytes", detail: `The bytes to deploy could not be fetched and checked: ${error.message}` };
  }
}
async function checkSignature2(request, digest, rule, mode, outcome) {
  let check;
  try {
    check = await request.checkSignature(digest, outcome.verification);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    check = { status: "refused", detail: `The seal's signature could not be checked: ${error.message}` };
  }
  outcome.signature = check;
  const required = mode === "promote" && rule.signedBy === null ? request.signatureRequired ?? null : null;
  const verdict = judgeSignature(check, required, 'Seal it with "permissions: id-token: write" or a signing-key.');
  if (!verdict.accepted) return { refusal: { rule: "signature", detail: verdict.reason } };
  if (check.status === "verified") {
    outcome.sealedBy = check.sealedBy;
    outcome.name ??= check.name;
  }
  return { refusal: null, signature: signatureFact(check, request.serverUrl ?? "https://github.com") };
}
function withoutBytes(rule, environment, digest, signature) {
  if (signature?.status === "verified" && signature.digestOnly) {
    return { rule: "bytes", environment, passed: true, detail: `No files to check: the signed seal is of the digest alone (sealed with subject-digest), so the deployment takes ${digest} itself.` };
  }
  if (rule.declared) {
    return { rule: "bytes", environment, passed: true, detail: `Not checked: the promotion says it carries no bytes (digest-only), so nothing here proved that what is deployed is ${digest}.` };
  }
  const found = signature === null ? "No signature was looked for." : signature.status === "verified" ? `Its signed seal (${signature.source}) is of files, not of a digest alone.` : signature.status === "unsigned" ? signature.detail : `Its signature was refused: ${signature.detail}`;
  throw new SealError("bad-input", `${rule.missing} ${found}`);
}
async function ledgerFacts(view, subject, policy, evidence) {
  const { digest, rule, mode, service } = subject;
  const live = await view.live(rule.name, service);
  if (evidence.refusal !== null) return { now: /* @__PURE__ */ new Date(0), veto: null, live, spans: /* @__PURE__ */ new Map(), otherService: null, approval: null };
  const environments = mode === "rollback" ? [rule.name] : upstreamOf(rule);
  const newest = rule.contract && live === null && (policy.services ?? null) === null ? await view.newest(rule.name) : null;
  const contract = evidence.contract;
  return {
    veto: await view.veto(digest),
    live,
    spans: new Map(await Promise.all(environments.map(async (env) => [env, await view.spans(digest, env, service)]))),
    otherService: newest,
    approval: contract !== null && rule.contract && mayNeedApproval(contract) ? await unusedApproval(view, contract.environment, service, contract.live?.digest ?? null, contract.candidate?.digest) : null,
    now: await view.now()
  };
}
function lostAfterAppend(decision, environment, lost) {
  const check = { rule: "ledger", environment, passed: false, detail: lost };
  return { ...decision, allowed: false, checks: [...decision.checks, check], reason: [decision.reason, lost].filter((r) => r !== null).join(" ") };
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
    const { listAttestations } = await import("./attestations-api-NS77B4KQ.js");
    return listAttestations(digest, { env, token, tokenInput });
  } : null;
  return { checksumsFile, attestations };
}

// src/app/verify/sealed-by.ts
function sealInfoBesideListing(checksumsFile, digest, context = {}) {
  const none = { sealedBy: null, name: null };
  let read = null;
  try {
    read = checksumsFile === null ? null : readStatementBeside(checksumsFile, (why) => new SealError("unreadable", why));
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
  }
  if (read === null || read.notJson !== null) return none;
  const { file, json: statement } = read;
  return { sealedBy: sealedByFromStatement(statement, digest, file, context), name: subjectNameOf(statement, digest) };
}

// src/app/verify/verified-path.ts
async function verifiedPath(artifact, subject, expected, stagingParent, options) {
  const root = artifact.root;
  const inputName = subject.kind === "paths" ? subject.inputName : "subject";
  if (root === null) throw new SealError("bad-input", `${inputName}: nothing was read from disk, so there is no path to hand out.`);
  const listed = parseListing(artifact.listing.toString("utf8"), "the verified listing").map((e) => e.path);
  if (artifact.kind === "file") return join(root, ...listed[0].split("/"));
  if (holdsExactly(root, listed, subject)) return root;
  return stageCopies(root, listed, expected, stagingParent, inputName, options);
}
function holdsExactly(root, listed, subject) {
  if (subject.kind === "paths" && subject.patterns.include.length === 1 && subject.patterns.exclude.length === 0 && subject.root === void 0) {
    const only = resolve(subject.baseDir, subject.patterns.include[0]);
    if (only === resolve(root)) return true;
  }
  let onDisk;
  try {
    onDisk = resolveFiles({ patterns: { include: [root], exclude: [] }, baseDir: root, root, inputName: "the verified directory" }).relativePaths;
  } catch {
    return false;
  }
  if (onDisk.length !== listed.length) return false;
  const wanted = new Set(listed);
  return onDisk.every((p) => wanted.has(p));
}
async function stageCopies(root, listed, expected, stagingParent, inputName, options) {
  const dir = join(stagingParent, `verified-${hexOf(expected).slice(0, 12)}-${randomBytes(4).toString("hex")}`);
  try {
    copyListedFiles(root, listed, dir);
  } catch (error) {
    removeQuietly(dir);
    const e = error;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot copy the verified files from ${quote(root)} to ${quote(dir)} (${e.code ?? e.message}). The directory holds files that were not verified, so only copies of the verified ones are handed out: make the runner's temp directory writable, or seal and verify a directory that holds only the artifact.`,
      { cause: e }
    );
  }
  const copy = await sealSubject(
    { kind: "paths", patterns: { include: [dir], exclude: [] }, baseDir: dir, root: dir, inputName },
    { build: options.build, fallbackName: options.fallbackName }
  );
  if (copy.digest !== expected) {
    removeQuietly(dir);
    throw new SealError(
      "conflict",
      `${inputName}: the files under ${quote(root)} changed while they were being verified: their copies are ${copy.digest}, not ${expected}. Nothing was handed out. Make sure no other step writes to them, then verify again.`
    );
  }
  return dir;
}

// src/app/verify/fetch-bytes.ts
async function fetchAndCheckBytes(source, digest, known, context) {
  if (source.kind === "local") {
    const result = await verifyArtifact(
      { subject: source.subject, expected: digest, checksumsFile: source.checksumsFile, checksumsInput: context.inputs.checksums, expectedInput: context.inputs.expected },
      context.seal
    );
    const handedOut = result.verified ? await verifiedPath(result.artifact, source.subject, digest, context.downloadsDir, context.seal) : null;
    return { verified: result.verified, actual: result.actual, mismatches: result.mismatches, path: handedOut, artifact: null, sealedBy: null, checksumsFile: source.checksumsFile };
  }
  if (source.kind === "artifact") return downloadArtifact(source.name, source.runId, source.token, digest, context, source.repository);
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored.kind === "verified") return restored.check;
  const key = cacheKeyOf(digest);
  if (known.artifact === null) {
    throw new SealError(
      "unreadable",
      restored.kind === "miss" ? `No bytes to check: none were named, and nothing the seal carried was found: the Actions cache has no entry for ${digest} (key ${key}), and no ledger record names a workflow artifact holding its files. Give subject-path (the files in the workspace) or ${context.inputs.artifactName} (and run-id) of the workflow artifact holding them, or "digest-only: true" to promote with nothing checked; seal with "cache: true" or "upload: true" so later runs find them.` : restored.kind === "unsafe" ? `${source.inputName}: the cache entry ${key} was refused before anything was extracted (the log above names each entry), and no ledger record names a workflow artifact to fall back to. Give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.` : `${source.inputName}: the cache entry ${key} restored files that ${restored.actual === null ? "are not of the sealed kind (see the log above)" : `are ${restored.actual}, not ${digest}`}. They were deleted and nothing is deployed from them, and no ledger record names a workflow artifact to fall back to. The cache was changed behind the key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.`
    );
  }
  const what = restored.kind === "miss" ? `no cache entry for ${digest}` : restored.kind === "unsafe" ? `the cache entry ${key} was refused before anything was extracted` : `the files restored from ${key} do not verify and were deleted`;
  context.log(`${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`);
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
}
async function downloadArtifact(name, runId, token, digest, context, repository = null) {
  const { WorkflowArtifactStore } = await import("./workflow-artifact-IYE3QVTS.js");
  const { downloadAndVerify } = await import("./download-and-verify-5MPPJI2U.js");
  const store = new WorkflowArtifactStore({ env: context.env });
  let downloaded;
  try {
    downloaded = await downloadAndVerify(
      store,
      { name, parent: context.downloadsDir, expected: digest, expectedInput: context.inputs.expected, nameInput: context.inputs.artifactName, ...runId !== null ? { runId, token, ...repository !== null ? { repository } : {} } : {} },
      { build: context.seal.build }
    );
  } catch (error) {
    const { mismatches, actual } = isSealError(error, "mismatch") ? error.details : {};
    if (mismatches === void 0 || actual === void 0) throw error;
    context.log(error.message);
    return { verified: false, actual, mismatches, path: null, artifact: null, sealedBy: null, checksumsFile: null };
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(`Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`);
  const sealed = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest, { serverUrl: serverUrlOf(context.env), onInvalid: context.log });
  return {
    verified: true,
    actual: digest,
    mismatches: [],
    path: downloaded.path,
    artifact: uploadedBy === "" || repository !== null ? null : { name, runId: uploadedBy },
    sealedBy: sealed.sealedBy,
    name: sealed.name,
    checksumsFile: downloaded.artifact.checksumsPath
  };
}
async function restoreFromCache(digest, inputName, context) {
  const { restoreFromCache: restore } = await import("./cache-restore-DLD4M5D7.js");
  const restored = await restore(digest, context.downloadsDir, { env: context.env, inputName, log: { info: context.log, warning: context.log } });
  if (restored.kind === "miss") return { kind: "miss" };
  if (restored.kind === "refused") return { kind: "unsafe" };
  const single = restored.digestKind === "file" ? join(restored.filesDir, ...restored.listing[0].path.split("/")) : null;
  let checked;
  try {
    checked = await verifyArtifact(
      {
        subject: { kind: "paths", patterns: { include: [single ?? restored.filesDir], exclude: [] }, baseDir: restored.filesDir, ...single ? {} : { root: restored.filesDir }, inputName },
        expected: digest,
        checksumsFile: restored.listingFile,
        checksumsInput: `the listing in ${cacheKeyOf(digest)}`,
        expectedInput: context.inputs.expected
      },
      context.seal
    );
  } catch (error) {
    removeQuietly(restored.dir);
    if (!(error instanceof SealError)) throw error;
    context.log(`${inputName}: the files restored from ${cacheKeyOf(digest)} were refused: ${error.message}`);
    return { kind: "refused", actual: null };
  }
  if (!checked.verified) {
    removeQuietly(restored.dir);
    context.log(`${inputName}: the files restored from ${cacheKeyOf(digest)} are ${checked.actual}, not ${digest}; the cache was changed behind the key.`);
    return { kind: "refused", actual: checked.actual };
  }
  const handedOut = single ?? restored.filesDir;
  context.log(`Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${handedOut}`);
  return { kind: "verified", check: { verified: true, actual: digest, mismatches: [], path: handedOut, artifact: null, sealedBy: null, checksumsFile: null } };
}

// builtin:node:url
var builtin = __require("node:url");
var { Url, parse, resolve: resolve2, resolveObject, format, URL: URL2, URLPattern, URLSearchParams, domainToASCII, domainToUnicode, pathToFileURL, fileURLToPath, fileURLToPathBuffer, urlToHttpOptions } = builtin;

// src/app/promote/attest-record.ts
function recordAttester(signing, context) {
  return async (record, decision, signature) => {
    const statement = verificationSummary({
      digest: hexOf(record.digest),
      subjectName: record.name ?? hexOf(record.digest).slice(0, 12),
      verifierId: verifierId(context.env),
      verifierVersion: VERSION,
      timeVerified: (/* @__PURE__ */ new Date()).toISOString(),
      resourceUri: resourceUri(record.environment, context),
      policy: { uri: policyUri(context), digest: context.policy.digest === void 0 ? null : { sha256: context.policy.digest } },
      inputAttestations: signature?.status === "verified" ? [{ uri: inputUri(signature.source, record, context.env), digest: { sha256: hexOf(signature.bundleDigest) } }] : [],
      result: record.outcome === "pending" ? "PASSED" : "FAILED",
      verifiedLevels: levelsOf(record, signature),
      extension: {
        environment: record.environment,
        outcome: record.outcome,
        mode: record.mode,
        key: record.key,
        reason: record.reason,
        checks: (decision?.checks ?? []).map((c) => ({ rule: c.rule, environment: c.environment, passed: c.passed })),
        // The contract the digest carries and the amendment judged, signed with the decision they led to.
        ...record.contract ? { contract: record.contract } : {},
        ...record.amendment ? { amendment: record.amendment } : {}
      }
    });
    const signed = await signing.sign(statement);
    const digest = sha256Of(signed.json);
    if (signing.kind === "keyless" && context.env.GITHUB_REPOSITORY && context.token !== "") {
      const { storeAttestation } = await import("./attestations-api-NS77B4KQ.js");
      const stored = await storeAttestation(signed.bundle, { env: context.env, token: context.token, tokenInput: context.tokenInput ?? "github-token" });
      return { uri: stored.url, digest: sha256Of(JSON.stringify(signed.bundle)), id: stored.id === null ? null : String(stored.id) };
    }
    if (context.ledger.kind !== "file") {
      throw new SealError(
        "bad-input",
        `The record's verification summary is signed but has nowhere to go: the github ledger keeps signed records in the repository's attestations API, which needs a job on GitHub with github-token ("attestations: write"). Give the token, or set sign: none.`
      );
    }
    const uri = writeRecordAttestation(
      context.ledger.file,
      record.key,
      signed.json,
      (why, file) => new SealError("unreadable", `cannot write the record's signed verification summary to ${quote(file)} (${why}). Make the ledger's directory writable.`)
    );
    return { uri, digest, id: null };
  };
}
function inputUri(source, record, env) {
  if (isAbsolute(source)) return pathToFileURL(source).href;
  if (URL.canParse(source) && /^[a-z][a-z0-9+.-]*:/.test(source)) return source;
  const api = apiUrlOf(env);
  return `${api}/repos/${env.GITHUB_REPOSITORY ?? "unknown/unknown"}/attestations/${record.digest}`;
}
function verifierId(env) {
  const server = serverUrlOf(env);
  if (env.GITHUB_ACTION_REPOSITORY) return `${server}/${env.GITHUB_ACTION_REPOSITORY}/promote${env.GITHUB_ACTION_REF ? `@${env.GITHUB_ACTION_REF}` : ""}`;
  return `pkg:npm/artifact-seal@${VERSION}`;
}
function resourceUri(environment, context) {
  const { env } = context;
  if (context.ledger.kind === "github" && env.GITHUB_REPOSITORY) {
    return `${serverUrlOf(env)}/${env.GITHUB_REPOSITORY}/deployments/${encodeURIComponent(environment)}`;
  }
  const ledger = context.ledger.kind === "file" ? basename(context.ledger.file) : "ledger";
  return `urn:artifact-seal:${encodeURIComponent(ledger)}:environment:${encodeURIComponent(environment)}`;
}
function policyUri(context) {
  const { env } = context;
  const file = context.policy.source;
  if (env.GITHUB_REPOSITORY && env.GITHUB_SHA) return `git+${serverUrlOf(env)}/${env.GITHUB_REPOSITORY}@${env.GITHUB_SHA}#${file}`;
  return `file:${file}`;
}
function levelsOf(record, signature) {
  if (record.outcome !== "pending") return ["FAILED"];
  if (signature?.status === "verified" && signature.signer.kind === "certificate" && signature.signer.identity.runnerEnvironment === "github-hosted") return ["SLSA_BUILD_LEVEL_2"];
  return ["SLSA_BUILD_LEVEL_UNEVALUATED"];
}

// src/app/promote/contract-sources.ts
var EARLIER_FORM_FIX = "Its record was written by an earlier artifact-seal, whose contract digest did not cover the files' kinds, the JSON Schema roles or the version. Compare the two contracts by hand (artifact-seal contract diff <its seal bundle>/<name>.contract <the new seal bundle>), then promote once with this environment's contract rule removed from the policy: the record then names the new contract, and later promotions are judged against it.";
function contractSources(options) {
  const warn = options.warn ?? (() => void 0);
  let earlierForm = false;
  const keptFile = (digest) => options.store === null ? null : keptManifestFile(options.store, hexOf(digest));
  const fromStore = (ref, reasons) => {
    const file = keptFile(ref.digest);
    if (file === null || !exists(file)) {
      if (options.store !== null) reasons.push(`it is not kept in ${quote(options.store)}`);
      return null;
    }
    let why;
    try {
      const loaded = fromManifest(file);
      if (loaded.manifest.digest === ref.digest && loaded.manifest.version === ref.version) return loaded;
      why = `it holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${ref.version} (${ref.digest})`;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      if (isSealError(error, "outdated")) earlierForm = true;
      why = error.message;
    }
    warn(`The contract kept at ${quote(file)} does not verify, so it is ignored (the next promotion that carries contract ${ref.digest} replaces it): ${why}`);
    reasons.push(`the copy kept in ${quote(options.store)} does not verify`);
    return null;
  };
  return {
    async candidate(digest, bytes, claimed) {
      const listing = bytes?.checksumsFile ?? null;
      const manifest = listing === null ? null : contractManifestBeside(listing);
      if (manifest !== null) {
        const loaded = fromManifest(manifest);
        checkSealedFiles(loaded, listing, manifest);
        return { contract: loaded, known: true };
      }
      if (claimed === null) return { contract: null, known: listing !== null && hasBundleBeside(listing) };
      const kept = fromStore(claimed, []);
      if (kept !== null) return { contract: kept, known: true };
      throw new SealError(
        "unreadable",
        `the seal of ${digest} carries contract ${claimed.version} (${claimed.digest}), but its manifest is not beside the bytes' listing${options.store === null ? "" : ` nor kept (verified) in ${quote(options.store)}`}. Give the seal bundle (checksums-path) the seal wrote, with its .contract.json and .contract/ beside the listing.`
      );
    },
    async baseline(live) {
      const wanted = live.contract;
      if (options.baseline !== null) return givenBaseline(options.baseline, live);
      earlierForm = false;
      const tried = [];
      const kept = fromStore(wanted, tried);
      if (kept !== null) return kept;
      if (options.download && live.artifact !== null) {
        const where = `the workflow artifact ${quote(live.artifact.name)} of run ${live.artifact.runId}`;
        try {
          const listing = await options.download(live.digest, live.artifact);
          const manifest = contractManifestBeside(listing);
          if (manifest !== null) {
            const loaded = fromManifest(manifest);
            checkSealedFiles(loaded, listing, manifest);
            if (loaded.manifest.digest === wanted.digest && loaded.manifest.version === wanted.version) return loaded;
            tried.push(`${where} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${wanted.version} (${wanted.digest})`);
          } else {
            tried.push(`${where} holds no contract manifest`);
          }
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
          if (isSealError(error, "outdated")) earlierForm = true;
          tried.push(`${where} could not be fetched and verified (${error.message})`);
        }
      } else if (live.artifact === null) {
        tried.push("no record names a workflow artifact holding its seal bundle");
      }
      throw new SealError(
        "unreadable",
        `The contract ${live.environment} runs (${wanted.version}, ${wanted.digest}, sealed with ${live.digest}) could not be read: ${tried.join("; ") || "nowhere to look"}. ` + (earlierForm ? EARLIER_FORM_FIX : `Give the seal bundle of ${live.digest} with the CLI: artifact-seal promote --contract-baseline <its seal directory>.`)
      );
    },
    ...options.store === null ? {} : { keep: async (contract) => keepContract(options.store, contract, warn) }
  };
}
function givenBaseline(given, live) {
  const wanted = live.contract;
  let loaded;
  try {
    loaded = loadSealedContract(given.path, given.inputName);
  } catch (error) {
    if (!(error instanceof SealError) || stopsPromotion(error)) throw error;
    throw new SealError(
      "bad-input",
      `${given.inputName}: ${quote(given.path)} is not a contract as a seal wrote it: ${error.message}` + (isSealError(error, "outdated") ? ` ${EARLIER_FORM_FIX}` : ""),
      { cause: error }
    );
  }
  if (loaded.manifest.digest !== wanted.digest || loaded.manifest.version !== wanted.version) {
    throw new SealError(
      "bad-input",
      `${given.inputName}: ${quote(given.path)} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), but ${live.environment} runs ${live.digest}, whose record names contract ${wanted.version} (${wanted.digest}). Give the seal bundle of ${live.digest}, or leave ${given.inputName} out.`
    );
  }
  return loaded;
}
function checkSealedFiles(contract, listingFile, manifestFile) {
  const listed = readListing(listingFile, (why, file) => new SealError("unreadable", `cannot read the listing ${quote(file)} the contract is tied to (${why}).`));
  const sealed = new Map(listed.map((e) => [e.path, e.hex]));
  for (const file of contract.manifest.files) {
    if (sealed.get(file.path) !== file.sha256) {
      throw new SealError(
        "tampered",
        `${manifestFile}: the contract file ${quote(file.path)} is ${sealed.has(file.path) ? "not the sealed one (its sha256 differs from the listing's)" : "not one of the sealed files"}. The manifest was changed after sealing; give the seal bundle as the seal wrote it.`
      );
    }
  }
}
async function keepContract(store, contract, warn) {
  const hex = hexOf(contract.manifest.digest);
  const manifestFile = keptManifestFile(store, hex);
  const verifies = () => {
    try {
      return exists(manifestFile) && fromManifest(manifestFile).manifest.digest === contract.manifest.digest;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      return false;
    }
  };
  if (verifies()) return;
  const files = contract.manifest.files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: Buffer.from(contract.read(file.path), "utf8") }));
  if (files.some((f) => createHash("sha256").update(f.bytes).digest("hex") !== f.sha256)) {
    warn(`Contract ${contract.manifest.digest} is not kept in ${quote(store)}: a file of it is not UTF-8 text, so its copy would not hash as sealed. Later promotions need the CLI's --contract-baseline.`);
    return;
  }
  try {
    replaceKeptContract(store, hex, `${JSON.stringify(contract.manifest, null, 2)}
`, files);
  } catch (error) {
    if (!verifies()) warn(`Contract ${contract.manifest.digest} could not be kept in ${quote(store)} (${error.code ?? String(error)}). Later promotions need the CLI's --contract-baseline.`);
  }
}

// src/app/promote/request.ts
function promoteRequest(asked, policy, ledger, signing, context) {
  const { env, names } = context;
  const source = asked.source;
  const listing = (source?.kind === "local" ? source.checksumsFile : null) ?? asked.sealListing;
  const sealed = asked.digest === "previous" ? null : sealInfoBesideListing(listing, asked.digest, { serverUrl: serverUrlOf(env), onInvalid: context.warn });
  const fetchContext = {
    env,
    downloadsDir: context.downloadsDir,
    seal: { fallbackName: fallbackName(env, context.baseDir), build: buildContextFromEnv(env), onProgress: context.onProgress },
    inputs: { expected: names.digest, checksums: names.checksums, artifactName: names.artifactName },
    log: context.log
  };
  const policyAsks = (policy.environments.find((e) => e.name === asked.environment)?.signedBy ?? null) !== null;
  const required = signatureRequired(asked.signer, policyAsks);
  const expectation = signerExpectation(asked.signer, required, env);
  return {
    environment: asked.environment,
    digest: asked.digest,
    rollback: asked.rollback,
    dryRun: asked.dryRun,
    name: asked.name ?? sealed?.name ?? null,
    environmentUrl: asked.environmentUrl,
    sealedBy: sealed?.sealedBy ?? null,
    requester: requesterFromEnv(env),
    inputs: { environment: names.environment, digest: names.digest, name: names.name },
    artifact: null,
    ...source ? { verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext) } : {},
    withoutBytes: asked.withoutBytes,
    checkSignature: (digest, bytes) => checkSignature(digest, signatureSources(bytes?.checksumsFile ?? asked.sealListing, required || asked.signer.asksForSigner, asked.token, names.token, env), expectation),
    signatureRequired: required ? requirementReason(asked.signer, policyAsks) : null,
    serverUrl: expectation.serverUrl,
    ...signing.kind === "none" ? {} : { attest: recordAttester(signing, { ledger, policy, env, token: asked.token, tokenInput: names.token }) },
    contract: contractSources({
      store: ledger.kind === "file" ? besideLedger(ledger.file).contracts : null,
      baseline: asked.contractBaseline === null ? null : { path: resolve(context.baseDir, asked.contractBaseline), inputName: names.contractBaseline },
      warn: context.warn,
      ...context.downloads ? {
        download: async (digest, artifact) => {
          const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId);
          const fetched = await fetchAndCheckBytes({ kind: "artifact", name: artifact.name, runId, repository: null, token: asked.token }, digest, { sealedBy: null, name: null, artifact }, fetchContext);
          if (!fetched.verified || fetched.checksumsFile === null) throw new SealError("mismatch", `its files are not ${digest}`);
          return fetched.checksumsFile;
        }
      } : {}
    })
  };
}

// src/cli/promote-command.ts
var PROMOTE_USAGE = `Usage: artifact-seal promote <digest|previous> --environment ENV [options] [-- <deploy command\u2026>]

Lets a sealed digest into an environment when the promotion policy holds, and records
the decision in the ledger: pending, since nothing counts as deployed until the deployment
is confirmed. Exits 1 when it is refused.

With "-- <deploy command\u2026>", runs the command once the digest is let in (with
ARTIFACT_SEAL_PATH set to the verified files, empty without --path; ARTIFACT_SEAL_DIGEST, ARTIFACT_SEAL_ENVIRONMENT
and ARTIFACT_SEAL_RECORD_ID) and confirms the record when it exits 0, or records the
deployment as failed and exits with its status. Without it, confirm the record afterwards
with "artifact-seal confirm <record-id>".

  --environment ENV   the environment, as the policy names it
  --path P            the bytes about to be deployed: re-verified first (repeatable)
  --checksums FILE    the sealed listing, to name the files that differ; the seal's
                      signature is the <name>.sigstore.json beside it
  --digest-only       promote with no bytes to check (an image deployed by its digest).
                      Without --path a promotion is refused unless this is given or the
                      seal's signature (beside --checksums) shows it was sealed from a
                      digest alone (subject-digest); a dry run needs neither
  --root DIR          the directory listing paths are relative to
  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_FILE})
${LEDGER_HELP}
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
${SIGNING_USAGE}
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
    "subject-name": { type: "string" },
    json: { type: "boolean" },
    "contract-baseline": { type: "string" },
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
  if (positionals.length !== 1) throw new SealError("usage", `promote: give one digest (or "previous" with --rollback).

${PROMOTE_USAGE}`);
  const environment = requireValue("environment", values.environment);
  if (environment === void 0) throw new SealError("usage", `promote: --environment is required.

${PROMOTE_USAGE}`);
  const given = positionals[0];
  if (given === "previous" && !values.rollback) throw new SealError("bad-input", 'promote: "previous" means a rollback; add --rollback, or give a digest.');
  const digest = given === "previous" ? "previous" : parseDigest(given, "promote <digest>");
  const cwd = terminal.cwd;
  const checksums = requireValue("checksums", values.checksums);
  const checksumsFile = checksums ? resolve(cwd, checksums) : null;
  const root = requireValue("root", values.root);
  const paths = values.path ?? [];
  const digestOnly = values["digest-only"] ?? false;
  if (digestOnly && paths.length > 0) throw new SealError("bad-input", "promote: --digest-only says this promotion carries no bytes, but --path gives them. Leave out --digest-only to check them, or --path.");
  const dryRun = values["dry-run"] ?? false;
  if (deploy !== null && deploy.length === 0) throw new SealError("bad-input", 'promote: "--" is followed by nothing; give the deploy command after it, such as "-- ./deploy.sh".');
  if (deploy !== null && dryRun) throw new SealError("bad-input", 'promote: --dry-run records nothing, so there is no deployment to run after "--"; leave one of them out.');
  const signer = readCliSignerCheck(values, cwd, terminal.env);
  const signing = await prepareSigning(readCliSigning({ sign: values["signing-key"] === void 0 ? "none" : "key", ...values }, cwd, terminal.env), terminal.env);
  const policy = loadPolicy(resolve(cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_FILE), "--policy", cwd);
  const ledger = await ledgerFromOptions(values, terminal, !dryRun, false, dryRun ? void 0 : signing);
  const location = ledgerLocationFromOptions(values, terminal);
  const baseline = requireValue("contract-baseline", values["contract-baseline"]);
  const warn = (message) => terminal.err(`artifact-seal: warning: ${message}
`);
  const asked = {
    environment,
    digest,
    rollback: values.rollback ?? false,
    dryRun,
    name: requireValue("subject-name", values["subject-name"]) ?? null,
    environmentUrl: null,
    source: paths.length > 0 ? {
      kind: "local",
      subject: { kind: "paths", patterns: parseSubjectPatterns(paths.join("\n")), baseDir: cwd, inputName: "--path", unusedExclusions: "allow", ...root ? { root } : {} },
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
  const request = promoteRequest(asked, policy, location, signing, {
    env: terminal.env,
    baseDir: cwd,
    downloadsDir: join(cwd, ".artifact-seal", "downloads"),
    names: { environment: "--environment", digest: "promote <digest>", name: "--subject-name", checksums: "--checksums", artifactName: "--artifact-name", contractBaseline: "--contract-baseline", token: "GITHUB_TOKEN" },
    asFlags: true,
    downloads: false,
    log: (message) => terminal.progress(message),
    warn,
    onProgress: (p) => terminal.progress(describeProgress(p))
  });
  const result = await promoteDigest(request, policy, ledger, { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS });
  const printResult = (resolution) => printJson(terminal, { ...result.decision, previous: result.previous?.digest ?? null, record: result.record, resolution });
  if (!values.json) {
    const status2 = await pipelineStatus(policy, ledger, { knownContracts: contractsKnown(result.digest, result.contract), ...ownService(policy, result.service) });
    terminal.out(renderPromotionText({ result, policy, status: status2, ledger: ledger.location, name: result.name, dryRun }));
  }
  for (const entry2 of result.abandoned) terminal.err(`artifact-seal: record ${entry2.resolves} (${entry2.digest}) was never confirmed; marked abandoned.
`);
  const record = result.record;
  if (!result.decision.allowed || record === null || deploy === null) {
    if (values.json) printResult(null);
    if (result.decision.allowed && record !== null) {
      terminal.out(`Record ${record.id} is pending. When the deployment is done: artifact-seal confirm ${record.id} --ledger ${ledger.location} (or --outcome failure).
`);
    }
    return result.decision.allowed ? 0 : 1;
  }
  const status = await runDeploy(deploy, terminal, {
    ARTIFACT_SEAL_PATH: result.verification?.path ?? "",
    ARTIFACT_SEAL_DIGEST: record.digest,
    ARTIFACT_SEAL_ENVIRONMENT: record.environment,
    ARTIFACT_SEAL_RECORD_ID: record.id
  });
  const failed = status.code === 0 ? null : `the deploy command ${quote(deploy.join(" "))} ${status.describe}`;
  const entry = await ledger.resolve({ id: record.id, outcome: failed === null ? "confirmed" : "failed", reason: failed, ...requesterFromEnv(terminal.env) });
  terminal.out(`${resolutionHeadline(entry)}${entry.reason ? `: ${entry.reason}` : ""}
`);
  if (values.json) printResult(entry);
  if (failed !== null) return status.code;
  return makesLive(entry.outcome) ? 0 : 1;
}
async function runDeploy(command, terminal, extra) {
  const [file, ...args] = command;
  return new Promise((resolve3) => {
    const child = spawn(file, args, { cwd: terminal.cwd, env: { ...terminal.env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
    const relay = (stream, chunk) => terminal.relay ? terminal.relay(stream, chunk.toString()) : terminal[stream](chunk.toString());
    child.stdout.on("data", (chunk) => relay("out", chunk));
    child.stderr.on("data", (chunk) => relay("err", chunk));
    child.on("error", (error) => resolve3({ code: 127, describe: `could not be started (${error.code ?? error.message})` }));
    child.on(
      "close",
      (code, signal) => resolve3(code === 0 ? { code: 0, describe: "exited 0" } : { code: code ?? 1, describe: signal ? `was killed by ${signal}` : `exited ${code}` })
    );
  });
}
export {
  PROMOTE_USAGE,
  promoteCommand
};
