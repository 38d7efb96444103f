import {
  contractOfLive,
  knownFromHistory
} from "./chunk-HVXD5CRU.js";
import {
  DEFAULT_POLICY_FILE,
  loadPolicy
} from "./chunk-DOVHFKHJ.js";
import {
  severityCounts
} from "./chunk-TUMNQBV5.js";
import {
  requireEnvironment,
  serviceFor
} from "./chunk-UHB2LTWT.js";
import "./chunk-P5U6KBZP.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-5WSHTDSJ.js";
import {
  classifyContracts
} from "./chunk-IPPFJG7D.js";
import "./chunk-26HFV435.js";
import "./chunk-OQ72UPIU.js";
import {
  loadContract
} from "./chunk-IGYYOMVJ.js";
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
import "./chunk-TCEWC7VX.js";
import "./chunk-RW4NSDQG.js";
import "./chunk-JPYWA7SW.js";
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
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-44GBISK2.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-M6ACESL2.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  existsSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/app/contract/approve-amendment.ts
async function approveAmendment(request, ledger, options) {
  const environmentInput = request.inputs.environment ?? "environment";
  if (request.policy !== void 0)
    requireEnvironment(
      request.policy,
      request.environment,
      environmentInput,
      ", so no promotion could ever use an approval there; nothing was recorded"
    );
  const known = await knownFromHistory(ledger, request.digest);
  if (request.to !== void 0) contradictedContract(request, request.to, known.contract ?? null);
  const to = request.to ?? request.sealedContract?.digest ?? known.contract?.digest ?? null;
  if (to === null) {
    throw new SealError(
      "bad-input",
      `${request.inputs.to}: no record of ${request.digest} names its contract, so the amendment to approve is unknown. Give ${request.inputs.to} (${request.inputs.toGives}), or promote it to an earlier environment first.`
    );
  }
  const name = request.name ?? known.name;
  const given = request.name ?? (known.service === void 0 ? null : known.service);
  const service = request.policy === void 0 ? given : serviceFor(request.policy, given, request.inputs.name);
  const recorded = await ledger.record(
    request.environment,
    async (view) => {
      const span = await view.live(request.environment, service);
      const live = span === null ? null : await contractOfLive(view, span);
      const from = request.from === void 0 ? live?.digest ?? null : request.from;
      if (from !== (live?.digest ?? null)) {
        throw new SealError(
          "bad-input",
          `${request.inputs.from}: ${request.environment} runs ${live === null ? "no contract" : `contract ${live.version} (${live.digest})`} now, not ${from ?? "none"}; an approval of another amendment would never be used. Leave ${request.inputs.from} out to approve the amendment from what it runs.`
        );
      }
      if (from === to) {
        throw new SealError(
          "bad-input",
          `${request.inputs.to}: ${request.environment} runs contract ${to} already; there is no amendment to approve.`
        );
      }
      const record = {
        digest: request.digest,
        name,
        environment: request.environment,
        service,
        outcome: "approved",
        mode: null,
        runUrl: request.requester.runUrl,
        actor: request.requester.actor,
        sealedBy: known.sealedBy,
        previousDigest: span?.digest ?? null,
        reason: request.reason,
        environmentUrl: null,
        artifact: known.artifact,
        resolves: null,
        key: randomUUID(),
        approves: { from, to }
      };
      return record;
    },
    options.pendingTimeoutMs
  );
  return recorded.entry;
}
function contradictedContract(request, to, recorded) {
  const known = [
    ["its seal bundle says it carries", request.sealedContract],
    ["the records that let it in say it carries", recorded]
  ];
  for (const [where, contract] of known) {
    if (contract == null || contract.digest === to) continue;
    throw new SealError(
      "bad-input",
      `${request.inputs.to}: ${to} is not the contract of ${request.digest}: ${where} contract ${quote(contract.version)} (${contract.digest}), so no promotion of it would make this amendment; nothing was recorded. Leave ${request.inputs.to} out to approve the amendment to the contract it carries, or give the digest of the build that carries ${to}.`
    );
  }
}

// src/cli/contract-command.ts
var CONTRACT_USAGE = `Usage: artifact-seal contract diff <before> <after> [--consumes] [--at TIME] [--json]
       artifact-seal contract approve <digest> --environment ENV --reason TEXT [--from C] [--to C] [--ledger L]
       artifact-seal contract history [--environment ENV] [--json] [--ledger L]

Classifies every change between two versions of a service contract: breaking (a client
of the old contract fails against the new one), dangerous (some may), compatible. Exits
1 when a change is breaking.

  <before>, <after>  a contract file (OpenAPI 2.0/3.0/3.1, JSON Schema, GraphQL SDL,
                     protobuf), a directory of them, or a seal bundle (its directory,
                     or its <name>.contract.json); the files they $ref or import are
                     compared too
  --consumes         read standalone JSON Schemas as what the service consumes (request
                     direction); by default as what it produces (response direction).
                     A seal bundle's manifest says which
  --at TIME          judge x-sunset dates at this time (ISO 8601; default now)
  --json             {"before": {digest, version}, "after": {digest, version},
                     "changes": [{rule, severity, kind, location, message}]}
  -h, --help         show this help

"approve" and "history": see artifact-seal contract approve --help, contract history --help.`;
var CONTRACT_APPROVE_USAGE = `Usage: artifact-seal contract approve <digest> --environment ENV --reason TEXT [--from C] [--to C] [--subject-name NAME] [--policy FILE] [--ledger L]

Records an approval of the breaking contract amendment <digest> makes to an environment:
from the contract it runs to the one <digest> carries. One promotion of that amendment
into the environment under "contract: {breaking: require-approval}" goes through on it.

  --environment ENV   the environment (required)
  --reason TEXT       why the amendment is acceptable, for the record (required)
  --from C            the contract digest the environment runs (default: what its live
                      record names; an approval of another amendment is refused)
  --to C              the contract digest <digest> carries (default: what its records name,
                      such as its promotion to an earlier environment)
  --subject-name NAME the artifact's name (the service whose amendment it is, unless the
                      policy pins one)
  --policy FILE       the promotion policy, for its services (default ${DEFAULT_POLICY_FILE}
                      when that file exists)
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
  --json              print the approval recorded as JSON: {"record": {\u2026}}
  -h, --help          show this help`;
var approveSpec = {
  name: "contract approve",
  usage: CONTRACT_APPROVE_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: "string" },
    reason: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    "subject-name": { type: "string" },
    policy: { type: "string" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS,
    "signing-key": { type: "string" }
  }
};
var spec = {
  name: "contract diff",
  usage: CONTRACT_USAGE,
  allowPositionals: true,
  options: { json: { type: "boolean" }, consumes: { type: "boolean" }, at: { type: "string" } }
};
async function contractCommand(args, terminal) {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h") {
    terminal.out(`${CONTRACT_USAGE}
`);
    return 0;
  }
  if (sub === "approve") return approveCommand(rest, terminal);
  if (sub === "history") {
    const { contractHistoryCommand } = await import("./contract-history-command-AM3A55ES.js");
    return contractHistoryCommand(rest, terminal);
  }
  if (sub !== "diff")
    throw new SealError(
      "usage",
      `contract: ${sub === void 0 ? "give a subcommand" : `unknown subcommand ${JSON.stringify(sub)}`}.

${CONTRACT_USAGE}`
    );
  const { values, positionals } = parseCommand(spec, rest);
  if (values.help) {
    terminal.out(`${CONTRACT_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 2)
    throw new SealError(
      "usage",
      `contract diff: give the contract before and the contract after.

${CONTRACT_USAGE}`
    );
  const now = values.at === void 0 ? /* @__PURE__ */ new Date() : new Date(values.at);
  if (Number.isNaN(now.getTime()))
    throw new SealError(
      "bad-input",
      `contract diff: --at ${JSON.stringify(values.at)} is not a time. Give an ISO 8601 time such as 2026-11-28T00:00:00Z.`
    );
  const role = values.consumes ? "consumes" : "produces";
  const before = loadContract(
    resolve(terminal.cwd, positionals[0]),
    "contract diff <before>",
    { role }
  );
  const after = loadContract(
    resolve(terminal.cwd, positionals[1]),
    "contract diff <after>",
    { role }
  );
  const changes = await classifyContracts(before, after, { now });
  if (values.json) {
    const side = (c) => ({ digest: c.manifest.digest, version: c.manifest.version });
    const json = {
      before: side(before),
      after: side(after),
      changes: changes.map(({ rule, severity, kind, location, message }) => ({
        rule,
        severity,
        kind,
        location,
        message
      }))
    };
    printJson(terminal, json);
  } else {
    terminal.out(renderChanges(before.manifest.version, after.manifest.version, changes));
  }
  return changes.some((c) => c.severity === "breaking") ? 1 : 0;
}
async function approveCommand(args, terminal) {
  const { values, positionals } = parseCommand(approveSpec, args);
  if (values.help) {
    terminal.out(`${CONTRACT_APPROVE_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new SealError(
      "usage",
      `contract approve: give one digest: the artifact whose contract amendment is approved.

${CONTRACT_APPROVE_USAGE}`
    );
  const environment = requireValue("environment", values.environment);
  const reason = requireValue("reason", values.reason);
  if (environment === void 0 || reason === void 0)
    throw new SealError(
      "usage",
      `contract approve: --environment and --reason are required.

${CONTRACT_APPROVE_USAGE}`
    );
  const digest = parseDigest(positionals[0], "contract approve <digest>");
  const from = requireValue("from", values.from);
  const to = requireValue("to", values.to);
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
  const record = await approveAmendment(
    {
      digest,
      environment,
      reason,
      ...from === void 0 ? {} : { from: from === "none" ? null : parseDigest(from, "--from") },
      ...to === void 0 ? {} : { to: parseDigest(to, "--to") },
      name: requireValue("subject-name", values["subject-name"]) ?? null,
      ...policy === null ? {} : { policy },
      requester: requesterFromEnv(terminal.env),
      inputs: {
        from: "--from",
        to: "--to",
        toGives: "the contract digest it carries: the seal's contract-digest output",
        digest: "contract approve <digest>",
        name: "--subject-name",
        environment: "--environment"
      }
    },
    ledger,
    { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
  );
  if (values.json) {
    printJson(terminal, { record });
    return 0;
  }
  terminal.out(
    `APPROVED  the contract amendment ${record.approves?.from ?? "none"} \u2192 ${record.approves?.to} of ${environment}
  for       ${digest}
  reason    ${reason}
  by        ${record.actor ?? "unknown"}
  recorded  ${ledger.location} #${record.id}
One promotion of this amendment into ${environment} may go through on it.
`
  );
  return 0;
}
function renderChanges(from, to, changes) {
  if (changes.length === 0) return `No change between contract ${from} and ${to}.
`;
  const lines = [`Contract ${from} \u2192 ${to}: ${severityCounts(changes)}`];
  let operation;
  for (const change of changes) {
    if (change.operation !== operation) {
      operation = change.operation;
      lines.push(operation ?? "(schemas and files)");
    }
    const where = `${change.file}${change.position ? `:${change.position}` : ""}`;
    lines.push(`  ${change.severity.padEnd(10)} ${change.rule}  ${change.message}  (${where})`);
  }
  return `${lines.join("\n")}
`;
}
export {
  CONTRACT_APPROVE_USAGE,
  CONTRACT_USAGE,
  contractCommand
};
