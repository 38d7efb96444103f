import {
  speakAs
} from "./chunk-5B26CPAT.js";
import {
  VERSION
} from "./chunk-WISAU6C5.js";
import {
  SealError,
  exitCodeOf
} from "./chunk-C7O7QJOZ.js";
import {
  jsonTerminal
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/cli/vocabulary.ts
var FLAG_OF = {
  "subject-path": "the paths given",
  "expected-digest": "--digest",
  "checksums-path": "--checksums",
  "tuf-mirrors": "--tuf-mirror",
  "github-token": "GITHUB_TOKEN",
  confirm: "confirm <record-id>"
};
function flagOf(input) {
  return FLAG_OF[input] ?? `--${input}`;
}
var CLI_VOCABULARY = {
  caller: "cli",
  option: flagOf,
  setting: (input, value) => {
    const flag = flagOf(input);
    if (!flag.startsWith("--")) return `${flag} ${JSON.stringify(value)}`;
    return value === "true" ? flag : `${flag} ${JSON.stringify(value)}`;
  },
  current: "this command",
  base: "the current directory",
  machine: "this machine",
  reader: "the user running artifact-seal",
  rerun: "run the command again",
  again: "run the command again",
  recordIdSource: 'the record id "artifact-seal promote" printed (or one "artifact-seal history" shows)'
};

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
  observe                 compare what each environment runs with what the ledger says (drift)
  drift ack               accept an environment's drift, with a reason, for the record
  policy validate [file]  name every mistake in a promotion policy, at its line and column

Run "artifact-seal <command> --help" for a command's options.
  -v, --version           print the version

Exit codes:
  0  done: sealed, verified, promoted, recorded
  1  the answer is no: files that differ, a refused promotion, a signature or ledger that
     does not hold, a breaking contract change; or a service that did not answer
  2  what was given must change: a wrong command line, a bad flag value, a file that
     cannot be read or is not well formed, credentials refused
With --json every command prints one JSON document on stdout: its result, or
{"error": {"code", "message"}} (the code says which kind of failure it is).`;
var COMMANDS = {
  seal: async () => (await import("./seal-command-4NBHQYSM.js")).sealCommand,
  verify: async () => (await import("./verify-command-HCSUSTX3.js")).verifyCommand,
  diff: async () => (await import("./diff-command-CFTOR2WT.js")).diffCommand,
  merge: async () => (await import("./merge-command-R3P2LIUJ.js")).mergeCommand,
  promote: async () => (await import("./promote-command-BYHF4D2J.js")).promoteCommand,
  confirm: async () => (await import("./confirm-command-RRKF2DDM.js")).confirmCommand,
  veto: async () => (await import("./veto-command-NYPKZ55Q.js")).vetoCommand,
  history: async () => (await import("./history-command-I6XXKYDI.js")).historyCommand,
  status: async () => (await import("./status-command-6QAEWCNO.js")).statusCommand,
  ledger: async () => (await import("./ledger-command-WU6BQIR4.js")).ledgerCommand,
  "verify-record": async () => (await import("./verify-record-command-IOBWRGTL.js")).verifyRecordCommand,
  contract: async () => (await import("./contract-command-3J4DGJMD.js")).contractCommand,
  observe: async () => (await import("./observe-command-EMYOWCDU.js")).observeCommand,
  drift: async () => (await import("./drift-command-FUMGUGSW.js")).driftCommand,
  policy: async () => (await import("./policy-command-TVZEI7KX.js")).policyCommand
};
async function main(args, terminal) {
  const [command] = args;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    terminal.out(`${USAGE}
`);
    return command === void 0 ? exitCodeOf("usage") : 0;
  }
  if (command === "--version" || command === "-v") {
    terminal.out(`${VERSION}
`);
    return 0;
  }
  const split = args.indexOf("--");
  const json = (split < 0 ? args : args.slice(0, split)).includes("--json") ? jsonTerminal(terminal) : null;
  const io = json ?? terminal;
  const before = speakAs(CLI_VOCABULARY);
  try {
    const load = COMMANDS[command];
    if (!load)
      throw new SealError("usage", `unknown command ${JSON.stringify(command)}.

${USAGE}`);
    return await (await load())(args.slice(1), io);
  } catch (error) {
    const failure = describeFailure(error, terminal.env);
    terminal.err(
      `${json === null && terminal.paint ? terminal.paint("bad", "artifact-seal:") : "artifact-seal:"} ${failure.text}`
    );
    if (json !== null && !json.printed()) io.json?.(failure.document);
    return failure.exitCode;
  } finally {
    speakAs(before);
  }
}
function describeFailure(error, env) {
  if (error instanceof SealError) {
    const details = Object.keys(error.details).length > 0 ? { details: error.details } : {};
    return {
      document: { error: { code: error.code, message: error.message, ...details } },
      text: `${error.message}
`,
      exitCode: exitCodeOf(error.code)
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const message = `unexpected error: ${e.message}`;
  return {
    document: { error: { code: "internal", message } },
    text: `${message}
${env.ARTIFACT_SEAL_DEBUG ? `${e.stack}
` : "Set ARTIFACT_SEAL_DEBUG=1 for the stack trace.\n"}`,
    exitCode: 1
  };
}
export {
  USAGE,
  main
};
