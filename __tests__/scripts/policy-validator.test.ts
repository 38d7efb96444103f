import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { POLICY_AJV_OPTIONS, POLICY_SCHEMA } from '../../src/core/promotion/policy-schema.js'
import { compilePolicyValidator } from '../../src/core/promotion/policy-validator.js'
import { removeAll, tempDir } from '../helpers/trees.js'

afterAll(removeAll)

// The bundle's policy check is ajv's standalone code, made at build time
// (scripts/policy-validator.mjs); the sources compile the schema with ajv at run time.
// Both must say the same of every value: whether it fits, and each error.
let bundled: ValidateFunction
let atRunTime: ValidateFunction

beforeAll(async () => {
  const { policyValidatorSource } = (await import(
    pathToFileURL(path.resolve('scripts/policy-validator.mjs')).href
  )) as { policyValidatorSource: (schema: unknown, options: unknown) => string }
  const file = path.join(tempDir('policy-validator-'), 'policy-validator.mjs')
  fs.writeFileSync(file, policyValidatorSource(POLICY_SCHEMA, POLICY_AJV_OPTIONS))
  const module = (await import(pathToFileURL(file).href)) as {
    compilePolicyValidator: () => ValidateFunction
  }
  bundled = module.compilePolicyValidator()
  atRunTime = compilePolicyValidator()
})

const judged = (
  validate: ValidateFunction,
  value: unknown
): { valid: boolean; errors: ErrorObject[] } => {
  const valid = validate(value) as boolean
  return { valid, errors: structuredClone(validate.errors ?? []) }
}

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

describe('the policy check compiled at build time', () => {
  it('says of every policy-shaped value what ajv compiling the schema at run time says, error for error', () => {
    fc.assert(
      fc.property(policy, (value) => {
        expect(judged(bundled, value)).toEqual(judged(atRunTime, value))
      }),
      { numRuns: 2000 }
    )
  })

  it('and of any value at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) =>
        expect(judged(bundled, value)).toEqual(judged(atRunTime, value))
      )
    )
  })

  it('is a check that can fail: it refuses what the schema refuses', () => {
    expect(
      judged(bundled, { environments: { dev: { soak: '1 hour' } } }).errors.map((e) => e.keyword)
    ).toEqual(['pattern'])
    expect(judged(bundled, { environments: { dev: {} } })).toEqual({ valid: true, errors: [] })
  })
})
