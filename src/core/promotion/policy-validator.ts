import { Ajv, type ValidateFunction } from 'ajv'
import { POLICY_AJV_OPTIONS, POLICY_SCHEMA } from './policy-schema.js'

/**
 * The policy schema's check. ajv compiles it here, which takes tens of milliseconds; the
 * bundled actions and CLI hold no ajv: scripts/package.mjs puts in this module's place the
 * same check compiled at build time (scripts/policy-validator.mjs), and the dist test
 * holds the two against each other.
 */
export function compilePolicyValidator(): ValidateFunction {
  return new Ajv(POLICY_AJV_OPTIONS).compile(POLICY_SCHEMA)
}
