// The image gate against the in-process registry host: what it proves, what it hands out,
// and each way a registry can fail it (a tag that moved, bytes swapped in transit, a child
// that is no platform, a missing tag, refused credentials, a flaky or oversized answer).
// Every refusal is a SealError naming the image, never an acceptance.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { OCI_INDEX } from '../../../src/core/image/media-types.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { checkImage } from '../../../src/app/image/check-image.js'
import { resolveImage } from '../../../src/app/image/resolve-image.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { loadTestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest
const SINGLE = image.digests.single as Digest

let host: OciRegistryHost
const ref = (text: string) => parseImageReference(`${host.host}/${text}`, 'subject-path')

function client(): RegistryClient {
  return new RegistryClient({
    credentials: { env: {}, homeDir: tempDir('home-') },
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    fallback: { settleMs: 0 }
  })
}

beforeEach(async () => {
  host = await new OciRegistryHost().start()
  loadTestImage(host, 'acme/app', image, { v1: 'index', single: 'single', arm: 'arm64' })
})
afterEach(async () => {
  await host.close()
})

describe('sealing an image', () => {
  it('seals the index the tag names, its platform images without the attestation manifest', async () => {
    const sealed = await resolveImage(ref('acme/app:v1'), client())
    expect(sealed).toEqual({
      name: `${host.host}/acme/app`,
      digest: INDEX,
      tag: 'v1',
      mediaType: OCI_INDEX,
      platforms: [
        {
          platform: 'linux/amd64',
          descriptor: expect.objectContaining({ digest: image.digests.amd64 })
        },
        {
          platform: 'linux/arm64/v8',
          descriptor: expect.objectContaining({ digest: image.digests.arm64 })
        }
      ]
    })
    expect((await resolveImage(ref(`acme/app@${SINGLE}`), client())).tag).toBeNull()
  })

  it('refuses a manifest whose bytes were swapped on the way, whether asked by tag or by digest', async () => {
    host.fault(new RegExp(`/manifests/${INDEX}$`), { kind: 'tamper' }, { method: 'GET' })
    await expect(resolveImage(ref('acme/app:v1'), client())).rejects.toThrowSealError(
      'refused',
      'acme/app',
      INDEX,
      'altered or swapped'
    )
    host.fault(new RegExp(`/manifests/${INDEX}$`), { kind: 'tamper' }, { method: 'GET' })
    await expect(resolveImage(ref(`acme/app@${INDEX}`), client())).rejects.toThrowSealError(
      'refused',
      INDEX
    )
  })
})

describe('the image gate', () => {
  it('accepts a tag that names the sealed digest and hands out the digest reference, never the tag', async () => {
    const check = await checkImage(ref('acme/app:v1'), INDEX, client())
    expect(check).toMatchObject({
      digest: INDEX,
      imageRef: `${host.host}/acme/app@${INDEX}`,
      platform: null
    })
    expect(check.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64/v8'])
  })

  it('refuses a tag that moved: it names another digest than the sealed one', async () => {
    await expect(checkImage(ref('acme/app:single'), INDEX, client())).rejects.toThrowSealError(
      'conflict',
      '"single"',
      SINGLE,
      INDEX,
      'the tag moved'
    )
  })

  it('refuses a digest reference that is neither the sealed digest nor a platform image of the sealed index', async () => {
    await expect(checkImage(ref(`acme/app@${SINGLE}`), INDEX, client())).rejects.toThrowSealError(
      'refused',
      SINGLE,
      'not among the platform images'
    )
    await expect(
      checkImage(ref(`acme/app@${image.digests.attestation}`), INDEX, client())
    ).rejects.toThrowSealError('refused', 'an attestation manifest')
    // A single image has no children at all.
    await expect(
      checkImage(ref(`acme/app@${image.digests.amd64}`), SINGLE, client())
    ).rejects.toThrowSealError('refused', 'a single image, not an index')
  })

  it(
    'accepts a platform digest as a child of the sealed index, proving both manifests, and hands out that ' +
      'digest',
    async () => {
      const check = await checkImage(ref(`acme/app@${image.digests.arm64}`), INDEX, client())
      expect(check).toMatchObject({
        digest: INDEX,
        imageRef: `${host.host}/acme/app@${image.digests.arm64}`,
        platform: 'linux/arm64/v8'
      })
      const fetched = host.requests
        .filter((r) => r.method === 'GET' && r.path.includes('/manifests/'))
        .map((r) => r.path.split('/').at(-1))
      expect(fetched).toEqual([INDEX, image.digests.arm64])
    }
  )

  it('refuses a platform child whose own bytes were swapped', async () => {
    host.fault(
      new RegExp(`/manifests/${image.digests.arm64}$`),
      { kind: 'tamper' },
      { method: 'GET' }
    )
    await expect(
      checkImage(ref(`acme/app@${image.digests.arm64}`), INDEX, client())
    ).rejects.toThrowSealError('refused', image.digests.arm64)
  })

  it('holds the platforms rule to the sealed index: every platform asked for has an image', async () => {
    expect(
      (
        await checkImage(ref('acme/app:v1'), INDEX, client(), {
          platforms: ['linux/amd64', 'linux/arm64']
        })
      ).digest
    ).toBe(INDEX)
    await expect(
      checkImage(ref('acme/app:v1'), INDEX, client(), { platforms: ['linux/amd64', 'linux/s390x'] })
    ).rejects.toThrowSealError('refused', '"linux/s390x"', 'linux/amd64, linux/arm64/v8')
  })

  it('judges a single image by the platform its proven config names, as an index of one', async () => {
    expect(
      (await checkImage(ref('acme/app:single'), SINGLE, client(), { platforms: ['linux/amd64'] }))
        .imageRef
    ).toBe(`${host.host}/acme/app@${SINGLE}`)
    await expect(
      checkImage(ref('acme/app:single'), SINGLE, client(), {
        platforms: ['linux/amd64', 'linux/arm64']
      })
    ).rejects.toThrowSealError('refused', '"linux/arm64"', 'single image for "linux/amd64"')
    // A rule with a variant takes that variant only; one without takes any.
    const ARM = image.digests.arm64 as Digest
    for (const ok of [['linux/arm64'], ['linux/arm64/v8']])
      expect((await checkImage(ref('acme/app:arm'), ARM, client(), { platforms: ok })).digest).toBe(
        ARM
      )
    await expect(
      checkImage(ref('acme/app:arm'), ARM, client(), { platforms: ['linux/arm64/v7'] })
    ).rejects.toThrowSealError('refused', '"linux/arm64/v7"', 'single image for "linux/arm64/v8"')
  })

  it('refuses a single image whose config blob does not hash to the digest its manifest names', async () => {
    const config = (
      JSON.parse(image.content.get(SINGLE)!.toString()) as { config: { digest: string } }
    ).config.digest
    host.fault(new RegExp(`/blobs/${config}$`), { kind: 'tamper' }, { method: 'GET' })
    await expect(
      checkImage(ref('acme/app:single'), SINGLE, client(), { platforms: ['linux/amd64'] })
    ).rejects.toThrowSealError('refused', config, 'altered or swapped')
  })
})

describe('registry faults at the gate', () => {
  it('a tag that does not exist', async () => {
    await expect(checkImage(ref('acme/app:v9'), INDEX, client())).rejects.toThrowSealError(
      'unreadable',
      '"v9"',
      'acme/app',
      '404'
    )
  })

  it('401 and 403: credentials refused or missing, naming the registry', async () => {
    host.fault(/\/manifests\/v1$/, {
      kind: 'status',
      status: 403,
      body: JSON.stringify({ errors: [{ code: 'DENIED', message: 'denied' }] })
    })
    await expect(checkImage(ref('acme/app:v1'), INDEX, client())).rejects.toThrowSealError(
      'denied',
      host.host,
      'acme/app'
    )
    host.fault(
      /\/manifests\/v1$/,
      { kind: 'status', status: 401, headers: { 'www-authenticate': `Basic realm="test"` } },
      { times: 10 }
    )
    await expect(checkImage(ref('acme/app:v1'), INDEX, client())).rejects.toThrowSealError(
      'denied',
      host.host,
      'none were found'
    )
  })

  it('a 503 is retried and the check then passes; one that persists is a SealError naming the request', async () => {
    host.fault(/\/manifests\/v1$/, { kind: 'status', status: 503 }, { times: 2 })
    expect((await checkImage(ref('acme/app:v1'), INDEX, client())).digest).toBe(INDEX)
    host.fault(/\/manifests\/v1$/, { kind: 'status', status: 503 }, { times: 50 })
    await expect(checkImage(ref('acme/app:v1'), INDEX, client())).rejects.toThrowSealError(
      'unavailable',
      'HEAD',
      '/v2/acme/app/manifests/v1',
      '503'
    )
  })

  it('a registry that leaves out the digest and serves swapped bytes', async () => {
    host.quirks.dropDigestHeader = true
    host.fault(/\/manifests\/v1$/, { kind: 'tamper' }, { method: 'GET' })
    // Without Docker-Content-Digest the tag is resolved by hashing what was served, and those bytes
    // are then read: swapped ones never pass.
    await expect(checkImage(ref('acme/app:v1'), INDEX, client())).rejects.toThrowSealError(
      'refused',
      'acme/app:v1'
    )
  })

  it('an oversized manifest is refused unread', async () => {
    host.fault(
      new RegExp(`/manifests/${INDEX}$`),
      {
        kind: 'status',
        status: 200,
        headers: { 'content-type': OCI_INDEX },
        body: ' '.repeat(5 * 1024 * 1024)
      },
      { method: 'GET' }
    )
    await expect(checkImage(ref('acme/app:v1'), INDEX, client())).rejects.toThrowSealError(
      'refused',
      'more than'
    )
  })
})
