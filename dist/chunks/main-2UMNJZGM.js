import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  SealError
} from "./chunk-APYKEJN7.js";
import {
  jsonTerminal
} from "./chunk-3WEHOHFK.js";
import "./chunk-ULEFO6FB.js";

// src/cli/main.ts
var USAGE = `Usage: artifact-seal <command> [options]

Seal a build artifact's digest, check later that the bytes are the sealed ones, and
promote the digest between environments when the promotion policy holds.

Commands:
  seal <path...>          seal files, directories or globs
  verify <path...>        check files against a sealed digest, naming every difference
  diff <sealed> <other>   name every file that differs between two checksums listings
  merge <part...>         merge the seals of a matrix build's parts into one seal
  promote <digest>        let a digest into an environment (or --rollback) and record it
  confirm <record-id>     confirm (or fail) the deployment of a pending promotion
  veto <digest>           mark a digest bad: no environment accepts it afterwards
  history                 who ran what since when
  status                  what each environment runs now
  ledger init|verify      create a file ledger; check its hash chain (and a pinned head)
  ledger abandon-stale    mark pending promotions nobody confirmed abandoned
  verify-record <id>      check the signed verification summary of a ledger record
  contract diff <a> <b>   classify every change between two contracts (exit 1 if breaking)
  contract approve <d>    approve the breaking contract amendment a digest makes to an environment
  contract history        when each environment's contract changed, from what to what

Run "artifact-seal <command> --help" for a command's options.
  -v, --version           print the version`;
var COMMANDS = {
  seal: async () => (await import("./seal-command-NQ7FEKGX.js")).sealCommand,
  verify: async () => (await import("./verify-command-7HBJPYI5.js")).verifyCommand,
  diff: async () => (await import("./diff-command-WFVQIXJI.js")).diffCommand,
  merge: async () => (await import("./merge-command-MS2DRUZ4.js")).mergeCommand,
  promote: async () => (await import("./promote-command-KAKZ7MQZ.js")).promoteCommand,
  confirm: async () => (await import("./confirm-command-JCKRWJUX.js")).confirmCommand,
  veto: async () => (await import("./veto-command-2SPXYLIL.js")).vetoCommand,
  history: async () => (await import("./history-command-GA2LQWI5.js")).historyCommand,
  status: async () => (await import("./status-command-2NW7SA5L.js")).statusCommand,
  ledger: async () => (await import("./ledger-command-WYMFJB5M.js")).ledgerCommand,
  "verify-record": async () => (await import("./verify-record-command-ZHF5NQT2.js")).verifyRecordCommand,
  contract: async () => (await import("./contract-command-HPDKSFIG.js")).contractCommand
};
async function main(args, terminal) {
  const [command, ...rest] = args;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    terminal.out(`${USAGE}
`);
    return command === void 0 ? 1 : 0;
  }
  if (command === "--version" || command === "-v") {
    terminal.out(`${VERSION}
`);
    return 0;
  }
  const split = args.indexOf("--");
  const json = (split < 0 ? args : args.slice(0, split)).includes("--json") ? jsonTerminal(terminal) : null;
  const io = json ?? terminal;
  try {
    const load = COMMANDS[command];
    if (!load) throw new SealError("usage", `unknown command ${JSON.stringify(command)}.

${USAGE}`);
    return await (await load())(rest, io);
  } catch (error) {
    const failure = describeFailure(error, terminal.env);
    terminal.err(`artifact-seal: ${failure.text}`);
    if (json !== null && !json.printed()) io.json?.({ error: { code: failure.code, message: failure.message } });
    return 1;
  }
}
function describeFailure(error, env) {
  if (error instanceof SealError) return { code: error.code === "usage" ? "usage" : "failed", message: error.message, text: `${error.message}
` };
  const e = error instanceof Error ? error : new Error(String(error));
  const message = `unexpected error: ${e.message}`;
  return { code: "internal", message, text: `${message}
${env.ARTIFACT_SEAL_DEBUG ? `${e.stack}
` : "Set ARTIFACT_SEAL_DEBUG=1 for the stack trace.\n"}` };
}
export {
  USAGE,
  main
};
