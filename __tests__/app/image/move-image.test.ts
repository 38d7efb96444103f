// The policy's image rule after an allowed promotion, against in-process registry hosts:
// a retag puts exactly the sealed bytes under the tag, a copy to another registry carries
// every blob, manifest and referrer byte for byte; a blob the source no longer serves, or
// a tag the registry will not move, is a SealError naming the image, nothing claimed done.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { moveImage } from '../../../src/app/image/move-image.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { loadTestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest
const SINGLE = image.digests.single as Digest

let source: OciRegistryHost
let destination: OciRegistryHost
const client = () =>
  new RegistryClient({
    credentials: { env: {}, homeDir: tempDir('home-') },
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    fallback: { settleMs: 0 }
  })

beforeEach(async () => {
  ;[source, destination] = await Promise.all([
    new OciRegistryHost().start(),
    new OciRegistryHost().start()
  ])
  loadTestImage(source, 'acme/app', image, { v1: 'index', single: 'single' })
})
afterEach(async () => {
  await Promise.all([source.close(), destination.close()])
})

describe('moving an image as the policy says', () => {
  it(
    'retags with exactly the sealed bytes, and copies to another registry with the signed seal, handing out ' +
      'the copy',
    async () => {
      const registry = client()
      const app = parseImageReference(`${source.host}/acme/app:v1`, 'subject-path')
      await registry.attachBundle(app, INDEX, await imageBundle(`${source.host}/acme/app`, INDEX))
      const moved = await moveImage(
        app,
        INDEX,
        { tag: 'production', copyTo: `${destination.host}/prod/app:stable` },
        registry,
        'production'
      )
      expect(
        source
          .manifest('acme/app', 'production')!
          .bytes.equals(source.manifest('acme/app', INDEX)!.bytes)
      ).toBe(true)
      expect(
        destination
          .manifest('prod/app', 'stable')!
          .bytes.equals(source.manifest('acme/app', INDEX)!.bytes)
      ).toBe(true)
      expect(moved.imageRef).toBe(`${destination.host}/prod/app@${INDEX}`)
      expect(moved.done).toEqual([
        `${source.host}/acme/app:production now names ${INDEX}`,
        expect.stringContaining(`copied ${INDEX} to ${destination.host}/prod/app:stable`)
      ])
      expect(
        (await registry.bundles(parseImageReference(`${destination.host}/prod/app`, 'x'), INDEX))
          .length
      ).toBe(1)
    }
  )

  it('a blob the source no longer serves stops the copy before the destination names the image', async () => {
    source.fault(
      /\/blobs\/sha256:/,
      {
        kind: 'status',
        status: 404,
        body: JSON.stringify({ errors: [{ code: 'BLOB_UNKNOWN', message: 'blob unknown' }] })
      },
      { method: 'GET', times: 100 }
    )
    const app = parseImageReference(`${source.host}/acme/app:v1`, 'subject-path')
    await expect(
      moveImage(
        app,
        INDEX,
        { tag: null, copyTo: `${destination.host}/prod/app:stable` },
        client(),
        'production'
      )
    ).rejects.toThrowSealError('unavailable', '404')
    expect(destination.manifest('prod/app', 'stable')).toBeUndefined()
    expect(destination.manifest('prod/app', INDEX)).toBeUndefined()
  })

  it('a registry that will not move the tag (immutable tags) refuses, naming the tag', async () => {
    source.quirks.immutableTags = true
    const app = parseImageReference(`${source.host}/acme/app:v1`, 'subject-path')
    await expect(
      moveImage(app, INDEX, { tag: 'single', copyTo: null }, client(), 'production')
    ).rejects.toThrowSealError('unavailable', 'single')
    expect(
      source
        .manifest('acme/app', 'single')!
        .bytes.equals(source.manifest('acme/app', SINGLE)!.bytes)
    ).toBe(true)
  })
})

describe('a platform image of the sealed index, asked for by its digest', () => {
  it('is what the deploy step is handed after the move, in the tag and in the copy, not the index', async () => {
    const AMD64 = image.digests.amd64 as Digest
    const asked = parseImageReference(`${source.host}/acme/app@${AMD64}`, 'subject-path')

    const retagged = await moveImage(
      asked,
      INDEX,
      { tag: 'production', copyTo: null },
      client(),
      'production'
    )
    const copied = await moveImage(
      asked,
      INDEX,
      { tag: null, copyTo: `${destination.host}/prod/app:stable` },
      client(),
      'production'
    )

    expect(retagged.imageRef).toBe(`${source.host}/acme/app@${AMD64}`)
    expect(copied.imageRef).toBe(`${destination.host}/prod/app@${AMD64}`)
    expect(destination.manifest('prod/app', AMD64)).toBeDefined()
    expect(source.manifest('acme/app', 'production')?.bytes).toEqual(
      source.manifest('acme/app', INDEX)?.bytes
    )
  })
})
