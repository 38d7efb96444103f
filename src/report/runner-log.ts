/**
 * Text for the runner's log that the runner cannot read as a workflow command.
 *
 * The Actions runner reads every line a step writes, on stdout and on stderr, split where
 * .NET's ReadLine splits (CR, LF, CRLF), and takes a line as a command when:
 * - after its leading white space (.NET's Char.IsWhiteSpace: tab to CR, space, U+0085,
 *   U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) is trimmed, it
 *   starts with `::`, another `::` follows, and the name before the first space is a
 *   registered command (names compare case-insensitively, and after `::stop-commands::T`
 *   the name T is one too); or
 * - it holds `##[` anywhere with a `]` after it (the legacy form), the name again registered.
 *
 * So a line is inert when its first visible character is not `:` and it holds no `##[`. A
 * zero-width space (U+200B, which .NET does not count as white space) is put before such a
 * `:` and inside such a `##[`: the line reads the same to a person and is plain text to the
 * runner. Line and paragraph separators (U+2028, U+2029, U+0085) become line breaks, so the
 * log shows the lines a reader would see; other control characters (an ESC that would start
 * a colour or cursor sequence) are shown as their control pictures (␛) or U+FFFD.
 */
import { ANY_CONTROL } from '../core/control-characters.js'

export const MARK = '\u200b'

/** .NET's white space and what other readers (JavaScript's \s) trim: a line's blank start. */
// (The C0 ones among them, VT, FF, FS to US, are shown as pictures before this is asked.)
const BLANK = /[\t \u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\ufeff]/

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/

/** A character no reader should act on, shown instead as a picture of it. */
function visibleControl(char: string): string | null {
  const code = char.charCodeAt(0)
  if (char === '\t') return null
  if (code < 0x20) return String.fromCharCode(0x2400 + code)
  if (code === 0x7f) return '\u2421'
  if (code >= 0x80 && code <= 0x9f) return '\ufffd'
  return null
}

/** Every control character but tab and the line breaks shown as a picture of it. */
export function visibleControls(text: string): string {
  return text.replace(ANY_CONTROL, (c) =>
    c === '\n' || c === '\r' || c === '\u0085' ? c : (visibleControl(c) ?? c)
  )
}

/**
 * Writes text to one stream of the runner's log. It remembers where the previous write left
 * off (mid-line, after a CR, after `#`), so text written in pieces is judged as the runner
 * will read it, line by line.
 */
export class RunnerLogGuard {
  private lineStart = true
  private tail = ''
  private afterCR = false

  /** The text made inert, line by line. */
  encode(text: string): string {
    let out = ''
    for (const char of text) {
      if (this.afterCR) {
        this.afterCR = false
        if (char === '\n') continue
      }
      if (LINE_BREAK.test(char)) {
        out += '\n'
        this.afterCR = char === '\r'
        this.lineStart = true
        this.tail = ''
        continue
      }
      const shown = visibleControl(char) ?? char
      if (this.lineStart) {
        if (BLANK.test(shown)) {
          out += shown
          continue
        }
        this.lineStart = false
        if (shown === ':') out += MARK
      }
      if (shown === '[' && this.tail === '##') out += MARK
      out += shown
      this.tail = (this.tail + shown).slice(-2)
    }
    return out
  }

  /** Text another writer put on the same stream (a deploy command's own output), unchanged. */
  observe(text: string): void {
    for (const char of text) {
      if (LINE_BREAK.test(char)) {
        this.lineStart = true
        this.tail = ''
        this.afterCR = false
        continue
      }
      this.afterCR = false
      if (this.lineStart && BLANK.test(char)) continue
      this.lineStart = false
      this.tail = (this.tail + char).slice(-2)
    }
  }
}

/** A whole message that starts on a line of its own (a log line, an annotation's text), made inert. */
export function inertLogText(text: string): string {
  return new RunnerLogGuard().encode(text)
}

/**
 * A JSON document made inert without changing what it parses to: `##[` can only be inside a
 * string there, and so can the separators and C1 controls JSON.stringify leaves as they are,
 * so each is written as a JSON escape. No line of JSON.stringify's output starts with `:`.
 */
export function inertJsonText(json: string): string {
  return json
    .replace(/##\[/g, '##\\u005b')
    .replace(
      /[\u007f-\u009f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
}

/** Whether a write is one JSON document (the CLI's --json answers), to be escaped as JSON. */
export function isJsonDocument(text: string): boolean {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
