/**
 * The rule catalogue: every rule id this engine emits and its one severity. Ids are
 * oasdiff's (checker/rules.go) wherever one of its rules says the same thing, so users
 * can look them up there; the few of our own follow its naming. A rule's severity never
 * depends on the document, which keeps an id meaningful in a waiver or an approval.
 */
import type { Severity } from '../change.js'
import { KEYWORD_NOT_COMPARED, KEYWORD_SUFFIXES } from './keywords.js'
import type { NumericKeyword } from './schema-view.js'

const B: Severity = 'breaking'
const D: Severity = 'dangerous'
const C: Severity = 'compatible'

/**
 * Schema rules exist once per place (`request-body-…`, `request-property-…`, …): [request severity,
 * response severity].
 */
const SCHEMA_SUFFIXES: Readonly<Record<string, readonly [Severity, Severity]>> = {
  'type-changed': [B, B],
  'type-generalized': [C, B],
  'type-specialized': [B, C],
  'list-of-types-widened': [C, B],
  'list-of-types-narrowed': [B, C],
  'became-nullable': [C, B],
  'became-not-nullable': [B, C],
  'enum-value-added': [C, D],
  'enum-value-removed': [B, C],
  'became-enum': [B, C],
  'x-extensible-enum-value-added': [C, C],
  'x-extensible-enum-value-removed': [B, C],
  'const-added': [B, C],
  'const-removed': [C, B],
  'const-changed': [B, B],
  'deprecated-sunset-invalid': [B, B],
  'pattern-added': [B, C],
  'pattern-changed': [B, C],
  'pattern-removed': [C, C],
  'one-of-added': [C, B],
  'one-of-removed': [B, C],
  'any-of-added': [C, B],
  'any-of-removed': [B, C]
}

const NUMERIC_STEMS: Readonly<Record<NumericKeyword, string>> = {
  maxLength: 'max-length',
  minLength: 'min-length',
  maximum: 'max',
  minimum: 'min',
  exclusiveMaximum: 'exclusive-max',
  exclusiveMinimum: 'exclusive-min',
  maxItems: 'max-items',
  minItems: 'min-items',
  maxContains: 'max-contains',
  minContains: 'min-contains'
}

export function numericStem(keyword: NumericKeyword): string {
  return NUMERIC_STEMS[keyword]
}

const FIXED: Readonly<Record<string, Severity>> = {
  // Operations.
  'endpoint-added': C,
  'endpoint-deprecated': C,
  'endpoint-deprecated-with-sunset': C,
  'endpoint-reactivated': C,
  'api-path-removed-without-deprecation': B,
  'api-removed-without-deprecation': B,
  'api-path-removed-before-sunset': B,
  'api-removed-before-sunset': B,
  'api-path-removed-with-deprecation': C,
  'api-removed-with-deprecation': C,
  'sunset-deleted': B,
  'api-deprecated-sunset-parse': B,
  'api-sunset-date-changed-too-small': B,
  'api-stability-decreased': B,
  'api-invalid-stability-level': B,
  // Parameters.
  'new-required-request-parameter': B,
  'new-request-path-parameter': B,
  'new-optional-request-parameter': C,
  'request-parameter-removed': D,
  'request-parameter-became-required': B,
  'request-parameter-became-optional': C,
  'request-parameter-default-value-added': B,
  'request-parameter-default-value-changed': B,
  'request-parameter-default-value-removed': B,
  'request-parameter-removed-before-sunset': B,
  'request-parameter-sunset-parse': B,
  'request-parameter-sunset-deleted': B,
  'request-parameter-sunset-date-changed-too-small': B,
  // Request bodies.
  'request-body-added-required': B,
  'request-body-added-optional': C,
  'request-body-removed': B,
  'request-body-became-required': B,
  'request-body-became-optional': C,
  'request-body-media-type-added': C,
  'request-body-media-type-removed': B,
  // Properties.
  'new-required-request-property': B,
  'new-required-request-property-with-default': C,
  'new-optional-request-property': C,
  'request-property-removed': D,
  'request-property-became-required': B,
  'request-property-became-required-with-default': C,
  'request-property-became-optional': C,
  'response-required-property-added': C,
  'response-optional-property-added': C,
  'response-required-property-removed': B,
  'response-optional-property-removed': D,
  'response-property-became-optional': B,
  'response-property-became-required': C,
  // Responses.
  'response-success-status-removed': B,
  'response-success-status-added': C,
  'response-non-success-status-removed': C,
  'response-non-success-status-added': C,
  'response-media-type-removed': B,
  'response-media-type-added': C,
  'required-response-header-removed': B,
  'optional-response-header-removed': D,
  'response-header-became-optional': B,
  'response-header-added': C,
  // Webhooks (3.1) and callbacks: requests the API sends; their payloads are judged as responses.
  'webhook-added': C,
  'webhook-removed': B,
  'callback-added': C,
  'callback-removed': B,
  'callback-reply-added': C,
  'callback-reply-removed': D,
  // A part the engine does not judge changed (servers, security, serialization, links…).
  'part-not-compared': D,
  // A subschema of a JSON Schema keyword (if, contains…) changed in place: not compared further.
  [KEYWORD_NOT_COMPARED]: B
}

/** Where a schema sits: a whole body, a parameter, or a property nested in either. */
export const SCHEMA_PLACES = [
  'request-body',
  'request-parameter',
  'request-property',
  'response-body',
  'response-property',
  'response-header'
] as const
export type SchemaPlace = (typeof SCHEMA_PLACES)[number]

function buildCatalogue(): ReadonlyMap<string, Severity> {
  const rules = new Map<string, Severity>(Object.entries(FIXED))
  const suffixes: [string, readonly [Severity, Severity]][] = [
    ...Object.entries(SCHEMA_SUFFIXES),
    ...Object.entries(KEYWORD_SUFFIXES)
  ]
  for (const stem of Object.values(NUMERIC_STEMS)) {
    const upper = stem.startsWith('max') || stem === 'exclusive-max'
    // Tightening (a lower maximum, a higher minimum, a new bound) narrows what is valid.
    suffixes.push([`${stem}-${upper ? 'decreased' : 'increased'}`, [B, C]])
    suffixes.push([`${stem}-${upper ? 'increased' : 'decreased'}`, [C, B]])
    suffixes.push([`${stem}-set`, [B, C]])
    suffixes.push([`${stem}-unset`, [C, B]])
  }
  for (const place of SCHEMA_PLACES) {
    const side = place.startsWith('request') ? 0 : 1
    for (const [suffix, severities] of suffixes) rules.set(`${place}-${suffix}`, severities[side])
  }
  return rules
}

export const RULES: ReadonlyMap<string, Severity> = buildCatalogue()

export function severityOf(rule: string): Severity {
  const severity = RULES.get(rule)
  if (severity === undefined) throw new Error(`rule ${rule} is not in the catalogue`)
  return severity
}
