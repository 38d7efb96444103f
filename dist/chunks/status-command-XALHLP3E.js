import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  DEFAULT_POLICY_PATH
} from "./chunk-TWXIIWDP.js";
import {
  renderStatusText
} from "./chunk-IK4JKFGG.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-IR3OTZ46.js";
import {
  parseCommand,
  requireValue
} from "./chunk-GSG2IMQB.js";
import {
  loadPolicy,
  pipelineStatus
} from "./chunk-MNBNWFGF.js";
import "./chunk-ZE6JGXM3.js";
import "./chunk-ZLGW7ZI3.js";
import "./chunk-NVACJPZY.js";
import "./chunk-EXUFTQFU.js";
import "./chunk-SB5SYUBX.js";
import "./chunk-IM7BOTGG.js";
import "./chunk-BN3BV3BB.js";
import "./chunk-V4I5O5IV.js";
import "./chunk-775XJJYF.js";
import "./chunk-JQN5ZRY2.js";
import "./chunk-F2S7RG6J.js";
import "./chunk-G46EYJYA.js";
import "./chunk-QBBW7JKU.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-JNKVE2JS.js";
import "./chunk-4VJWAQ33.js";
import "./chunk-3CR25UGK.js";
import "./chunk-ZF2UFZB3.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-MQKQALL5.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";

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
