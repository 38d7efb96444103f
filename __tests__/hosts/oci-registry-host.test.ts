// The in-process registry host behaves as a registry for an independent client: skopeo
// pushes the test image to it (POST, PATCH and PUT uploads, manifests by digest and tag)
// and reads it back byte for byte, and it negotiates an index as distribution does.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { OciRegistryHost } from './oci-registry-host.js'
import { requireImageTools } from './registry.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { inspectRaw, pushLayout, tagDigest } from '../helpers/skopeo.js'
import { removeAll, tempDir } from '../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
let host: OciRegistryHost
const target = () => ({ host: host.host, username: null, password: null })

beforeEach(async () => {
  requireImageTools()
  host = await new OciRegistryHost().start()
})
afterEach(async () => {
  await host.close()
})

describe('OciRegistryHost', () => {
  it('takes a push from skopeo and serves it back unchanged', async () => {
    await pushLayout(target(), image.dir, 'v1', 'acme/app', 'v1')
    expect(await tagDigest(target(), 'acme/app', 'v1')).toBe(image.digests.index)
    expect(
      (await inspectRaw(target(), 'acme/app', image.digests.arm64)).equals(
        image.content.get(image.digests.arm64)!
      )
    ).toBe(true)
    expect(host.requests.some((r) => r.method === 'PATCH')).toBe(true)
  })

  it('serves an index only to a client that accepts its type, as distribution does', async () => {
    await pushLayout(target(), image.dir, 'v1', 'acme/app', 'v1')
    const plain = await fetch(`http://${host.host}/v2/acme/app/manifests/v1`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' }
    })
    expect(plain.status).toBe(404)
    expect(await plain.json()).toEqual({
      errors: [
        {
          code: 'MANIFEST_UNKNOWN',
          message: 'OCI index found, but accept header does not support OCI indexes'
        }
      ]
    })
  })

  it('refuses a manifest whose children are missing, as a registry must', async () => {
    const index = image.content.get(image.digests.index)!
    const answer = await fetch(`http://${host.host}/v2/acme/app/manifests/v1`, {
      method: 'PUT',
      headers: { 'content-type': image.mediaTypes.index },
      body: index
    })
    expect(answer.status).toBe(400)
    expect(((await answer.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
      'MANIFEST_BLOB_UNKNOWN'
    )
  })
})
