import { DURATION_PATTERN } from './duration.js'

const ENVIRONMENT_NAME = '^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$'
const environmentList = { type: 'array', items: { type: 'string', pattern: ENVIRONMENT_NAME }, uniqueItems: true } as const

/**
 * JSON Schema (draft-07) of the promotion policy file. Editors that read JSON Schema can
 * use it as is; `policy-file.ts` turns its errors into messages that point at a line.
 */
export const POLICY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://artifact-seal.dev/schemas/promotion-policy.json',
  title: 'artifact-seal promotion policy',
  type: 'object',
  additionalProperties: false,
  required: ['environments'],
  properties: {
    environments: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: ENVIRONMENT_NAME },
      additionalProperties: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          requires: environmentList,
          'requires-any': { ...environmentList, minItems: 1 },
          soak: { type: 'string', pattern: DURATION_PATTERN }
        }
      }
    }
  }
} as const
