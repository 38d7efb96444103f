import { SealError } from '../core/errors.js'
import { VERSION } from '../version.js'
import { DIFF_USAGE, diffCommand } from './diff-command.js'
import { HISTORY_USAGE, historyCommand } from './history-command.js'
import { LEDGER_USAGE, ledgerCommand } from './ledger-command.js'
import { MERGE_USAGE, mergeCommand } from './merge-command.js'
import { PROMOTE_USAGE, promoteCommand } from './promote-command.js'
import { SEAL_USAGE, sealCommand } from './seal-command.js'
import { STATUS_USAGE, statusCommand } from './status-command.js'
import { VERIFY_USAGE, verifyCommand } from './verify-command.js'
import { VETO_USAGE, vetoCommand } from './veto-command.js'
import type { Terminal } from './terminal.js'

export const USAGE = `Usage: artifact-seal <command> [options]

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
  -v, --version           print the version`

const COMMANDS: Record<string, { run: (args: string[], t: Terminal) => Promise<number>; usage: string }> = {
  seal: { run: sealCommand, usage: SEAL_USAGE },
  verify: { run: verifyCommand, usage: VERIFY_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
  merge: { run: mergeCommand, usage: MERGE_USAGE },
  promote: { run: promoteCommand, usage: PROMOTE_USAGE },
  veto: { run: vetoCommand, usage: VETO_USAGE },
  history: { run: historyCommand, usage: HISTORY_USAGE },
  status: { run: statusCommand, usage: STATUS_USAGE },
  ledger: { run: ledgerCommand, usage: LEDGER_USAGE }
}

/** Runs one command line and returns its exit code: 0 success, 1 any error. */
export async function main(args: string[], terminal: Terminal): Promise<number> {
  const [command, ...rest] = args
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    terminal.out(`${USAGE}\n`)
    return command === undefined ? 1 : 0
  }
  if (command === '--version' || command === '-v') {
    terminal.out(`${VERSION}\n`)
    return 0
  }
  const entry = COMMANDS[command]
  if (!entry) {
    terminal.err(`artifact-seal: unknown command ${JSON.stringify(command)}.\n\n${USAGE}\n`)
    return 1
  }
  try {
    return await entry.run(rest, terminal)
  } catch (error) {
    if (error instanceof SealError) {
      terminal.err(`artifact-seal: ${error.message}\n`)
    } else {
      const e = error instanceof Error ? error : new Error(String(error))
      terminal.err(`artifact-seal: unexpected error: ${e.message}\n${terminal.env.ARTIFACT_SEAL_DEBUG ? `${e.stack}\n` : 'Set ARTIFACT_SEAL_DEBUG=1 for the stack trace.\n'}`)
    }
    return 1
  }
}
