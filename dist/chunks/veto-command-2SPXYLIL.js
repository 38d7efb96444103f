import {
  knownFromHistory
} from "./chunk-TB6LR2T3.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-2TEAWJDS.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
} from "./chunk-IA4WZQDT.js";
import "./chunk-Q7VPIQTJ.js";
import {
  cliCheckpointSigning
} from "./chunk-RJPXK7BK.js";
import {
  requesterFromEnv
} from "./chunk-IIYLCD7Z.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-YUA324DC.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-C5FJLWC7.js";
import "./chunk-2GFDUF7I.js";
import {
  parseCommand,
  requireValue
} from "./chunk-FCGIBEPM.js";
import "./chunk-3FEAGG5X.js";
import {
  parseDigest
} from "./chunk-PKGN7LAX.js";
import "./chunk-YBYEZDCV.js";
import "./chunk-WISAU6C5.js";
import {
  SealError
} from "./chunk-APYKEJN7.js";
import "./chunk-P2RVIIUY.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/app/promote/veto.ts
async function vetoDigest(request, ledger, options) {
  const known = await knownFromHistory(ledger, request.digest);
  const name = request.name ?? known.name;
  const recorded = await ledger.record(
    request.environment,
    async (view) => withAttestation(request.attest, {
      digest: request.digest,
      name,
      environment: request.environment,
      service: name,
      outcome: "vetoed",
      mode: null,
      runUrl: request.requester.runUrl,
      actor: request.requester.actor,
      sealedBy: known.sealedBy,
      previousDigest: (await view.live(request.environment, name))?.digest ?? null,
      reason: request.reason,
      environmentUrl: null,
      artifact: known.artifact,
      resolves: null,
      key: randomUUID()
    }),
    options.pendingTimeoutMs
  );
  return recorded.entry;
}
async function withAttestation(attest, record) {
  return attest ? { ...record, attestation: await attest(record, null, null) } : record;
}

// src/cli/veto-command.ts
var VETO_USAGE = `Usage: artifact-seal veto <digest> --reason TEXT --environment ENV [--ledger L]

Marks a digest bad, for example after failed checks: from then on no environment
accepts it and rollbacks skip it.

  --reason TEXT       why, for the record (required)
  --environment ENV   where the problem was found (required)
  --subject-name NAME the artifact's name, for the record
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  -h, --help          show this help`;
var spec = {
  name: "veto",
  usage: VETO_USAGE,
  allowPositionals: true,
  options: { reason: { type: "string" }, environment: { type: "string" }, "subject-name": { type: "string" }, ...LEDGER_OPTIONS, "signing-key": { type: "string" } }
};
async function vetoCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${VETO_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1) throw new SealError("usage", `veto: give one digest.

${VETO_USAGE}`);
  const reason = requireValue("reason", values.reason);
  const environment = requireValue("environment", values.environment);
  if (reason === void 0 || environment === void 0) throw new SealError("usage", `veto: --reason and --environment are required.

${VETO_USAGE}`);
  const digest = parseDigest(positionals[0], "veto <digest>");
  const ledger = await ledgerFromOptions(values, terminal, true, false, await cliCheckpointSigning(values, terminal));
  const record = await vetoDigest(
    { digest, environment, reason, name: requireValue("subject-name", values["subject-name"]) ?? null, requester: requesterFromEnv(terminal.env) },
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
