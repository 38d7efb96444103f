import { parseDocument } from 'yaml'
import { SealError, quote } from '../../core/errors.js'
import { NOT_PLAIN, readPlainYaml } from '../../core/promotion/plain-yaml.js'
import type { Env } from '../../core/env.js'
import { SignedByKey, SignerInput } from './names.js'
import {
  type SignerFieldNames,
  type SignerFields,
  signerCheckSettings
} from './signing-settings.js'
import type { GetInput, SignerCheckSettings } from './types.js'
import { isRecord } from '../../core/json-shape.js'

const FIELD_OF: Readonly<Record<string, keyof SignerFields>> = {
  [SignedByKey.Repository]: 'repository',
  [SignedByKey.Workflow]: 'workflow',
  [SignedByKey.Ref]: 'ref',
  [SignedByKey.Issuer]: 'issuer',
  [SignedByKey.Runner]: 'githubHostedOnly',
  [SignedByKey.Key]: 'key',
  [SignedByKey.TrustedRoot]: 'trustedRoot',
  [SignedByKey.TufMirrors]: 'tufMirrors'
}

/** Each field named as `signed-by.<key>`, so a message points at the line to change. */
export const SIGNED_BY_NAMES: SignerFieldNames = Object.fromEntries(
  Object.entries(FIELD_OF).map(([key, field]) => [field, `${SignerInput.SignedBy}.${key}`])
) as unknown as SignerFieldNames

const EXAMPLE =
  'such as "repository: acme/shop" and "workflow: .github/workflows/release.yml" on lines of their own, or ' +
  '"key: cosign.pub"'

/** The signed-by input of verify and promote: a YAML mapping with the keys of the policy's signed-by rule. */
export function readSignedBy(getInput: GetInput, env: Env, workspace: string): SignerCheckSettings {
  return signerCheckSettings(
    parseSignedBy(getInput(SignerInput.SignedBy)),
    SIGNED_BY_NAMES,
    env,
    workspace
  )
}

export function parseSignedBy(text: string): SignerFields {
  const fields: Record<keyof SignerFields, string | boolean> = {
    repository: '',
    workflow: '',
    ref: '',
    issuer: '',
    githubHostedOnly: false,
    key: '',
    trustedRoot: '',
    tufMirrors: ''
  }
  if (text.trim() === '') return fields as unknown as SignerFields
  const mapping = readMapping(text)
  for (const [key, value] of Object.entries(mapping)) {
    const field = FIELD_OF[key]
    const name = `${SignerInput.SignedBy}.${key}`
    if (field === undefined) {
      throw new SealError(
        'bad-input',
        `${SignerInput.SignedBy}: ${quote(key)} is not one of its keys. Use ${Object.keys(FIELD_OF).join(', ')}.`
      )
    }
    if (field === 'githubHostedOnly') {
      if (value !== 'github-hosted')
        throw new SealError(
          'bad-input',
          `${name}: ${quote(String(value))} is not a kind of runner this checks. Write "runner: github-hosted" ` +
            'to refuse seals signed on self-hosted runners, or leave it out.'
        )
      fields.githubHostedOnly = true
    } else if (
      field === 'tufMirrors' &&
      Array.isArray(value) &&
      value.every((v) => typeof v === 'string')
    ) {
      fields.tufMirrors = value.join('\n')
    } else if (typeof value === 'string' && value.trim() !== '') {
      fields[field] = value.trim()
    } else {
      throw new SealError(
        'bad-input',
        `${name}: ${quote(JSON.stringify(value) ?? String(value))} is not text. Give a value, ${EXAMPLE}, or ` +
          'leave the key out.'
      )
    }
  }
  return fields as unknown as SignerFields
}

function readMapping(text: string): Record<string, unknown> {
  const plain = readPlainYaml(text)
  let value: unknown = plain
  if (plain === NOT_PLAIN) {
    // Block scalars (a key's PEM text under "key: |") are past the plain reader.
    const document = parseDocument(text, { uniqueKeys: true })
    const error = document.errors[0]
    if (error !== undefined)
      throw new SealError(
        'bad-input',
        `${SignerInput.SignedBy}: not a YAML mapping (${error.message.split('\n')[0]}). Write one key a line, ${EXAMPLE}.`
      )
    value = document.toJS()
  }
  if (!isRecord(value)) {
    throw new SealError(
      'bad-input',
      `${SignerInput.SignedBy}: ${quote(text.trim())} is not a mapping. Write one key a line, ${EXAMPLE}.`
    )
  }
  return value as Record<string, unknown>
}
