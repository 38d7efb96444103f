import {
  knownFromHistory
} from "./chunk-HVXD5CRU.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-DOVHFKHJ.js";
import {
  findEnvironment
} from "./chunk-UHB2LTWT.js";
import "./chunk-P5U6KBZP.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-5WSHTDSJ.js";
import "./chunk-OQ72UPIU.js";
import "./chunk-PEENHNVN.js";
import {
  DEFAULT_PENDING_TIMEOUT_MS
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
import "./chunk-N5LYBXRY.js";
import "./chunk-6ESBXOH6.js";
import {
  parseDigest
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  plain,
  printJson,
  printWarning
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-M6ACESL2.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  relative,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  existsSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/app/promote/veto.ts
async function vetoDigest(request, ledger, options) {
  const known = await knownFromHistory(ledger, request.digest);
  const name = request.name ?? known.name;
  const service = request.name ?? (known.service === void 0 ? null : known.service);
  const recorded = await ledger.record(
    request.environment,
    async (view) => withAttestation(request.attest, {
      digest: request.digest,
      name,
      environment: request.environment,
      service,
      outcome: "vetoed",
      mode: null,
      runUrl: request.requester.runUrl,
      actor: request.requester.actor,
      sealedBy: known.sealedBy,
      previousDigest: (await view.live(request.environment, service))?.digest ?? null,
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
  --policy FILE       the promotion policy, to warn of an environment it does not name
                      (default ${DEFAULT_POLICY_FILE} when that file exists)
  --json              print the record written as JSON: {"record": {\u2026}}
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  -h, --help          show this help`;
var spec = {
  name: "veto",
  usage: VETO_USAGE,
  allowPositionals: true,
  options: {
    reason: { type: "string" },
    environment: { type: "string" },
    "subject-name": { type: "string" },
    policy: { type: "string" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS,
    "signing-key": { type: "string" }
  }
};
async function vetoCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${VETO_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new SealError("usage", `veto: give one digest.

${VETO_USAGE}`);
  const reason = requireValue("reason", values.reason);
  const environment = requireValue("environment", values.environment);
  if (reason === void 0 || environment === void 0)
    throw new SealError("usage", `veto: --reason and --environment are required.

${VETO_USAGE}`);
  const digest = parseDigest(positionals[0], "veto <digest>");
  const policyOption = requireValue("policy", values.policy);
  const policyFile = resolve(terminal.cwd, policyOption ?? DEFAULT_POLICY_FILE);
  const policy = policyOption !== void 0 || existsSync(policyFile) ? loadPolicy(policyFile, "--policy", terminal.cwd) : null;
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    true,
    false,
    await cliCheckpointSigning(values, terminal)
  );
  const warn = (message) => printWarning(terminal, message);
  if (policy !== null && findEnvironment(policy, environment) === void 0) {
    warn(
      `--environment: ${quote(environment)} is not in the policy ${relative(terminal.cwd, policyFile) || policyFile}; the veto applies to every environment all the same.`
    );
  }
  if (!await anyRecordOf(ledger, digest)) {
    warn(
      `${ledger.location} has no record of ${digest}: no environment ever let it in. Check that it is the digest you mean; the veto is recorded all the same.`
    );
  }
  const record = await vetoDigest(
    {
      digest,
      environment,
      reason,
      name: requireValue("subject-name", values["subject-name"]) ?? null,
      requester: requesterFromEnv(terminal.env)
    },
    ledger,
    { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
  );
  if (values.json) {
    printJson(terminal, { record });
    return 0;
  }
  terminal.out(
    `${(terminal.paint ?? plain)("bad", "VETOED")}  ${digest}
  reason    ${reason}
  recorded  ${ledger.location} #${record.id}
No environment accepts this digest now; rollbacks skip it.
`
  );
  return 0;
}
async function anyRecordOf(ledger, digest) {
  for await (const _ of ledger.entries({ digest })) return true;
  return false;
}
export {
  VETO_USAGE,
  vetoCommand
};
