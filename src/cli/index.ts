#!/usr/bin/env node
import { nodeVersionProblem } from './node-version.js'

// The version is checked before the commands are loaded: on an older Node they could fail
// midway with an error that says nothing about the version. Loading them afterwards costs
// one more module fetch from disk, well under a millisecond.
const problem = nodeVersionProblem(process.versions.node)
if (problem !== null) {
  process.stderr.write(`${problem}\n`)
  // Another Node is something the caller must change (exit 2), and --json still gets its one document.
  const args = process.argv.slice(2)
  const split = args.indexOf('--')
  if ((split < 0 ? args : args.slice(0, split)).includes('--json'))
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'bad-input', message: problem } }, null, 2)}\n`
    )
  process.exitCode = 2
} else {
  const [{ main }, { processTerminal }] = await Promise.all([
    import('./main.js'),
    import('./terminal.js')
  ])
  const terminal = processTerminal()
  const code = await main(process.argv.slice(2), terminal)
  // A reader that went away (EPIPE) is no failure; output lost otherwise (a full disk) is.
  const lost = terminal.outputError()
  if (lost !== null)
    process.stderr.write(
      `artifact-seal: the output could not be written (${lost.code ?? lost.message}).\n`
    )
  process.exitCode = lost !== null && code === 0 ? 1 : code
}
