import * as path from 'node:path'
import * as fs from 'node:fs'
import { SealError, quote } from '../core/errors.js'
import { diffListings, digestOfListing, formatListing, parseListing } from '../core/listing.js'
import { mismatchLines } from '../report/mismatch-text.js'
import { parseCommand } from './arguments.js'
import { type Terminal, printJson } from './terminal.js'
import { formatCount } from '../report/format.js'

export const DIFF_USAGE = `Usage: artifact-seal diff <sealed.sha256> <other.sha256> [--json]

Compares two checksums listings (the one a seal wrote, and another) and names every
file that changed, went missing or appeared. Exit code 0 when they are equal, 1 when
they differ.

  --json        print the differences as JSON
  -h, --help    show this help`

const spec = {
  name: 'diff',
  usage: DIFF_USAGE,
  allowPositionals: true,
  options: { json: { type: 'boolean' } }
} as const

function readListing(file: string, cwd: string): string {
  try {
    return fs.readFileSync(path.resolve(cwd, file), 'utf8')
  } catch (error) {
    throw new SealError(
      'unreadable',
      `diff: cannot read ${quote(file)} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}). Give the ` +
        `path of a checksums listing, such as a seal's checksums-path.`,
      { cause: error }
    )
  }
}

export async function diffCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${DIFF_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 2)
    throw new SealError(
      'usage',
      `diff: expected two listings, got ${positionals.length}.\n\n${DIFF_USAGE}`
    )
  const [sealedFile, otherFile] = positionals as [string, string]
  const sealed = parseListing(readListing(sealedFile, terminal.cwd), sealedFile)
  const other = parseListing(readListing(otherFile, terminal.cwd), otherFile)
  const mismatches = diffListings(sealed, other)
  const digests = {
    sealed: digestOfListing(formatListing(sealed)),
    other: digestOfListing(formatListing(other))
  }
  if (values.json) {
    printJson(terminal, { equal: mismatches.length === 0, ...digests, mismatches })
  } else if (mismatches.length === 0) {
    terminal.out(`Equal: ${sealed.length} files, ${digests.sealed}\n`)
  } else {
    const lines = [
      `${mismatches.length} of ${formatCount(Math.max(sealed.length, other.length), 'file')} ${mismatches.length === 1 ? 'differs' : 'differ'}`,
      `  sealed  ${digests.sealed}`,
      `  other   ${digests.other}`
    ]
    lines.push(...mismatchLines(mismatches))
    terminal.out(`${lines.join('\n')}\n`)
  }
  return mismatches.length === 0 ? 0 : 1
}
