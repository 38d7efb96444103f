import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-BE6JHZ3P.js";
import {
  SealError
} from "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";

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

Run "artifact-seal <command> --help" for a command's options.
  -v, --version           print the version`;
var COMMANDS = {
  seal: async () => (await import("./seal-command-DBQA6YI4.js")).sealCommand,
  verify: async () => (await import("./verify-command-4U7SQED3.js")).verifyCommand,
  diff: async () => (await import("./diff-command-RCQSR2ZZ.js")).diffCommand,
  merge: async () => (await import("./merge-command-7JNIQDV7.js")).mergeCommand,
  promote: async () => (await import("./promote-command-ZMLGPFGX.js")).promoteCommand,
  confirm: async () => (await import("./confirm-command-6YUJT7WK.js")).confirmCommand,
  veto: async () => (await import("./veto-command-NTKXFLZR.js")).vetoCommand,
  history: async () => (await import("./history-command-Q2RIOOIZ.js")).historyCommand,
  status: async () => (await import("./status-command-XALHLP3E.js")).statusCommand,
  ledger: async () => (await import("./ledger-command-LQZP5BSJ.js")).ledgerCommand
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
