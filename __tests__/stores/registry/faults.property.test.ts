// Whatever a registry answers (any status, any of the headers the client reads with any
// value, any body), every operation of the client ends in a result or a SealError: never
// another exception, which would reach the user as a stack trace.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { loadTestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest
let host: OciRegistryHost
let other: OciRegistryHost
let bundle: Buffer

beforeEach(async () => {
  host = await new OciRegistryHost().start()
  other = await new OciRegistryHost().start()
  bundle = await imageBundle('app', INDEX)
})
afterEach(async () => {
  await Promise.all([host.close(), other.close()])
})

function load(target: OciRegistryHost): void {
  loadTestImage(target, 'acme/app', image)
}

const headerValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'sha256:' + 'a'.repeat(64),
    INDEX,
    'application/vnd.oci.image.index.v1+json',
    'application/json',
    'Bearer realm="http://127.0.0.1:1/token"',
    'Basic realm="x"',
    'Bearer',
    '<http://[::1/x>; rel="next"',
    '</v2/acme/app/referrers/x?n=1>; rel="next"',
    '::',
    'http://%zz',
    '/relative',
    'not a url',
    '3',
    '-1',
    'Wed, 21 Oct 2015 07:28:00 GMT'
  )
)
const answer = fc.record({
  status: fc.constantFrom(
    200,
    201,
    202,
    204,
    301,
    302,
    303,
    307,
    308,
    400,
    401,
    403,
    404,
    405,
    406,
    408,
    409,
    412,
    429,
    500,
    502,
    503
  ),
  headers: fc.dictionary(
    fc.constantFrom(
      'location',
      'content-type',
      'docker-content-digest',
      'www-authenticate',
      'link',
      'oci-subject',
      'retry-after',
      'etag',
      'oci-filters-applied'
    ),
    headerValue,
    { maxKeys: 4 }
  ),
  body: fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '{"errors":[{"code":"X","message":"y"}]}',
      '{"manifests":[{"digest":"sha256:zz"}]}',
      '{"schemaVersion":2,"manifests":"x"}',
      '{"token":""}',
      '[]',
      'null'
    )
  ),
  path: fc.constantFrom('/manifests/', '/blobs/', '/referrers/', '/uploads/', '/v2/'),
  times: fc.integer({ min: 1, max: 3 })
})

const OPERATIONS = ['pin', 'platforms', 'retag', 'attach', 'bundles', 'copy'] as const

describe('any answer from a registry', () => {
  it('ends every operation in a result or a SealError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...OPERATIONS),
        async (answers, operation) => {
          await Promise.all([host.close(), other.close()])
          host = await new OciRegistryHost().start()
          other = await new OciRegistryHost().start()
          load(host)
          for (const a of answers)
            host.fault(
              new RegExp(a.path.replace(/[/]/g, '\\/')),
              { kind: 'status', status: a.status, headers: a.headers, body: a.body },
              { times: a.times }
            )
          const client = new RegistryClient({
            credentials: { env: {}, homeDir: tempDir('home-') },
            sleep: () => Promise.resolve(),
            fallback: { settleMs: 0 },
            timeoutMs: 5000
          })
          const ref = parseImageReference(`${host.host}/acme/app:v1`, 'image')
          const run = {
            pin: () => client.pin(ref),
            platforms: () => client.platforms(ref, INDEX),
            retag: () => client.retag(ref, INDEX, 'staging'),
            attach: () => client.attachBundle(ref, INDEX, bundle),
            bundles: () => client.bundles(ref, INDEX),
            copy: () =>
              client.copy(ref, INDEX, parseImageReference(`${other.host}/mirror/app:v1`, 'copy-to'))
          }[operation]
          try {
            await run()
          } catch (error) {
            if (!(error instanceof SealError)) throw error
            expect(error.message).toMatch(/^image "127\.0\.0\.1:\d+\/(acme|mirror)\/app/)
          }
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('answers that are not what the grammar allows', () => {
  it.each([
    [
      'an upload Location that is not a URL',
      /\/blobs\/uploads\/$/,
      { kind: 'status', status: 202, headers: { location: 'http://%zz' } },
      'attach'
    ],
    [
      'a redirect Location that is not a URL',
      /\/manifests\/v1$/,
      { kind: 'status', status: 307, headers: { location: 'http://%zz' } },
      'pin'
    ],
    [
      'a token realm that is not a URL',
      /\/manifests\/v1$/,
      {
        kind: 'status',
        status: 401,
        headers: { 'www-authenticate': 'Bearer realm="http://%zz",service="x"' }
      },
      'pin'
    ]
  ] as const)('%s is a SealError naming the image', async (_name, path, fault, operation) => {
    load(host)
    host.fault(path, fault, { times: 10 })
    const client = new RegistryClient({
      credentials: { env: {}, homeDir: tempDir('home-') },
      sleep: () => Promise.resolve(),
      fallback: { settleMs: 0 }
    })
    const ref = parseImageReference(`${host.host}/acme/app:v1`, 'image')
    const run = operation === 'attach' ? client.attachBundle(ref, INDEX, bundle) : client.pin(ref)
    let caught: unknown = null
    try {
      await run
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SealError)
    expect((caught as Error).message).toMatch(/^image "127\.0\.0\.1:\d+\/acme\/app/)
  })
})

it('reads the pages it has when a next page is not a URL', async () => {
  load(host)
  host.fault(/\/referrers\//, {
    kind: 'status',
    status: 200,
    headers: {
      'content-type': 'application/vnd.oci.image.index.v1+json',
      link: '<http://%zz>; rel="next"'
    },
    body: '{"schemaVersion":2,"manifests":[]}'
  })
  const client = new RegistryClient({
    credentials: { env: {}, homeDir: tempDir('home-') },
    fallback: { settleMs: 0 }
  })
  expect(
    await client.bundles(parseImageReference(`${host.host}/acme/app`, 'image'), INDEX)
  ).toEqual([])
})
