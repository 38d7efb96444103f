import {
  renderHistoryText
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
import "./chunk-7EN7PEUO.js";
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
import {
  parseDigest
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
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

// src/cli/history-command.ts
var HISTORY_USAGE = `Usage: artifact-seal history [--environment ENV] [--digest DIGEST] [--limit N] [--json]

Who ran what since when: the ledger's records, newest first (with the service of each
record, in brackets, when there are several).

  --environment ENV   only this environment's records
  --digest DIGEST     only this digest's records
  --limit N           at most N records (default 50)
${LEDGER_HELP}
  --json              print the records as JSON
  -h, --help          show this help`;
var spec = {
  name: "history",
  usage: HISTORY_USAGE,
  allowPositionals: false,
  options: {
    environment: { type: "string" },
    digest: { type: "string" },
    limit: { type: "string" },
    json: { type: "boolean" },
    ...LEDGER_OPTIONS
  }
};
async function historyCommand(args, terminal) {
  const { values } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${HISTORY_USAGE}
`);
    return 0;
  }
  const limitText = requireValue("limit", values.limit) ?? "50";
  const limit = Number(limitText);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new SealError(
      "bad-input",
      `--limit: ${quote(limitText)} is not a positive whole number. Give how many records to show, such as 20.`
    );
  }
  const environment = requireValue("environment", values.environment);
  const digestText = requireValue("digest", values.digest);
  const ledger = await ledgerFromOptions(values, terminal);
  const entries = [];
  for await (const entry of ledger.entries({
    ...environment ? { environment } : {},
    ...digestText ? { digest: parseDigest(digestText, "--digest") } : {}
  })) {
    entries.push(entry);
    if (entries.length >= limit) break;
  }
  if (values.json) printJson(terminal, entries);
  else terminal.out(renderHistoryText(entries));
  return 0;
}
export {
  HISTORY_USAGE,
  historyCommand
};
