import {
  DEFAULT_POLICY_PATH,
  loadPolicy,
  pipelineStatus
} from "./chunk-KDTO5T2N.js";
import "./chunk-XF5IRKUC.js";
import "./chunk-VYCQZRYS.js";
import "./chunk-LVZOJKQO.js";
import {
  renderStatusText
} from "./chunk-QCTJLSDC.js";
import "./chunk-7IMTTECP.js";
import "./chunk-D6AQBV6Z.js";
import "./chunk-PATJDSKG.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-XKPUXSYZ.js";
import "./chunk-QAXZ32M4.js";
import "./chunk-PNDUH7SH.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-YVUBSRLI.js";
import "./chunk-26HFV435.js";
import "./chunk-HSU5AKFI.js";
import "./chunk-X6XH6LHW.js";
import "./chunk-Q46E44F5.js";
import "./chunk-LCJQTPH3.js";
import "./chunk-3Y6US3PS.js";
import "./chunk-FUH2ZLFO.js";
import "./chunk-HCENANLJ.js";
import "./chunk-BGN5R62D.js";
import "./chunk-2Y4X4FFT.js";
import {
  parseCommand,
  requireValue
} from "./chunk-FEZZ7WDO.js";
import "./chunk-GBIDQISK.js";
import "./chunk-7T4WVHKE.js";
import "./chunk-NGVAXBT3.js";
import "./chunk-EWXYFNFY.js";
import "./chunk-5JBH2JDF.js";
import "./chunk-NKOJDP3X.js";
import "./chunk-CGOBM355.js";
import "./chunk-WISAU6C5.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-SWPOQELI.js";
import "./chunk-G5FGRV6Q.js";
import "./chunk-KTVEUXKI.js";
import "./chunk-ULEFO6FB.js";

// src/cli/status-command.ts
import * as path from "node:path";
var STATUS_USAGE = `Usage: artifact-seal status [--policy FILE] [--ledger L] [--json]

What each environment of the promotion policy runs now, since when, and the contract
version its live digest carries (as the record that made it live names it).

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
