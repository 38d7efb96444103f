import {
  pipelineStatus
} from "./chunk-JP5WRL3G.js";
import "./chunk-HVXD5CRU.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-DOVHFKHJ.js";
import {
  renderStatusText
} from "./chunk-VVSNQIVN.js";
import "./chunk-TUMNQBV5.js";
import "./chunk-XAV637GN.js";
import "./chunk-UHB2LTWT.js";
import "./chunk-P5U6KBZP.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-5WSHTDSJ.js";
import "./chunk-26HFV435.js";
import "./chunk-OQ72UPIU.js";
import "./chunk-PEENHNVN.js";
import "./chunk-7EN7PEUO.js";
import {
  PLAIN_HTTP_HELP,
  PLAIN_HTTP_OPTIONS,
  plainHttpRegistries
} from "./chunk-E4QCWJIG.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-LYSN4LFY.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-N5LYBXRY.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-C7O7QJOZ.js";
import {
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-PEFIDIUF.js";
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
${PLAIN_HTTP_HELP}
  -h, --help      show this help`;
var spec = {
  name: "status",
  usage: STATUS_USAGE,
  allowPositionals: false,
  options: {
    policy: { type: "string" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS,
    ...PLAIN_HTTP_OPTIONS
  }
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
  const plainHttp = plainHttpRegistries(values);
  let status = await pipelineStatus(policy, await ledgerFromOptions(values, terminal));
  if (policy.environments.some((e) => e.image !== void 0)) {
    const { withImageTags } = await import("./image-status-ELIPVZMH.js");
    const { openImageRegistry } = await import("./open-registry-MKVPUX7B.js");
    status = await withImageTags(
      status,
      policy,
      openImageRegistry(terminal.env, terminal.env.GITHUB_TOKEN ?? "", {
        insecureRegistries: plainHttp
      })
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
