import {
  DEFAULT_POLICY_PATH
} from "./chunk-DAEBSRHB.js";
import "./chunk-F45TOA4H.js";
import {
  renderStatusText
} from "./chunk-3VDNQKO7.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-MDJN366Y.js";
import {
  parseCommand,
  requireValue
} from "./chunk-B4IQGOZB.js";
import {
  loadPolicy,
  pipelineStatus
} from "./chunk-RWQXT5AI.js";
import "./chunk-YDBZB2EY.js";
import "./chunk-VQE4U277.js";
import "./chunk-HAD3KXUC.js";
import "./chunk-JDE2Z3ZW.js";
import "./chunk-F2TO3XK7.js";
import "./chunk-P3LFBAAN.js";
import "./chunk-2FA2NVHV.js";
import "./chunk-4OSLGI64.js";
import "./chunk-NVACJPZY.js";
import "./chunk-JVZDWJ74.js";
import "./chunk-47XK5U45.js";
import "./chunk-MKZ7O5YQ.js";
import "./chunk-ZKPFZ6OV.js";
import "./chunk-T6LU5YRH.js";
import "./chunk-CXUYZPCD.js";
import "./chunk-W2T4WNMM.js";
import "./chunk-KBCO63BF.js";
import "./chunk-OKC3V5KO.js";
import "./chunk-UHTOHAQ5.js";
import "./chunk-PDXRZ77U.js";
import "./chunk-26EACSW7.js";
import "./chunk-WQL46BTN.js";
import "./chunk-U2O7APQI.js";
import "./chunk-PURSDPP7.js";
import "./chunk-Y26XYTCZ.js";
import "./chunk-7LPUHTON.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-RLG6D2AJ.js";
import "./chunk-NID24HAP.js";
import "./chunk-HFKVVJJS.js";
import "./chunk-WN5XRVDE.js";
import "./chunk-32RFBYNG.js";
import "./chunk-KQET6ZTM.js";
import "./chunk-EWOWW24O.js";

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
