/**
 * The Actions runner's reading of a step's output, written from its source (actions/runner:
 * src/Runner.Sdk/ProcessInvoker.cs reads stdout and stderr with StreamReader.ReadLine;
 * src/Runner.Worker/Handlers/OutputManager.cs hands each line that holds `::` or `##[` to
 * src/Runner.Worker/ActionCommandManager.cs, which tries src/Runner.Common/ActionCommand.cs's
 * TryParseV2 (`::name k=v,…::data`) and then TryParse (the legacy `##[name k=v;…]data`),
 * and keeps the stop-commands state). An independent oracle for what artifact-seal writes:
 * it shares no code with src/report/runner-log.ts.
 */

export interface RunnerCommand {
  readonly name: string
  readonly properties: Readonly<Record<string, string>>
  readonly data: string
  readonly line: string
}

/** The command extensions a runner registers (ActionCommandManager.Initialize and its extensions). */
const REGISTERED = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'warning'
]

/** .NET's Char.IsWhiteSpace, which string.TrimStart() and Trim() remove. */
const DOTNET_SPACE =
  '\t\n\u000b\u000c\r ' +
  '\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'

function trimStart(text: string): string {
  let i = 0
  while (i < text.length && DOTNET_SPACE.includes(text[i] as string)) i++
  return text.slice(i)
}

function trim(text: string): string {
  let end = text.length
  while (end > 0 && DOTNET_SPACE.includes(text[end - 1] as string)) end--
  return trimStart(text.slice(0, end))
}

/** StreamReader.ReadLine: a line ends at LF, CR or CRLF; a last line without one still counts. */
export function runnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

const unescape =
  (mappings: readonly (readonly [string, string])[]) =>
  (text: string): string =>
    mappings.reduce((t, [token, replacement]) => t.split(replacement).join(token), text)
const unescapeData = unescape([
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25']
])
const unescapeProperty = unescape([
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25']
])
const unescapeLegacy = unescape([
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25']
])

/** .NET's Split(separator, count: 2, RemoveEmptyEntries). */
function splitPair(text: string): string[] {
  const at = text.indexOf('=')
  const parts = at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)]
  return parts.filter((p) => p !== '')
}

function parseV2(
  line: string,
  registered: (name: string) => boolean
): Omit<RunnerCommand, 'line'> | null {
  const message = trimStart(line)
  if (!message.startsWith('::')) return null
  const end = message.indexOf('::', 2)
  if (end < 0) return null
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered(name)) return null
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const property of trim(info.slice(space + 1))
      .split(',')
      .filter((p) => p !== '')) {
      const pair = splitPair(property)
      if (pair.length === 2) properties[pair[0] as string] = unescapeProperty(pair[1] as string)
    }
  }
  return { name, properties, data: unescapeData(message.slice(end + 2)) }
}

function parseLegacy(
  line: string,
  registered: (name: string) => boolean
): Omit<RunnerCommand, 'line'> | null {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return null
  const close = line.indexOf(']', prefix)
  if (close < 0) return null
  const info = line.slice(prefix + 3, close)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered(name)) return null
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const property of info
      .slice(space + 1)
      .split(';')
      .filter((p) => p !== '')) {
      const pair = splitPair(property)
      if (pair.length === 2) properties[pair[0] as string] = unescapeLegacy(pair[1] as string)
    }
  }
  return { name, properties, data: unescapeLegacy(line.slice(close + 1)) }
}

/**
 * Every command the runner acts on in this output, in order: the stop-commands line and the
 * line that resumes included, lines while commands are stopped left out (they are text).
 */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED.concat('stop-commands'))
  const isRegistered = (name: string): boolean =>
    [...registered].some((r) => r.toLowerCase() === name.toLowerCase())
  let stopToken: string | null = null
  const commands: RunnerCommand[] = []
  for (const line of runnerLines(output)) {
    if (!line.includes('##[') && !line.includes('::')) continue
    const parsed = parseV2(line, isRegistered) ?? parseLegacy(line, isRegistered)
    if (parsed === null) continue
    if (stopToken !== null) {
      if (stopToken !== '' && parsed.name.toLowerCase() === stopToken.toLowerCase()) {
        commands.push({ ...parsed, line })
        registered.delete(stopToken)
        stopToken = null
      }
      continue
    }
    if (parsed.name.toLowerCase() === 'stop-commands') {
      stopToken = parsed.data
      registered.add(stopToken)
    }
    commands.push({ ...parsed, line })
  }
  return commands
}

/**
 * Lines a stricter reader could still take for a command or a log marker: split also at the
 * Unicode line and paragraph separators (a log viewer may break there), any part that starts
 * with `::` after white space or holds `##[`. The data of the commands artifact-seal means
 * to write is read the same way, since the runner shows it in the log and in annotations.
 */
export function displayHazards(output: string, intended: readonly RunnerCommand[]): string[] {
  const hazards: string[] = []
  const check = (text: string): void => {
    for (const part of text.split(/\r\n|[\r\n\u0085\u2028\u2029]/)) {
      if (trimStart(part).startsWith('::') || part.includes('##[')) hazards.push(part)
    }
  }
  for (const line of runnerLines(output)) {
    const command = intended.find((c) => c.line === line)
    if (command) check(command.data)
    else check(line)
  }
  return hazards
}

/** The commands of the output with their names and data only, for expectations. */
export function commandSummary(output: string): { name: string; data: string }[] {
  return runnerCommands(output).map((c) => ({ name: c.name, data: c.data }))
}
