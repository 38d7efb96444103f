import {
  vetoDigest
} from "./chunk-HLFXMEUL.js";
import "./chunk-BZQEN22N.js";
import "./chunk-64VN6DVJ.js";
import "./chunk-D6AQBV6Z.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-HF7UHI7D.js";
import "./chunk-26HFV435.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "./chunk-ZC7YKKWW.js";
import "./chunk-6PZHAYEF.js";
import {
  cliCheckpointSigning
} from "./chunk-25O6L3ZU.js";
import {
  requesterFromEnv
} from "./chunk-XTLVFLRN.js";
import "./chunk-XGBVLNS7.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-2YME2WUQ.js";
import "./chunk-HZGXBXLZ.js";
import "./chunk-MFKOXDAX.js";
import "./chunk-YVUBSRLI.js";
import "./chunk-R2FMP75C.js";
import {
  parseDigest
} from "./chunk-CGOBM355.js";
import "./chunk-LA5M4VJV.js";
import {
  parseCommand,
  requireValue
} from "./chunk-UJW5JWF6.js";
import "./chunk-WISAU6C5.js";
import {
  SealError
} from "./chunk-HUXIDCLA.js";
import "./chunk-P2RVIIUY.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/cli/veto-command.ts
var VETO_USAGE = `Usage: artifact-seal veto <digest> --reason TEXT --environment ENV [--ledger L]

Marks a digest bad, for example after failed checks: from then on no environment
accepts it and rollbacks skip it.

  --reason TEXT       why, for the record (required)
  --environment ENV   where the problem was found (required)
  --name NAME         the artifact's name, for the record
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  -h, --help          show this help`;
var spec = {
  name: "veto",
  usage: VETO_USAGE,
  allowPositionals: true,
  options: { reason: { type: "string" }, environment: { type: "string" }, name: { type: "string" }, ...LEDGER_OPTIONS, "signing-key": { type: "string" } }
};
async function vetoCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${VETO_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1) throw new SealError(`veto: give one digest.

${VETO_USAGE}`);
  const reason = requireValue("reason", values.reason);
  const environment = requireValue("environment", values.environment);
  if (reason === void 0 || environment === void 0) throw new SealError(`veto: --reason and --environment are required.

${VETO_USAGE}`);
  const digest = parseDigest(positionals[0], "veto <digest>");
  const ledger = await ledgerFromOptions(values, terminal, true, false, await cliCheckpointSigning(values, terminal));
  const record = await vetoDigest(
    { digest, environment, reason, name: requireValue("name", values.name) ?? null, requester: requesterFromEnv(terminal.env) },
    ledger,
    { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
  );
  terminal.out(`VETOED  ${digest}
  reason    ${reason}
  recorded  ${ledger.location} #${record.id}
No environment accepts this digest now; rollbacks skip it.
`);
  return 0;
}
export {
  VETO_USAGE,
  vetoCommand
};
