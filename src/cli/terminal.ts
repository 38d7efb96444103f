import { RunnerLogGuard, inertJsonText, isJsonDocument } from '../report/runner-log.js'

/** What a command may touch of the process it runs in, so tests can run commands in-process. */
export interface Terminal {
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  out(text: string): void
  err(text: string): void
  /** A progress line: shown on a terminal, left out of pipes and CI logs that are not one. */
  progress(line: string): void
  /**
   * Another program's output on the same stream (the deploy command of `promote --`), passed
   * through unchanged: its workflow commands are its own. Without it, out and err are used.
   */
  relay?(stream: 'out' | 'err', text: string): void
}

/**
 * The process's own streams. What the CLI writes quotes file names, ledger and statement
 * fields and contract text, and a runner reads stdout and stderr alike for workflow
 * commands, so every write is made inert (src/report/runner-log.ts): the text reads the
 * same, no line of it is a command, and a --json answer still parses to the same value.
 */
export function processTerminal(): Terminal {
  const guards = { out: new RunnerLogGuard(), err: new RunnerLogGuard() }
  const streams = { out: process.stdout, err: process.stderr }
  const write = (stream: 'out' | 'err', text: string): void => {
    const inert = guards[stream].encode(isJsonDocument(text) ? inertJsonText(text) : text)
    streams[stream].write(inert)
  }
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => write('out', text),
    err: (text) => write('err', text),
    progress: (line) => write('err', `${line}\n`),
    relay: (stream, text) => {
      guards[stream].observe(text)
      streams[stream].write(text)
    }
  }
}
