import {
  cliCheckpointSigning
} from "./chunk-F45TOA4H.js";
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
  vetoDigest
} from "./chunk-4OSLGI64.js";
import "./chunk-NVACJPZY.js";
import "./chunk-JVZDWJ74.js";
import "./chunk-47XK5U45.js";
import "./chunk-UHTOHAQ5.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "./chunk-PDXRZ77U.js";
import "./chunk-26EACSW7.js";
import "./chunk-WQL46BTN.js";
import "./chunk-U2O7APQI.js";
import "./chunk-PURSDPP7.js";
import {
  requesterFromEnv
} from "./chunk-Y26XYTCZ.js";
import "./chunk-7LPUHTON.js";
import "./chunk-BE6JHZ3P.js";
import "./chunk-RLG6D2AJ.js";
import "./chunk-NID24HAP.js";
import "./chunk-HFKVVJJS.js";
import {
  parseDigest
} from "./chunk-WN5XRVDE.js";
import "./chunk-32RFBYNG.js";
import {
  SealError
} from "./chunk-KQET6ZTM.js";
import "./chunk-EWOWW24O.js";

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
