import { RunnerLogGuard, inertJsonText, isJsonDocument } from '../report/runner-log.js'
import type { Env } from '../core/env.js'
import { type Paint, plain } from '../report/paint.js'
import { colourMarks, wantsColour } from './colour.js'

/** What a command may touch of the process it runs in, so tests can run commands in-process. */
export interface Terminal {
  readonly cwd: string
  readonly env: Env
  out(text: string): void
  err(text: string): void
  /** A progress line: shown on a terminal, left out of pipes and CI logs that are not one. */
  progress(line: string): void
  /**
   * Another program's output on the same stream (the deploy command of `promote --`), passed
   * through unchanged: its workflow commands are its own. Without it, out and err are used.
   */
  relay?(stream: 'out' | 'err', text: string): void
  /**
   * The command's one JSON document, with --json: main's terminal writes it to stdout and
   * sends everything `out` is given to stderr. Absent: the document is printed with `out`.
   */
  json?(value: unknown): void
  /** How a command sleeps (promote --wait); a timer when absent. */
  sleep?(ms: number): Promise<void>
  /** Colours the words a renderer marks; absent (no colour) in pipes, files, --json runs and tests. */
  readonly paint?: Paint
}

/** A warning on stderr, as every command prints one: `artifact-seal: warning: …`, coloured on a terminal. */
export function printWarning(terminal: Terminal, message: string): void {
  terminal.err(`artifact-seal: ${(terminal.paint ?? plain)('warn', 'warning:')} ${message}\n`)
}

/** Prints a command's --json result: the run's only document on stdout. */
export function printJson(terminal: Terminal, value: unknown): void {
  if (terminal.json) terminal.json(value)
  else terminal.out(`${JSON.stringify(value, null, 2)}\n`)
}

export interface ProcessTerminal extends Terminal {
  /** A write error other than a closed pipe (a full disk under `> file`): the output is incomplete. */
  outputError(): NodeJS.ErrnoException | null
}

/**
 * The process's own streams. What the CLI writes quotes file names, ledger and statement
 * fields and contract text, and a runner reads stdout and stderr alike for workflow
 * commands, so every write is made inert (src/report/runner-log.ts): the text reads the
 * same, no line of it is a command, and a --json answer still parses to the same value.
 */
export function processTerminal(): ProcessTerminal {
  const guards = { out: new RunnerLogGuard(), err: new RunnerLogGuard() }
  const writers = { out: writerOf(process.stdout), err: writerOf(process.stderr) }
  const colour = {
    out: wantsColour(process.env, process.stdout.isTTY === true),
    err: wantsColour(process.env, process.stderr.isTTY === true)
  }
  const marks = colour.out || colour.err ? colourMarks() : null
  const write = (stream: 'out' | 'err', text: string): void => {
    if (marks === null || isJsonDocument(text)) {
      writers[stream].write(
        guards[stream].encode(isJsonDocument(text) ? inertJsonText(text) : text)
      )
      return
    }
    // The guard sees the text alone, so a mark at a line's start never hides a ":" after it.
    writers[stream].write(
      marks
        .split(text, colour[stream])
        .map((piece) => guards[stream].encode(piece.text) + piece.code)
        .join('')
    )
  }
  return {
    cwd: process.cwd(),
    env: process.env,
    ...(marks === null ? {} : { paint: marks.paint }),
    out: (text) => write('out', text),
    err: (text) => write('err', text),
    progress: (line) => write('err', `${line}\n`),
    relay: (stream, text) => {
      guards[stream].observe(text)
      writers[stream].write(text)
    },
    outputError: () => writers.out.error() ?? writers.err.error()
  }
}

/**
 * Writes to a stream until its reader goes away (`| head -1`): then the rest is dropped and
 * the command goes on, so a promotion still confirms or fails its record by the deploy
 * command's status instead of dying mid-way on EPIPE.
 */
function writerOf(stream: NodeJS.WriteStream): {
  write: (text: string) => void
  error: () => NodeJS.ErrnoException | null
} {
  let closed = false
  let failure: NodeJS.ErrnoException | null = null
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true
    if (error.code !== 'EPIPE' && failure === null) failure = error
  })
  return {
    write: (text) => {
      if (!closed && !stream.destroyed) stream.write(text)
    },
    error: () => failure
  }
}

/**
 * With --json: stdout holds exactly one JSON document, the result or the error; every line
 * meant for people (a deploy command's output, notices) goes to stderr.
 */
export function jsonTerminal(terminal: Terminal): Terminal & { readonly printed: () => boolean } {
  let printed = false
  return {
    cwd: terminal.cwd,
    env: terminal.env,
    out: (text) => terminal.err(text),
    err: (text) => terminal.err(text),
    progress: (line) => terminal.progress(line),
    relay: (_stream, text) => (terminal.relay ? terminal.relay('err', text) : terminal.err(text)),
    json: (value) => {
      if (printed) throw new Error('unreachable: a command printed two JSON documents')
      printed = true
      terminal.out(`${JSON.stringify(value, null, 2)}\n`)
    },
    printed: () => printed
  }
}
