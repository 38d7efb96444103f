/**
 * Text inside a mermaid diagram's quoted labels (`id["…"]`, `-->|…|`). A label ends at its
 * quote or pipe, a line break starts a new statement (a `click … href` among them), and
 * mermaid reads backticks as markdown and angle brackets as HTML. Mermaid's own syntax is
 * ASCII, so every ASCII character but letters, digits and plain punctuation, and every
 * invisible one (controls, format characters, separators), is written as its `#<code>;` entity.
 */
import { visibleControls } from './runner-log.js'

export function label(value: string): string {
  const flat = visibleControls(value.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' '))
  return flat.replace(/[^A-Za-z0-9 ._/:+,@()-]/gu, (c) =>
    c.charCodeAt(0) < 0x80 || /[\p{C}\p{Z}]/u.test(c) ? `#${c.codePointAt(0)};` : c
  )
}
