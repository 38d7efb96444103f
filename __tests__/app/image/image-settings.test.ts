// subject-path: oci://… in the seal's settings and in the bytes source verify and promote
// share: one image alone, nothing that applies to files only, and a reference by
// distribution's grammar; every refusal names the input and quotes the value.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { readSealSettings } from '../../../src/actions/seal/settings.js'
import { readBytesSource } from '../../../src/app/settings/bytes-source.js'
import type { GetInput } from '../../../src/app/settings/types.js'
import { isImageSubject, parseImageSubject } from '../../../src/core/image/reference.js'

const NAMES = {
  subjectPath: 'subject-path',
  checksumsPath: 'checksums-path',
  name: 'name',
  runId: 'run-id',
  repository: 'repository',
  token: 'github-token',
  plainHttp: 'plain-http-registries',
  listingAlone: true
}
const inputs =
  (given: Record<string, string>): GetInput =>
  (name) =>
    given[name] ?? ''
const DIGEST = `sha256:${'ab'.repeat(32)}`

describe('an image as subject-path', () => {
  it('is told from files by its oci:// scheme in any entry, whatever its case', () => {
    expect(isImageSubject('oci://ghcr.io/acme/app:1.0')).toBe(true)
    expect(isImageSubject('  OCI://ghcr.io/acme/app')).toBe(true)
    expect(isImageSubject('dist\noci://ghcr.io/acme/app')).toBe(true)
    expect(isImageSubject('dist, oci://ghcr.io/acme/app')).toBe(true)
    expect(isImageSubject('dist/oci:/x')).toBe(false)
    expect(isImageSubject('dist')).toBe(false)
  })

  it('reads one reference, comments and blank lines aside', () => {
    expect(
      parseImageSubject('# the app\n\n oci://GHCR.io/Acme/App:1.4.0 \n', 'subject-path')
    ).toEqual({
      registry: 'ghcr.io',
      repository: 'acme/app',
      name: 'ghcr.io/acme/app',
      tag: '1.4.0',
      digest: null
    })
    expect(parseImageSubject(`oci://localhost:5000/app@${DIGEST}`, 'subject-path')).toMatchObject({
      registry: 'localhost:5000',
      name: 'localhost:5000/app',
      tag: null,
      digest: DIGEST
    })
  })

  it('refuses an image among other entries, and a reference outside the grammar, naming the input and the value', () => {
    expect(() =>
      parseImageSubject('dist\noci://ghcr.io/acme/app', 'subject-path')
    ).toThrowSealError('bad-input', 'subject-path', 'alone')
    expect(() =>
      parseImageSubject('oci://ghcr.io/a:1, oci://ghcr.io/b:1', 'subject-path')
    ).toThrowSealError('bad-input', 'subject-path', 'alone')
    expect(() => parseImageSubject('oci://ghcr.io/acme/app:-bad', 'subject-path')).toThrowSealError(
      'bad-input',
      'subject-path',
      '"-bad"'
    )
    expect(() => parseImageSubject('oci://', 'subject-path')).toThrowSealError(
      'bad-input',
      'subject-path',
      'empty'
    )
  })
})

describe('the seal settings of an image', () => {
  it('seal an image and may push the signed seal beside it', () => {
    const settings = readSealSettings(
      inputs({ 'subject-path': 'oci://ghcr.io/acme/app:1.4.0', 'push-to-registry': 'true' }),
      '/w'
    )
    expect(settings.subject).toEqual({
      kind: 'image',
      reference: expect.objectContaining({ name: 'ghcr.io/acme/app', tag: '1.4.0' })
    })
    expect(settings.pushToRegistry).toBe(true)
    expect(
      readSealSettings(inputs({ 'subject-path': 'oci://ghcr.io/acme/app:1.4.0' }), '/w')
        .pushToRegistry
    ).toBe(false)
  })

  it('refuses what applies to files only, and push-to-registry without an image', () => {
    const image = { 'subject-path': 'oci://ghcr.io/acme/app:1.4.0' }
    expect(() => readSealSettings(inputs({ ...image, cache: 'true' }), '/w')).toThrowSealError(
      'bad-input',
      'cache',
      'an image'
    )
    expect(() => readSealSettings(inputs({ ...image, upload: 'true' }), '/w')).toThrowSealError(
      'bad-input',
      'upload',
      'an image'
    )
    expect(() =>
      readSealSettings(inputs({ ...image, contract: 'openapi.yaml' }), '/w')
    ).toThrowSealError('bad-input', 'contract')
    expect(() =>
      readSealSettings(inputs({ 'subject-path': 'dist', 'push-to-registry': 'true' }), '/w')
    ).toThrowSealError('bad-input', 'push-to-registry', 'subject-path')
    expect(() =>
      readSealSettings(inputs({ ...image, 'push-to-registry': 'yes please' }), '/w')
    ).toThrowSealError('bad-input', 'push-to-registry')
  })
})

describe('an image as the bytes verify and promote check', () => {
  it(
    'is read with the token for the GitHub registry and the seal bundle listing beside which its signature ' +
      'may be',
    () => {
      expect(
        readBytesSource(
          inputs({
            'subject-path': 'oci://ghcr.io/acme/app:1.4.0',
            'github-token': 't',
            'checksums-path': 'seal/app.sha256',
            'plain-http-registries': 'Registry.LAN:5000\n# a comment\n\n10.0.0.5\n'
          }),
          '/w',
          NAMES
        )
      ).toEqual({
        kind: 'image',
        reference: expect.objectContaining({ name: 'ghcr.io/acme/app', tag: '1.4.0' }),
        inputName: 'subject-path',
        token: 't',
        checksumsFile: path.join('/w', 'seal/app.sha256'),
        plainHttp: ['registry.lan:5000', '10.0.0.5']
      })
    }
  )

  it('refuses a second source and run-id beside an image', () => {
    const image = { 'subject-path': 'oci://ghcr.io/acme/app:1.4.0' }
    expect(() => readBytesSource(inputs({ ...image, name: 'a' }), '/w', NAMES)).toThrowSealError(
      'bad-input',
      'subject-path',
      'name'
    )
    expect(() =>
      readBytesSource(inputs({ ...image, 'run-id': '42' }), '/w', NAMES)
    ).toThrowSealError('bad-input', 'run-id', '"42"')
  })
})
