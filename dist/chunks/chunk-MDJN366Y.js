import {
  requireValue
} from "./chunk-B4IQGOZB.js";
import {
  DEFAULT_FILE_LEDGER,
  openLedger,
  parseLedgerLocation
} from "./chunk-UHTOHAQ5.js";

// src/cli/ledger-options.ts
var LEDGER_OPTIONS = { ledger: { type: "string" } };
var LEDGER_HELP = `  --ledger L    "file:<path>" (default file:${DEFAULT_FILE_LEDGER}) or "github"
                (the Deployments of GITHUB_REPOSITORY, with GITHUB_TOKEN)`;
async function ledgerFromOptions(values, terminal, forWriting = false, create = false, signing) {
  return openLedger(
    ledgerLocationFromOptions(values, terminal),
    { token: terminal.env.GITHUB_TOKEN ?? "", ledgerInput: "--ledger", tokenInput: "GITHUB_TOKEN", forWriting, create, ...signing ? { signing } : {} },
    terminal.env
  );
}
function ledgerLocationFromOptions(values, terminal) {
  return parseLedgerLocation(requireValue("ledger", values.ledger) ?? `file:${DEFAULT_FILE_LEDGER}`, "--ledger", terminal.cwd);
}

export {
  LEDGER_OPTIONS,
  LEDGER_HELP,
  ledgerFromOptions,
  ledgerLocationFromOptions
};
