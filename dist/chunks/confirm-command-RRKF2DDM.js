import {
  resolutionHeadline
} from "./chunk-XAV637GN.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-5WSHTDSJ.js";
import "./chunk-OQ72UPIU.js";
import "./chunk-PEENHNVN.js";
import {
  makesLive
} from "./chunk-7EN7PEUO.js";
import {
  cliCheckpointSigning
} from "./chunk-VMITG4QB.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-QT7LC6PH.js";
import "./chunk-LYSN4LFY.js";
import {
  requesterFromEnv
} from "./chunk-ATCQMFML.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-LIQ7BNBL.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-M6ACESL2.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/cli/confirm-command.ts
var CONFIRM_USAGE = `Usage: artifact-seal confirm <record-id> [--outcome success|failure] [--reason TEXT] [--environment ENV] [--ledger L]

Ends a pending promotion (the record "artifact-seal promote" printed). With success (the
default) its digest is the environment's live digest from now; with failure the
environment keeps what it ran. A success is judged again: a digest vetoed meanwhile, or a
service that runs another digest than the one the gate compared against (another
deployment went live meanwhile), is recorded as failed, and the command exits 1.

  --outcome O   success (the deployment went through) or failure
  --reason TEXT why it failed, for the record
  --environment ENV  refuse the record unless it is a promotion to ENV
  --json        print the record written as JSON: {"record": {\u2026}}
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  -h, --help    show this help`;
var spec = {
  name: "confirm",
  usage: CONFIRM_USAGE,
  allowPositionals: true,
  options: {
    outcome: { type: "string" },
    reason: { type: "string" },
    environment: { type: "string" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS,
    "signing-key": { type: "string" }
  }
};
async function confirmCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${CONFIRM_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new SealError(
      "usage",
      `confirm: give one record id, as "artifact-seal promote" printed it.

${CONFIRM_USAGE}`
    );
  const outcome = requireValue("outcome", values.outcome) ?? "success";
  if (outcome !== "success" && outcome !== "failure") {
    throw new SealError(
      "bad-input",
      `--outcome: ${quote(outcome)} is not "success" or "failure". Give success when the deployment went through, failure when it did not.`
    );
  }
  const reason = requireValue("reason", values.reason) ?? null;
  if (reason !== null && outcome === "success")
    throw new SealError(
      "bad-input",
      '--reason: a reason goes with "--outcome failure"; a confirmed deployment needs none.'
    );
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    true,
    false,
    await cliCheckpointSigning(values, terminal)
  );
  const entry = await ledger.resolve({
    id: positionals[0],
    outcome: outcome === "success" ? "confirmed" : "failed",
    reason: outcome === "failure" ? reason ?? "the deployment failed" : null,
    environment: requireValue("environment", values.environment) ?? null,
    ...requesterFromEnv(terminal.env)
  });
  terminal.out(`${resolutionHeadline(entry)}${entry.reason ? `: ${entry.reason}` : ""}
`);
  if (values.json) printJson(terminal, { record: entry });
  return outcome === "success" && !makesLive(entry.outcome) ? 1 : 0;
}
export {
  CONFIRM_USAGE,
  confirmCommand
};
