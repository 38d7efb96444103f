import { randomBytes } from 'node:crypto'
import type { Env } from '../core/env.js'
import type { Paint, Style } from '../report/paint.js'

/**
 * Whether a stream gets colour: FORCE_COLOR forces it (FORCE_COLOR=0 or false turns it
 * off, as Node's own tools read it), NO_COLOR (any value but empty) turns it off
 * (https://no-color.org), a dumb terminal has none; otherwise a terminal (TTY) gets
 * colour and a pipe or a file does not.
 */
export function wantsColour(env: Env, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.TERM === 'dumb') return false
  return isTTY
}

const SGR: Readonly<Record<Style, readonly [string, string]>> = {
  good: ['\x1b[32m', '\x1b[39m'],
  bad: ['\x1b[31m', '\x1b[39m'],
  warn: ['\x1b[33m', '\x1b[39m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m']
}
const STYLES = Object.keys(SGR) as Style[]

/**
 * Marks written around painted words, turned into colour codes (or dropped) as the text is
 * written. Text from outside (a file name, a reason in the ledger) cannot hold the marks: they
 * carry a random token drawn for this run, and every other control character in the text is
 * shown as a picture by the runner-log guard, so outside text never colours itself or moves
 * the cursor.
 */
export interface Marks {
  readonly paint: Paint
  /** Splits written text into its pieces of text and the colour codes between them ('' when colour is off). */
  split(text: string, colour: boolean): { readonly text: string; readonly code: string }[]
}

export function colourMarks(): Marks {
  const token = randomBytes(8).toString('hex')
  const mark = (index: number, end: boolean): string =>
    `\uE000${token}${end ? 'e' : 's'}${index}\uE001`
  const pattern = new RegExp(`\uE000${token}([se])(\\d)\uE001`, 'g')
  return {
    paint: (style, text) => {
      const index = STYLES.indexOf(style)
      return `${mark(index, false)}${text}${mark(index, true)}`
    },
    split: (text, colour) => {
      const pieces: { text: string; code: string }[] = []
      let last = 0
      for (const match of text.matchAll(pattern)) {
        const style = STYLES[Number(match[2])] as Style
        pieces.push({
          text: text.slice(last, match.index),
          code: colour ? SGR[style][match[1] === 's' ? 0 : 1] : ''
        })
        last = match.index + match[0].length
      }
      pieces.push({ text: text.slice(last), code: '' })
      return pieces
    }
  }
}
