import {
  DEFAULT_POLICY_PATH
} from "./chunk-7YX5U5YZ.js";
import {
  renderStatusText
} from "./chunk-IK4JKFGG.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-KMTL7SHL.js";
import "./chunk-CWDRKGLZ.js";
import {
  parseCommand,
  requireValue
} from "./chunk-GSG2IMQB.js";
import {
  loadPolicy,
  pipelineStatus
} from "./chunk-ASBWU4Y3.js";
import "./chunk-ISK7PWW6.js";
import "./chunk-JDE2Z3ZW.js";
import "./chunk-4IJ26T4C.js";
import "./chunk-N23RTFQ6.js";
import "./chunk-LFYFGPMI.js";
import "./chunk-342Q3T45.js";
import "./chunk-NVACJPZY.js";
import "./chunk-JVZDWJ74.js";
import "./chunk-KIX3PTMG.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-ZKPFZ6OV.js";
import "./chunk-T6LU5YRH.js";
import "./chunk-5PWKKN77.js";
import "./chunk-AOQAK625.js";
import "./chunk-KBCO63BF.js";
import "./chunk-BN3BV3BB.js";
import "./chunk-AWLEXHAZ.js";
import "./chunk-I4AZKPM5.js";
import "./chunk-JQN5ZRY2.js";
import "./chunk-5O3ZRBRA.js";
import "./chunk-Y26XYTCZ.js";
import "./chunk-IVGQQWRF.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-6BKEXAWG.js";
import "./chunk-7WIOIR7E.js";
import "./chunk-TST44RD6.js";
import "./chunk-MQKQALL5.js";
import "./chunk-5E6I27RW.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-EWOWW24O.js";

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
