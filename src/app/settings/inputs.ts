import { SealError, quote } from '../../core/errors.js'
import { parsePlainHttpRegistries } from '../../core/image/reference.js'

/** `plain-http-registries`: the registries (host or host:port, one a line) reached over plain HTTP. */
export function readPlainHttpRegistries(text: string, name: string): string[] {
  return parsePlainHttpRegistries(inputLines(text), name)
}

/** The lines of a multi-line input, blank lines and `#` comments left out. */
function inputLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
}

/** A boolean input or flag: "true" or "false" in any case, `fallback` when empty; anything else is refused. */
export function parseBooleanInput(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  throw new SealError('bad-input', `${name}: ${quote(value)} is not a boolean. Use true or false.`)
}
