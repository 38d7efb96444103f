/**
 * The one reading of a YAML or JSON contract document, shared by kind detection and
 * classification so that both see the same value. Pure: the caller reads the file.
 *
 * - A UTF-8 byte-order mark is dropped first (editors on Windows write one).
 * - Text that is JSON is read with JSON.parse (milliseconds for megabytes), unless an
 *   object repeats a key: JSON.parse keeps the last, the YAML reading refuses it, at its line.
 * - Anything else is read as YAML 1.2 (core schema) with YAML 1.1 merge keys resolved:
 *   `<<: *base` and `<<: [*a, *b]` insert the keys the mapping does not write itself,
 *   earlier mappings of a list before later ones. A `<<` that merges something other than
 *   mappings, or a mapping with two `<<` keys, is refused at its line. A quoted `"<<"` is a
 *   plain key, as YAML and JSON define it.
 *
 * js-yaml builds the plain value directly: a 50 MB document costs about 2.5 s and the size
 * of its value, where a reader that keeps a node tree with positions (the `yaml` package)
 * holds over 1.5 GB of tokens and nodes for it.
 */
import yaml from 'js-yaml'
import { SealError, quote } from '../errors.js'
import { isRecord } from '../json-shape.js'

export interface ContractDocument {
  /** The document's value: objects, arrays, strings, numbers, booleans and null. */
  readonly value: unknown
  /**
   * A scalar at `keys` (top level or one level down, such as `["info", "version"]`) as the
   * document writes it: `openapi: 3.0` is the YAML number 3, and only its text still says
   * which minor version was meant. Undefined when the key is absent, null when its value
   * is not a scalar.
   */
  readonly written: (
    keys: readonly [string] | readonly [string, string]
  ) => string | null | undefined
}

const MERGE_TAG = 'tag:yaml.org,2002:merge'
// js-yaml's `types` are not in its type declarations. Made on first use: the bundled
// steps load js-yaml only when a contract is read (scripts/package.mjs).
let schema: yaml.Schema | undefined
const contractSchema = (): yaml.Schema =>
  (schema ??= yaml.CORE_SCHEMA.extend({
    implicit: [(yaml as unknown as { types: { merge: yaml.Type } }).types.merge]
  }))
/** Deeper than any real document; the reader refuses it, at its line, before the stack runs out. */
const MAX_DEPTH = 1000
/** Keys copied by merges in one document: a million keeps a merge bomb to about 100 MB. */
const MAX_MERGED_KEYS = 1_000_000

/** Reads one YAML or JSON document; a SealError naming `file:line:col` when it cannot. */
export function readContractDocument(file: string, text: string): ContractDocument {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const json = readJson(source)
  if (json !== undefined) {
    // A number's text is gone once parsed: the YAML reading of the same text keeps it.
    return {
      value: json,
      written: (keys) => writtenScalar(json, keys, () => readYaml(file, source).sourceOf)
    }
  }
  const { value, sourceOf } = readYaml(file, source)
  return { value, written: (keys) => writtenScalar(value, keys, () => sourceOf) }
}

/**
 * A string as it is, a collection null, another scalar as its source text says (its value as text
 * when the source is out of reach).
 */
function writtenScalar(
  value: unknown,
  keys: readonly string[],
  sources: () => SourceOf
): string | null | undefined {
  let node = value
  for (const key of keys) {
    if (!isRecord(node) || !Object.hasOwn(node as object, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  if (typeof node === 'string') return node
  if (typeof node === 'object' && node !== null) return null
  const written = sources()(keys) ?? String(node)
  // An empty value (`openapi:` and nothing) is no scalar one could name.
  return written === '' ? null : written
}

function readJson(text: string): unknown {
  const first = /\S/.exec(text)?.[0]
  if (first !== '{' && first !== '[') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  return hasDuplicateKey(text) ? undefined : value
}

type SourceOf = (keys: readonly string[]) => string | undefined

/** Frames this deep or less keep their children, so `written` finds the first levels' scalars. */
const KEPT_DEPTH = 4

interface Frame {
  readonly start: number
  /** Direct children, kept near the root only (KEPT_DEPTH). */
  readonly children: Child[] | null
  /** The offset of its second merge key, refused once the node turns out to be a mapping. */
  secondMerge: number | null
  merges: number
  /** The child that closes next is the value of a merge key (if this node is a mapping). */
  mergeValueNext: boolean
  /** The values of its merge keys that are neither a mapping nor a list of mappings: offsets. */
  badMerge: number | null
}

interface Child {
  readonly result: unknown
  readonly kind: string | null
  /** The source text of a scalar that is not a string; empty otherwise. */
  readonly text: string
  readonly children: readonly Child[] | null
}

/** A merge js-yaml would accept but YAML 1.1 does not define; `offset` is where it is. */
class MergeRefused extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string
  ) {
    super(reason)
  }
}

function readYaml(file: string, text: string): { value: unknown; sourceOf: SourceOf } {
  // The listener sees every node open and close: a few comparisons per node, so reading
  // stays about as fast as without it.
  const stack: Frame[] = []
  let root: Child | null = null
  const listener = (event: 'open' | 'close', state: yaml.State): void => {
    const { tag, kind, result } = state as yaml.State & {
      tag: string | null
      kind: string | null
      result: unknown
    }
    if (event === 'open') {
      stack.push({
        start: state.position,
        children: stack.length < KEPT_DEPTH ? [] : null,
        secondMerge: null,
        merges: 0,
        mergeValueNext: false,
        badMerge: null
      })
      return
    }
    const frame = stack.pop() as Frame
    // Only a mapping has merge keys: in a list, a plain << is the string "<<".
    if (kind === 'mapping') {
      if (frame.badMerge !== null)
        throw new MergeRefused(
          frame.badMerge,
          'a merge key "<<" takes a mapping or a list of mappings (<<: *base, or <<: [*a, *b]), and this is neither'
        )
      if (frame.secondMerge !== null)
        throw new MergeRefused(
          frame.secondMerge,
          'a mapping has a second merge key "<<" (YAML allows each key once). Merge several mappings with one ' +
            'key: <<: [*a, *b]'
        )
    }
    const parent = stack.at(-1)
    if (parent !== undefined) {
      if (parent.mergeValueNext) {
        parent.mergeValueNext = false
        if (
          parent.badMerge === null &&
          !(isRecord(result) || (Array.isArray(result) && result.every(isRecord)))
        )
          parent.badMerge = frame.start
      } else if (tag === MERGE_TAG) {
        parent.mergeValueNext = true
        if (++parent.merges === 2) parent.secondMerge = frame.start
      }
    }
    if (frame.children === null) return
    const only = frame.children.length === 1 ? (frame.children[0] as Child) : null
    // A node's properties (an anchor, a tag) and a flow collection at the top arrive as a
    // frame around the node itself: one child with the same value.
    const node: Child =
      only !== null && Object.is(only.result, result)
        ? only
        : {
            result,
            kind,
            text:
              kind === 'scalar' && typeof result !== 'string'
                ? text.slice(frame.start, state.position)
                : '',
            children: frame.children
          }
    if (parent === undefined) root = node
    else parent.children?.push(node)
  }
  let value: unknown
  try {
    value = yaml.load(text, {
      schema: contractSchema(),
      filename: file,
      listener: listener as never,
      maxDepth: MAX_DEPTH,
      maxTotalMergeKeys: MAX_MERGED_KEYS
    } as yaml.LoadOptions)
  } catch (error) {
    throw yamlError(file, text, error)
  }
  const top = root as Child | null
  return { value, sourceOf: (keys) => sourceIn(top, keys) }
}

/** The source text of the scalar at `keys`, found by the key's node followed by the node of its value. */
function sourceIn(root: Child | null, keys: readonly string[]): string | undefined {
  let node = root
  for (const key of keys) {
    const children = node?.children
    if (node === null || children === null || children === undefined || !isRecord(node.result))
      return undefined
    const want = (node.result as Record<string, unknown>)[key]
    let next: Child | null = null
    for (let i = 0; i + 1 < children.length; i++) {
      const candidate = children[i + 1] as Child
      if ((children[i] as Child).result === key && Object.is(candidate.result, want))
        next = candidate
    }
    node = next
  }
  if (node === null) return undefined
  if (node.kind === null) return '' // an empty value
  if (node.kind !== 'scalar' || node.text === '') return undefined
  // The plain scalar as written, without an anchor or a tag before it.
  return node.text.trim().replace(/^(?:[&!]\S*\s+)*/, '')
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): string {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  // The listener's offset may sit on the blank before the node.
  let at = offset
  while (text[at] === ' ' && at < text.length) at++
  return `${line}:${at - start + 1}`
}

function yamlError(file: string, text: string, error: unknown): SealError {
  if (error instanceof MergeRefused) {
    return new SealError(
      'malformed',
      `${file}:${lineColumn(text, error.offset)}: the document cannot be read as YAML or JSON: ${error.reason}.`
    )
  }
  if (error instanceof yaml.YAMLException) {
    const mark = error.mark as { line?: number; column?: number } | undefined
    const at =
      mark && typeof mark.line === 'number' ? `:${mark.line + 1}:${(mark.column ?? 0) + 1}` : ''
    const reason = (error.reason || error.message.split('\n')[0] || 'unreadable').replace(/\.$/, '')
    const merge = /cannot merge mappings/.test(reason)
      ? ' (a merge key "<<" takes a mapping or a list of mappings)'
      : ''
    return new SealError(
      'malformed',
      `${file}${at}: the document cannot be read as YAML or JSON: ${reason}${merge}. Fix the syntax at that place.`
    )
  }
  if (error instanceof RangeError) {
    return new SealError(
      'malformed',
      `${quote(file)} cannot be read: it is nested too deeply to read (${error.message}). Flatten it, or move ` +
        'nested schemas into named definitions.'
    )
  }
  throw error
}

/** Whether an object in a valid JSON text has a key twice; one pass, without building the value again. */
function hasDuplicateKey(text: string): boolean {
  // One entry per open object (its keys so far) or array (null).
  const open: (Set<string> | null)[] = []
  let expectingKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      let end = i + 1
      let escaped = false
      for (;;) {
        const d = text.charCodeAt(end)
        if (d === 0x5c) {
          escaped = true
          end += 2
        } else if (d === 0x22) {
          break
        } else {
          end += 1
        }
      }
      const keys = open.at(-1)
      if (expectingKey && keys) {
        const key = escaped
          ? (JSON.parse(text.slice(i, end + 1)) as string)
          : text.slice(i + 1, end)
        if (keys.has(key)) return true
        keys.add(key)
        expectingKey = false
      }
      i = end
    } else if (c === 0x7b) {
      open.push(new Set())
      expectingKey = true
    } else if (c === 0x5b) {
      open.push(null)
    } else if (c === 0x7d || c === 0x5d) {
      open.pop()
    } else if (c === 0x2c) {
      expectingKey = (open.at(-1) ?? null) !== null
    }
  }
  return false
}
