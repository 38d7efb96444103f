import { afterAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import type { GetInput } from '../../../src/app/settings/types.js'
import { readPromoteSettings } from '../../../src/actions/promote/settings.js'
import { readVerifySettings } from '../../../src/actions/verify/settings.js'
import { readSealSettings } from '../../../src/actions/seal/settings.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const inputs =
  (given: Record<string, string>): GetInput =>
  (name) =>
    given[name] ?? ''
const DIGEST = `sha256:${'a'.repeat(64)}`
const RUNNER = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/shop' }

describe("the promote action's inputs, read once", () => {
  it('a promotion of files in the workspace into an environment, on the github ledger by default on a runner', () => {
    const settings = readPromoteSettings(
      inputs({
        environment: 'staging',
        'expected-digest': DIGEST,
        'subject-path': 'dist',
        'github-token': 't'
      }),
      RUNNER,
      '/w'
    )
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
    expect(
      readPromoteSettings(inputs({ confirm: 'failure:12', ledger: 'file:l.jsonl' }), {}, '/w')
        .confirm
    ).toEqual({ kind: 'record', id: '12', outcome: 'failed' })
    expect(
      readPromoteSettings(
        inputs({ confirm: '12', outcome: 'failure', ledger: 'file:l.jsonl' }),
        {},
        '/w'
      ).confirm
    ).toEqual({ kind: 'record', id: '12', outcome: 'confirmed' })
    expect(() =>
      readPromoteSettings(inputs({ confirm: 'failure:', ledger: 'file:l.jsonl' }), {}, '/w')
    ).toThrowSealError('bad-input', 'confirm', '"failure:"')
    expect(() =>
      readPromoteSettings(inputs({ confirm: 'success:12', ledger: 'file:l.jsonl' }), {}, '/w')
    ).toThrowSealError('bad-input', 'confirm', '"success:12"')
    expect(() =>
      readPromoteSettings(
        inputs({ confirm: '12', 'expected-digest': DIGEST, ledger: 'file:l.jsonl' }),
        {},
        '/w'
      )
    ).toThrowSealError('bad-input', 'confirm', 'expected-digest')
  })

  it('refuses inputs that contradict each other before any work', () => {
    const base = { environment: 'staging', ledger: 'file:l.jsonl' }
    expect(() =>
      readPromoteSettings(inputs({ ...base, 'expected-digest': 'previous' }), {}, '/w')
    ).toThrowSealError('bad-input', 'expected-digest', 'rollback')
    expect(() =>
      readPromoteSettings(
        inputs({ ...base, 'expected-digest': DIGEST, veto: 'broken', rollback: 'true' }),
        {},
        '/w'
      )
    ).toThrowSealError('bad-input', 'veto', 'rollback')
    expect(() =>
      readPromoteSettings(
        inputs({
          ...base,
          'expected-digest': DIGEST,
          'digest-only': 'true',
          'subject-path': 'dist'
        }),
        {},
        '/w'
      )
    ).toThrowSealError('bad-input', 'digest-only', 'subject-path')
    expect(() =>
      readPromoteSettings(
        inputs({ environment: 'staging', 'expected-digest': DIGEST, ledger: 'github' }),
        {},
        '/w'
      )
    ).toThrowSealError('bad-input', 'github-token')
    expect(() =>
      readPromoteSettings(
        inputs({ ...base, 'expected-digest': DIGEST, 'digest-only': 'true', name: 'shop-sealed' }),
        {},
        '/w'
      )
    ).toThrowSealError('bad-input', 'digest-only', 'name')
  })

  it(
    'fetches what the seal carried when neither subject-path nor name is given; not for a dry run, a veto, ' +
      'digest-only or a listing alone',
    () => {
      const base = { environment: 'staging', ledger: 'file:l.jsonl', 'expected-digest': DIGEST }
      expect(readPromoteSettings(inputs(base), {}, '/w').source).toEqual({
        kind: 'cache',
        token: '',
        inputName: 'cache'
      })
      expect(
        readPromoteSettings(inputs({ ...base, name: 'shop-sealed' }), {}, '/w').source
      ).toMatchObject({ kind: 'artifact', name: 'shop-sealed' })
      expect(
        readPromoteSettings(inputs({ ...base, 'subject-name': 'api' }), {}, '/w')
      ).toMatchObject({ name: 'api', source: { kind: 'cache' } })
      for (const extra of [
        { 'dry-run': 'true' },
        { veto: 'broken' },
        { 'digest-only': 'true' },
        { 'checksums-path': 'seal/app.sha256' }
      ] as Record<string, string>[]) {
        expect(readPromoteSettings(inputs({ ...base, ...extra }), {}, '/w').source).toBeNull()
      }
    }
  )

  it('reads none of the removed inputs', () => {
    const base = {
      environment: 'staging',
      ledger: 'file:l.jsonl',
      'expected-digest': DIGEST,
      'subject-path': 'dist'
    }
    const removed = {
      'environment-url': 'not a url',
      'contract-baseline': 'x',
      'create-ledger': 'maybe',
      outcome: 'x',
      summary: 'maybe',
      cache: 'maybe',
      root: 'x',
      'public-key': 'nowhere.pub',
      'require-signature': 'maybe',
      'fulcio-url': 'ftp://x',
      'signing-key-password': 'x'
    }
    const settings = readPromoteSettings(inputs({ ...base, ...removed }), RUNNER, '/w')
    expect(settings).toEqual(readPromoteSettings(inputs(base), RUNNER, '/w'))
  })

  it(
    'names a misspelled input that would have given the bytes before looking for them elsewhere, and in the ' +
      'refusal of a promotion without them',
    () => {
      const base = { environment: 'staging', 'expected-digest': DIGEST, ledger: 'file:l.jsonl' }
      expect(() =>
        readPromoteSettings(inputs(base), { INPUT_SUBJECT_PATH: 'dist' }, '/w')
      ).toThrowSealError('bad-input', 'subject_path (INPUT_SUBJECT_PATH)', 'subject-path')
      const listing = readPromoteSettings(
        inputs({ ...base, 'checksums-path': 'seal/app.sha256' }),
        { INPUT_DIGEST_ONLY: 'true' },
        '/w'
      )
      expect(listing.withoutBytes.missing).toContain('digest_only (INPUT_DIGEST_ONLY)')
    }
  )
})

describe("the verify and seal actions' inputs", () => {
  it('verify needs a digest and the bytes', () => {
    expect(
      readVerifySettings(inputs({ 'expected-digest': DIGEST, name: 'shop-sealed' }), '/w')
    ).toMatchObject({
      expected: DIGEST,
      source: { kind: 'artifact', name: 'shop-sealed', runId: null }
    })
    expect(() => readVerifySettings(inputs({ 'subject-path': 'dist' }), '/w')).toThrowSealError(
      'bad-input',
      'expected-digest'
    )
    expect(() => readVerifySettings(inputs({ 'expected-digest': DIGEST }), '/w')).toThrowSealError(
      'bad-input',
      'subject-path',
      'name'
    )
    expect(() =>
      readVerifySettings(
        inputs({ 'expected-digest': DIGEST, 'artifact-name': 'shop-sealed' }),
        '/w'
      )
    ).toThrowSealError('bad-input', 'subject-path', 'name')
  })

  it(
    'seal reads upload as true (bundle and files), seal (the bundle) or false, and part digests from ' +
      'subject-parts',
    () => {
      // The legs' listings are on disk: a line that names nothing there names a workflow artifact (fan-in).
      const dir = writeTree(tempDir('parts-'), {
        'seals/linux.sha256': `${'b'.repeat(64)}  app\n`,
        'seals/windows.sha256': `${'c'.repeat(64)}  app.exe\n`
      })
      expect(
        readSealSettings(inputs({ 'subject-path': 'dist', upload: 'true' }), dir).upload
      ).toEqual({ files: true, name: null, retentionDays: null })
      expect(
        readSealSettings(inputs({ 'subject-path': 'dist', upload: 'seal', name: 'x' }), dir).upload
      ).toEqual({ files: false, name: 'x', retentionDays: null })
      expect(
        readSealSettings(inputs({ 'subject-path': 'dist', upload: 'false' }), dir).upload
      ).toBeNull()
      expect(
        readSealSettings(
          inputs({ 'subject-digest': DIGEST, 'subject-name': 'img', upload: 'seal' }),
          dir
        ).upload
      ).toEqual({ files: false, name: null, retentionDays: null })
      const parts = readSealSettings(
        inputs({
          'subject-parts': `linux=seals/linux.sha256@${DIGEST}\nwindows=seals/windows.sha256`
        }),
        dir
      ).subject
      expect(parts).toMatchObject({
        kind: 'parts',
        parts: [{ name: 'linux' }, { name: 'windows' }]
      })
      expect(parts.kind === 'parts' ? [...parts.partDigests] : null).toEqual([['linux', DIGEST]])
      expect(
        readSealSettings(inputs({ 'subject-parts': `linux=parts-linux@${DIGEST}\nparts-*` }), dir)
          .subject
      ).toMatchObject({
        kind: 'parts',
        parts: [],
        artifacts: [{ name: 'linux', artifact: 'parts-linux' }, { artifact: 'parts-*' }]
      })
      expect(
        readSealSettings(
          inputs({ 'subject-path': 'dist', contract: 'openapi.yaml\nversion: 2.1.0' }),
          dir
        ).contract
      ).toMatchObject({ patterns: [{ pattern: 'openapi.yaml' }], version: '2.1.0' })
    }
  )

  it('seal takes exactly one subject, and carrying inputs only with files', () => {
    expect(
      readSealSettings(
        inputs({ 'subject-digest': DIGEST, 'subject-name': 'ghcr.io/acme/shop' }),
        '/w'
      ).subject
    ).toEqual({ kind: 'digest', digest: DIGEST, name: 'ghcr.io/acme/shop' })
    expect(() => readSealSettings(inputs({}), '/w')).toThrowSealError(
      'bad-input',
      'subject-path',
      'subject-digest'
    )
    expect(() =>
      readSealSettings(
        inputs({ 'subject-digest': DIGEST, 'subject-name': 'x', cache: 'true' }),
        '/w'
      )
    ).toThrowSealError('bad-input', 'cache', 'subject-digest')
    expect(() =>
      readSealSettings(
        inputs({ 'subject-path': 'dist', 'retention-days': '401', upload: 'true' }),
        '/w'
      )
    ).toThrowSealError('bad-input', 'retention-days', '"401"')
    // What GitHub takes: organizations may allow up to 400 days for private repositories.
    expect(
      readSealSettings(
        inputs({ 'subject-path': 'dist', 'retention-days': '400', upload: 'true' }),
        '/w'
      ).upload
    ).toMatchObject({ retentionDays: 400 })
  })
})
