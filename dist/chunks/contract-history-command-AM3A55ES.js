import {
  renderContractObservationsText
} from "./chunk-IQVFZSLI.js";
import {
  renderContractHistoryText
} from "./chunk-VVSNQIVN.js";
import "./chunk-TUMNQBV5.js";
import "./chunk-XAV637GN.js";
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-5WSHTDSJ.js";
import "./chunk-26HFV435.js";
import "./chunk-OQ72UPIU.js";
import "./chunk-PEENHNVN.js";
import {
  makesLive,
  serviceOf
} from "./chunk-7EN7PEUO.js";
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
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-C7O7QJOZ.js";
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

// src/core/promotion/contract-history.ts
function contractAmendments(entries) {
  const oldestFirst = [...entries].reverse();
  const pending = /* @__PURE__ */ new Map();
  for (const entry of oldestFirst) if (entry.outcome === "pending") pending.set(entry.id, entry);
  const confirmations = oldestFirst.filter(
    (entry) => makesLive(entry.outcome) && entry.resolves !== null
  );
  confirmations.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const running = /* @__PURE__ */ new Map();
  const everContract = /* @__PURE__ */ new Set();
  const found = [];
  for (const confirmation of confirmations) {
    const environment = confirmation.environment;
    const service = serviceOf(confirmation);
    const track = JSON.stringify([environment, service]);
    const before = running.get(track) ?? null;
    if (before !== null && before.digest === confirmation.digest) continue;
    const made = pending.get(confirmation.resolves) ?? confirmation;
    const to = made.contract ?? null;
    const from = before?.contract ?? null;
    running.set(track, { digest: confirmation.digest, contract: to });
    if (sameContract(from, to)) continue;
    found.push({
      environment,
      service,
      time: confirmation.time,
      initial: from === null && !everContract.has(track),
      from,
      to,
      digest: confirmation.digest,
      name: made.name ?? confirmation.name,
      previousDigest: before?.digest ?? null,
      mode: made.mode ?? confirmation.mode,
      actor: made.actor,
      runUrl: made.runUrl,
      recordId: made === confirmation ? confirmation.resolves : made.id,
      recordUrl: made === confirmation ? null : made.url,
      confirmationId: confirmation.id,
      amendment: describes(made.amendment ?? null, from, to) ? made.amendment ?? null : null
    });
    if (to !== null) everContract.add(track);
  }
  return found.reverse();
}
async function contractHistory(entries) {
  const kept = [];
  for await (const entry of entries) {
    if (entry.outcome === "pending" || makesLive(entry.outcome) && entry.resolves !== null)
      kept.push(entry);
  }
  return contractAmendments(kept);
}
function sameContract(a, b) {
  return (a?.digest ?? null) === (b?.digest ?? null);
}
function describes(amendment, from, to) {
  return amendment !== null && sameContract(amendment.from, from) && sameContract(amendment.to, to);
}

// src/cli/contract-history-command.ts
var CONTRACT_HISTORY_USAGE = `Usage: artifact-seal contract history [--environment ENV] [--json] [--ledger L]

When did the contract change? Every amendment of each environment's contract, newest
first: when it took effect (the confirmation of the deployment that brought it), from
which contract version and digest to which, the artifact that brought it, who promoted
it and from which run, and what the gate found (changes by severity, rules, approval).
An environment's first contract is its initial one; a rollback shows the amendment it
makes back. Then the contract drift observe found on the running services (a served
contract that is not the sealed one) and its acknowledgements.

  --environment ENV   only this environment's amendments
${LEDGER_HELP}
  --json              print the amendments as a JSON array
  -h, --help          show this help`;
var spec = {
  name: "contract history",
  usage: CONTRACT_HISTORY_USAGE,
  allowPositionals: false,
  options: { environment: { type: "string" }, json: { type: "boolean" }, ...LEDGER_OPTIONS }
};
async function contractHistoryCommand(args, terminal) {
  const { values } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${CONTRACT_HISTORY_USAGE}
`);
    return 0;
  }
  const environment = requireValue("environment", values.environment);
  const ledger = await ledgerFromOptions(values, terminal);
  const entries = [];
  for await (const entry of ledger.entries(environment === void 0 ? {} : { environment }))
    entries.push(entry);
  const amendments = await contractHistory(entries);
  if (values.json) printJson(terminal, amendments);
  else
    terminal.out(
      renderContractHistoryText(amendments, environment ?? null) + renderContractObservationsText(entries)
    );
  return 0;
}
export {
  CONTRACT_HISTORY_USAGE,
  contractHistoryCommand
};
