/**
 * JSON Schema keywords beyond the core ones (2019-09 / 2020-12, used by OpenAPI 3.1):
 * `contains`, `if`/`then`/`else`, `prefixItems`, `patternProperties`, `dependentRequired`,
 * `propertyNames`, `unevaluated*`, `content*`… Each is judged as oasdiff judges it, under
 * its ids: a keyword that constrains, added to a request or removed from a response, is
 * breaking. A subschema of one that changed in place is not compared further: that is
 * `schema-keyword-not-compared`, breaking, so it is never silence. Keywords no oasdiff rule
 * covers either (`additionalProperties`, `not`, `multipleOf`…) are `part-not-compared`.
 */
import type { Severity } from '../change.js'
import type { Located } from './refs.js'
import { isRecord } from '../../json-shape.js'

export const KEYWORD_NOT_COMPARED = 'schema-keyword-not-compared'

/** A constraint as a whole: `-added` and `-removed`. */
const PRESENCE: Readonly<Record<string, string>> = {
  contains: 'contains',
  contentSchema: 'content-schema',
  if: 'if',
  then: 'then',
  else: 'else',
  propertyNames: 'property-names',
  unevaluatedItems: 'unevaluated-items',
  unevaluatedProperties: 'unevaluated-properties'
}

/** A map of constraints, each entry `-added` or `-removed`. */
const KEYED: Readonly<Record<string, string>> = {
  patternProperties: 'pattern-property',
  dependentSchemas: 'dependent-schema',
  dependentRequired: 'dependent-required'
}

/** Any change of these is `-changed`. */
const CHANGED: Readonly<Record<string, string>> = {
  contentEncoding: 'content-encoding-changed',
  contentMediaType: 'content-media-type-changed'
}

/** Keywords no rule judges, here or in oasdiff: a change of one is reported as not compared. */
const UNJUDGED = [
  'additionalProperties',
  'not',
  'multipleOf',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'dependencies',
  'additionalItems'
] as const

export const WATCHED_KEYWORDS = [
  ...Object.keys(PRESENCE),
  ...Object.keys(KEYED),
  ...Object.keys(CHANGED),
  'prefixItems',
  ...UNJUDGED
] as const

const B: Severity = 'breaking'
const C: Severity = 'compatible'

/** [request severity, response severity] of each suffix, for the catalogue (rules.ts). */
export const KEYWORD_SUFFIXES: Readonly<Record<string, readonly [Severity, Severity]>> =
  Object.fromEntries([
    ...Object.values(PRESENCE).flatMap((stem) => [
      [`${stem}-added`, [B, C]],
      [`${stem}-removed`, [C, B]]
    ]),
    ...Object.values(KEYED).flatMap((stem) => [
      [`${stem}-added`, [B, C]],
      [`${stem}-removed`, [C, B]]
    ]),
    ['dependent-required-changed', [B, B]],
    ...Object.values(CHANGED).map((suffix) => [suffix, [B, B]]),
    // A fixed tuple position gone from a request, or a new one in a response (oasdiff's reading).
    ['prefix-items-removed', [B, C]],
    ['prefix-items-added', [C, B]]
  ])

const written = (located: Located | undefined): string =>
  located === undefined ? 'none' : show(located.value)

export interface KeywordFinding {
  /** A place suffix (`contains-added`), or a fixed rule (KEYWORD_NOT_COMPARED, part-not-compared) when `fixed`. */
  readonly rule: string
  readonly fixed: boolean
  readonly detail: string
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/**
 * The findings for the watched keywords of two schemas (each keyword's value as written,
 * merged through allOf); `same` tells two subschemas apart with their `$ref`s followed.
 */
export function compareKeywords(
  before: ReadonlyMap<string, Located>,
  after: ReadonlyMap<string, Located>,
  same: (b: Located, a: Located) => boolean,
  notCompared: string
): KeywordFinding[] {
  const out: KeywordFinding[] = []
  const changedInPlace = (keyword: string): void => {
    out.push({
      rule: KEYWORD_NOT_COMPARED,
      fixed: true,
      detail: `changed its ${keyword}, which the engine does not compare further: review and approve it by hand`
    })
  }
  for (const keyword of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(keyword)
    const a = after.get(keyword)
    if (b && a && same(b, a)) continue
    const stem = PRESENCE[keyword]
    if (stem !== undefined) {
      if (!b) out.push({ rule: `${stem}-added`, fixed: false, detail: `gained ${keyword}` })
      else if (!a) out.push({ rule: `${stem}-removed`, fixed: false, detail: `lost ${keyword}` })
      else changedInPlace(keyword)
      continue
    }
    const keyed = KEYED[keyword]
    if (keyed !== undefined) {
      const entries = (located: Located | undefined): Map<string, Located> =>
        new Map(
          isRecord(located?.value)
            ? Object.keys(located.value).map((key) => [
                key,
                { ...(located as Located), value: (located?.value as Record<string, unknown>)[key] }
              ])
            : []
        )
      const was = entries(b)
      const now = entries(a)
      for (const [key, entry] of was) {
        const next = now.get(key)
        if (next === undefined)
          out.push({
            rule: `${keyed}-removed`,
            fixed: false,
            detail: `lost ${keyword} ${show(key)}`
          })
        else if (!same(entry, next)) {
          if (keyword === 'dependentRequired')
            out.push({
              rule: 'dependent-required-changed',
              fixed: false,
              detail: `${keyword} ${show(key)} changed from ${show(entry.value)} to ${show(next.value)}`
            })
          else changedInPlace(`${keyword} ${show(key)}`)
        }
      }
      for (const key of now.keys())
        if (!was.has(key))
          out.push({
            rule: `${keyed}-added`,
            fixed: false,
            detail: `gained ${keyword} ${show(key)}`
          })
      continue
    }
    const changed = CHANGED[keyword]
    if (changed !== undefined) {
      out.push({
        rule: changed,
        fixed: false,
        detail: `${keyword} changed from ${written(b)} to ${written(a)}`
      })
      continue
    }
    if (keyword === 'prefixItems') {
      const count = (located: Located | undefined): number =>
        Array.isArray(located?.value) ? located.value.length : 0
      if (count(a) > count(b))
        out.push({
          rule: 'prefix-items-added',
          fixed: false,
          detail: `gained ${count(a) - count(b)} prefixItems`
        })
      else if (count(a) < count(b))
        out.push({
          rule: 'prefix-items-removed',
          fixed: false,
          detail: `lost ${count(b) - count(a)} prefixItems`
        })
      else changedInPlace(keyword)
      continue
    }
    out.push({
      rule: notCompared,
      fixed: true,
      detail:
        `changed its ${keyword} (${written(b)} to ${written(a)}), which the engine does not judge: ` +
        'review it by hand'
    })
  }
  return out
}
