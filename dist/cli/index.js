#!/usr/bin/env node
import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  processTerminal
} from "../chunks/chunk-JMK77GIY.js";
import {
  VERSION
} from "../chunks/chunk-BE6JHZ3P.js";
import {
  SealError
} from "../chunks/chunk-JWCK4D2M.js";

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
  veto <digest>           mark a digest bad: no environment accepts it afterwards
  history                 who ran what since when
  status                  what each environment runs now
  ledger verify           check a file ledger's hash chain

Run "artifact-seal <command> --help" for a command's options.
  -v, --version           print the version`;
var COMMANDS = {
  seal: async () => (await import("../chunks/seal-command-PAFIYIYV.js")).sealCommand,
  verify: async () => (await import("../chunks/verify-command-GUBITIIN.js")).verifyCommand,
  diff: async () => (await import("../chunks/diff-command-72ILHHFX.js")).diffCommand,
  merge: async () => (await import("../chunks/merge-command-BR7K37PE.js")).mergeCommand,
  promote: async () => (await import("../chunks/promote-command-MIKPWFMF.js")).promoteCommand,
  veto: async () => (await import("../chunks/veto-command-2Y35SWUV.js")).vetoCommand,
  history: async () => (await import("../chunks/history-command-VNMIFBMQ.js")).historyCommand,
  status: async () => (await import("../chunks/status-command-QC2BSU2I.js")).statusCommand,
  ledger: async () => (await import("../chunks/ledger-command-LQBNE7DU.js")).ledgerCommand
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

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2), processTerminal());
