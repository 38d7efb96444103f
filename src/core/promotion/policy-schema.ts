import { DURATION_PATTERN } from './duration.js'
import { DRIFT_SCHEMA, OBSERVE_SCHEMA } from '../observe/spec.js'
import { BREAKING_RULES, DANGEROUS_RULES, ROLLBACK_RULES } from './policy.js'

const ENVIRONMENT_NAME = '^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$'
const environmentList = {
  type: 'array',
  items: { type: 'string', pattern: ENVIRONMENT_NAME },
  uniqueItems: true
} as const
/** A service is named as its artifact is: one line of printable text, without space at either end. */
export const SERVICE_NAME =
  '^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$'
/** `owner/name`, as GitHub allows them. */
export const REPOSITORY_PATTERN = '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$'
/** A workflow file in the signer repository, optionally at a ref: `.github/workflows/release.yml@refs/heads/main`. */
export const WORKFLOW_PATTERN = '^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$'

/** `os/architecture[/variant]`, as docker and buildx write a platform: `linux/amd64`, `linux/arm/v7`. */
const PLATFORM_PATTERN = '^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$'

/** An image tag, as distribution's grammar has it. */
const TAG_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$'
/** An image reference without a digest, `registry/repository[:tag]`; policy-file.ts reads it by the full grammar. */
const IMAGE_NAME_PATTERN = '^[A-Za-z0-9][^\\s@]{0,300}$'

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
    service: { type: 'string', pattern: SERVICE_NAME },
    services: {
      type: 'array',
      items: { type: 'string', pattern: SERVICE_NAME },
      uniqueItems: true,
      minItems: 1
    },
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
          soak: { type: 'string', pattern: DURATION_PATTERN },
          platforms: {
            type: 'array',
            items: { type: 'string', pattern: PLATFORM_PATTERN },
            uniqueItems: true,
            minItems: 1
          },
          image: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              tag: { type: 'string', pattern: TAG_PATTERN },
              'copy-to': { type: 'string', pattern: IMAGE_NAME_PATTERN }
            }
          },
          url: { type: 'string', pattern: '^https?://\\S+$' },
          'signed-by': {
            type: 'object',
            additionalProperties: false,
            required: ['repository'],
            properties: {
              repository: { type: 'string', pattern: REPOSITORY_PATTERN },
              workflow: { type: 'string', pattern: WORKFLOW_PATTERN },
              ref: { type: 'string', pattern: '^refs/\\S+$' },
              issuer: { type: 'string', pattern: '^https://\\S+$' },
              runner: { type: 'string', enum: ['github-hosted'] }
            }
          },
          contract: {
            type: 'object',
            additionalProperties: false,
            properties: {
              breaking: { type: 'string', enum: [...BREAKING_RULES] },
              dangerous: { type: 'string', enum: [...DANGEROUS_RULES] },
              rollback: { type: 'string', enum: [...ROLLBACK_RULES] }
            }
          },
          observe: OBSERVE_SCHEMA,
          drift: DRIFT_SCHEMA
        }
      }
    }
  }
} as const
