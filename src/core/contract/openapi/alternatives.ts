/**
 * Which `oneOf` / `anyOf` alternative of the new schema is which of the old one. Matched
 * by content, never by position alone: reordering a 22-way oneOf changes nothing a client
 * sees, and must not read as 22 alternatives that each changed. In order: the same text,
 * the definition a `$ref` resolves to, the discriminator value (`discriminator.propertyName`
 * and its mapping, or a property every alternative pins to one distinct value, as GitHub's
 * `type: {enum: [creation]}`), the title, the same shape (types and property names), then
 * the most similar shape.
 * Only alternatives with no name at all (no `$ref`, discriminator value or title) fall
 * back to their position.
 */
import type { Located } from './refs.js'
import type { SchemaView, SchemaViews } from './schema-view.js'
import { isRecord } from '../../json-shape.js'

export interface Alternative {
  readonly at: Located
  readonly index: number
  /** The alternative as written, keys sorted: an unchanged alternative finds itself wherever it moved. */
  readonly written: string
  /** The definition a `$ref` resolves to (`file#pointer`, the file blank when it is the document's own). */
  readonly target: string | null
  /** `propertyName=value` of the discriminator, when the alternatives have one. */
  readonly tag: string | null
  readonly title: string | null
  /** The JSON types and property names, sorted: two alternatives of one shape are the same kind of value. */
  readonly shape: string
  readonly types: string
  readonly names: ReadonlySet<string>
  /** How findings name it: the definition, the discriminator value, the title, or `#index`. */
  readonly label: string
}

export interface AlternativeMatch {
  readonly pairs: readonly (readonly [Alternative, Alternative])[]
  readonly removed: readonly Alternative[]
  readonly added: readonly Alternative[]
}

/** Similar enough to be one alternative that changed: half the property names in common (Jaccard). */
const SIMILARITY = 0.5

export function describeAlternatives(
  side: SchemaViews,
  holder: SchemaView,
  list: readonly Located[]
): Alternative[] {
  const views = list.map((located) => side.view(located))
  const tags = discriminatorTags(side, holder, list, views)
  const labels = new Set<string>()
  return list.map((at, index) => {
    const view = views[index] as SchemaView
    const raw = at.value
    let target: string | null = null
    let name: string | null = null
    if (isRecord(raw) && typeof raw.$ref === 'string') {
      name = raw.$ref.slice(raw.$ref.lastIndexOf('/') + 1)
      try {
        const resolved = side.refs.follow(at)
        target = `${resolved.file === side.refs.file ? '' : resolved.file}#${resolved.pointer}`
      } catch {
        target = raw.$ref
      }
    }
    const resolved = view.at.value
    const title = isRecord(resolved) && typeof resolved.title === 'string' ? resolved.title : null
    const tag = tags[index] ?? null
    const types = view.types === null ? 'any' : [...view.types].sort().join(',')
    const names = new Set(view.properties.keys())
    let label = name ?? tag ?? title ?? `#${index}`
    if (labels.has(label)) label = `${label}#${index}`
    labels.add(label)
    return {
      at,
      index,
      written: canonical(raw),
      target,
      tag,
      title,
      shape: `${types}|${[...names].sort().join(',')}`,
      types,
      names,
      label
    }
  })
}

/**
 * The discriminator value of each alternative: from `discriminator.propertyName` (and its
 * `mapping`, value to `$ref`), or else from a property that every alternative pins to a
 * single value, all of them distinct.
 */
function discriminatorTags(
  side: SchemaViews,
  holder: SchemaView,
  list: readonly Located[],
  views: readonly SchemaView[]
): (string | null)[] {
  const raw = holder.at.value
  const discriminator = isRecord(raw) && isRecord(raw.discriminator) ? raw.discriminator : null
  const declared =
    discriminator !== null && typeof discriminator.propertyName === 'string'
      ? discriminator.propertyName
      : null
  const pinned = (view: SchemaView, property: string): string | null => {
    const at = view.properties.get(property)
    if (at === undefined) return null
    const schema = side.view(at)
    if (schema.constant !== null) return JSON.stringify(schema.constant.value)
    return schema.enumValues?.length === 1 ? JSON.stringify(schema.enumValues[0]) : null
  }
  let property = declared
  if (property === null && views.length > 1) {
    const common = [...(views[0]?.properties.keys() ?? [])]
      .filter((name) => views.every((view) => view.properties.has(name)))
      .sort()
    property =
      common.find((name) => {
        const values = views.map((view) => pinned(view, name))
        return values.every((value) => value !== null) && new Set(values).size === values.length
      }) ?? null
  }
  if (property === null) return list.map(() => null)
  const byRef = new Map<string, string>()
  if (discriminator !== null && isRecord(discriminator.mapping)) {
    for (const [value, ref] of Object.entries(discriminator.mapping))
      if (typeof ref === 'string') byRef.set(ref, JSON.stringify(value))
  }
  return list.map((located, index) => {
    const ref =
      isRecord(located.value) && typeof located.value.$ref === 'string'
        ? byRef.get(located.value.$ref)
        : undefined
    const value = ref ?? pinned(views[index] as SchemaView, property)
    return value === null ? null : `${property}=${value}`
  })
}

export function matchAlternatives(
  before: readonly Alternative[],
  after: readonly Alternative[]
): AlternativeMatch {
  const pairs: [Alternative, Alternative][] = []
  const left = new Set(before)
  const right = new Set(after)
  const pair = (b: Alternative, a: Alternative): void => {
    pairs.push([b, a])
    left.delete(b)
    right.delete(a)
  }
  // Same key, in order: the first alternative of a key on one side with the first on the other.
  const byKey = (key: (alternative: Alternative) => string | null): void => {
    const waiting = new Map<string, Alternative[]>()
    for (const a of right) {
      const k = key(a)
      if (k !== null) waiting.set(k, [...(waiting.get(k) ?? []), a])
    }
    for (const b of [...left]) {
      const k = key(b)
      const a = k === null ? undefined : waiting.get(k)?.shift()
      if (a !== undefined) pair(b, a)
    }
  }
  byKey((x) => x.written)
  byKey((x) => x.target)
  byKey((x) => x.tag)
  byKey((x) => x.title)
  // A discriminator value that is gone is a variant clients can no longer get or send, whatever its shape.
  const untagged = (x: Alternative) => x.tag === null
  byKey((x) => (untagged(x) ? x.shape : null))
  // The most similar remaining pair first, while similar enough.
  for (;;) {
    let best: [Alternative, Alternative, number] | null = null
    for (const b of left) {
      if (!untagged(b) || b.names.size === 0) continue
      for (const a of right) {
        if (!untagged(a) || a.types !== b.types) continue
        const score = jaccard(b.names, a.names)
        if (score >= SIMILARITY && (best === null || score > best[2])) best = [b, a, score]
      }
    }
    if (best === null) break
    pair(best[0], best[1])
  }
  // Alternatives without any name: by position among themselves.
  const anonymous = (x: Alternative) => x.target === null && x.tag === null && x.title === null
  const restBefore = [...left].filter(anonymous)
  const restAfter = [...right].filter(anonymous)
  for (let i = 0; i < Math.min(restBefore.length, restAfter.length); i++)
    pair(restBefore[i] as Alternative, restAfter[i] as Alternative)
  const order = (x: Alternative, y: Alternative) => x.index - y.index
  return {
    pairs: pairs.sort(([, x], [, y]) => order(x, y)),
    removed: [...left].sort(order),
    added: [...right].sort(order)
  }
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isRecord(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]])
          )
        : v
    ) ?? 'undefined'
  )
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0
  for (const name of a) if (b.has(name)) common++
  return common / (a.size + b.size - common)
}
