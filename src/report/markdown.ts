/**
 * Values in a job summary (GitHub's markdown: CommonMark with tables, autolinks, raw HTML)
 * that show as the text they are, wherever they land: a paragraph, a heading, a table cell,
 * a link's text or an HTML element's content. Summaries quote file names, contract text,
 * statement and ledger fields: none of it may add a row, a cell, a link, an element or a
 * heading that artifact-seal did not write.
 */
import { visibleControls } from './runner-log.js'
import { CONTROL_CHARACTERS } from '../core/control-characters.js'

const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g

// Characters that start or close an inline construct: entities and HTML (& < >), escapes,
// code spans, emphasis, strikethrough, links and images, table cells, autolinks (the scheme's
// colon), emoji shortcodes, math, issue references. Written as character references they are
// literal text to every markdown reader, inside HTML too. An e-mail autolink is found after
// the text is read, references decoded, so its @ is followed by a zero-width space instead.
const INLINE = /[&<>\\`*_[\]|~:@$#]/g
const NAMED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '@': '&#64;&#8203;'
}
const reference = (char: string): string => NAMED[char] ?? `&#${char.charCodeAt(0)};`

/** Any text as inline markdown that renders as exactly that text, on one line. */
export function plain(value: string): string {
  const flat = visibleControls(value.replace(LINE_BREAKS, ' '))
  let out = flat
    .replace(INLINE, reference)
    .replace(/www\./gi, (www) => `${reference(www[0] as string)}${www.slice(1)}`)
  // What a line may start with to become a list, a heading's underline, a quote or code.
  if (/^(?:[\s\-+=]|[0-9]{1,9}[.)])/.test(out)) out = reference(out[0] as string) + out.slice(1)
  // Two trailing spaces would make a line break.
  if (/\s$/.test(out)) out = out.slice(0, -1) + reference(out.slice(-1))
  return out
}

/** A character that ends a code span or a table cell, or that a code span would hide. */
const ENDS_CODE_SPAN = new RegExp(`[\`|\\\\${CONTROL_CHARACTERS}\u2028\u2029]`, 'u')
const SPACE_OR_CONTROL = new RegExp(`[\\s${CONTROL_CHARACTERS}]`, 'u')

/**
 * Inline code showing exactly the value: a code span when nothing in it can end the span
 * or a table cell, otherwise a <code> element around the value as plain text.
 */
export function code(value: string): string {
  if (value !== '' && !ENDS_CODE_SPAN.test(value) && !/^\s|\s$/.test(value)) return `\`${value}\``
  return `<code>${plain(value)}</code>`
}

/** A fenced code block that the content cannot close, however many backticks it holds. */
export function fence(content: string, info = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length))
  const marks = '`'.repeat(Math.max(3, longest + 1))
  return `${marks}${info}\n${visibleControls(content.replace(/\r\n?/g, '\n'))}\n${marks}`
}

/**
 * A link to an https address on one of the given origins, written so that nothing in the
 * address can end the link or the table cell; for any other address (a javascript: or
 * data: address, another host, a value with a line break) the label alone, never a link.
 * The label is markdown already made safe (plain or code).
 */
export function link(
  label: string,
  url: string | null | undefined,
  origins: readonly string[]
): string {
  const target = safeUrl(url, origins)
  return target === null ? label : `[${label}](${target})`
}

/** The address in the form a markdown link destination keeps whole, or null when it is not one to link to. */
export function safeUrl(url: string | null | undefined, origins: readonly string[]): string | null {
  if (typeof url !== 'string' || !URL.canParse(url) || SPACE_OR_CONTROL.test(url)) return null
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null
  if (!origins.some((origin) => URL.canParse(origin) && new URL(origin).origin === parsed.origin))
    return null
  return parsed.href
    .replace(
      /[()[\]|\\<>"'`*_~]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    )
    .replace(/&/g, '&amp;')
}
