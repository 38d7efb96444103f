/** Inline code that survives any text, for job summaries. */
export const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``

/** Text that cannot break a markdown table row. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
