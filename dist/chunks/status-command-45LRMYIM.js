import {
  pipelineStatus
} from "./chunk-5QITNBCY.js";
import "./chunk-TQNKXSGR.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-QGYHVDQW.js";
import {
  renderStatusText
} from "./chunk-PTUEZ5YL.js";
import "./chunk-4F4AP5PK.js";
import "./chunk-IUAYCHBO.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-VGTKPVB6.js";
import "./chunk-26HFV435.js";
import "./chunk-MSNLSSV5.js";
import "./chunk-U5JZ4CF4.js";
import "./chunk-6WR6AUTI.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-VEAYLQ66.js";
import "./chunk-OPHOUBPK.js";
import {
  parseCommand,
  requireValue
} from "./chunk-7HTVDUBA.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-LGWJCIYU.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-43FNMZOV.js";
import "./chunk-PAVEHXKT.js";
import "./chunk-U5VE7L4O.js";
import "./chunk-5B26CPAT.js";
import "./chunk-COPLKY7P.js";
import {
  printJson
} from "./chunk-RVWLEMAR.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-M6ACESL2.js";
import "./chunk-VF62UBY7.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/cli/status-command.ts
var STATUS_USAGE = `Usage: artifact-seal status [--policy FILE] [--ledger L] [--json]

What each environment of the promotion policy runs now, since when, and the contract
version its live digest carries (as the record that made it live names it): for each
service the policy names (service, services), else for each one the ledger has records
of in the environment (a column says which, when there are several). Under a policy that
moves an image by tag (image: { tag }), each such tag is read from the registry and shown
beside the live digest: a tag that names another digest moved behind the gate.

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
  const policy = loadPolicy(
    resolve(terminal.cwd, requireValue("policy", values.policy) ?? DEFAULT_POLICY_FILE),
    "--policy",
    terminal.cwd
  );
  let status = await pipelineStatus(policy, await ledgerFromOptions(values, terminal));
  if (policy.environments.some((e) => e.image !== void 0)) {
    const { withImageTags } = await import("./image-status-34GLWQLG.js");
    const { openImageRegistry } = await import("./open-registry-VSN6K5AX.js");
    status = await withImageTags(
      status,
      policy,
      openImageRegistry(terminal.env, terminal.env.GITHUB_TOKEN ?? "")
    );
  }
  if (values.json) printJson(terminal, status);
  else terminal.out(`${renderStatusText(status).join("\n")}
`);
  return status.some((s) => s.error !== null) ? 1 : 0;
}
export {
  STATUS_USAGE,
  statusCommand
};
