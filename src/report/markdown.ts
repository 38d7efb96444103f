/** Inline code that survives any text, for job summaries. */
export const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``

/** Text that cannot break a markdown table row. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

/** `sha256:1234567890ab…`: enough to tell digests apart in a table. */
export const shortDigest = (digest: string): string => (digest.length > 19 ? `${digest.slice(0, 19)}…` : digest)
