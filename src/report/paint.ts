/**
 * Colour for a terminal. A renderer marks the words it wants coloured (a verdict, a check
 * mark) with a Paint; what the marks become is the terminal's business: colour codes on a
 * terminal that wants them, nothing in a pipe, a file, a --json run or a test.
 */
export type Style = 'good' | 'bad' | 'warn' | 'dim' | 'bold'

export type Paint = (style: Style, text: string) => string

/** No colour: the text as it is. */
export const plain: Paint = (_style, text) => text
