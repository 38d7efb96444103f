import {
  driftStateOf
} from "./chunk-YOLHK5RF.js";
import {
  artifactOf
} from "./chunk-HVXD5CRU.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-5WSHTDSJ.js";
import "./chunk-OQ72UPIU.js";
import "./chunk-PEENHNVN.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  describeService
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
