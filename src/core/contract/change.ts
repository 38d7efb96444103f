/**
 * What a classification engine says about one difference between two versions of a
 * contract. Every engine (OpenAPI and JSON Schema, GraphQL, protobuf) answers in this
 * shape, so the gate, the CLI and the summary treat them alike.
 */

/** Does it break a client? `dangerous`: it may break some (an added response enum value, a removed optional field). */
export type Severity = 'breaking' | 'dangerous' | 'compatible'

export const SEVERITIES: readonly Severity[] = ['breaking', 'dangerous', 'compatible']

export type ContractKind = 'openapi' | 'jsonschema' | 'graphql' | 'protobuf'

export interface ContractChange {
  /** A stable id users can look up: oasdiff's id where a rule matches one of its rules. */
  readonly rule: string
  readonly severity: Severity
  readonly kind: ContractKind
  /**
   * The operation it is about (`GET /orders/{id}`, `Query.orders`, `shop.v1.Orders/Get`); null for
   * a type-level change.
   */
  readonly operation: string | null
  /** Where in the contract, readable: `GET /orders › 200 response › body › items[].status`. */
  readonly location: string
  /** The contract file (relative to the artifact root) and a position in it: a JSON pointer or `line:col`. */
  readonly file: string
  readonly position: string | null
  /** One sentence: what changed, and for breaking and dangerous changes, whom it breaks. */
  readonly message: string
}

/** Breaking first, then dangerous, then compatible; within a severity by operation, then location. */
export function compareChanges(a: ContractChange, b: ContractChange): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    (a.operation ?? '').localeCompare(b.operation ?? '') ||
    a.location.localeCompare(b.location) ||
    a.rule.localeCompare(b.rule)
  )
}
