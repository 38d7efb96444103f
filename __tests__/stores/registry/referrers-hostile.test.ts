// Someone who can push to the image's repository, but cannot sign as the sealer, tries to hide
// the signed seal attached to the image from verify and promote: junk referrers beside it, a
// flood of entries in the fallback tag. Nothing they push may count as a seal, and nothing they
// push may keep the real seal from being found (a seal not found is a refusal: the gate fails
// closed either way, so hiding it is the attack).
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { Digest } from '../../../src/core/digest.js'
import {
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  SIGSTORE_BUNDLE_V03
} from '../../../src/core/image/media-types.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { fallbackTag } from '../../../src/core/image/referrers.js'
import { SLSA_PROVENANCE_TYPE } from '../../../src/core/statement.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { loadTestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest
const EMPTY = Buffer.from('{}')

const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

let host: OciRegistryHost

beforeEach(async () => {
  host = await new OciRegistryHost().start()
  loadTestImage(host, 'acme/app', image)
})
afterEach(async () => {
  await host.close()
})

function client(): RegistryClient {
  return new RegistryClient({
    credentials: { env: {}, homeDir: tempDir('home-') },
    sleep: () => Promise.resolve(),
    fallback: { settleMs: 0 }
  })
}

/** A bundle referrer of the image as the attacker writes it: the layer descriptor is theirs to choose. */
function junkReferrer(layer: { digest: string; size: number }, note: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: SIGSTORE_BUNDLE_V03,
      config: { mediaType: OCI_EMPTY, digest: sha256(EMPTY), size: EMPTY.length },
      layers: [{ mediaType: SIGSTORE_BUNDLE_V03, ...layer }],
      subject: { mediaType: image.mediaTypes.index, digest: INDEX, size: 0 },
      annotations: { 'dev.sigstore.bundle.predicateType': SLSA_PROVENANCE_TYPE, note }
    })
  )
}

describe('a seal attached to the image, and junk pushed beside it', () => {
  it('finds the seal when another referrer names a bundle blob of a size it is not', async () => {
    const registry = client()
    const reference = parseImageReference(`${host.host}/acme/app:v1`, 'image')
    const seal = await imageBundle('app', INDEX, 'seal')
    const attached = await registry.attachBundle(reference, INDEX, seal)
    const blob = Buffer.from('not a bundle')
    const junk = junkReferrer({ digest: sha256(blob), size: blob.length + 1 }, 'wrong size')
    host.load(
      'acme/app',
      new Map([
        [sha256(blob), blob],
        [sha256(junk), junk]
      ]),
      {},
      new Map([[sha256(junk), OCI_MANIFEST]])
    )

    const found = await client().bundles(reference, INDEX, { predicateType: SLSA_PROVENANCE_TYPE })

    expect(found.map((f) => f.referrer.manifest.digest)).toEqual([attached.manifest])
    expect(found[0]!.bundle.equals(seal)).toBe(true)
  })

  it('finds the seal when another referrer is a manifest artifact-seal cannot read', async () => {
    const registry = client()
    const reference = parseImageReference(`${host.host}/acme/app:v1`, 'image')
    const attached = await registry.attachBundle(reference, INDEX, await imageBundle('app', INDEX))
    // An ORAS-era artifact manifest, and an image manifest naming a layer by sha512: both refer to
    // the image, and a registry stores and lists both.
    const artifact = Buffer.from(
      JSON.stringify({
        mediaType: 'application/vnd.oci.artifact.manifest.v1+json',
        artifactType: 'application/example',
        blobs: [],
        subject: { mediaType: image.mediaTypes.index, digest: INDEX, size: 0 }
      })
    )
    const sha512Layer = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_EMPTY, digest: sha256(EMPTY), size: EMPTY.length },
        layers: [{ mediaType: SIGSTORE_BUNDLE_V03, digest: `sha512:${'a'.repeat(128)}`, size: 1 }],
        subject: { mediaType: image.mediaTypes.index, digest: INDEX, size: 0 }
      })
    )
    host.load(
      'acme/app',
      new Map([
        [sha256(artifact), artifact],
        [sha256(sha512Layer), sha512Layer]
      ]),
      {},
      new Map([
        [sha256(artifact), 'application/vnd.oci.artifact.manifest.v1+json'],
        [sha256(sha512Layer), OCI_MANIFEST]
      ])
    )

    const found = await client().bundles(reference, INDEX, { predicateType: SLSA_PROVENANCE_TYPE })

    expect(found.map((f) => f.referrer.manifest.digest)).toEqual([attached.manifest])
  })

  it('finds the seal the referrers API lists when the fallback tag lists hundreds of other digests', async () => {
    const registry = client()
    const reference = parseImageReference(`${host.host}/acme/app:v1`, 'image')
    const seal = await imageBundle('app', INDEX, 'seal')
    const attached = await registry.attachBundle(reference, INDEX, seal)
    expect(attached.via).toBe('referrers-api')
    const flood = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: Array.from({ length: 300 }, (_, i) => ({
          mediaType: OCI_MANIFEST,
          digest: sha256(Buffer.from(`junk ${i}`)),
          size: 1
        }))
      })
    )
    host.load(
      'acme/app',
      new Map([[sha256(flood), flood]]),
      { [fallbackTag(INDEX)]: { digest: sha256(flood), mediaType: OCI_INDEX } },
      new Map([[sha256(flood), OCI_INDEX]])
    )

    const found = await client().bundles(reference, INDEX, { predicateType: SLSA_PROVENANCE_TYPE })

    expect(found.map((f) => f.referrer.manifest.digest)).toEqual([attached.manifest])
  })
})
