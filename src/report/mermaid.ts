/**
 * Text inside a mermaid diagram's quoted labels (`id["…"]`, `-->|…|`). A label ends at its
 * quote or pipe, a line break starts a new statement (a `click … href` among them), and
 * mermaid reads backticks as markdown and angle brackets as HTML; every character that is
 * not a letter, a digit or plain punctuation is written as mermaid's `#<code>;` entity.
 */
import { visibleControls } from './runner-log.js'

export function label(value: string): string {
  const flat = visibleControls(value.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' '))
  return flat.replace(/[^\p{L}\p{N} ._/:+,@()-]/gu, (c) => `#${c.codePointAt(0)};`)
}
