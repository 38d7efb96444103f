/** The `subject-path` input split into what to include and what to leave out. */
export interface SubjectPatterns {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

/**
 * Splits `subject-path` as users write it: one pattern per line or comma-separated,
 * `!pattern` to exclude, `#` lines as comments, surrounding blanks ignored.
 */
export function parseSubjectPatterns(value: string): SubjectPatterns {
  const include: string[] = []
  const exclude: string[] = []
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue
    for (const part of line.split(',')) {
      const pattern = part.trim()
      if (pattern === '') continue
      if (pattern.startsWith('!')) {
        const negated = pattern.slice(1).trim()
        if (negated !== '') exclude.push(negated)
      } else {
        include.push(pattern)
      }
    }
  }
  return { include, exclude }
}
