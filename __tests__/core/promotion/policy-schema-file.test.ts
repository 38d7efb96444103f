import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { POLICY_SCHEMA } from '../../../src/core/promotion/policy-schema.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { PROJECT_ROOT } from '../../helpers/runner.js'

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schemas/promotion.schema.json')
const README = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')

/** Every YAML block of the README that is a promotion policy (it has an environments: mapping at its top level). */
function readmePolicies(): string[] {
  const blocks = [...README.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)].map((m) =>
    (m[2] as string).replace(new RegExp(`^${m[1]}`, 'gm'), '')
  )
  return blocks.filter((block) => /^environments:/m.test(block) && !/^jobs:/m.test(block))
}

describe('schemas/promotion.schema.json', () => {
  it('is the schema the policy validator compiles (run npm run package after changing policy-schema.ts)', () => {
    expect(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(POLICY_SCHEMA))
    )
  })

  it(
    "is a draft-07 schema a stock ajv compiles, and agrees with the gate on the README's policies and on " +
      'broken ones',
    () => {
      const validate = new Ajv({ allErrors: true }).compile(
        JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'))
      )
      const policies = readmePolicies()
      expect(policies.length).toBeGreaterThanOrEqual(3)
      const broken = [
        'environments:\n  dev:\n    soak: soon\n',
        'environments:\n  dev:\n    requirs: [qa]\n',
        'environments: {}\n',
        'service: a\nenvironments:\n  dev:\n    contract: { breaking: maybe }\n'
      ]
      for (const text of [...policies, ...broken]) {
        const bySchema = validate(parse(text))
        let byGate = true
        try {
          parsePolicy(text, 'promotion.yml')
        } catch {
          byGate = false
        }
        // The gate checks more than a schema can (an environment required but not defined, a cycle): never less.
        if (bySchema === false) expect({ text, byGate }).toEqual({ text, byGate: false })
        if (byGate) expect({ text, bySchema }).toEqual({ text, bySchema: true })
      }
      for (const text of broken)
        expect({ text, valid: validate(parse(text)) }).toEqual({ text, valid: false })
    }
  )

  it('the README shows the yaml-language-server line that points editors at it', () => {
    expect(README).toContain(
      '# yaml-language-server: ' +
        '$schema=https://raw.githubusercontent.com/OWNER/artifact-seal/v1/schemas/promotion.schema.json'
    )
  })
})
