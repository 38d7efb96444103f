import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  DEFAULT_POLICY_PATH
} from "./chunk-76WXQDGD.js";
import {
  renderStatusText
} from "./chunk-6BNCNALW.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-VM4FHYN5.js";
import {
  parseCommand,
  requireValue
} from "./chunk-EKROG2TR.js";
import {
  loadPolicy,
  pipelineStatus
} from "./chunk-MWNRATBR.js";
import "./chunk-KPF2372Z.js";
import "./chunk-2YCGOX76.js";
import "./chunk-3XV4SCCJ.js";
import "./chunk-IXOSLNXJ.js";
import "./chunk-QNKJSCO2.js";
import "./chunk-YQE4J5OP.js";
import "./chunk-G46EYJYA.js";
import "./chunk-IM7BOTGG.js";
import "./chunk-QBBW7JKU.js";
import "./chunk-IYSVIPOP.js";
import "./chunk-5ULCEYWG.js";
import "./chunk-GVTCPM22.js";
import "./chunk-NMF5PPW7.js";
import "./chunk-BVAVKUIG.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-HRW4MM62.js";
import "./chunk-JWCK4D2M.js";

// src/cli/status-command.ts
import * as path from "node:path";
var STATUS_USAGE = `Usage: artifact-seal status [--policy FILE] [--ledger L] [--json]

What each environment of the promotion policy runs now, and since when.

  --policy FILE   the promotion policy (default ${DEFAULT_POLICY_PATH})
${LEDGER_HELP}
  --json          print it as JSON
  -h, --help      show this help`;
var spec = {
  name: "status",
  usage: STATUS_USAGE,
  allowPositionals: false,
  options: { policy: { type: "string" }, json: { type: "boolean" }, ...LEDGER_OPTIONS }
};
async function statusCommand(args, terminal) {
  const { values } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${STATUS_USAGE}
`);
    return 0;
  }
  const policy = loadPolicy(path.resolve(terminal.cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_PATH), "--policy", terminal.cwd);
  const status = await pipelineStatus(policy, await ledgerFromOptions(values, terminal));
  terminal.out(values.json ? `${JSON.stringify(status, null, 2)}
` : `${renderStatusText(status).join("\n")}
`);
  return status.some((s) => s.error !== null) ? 1 : 0;
}
export {
  STATUS_USAGE,
  statusCommand
};
