import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  SealError
} from "./chunk-HUXIDCLA.js";
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
  seal: async () => (await import("./seal-command-BD757UXQ.js")).sealCommand,
  verify: async () => (await import("./verify-command-Z4A752NE.js")).verifyCommand,
  diff: async () => (await import("./diff-command-ETKVTEXH.js")).diffCommand,
  merge: async () => (await import("./merge-command-XR2TSMJZ.js")).mergeCommand,
  promote: async () => (await import("./promote-command-G4SXJ7BX.js")).promoteCommand,
  confirm: async () => (await import("./confirm-command-RWJ4B2LC.js")).confirmCommand,
  veto: async () => (await import("./veto-command-426OT4DE.js")).vetoCommand,
  history: async () => (await import("./history-command-7TUIL3DP.js")).historyCommand,
  status: async () => (await import("./status-command-43HDA6VC.js")).statusCommand,
  ledger: async () => (await import("./ledger-command-JDQWEYHM.js")).ledgerCommand,
  "verify-record": async () => (await import("./verify-record-command-5H2EFQQQ.js")).verifyRecordCommand,
  contract: async () => (await import("./contract-command-QEMXEOSL.js")).contractCommand
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
  const load = COMMANDS[command];
  if (!load) {
    terminal.err(`artifact-seal: unknown command ${JSON.stringify(command)}.

${USAGE}
`);
    return 1;
  }
  try {
    return await (await load())(rest, terminal);
  } catch (error) {
    if (error instanceof SealError) {
      terminal.err(`artifact-seal: ${error.message}
`);
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      terminal.err(`artifact-seal: unexpected error: ${e.message}
${terminal.env.ARTIFACT_SEAL_DEBUG ? `${e.stack}
` : "Set ARTIFACT_SEAL_DEBUG=1 for the stack trace.\n"}`);
    }
    return 1;
  }
}
export {
  USAGE,
  main
};
