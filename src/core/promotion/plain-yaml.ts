/**
 * The plain YAML a promotion policy is nearly always written in, read without a YAML
 * library: block mappings and sequences, flow collections on one line, plain and quoted
 * scalars on one line, comments. Anything else (anchors, aliases, tags, block or
 * multi-line scalars, numbers, non-ASCII text, an indentation it does not expect, a
 * mistake) is not read here: the caller then reads the file with the `yaml` package,
 * which reports every mistake at its line and column. So this reader never has to say
 * what is wrong, only to give, for what it accepts, exactly the value `yaml` gives
 * (`parseDocument(text, { uniqueKeys: true }).toJS()`); a property test holds the two
 * side by side. Loading `yaml` costs a promote a third of its start.
 */

/** What the reader gives for a text outside what it reads. */
export const NOT_PLAIN = Symbol('not plain YAML')

class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain()
}

/** Deeper than any policy: a collection nested further is left to the library, which reports it as such. */
const MAX_DEPTH = 32

interface Line {
  readonly indent: number
  /** The text after the indentation, comments still in. */
  readonly text: string
}

// Printable ASCII and line feeds only: no tabs, no control characters, nothing whose
// reading differs between YAML versions or needs a decoder.
const PLAIN_TEXT = /^[\x20-\x7e\n]*$/
// A plain scalar this reader takes: it starts with a letter, a digit, "_", "/", "." or "~",
// never with a YAML indicator or a sign, and holds no "#" (a comment in some contexts).
// The flow form also stops at the flow indicators and before ": ".
const BLOCK_SCALAR = /^[A-Za-z0-9_./~][^#]*?(?=\s+#|\s*$)/
const FLOW_SCALAR = /^[A-Za-z0-9_./~][^#,[\]{}]*?(?=\s*[,\]}]|\s+#|\s*$|:\s)/
const PLAIN_KEY = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/
// What the YAML 1.2 core schema reads as something other than a string; the number
// pattern takes more than the schema's numbers (any digits, dots and "_"), which only
// sends a few more texts to the library.
const NULL = /^(?:null|Null|NULL|~)$/
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/
const NUMBER_LIKE =
  /^(?:[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/

/** The value of a plain scalar as the YAML 1.2 core schema resolves it. */
function plainValue(text: string): string | boolean | null {
  if (NULL.test(text)) return null
  if (BOOLEAN.test(text)) return text.toLowerCase() === 'true'
  if (NUMBER_LIKE.test(text)) notPlain()
  // `a: b` or `a #b` inside a scalar is a mapping or a comment to YAML; a trailing ':' a key.
  if (/:(\s|$)|\s#/.test(text)) notPlain()
  return text
}

/** A scalar in quotes, on one line: its value and how far it reaches. */
function quoted(text: string, at: number): { value: string; end: number } {
  const quote = text[at]
  let value = ''
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i] as string
    if (quote === "'") {
      if (c !== "'") value += c
      else if (text[i + 1] === "'") value += text[++i]
      else return { value, end: i + 1 }
    } else if (c === '"') {
      return { value, end: i + 1 }
    } else if (c === '\\') {
      const escaped = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' }[text[++i] ?? ''] as
        string | undefined
      value += escaped ?? notPlain()
    } else {
      value += c
    }
  }
  return notPlain()
}

/** Only spaces, then nothing or a comment, from `at` on. */
function restIsEmpty(text: string, at: number): boolean {
  return /^(?:\s+#.*|\s*)$/.test(text.slice(at))
}

const isKey = (key: unknown): key is string =>
  typeof key === 'string' && key !== '__proto__' && !/^(?:0|[1-9][0-9]*)$/.test(key)

function setOnce(map: Record<string, unknown>, key: unknown, value: unknown): void {
  // A number-like key would be reordered by the object, `__proto__` would set its
  // prototype, and a repeated key is an error to YAML.
  if (!isKey(key) || Object.prototype.hasOwnProperty.call(map, key)) notPlain()
  map[key as string] = value
}

/** A flow collection or scalar inside `[ ]` or `{ }`, from `at`: its value and where it ends. */
function flowValue(text: string, at: number, depth: number): { value: unknown; end: number } {
  const c = text[at]
  if (c === '[' || c === '{') return flowCollection(text, at, depth + 1)
  if (c === '"' || c === "'") return quoted(text, at)
  const match = FLOW_SCALAR.exec(text.slice(at)) ?? notPlain()
  return { value: plainValue(match[0].trimEnd()), end: at + match[0].length }
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++
  return at
}

function flowCollection(text: string, at: number, depth: number): { value: unknown; end: number } {
  if (depth > MAX_DEPTH) notPlain()
  const isMap = text[at] === '{'
  const close = isMap ? '}' : ']'
  const value: unknown = isMap ? {} : []
  let i = skipSpaces(text, at + 1)
  if (text[i] === close) return { value, end: i + 1 }
  for (;;) {
    if (isMap) {
      const key = flowValue(text, i, depth)
      // `{ a: b }`: the key, a colon, a space; `{ a }` and `{ a:b }` are left to the library.
      if (text[key.end] !== ':' || text[key.end + 1] !== ' ') notPlain()
      const item = flowValue(text, skipSpaces(text, key.end + 1), depth)
      if (typeof key.value !== 'string') notPlain()
      setOnce(value as Record<string, unknown>, key.value, item.value)
      i = skipSpaces(text, item.end)
    } else {
      const item = flowValue(text, i, depth)
      ;(value as unknown[]).push(item.value)
      i = skipSpaces(text, item.end)
    }
    if (text[i] === close) return { value, end: i + 1 }
    if (text[i] !== ',') notPlain()
    i = skipSpaces(text, i + 1)
    // A trailing comma, or a collection that goes on past the line.
    if (text[i] === close || i >= text.length) notPlain()
  }
}

/** A value written on the line of its key or dash: a flow collection or a scalar. */
function inlineValue(text: string, depth: number): unknown {
  const c = text[0]
  if (c === '[' || c === '{' || c === '"' || c === "'") {
    const { value, end } =
      c === '[' || c === '{' ? flowCollection(text, 0, depth + 1) : quoted(text, 0)
    if (!restIsEmpty(text, end)) notPlain()
    return value
  }
  const match = BLOCK_SCALAR.exec(text) ?? notPlain()
  if (!restIsEmpty(text, match[0].length)) notPlain()
  return plainValue(match[0].trimEnd())
}

/** The key of a block mapping entry and the text after its colon, or null when the line is not one. */
function blockKey(text: string): { key: string; rest: string } | null {
  if (text[0] === '"' || text[0] === "'") {
    const { value, end } = quoted(text, 0)
    if (text[end] !== ':' || (end + 1 < text.length && text[end + 1] !== ' ')) notPlain()
    return { key: value, rest: text.slice(end + 1) }
  }
  const colon = /:(?: |$)/.exec(text)
  if (colon === null) return null
  const key = plainValue(
    PLAIN_KEY.test(text.slice(0, colon.index)) ? text.slice(0, colon.index).trimEnd() : notPlain()
  )
  if (typeof key !== 'string') notPlain()
  return { key: key as string, rest: text.slice(colon.index + 1) }
}

class Reader {
  private next = 0
  constructor(private readonly lines: readonly Line[]) {}

  peek(): Line | undefined {
    return this.lines[this.next]
  }

  private depth = 0

  /** The block whose first line is the next one, at its indentation. */
  block(indent: number): unknown {
    const first = this.peek()
    if (first === undefined || first.indent !== indent || this.depth >= MAX_DEPTH) return notPlain()
    this.depth++
    try {
      return first.text === '-' || first.text.startsWith('- ')
        ? this.sequence(indent)
        : this.mapping(indent)
    } finally {
      this.depth--
    }
  }

  /**
   * What follows a key or dash with nothing after it: a deeper block, a sequence at the key's own
   * indentation, or null.
   */
  nested(indent: number, sequenceMayAlign: boolean): unknown {
    const line = this.peek()
    if (line !== undefined && line.indent > indent) return this.block(line.indent)
    if (
      sequenceMayAlign &&
      line !== undefined &&
      line.indent === indent &&
      (line.text === '-' || line.text.startsWith('- '))
    )
      return this.sequence(indent)
    return null
  }

  mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {}
    for (let line = this.peek(); line !== undefined && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) notPlain()
      const entry = blockKey(line.text) ?? notPlain()
      this.next++
      const hasInline = !restIsEmpty(entry.rest, 0)
      const value = hasInline
        ? inlineValue(entry.rest.trimStart(), this.depth)
        : this.nested(indent, true)
      // A deeper line after a value on the key's own line continues that value: a multi-line scalar.
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain()
      setOnce(map, entry.key, value)
    }
    return map
  }

  sequence(indent: number): unknown[] {
    const items: unknown[] = []
    for (let line = this.peek(); line !== undefined && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !(line.text === '-' || line.text.startsWith('- '))) notPlain()
      this.next++
      const rest = line.text.slice(1)
      const hasInline = !restIsEmpty(rest, 0)
      // `- key: value` opens a mapping on the dash's line: left to the library.
      if (hasInline && blockKey(rest.trimStart()) !== null && !/^\s*[[{]/.test(rest)) notPlain()
      items.push(hasInline ? inlineValue(rest.trimStart(), this.depth) : this.nested(indent, false))
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain()
    }
    return items
  }
}

/**
 * The value of a policy file in plain YAML, a mapping at its top, as `yaml` reads it; or
 * NOT_PLAIN for any other text, which the caller reads with `yaml`.
 */
export function readPlainYaml(text: string): Record<string, unknown> | typeof NOT_PLAIN {
  const normalized = text.replace(/\r\n/g, '\n')
  if (!PLAIN_TEXT.test(normalized)) return NOT_PLAIN
  const lines: Line[] = []
  for (const raw of normalized.split('\n')) {
    const text = raw.trimStart()
    // Blank and comment lines say nothing, wherever they are indented.
    if (text === '' || text.startsWith('#')) continue
    // Directives and document markers: left to the library.
    if (raw.startsWith('%') || raw.startsWith('---') || raw.startsWith('...')) return NOT_PLAIN
    lines.push({ indent: raw.length - text.length, text: text.trimEnd() })
  }
  try {
    const reader = new Reader(lines)
    if (reader.peek()?.indent !== 0) return NOT_PLAIN
    const value = reader.block(0)
    if (
      reader.peek() !== undefined ||
      value === null ||
      typeof value !== 'object' ||
      Array.isArray(value)
    )
      return NOT_PLAIN
    return value as Record<string, unknown>
  } catch (error) {
    if (error instanceof NotPlain) return NOT_PLAIN
    throw error
  }
}
