import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
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
  vetoDigest
} from "./chunk-ZLGW7ZI3.js";
import "./chunk-NVACJPZY.js";
import "./chunk-V4I5O5IV.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "./chunk-775XJJYF.js";
import "./chunk-JQN5ZRY2.js";
import {
  requesterFromEnv
} from "./chunk-QBBW7JKU.js";
import "./chunk-BE6JHZ3P.js";
import {
  parseDigest
} from "./chunk-MQKQALL5.js";
import {
  SealError
} from "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";

// src/cli/veto-command.ts
var VETO_USAGE = `Usage: artifact-seal veto <digest> --reason TEXT --environment ENV [--ledger L]

Marks a digest bad, for example after failed checks: from then on no environment
accepts it and rollbacks skip it.

  --reason TEXT       why, for the record (required)
  --environment ENV   where the problem was found (required)
  --name NAME         the artifact's name, for the record
${LEDGER_HELP}
  -h, --help          show this help`;
var spec = {
  name: "veto",
  usage: VETO_USAGE,
  allowPositionals: true,
  options: { reason: { type: "string" }, environment: { type: "string" }, name: { type: "string" }, ...LEDGER_OPTIONS }
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
  const ledger = await ledgerFromOptions(values, terminal, true);
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
