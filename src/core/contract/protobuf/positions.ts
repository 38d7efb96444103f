/**
 * Where each declaration of a .proto file is, as `line:col`. protobufjs's reflection
 * keeps no source positions, so a small scanner walks the same text once more: it only
 * needs scopes (message, enum, service, group), the package, field and enum value
 * numbers and rpc names, and it gives up quietly on anything it does not follow, since
 * a missing position is only a less precise report.
 */

export interface Position {
  readonly line: number
  readonly col: number
}

interface Token {
  readonly text: string
  readonly line: number
  readonly col: number
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/
const INTEGER = /^(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let line = 1
  let lineStart = 0
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i] as string
    if (c === '\n') {
      line++
      lineStart = ++i
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++
      continue
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++
      continue
    }
    if (c === '/' && text[i + 1] === '*') {
      i += 2
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') {
          line++
          lineStart = i + 1
        }
        i++
      }
      i += 2
      continue
    }
    const start = i
    const col = i - lineStart + 1
    if (c === '"' || c === "'") {
      i++
      while (i < n && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1
      i++
      tokens.push({ text: text.slice(start, Math.min(i, n)), line, col })
      continue
    }
    if (/[A-Za-z0-9_.]/.test(c)) {
      while (i < n && /[A-Za-z0-9_.+-]/.test(text[i] as string)) {
        // A sign belongs to the token only inside an exponent (1e-5).
        if ((text[i] === '+' || text[i] === '-') && !/[eE]$/.test(text.slice(start, i))) break
        i++
      }
      tokens.push({ text: text.slice(start, i), line, col })
      continue
    }
    tokens.push({ text: c, line, col })
    i++
  }
  return tokens
}

/**
 * Keys: `package` (the package statement), `type:<full name>` (message, group or enum),
 * `service:<full name>`, `rpc:<service full name>/<rpc>`, `field:<message full name>#<number>`,
 * `value:<enum full name>.<NAME>`.
 */
export function declarationPositions(text: string): Map<string, Position> {
  const positions = new Map<string, Position>()
  const put = (key: string, token: Token): void => {
    if (!positions.has(key)) positions.set(key, { line: token.line, col: token.col })
  }
  const tokens = tokenize(text)
  let pkg = ''
  // Each open brace: the scope it opens (a full name and what it is) or null for braces we do not name.
  const scopes: ({ name: string; kind: 'message' | 'enum' | 'service' } | null)[] = []
  const current = (): { name: string; kind: 'message' | 'enum' | 'service' } | null => {
    for (let k = scopes.length - 1; k >= 0; k--) {
      const scope = scopes[k]
      if (scope !== undefined && scope !== null) return scope
    }
    return null
  }
  const qualify = (name: string): string => {
    const scope = current()
    if (scope) return `${scope.name}.${name}`
    return pkg ? `${pkg}.${name}` : name
  }
  let pending: { name: string; kind: 'message' | 'enum' | 'service' } | null = null
  let statementStart = true
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    const next = tokens[i + 1]
    const t = token.text
    if (t === '[') {
      // Field options can hold `default = 5`, which must not read as a field.
      let depth = 0
      for (; i < tokens.length; i++) {
        const x = (tokens[i] as Token).text
        if (x === '[') depth++
        else if (x === ']' && --depth === 0) break
      }
      continue
    }
    if (t === '{') {
      scopes.push(pending)
      pending = null
      statementStart = true
      continue
    }
    if (t === '}') {
      scopes.pop()
      statementStart = true
      continue
    }
    if (t === ';') {
      statementStart = true
      continue
    }
    const wasStart = statementStart
    statementStart = false
    if (!wasStart) continue
    const scope = current()
    if (t === 'package' && next && scopes.length === 0) {
      pkg = next.text
      put('package', token)
      continue
    }
    if (
      t === 'option' ||
      t === 'reserved' ||
      t === 'extensions' ||
      t === 'import' ||
      t === 'syntax' ||
      t === 'edition'
    ) {
      // Skip to the end of the statement; an aggregate option value has braces of its own.
      let depth = 0
      for (i++; i < tokens.length; i++) {
        const x = (tokens[i] as Token).text
        if (x === '{') depth++
        else if (x === '}') depth--
        else if (x === ';' && depth <= 0) break
      }
      statementStart = true
      continue
    }
    if ((t === 'message' || t === 'enum' || t === 'service') && next && IDENT.test(next.text)) {
      const name = qualify(next.text)
      put(t === 'service' ? `service:${name}` : `type:${name}`, next)
      pending = { name, kind: t }
      i++
      continue
    }
    if (t === 'extend' || t === 'oneof') {
      // A oneof's fields belong to the message around it; an extend block declares no field of it.
      pending = null
      continue
    }
    if (t === 'rpc' && next && scope?.kind === 'service') {
      put(`rpc:${scope.name}/${next.text}`, next)
      continue
    }
    if (scope?.kind === 'enum' && IDENT.test(t) && next?.text === '=') {
      put(`value:${scope.name}.${t}`, token)
      continue
    }
    if (scope?.kind === 'message') {
      // `[label] type name = number` or `map<k, v> name = number` or `[label] group Name = number {`.
      let j = i
      const groupAt = tokens.slice(i, i + 3).findIndex((x) => x.text === 'group')
      while (
        j < tokens.length &&
        (tokens[j] as Token).text !== '=' &&
        (tokens[j] as Token).text !== ';' &&
        (tokens[j] as Token).text !== '{'
      )
        j++
      const eq = tokens[j]
      const nameToken = tokens[j - 1]
      const number = tokens[j + 1]
      if (
        eq?.text === '=' &&
        nameToken &&
        IDENT.test(nameToken.text) &&
        number &&
        INTEGER.test(number.text)
      ) {
        const fieldNumber = Number.parseInt(
          number.text,
          number.text.startsWith('0x') || number.text.startsWith('0X')
            ? 16
            : number.text.startsWith('0') && number.text.length > 1
              ? 8
              : 10
        )
        put(`field:${scope.name}#${fieldNumber}`, nameToken)
        if (groupAt >= 0) {
          const groupName = qualify(nameToken.text)
          put(`type:${groupName}`, nameToken)
          pending = { name: groupName, kind: 'message' }
        }
        i = j + 1
      }
    }
  }
  return positions
}
