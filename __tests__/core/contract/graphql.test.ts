import { describe, expect, it } from '@jest/globals'
import { getLocation, Kind, parse, Source } from 'graphql'
import type { ContractChange } from '../../../src/core/contract/change.js'
import { classifyGraphql } from '../../../src/core/contract/graphql.js'
import { SealError } from '../../../src/core/errors.js'

const BASE = `"""The shop's API."""
type Query {
  orders(first: Int): [Order!]!
  order(id: ID!): Order
  search(term: String!): [SearchResult!]!
}

type Mutation {
  placeOrder(input: PlaceOrderInput!): Order
}

input PlaceOrderInput {
  sku: String!
  quantity: Int
}

enum Status {
  NEW
  PAID
}

union SearchResult = Order | Product

type Product {
  sku: String!
}

type Order {
  id: ID!
  status: Status!
  total: Float
  note: String
}
`

function edit(...replacements: [string, string][]): string {
  let sdl = BASE
  for (const [from, to] of replacements) {
    if (!sdl.includes(from)) throw new Error(`the base SDL has no ${JSON.stringify(from)}`)
    sdl = sdl.replace(from, to)
  }
  return sdl
}

async function classify(after: string): Promise<ContractChange[]> {
  return classifyGraphql(BASE, after, { file: 'api/schema.graphql' })
}

function summary(changes: readonly ContractChange[]): string[] {
  return changes.map((c) => `${c.severity} ${c.rule} ${c.location}`)
}

describe('classifyGraphql', () => {
  it('finds nothing between a schema and itself', async () => {
    expect(await classify(BASE)).toEqual([])
  })

  it('a removed field is breaking, names the root field as the operation and points at its type', async () => {
    const changes = await classify(edit(['  order(id: ID!): Order\n', '']))
    expect(changes).toEqual([
      expect.objectContaining({
        rule: 'graphql:FIELD_REMOVED',
        severity: 'breaking',
        kind: 'graphql',
        operation: 'Query.order',
        location: 'Query.order',
        file: 'api/schema.graphql',
        position: '2:6'
      })
    ])
    expect(changes[0]?.message).toMatch(/^Field 'order' was removed from object type 'Query'\. /)
  })

  it('a field type change is breaking; outside the root types there is no operation', async () => {
    const changes = await classify(edit(['  total: Float', '  total: String']))
    expect(changes).toEqual([
      expect.objectContaining({
        rule: 'graphql:FIELD_TYPE_CHANGED',
        severity: 'breaking',
        operation: null,
        location: 'Order.total',
        position: '31:3'
      })
    ])
  })

  it('a required argument added is breaking, an optional one dangerous', async () => {
    const changes = await classify(
      edit(['orders(first: Int)', 'orders(first: Int, after: String, region: String!)'])
    )
    expect(summary(changes)).toEqual([
      'breaking graphql:FIELD_ARGUMENT_ADDED Query.orders.region',
      'dangerous graphql:FIELD_ARGUMENT_ADDED Query.orders.after'
    ])
    expect(changes.map((c) => c.operation)).toEqual(['Query.orders', 'Query.orders'])
    expect(changes.map((c) => c.position)).toEqual(['3:37', '3:22'])
  })

  it('an enum value added is dangerous, one removed breaking', async () => {
    expect(summary(await classify(edit(['  PAID\n', '  PAID\n  SHIPPED\n'])))).toEqual([
      'dangerous graphql:ENUM_VALUE_ADDED Status.SHIPPED'
    ])
    expect(summary(await classify(edit(['  PAID\n', ''])))).toEqual([
      'breaking graphql:ENUM_VALUE_REMOVED Status.PAID'
    ])
  })

  it('a union member removed is breaking', async () => {
    const changes = await classify(
      edit(['union SearchResult = Order | Product', 'union SearchResult = Order'])
    )
    expect(summary(changes)).toEqual(['breaking graphql:UNION_MEMBER_REMOVED SearchResult'])
    expect(changes[0]?.position).toBe('22:7')
  })

  it('a deprecation is compatible', async () => {
    const changes = await classify(
      edit(['  note: String\n', '  note: String @deprecated(reason: "Use notes.")\n'])
    )
    expect(changes.length).toBeGreaterThan(0)
    expect(changes.every((c) => c.severity === 'compatible')).toBe(true)
    expect(changes.map((c) => c.rule)).toContain('graphql:FIELD_DEPRECATION_ADDED')
  })

  it('a required input field added is breaking, an optional one compatible', async () => {
    expect(
      summary(await classify(edit(['  quantity: Int\n', '  quantity: Int\n  coupon: String!\n'])))
    ).toEqual(['breaking graphql:INPUT_FIELD_ADDED PlaceOrderInput.coupon'])
    const optional = await classify(
      edit(['  quantity: Int\n', '  quantity: Int\n  coupon: String\n'])
    )
    expect(summary(optional)).toEqual([
      'compatible graphql:INPUT_FIELD_ADDED PlaceOrderInput.coupon'
    ])
  })

  it('a description-only change is compatible', async () => {
    const changes = await classify(
      edit(['"""The shop\'s API."""', '"""The shop\'s public API."""'])
    )
    expect(summary(changes)).toEqual(['compatible graphql:TYPE_DESCRIPTION_CHANGED Query'])
  })

  it('a mutation field removed names the mutation as the operation', async () => {
    const changes = await classify(
      edit([
        '  placeOrder(input: PlaceOrderInput!): Order\n',
        '  placeOrder(input: PlaceOrderInput!): Order!\n'
      ])
    )
    expect(changes).toEqual([
      expect.objectContaining({
        rule: 'graphql:FIELD_TYPE_CHANGED',
        operation: 'Mutation.placeOrder'
      })
    ])
    expect(changes[0]?.severity).toBe('compatible')
  })

  it('knows renamed root types from the schema definition', async () => {
    const before = 'schema { query: Root }\ntype Root { a: Int, b: Int }\n'
    const changes = await classifyGraphql(
      before,
      'schema { query: Root }\ntype Root { a: Int }\n',
      { file: 's.graphql' }
    )
    expect(changes).toEqual([
      expect.objectContaining({
        rule: 'graphql:FIELD_REMOVED',
        operation: 'Root.b',
        position: '2:6'
      })
    ])
  })

  it('sorts breaking changes first', async () => {
    const changes = await classify(
      edit(['  PAID\n', '  PAID\n  SHIPPED\n'], ['  note: String\n', ''])
    )
    expect(changes.map((c) => c.severity)).toEqual(['breaking', 'dangerous'])
  })

  it('an unparseable SDL is a SealError naming the file and line:col', async () => {
    const error = await classifyGraphql(BASE, 'type Query {\n  a: \n}\n', {
      file: 'api/schema.graphql'
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SealError)
    expect((error as Error).message).toMatch(
      /^api\/schema\.graphql:3:1: the GraphQL schema cannot be read: Syntax Error/
    )
  })

  it('an SDL that parses but does not build names the file, the place and the side', async () => {
    const error = await classifyGraphql('type Query {\n  a: Missing\n}\n', BASE, {
      file: 'schema.gql'
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SealError)
    expect((error as Error).message).toMatch(
      /^schema\.gql \(before\):2:6: the GraphQL schema cannot be read: Unknown type "Missing"\./
    )
  })

  it(
    'finds each position from the lexer, without rescanning the schema per element, at the line and column ' +
      'getLocation gives',
    async () => {
      // CRLF line ends, tabs and non-ASCII text: the columns must still match getLocation's.
      const fields = Array.from(
        { length: 1000 },
        (_, i) => `\t"""Feld ${i}: Größe"""\r\n\tfield${i}(arg: Int): Int`
      ).join('\r\n')
      const before = `type Query {\r\n${fields}\r\n}\r\n`
      const after = before.replace('\tfield999(arg: Int): Int', '\tfield999(arg: Int): String')
      // getLocation runs a line-break RegExp over the text from its start on every call: counting
      // RegExp executions tells a rescan per element (hundreds of thousands here) from none.
      const exec = RegExp.prototype.exec
      let executions = 0
      RegExp.prototype.exec = function (this: RegExp, text: string) {
        executions++
        return exec.call(this, text)
      }
      let changes: ContractChange[]
      try {
        changes = await classifyGraphql(before, after, { file: 'schema.graphql' })
      } finally {
        RegExp.prototype.exec = exec
      }
      expect(executions).toBeLessThan(1000)
      const query = parse(new Source(after)).definitions[0]
      const name =
        query?.kind === Kind.OBJECT_TYPE_DEFINITION
          ? query.fields?.find((f) => f.name.value === 'field999')?.name
          : undefined
      const expected = getLocation(new Source(after), name?.loc?.start ?? -1)
      expect(changes.map((c) => [c.rule, c.position])).toEqual([
        ['graphql:FIELD_TYPE_CHANGED', `${expected.line}:${expected.column}`]
      ])
      expect(expected.line).toBe(2001)
    }
  )
})
