// The promotion policy's JSON Schema check as JavaScript, compiled by ajv at build time
// (its standalone code): scripts/package.mjs bundles it in place of
// src/core/promotion/policy-validator.ts, which compiles the same check with ajv when it is
// first called. Compiling took about 40 ms of every promote's start, and ajv with its
// dependencies was a quarter of a megabyte to load.
import { Ajv } from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'

/**
 * The source of an ES module that exports what policy-validator.ts exports, with the
 * check compiled from `schema` with `options` (POLICY_SCHEMA and POLICY_AJV_OPTIONS).
 */
export function policyValidatorSource(schema, options) {
  const ajv = new Ajv({ ...options, code: { source: true, esm: true } })
  const validate = ajv.compile(schema)
  return [
    standaloneCode.default(ajv, validate),
    'export function compilePolicyValidator() { return validate; }',
    ''
  ].join('\n')
}
