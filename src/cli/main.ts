import { SealError } from '../core/errors.js'
import { VERSION } from '../version.js'
import { DIFF_USAGE, diffCommand } from './diff-command.js'
import { SEAL_USAGE, sealCommand } from './seal-command.js'
import type { Terminal } from './terminal.js'

export const USAGE = `Usage: artifact-seal <command> [options]

Seal a build artifact's digest, and check later that the bytes are the sealed ones.

Commands:
  seal <path...>          seal files, directories or globs
  diff <sealed> <other>   name every file that differs between two checksums listings

Run "artifact-seal <command> --help" for a command's options.
  -v, --version           print the version`

const COMMANDS: Record<string, { run: (args: string[], t: Terminal) => Promise<number>; usage: string }> = {
  seal: { run: sealCommand, usage: SEAL_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE }
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
