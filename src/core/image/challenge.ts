/**
 * `WWW-Authenticate` as RFC 7235 writes it: one or more challenges, each a scheme and then
 * either a token68 or comma-separated `name=value` parameters (a token or a quoted string
 * with backslash escapes). Registries send `Basic realm="…"` or `Bearer realm="…",
 * service="…",scope="…"` (and `error="insufficient_scope"` when a token lacks a right);
 * scopes hold spaces and colons, so the value is read as the grammar says, never by a
 * regular expression over the whole header.
 */

export interface Challenge {
  /** Lower case: `basic`, `bearer`. */
  readonly scheme: string
  /** Parameter names in lower case; a repeated name keeps its first value. */
  readonly params: Readonly<Record<string, string>>
  readonly token68?: string
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/

/** The challenges of a header; null when the header does not follow the grammar. */
export function parseChallenges(header: string): Challenge[] | null {
  let i = 0
  const n = header.length
  const skipSpace = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++
  }
  const skipListSeparators = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t' || header[i] === ',')) i++
  }
  const readToken = (): string => {
    const start = i
    while (i < n && TCHAR.test(header[i]!)) i++
    return header.slice(start, i)
  }
  /**
   * Whether `name = value` starts at i: a parameter, not the next challenge's scheme nor a
   * token68 (which may end in `=` but is never followed by a value).
   */
  const paramAhead = (): boolean => {
    let j = i
    while (j < n && TCHAR.test(header[j]!)) j++
    if (j === i) return false
    while (j < n && (header[j] === ' ' || header[j] === '\t')) j++
    if (header[j] !== '=') return false
    j++
    while (j < n && (header[j] === ' ' || header[j] === '\t')) j++
    return j < n && (header[j] === '"' || TCHAR.test(header[j]!))
  }
  const readQuoted = (): string | null => {
    i++ // opening quote
    let value = ''
    while (i < n) {
      const c = header[i]!
      if (c === '"') {
        i++
        return value
      }
      if (c === '\\') {
        if (i + 1 >= n) return null
        value += header[i + 1]
        i += 2
        continue
      }
      value += c
      i++
    }
    return null
  }

  const challenges: Challenge[] = []
  skipListSeparators()
  if (i >= n) return null
  while (i < n) {
    const scheme = readToken()
    if (scheme === '') return null
    const params: Record<string, string> = {}
    let token68: string | undefined
    const afterScheme = i
    skipSpace()
    if (i < n && i > afterScheme && header[i] !== ',' && !paramAhead()) {
      const start = i
      while (i < n && TOKEN68_CHAR.test(header[i]!)) i++
      if (i === start) return null
      while (i < n && header[i] === '=') i++
      token68 = header.slice(start, i)
      skipSpace()
    } else if (i < n && i > afterScheme && header[i] !== ',') {
      for (;;) {
        const name = readToken().toLowerCase()
        skipSpace()
        if (header[i] !== '=') return null
        i++
        skipSpace()
        let value: string | null
        if (header[i] === '"') value = readQuoted()
        else {
          value = readToken()
          if (value === '') return null
        }
        if (value === null) return null
        if (!(name in params)) params[name] = value
        skipSpace()
        if (i >= n) break
        if (header[i] !== ',') return null
        // A comma ends this parameter; what follows is another parameter or the next challenge.
        skipListSeparators()
        if (i >= n || !paramAhead()) break
      }
    }
    challenges.push({
      scheme: scheme.toLowerCase(),
      params,
      ...(token68 === undefined ? {} : { token68 })
    })
    skipListSeparators()
    if (i < n && header[i - 1] !== ',' && header[i - 1] !== ' ' && header[i - 1] !== '\t')
      return null
  }
  return challenges
}

/** Writes a challenge back (for tests and for hosts that send one): values always quoted. */
export function formatChallenge(challenge: Challenge): string {
  const scheme = challenge.scheme.charAt(0).toUpperCase() + challenge.scheme.slice(1)
  if (challenge.token68 !== undefined) return `${scheme} ${challenge.token68}`
  const params = Object.entries(challenge.params).map(
    ([name, value]) => `${name}="${value.replace(/["\\]/g, (c) => `\\${c}`)}"`
  )
  return params.length === 0 ? scheme : `${scheme} ${params.join(',')}`
}
