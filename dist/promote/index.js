import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  loadPolicy,
  pipelineStatus
} from "../chunks/chunk-MWNRATBR.js";
import {
  headline
} from "../chunks/chunk-KPF2372Z.js";
import {
  DEFAULT_FILE_LEDGER,
  openLedger,
  parseLedgerLocation
} from "../chunks/chunk-2YCGOX76.js";
import {
  annotateMismatches,
  readBytesSource
} from "../chunks/chunk-5COQV6AQ.js";
import {
  fetchAndCheckBytes,
  sealInfoBesideListing
} from "../chunks/chunk-3XV4SCCJ.js";
import "../chunks/chunk-IXOSLNXJ.js";
import {
  promoteDigest,
  upstreamOf,
  vetoDigest
} from "../chunks/chunk-QNKJSCO2.js";
import {
  PromoteInput,
  PromoteOutput,
  cell,
  code,
  parseBooleanInput,
  reportFailure
} from "../chunks/chunk-XI5UBSFP.js";
import "../chunks/chunk-E2LCQPL3.js";
import "../chunks/chunk-WSNV27UL.js";
import {
  describeProgress
} from "../chunks/chunk-YQE4J5OP.js";
import "../chunks/chunk-G46EYJYA.js";
import "../chunks/chunk-IM7BOTGG.js";
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv,
  runnerTempDir,
  workspaceDir
} from "../chunks/chunk-QBBW7JKU.js";
import "../chunks/chunk-IYSVIPOP.js";
import "../chunks/chunk-5ULCEYWG.js";
import "../chunks/chunk-GVTCPM22.js";
import "../chunks/chunk-NMF5PPW7.js";
import {
  getInput,
  info,
  setFailed,
  setOutput,
  summary,
  warning
} from "../chunks/chunk-V5KCH6HQ.js";
import "../chunks/chunk-BVAVKUIG.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-EJITM6IO.js";
import {
  parseDigest,
  shortDigest
} from "../chunks/chunk-HRW4MM62.js";
import {
  SealError,
  quote
} from "../chunks/chunk-JWCK4D2M.js";

// src/actions/promote/run.ts
import * as path2 from "node:path";

// src/report/promotion-markdown.ts
var label = (text) => text.replace(/"/g, "#quot;");
function renderPromotionMarkdown(report) {
  const { result, policy, status } = report;
  const { decision } = result;
  const out = [];
  out.push(`### ${decision.allowed ? "\u{1F680}" : "\u26D4"} ${cell(headline(report))}`, "");
  const ids = new Map(status.map((s, i) => [s.environment, `env${i}`]));
  out.push("```mermaid", "flowchart LR");
  for (const s of status) {
    const runs = s.error ? "unknown" : s.live ? shortDigest(s.live.digest) : "nothing yet";
    const mark = s.environment === decision.environment ? decision.allowed ? " \u2705" : " \u26D4" : "";
    out.push(`  ${ids.get(s.environment)}["${label(`${s.environment}${mark}`)}<br/>${label(runs)}"]`);
  }
  for (const env of policy.environments) {
    for (const upstream of upstreamOf(env)) {
      const arrow = env.requires.includes(upstream) ? "-->" : "-.->";
      const soak = env.soakText ? `|soak ${label(env.soakText)}|` : "";
      out.push(`  ${ids.get(upstream)} ${arrow}${soak} ${ids.get(env.name)}`);
    }
  }
  out.push("  classDef here fill:#dafbe1,stroke:#1a7f37", "  classDef refused fill:#ffebe9,stroke:#cf222e");
  const here = status.filter((s) => s.live?.digest === decision.digest).map((s) => ids.get(s.environment));
  if (here.length > 0) out.push(`  class ${here.join(",")} here`);
  if (!decision.allowed) out.push(`  class ${ids.get(decision.environment)} refused`);
  out.push("```", "");
  out.push("| Environment | Runs now | Since |", "| --- | --- | --- |");
  for (const s of status) {
    const runs = s.error ? `unknown: ${cell(s.error)}` : s.live ? `${code(shortDigest(s.live.digest))}${s.live.digest === decision.digest ? " (this digest)" : ""}` : "\u2014";
    out.push(`| ${cell(s.environment)} | ${runs} | ${s.live ? s.live.from : ""} |`);
  }
  out.push("");
  out.push("| Rule | Environment | Outcome | Detail |", "| --- | --- | --- | --- |");
  for (const c of decision.checks) out.push(`| ${c.rule} | ${cell(c.environment)} | ${c.passed ? "\u2705 passed" : "\u274C failed"} | ${cell(c.detail)} |`);
  out.push("");
  out.push("| | |", "| --- | --- |");
  if (decision.digest) out.push(`| Digest | ${code(decision.digest)} |`);
  if (result.previous) out.push(`| ${cell(decision.environment)} ran before | ${code(result.previous.digest)} since ${result.previous.from} |`);
  const sealed = result.sealedBy;
  if (sealed?.commit) {
    const server = sealed.runUrl && URL.canParse(sealed.runUrl) ? new URL(sealed.runUrl).origin : "https://github.com";
    const commit = sealed.repository ? `[${code(sealed.commit.slice(0, 7))}](${server}/${sealed.repository}/commit/${sealed.commit})` : code(sealed.commit.slice(0, 7));
    out.push(`| Commit | ${commit} |`);
  }
  if (sealed?.runUrl) out.push(`| Sealed by | [${cell(sealed.runUrl.replace(/^https:\/\/[^/]+\//, ""))}](${sealed.runUrl}) |`);
  if (!sealed) out.push("| Sealed by | unknown: give checksums-path with the seal bundle beside it to record the build |");
  const record = result.record;
  out.push(`| Ledger | ${code(report.ledger)}${record ? `, record ${record.url ? `[${cell(record.id)}](${record.url})` : code(record.id)}` : report.dryRun ? " (dry run: nothing recorded)" : ""} |`);
  out.push("");
  return out.join("\n");
}
function renderVetoMarkdown(record, ledger) {
  const where = record.url ? `[${cell(record.id)}](${record.url})` : code(record.id);
  return [
    `### \u{1F6AB} Vetoed ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ""}`,
    "",
    `${cell(record.reason ?? "")}`,
    "",
    `Found in ${cell(record.environment)}; recorded in ${code(ledger)}, record ${where}. No environment accepts this digest from now on, and rollbacks skip it.`,
    ""
  ].join("\n");
}

// src/actions/promote/settings.ts
import * as path from "node:path";
var DEFAULT_POLICY = ".github/promotion.yml";
function readPromoteSettings(getInput2, env, workspace) {
  const input = (name2) => getInput2(name2).trim();
  const environment = input(PromoteInput.Environment);
  if (environment === "") {
    throw new SealError(`${PromoteInput.Environment}: required. Give the environment to promote into, as the promotion policy names it, such as "staging".`);
  }
  const rollback = parseBooleanInput(PromoteInput.Rollback, getInput2(PromoteInput.Rollback), false);
  const vetoReason = input(PromoteInput.Veto);
  const digestText = input(PromoteInput.ExpectedDigest);
  let digest;
  if (digestText === "") {
    throw new SealError(
      `${PromoteInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}"` + (rollback ? ', or "previous" to roll back to the last good digest.' : ".")
    );
  } else if (digestText === "previous") {
    if (!rollback) throw new SealError(`${PromoteInput.ExpectedDigest}: "previous" means a rollback. Add "${PromoteInput.Rollback}: true", or give a digest.`);
    digest = "previous";
  } else {
    digest = parseDigest(digestText, PromoteInput.ExpectedDigest);
  }
  if (vetoReason !== "" && rollback) {
    throw new SealError(`${PromoteInput.Veto}: a veto marks a digest bad; it cannot be combined with "${PromoteInput.Rollback}: true". Use one or the other.`);
  }
  if (vetoReason !== "" && digest === "previous") {
    throw new SealError(`${PromoteInput.Veto}: give the digest to veto in ${PromoteInput.ExpectedDigest}, not "previous".`);
  }
  const ledgerText = input(PromoteInput.Ledger);
  const ledger = parseLedgerLocation(ledgerText === "" ? env.GITHUB_ACTIONS === "true" ? "github" : `file:${DEFAULT_FILE_LEDGER}` : ledgerText, PromoteInput.Ledger, workspace);
  const token = input(PromoteInput.GitHubToken);
  if (ledger.kind === "github" && token === "") {
    throw new SealError(
      `${PromoteInput.GitHubToken}: required with "${PromoteInput.Ledger}: github". Give "\${{ github.token }}" (the default) and grant the job "permissions: deployments: write".`
    );
  }
  const environmentUrl = input(PromoteInput.EnvironmentUrl);
  if (environmentUrl !== "" && !URL.canParse(environmentUrl)) {
    throw new SealError(`${PromoteInput.EnvironmentUrl}: ${quote(environmentUrl)} is not a URL. Give the address where the environment can be reached, such as "https://staging.example.com".`);
  }
  const source = readBytesSource(getInput2, workspace, {
    subjectPath: PromoteInput.SubjectPath,
    root: PromoteInput.Root,
    checksumsPath: PromoteInput.ChecksumsPath,
    artifactName: PromoteInput.ArtifactName,
    runId: PromoteInput.RunId,
    token: PromoteInput.GitHubToken,
    cache: PromoteInput.Cache
  });
  const policy = input(PromoteInput.Policy);
  const name = input(PromoteInput.Name);
  return {
    environment,
    digest,
    source,
    policyFile: path.resolve(workspace, policy === "" ? DEFAULT_POLICY : policy),
    ledger,
    token,
    environmentUrl: environmentUrl === "" ? null : environmentUrl,
    rollback,
    dryRun: parseBooleanInput(PromoteInput.DryRun, getInput2(PromoteInput.DryRun), false),
    veto: vetoReason === "" ? null : vetoReason,
    name: name === "" ? null : name,
    summary: parseBooleanInput(PromoteInput.Summary, getInput2(PromoteInput.Summary), true)
  };
}

// src/actions/promote/run.ts
async function run(env = process.env, now = () => /* @__PURE__ */ new Date()) {
  try {
    const workspace = workspaceDir(env);
    const settings = readPromoteSettings((name) => getInput(name), env, workspace);
    const policy = loadPolicy(settings.policyFile, PromoteInput.Policy, workspace);
    const ledger = await openLedger(settings.ledger, { token: settings.token, ledgerInput: PromoteInput.Ledger, tokenInput: PromoteInput.GitHubToken, forWriting: !settings.dryRun }, env);
    const requester = requesterFromEnv(env);
    if (settings.veto !== null) {
      if (settings.digest === "previous") throw new Error('unreachable: settings refuse a veto of "previous"');
      if (!policy.environments.some((e) => e.name === settings.environment)) {
        warning(`${PromoteInput.Environment}: ${settings.environment} is not in the policy; the veto applies to every environment all the same.`);
      }
      const record = await vetoDigest({ digest: settings.digest, environment: settings.environment, reason: settings.veto, name: settings.name, requester }, ledger, now);
      info(`Vetoed ${settings.digest} in ${ledger.location} (record ${record.id}): ${settings.veto}. No environment accepts it now.`);
      if (settings.summary && env.GITHUB_STEP_SUMMARY) {
        await summary.addRaw(renderVetoMarkdown(record, ledger.location)).write();
      }
      setOutput(PromoteOutput.Promoted, "false");
      setOutput(PromoteOutput.Digest, settings.digest);
      setOutput(PromoteOutput.RecordId, record.id);
      setOutput(PromoteOutput.RecordUrl, record.url ?? "");
      return;
    }
    const source = settings.source;
    const checksumsFile = source?.kind === "local" ? source.checksumsFile : null;
    const sealed = settings.digest === "previous" ? null : sealInfoBesideListing(checksumsFile, settings.digest);
    const fetchContext = {
      env,
      downloadsDir: path2.join(runnerTempDir(env), "artifact-seal", "downloads"),
      seal: { fallbackName: fallbackName(env, workspace), build: buildContextFromEnv(env), onProgress: (p) => info(describeProgress(p)) },
      inputs: { expected: PromoteInput.ExpectedDigest, checksums: PromoteInput.ChecksumsPath, artifactName: PromoteInput.ArtifactName },
      log: (message) => info(message)
    };
    const result = await promoteDigest(
      {
        environment: settings.environment,
        digest: settings.digest,
        rollback: settings.rollback,
        dryRun: settings.dryRun,
        name: settings.name ?? sealed?.name ?? null,
        environmentUrl: settings.environmentUrl,
        sealedBy: sealed?.sealedBy ?? null,
        requester,
        inputs: { environment: PromoteInput.Environment, digest: PromoteInput.ExpectedDigest },
        artifact: null,
        ...source ? { verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext) } : {}
      },
      policy,
      ledger,
      now
    );
    const { decision } = result;
    for (const check of decision.checks) info(`${check.passed ? "\u2713" : "\u2717"} ${check.rule} (${check.environment}): ${check.detail}`);
    if (result.verification && !result.verification.verified) annotateMismatches(result.verification.mismatches);
    const report = { result, policy, status: await pipelineStatus(policy, ledger), ledger: ledger.location, name: result.name, dryRun: settings.dryRun };
    if (settings.summary && env.GITHUB_STEP_SUMMARY) await summary.addRaw(renderPromotionMarkdown(report)).write();
    setOutput(PromoteOutput.Promoted, String(decision.allowed && !settings.dryRun));
    setOutput(PromoteOutput.Digest, result.digest ?? "");
    setOutput(PromoteOutput.PreviousDigest, result.previous?.digest ?? "");
    setOutput(PromoteOutput.RecordId, result.record?.id ?? "");
    setOutput(PromoteOutput.RecordUrl, result.record?.url ?? "");
    setOutput(PromoteOutput.Decision, JSON.stringify(decision));
    setOutput(PromoteOutput.Path, decision.allowed ? result.verification?.path ?? "" : "");
    if (decision.allowed) info(headline(report));
    else setFailed(`${headline(report)}: ${decision.reason}`);
  } catch (error) {
    reportFailure(error);
  }
}

// src/actions/promote/index.ts
await run();
