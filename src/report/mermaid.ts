/**
 * Text inside a mermaid diagram's quoted labels (`id["…"]`, `-->|…|`). A label ends at its
 * quote or pipe, a line break starts a new statement (a `click … href` among them), and
 * mermaid reads backticks as markdown and angle brackets as HTML. Mermaid's own syntax is
 * ASCII, so every character but letters, digits and plain punctuation is written as its
 * `#<code>;` entity, which mermaid shows as the character. Non-ASCII ones too: telling the
 * visible from the invisible (format characters, separators) takes a Unicode table that costs
 * a promotion about a millisecond to build.
 */
import { visibleControls } from './runner-log.js'

export function label(value: string): string {
  const flat = visibleControls(value.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' '))
  return flat.replace(/[^A-Za-z0-9 ._/:+,@()-]/gu, (c) => `#${c.codePointAt(0)};`)
}
