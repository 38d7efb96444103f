import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import {
  misspelledInputs,
  readBytesSource,
  readSubject
} from '../../../src/app/settings/bytes-source.js'
import { parseBooleanInput } from '../../../src/app/settings/inputs.js'
import { parseLedgerLocation } from '../../../src/app/settings/ledger-location.js'
import { signerExpectation } from '../../../src/app/settings/signer-expectation.js'
import type { GetInput, SignerCheckSettings } from '../../../src/app/settings/types.js'
import { signatureSources } from '../../../src/app/signature/sources.js'

const NAMES = {
  subjectPath: 'subject-path',
  checksumsPath: 'checksums-path',
  name: 'name',
  runId: 'run-id',
  repository: 'repository',
  token: 'github-token',
  listingAlone: true
}
const inputs =
  (given: Record<string, string>): GetInput =>
  (name) =>
    given[name] ?? ''

describe('where the bytes are, from the inputs', () => {
  it('reads files in the workspace, or a workflow artifact of this run, another run or another repository', () => {
    expect(
      readBytesSource(
        inputs({ 'subject-path': 'dist\n!dist/*.map', 'checksums-path': 'seal/app.sha256' }),
        '/w',
        NAMES
      )
    ).toEqual({
      kind: 'local',
      subject: {
        kind: 'paths',
        patterns: { include: ['dist'], exclude: ['dist/*.map'] },
        baseDir: '/w',
        inputName: 'subject-path',
        unusedExclusions: 'allow',
        hidden: 'leave-out'
      },
      checksumsFile: path.join('/w', 'seal/app.sha256')
    })
    expect(
      readBytesSource(
        inputs({ name: 'shop-sealed', 'run-id': '42', 'github-token': 't' }),
        '/w',
        NAMES
      )
    ).toEqual({ kind: 'artifact', name: 'shop-sealed', runId: 42, repository: null, token: 't' })
    expect(
      readBytesSource(
        inputs({
          name: 'shop-sealed',
          'run-id': '42',
          repository: 'acme/tools',
          'github-token': 't'
        }),
        '/w',
        NAMES
      )
    ).toMatchObject({ kind: 'artifact', repository: 'acme/tools' })
    expect(readBytesSource(inputs({}), '/w', NAMES)).toBeNull()
  })

  it(
    'refuses two places at once, a run id or repository alone, a run id that is no number, and another run ' +
      'without a token',
    () => {
      expect(() =>
        readBytesSource(inputs({ 'subject-path': 'dist', name: 'shop-sealed' }), '/w', NAMES)
      ).toThrowSealError('bad-input', 'subject-path', 'name')
      expect(() => readBytesSource(inputs({ 'run-id': '42' }), '/w', NAMES)).toThrowSealError(
        'bad-input',
        'run-id',
        '"42"'
      )
      expect(() =>
        readBytesSource(inputs({ repository: 'acme/tools' }), '/w', NAMES)
      ).toThrowSealError('bad-input', 'repository', '"acme/tools"')
      expect(() =>
        readBytesSource(
          inputs({ name: 'a', repository: 'acme/tools', 'github-token': 't' }),
          '/w',
          NAMES
        )
      ).toThrowSealError('bad-input', 'repository', 'run-id')
      expect(() =>
        readBytesSource(
          inputs({ name: 'a', 'run-id': '42', repository: 'tools', 'github-token': 't' }),
          '/w',
          NAMES
        )
      ).toThrowSealError('bad-input', 'repository', '"tools"')
      expect(() =>
        readBytesSource(inputs({ name: 'a', 'run-id': '4x' }), '/w', NAMES)
      ).toThrowSealError('bad-input', 'run-id', '"4x"')
      expect(() =>
        readBytesSource(inputs({ name: 'a', 'run-id': '42' }), '/w', NAMES)
      ).toThrowSealError('bad-input', 'github-token')
      expect(readSubject(inputs({ root: 'out' }), '/w', 'subject-path')).toBeNull()
    }
  )

  it('names an input given under a spelling the action does not read', () => {
    expect(
      misspelledInputs({ INPUT_SUBJECT_PATH: 'dist', INPUT_NAME: 'shop' }, ['name', 'subject-path'])
    ).toEqual(['subject_path (INPUT_SUBJECT_PATH), read as nothing: did you mean subject-path?'])
  })
})

describe('the other settings shared by the actions and the CLI', () => {
  it('booleans are true or false, empty for the default', () => {
    expect([
      parseBooleanInput('x', 'TRUE', false),
      parseBooleanInput('x', '', true),
      parseBooleanInput('x', 'false', true)
    ]).toEqual([true, true, false])
    expect(() => parseBooleanInput('upload', 'yes', false)).toThrowSealError(
      'bad-input',
      'upload',
      '"yes"'
    )
  })

  it('a ledger is "github" or file:<path>', () => {
    expect(parseLedgerLocation('github', 'ledger', '/w')).toEqual({ kind: 'github' })
    expect(parseLedgerLocation('file:l.jsonl', 'ledger', '/w')).toEqual({
      kind: 'file',
      file: path.join('/w', 'l.jsonl')
    })
    expect(() => parseLedgerLocation('s3://x', 'ledger', '/w')).toThrowSealError(
      'bad-input',
      'ledger',
      '"s3://x"'
    )
  })

  it(
    "the signer expectation is on the runner's server, and the attestations API is asked only with a token, " +
      'when a signature is asked for',
    async () => {
      const settings = {
        repository: 'acme/shop',
        workflow: null,
        sourceRef: null,
        issuer: null,
        denySelfHostedRunners: false,
        publicKey: null,
        trustedRootFile: null,
        tufMirrors: null,
        requireSignature: null,
        named: [],
        asksForSigner: false
      } as SignerCheckSettings
      expect(
        signerExpectation(settings, true, { GITHUB_SERVER_URL: 'https://ghe.example.com/' })
      ).toMatchObject({ required: true, serverUrl: 'https://ghe.example.com' })
      expect(
        signatureSources('/b/app.sha256', true, '', 'github-token', {
          GITHUB_REPOSITORY: 'acme/shop'
        })
      ).toEqual({ checksumsFile: '/b/app.sha256', attestations: null })
      expect(
        signatureSources(null, false, 't', 'github-token', { GITHUB_REPOSITORY: 'acme/shop' })
          .attestations
      ).toBeNull()
      expect(
        signatureSources(null, true, 't', 'github-token', { GITHUB_REPOSITORY: 'acme/shop' })
          .attestations
      ).toEqual(expect.any(Function))
    }
  )
})
