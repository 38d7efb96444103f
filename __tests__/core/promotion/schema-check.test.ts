import { describe, expect, it } from '@jest/globals'
import { Ajv, type ErrorObject } from 'ajv'
import fc from 'fast-check'
import { POLICY_SCHEMA } from '../../../src/core/promotion/policy-schema.js'
import { checkSchema } from '../../../src/core/promotion/schema-check.js'

// ajv is the oracle: the check must say of every value what ajv, compiling the same schema
// with every error at once, says, error for error and in the same order (the policy's
// messages are built from these errors).
const ajv = new Ajv({ allErrors: true, strict: true }).compile(POLICY_SCHEMA)
const byAjv = (value: unknown): ErrorObject[] =>
  ajv(value) ? [] : structuredClone(ajv.errors ?? [])
const byCheck = (value: unknown) => checkSchema(POLICY_SCHEMA, value)

// Values of the policy's shape, each field sometimes right, sometimes of a wrong type or
// form, so that every keyword of the schema (pattern, enum, required, uniqueItems,
// additionalProperties, propertyNames…) fails somewhere.
const name = fc.oneof(
  fc.constantFrom('dev', 'staging', 'prod-eu', 'qa 2', '', ' lead', 'a/b', 'x'.repeat(300)),
  fc.string({ maxLength: 12 })
)
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant({})
)
const list = fc.oneof(fc.array(name, { maxLength: 3 }), junk)
const observeEntry = fc.oneof(
  fc.record(
    {
      service: fc.constantFrom('api', ' ', ''),
      url: fc.constantFrom('https://api.example.com/version', 'api.example.com'),
      pointer: fc.constantFrom('/version', 'version', ''),
      command: fc.constantFrom('cat VERSION', ' '),
      files: fc.constantFrom('/srv/app', ''),
      image: fc.constantFrom('ghcr.io/acme/app:prod', ' '),
      timeout: fc.constantFrom('10s', '1h', '500ms', '10'),
      probe: fc.constant('x')
    },
    { requiredKeys: [] }
  ),
  junk
)
const rule = fc.record(
  {
    requires: list,
    'requires-any': list,
    soak: fc.oneof(fc.constantFrom('1h', '30m', '1h30m', '0', '1 hour', '3600'), junk),
    'signed-by': fc.oneof(
      fc.record(
        {
          repository: fc.oneof(fc.constantFrom('acme/shop', 'shop'), junk),
          workflow: fc.constantFrom('.github/workflows/release.yml', 'release.yml'),
          ref: fc.constantFrom('refs/heads/main', 'main'),
          issuer: fc.constantFrom('https://token.actions.githubusercontent.com', 'http://x'),
          runner: fc.oneof(fc.constantFrom('github-hosted', 'self-hosted'), fc.boolean(), junk),
          branch: fc.constant('main')
        },
        { requiredKeys: [] }
      ),
      junk
    ),
    contract: fc.oneof(
      fc.record(
        {
          breaking: fc.constantFrom('refuse', 'require-major', 'allow', 'warn'),
          dangerous: fc.constantFrom('warn', 'refuse', 'allow'),
          rollback: fc.oneof(fc.constantFrom('allow', 'check'), junk)
        },
        { requiredKeys: [] }
      ),
      junk
    ),
    platforms: fc.oneof(
      fc.array(fc.constantFrom('linux/amd64', 'linux/arm/v7', 'Linux/AMD64', 'linux'), {
        maxLength: 3
      }),
      junk
    ),
    image: fc.oneof(
      fc.record(
        {
          tag: fc.oneof(fc.constantFrom('staging', '-x', 'a'.repeat(129)), junk),
          'copy-to': fc.constantFrom('ghcr.io/acme/app', 'a b', 'ghcr.io/acme/app@sha256:00'),
          latest: fc.constant(true)
        },
        { requiredKeys: [] }
      ),
      junk
    ),
    url: fc.oneof(fc.constantFrom('https://staging.example.com', 'ftp://x', 'https://a b'), junk),
    observe: fc.oneof(observeEntry, fc.array(observeEntry, { maxLength: 2 }), junk),
    drift: fc.oneof(fc.constantFrom('block', 'warn', 'ignore'), junk),
    sok: fc.constant('2h')
  },
  { requiredKeys: [] }
)
const policy = fc.record(
  {
    environments: fc.oneof(
      fc.dictionary(name, fc.oneof(rule, fc.constant(null), junk), { maxKeys: 4 }),
      junk
    ),
    service: fc.oneof(fc.constantFrom('api', ' api', 'ghcr.io/acme/api', 'a\nb'), junk),
    services: fc.oneof(fc.array(fc.constantFrom('api', 'web', 'a\u0000b'), { maxLength: 3 }), junk),
    servce: fc.constant('shop')
  },
  { requiredKeys: [] }
)

describe('checkSchema, against ajv', () => {
  it('says of every policy-shaped value what ajv says, error for error, in order', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(policy, (value) => {
        const errors = byCheck(value)
        errors.forEach((e) => seen.add(e.keyword))
        expect(errors).toEqual(byAjv(value))
      }),
      { numRuns: 3000 }
    )
    // The values reached every keyword the schema uses, failing.
    expect([...seen].sort()).toEqual(
      [
        'additionalProperties',
        'anyOf',
        'enum',
        'minItems',
        'minProperties',
        'pattern',
        'propertyNames',
        'required',
        'type',
        'uniqueItems'
      ].sort()
    )
  })

  it('and of any value at all', () => {
    fc.assert(fc.property(fc.anything(), (value) => expect(byCheck(value)).toEqual(byAjv(value))))
  })

  it('is a check that can fail: it refuses what the schema refuses', () => {
    expect(byCheck({ environments: { dev: { soak: '1 hour' } } }).map((e) => e.keyword)).toEqual([
      'pattern'
    ])
    expect(byCheck({ environments: { dev: {} } })).toEqual([])
  })

  it('refuses a schema with a keyword it does not know, rather than passing what it cannot check', () => {
    expect(() => checkSchema({ type: 'string', maxLength: 3 }, 'abcd')).toThrow(/maxLength/)
    expect(() => checkSchema({ type: 'decimal' }, 1)).toThrow(/decimal/)
  })
})
