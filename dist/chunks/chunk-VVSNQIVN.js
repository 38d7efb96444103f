import {
  changesByOperation,
  severityCounts
} from "./chunk-TUMNQBV5.js";
import {
  CHANGES_SHOWN,
  contractLabel,
  contractOutcome,
  headline,
  serviceLabel
} from "./chunk-XAV637GN.js";
import {
  serviceOf
} from "./chunk-7EN7PEUO.js";
import {
  plain
} from "./chunk-7BLIV633.js";

// src/report/promotion-text.ts
function renderPromotionText(report, paint = plain) {
  const { decision, record, previous } = report.result;
  const verdict = decision.allowed ? paint("good", report.dryRun ? "ALLOWED" : "PENDING") : paint("bad", "REFUSED");
  const lines = [`${verdict}  ${headline(report)}`];
  if (decision.digest) lines.push(`  digest    ${decision.digest}`);
  if (previous) {
    const replaced = decision.allowed && previous.digest !== decision.digest && !report.dryRun;
    lines.push(
      `  ${replaced ? "replaces" : "runs now"}  ${previous.digest} (live since ${previous.from})`
    );
  }
  const signature = report.result.signature;
  if (signature?.status === "verified")
    lines.push(`  signed    by ${signatureSigner(signature)} (verified)`);
  for (const c of decision.checks)
    lines.push(
      `  ${c.passed ? paint("good", "\u2713") : paint("bad", "\u2717")} ${c.rule.padEnd(12)} ${c.environment}: ${c.detail}`
    );
  lines.push(...contractText(report));
  if (record) lines.push(`  recorded  ${report.ledger} #${record.id}`);
  lines.push("", ...renderStatusText(report.status));
  return `${lines.join("\n")}
`;
}
function signatureSigner(signature) {
  return signature.signer.kind === "key" ? `key:${signature.signer.hint}` : signature.signer.identity.subjectAlternativeName;
}
function contractText(report) {
  const outcome = contractOutcome(report.result.contract);
  if (outcome === null) return [];
  const rollback = report.result.decision.mode === "rollback" ? " (rollback)" : "";
  switch (outcome.kind) {
    case "carried":
      return [
        `  contract  ${outcome.contract.version} (${outcome.contract.digest}); ${report.result.decision.environment} has no contract rule`
      ];
    case "problem":
      return [
        `  contract  not compared${report.result.decision.checks.some((c) => c.rule === "contract") ? " (see the contract rule above)" : `: ${outcome.problem}`}`
      ];
    case "initial":
      return [`  contract  initial contract ${outcome.to.version} (${outcome.to.digest})`];
    case "unchanged":
      return [`  contract  unchanged (${outcome.contract.version})`];
    case "removed":
      return [
        `  contract  ${outcome.from.version} \u2192 none${rollback}: this digest carries no contract`
      ];
    case "not-compared": {
      const ruled = report.result.decision.checks.some((c) => c.rule === "contract");
      const why = outcome.problem === null ? "" : ruled ? " (see the contract rule above)" : `: ${outcome.problem}`;
      return [
        `  contract  ${contractLabel(outcome.from, outcome.to)} \u2192 ${contractLabel(outcome.to, outcome.from)}${rollback}: not compared${why}`
      ];
    }
    case "amended": {
      const { changes } = outcome;
      const head = `  contract  ${contractLabel(outcome.from, outcome.to)} \u2192 ${contractLabel(outcome.to, outcome.from)}${rollback}: `;
      if (changes.length === 0) return [`${head}no change a client can see`];
      const lines = [`${head}${severityCounts(changes)}`];
      let shown = 0;
      for (const group of changesByOperation(changes)) {
        if (shown >= CHANGES_SHOWN) break;
        lines.push(`    ${group.operation}`);
        for (const change of group.changes) {
          if (shown >= CHANGES_SHOWN) break;
          lines.push(
            `      ${change.severity.padEnd(10)}  ${change.rule}  ${change.location}: ${change.message}`
          );
          shown++;
        }
      }
      if (changes.length > shown)
        lines.push(
          `    and ${changes.length - shown} more (artifact-seal contract diff lists every change)`
        );
      return lines;
    }
  }
}
function renderStatusText(status) {
  const width = Math.max(11, ...status.map((s) => s.environment.length));
  const several = new Set(status.map((s) => s.service)).size > 1;
  const serviceWidth = several ? Math.max(7, ...status.map((s) => serviceLabel(s.service).length)) : 0;
  const service = (s) => several ? `${(s === null ? "service" : serviceLabel(s.service)).padEnd(serviceWidth)}  ` : "";
  const lines = [`${"environment".padEnd(width)}  ${service(null)}runs now${" ".repeat(64)}since`];
  for (const s of status) {
    const contract = s.contract ? `  contract ${s.contract.version}` : "";
    const runs = s.error ? `unknown: ${s.error}` : s.live ? `${s.live.digest}  ${s.live.from}${contract}` : "-";
    lines.push(`${s.environment.padEnd(width)}  ${service(s)}${runs}`);
    if (s.image !== void 0)
      lines.push(
        `${"".padEnd(width + (several ? serviceWidth + 2 : 0))}  image: ${imageTagText(s.image)}`
      );
    for (const p of s.pending) {
      const carries = p.contract ? `, contract ${p.contract.version}` : "";
      lines.push(
        `${"".padEnd(width + (several ? serviceWidth + 2 : 0))}  pending: ${p.digest} (record ${p.id}, let in ${p.time}${carries}, not confirmed)`
      );
    }
  }
  return lines;
}
function renderHistoryText(entries) {
  if (entries.length === 0) return "No records.\n";
  const several = new Set(entries.map((e) => serviceOf(e))).size > 1;
  const lines = entries.map((e) => {
    const who = [e.actor, e.runUrl].filter(Boolean).join(" ");
    const verdict = e.observation ? `${e.observation.verdict}${e.observation.observed !== null && e.observation.verdict === "drifted" ? `, runs ${e.observation.observed}` : ""}` : null;
    const why = verdict !== null || e.reason ? `  (${[verdict, e.reason].filter(Boolean).join(": ")})` : "";
    const service = serviceOf(e);
    const named = several ? ` [${serviceLabel(service)}]${e.name !== null && e.name !== service ? ` ${e.name}` : ""}` : e.name ? ` ${e.name}` : "";
    return `#${e.id.padEnd(4)} ${e.time}  ${e.environment.padEnd(12)} ${e.outcome.padEnd(11)} ${e.digest}${named}${who ? `  by ${who}` : ""}${why}`;
  });
  return `${lines.join("\n")}
`;
}
function renderContractHistoryText(amendments, environment = null) {
  if (amendments.length === 0)
    return `No contract amendments${environment === null ? "" : ` in ${environment}`}: no digest that went live ${environment === null ? "anywhere" : "there"} carried a contract.
`;
  const several = new Set(amendments.map((a) => a.service)).size > 1;
  const groups = /* @__PURE__ */ new Map();
  for (const a of amendments) {
    const key = JSON.stringify([a.environment, several ? a.service : null]);
    const group = groups.get(key) ?? {
      title: several ? `${a.environment} (service ${serviceLabel(a.service)})` : a.environment,
      list: []
    };
    group.list.push(a);
    groups.set(key, group);
  }
  const lines = [];
  for (const { title: name, list } of groups.values()) {
    if (lines.length > 0) lines.push("");
    lines.push(`${name}: ${list.length} contract ${list.length === 1 ? "amendment" : "amendments"}`);
    for (const a of list) lines.push(...amendmentBlock(a));
  }
  return `${lines.join("\n")}
`;
}
function amendmentBlock(a) {
  const side = (c) => c === null ? "none" : `${c.version}  ${c.digest}`;
  const what = a.initial && a.to !== null ? `initial contract ${a.to.version}` : `${a.from === null ? "none" : contractLabel(a.from, a.to)} \u2192 ${a.to === null ? "none" : contractLabel(a.to, a.from)}`;
  const lines = [`  ${a.time}  ${what}${a.mode === "rollback" ? "  (rollback)" : ""}`];
  if (!a.initial) lines.push(`    from      ${side(a.from)}`);
  lines.push(`    to        ${side(a.to)}`);
  lines.push(
    `    artifact  ${a.digest}${a.name ? ` (${a.name})` : ""}${a.previousDigest ? `, replacing ${a.previousDigest}` : ""}`
  );
  const who = [a.actor, a.runUrl].filter(Boolean).join("  ");
  lines.push(
    `    by        ${who === "" ? "unknown" : who}  (record ${a.recordId}, confirmed by ${a.confirmationId})`
  );
  if (a.amendment) {
    const rules = a.amendment.rules.length > 0 ? `: ${a.amendment.rules.join(", ")}` : "";
    lines.push(
      `    changes   ${a.amendment.breaking} breaking, ${a.amendment.dangerous} dangerous, ${a.amendment.compatible} compatible${rules}`
    );
    if (a.amendment.approval) lines.push(`    approval  record ${a.amendment.approval}`);
  }
  return lines;
}
function imageTagText(image) {
  switch (image.state) {
    case "live":
      return image.names === null ? `${image.reference} does not exist; nothing is live` : `${image.reference} names the live digest`;
    case "pending":
      return `${image.reference} names ${image.names ?? ""}, let in and not confirmed yet`;
    case "moved":
      return `${image.reference} names ${image.names ?? "nothing"}, not the live digest: it moved behind the gate`;
    case "unknown":
      return `${image.reference}: unknown (${image.error ?? ""})`;
  }
}

export {
  renderPromotionText,
  renderStatusText,
  renderHistoryText,
  renderContractHistoryText
};
