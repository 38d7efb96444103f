// The observe action's inputs, read once and checked before anything is observed.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { readObserveSettings } from '../../../src/actions/observe/settings.js'

const inputs =
  (given: Record<string, string>) =>
  (name: string): string =>
    given[name] ?? ''

describe('readObserveSettings', () => {
  it('reads the defaults a workflow gets: the github ledger, every observed environment, no record, no issue', () => {
    const settings = readObserveSettings(inputs({ 'github-token': 't' }), '/ws', {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/shop'
    })
    expect(settings).toEqual({
      policyFile: path.resolve('/ws', '.github/promotion.yml'),
      ledger: { kind: 'github' },
      token: 't',
      environments: null,
      record: false,
      issuesOf: null,
      plainHttp: []
    })
  })

  it('reads environments one a line or comma-separated, each once, comments left out', () => {
    const settings = readObserveSettings(
      inputs({ environments: 'staging, production\n# qa\nstaging\n', ledger: 'file:l.jsonl' }),
      '/ws',
      {}
    )
    expect(settings.environments).toEqual(['staging', 'production'])
  })

  it(
    'refuses what cannot work, naming the input: no token for the github ledger or issues, no repository for ' +
      'issues, a record that is not a boolean',
    () => {
      expect(() =>
        readObserveSettings(inputs({}), '/ws', { GITHUB_ACTIONS: 'true' })
      ).toThrowSealError('bad-input', 'github-token', 'deployments: read')
      expect(() =>
        readObserveSettings(inputs({ ledger: 'file:l.jsonl', 'open-issue': 'true' }), '/ws', {})
      ).toThrowSealError('bad-input', 'github-token', 'issues: write')
      expect(() =>
        readObserveSettings(
          inputs({ ledger: 'file:l.jsonl', 'open-issue': 'true', 'github-token': 't' }),
          '/ws',
          {}
        )
      ).toThrowSealError('bad-input', 'open-issue', 'GITHUB_REPOSITORY')
      expect(() =>
        readObserveSettings(inputs({ ledger: 'file:l.jsonl', record: 'yes please' }), '/ws', {})
      ).toThrowSealError('bad-input', 'record')
    }
  )
})
