import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import type { GetInput } from '../../../src/app/settings/types.js'
import { readPromoteSettings } from '../../../src/actions/promote/settings.js'
import { readVerifySettings } from '../../../src/actions/verify/settings.js'
import { readSealSettings } from '../../../src/actions/seal/settings.js'

const inputs = (given: Record<string, string>): GetInput => (name) => given[name] ?? ''
const DIGEST = `sha256:${'a'.repeat(64)}`
const RUNNER = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/shop' }

describe("the promote action's inputs, read once", () => {
  it('a promotion of files in the workspace into an environment, on the github ledger by default on a runner', () => {
    const settings = readPromoteSettings(inputs({ environment: 'staging', 'expected-digest': DIGEST, 'subject-path': 'dist', 'github-token': 't' }), RUNNER, '/w')
    expect(settings).toMatchObject({
      environment: 'staging',
      digest: DIGEST,
      ledger: { kind: 'github' },
      source: { kind: 'local', checksumsFile: null },
      confirm: { kind: 'on-success' },
      policyFile: path.join('/w', '.github/promotion.yml'),
      withoutBytes: { declared: false },
      signing: { mode: 'none' }
    })
  })

  it('a step that confirms an earlier record promotes nothing, and says so for what would promote', () => {
    expect(readPromoteSettings(inputs({ confirm: '12', outcome: 'failure', ledger: 'file:l.jsonl' }), {}, '/w').confirm).toEqual({ kind: 'record', id: '12', outcome: 'failed' })
    expect(() => readPromoteSettings(inputs({ confirm: '12', outcome: 'success', 'expected-digest': DIGEST, ledger: 'file:l.jsonl' }), {}, '/w')).toThrowSealError('bad-input', 'confirm', 'expected-digest')
  })

  it('refuses inputs that contradict each other before any work', () => {
    const base = { environment: 'staging', ledger: 'file:l.jsonl' }
    expect(() => readPromoteSettings(inputs({ ...base, 'expected-digest': 'previous' }), {}, '/w')).toThrowSealError('bad-input', 'expected-digest', 'rollback')
    expect(() => readPromoteSettings(inputs({ ...base, 'expected-digest': DIGEST, veto: 'broken', rollback: 'true' }), {}, '/w')).toThrowSealError('bad-input', 'veto', 'rollback')
    expect(() => readPromoteSettings(inputs({ ...base, 'expected-digest': DIGEST, 'digest-only': 'true', 'subject-path': 'dist' }), {}, '/w')).toThrowSealError('bad-input', 'digest-only', 'subject-path')
    expect(() => readPromoteSettings(inputs({ environment: 'staging', 'expected-digest': DIGEST, ledger: 'github' }), {}, '/w')).toThrowSealError('bad-input', 'github-token')
    expect(() => readPromoteSettings(inputs({ ...base, 'expected-digest': DIGEST, 'environment-url': 'not a url' }), {}, '/w')).toThrowSealError('bad-input', 'environment-url', '"not a url"')
  })

  it('names a misspelled input that would have given the bytes, in the refusal of a promotion without them', () => {
    const settings = readPromoteSettings(inputs({ environment: 'staging', 'expected-digest': DIGEST, ledger: 'file:l.jsonl' }), { INPUT_SUBJECT_PATH: 'dist' }, '/w')
    expect(settings.withoutBytes.missing).toContain('subject_path (INPUT_SUBJECT_PATH)')
  })
})

describe("the verify and seal actions' inputs", () => {
  it('verify needs a digest and the bytes', () => {
    expect(readVerifySettings(inputs({ 'expected-digest': DIGEST, 'artifact-name': 'shop-sealed' }), '/w')).toMatchObject({ expected: DIGEST, source: { kind: 'artifact', name: 'shop-sealed', runId: null } })
    expect(() => readVerifySettings(inputs({ 'subject-path': 'dist' }), '/w')).toThrowSealError('bad-input', 'expected-digest')
    expect(() => readVerifySettings(inputs({ 'expected-digest': DIGEST }), '/w')).toThrowSealError('bad-input', 'subject-path', 'artifact-name')
  })

  it('seal takes exactly one subject, and carrying inputs only with files', () => {
    expect(readSealSettings(inputs({ 'subject-digest': DIGEST, 'subject-name': 'ghcr.io/acme/shop' }), '/w').subject).toEqual({ kind: 'digest', digest: DIGEST, name: 'ghcr.io/acme/shop' })
    expect(() => readSealSettings(inputs({}), '/w')).toThrowSealError('bad-input', 'subject-path', 'subject-digest')
    expect(() => readSealSettings(inputs({ 'subject-digest': DIGEST, 'subject-name': 'x', cache: 'true' }), '/w')).toThrowSealError('bad-input', 'cache', 'subject-digest')
    expect(() => readSealSettings(inputs({ 'subject-path': 'dist', 'retention-days': '401', upload: 'true' }), '/w')).toThrowSealError('bad-input', 'retention-days', '"401"')
    // What GitHub takes: organizations may allow up to 400 days for private repositories.
    expect(readSealSettings(inputs({ 'subject-path': 'dist', 'retention-days': '400', upload: 'true' }), '/w').upload).toMatchObject({ retentionDays: 400 })
  })
})
