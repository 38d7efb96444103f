#!/usr/bin/env node
import { nodeVersionProblem } from './node-version.js'

// The version is checked before the commands are loaded: on an older Node they could fail
// midway with an error that says nothing about the version. Loading them afterwards costs
// one more module fetch from disk, well under a millisecond.
const problem = nodeVersionProblem(process.versions.node)
if (problem !== null) {
  process.stderr.write(`${problem}\n`)
  process.exitCode = 1
} else {
  const [{ main }, { processTerminal }] = await Promise.all([import('./main.js'), import('./terminal.js')])
  process.exitCode = await main(process.argv.slice(2), processTerminal())
}
