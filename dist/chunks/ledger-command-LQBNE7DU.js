import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions
} from "./chunk-VM4FHYN5.js";
import {
  parseCommand
} from "./chunk-EKROG2TR.js";
import {
  FileLedger
} from "./chunk-2YCGOX76.js";
import "./chunk-BVAVKUIG.js";
import "./chunk-HRW4MM62.js";
import {
  SealError,
  quote
} from "./chunk-JWCK4D2M.js";

// src/cli/ledger-command.ts
var LEDGER_USAGE = `Usage: artifact-seal ledger verify [--ledger file:<path>]

Checks a file ledger's hash chain from the first record to the last: an edited,
deleted or reordered line is reported with its line number. Exits 1 when the chain breaks.

${LEDGER_HELP}
  -h, --help    show this help`;
var spec = { name: "ledger", usage: LEDGER_USAGE, allowPositionals: true, options: { ...LEDGER_OPTIONS } };
async function ledgerCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${LEDGER_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "verify") {
    throw new SealError(`ledger: ${quote(positionals.join(" "))} is not a ledger command; the one there is: "ledger verify".

${LEDGER_USAGE}`);
  }
  const ledger = await ledgerFromOptions(values, terminal);
  if (!(ledger instanceof FileLedger)) {
    throw new SealError(`--ledger: ${quote(ledger.location)} is kept by GitHub, which does not let a deployment be edited; "ledger verify" checks file ledgers.`);
  }
  const { count, problems } = ledger.verifyChain();
  if (problems.length === 0) {
    terminal.out(`Intact: ${count} records in ${ledger.location}, each chained to the one before.
`);
    return 0;
  }
  const lines = [`BROKEN: ${ledger.location} has ${problems.length} problem(s) in ${count} records:`, ...problems.map((p) => `  line ${p.line}: ${p.problem}`)];
  terminal.out(`${lines.join("\n")}
`);
  return 1;
}
export {
  LEDGER_USAGE,
  ledgerCommand
};
