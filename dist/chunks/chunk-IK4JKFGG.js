import {
  headline
} from "./chunk-BN3BV3BB.js";

// src/report/promotion-text.ts
function renderPromotionText(report) {
  const { decision, record, previous } = report.result;
  const lines = [`${decision.allowed ? report.dryRun ? "ALLOWED" : "PENDING" : "REFUSED"}  ${headline(report)}`];
  if (decision.digest) lines.push(`  digest    ${decision.digest}`);
  if (previous) {
    const replaced = decision.allowed && previous.digest !== decision.digest && !report.dryRun;
    lines.push(`  ${replaced ? "replaces" : "runs now"}  ${previous.digest} (live since ${previous.from})`);
  }
  for (const c of decision.checks) lines.push(`  ${c.passed ? "\u2713" : "\u2717"} ${c.rule.padEnd(12)} ${c.environment}: ${c.detail}`);
  if (record) lines.push(`  recorded  ${report.ledger} #${record.id}`);
  lines.push("", ...renderStatusText(report.status));
  return `${lines.join("\n")}
`;
}
function renderStatusText(status) {
  const width = Math.max(11, ...status.map((s) => s.environment.length));
  const lines = [`${"environment".padEnd(width)}  runs now${" ".repeat(64)}since`];
  for (const s of status) {
    const runs = s.error ? `unknown: ${s.error}` : s.live ? `${s.live.digest}  ${s.live.from}` : "-";
    lines.push(`${s.environment.padEnd(width)}  ${runs}`);
    for (const p of s.pending) lines.push(`${"".padEnd(width)}  pending: ${p.digest} (record ${p.id}, let in ${p.time}, not confirmed)`);
  }
  return lines;
}
function renderHistoryText(entries) {
  if (entries.length === 0) return "No records.\n";
  const lines = entries.map((e) => {
    const who = [e.actor, e.runUrl].filter(Boolean).join(" ");
    const why = e.reason ? `  (${e.reason})` : "";
    return `#${e.id.padEnd(4)} ${e.time}  ${e.environment.padEnd(12)} ${e.outcome.padEnd(11)} ${e.digest}${e.name ? ` ${e.name}` : ""}${who ? `  by ${who}` : ""}${why}`;
  });
  return `${lines.join("\n")}
`;
}

export {
  renderPromotionText,
  renderStatusText,
  renderHistoryText
};
