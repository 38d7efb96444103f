import {
  CHANGES_SHOWN,
  contractLabel,
  contractOutcome,
  headline,
  resolutionHeadline,
  severityCounts
} from "./chunk-OKC3V5KO.js";
import {
  DEFAULT_FILE_LEDGER,
  parseLedgerLocation
} from "./chunk-UHTOHAQ5.js";
import {
  makesLive
} from "./chunk-PDXRZ77U.js";
import {
  readBytesSource,
  signerRows
} from "./chunk-OUGGR7GI.js";
import {
  upstreamOf
} from "./chunk-26EACSW7.js";
import {
  changesByOperation
} from "./chunk-WQL46BTN.js";
import {
  cell,
  code,
  info,
  setFailed,
  setOutput,
  summary
} from "./chunk-Z26ZLIIK.js";
import {
  PromoteInput,
  PromoteOutput,
  parseBooleanInput,
  readSignerCheckSettings,
  readSigningSettings
} from "./chunk-PURSDPP7.js";
import {
  parseDigest,
  shortDigest
} from "./chunk-WN5XRVDE.js";
import {
  SealError,
  quote
} from "./chunk-KQET6ZTM.js";

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
    const contract2 = s.contract ? `<br/>${label(`contract ${s.contract.version}`)}` : "";
    const pending = s.pending.map((p) => `<br/>${label(`pending ${shortDigest(p.digest)}${p.contract ? ` (contract ${p.contract.version})` : ""}`)}`).join("");
    out.push(`  ${ids.get(s.environment)}["${label(`${s.environment}${mark}`)}<br/>${label(runs)}${contract2}${pending}"]`);
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
  out.push("| Environment | Runs now | Since | Contract |", "| --- | --- | --- | --- |");
  for (const s of status) {
    const runs = s.error ? `unknown: ${cell(s.error)}` : s.live ? `${code(shortDigest(s.live.digest))}${s.live.digest === decision.digest ? " (this digest)" : ""}` : "\u2014";
    const pending = s.pending.map((p) => `<br/>pending: ${code(shortDigest(p.digest))} (record ${cell(p.id)}${p.contract ? `, contract ${cell(code(p.contract.version))}` : ""}, not confirmed)`).join("");
    out.push(`| ${cell(s.environment)} | ${runs}${pending} | ${s.live ? s.live.from : ""} | ${s.contract ? cell(code(s.contract.version)) : ""} |`);
  }
  out.push("");
  out.push("| Rule | Environment | Outcome | Detail |", "| --- | --- | --- | --- |");
  for (const c of decision.checks) out.push(`| ${c.rule} | ${cell(c.environment)} | ${c.passed ? "\u2705 passed" : "\u274C failed"} | ${cell(c.detail)} |`);
  out.push("");
  const contract = contractOutcome(result.contract);
  if (contract?.kind === "amended" && contract.changes.length > 0) out.push(...amendmentMarkdown(contract, decision.environment, decision.mode === "rollback"));
  out.push("| | |", "| --- | --- |");
  if (decision.digest) out.push(`| Digest | ${code(decision.digest)} |`);
  if (result.previous) out.push(`| ${cell(decision.environment)} ran before | ${code(result.previous.digest)} since ${result.previous.from} |`);
  if (contract !== null) out.push(`| Contract | ${contractRow(contract, decision.checks.some((c) => c.rule === "contract"))} |`);
  const sealed = result.sealedBy;
  if (sealed?.commit) {
    const server = sealed.runUrl && URL.canParse(sealed.runUrl) ? new URL(sealed.runUrl).origin : "https://github.com";
    const commit = sealed.repository ? `[${code(sealed.commit.slice(0, 7))}](${server}/${sealed.repository}/commit/${sealed.commit})` : code(sealed.commit.slice(0, 7));
    out.push(`| Commit | ${commit} |`);
  }
  const claimed = sealed && !sealed.signer && result.signature?.status !== "verified" ? " (unsigned statement: claimed, not proven)" : "";
  if (sealed?.runUrl) out.push(`| Sealed by | [${cell(sealed.runUrl.replace(/^https:\/\/[^/]+\//, ""))}](${sealed.runUrl})${claimed} |`);
  if (!sealed) out.push("| Sealed by | unknown: give checksums-path with the seal bundle beside it to record the build |");
  out.push(...signerRows(result.signature));
  if (result.record?.attestation) out.push(`| Record attestation | ${attestationLink(result.record.attestation)} |`);
  const record = result.record;
  out.push(`| Ledger | ${code(report.ledger)}${record ? `, record ${record.url ? `[${cell(record.id)}](${record.url})` : code(record.id)}` : report.dryRun ? " (dry run: nothing recorded)" : ""} |`);
  out.push("");
  return out.join("\n");
}
function contractRow(outcome, ruled) {
  const version = (text) => cell(code(text));
  switch (outcome.kind) {
    case "carried":
      return `${version(outcome.contract.version)} (${code(shortDigest(outcome.contract.digest))}), not judged: the environment has no contract rule`;
    case "problem":
      return `not compared${ruled ? " (see the contract rule)" : `: ${cell(outcome.problem)}`}`;
    case "initial":
      return `initial contract ${version(outcome.to.version)} (${code(shortDigest(outcome.to.digest))})`;
    case "unchanged":
      return `contract unchanged (${version(outcome.contract.version)})`;
    case "removed":
      return `${version(outcome.from.version)} \u2192 none: this digest carries no contract`;
    case "not-compared": {
      const why = outcome.problem === null ? "" : ruled ? " (see the contract rule)" : `: ${cell(outcome.problem)}`;
      return `${version(contractLabel(outcome.from, outcome.to))} \u2192 ${version(contractLabel(outcome.to, outcome.from))}, not compared${why}`;
    }
    case "amended":
      return `${version(contractLabel(outcome.from, outcome.to))} \u2192 ${version(contractLabel(outcome.to, outcome.from))}: ${outcome.changes.length === 0 ? "no change a client can see" : `${severityCounts(outcome.changes)} (listed above)`}`;
  }
}
var SEVERITY_MARK = { breaking: "\u{1F534} breaking", dangerous: "\u{1F7E0} dangerous", compatible: "\u{1F7E2} compatible" };
function amendmentMarkdown(outcome, environment, rollback) {
  const { changes } = outcome;
  const out = [
    `#### Contract amendment${rollback ? " (rollback)" : ""}: ${cell(environment)} ${cell(code(contractLabel(outcome.from, outcome.to)))} \u2192 ${cell(code(contractLabel(outcome.to, outcome.from)))}`,
    "",
    `${severityCounts(changes)}.`,
    "",
    "| Operation | Severity | Rule | Location | Change |",
    "| --- | --- | --- | --- | --- |"
  ];
  let shown = 0;
  for (const group of changesByOperation(changes)) {
    for (const [i, change] of group.changes.entries()) {
      if (shown >= CHANGES_SHOWN) break;
      const operation = i === 0 ? cell(code(group.operation)) : "";
      out.push(`| ${operation} | ${SEVERITY_MARK[change.severity]} | ${cell(code(change.rule))} | ${cell(change.location)} | ${cell(change.message)} |`);
      shown++;
    }
  }
  if (changes.length > shown) out.push("", `\u2026and ${changes.length - shown} more: ${code("artifact-seal contract diff")} lists every change.`);
  out.push("");
  return out;
}
function attestationLink(attestation) {
  const text = `verification summary ${shortDigest(attestation.digest)}`;
  return /^https?:\/\//.test(attestation.uri) ? `[${text}](${attestation.uri})` : `${text} in ${code(attestation.uri)}`;
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
function renderApprovalMarkdown(record, ledger) {
  const where = record.url ? `[${cell(record.id)}](${record.url})` : code(record.id);
  return [
    `### \u{1F58A}\uFE0F Contract amendment approved for ${cell(record.environment)}`,
    "",
    `${cell(record.reason ?? "")}`,
    "",
    `| Digest | ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ""} |`,
    "| --- | --- |",
    `| Contract | ${record.approves?.from ? code(record.approves.from) : "none"} \u2192 ${code(record.approves?.to ?? "")} |`,
    `| Approved by | ${cell(record.actor ?? "unknown")} |`,
    `| Ledger | ${code(ledger)}, record ${where} |`,
    "",
    `One promotion of this amendment into ${cell(record.environment)} may go through on it.`,
    ""
  ].join("\n");
}
function renderResolutionMarkdown(entry, ledger) {
  const where = entry.url ? `[${cell(entry.id)}](${entry.url})` : code(entry.id);
  return [
    `### ${makesLive(entry.outcome) ? "\u2705" : "\u26D4"} ${cell(resolutionHeadline(entry))}`,
    "",
    ...entry.reason ? [cell(entry.reason), ""] : [],
    `| Digest | ${code(entry.digest)} |`,
    "| --- | --- |",
    `| Environment | ${cell(entry.environment)} |`,
    `| Ledger | ${code(ledger)}, record ${where} |`,
    ""
  ].join("\n");
}

// src/actions/promote/report-resolution.ts
async function reportResolution(entry, asked, ledger, summary2) {
  const line = resolutionHeadline(entry);
  if (summary2) await summary.addRaw(renderResolutionMarkdown(entry, ledger)).write();
  setOutput(PromoteOutput.Promoted, String(makesLive(entry.outcome)));
  setOutput(PromoteOutput.Digest, entry.digest);
  setOutput(PromoteOutput.RecordId, entry.id);
  setOutput(PromoteOutput.RecordUrl, entry.url ?? "");
  if (asked === "confirmed" && !makesLive(entry.outcome)) setFailed(`${line}: ${entry.reason ?? ""}`);
  else info(line);
}

// src/actions/promote/settings.ts
import * as path from "node:path";
var DEFAULT_POLICY = ".github/promotion.yml";
function readPromoteSettings(getInput, env, workspace) {
  const input = (name2) => getInput(name2).trim();
  const confirm = readConfirm(input);
  const environment = input(PromoteInput.Environment);
  if (confirm.kind === "record") return confirmSettings(input, getInput, env, workspace, confirm);
  if (input(PromoteInput.Outcome) !== "") {
    throw new SealError(`${PromoteInput.Outcome}: it goes with "${PromoteInput.Confirm}: <record-id>", the step that confirms an earlier promotion; remove it, or give the record id.`);
  }
  if (environment === "") {
    throw new SealError(`${PromoteInput.Environment}: required. Give the environment to promote into, as the promotion policy names it, such as "staging".`);
  }
  const rollback = parseBooleanInput(PromoteInput.Rollback, getInput(PromoteInput.Rollback), false);
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
  const approval = input(PromoteInput.ApproveAmendment);
  if (approval !== "" && (vetoReason !== "" || rollback)) {
    throw new SealError(
      `${PromoteInput.ApproveAmendment}: an approval of a contract amendment cannot be combined with ${vetoReason !== "" ? PromoteInput.Veto : `"${PromoteInput.Rollback}: true"`}. Approve in a step of its own.`
    );
  }
  if (approval !== "" && digest === "previous") {
    throw new SealError(`${PromoteInput.ApproveAmendment}: give the digest whose contract amendment is approved in ${PromoteInput.ExpectedDigest}, not "previous".`);
  }
  const baseline = input(PromoteInput.ContractBaseline);
  const { ledger, token } = readLedger(input, env, workspace);
  const environmentUrl = input(PromoteInput.EnvironmentUrl);
  if (environmentUrl !== "" && !URL.canParse(environmentUrl)) {
    throw new SealError(`${PromoteInput.EnvironmentUrl}: ${quote(environmentUrl)} is not a URL. Give the address where the environment can be reached, such as "https://staging.example.com".`);
  }
  const source = readBytesSource(getInput, workspace, {
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
    confirm,
    createLedger: parseBooleanInput(PromoteInput.CreateLedger, getInput(PromoteInput.CreateLedger), false),
    environment,
    digest,
    source,
    policyFile: path.resolve(workspace, policy === "" ? DEFAULT_POLICY : policy),
    ledger,
    token,
    environmentUrl: environmentUrl === "" ? null : environmentUrl,
    rollback,
    dryRun: parseBooleanInput(PromoteInput.DryRun, getInput(PromoteInput.DryRun), false),
    veto: vetoReason === "" ? null : vetoReason,
    approveAmendment: approval === "" ? null : approval,
    contractBaseline: baseline === "" ? null : path.resolve(workspace, baseline),
    name: name === "" ? null : name,
    summary: parseBooleanInput(PromoteInput.Summary, getInput(PromoteInput.Summary), true),
    signer: readSignerCheckSettings(getInput, env, workspace),
    signing: readRecordSigning(getInput, ledger)
  };
}
function readRecordSigning(getInput, ledger) {
  const signing = readSigningSettings(getInput, "none");
  if (signing.mode === "key" && ledger.kind === "github") {
    throw new SealError(
      `${PromoteInput.SigningKey}: records in the github ledger are signed keyless and stored in the repository's attestations API, which does not take key-signed bundles. Remove ${PromoteInput.SigningKey} and grant "id-token: write" and "attestations: write", or use a file ledger.`
    );
  }
  return signing;
}
var RECORD_ID = /^[1-9][0-9]{0,19}$/;
function readConfirm(input) {
  const text = input(PromoteInput.Confirm);
  if (text === "" || text === "on-success") return { kind: "on-success" };
  if (text === "manual") return { kind: "manual" };
  if (!RECORD_ID.test(text)) {
    throw new SealError(
      `${PromoteInput.Confirm}: ${quote(text)} is not "on-success", "manual" or a record id. Give "on-success" (the post step confirms the deployment when the job succeeds), "manual" (a later step confirms it), or the record-id output of the promote step to confirm.`
    );
  }
  const outcome = input(PromoteInput.Outcome);
  if (outcome !== "success" && outcome !== "failure") {
    throw new SealError(
      `${PromoteInput.Outcome}: ${outcome === "" ? "required" : `${quote(outcome)} is not "success" or "failure"`} with "${PromoteInput.Confirm}: ${text}". Give "success" when the deployment of record ${text} went through, "failure" when it did not.`
    );
  }
  return { kind: "record", id: text, outcome: outcome === "success" ? "confirmed" : "failed" };
}
function confirmSettings(input, getInput, env, workspace, confirm) {
  const promoting = [PromoteInput.ExpectedDigest, PromoteInput.SubjectPath, PromoteInput.ArtifactName, PromoteInput.Veto, PromoteInput.EnvironmentUrl, PromoteInput.ApproveAmendment, PromoteInput.ContractBaseline].filter((name2) => input(name2) !== "");
  if (promoting.length > 0 || parseBooleanInput(PromoteInput.Rollback, getInput(PromoteInput.Rollback), false)) {
    throw new SealError(
      `${PromoteInput.Confirm}: a step with a record id confirms that record and promotes nothing, so ${[...promoting, ...promoting.length === 0 ? [PromoteInput.Rollback] : []].join(", ")} cannot be given with it. Confirm in a step of its own, with only confirm, outcome and the ledger inputs.`
    );
  }
  const { ledger, token } = readLedger(input, env, workspace);
  const name = input(PromoteInput.Name);
  return {
    confirm,
    createLedger: false,
    environment: input(PromoteInput.Environment),
    digest: "previous",
    source: null,
    policyFile: path.resolve(workspace, input(PromoteInput.Policy) || DEFAULT_POLICY),
    ledger,
    token,
    environmentUrl: null,
    rollback: false,
    dryRun: false,
    veto: null,
    approveAmendment: null,
    contractBaseline: null,
    name: name === "" ? null : name,
    summary: parseBooleanInput(PromoteInput.Summary, getInput(PromoteInput.Summary), true),
    signer: readSignerCheckSettings(getInput, env, workspace),
    signing: readRecordSigning(getInput, ledger)
  };
}
function readLedger(input, env, workspace) {
  const ledgerText = input(PromoteInput.Ledger);
  const ledger = parseLedgerLocation(ledgerText === "" ? env.GITHUB_ACTIONS === "true" ? "github" : `file:${DEFAULT_FILE_LEDGER}` : ledgerText, PromoteInput.Ledger, workspace);
  const token = input(PromoteInput.GitHubToken);
  if (ledger.kind === "github" && token === "") {
    throw new SealError(
      `${PromoteInput.GitHubToken}: required with "${PromoteInput.Ledger}: github". Give "\${{ github.token }}" (the default) and grant the job "permissions: deployments: write".`
    );
  }
  return { ledger, token };
}

export {
  renderPromotionMarkdown,
  renderVetoMarkdown,
  renderApprovalMarkdown,
  reportResolution,
  readPromoteSettings
};
