/**
 * Direction-aware comparison of two schemas. A request schema breaks clients when it
 * accepts less than before; a response schema breaks them when it may return more. The
 * same keyword change therefore has mirrored severities (see rules.ts).
 *
 * Results are memoised per pair of resolved schema objects and place, so a component
 * used by a thousand operations is compared once per direction; the walk below a pair is
 * memoised per root, and a recursive schema stops where it reaches a pair already seen.
 */
import { describeAlternatives, matchAlternatives } from './alternatives.js'
import { compareKeywords } from './keywords.js'
import { parseSunset } from './sunset.js'
import { NOT_COMPARED } from './uncompared.js'
import type { Located } from './refs.js'
import { SameCheck } from './same.js'
import { numericStem, type SchemaPlace } from './rules.js'
import { NUMERIC_KEYWORDS, type SchemaView, type SchemaViews } from './schema-view.js'
import type { Direction } from './types.js'

/** A change inside a schema; `path` is relative to the schema compared (`''`, `status`, `items[].status`). */
export interface SchemaChange {
  readonly rule: string
  readonly path: string
  /** Where: the after schema, or the before one for something removed. */
  readonly at: Located
  /** What changed, in a few words: `gained enum value "x"`. */
  readonly detail: string
}

const describe = (value: unknown): string => JSON.stringify(value) ?? String(value)

export function joinPath(parent: string, child: string): string {
  if (child === '') return parent
  if (parent === '' || child.startsWith('[')) return parent + child
  return `${parent}.${child}`
}

/** A pair of subschemas to compare next: a property, the items, a matched oneOf/anyOf alternative. */
interface Edge {
  readonly segment: string
  readonly before: SchemaView
  readonly after: SchemaView
  readonly place: SchemaPlace
}

/** What one pair of schemas says on its own, and the pairs below it. */
interface Local {
  readonly changes: readonly SchemaChange[]
  readonly edges: readonly Edge[]
}

export class SchemaDiffer {
  private readonly locals = new Map<string, Local>()
  private readonly closures = new Map<string, readonly SchemaChange[]>()
  private readonly ids = new WeakMap<object, number>()
  private nextId = 1

  private readonly same: SameCheck

  constructor(
    private readonly before: SchemaViews,
    private readonly after: SchemaViews
  ) {
    this.same = new SameCheck(before.refs, after.refs)
  }

  /**
   * Compares the schemas at `before` and `after`, placed as `place` (its direction
   * follows). The walk is breadth first over pairs of subschemas, each pair visited once:
   * a recursive schema ends where it comes back, and a change inside a definition reached
   * along several paths is reported once, at the shortest.
   */
  diff(before: Located, after: Located, place: SchemaPlace): readonly SchemaChange[] {
    if (this.same.same(before.value, after.value, before.file, after.file)) return []
    const root: Edge = {
      segment: '',
      before: this.before.view(before),
      after: this.after.view(after),
      place
    }
    const rootKey = this.keyOf(root.before, root.after, place)
    const cached = rootKey === null ? undefined : this.closures.get(rootKey)
    if (cached) return cached
    const out: SchemaChange[] = []
    const visited = new Set<string>()
    let queue: { edge: Edge; path: string }[] = [{ edge: root, path: '' }]
    while (queue.length > 0) {
      const next: { edge: Edge; path: string }[] = []
      for (const { edge, path } of queue) {
        const key = this.keyOf(edge.before, edge.after, edge.place)
        if (key !== null) {
          if (visited.has(key)) continue
          visited.add(key)
        }
        const local = this.local(edge, key)
        for (const change of local.changes)
          out.push(path === '' ? change : { ...change, path: joinPath(path, change.path) })
        for (const child of local.edges)
          next.push({ edge: child, path: joinPath(path, child.segment) })
      }
      queue = next
    }
    if (rootKey !== null) this.closures.set(rootKey, out)
    return out
  }

  private keyOf(b: SchemaView, a: SchemaView, place: SchemaPlace): string | null {
    if (b.identity === null || a.identity === null) return null
    return `${place}|${this.idOf(b.identity)}|${this.idOf(a.identity)}`
  }

  private idOf(object: object): number {
    let id = this.ids.get(object)
    if (id === undefined) {
      id = this.nextId++
      this.ids.set(object, id)
    }
    return id
  }

  private local(edge: Edge, key: string | null): Local {
    const cached = key === null ? undefined : this.locals.get(key)
    if (cached) return cached
    const changes: SchemaChange[] = []
    const edges: Edge[] = []
    this.compareViews(edge.before, edge.after, edge.place, changes, edges)
    const local = { changes, edges }
    if (key !== null) this.locals.set(key, local)
    return local
  }

  private compareViews(
    b: SchemaView,
    a: SchemaView,
    place: SchemaPlace,
    out: SchemaChange[],
    edges: Edge[]
  ): void {
    const direction: Direction = place.startsWith('request') ? 'request' : 'response'
    const emit = (suffix: string, detail: string, at: Located = a.at): void => {
      out.push({ rule: `${place}-${suffix}`, path: '', at, detail })
    }
    const typeChanged = this.compareTypes(b, a, direction, emit)
    // oasdiff reads a format as part of the type: any change of it is its *-type-changed.
    if (b.format !== a.format && !typeChanged) {
      const what =
        b.format === null
          ? `gained format ${describe(a.format)}`
          : a.format === null
            ? `lost format ${describe(b.format)}`
            : `format changed from ${describe(b.format)} to ${describe(a.format)}`
      emit('type-changed', what)
    }
    compareConstants(b, a, emit)
    if (
      a.deprecated &&
      a.sunset !== undefined &&
      parseSunset(a.sunset) === null &&
      (!b.deprecated || b.sunset !== a.sunset)
    ) {
      emit(
        'deprecated-sunset-invalid',
        `was deprecated with an x-sunset that is not an RFC 3339 date (${describe(a.sunset)})`
      )
    }
    if (b.nullable !== a.nullable)
      emit(
        a.nullable ? 'became-nullable' : 'became-not-nullable',
        a.nullable ? 'became nullable' : 'is no longer nullable'
      )
    compareEnums(b, a, emit)
    for (const keyword of NUMERIC_KEYWORDS) {
      const was = b.numbers[keyword]
      const now = a.numbers[keyword]
      if (was === now) continue
      const stem = numericStem(keyword)
      if (was === undefined) emit(`${stem}-set`, `gained ${keyword} ${now}`)
      else if (now === undefined) emit(`${stem}-unset`, `lost ${keyword} ${was}`)
      else {
        const action = now < was ? 'decreased' : 'increased'
        emit(`${stem}-${action}`, `${keyword} ${action} from ${was} to ${now}`)
      }
    }
    if (b.pattern !== a.pattern) {
      if (b.pattern === null) emit('pattern-added', `gained pattern ${describe(a.pattern)}`)
      else if (a.pattern === null) emit('pattern-removed', `lost pattern ${describe(b.pattern)}`)
      else
        emit(
          'pattern-changed',
          `pattern changed from ${describe(b.pattern)} to ${describe(a.pattern)}`
        )
    }
    // A parameter default is what the server assumes when the client leaves it out.
    if (
      place === 'request-parameter' &&
      (b.hasDefault || a.hasDefault) &&
      describe(b.defaultValue) !== describe(a.defaultValue)
    ) {
      const action = !b.hasDefault ? 'added' : !a.hasDefault ? 'removed' : 'changed'
      out.push({
        rule: `request-parameter-default-value-${action}`,
        path: '',
        at: a.at,
        detail: `default ${action} (${describe(b.defaultValue)} → ${describe(a.defaultValue)})`
      })
    }
    const same = (x: Located, y: Located): boolean =>
      this.same.same(x.value, y.value, x.file, y.file)
    for (const finding of compareKeywords(b.keywords, a.keywords, same, NOT_COMPARED)) {
      if (finding.fixed)
        out.push({ rule: finding.rule, path: '', at: a.at, detail: finding.detail })
      else emit(finding.rule, finding.detail)
    }
    const nested: SchemaPlace = direction === 'request' ? 'request-property' : 'response-property'
    this.compareProperties(b, a, direction, nested, out, edges)
    if (b.items && a.items)
      edges.push({
        segment: '[]',
        before: this.before.view(b.items),
        after: this.after.view(a.items),
        place: nested
      })
    this.compareAlternatives(b, a, 'oneOf', place, nested, out, edges)
    this.compareAlternatives(b, a, 'anyOf', place, nested, out, edges)
  }

  /**
   * Reports a change of the type list; true when that report is a `type-changed` (a format change
   * then goes with it).
   */
  private compareTypes(
    b: SchemaView,
    a: SchemaView,
    direction: Direction,
    emit: (suffix: string, detail: string) => void
  ): boolean {
    const was = b.types
    const now = a.types
    if (sameTypes(was, now)) return false
    const format =
      b.format === a.format
        ? ''
        : `, format from ${describe(b.format ?? 'none')} to ${describe(a.format ?? 'none')}`
    const detail = `type changed from ${typeText(was)} to ${typeText(now)}${format}`
    const widened = now === null || (was !== null && covers(now, was))
    const narrowed = was === null || (now !== null && covers(was, now))
    const lists = (was?.size ?? 0) > 1 || (now?.size ?? 0) > 1
    let suffix: string
    if (widened)
      suffix = lists
        ? 'list-of-types-widened'
        : direction === 'request'
          ? 'type-generalized'
          : 'type-changed'
    else if (narrowed)
      suffix = lists
        ? 'list-of-types-narrowed'
        : direction === 'request'
          ? 'type-changed'
          : 'type-specialized'
    else suffix = 'type-changed'
    emit(suffix, detail)
    return suffix === 'type-changed'
  }

  private compareProperties(
    b: SchemaView,
    a: SchemaView,
    direction: Direction,
    nested: SchemaPlace,
    out: SchemaChange[],
    edges: Edge[]
  ): void {
    if (b.properties.size === 0 && a.properties.size === 0) return
    const names = new Set([...b.properties.keys(), ...a.properties.keys()])
    for (const name of names) {
      const beforeAt = b.properties.get(name)
      const afterAt = a.properties.get(name)
      if (
        beforeAt &&
        afterAt &&
        b.required.has(name) === a.required.has(name) &&
        this.same.same(beforeAt.value, afterAt.value, beforeAt.file, afterAt.file)
      )
        continue
      const was = beforeAt ? this.before.view(beforeAt) : null
      const now = afterAt ? this.after.view(afterAt) : null
      // Clients never send readOnly properties, nor receive writeOnly ones.
      const hidden = (view: SchemaView | null): boolean =>
        view === null || (direction === 'request' ? view.readOnly : view.writeOnly)
      const wasRequired = b.required.has(name)
      const isRequired = a.required.has(name)
      const at = (view: SchemaView | null, located: Located | undefined): Located =>
        view?.at ?? located ?? a.at
      const push = (rule: string, detail: string, where: Located): void => {
        out.push({ rule, path: name, at: where, detail })
      }
      if (now === null || was === null) {
        if (was === null && now !== null && !hidden(now)) {
          if (direction === 'request') {
            if (isRequired)
              push(
                now.hasDefault
                  ? 'new-required-request-property-with-default'
                  : 'new-required-request-property',
                'was added as a required property',
                at(now, afterAt)
              )
            else
              push(
                'new-optional-request-property',
                'was added as an optional property',
                at(now, afterAt)
              )
          } else {
            push(
              isRequired ? 'response-required-property-added' : 'response-optional-property-added',
              `was added as ${isRequired ? 'a required' : 'an optional'} property`,
              at(now, afterAt)
            )
          }
        } else if (now === null && was !== null && !hidden(was)) {
          if (direction === 'request')
            push('request-property-removed', 'was removed', at(was, beforeAt))
          else
            push(
              wasRequired
                ? 'response-required-property-removed'
                : 'response-optional-property-removed',
              `was removed (it was ${wasRequired ? 'required' : 'optional'})`,
              at(was, beforeAt)
            )
        }
        continue
      }
      if (!hidden(now) && !hidden(was) && wasRequired !== isRequired) {
        if (direction === 'request') {
          if (isRequired)
            push(
              now.hasDefault
                ? 'request-property-became-required-with-default'
                : 'request-property-became-required',
              'became required',
              at(now, afterAt)
            )
          else push('request-property-became-optional', 'became optional', at(now, afterAt))
        } else {
          push(
            isRequired ? 'response-property-became-required' : 'response-property-became-optional',
            isRequired ? 'became required' : 'became optional',
            at(now, afterAt)
          )
        }
      }
      if (hidden(now) && hidden(was)) continue
      edges.push({ segment: name, before: was, after: now, place: nested })
    }
  }

  private compareAlternatives(
    b: SchemaView,
    a: SchemaView,
    keyword: 'oneOf' | 'anyOf',
    place: SchemaPlace,
    nested: SchemaPlace,
    out: SchemaChange[],
    edges: Edge[]
  ): void {
    if (b[keyword].length === 0 && a[keyword].length === 0) return
    const suffix = keyword === 'oneOf' ? 'one-of' : 'any-of'
    const was = describeAlternatives(this.before, b, b[keyword])
    const now = describeAlternatives(this.after, a, a[keyword])
    const { pairs, removed, added } = matchAlternatives(was, now)
    for (const alternative of removed)
      out.push({
        rule: `${place}-${suffix}-removed`,
        path: '',
        at: alternative.at,
        detail: `lost the ${keyword} alternative ${alternative.label}`
      })
    for (const alternative of added)
      out.push({
        rule: `${place}-${suffix}-added`,
        path: '',
        at: alternative.at,
        detail: `gained the ${keyword} alternative ${alternative.label}`
      })
    for (const [previous, next] of pairs) {
      edges.push({
        segment: `${keyword}[${next.label}]`,
        before: this.before.view(previous.at),
        after: this.after.view(next.at),
        place: nested
      })
    }
  }
}

function compareConstants(
  b: SchemaView,
  a: SchemaView,
  emit: (suffix: string, detail: string) => void
): void {
  if (b.constant === null && a.constant === null) return
  if (b.constant === null && a.constant !== null)
    emit('const-added', `gained const ${describe(a.constant.value)}`)
  else if (b.constant !== null && a.constant === null)
    emit('const-removed', `lost const ${describe(b.constant.value)}`)
  else if (
    b.constant !== null &&
    a.constant !== null &&
    describe(b.constant.value) !== describe(a.constant.value)
  ) {
    emit(
      'const-changed',
      `const changed from ${describe(b.constant.value)} to ${describe(a.constant.value)}`
    )
  }
}

function compareEnums(
  b: SchemaView,
  a: SchemaView,
  emit: (suffix: string, detail: string) => void
): void {
  if (b.enumValues !== null && a.enumValues !== null) {
    const [added, removed] = difference(b.enumValues, a.enumValues)
    for (const value of removed) emit('enum-value-removed', `lost enum value ${describe(value)}`)
    for (const value of added) emit('enum-value-added', `gained enum value ${describe(value)}`)
  } else if (b.enumValues === null && a.enumValues !== null && b.extensibleEnum === null) {
    emit('became-enum', `became an enum of ${a.enumValues.map(describe).join(', ')}`)
  }
  if (b.extensibleEnum !== null && a.extensibleEnum !== null) {
    const [added, removed] = difference(b.extensibleEnum, a.extensibleEnum)
    for (const value of removed)
      emit('x-extensible-enum-value-removed', `lost x-extensible-enum value ${describe(value)}`)
    for (const value of added)
      emit('x-extensible-enum-value-added', `gained x-extensible-enum value ${describe(value)}`)
  }
}

function difference(before: readonly unknown[], after: readonly unknown[]): [unknown[], unknown[]] {
  const was = new Set(before.map(describe))
  const now = new Set(after.map(describe))
  return [after.filter((v) => !was.has(describe(v))), before.filter((v) => !now.has(describe(v)))]
}

function sameTypes(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === null || b === null) return a === b
  if (a.size !== b.size) return false
  for (const t of a) if (!b.has(t)) return false
  return true
}

/** Every value of a type in `inner` is also valid for `outer` (a number covers an integer). */
function covers(outer: ReadonlySet<string>, inner: ReadonlySet<string>): boolean {
  for (const t of inner)
    if (!outer.has(t) && !(t === 'integer' && outer.has('number'))) return false
  return true
}

function typeText(types: ReadonlySet<string> | null): string {
  if (types === null) return 'any'
  if (types.size === 1) return [...types][0] ?? 'any'
  return `[${[...types].join(', ')}]`
}
