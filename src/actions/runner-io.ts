/**
 * What the actions say to the runner: inputs, outputs, state, the job summary and log
 * commands. It writes what @actions/core writes for the same calls (a test holds the two
 * side by side), but @actions/core's module also loads its OIDC client, and with it
 * @actions/http-client and undici (about 0.9 MB of JavaScript), on every start: more than
 * the whole seal of a small tree costs. Only signing needs an ID token, and it imports
 * @actions/core itself when it runs (src/attestation/oidc-token.ts).
 *
 * One difference, on purpose: every log line and every message is made inert first
 * (src/report/runner-log.ts). Messages quote file names, contract text, statement and
 * ledger fields; the only workflow commands a step writes are the ones called here.
 */
import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import { EOL } from 'node:os'
import { inertLogText } from '../report/runner-log.js'

/** Where an annotation points, as @actions/core's AnnotationProperties. */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

type CommandProperties = Record<string, string | number | undefined>

let logStream: NodeJS.WritableStream | null = null

/**
 * The runner's log: file descriptor 1. process.stdout is a stream Node builds on its first
 * use, and on the pipe a runner gives a step building it costs about 3 ms of start-up, more
 * than writing the whole log; a write to the descriptor puts the same bytes in the same
 * order. Should the descriptor refuse (a non-blocking pipe that is full), the rest goes
 * through process.stdout from then on, which waits its turn. Tests watch `write`.
 */
export const runnerLog = {
  write(text: string): void {
    if (logStream !== null) {
      logStream.write(text)
      return
    }
    const bytes = Buffer.from(text, 'utf8')
    let written = 0
    try {
      while (written < bytes.length)
        written += fs.writeSync(1, bytes, written, bytes.length - written)
    } catch {
      logStream = process.stdout
      logStream.write(bytes.subarray(written))
    }
  }
}

/**
 * Ends the step once its work is done. Left to wind down by itself, Node first waits for
 * its event loop, a hashing worker's exit and the compiler's and the garbage collector's
 * background work: about 10 ms after a seal of many files. Everything a step says is
 * written by then (the log to file descriptor 1, outputs, state and the summary to their
 * files, all synchronously); a log that went through process.stdout is flushed first.
 */
export async function endStep(): Promise<never> {
  const stream = logStream
  if (stream !== null) await new Promise<void>((resolve) => stream.write('', () => resolve()))
  process.exit()
}

// Non-strings are written as JSON, as @actions/core does, so a caller passing a number
// gets the same output from either module.
function toCommandValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || value instanceof String) return String(value)
  return JSON.stringify(value)
}

function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** A `::name key=value,…::message` line on stdout, the runner's log command format. */
function issueCommand(command: string, properties: CommandProperties, message: unknown): void {
  writeCommand(command, properties, inertLogText(toCommandValue(message)))
}

/** As issueCommand, the message written as given: a value the runner must read back exactly. */
function writeCommand(command: string, properties: CommandProperties, message: unknown): void {
  // As @actions/core: the space follows the name whenever properties were given, even if
  // none of them has a value, so an annotation without a title reads `::error ::…`.
  const props =
    Object.keys(properties).length > 0
      ? ` ${Object.entries(properties)
          .filter(([, value]) => value)
          .map(([key, value]) => `${key}=${escapeProperty(value)}`)
          .join(',')}`
      : ''
  runnerLog.write(`::${command}${props}::${escapeData(message)}${EOL}`)
}

function annotationProperties(p: AnnotationProperties): CommandProperties {
  if (Object.keys(p).length === 0) return {}
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  }
}

/**
 * Appends `name<<ghadelimiter_<uuid>` … to the runner's GITHUB_OUTPUT or GITHUB_STATE
 * file. The random delimiter keeps a value that contains newlines, or a line of its own
 * choosing, from ending the block early and setting another name.
 */
function issueFileCommand(variable: string, name: string, value: unknown): void {
  const file = process.env[variable] as string
  const delimiter = `ghadelimiter_${randomUUID()}`
  const text = toCommandValue(value)
  if (name.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (text.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  if (!fs.existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  fs.appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8'
  })
}

export function getInput(
  name: string,
  options?: { required?: boolean; trimWhitespace?: boolean }
): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`)
  return options?.trimWhitespace === false ? value : value.trim()
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('GITHUB_OUTPUT', name, value)
  // Outside a runner (an old runner, a local run) the deprecated command still shows the value.
  runnerLog.write(EOL)
  writeCommand('set-output', { name }, toCommandValue(value))
}

/** Kept for the action's post step, which reads it back with getState. */
export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('GITHUB_STATE', name, value)
  writeCommand('save-state', { name }, toCommandValue(value))
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

/** A plain log line (or lines): never read as a workflow command, whatever it quotes. */
export function info(message: string): void {
  runnerLog.write(inertLogText(message) + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'notice',
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  )
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'warning',
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  )
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(
    'error',
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  )
}

/** Marks the step failed: exit code 1 once the event loop is done, and the message as an error. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1
  error(message)
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name)
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '')
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name)
  try {
    return await fn()
  } finally {
    endGroup()
  }
}

/** The job summary: text collected with addRaw, appended to GITHUB_STEP_SUMMARY by write. */
class Summary {
  private buffer = ''

  addRaw(text: string, addEOL = false): Summary {
    this.buffer += text
    if (addEOL) this.buffer += EOL
    return this
  }

  // Synchronous, as the outputs are: the first asynchronous file operation of a process
  // starts libuv's thread pool, a millisecond and a half that a small step spends on nothing else.
  async write(options: { overwrite?: boolean } = {}): Promise<Summary> {
    const file = process.env.GITHUB_STEP_SUMMARY
    if (!file)
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment ' +
          'supports job summaries.'
      )
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK)
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
      )
    }
    ;(options.overwrite ? fs.writeFileSync : fs.appendFileSync)(file, this.buffer, {
      encoding: 'utf8'
    })
    this.buffer = ''
    return this
  }
}

export const summary = new Summary()
