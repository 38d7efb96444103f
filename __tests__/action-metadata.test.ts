/**
 * The three actions' metadata as the Marketplace and a workflow author see it: a real
 * author and branding, descriptions short enough to show whole, an input budget the
 * interface keeps to, and README tables that say what action.yml says.
 */
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from './helpers/runner.js'
// prettier-ignore
// @ts-expect-error: a plain ES module script, without types
import { ACTIONS as ACTION_FILES, withActionTables as generateTables } from '../scripts/action-tables.mjs'

const ACTION_NAMES = ['seal', 'verify', 'promote'] as const
type Action = (typeof ACTION_NAMES)[number]
const ACTIONS = ACTION_FILES as Record<Action, string>
const withActionTables = generateTables as (root: string, readme: string) => string

interface Metadata {
  name: string
  description: string
  author?: string
  branding?: { icon?: string; color?: string }
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const metadata = (action: Action): Metadata =>
  parse(fs.readFileSync(path.join(PROJECT_ROOT, ACTIONS[action]), 'utf8')) as Metadata
/**
 * The observe action, outside the input budget and the README's generated tables, shown on the
 * Marketplace all the same.
 */
const observeMetadata = (): Metadata =>
  parse(fs.readFileSync(path.join(PROJECT_ROOT, 'observe/action.yml'), 'utf8')) as Metadata

/** The Marketplace shows 125 characters of a description; the runner's log and editors cut there too. */
const MAX_DESCRIPTION = 125
/**
 * Issue 18: at most 45 inputs across seal, verify and promote; issue 19 adds promote's
 * push-to-registry (the signed record beside the image, named as seal's) and
 * plain-http-registries on each of the three (a registry on the network reached over HTTP
 * only where named), so 49.
 */
const INPUT_BUDGET = 49
/** Inputs other work adds to these actions (INTERFACE.md): counted before they land, so the budget holds after. */
const COMING: Record<Action, string[]> = {
  seal: ['include-hidden-files', 'push-to-registry'],
  verify: [],
  promote: ['from', 'wait']
}

describe("the actions' metadata", () => {
  it.each([...ACTION_NAMES, 'observe'] as const)(
    '%s: a real author, branding, and every description at most 125 characters on one line',
    (action) => {
      const meta = action === 'observe' ? observeMetadata() : metadata(action)
      expect(meta.author).toBe('artifact-seal contributors')
      expect(meta.branding).toEqual({ icon: expect.any(String), color: expect.any(String) })
      const described = [
        ['(action)', meta.description],
        ...Object.entries(meta.inputs).map(([name, spec]) => [`input ${name}`, spec.description]),
        ...Object.entries(meta.outputs).map(([name, spec]) => [`output ${name}`, spec.description])
      ] as const
      expect(
        described
          .filter(
            ([, text]) =>
              typeof text !== 'string' || text.length > MAX_DESCRIPTION || /\n/.test(text.trim())
          )
          .map(([name, text]) => `${name}: ${String(text).length}`)
      ).toEqual([])
    }
  )

  it('keeps seal, verify and promote within 49 inputs, counting the ones still to come', () => {
    const counts = Object.fromEntries(
      ACTION_NAMES.map((action) => [action, Object.keys(metadata(action).inputs).length])
    )
    const coming = ACTION_NAMES.flatMap((action) =>
      COMING[action].filter((name) => !(name in metadata(action).inputs))
    )
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    expect({ total: total + coming.length, within: total + coming.length <= INPUT_BUDGET }).toEqual(
      { total: expect.any(Number), within: true }
    )
  })

  it('names no input the interface removed', () => {
    const removed = [
      'root',
      'output-dir',
      'summary',
      'upload-files',
      'artifact-name',
      'part-digests',
      'contract-version',
      'signing-key-password',
      'fulcio-url',
      'rekor-url',
      'tsa-url',
      'signer-repository',
      'signer-workflow',
      'source-ref',
      'cert-oidc-issuer',
      'deny-self-hosted-runners',
      'public-key',
      'trusted-root',
      'tuf-mirrors',
      'require-signature',
      'cache-restore',
      'environment-url',
      'contract-baseline',
      'create-ledger',
      'outcome'
    ]
    for (const action of ACTION_NAMES) {
      const inputs = Object.keys(metadata(action).inputs)
      expect(
        inputs.filter((name) => removed.includes(name) && !(action === 'seal' && name === 'cache'))
      ).toEqual([])
    }
    expect(Object.keys(metadata('promote').inputs)).not.toContain('cache')
  })

  it('README.md holds the input and output tables of each action as action.yml gives them', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')
    for (const action of ACTION_NAMES) {
      for (const kind of ['inputs', 'outputs'])
        expect(readme).toContain(`<!-- action-tables: ${action} ${kind} -->`)
    }
    // Regenerate with: node scripts/action-tables.mjs --write
    expect(readme).toBe(withActionTables(PROJECT_ROOT, readme))
  })
})
