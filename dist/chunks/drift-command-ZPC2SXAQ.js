import {
  driftStateOf
} from "./chunk-MQIWTPRT.js";
import {
  artifactOf
} from "./chunk-TQNKXSGR.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-VGTKPVB6.js";
import "./chunk-MSNLSSV5.js";
import "./chunk-U5JZ4CF4.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  describeService
} from "./chunk-6WR6AUTI.js";
import {
  cliCheckpointSigning
} from "./chunk-MQ5F37O5.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-UFM7SWM7.js";
import {
  requesterFromEnv
} from "./chunk-ATCQMFML.js";
import "./chunk-CXD6ZEEB.js";
import "./chunk-OPHOUBPK.js";
import {
  parseCommand,
  requireValue
} from "./chunk-7HTVDUBA.js";
import "./chunk-PWSIF5XA.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-LGWJCIYU.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-43FNMZOV.js";
import "./chunk-U5VE7L4O.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-COPLKY7P.js";
import {
  printJson
} from "./chunk-RVWLEMAR.js";
import "./chunk-M6ACESL2.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/app/observe/acknowledge-drift.ts
async function acknowledgeDrift(request, ledger) {
  const { environment } = request;
  const service = request.service !== void 0 ? request.service : (await ledger.newest(environment))?.service ?? null;
  let since = null;
  const recorded = await ledger.record(
    environment,
    async (view) => {
      const state = await driftStateOf(view.entries({ environment, service }), service);
      if (!state.drifted || state.since === null) {
        throw new SealError(
          "bad-input",
          `--environment: ${quote(environment)} (${describeService(service)}) has no drift to acknowledge: ${state.last === null ? "it was never observed" : `its last observation (record ${state.last.id}, ${state.last.time}) ${state.last.outcome === "acknowledged" ? "is an acknowledgement already" : "matches"}`}. Run artifact-seal observe --record first, or check --environment and --service.`
        );
      }
      since = state.since;
      const live = await view.live(environment, service);
      return {
        digest: live?.digest ?? state.since.digest,
        name: service,
        environment,
        service,
        outcome: "acknowledged",
        mode: null,
        runUrl: request.requester.runUrl,
        actor: request.requester.actor,
        sealedBy: null,
        previousDigest: null,
        reason: request.reason,
        environmentUrl: null,
        artifact: await artifactOf(view, live?.digest ?? state.since.digest),
        resolves: null,
        key: randomUUID()
      };
    },
    DEFAULT_PENDING_TIMEOUT_MS
  );
  return { entry: recorded.entry, since };
}

// src/cli/drift-command.ts
var DRIFT_USAGE = `Usage: artifact-seal drift ack --environment ENV --reason TEXT [--service NAME] [--ledger L] [--signing-key FILE] [--json]

Records that the drift the last observations of an environment found is accepted, and why.
Under "drift: block" the environment is a valid "requires" again and its soak counts, until
the next observation finds drift.

  --environment ENV   the drifted environment (required)
  --reason TEXT       why the drift is accepted, for the record (required)
  --service NAME      the service that drifted (default: the one deployed there last)
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  --json              print the record as JSON
  -h, --help          show this help`;
var spec = {
  name: "drift",
  usage: DRIFT_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: "string" },
    reason: { type: "string" },
    service: { type: "string" },
    json: { type: "boolean" },
    "signing-key": { type: "string" },
    ...LEDGER_OPTIONS
  }
};
async function driftCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${DRIFT_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "ack")
    throw new SealError("usage", `drift: give the subcommand "ack".

${DRIFT_USAGE}`);
  const environment = requireValue("environment", values.environment);
  const reason = requireValue("reason", values.reason);
  if (environment === void 0 || reason === void 0)
    throw new SealError(
      "usage",
      `drift ack: --environment and --reason are required.

${DRIFT_USAGE}`
    );
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    true,
    false,
    await cliCheckpointSigning(values, terminal)
  );
  const { entry, since } = await acknowledgeDrift(
    {
      environment,
      service: requireValue("service", values.service),
      reason,
      requester: requesterFromEnv(terminal.env)
    },
    ledger
  );
  if (values.json) printJson(terminal, entry);
  else
    terminal.out(
      `ACKNOWLEDGED  drift in ${environment}${entry.service === null || entry.service === void 0 ? "" : ` (${entry.service})`}, seen since ${since.time}
  reason    ${reason}
  recorded  ${ledger.location} #${entry.id}
`
    );
  return 0;
}
export {
  DRIFT_USAGE,
  driftCommand
};
