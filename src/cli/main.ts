import { SealError, type SealErrorCode, type SealErrorDetails, exitCodeOf } from '../core/errors.js'
import { VERSION } from '../version.js'
import { type Terminal, jsonTerminal } from './terminal.js'
import { speakAs } from '../core/vocabulary.js'
import { CLI_VOCABULARY } from './vocabulary.js'

export const USAGE = `Usage: artifact-seal <command> [options]

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
{"error": {"code", "message"}} (the code says which kind of failure it is).`

type Command = (args: string[], terminal: Terminal) => Promise<number>

/**
 * Each command is loaded when it is run: a seal then loads neither the policy parser nor
 * the GitHub client, and starts as fast as the seal alone.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  seal: async () => (await import('./seal-command.js')).sealCommand,
  verify: async () => (await import('./verify-command.js')).verifyCommand,
  diff: async () => (await import('./diff-command.js')).diffCommand,
  merge: async () => (await import('./merge-command.js')).mergeCommand,
  promote: async () => (await import('./promote-command.js')).promoteCommand,
  confirm: async () => (await import('./confirm-command.js')).confirmCommand,
  veto: async () => (await import('./veto-command.js')).vetoCommand,
  history: async () => (await import('./history-command.js')).historyCommand,
  status: async () => (await import('./status-command.js')).statusCommand,
  ledger: async () => (await import('./ledger-command.js')).ledgerCommand,
  'verify-record': async () => (await import('./verify-record-command.js')).verifyRecordCommand,
  contract: async () => (await import('./contract-command.js')).contractCommand,
  observe: async () => (await import('./observe-command.js')).observeCommand,
  drift: async () => (await import('./drift-command.js')).driftCommand,
  policy: async () => (await import('./policy-command.js')).policyCommand
}

/**
 * The error document a command run with --json prints instead of its result. `code` is the
 * SealError's code (src/core/errors.ts: `usage`, `bad-input`, `mismatch`, `refused`, …), or
 * `internal` for an unexpected error (a bug); `details` carries the facts some codes have
 * (the files that differ, for `mismatch`).
 */
export interface JsonError {
  readonly error: {
    readonly code: SealErrorCode | 'internal'
    readonly message: string
    readonly details?: SealErrorDetails
  }
}

/**
 * Runs one command line and returns its exit code: 0 success, 1 when the answer is no (or
 * the work could not be done), 2 when the command line or what it names must change.
 */
export async function main(args: string[], terminal: Terminal): Promise<number> {
  const [command] = args
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    terminal.out(`${USAGE}\n`)
    return command === undefined ? exitCodeOf('usage') : 0
  }
  if (command === '--version' || command === '-v') {
    terminal.out(`${VERSION}\n`)
    return 0
  }
  // What follows "--" is a deploy command's own arguments.
  const split = args.indexOf('--')
  const json = (split < 0 ? args : args.slice(0, split)).includes('--json')
    ? jsonTerminal(terminal)
    : null
  const io = json ?? terminal
  // Every message of this run names flags, whichever layer writes it.
  const before = speakAs(CLI_VOCABULARY)
  try {
    const load = COMMANDS[command]
    if (!load)
      throw new SealError('usage', `unknown command ${JSON.stringify(command)}.\n\n${USAGE}`)
    return await (
      await load()
    )(args.slice(1), io)
  } catch (error) {
    const failure = describeFailure(error, terminal.env)
    // The prefix in colour on a terminal; never with --json, whose run is read by a program.
    terminal.err(
      `${json === null && terminal.paint ? terminal.paint('bad', 'artifact-seal:') : 'artifact-seal:'} ${failure.text}`
    )
    // A document already printed stays the only one; the error is on stderr.
    if (json !== null && !json.printed()) io.json?.(failure.document)
    return failure.exitCode
  } finally {
    speakAs(before)
  }
}

function describeFailure(
  error: unknown,
  env: Terminal['env']
): { document: JsonError; text: string; exitCode: 1 | 2 } {
  if (error instanceof SealError) {
    const details = Object.keys(error.details).length > 0 ? { details: error.details } : {}
    return {
      document: { error: { code: error.code, message: error.message, ...details } },
      text: `${error.message}\n`,
      exitCode: exitCodeOf(error.code)
    }
  }
  const e = error instanceof Error ? error : new Error(String(error))
  const message = `unexpected error: ${e.message}`
  return {
    document: { error: { code: 'internal', message } },
    text: `${message}\n${
      env.ARTIFACT_SEAL_DEBUG
        ? `${e.stack}\n`
        : 'Set ARTIFACT_SEAL_DEBUG=1 for the stack ' + 'trace.\n'
    }`,
    exitCode: 1
  }
}
