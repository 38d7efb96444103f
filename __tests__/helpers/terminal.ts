import type { Terminal } from '../../src/cli/terminal.js'
import type { Env } from '../../src/core/env.js'

export interface FakeTerminal extends Terminal {
  readonly stdout: () => string
  readonly stderr: () => string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed document, read field by field by the test
  readonly document: () => any
}

/** A terminal for running a CLI command in-process: what it printed on each stream, and its --json document. */
export function fakeTerminal(cwd: string, env: Env = {}): FakeTerminal {
  let out = ''
  let err = ''
  const documents: unknown[] = []
  return {
    cwd,
    env,
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    progress: () => undefined,
    json: (value) => void documents.push(value),
    stdout: () => out,
    stderr: () => err,
    document: () => {
      if (documents.length !== 1)
        throw new Error(`expected one JSON document, got ${documents.length}`)
      // As the CLI prints it: through JSON, so only what survives JSON is compared.
      return JSON.parse(JSON.stringify(documents[0]))
    }
  }
}
