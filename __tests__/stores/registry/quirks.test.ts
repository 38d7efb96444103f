// The registry client against the in-process registry host: the referrers API that
// distribution 2.8 lacks, the quirks of real registries (GHCR, ECR, 406, immutable tags,
// no Docker-Content-Digest, blob storage on another origin), and every fault a registry
// can answer with. Each failure must be a SealError naming the image, never a stack.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import { requirePlatforms } from '../../../src/core/image/manifest.js'
import { OCI_EMPTY, SIGSTORE_BUNDLE_V03 } from '../../../src/core/image/media-types.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { fallbackTag } from '../../../src/core/image/referrers.js'
import { RegistryClient, type RegistryClientOptions } from '../../../src/stores/registry/client.js'
import { isLoopbackHost } from '../../../src/stores/registry/transport.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { loadTestImage, type TestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest

function load(host: OciRegistryHost, repository: string, test: TestImage = image): void {
  loadTestImage(host, repository, test, { v1: 'index', single: 'single' })
}

let host: OciRegistryHost
let slept: number[]
const ref = (text: string) => parseImageReference(`${host.host}/${text}`, 'image')

function client(options: RegistryClientOptions = {}): RegistryClient {
  return new RegistryClient({
    credentials: { env: {}, homeDir: tempDir('home-'), ...(options.credentials ?? {}) },
    sleep: (ms) => {
      slept.push(ms)
      return Promise.resolve()
    },
    random: () => 0.5,
    fallback: { settleMs: 0 },
    ...options
  })
}

/** The SealError an operation rejects with: its message. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(SealError)
    return (error as Error).message
  }
  throw new Error('accepted: no SealError was thrown')
}

beforeEach(async () => {
  host = await new OciRegistryHost().start()
  load(host, 'acme/app')
  slept = []
})
afterEach(async () => {
  await host.close()
})

describe('the referrers API', () => {
  it('attaches through the API when the registry both indexes the subject and serves the API: no fallback tag', async () => {
    const c = client()
    const report = await c.attachBundle(ref('acme/app'), INDEX, await imageBundle('app', INDEX))
    expect(report).toEqual({ manifest: expect.any(String), via: 'referrers-api', tag: null })
    expect(host.tags('acme/app')).not.toContain(fallbackTag(INDEX))
    const found = await c.bundles(ref('acme/app'), INDEX)
    expect(found.map((f) => f.referrer.manifest.digest)).toEqual([report.manifest])
  })

  it('reads every page and asks for a filter, yet judges each referrer by its manifest', async () => {
    const c = client()
    const attached = []
    for (const note of ['a', 'b', 'c'])
      attached.push(
        (await c.attachBundle(ref('acme/app'), INDEX, await imageBundle('app', INDEX, note)))
          .manifest
      )
    host.quirks.referrersPageSize = 1
    const all = await c.referrers(ref('acme/app'), INDEX)
    expect(all.map((r) => r.manifest.digest).sort()).toEqual([...attached].sort())
    expect(
      host.requests.filter((r) => r.path.includes('/referrers/') && r.path.includes('page=')).length
    ).toBe(2)
    const filtered = await c.referrers(ref('acme/app'), INDEX, {
      artifactType: SIGSTORE_BUNDLE_V03
    })
    expect(filtered.length).toBe(3)
    expect(
      host.requests.some((r) =>
        r.path.includes(`artifactType=${encodeURIComponent(SIGSTORE_BUNDLE_V03)}`)
      )
    ).toBe(true)
    expect(
      await c.referrers(ref('acme/app'), INDEX, { artifactType: 'application/spdx+json' })
    ).toEqual([])
  })
})

describe('registry quirks', () => {
  it('GHCR: no API, and a fallback index whose artifactType is the empty type; the bundle is still found', async () => {
    host.quirks.ghcr = true
    const c = client()
    const report = await c.attachBundle(ref('acme/app'), INDEX, await imageBundle('app', INDEX))
    expect(report.via).toBe('fallback-tag')
    const index = JSON.parse(host.manifest('acme/app', fallbackTag(INDEX))!.bytes.toString()) as {
      manifests: { digest: string; artifactType: string }[]
    }
    // A reader that trusted the index would drop it: the entry claims to be an empty artifact.
    expect(index.manifests).toEqual([
      expect.objectContaining({ digest: report.manifest, artifactType: OCI_EMPTY })
    ])
    const found = await c.bundles(ref('acme/app'), INDEX)
    expect(found.map((f) => f.referrer.manifest.digest)).toEqual([report.manifest])
  })

  it('ECR: OCI-Subject without the API is not taken as the API; the fallback tag is written', async () => {
    host.quirks.ecr = true
    const report = await client().attachBundle(
      ref('acme/app'),
      INDEX,
      await imageBundle('app', INDEX)
    )
    expect(report.via).toBe('fallback-tag')
    expect(host.tags('acme/app')).toContain(fallbackTag(INDEX))
  })

  it('406 on /referrers/: read and written through the fallback tag', async () => {
    host.quirks.referrers406 = true
    const c = client()
    const report = await c.attachBundle(ref('acme/app'), INDEX, await imageBundle('app', INDEX))
    expect(report.via).toBe('fallback-tag')
    expect(
      (await c.bundles(ref('acme/app'), INDEX)).map((f) => f.referrer.manifest.digest)
    ).toEqual([report.manifest])
  })

  it('immutable tags: a retag over another image and a second fallback write are refused, saying what to change', async () => {
    host.quirks.immutableTags = true
    host.quirks.referrersApi = false
    const c = client()
    const retag = await refusal(c.retag(ref('acme/app'), INDEX, 'single'))
    expect(retag).toMatch(
      /^image "127\.0\.0\.1:\d+\/acme\/app": PUT http:\/\/127\.0\.0\.1:\d+\/v2\/acme\/app\/manifests\/single answered 409 TAG_INVALID: tag single is immutable/
    )
    // Setting a tag that names the digest already is no change, so it passes.
    expect((await c.retag(ref('acme/app'), INDEX, 'v1')).digest).toBe(INDEX)
    await c.attachBundle(ref('acme/app'), INDEX, await imageBundle('app', INDEX, 'first'))
    const second = await refusal(
      c.attachBundle(ref('acme/app'), INDEX, await imageBundle('app', INDEX, 'second'))
    )
    expect(second).toMatch(/exempt tags matching "sha256-\*" from tag immutability/)
  })

  it('no Docker-Content-Digest: the tag is resolved by hashing what GET serves', async () => {
    host.quirks.dropDigestHeader = true
    const c = client()
    expect((await c.resolve(ref('acme/app:v1'))).digest).toBe(INDEX)
    const pinned = await c.pin(ref('acme/app:v1'))
    expect(pinned.digest).toBe(INDEX)
    expect(c.requestCounts()).toEqual({ resolve: 2, pin: 2 })
    expect((await c.fetchManifest(ref('acme/app'), image.digests.amd64 as Digest)).digest).toBe(
      image.digests.amd64
    )
  })

  it(
    'blob storage on another origin: the redirect is followed without the Authorization header or the query ' +
      'in messages',
    async () => {
      host.quirks.basicAuth = { username: 'u', password: 'p' }
      host.quirks.redirectBlobs = true
      const credentials = {
        explicit: [{ registry: host.host, username: 'u', password: 'p' }],
        env: {},
        homeDir: tempDir('home-')
      }
      const c = client({ credentials })
      const bundle = await imageBundle('app', INDEX)
      await c.attachBundle(ref('acme/app'), INDEX, bundle)
      const found = await c.bundles(ref('acme/app'), INDEX)
      expect(found[0]!.bundle.equals(bundle)).toBe(true)
      expect(host.storageRequests.length).toBeGreaterThan(0)
      expect(host.storageRequests.every((r) => !r.authorization)).toBe(true)
      // The registry itself got the credentials on everything but the first, challenged, request.
      expect(
        host.requests
          .filter((r) => r.path.startsWith('/v2/acme/') && !r.authorization)
          .map((r) => r.status)
      ).toEqual([401])
      // Storage refusing the redirected GET: the message names the storage origin, never its signed query.
      host.fault(/^storage:/, { kind: 'status', status: 403 })
      const message = await refusal(c.bundles(ref('acme/app'), INDEX))
      expect(message).toContain(host.storageOrigin)
      expect(message).toMatch(/answered 403/)
      expect(message).not.toContain('secret-query')
    }
  )

  it(
    'HEAD without a manifest type: the tag is resolved by hashing what GET serves, and must agree with the ' +
      'HEAD digest',
    async () => {
      host.quirks.headContentType = 'application/json'
      const c = client()
      expect((await c.pin(ref('acme/app:v1'))).digest).toBe(INDEX)
      expect(c.requestCounts()).toEqual({ pin: 2 })
      expect((await c.resolve(ref('acme/app:single'))).digest).toBe(image.digests.single)
    }
  )

  it('an upload sent to another origin goes there without the credentials', async () => {
    host.quirks.basicAuth = { username: 'u', password: 'p' }
    host.quirks.uploadElsewhere = true
    const c = client({
      credentials: {
        explicit: [{ registry: host.host, username: 'u', password: 'p' }],
        env: {},
        homeDir: tempDir('home-')
      }
    })
    const bundle = await imageBundle('app', INDEX)
    const report = await c.attachBundle(ref('acme/app'), INDEX, bundle)
    expect(
      (await c.bundles(ref('acme/app'), INDEX)).map((f) => f.referrer.manifest.digest)
    ).toEqual([report.manifest])
    const uploads = host.storageRequests.filter((r) => r.path.startsWith('/uploads/'))
    expect(uploads.length).toBeGreaterThan(0)
    expect(uploads.every((r) => !r.authorization)).toBe(true)
  })

  it("keeps a registry's error text inert: no control characters reach the message", async () => {
    host.fault(
      /\/manifests\/staging$/,
      {
        kind: 'status',
        status: 400,
        body: JSON.stringify({
          errors: [{ code: 'DENIED', message: 'no\n::error::forged\u001b[31m red' }]
        })
      },
      { method: 'PUT' }
    )
    const message = await refusal(client().retag(ref('acme/app'), INDEX, 'staging'))
    expect(message).toContain('DENIED: no ::error::forged [31m red')
    expect(message).not.toMatch(/\p{Cc}/u)
  })

  it('refuses a redirect that would send the request in the clear to another host', async () => {
    host.fault(/\/manifests\/v1$/, {
      kind: 'status',
      status: 307,
      headers: { location: 'http://registry.example.invalid/v2/acme/app/manifests/v1' }
    })
    const message = await refusal(client().resolve(ref('acme/app:v1')))
    expect(message).toMatch(/in the clear/)
  })
})

describe('faults', () => {
  it('waits out a 429 as long as Retry-After asks, then succeeds', async () => {
    host.fault(/\/manifests\/v1$/, { kind: 'status', status: 429, headers: { 'retry-after': '3' } })
    const c = client()
    expect((await c.resolve(ref('acme/app:v1'))).digest).toBe(INDEX)
    expect(slept).toEqual([3000])
    expect(c.requestCounts()).toEqual({ resolve: 2 })
  })

  it('refuses at once a 429 that asks for longer than it waits', async () => {
    host.fault(/\/manifests\/v1$/, {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '3600' }
    })
    const message = await refusal(client().resolve(ref('acme/app:v1')))
    expect(message).toMatch(
      /^image "127\.0\.0\.1:\d+\/acme\/app:v1": the registry rate-limited HEAD http:\/\/127\.0\.0\.1:\d+\/v2\/acme\/app\/manifests\/v1 .* wait of 3600 s/
    )
    expect(slept).toEqual([])
  })

  it.each([
    ['503', { kind: 'status', status: 503 }],
    ['502', { kind: 'status', status: 502 }],
    ['408', { kind: 'status', status: 408 }],
    ['a reset connection', { kind: 'reset' }]
  ] as const)('retries %s with backoff and jitter, then succeeds', async (_name, fault) => {
    host.fault(/\/manifests\//, fault, { times: 2 })
    const c = client()
    expect((await c.pin(ref('acme/app:v1'))).digest).toBe(INDEX)
    // random() = 0.5: half the doubled ceiling fixed, a quarter from jitter.
    expect(slept).toEqual([750, 1500])
  })

  it('gives up after its attempts with the last answer in the message', async () => {
    host.fault(/\/manifests\//, { kind: 'status', status: 503 }, { times: 10 })
    const message = await refusal(client().resolve(ref('acme/app:v1')))
    expect(message).toMatch(
      /^image "127\.0\.0\.1:\d+\/acme\/app:v1": HEAD http:\/\/127\.0\.0\.1:\d+\/v2\/acme\/app\/manifests\/v1 failed 4 times; the last answer was 503\. Run again/
    )
    // A GET's answer has a body: the registry's own error text is quoted.
    host.fault(/\/manifests\//, { kind: 'status', status: 503 }, { times: 10, method: 'GET' })
    expect(await refusal(client().fetchManifest(ref('acme/app'), INDEX))).toMatch(
      /GET .* failed 4 times; the last answer was 503 UNAVAILABLE: injected 503\./
    )
  })

  it('stops retrying when the next wait would pass the total deadline', async () => {
    host.fault(/\/manifests\//, { kind: 'status', status: 500 }, { times: 10 })
    const message = await refusal(
      client({ deadlineMs: 1500, random: () => 1 }).resolve(ref('acme/app:v1'))
    )
    expect(message).toMatch(
      /failed 2 times; the last answer was 500\. .* \(the retries ran out of time\)/
    )
    expect(slept).toEqual([1000])
  })

  it('times out an attempt that gets no answer and tries again', async () => {
    host.fault(/\/manifests\/v1$/, { kind: 'hang' })
    const c = client({ timeoutMs: 300 })
    expect((await c.resolve(ref('acme/app:v1'))).digest).toBe(INDEX)
    expect(slept.length).toBe(1)
    host.fault(/\/manifests\/v1$/, { kind: 'hang' }, { times: 4 })
    expect(await refusal(c.resolve(ref('acme/app:v1')))).toMatch(
      /failed 4 times; the last attempt got no answer before the request timed out/
    )
  })

  it('refuses a manifest whose bytes do not hash to the digest asked for', async () => {
    host.fault(/\/manifests\/sha256:/, { kind: 'tamper' })
    const message = await refusal(client().pin(ref('acme/app:v1')))
    expect(message).toMatch(
      new RegExp(
        '^image "127\\.0\\.0\\.1:\\d+/acme/app:v1": the registry served a manifest whose bytes hash to ' +
          `sha256:[0-9a-f]{64}, not to the digest asked for, ${INDEX}`
      )
    )
  })

  it('names a missing tag, repository or digest', async () => {
    const c = client()
    expect(await refusal(c.pin(ref('acme/app:nope')))).toMatch(
      /^image "127\.0\.0\.1:\d+\/acme\/app:nope": the tag "nope" does not exist in "acme\/app" on 127\.0\.0\.1:\d+ \(404\)/
    )
    expect(await refusal(c.resolve(ref('other/app:v1')))).toMatch(
      /the tag "v1" does not exist in "other\/app"/
    )
    expect(await refusal(c.fetchManifest(ref('acme/app'), `sha256:${'0'.repeat(64)}`))).toMatch(
      /the manifest sha256:0{64} is not in "acme\/app"/
    )
  })

  it('names a 403 as a denial of the right the operation needs', async () => {
    host.fault(
      /\/manifests\/staging$/,
      {
        kind: 'status',
        status: 403,
        body: JSON.stringify({
          errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }]
        })
      },
      { method: 'PUT' }
    )
    const message = await refusal(client().retag(ref('acme/app'), INDEX, 'staging'))
    expect(message).toMatch(
      /does not let this client push to \(pull and push\) "acme\/app" without credentials \(DENIED: requested access to the resource is denied\)/
    )
  })

  it('refuses an unreadable challenge and a token realm in the clear', async () => {
    host.fault(/\/manifests\/v1$/, {
      kind: 'status',
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="unterminated' }
    })
    expect(await refusal(client().resolve(ref('acme/app:v1')))).toMatch(
      /unreadable WWW-Authenticate header "Bearer realm=\\"unterminated"/
    )
    host.fault(/\/manifests\/v1$/, {
      kind: 'status',
      status: 401,
      headers: {
        'www-authenticate': 'Bearer realm="http://auth.example.invalid/token",service="x"'
      }
    })
    expect(await refusal(client().resolve(ref('acme/app:v1')))).toMatch(
      /token service "http:\/\/auth\.example\.invalid\/token", which is not HTTPS/
    )
  })

  it('says what to install or give when no credentials are found', async () => {
    host.quirks.basicAuth = { username: 'u', password: 'p' }
    const message = await refusal(client().resolve(ref('acme/app:v1')))
    expect(message).toMatch(
      /asks for credentials, and none were found for it \(looked at .*config\.json; no containers auth file/
    )
  })

  it('renews a token the registry stopped taking (GHCR gives no expiry), once', async () => {
    host.quirks.bearerAuth = { username: 'u', password: 'p' }
    const c = client({
      credentials: {
        explicit: [{ registry: host.host, username: 'u', password: 'p' }],
        env: {},
        homeDir: tempDir('home-')
      }
    })
    await c.pin(ref('acme/app:v1'))
    expect(host.tokenRequests.length).toBe(1)
    await c.pin(ref('acme/app:v1'))
    expect(host.tokenRequests.length).toBe(1)
    host.revokeTokens()
    await c.pin(ref('acme/app:v1'))
    expect(host.tokenRequests.length).toBe(2)
    // A pull,push token is asked for once a write needs it.
    await c.retag(ref('acme/app'), INDEX, 'staging')
    expect(host.tokenRequests.map((t) => t.scopes)).toEqual([
      ['repository:acme/app:pull'],
      ['repository:acme/app:pull'],
      ['repository:acme/app:pull,push']
    ])
  })

  it('refuses an index that lacks a wanted platform', async () => {
    const platforms = await client().platforms(ref('acme/app'), INDEX)
    expect(() =>
      requirePlatforms(platforms, ['linux/amd64', 'linux/s390x'], 'image "x"')
    ).toThrowSealError('refused')
  })

  it('keeps every entry when fallback writers race, with If-Match honoured (412 and merge again)', async () => {
    host.quirks.referrersApi = false
    const writers = 4
    let waiting = 0
    let release: () => void = () => undefined
    const allRead = new Promise<void>((resolve) => (release = resolve))
    // Every writer reads the index before any writes: each PUT after the first is stale.
    const c = client({
      fallback: {
        settleMs: 0,
        pauses: { beforeWrite: () => (++waiting === writers ? (release(), allRead) : allRead) }
      }
    })
    const bundles = await Promise.all(
      Array.from({ length: writers }, (_, i) => imageBundle('app', INDEX, `writer ${i}`))
    )
    const reports = await Promise.all(bundles.map((b) => c.attachBundle(ref('acme/app'), INDEX, b)))
    const index = JSON.parse(host.manifest('acme/app', fallbackTag(INDEX))!.bytes.toString()) as {
      manifests: { digest: string }[]
    }
    expect(index.manifests.map((m) => m.digest).sort()).toEqual(
      reports.map((r) => r.manifest).sort()
    )
    expect(host.requests.filter((r) => r.status === 412).length).toBeGreaterThan(0)
  })

  it('refuses a blob whose bytes do not hash to its digest while copying to another registry', async () => {
    const other = await new OciRegistryHost().start()
    try {
      host.fault(/\/blobs\/sha256:/, { kind: 'tamper' }, { method: 'GET' })
      const message = await refusal(
        client().copy(
          ref('acme/app'),
          INDEX,
          parseImageReference(`${other.host}/mirror/app:v1`, 'copy-to')
        )
      )
      expect(message).toMatch(
        /the source served \d+ bytes hashing to sha256:[0-9a-f]{64} for the blob sha256:[0-9a-f]{64}/
      )
      expect(other.tags('mirror/app')).toEqual([])
    } finally {
      await other.close()
    }
  })

  it(
    'refuses a blob shorter than its descriptor at once while copying, rather than leave the ' +
      'destination waiting for the rest until the blob timeout',
    async () => {
      const other = await new OciRegistryHost().start()
      try {
        host.fault(
          /\/blobs\/sha256:/,
          { kind: 'status', status: 200, headers: {}, body: 'abc' },
          { method: 'GET', times: 10 }
        )
        // The blob timeout is past the test's own: a short body that hung the upload fails it.
        const message = await refusal(
          client({ blobTimeoutMs: 60_000 }).copy(
            ref('acme/app'),
            INDEX,
            parseImageReference(`${other.host}/mirror/app:v1`, 'copy-to')
          )
        )
        expect(message).toMatch(
          /the source served 3 bytes hashing to sha256:[0-9a-f]{64} for the blob sha256:[0-9a-f]{64} \(\d+ bytes\)/
        )
        expect(other.tags('mirror/app')).toEqual([])
      } finally {
        await other.close()
      }
    }
  )

  it('copies to another registry by streaming blobs, the referrers API on the destination', async () => {
    const other = await new OciRegistryHost().start()
    try {
      host.quirks.referrersApi = false
      const c = client()
      const attached = await c.attachBundle(ref('acme/app'), INDEX, await imageBundle('app', INDEX))
      const destination = parseImageReference(`${other.host}/mirror/app:v1`, 'copy-to')
      const report = await c.copy(ref('acme/app'), INDEX, destination)
      expect(report.blobs.uploaded).toBeGreaterThan(0)
      expect(report.blobs.mounted).toBe(0)
      expect(
        other.manifest('mirror/app', 'v1')!.bytes.equals(host.manifest('acme/app', 'v1')!.bytes)
      ).toBe(true)
      expect(other.tags('mirror/app')).toEqual(['v1'])
      expect((await c.bundles(destination, INDEX)).map((f) => f.referrer.manifest.digest)).toEqual([
        attached.manifest
      ])
      // Copying again moves nothing: every manifest is there.
      const again = await c.copy(ref('acme/app'), INDEX, destination)
      expect(again.manifests).toBe(0)
      expect(again.blobs.uploaded).toBe(0)
    } finally {
      await other.close()
    }
  })
})

describe('transport', () => {
  it('reaches loopback registries over HTTP and every other one over HTTPS, unless named insecure', async () => {
    const elsewhere = parseImageReference('registry.example.invalid/acme/app:v1', 'image')
    const once = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
    expect(await refusal(client({ retry: once }).resolve(elsewhere))).toContain(
      'HEAD https://registry.example.invalid/v2/acme/app/manifests/v1 failed once'
    )
    expect(
      await refusal(
        client({ retry: once, insecureRegistries: ['registry.example.invalid'] }).resolve(elsewhere)
      )
    ).toContain('HEAD http://registry.example.invalid/v2/acme/app/manifests/v1 failed once')
  })

  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['127.0.0.1:5000', true],
    ['127.9.8.7', true],
    ['[::1]:5000', true],
    ['localhost.example.com', false],
    ['127.0.0.1.example.com:5000', false],
    ['10.0.0.1:5000', false],
    ['[::2]', false]
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})
