import {
  pipelineStatus
} from "./chunk-7GVNBQMO.js";
import {
  renderStatusText
} from "./chunk-ZW2YXB6K.js";
import "./chunk-MIEEZ3ZV.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-W4JJI4YO.js";
import "./chunk-TB6LR2T3.js";
import "./chunk-64VN6DVJ.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-2TEAWJDS.js";
import "./chunk-26HFV435.js";
import "./chunk-IA4WZQDT.js";
import "./chunk-Q7VPIQTJ.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-YUA324DC.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-C5FJLWC7.js";
import {
  parseCommand,
  requireValue
} from "./chunk-FCGIBEPM.js";
import "./chunk-3FEAGG5X.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-APYKEJN7.js";
import {
  printJson
} from "./chunk-3WEHOHFK.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-P2RVIIUY.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/cli/status-command.ts
var STATUS_USAGE = `Usage: artifact-seal status [--policy FILE] [--ledger L] [--json]

What each environment of the promotion policy runs now, since when, and the contract
version its live digest carries (as the record that made it live names it): for each
service the policy names (service, services), else for each one the ledger has records
of in the environment (a column says which, when there are several).

  --policy FILE   the promotion policy (default ${DEFAULT_POLICY_FILE})
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
  const policy = loadPolicy(resolve(terminal.cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_FILE), "--policy", terminal.cwd);
  const status = await pipelineStatus(policy, await ledgerFromOptions(values, terminal));
  if (values.json) printJson(terminal, status);
  else terminal.out(`${renderStatusText(status).join("\n")}
`);
  return status.some((s) => s.error !== null) ? 1 : 0;
}
export {
  STATUS_USAGE,
  statusCommand
};
