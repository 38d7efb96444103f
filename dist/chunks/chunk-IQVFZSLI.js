import {
  shortDigest
} from "./chunk-KRR2HU2L.js";
import {
  CONTROL_CHARACTERS
} from "./chunk-OTNJMBZK.js";

// src/report/markdown.ts
var ENDS_CODE_SPAN = new RegExp(`[\`|\\\\${CONTROL_CHARACTERS}\u2028\u2029]`, "u");
var SPACE_OR_CONTROL = new RegExp(`[\\s${CONTROL_CHARACTERS}]`, "u");

// src/report/observe-markdown.ts
function observedWhere(o) {
  return o.service === null ? o.environment : `${o.environment} (${o.service})`;
}

// src/report/observe-text.ts
function renderObserveText(report) {
  const lines = [];
  for (const e of report.environments) {
    const verdict = e.verdict.toUpperCase().padEnd(8);
    const observed = e.observed === null ? "" : `  observed ${e.observed.split(" ").map(shortDigest).join(" ")}`;
    lines.push(
      `${verdict} ${observedWhere(e)}  expected ${e.expected === null ? "nothing live" : shortDigest(e.expected)}${observed}${e.since === null ? "" : `  since ${e.since}`}`
    );
    if (e.reason !== null) lines.push(`         ${e.reason}`);
    for (const c of e.contractChanges)
      lines.push(`         ${c.severity.padEnd(10)} ${c.rule}  ${c.location}`);
  }
  const drifted = report.environments.filter((e) => e.verdict === "drifted").length;
  lines.push(
    drifted > 0 ? `${drifted} of ${report.environments.length} drifted.` : `No drift in ${report.environments.length} observed.`
  );
  return `${lines.join("\n")}
`;
}
function renderContractObservationsText(newestFirst) {
  const shown = newestFirst.filter(
    (e) => e.outcome === "acknowledged" || e.outcome === "observed" && e.observation?.verdict === "drifted" && e.observation.rules.length > 0
  );
  if (shown.length === 0) return "";
  const lines = [
    "",
    `Contract drift observed: ${shown.length} ${shown.length === 1 ? "record" : "records"}`
  ];
  for (const e of shown) {
    const where = `${e.environment}${e.service == null ? "" : ` (${e.service})`}`;
    if (e.outcome === "acknowledged")
      lines.push(`  ${e.time}  ${where}  drift acknowledged: ${e.reason ?? ""}  (record ${e.id})`);
    else
      lines.push(
        `  ${e.time}  ${where}  served contract differs from the sealed one of ${shortDigest(e.digest)}: ${e.observation?.rules.join(", ") ?? ""}  (record ${e.id})`
      );
  }
  return `${lines.join("\n")}
`;
}

export {
  renderObserveText,
  renderContractObservationsText
};
