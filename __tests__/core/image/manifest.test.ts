import { describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { EMPTY_CONFIG_DIGEST, attestationArtifact } from '../../../src/core/image/attestation.js'
import {
  type ImageIndex,
  parseManifest,
  platformChildren,
  platformMatches,
  proveManifest,
  readManifest,
  requirePlatforms,
  sha256Digest
} from '../../../src/core/image/manifest.js'
import {
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  SIGSTORE_BUNDLE_V03
} from '../../../src/core/image/media-types.js'
import {
  fallbackTag,
  judgeReferrer,
  listsDigest,
  mergeReferrers
} from '../../../src/core/image/referrers.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { sealErrorOf } from '../../helpers/seal-error.js'

const d = (c: string): Digest => `sha256:${c.repeat(64)}`
const descriptor = (c: string, extra: Record<string, unknown> = {}) => ({
  mediaType: OCI_MANIFEST,
  digest: d(c),
  size: 10,
  ...extra
})
const bytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value))
const INDEX = {
  schemaVersion: 2,
  mediaType: OCI_INDEX,
  manifests: [
    descriptor('1', { platform: { os: 'linux', architecture: 'amd64' } }),
    descriptor('2', { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }),
    descriptor('3', {
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': d('1')
      }
    }),
    descriptor('4', {
      platform: { os: 'linux', architecture: 'riscv64' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
    }),
    descriptor('5')
  ]
}
const IMAGE = {
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: d('c'), size: 2 },
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: d('f'), size: 3 }]
}

describe('manifests', () => {
  it('proves the bytes against the digest asked for, naming both', () => {
    const body = bytes(IMAGE)
    expect(proveManifest(body, sha256Digest(body), OCI_MANIFEST, 'image "x"').manifest.kind).toBe(
      'image'
    )
    const message = sealErrorOf(
      () => proveManifest(body, d('a'), OCI_MANIFEST, 'image "x"'),
      'refused'
    )
    expect(message).toContain(sha256Digest(body))
    expect(message).toContain(d('a'))
    expect(message).toMatch(/^image "x": /)
  })

  it.each([
    [
      'an index served as an image manifest',
      bytes(INDEX),
      OCI_MANIFEST,
      /sent it as "application\/vnd.oci.image.manifest.v1\+json" but its body says "application\/vnd.oci.image.index.v1\+json"/
    ],
    ['an index with layers', bytes({ ...INDEX, layers: [] }), OCI_INDEX, /ambiguous/],
    [
      'an image manifest with a manifests list',
      bytes({ ...IMAGE, manifests: [] }),
      OCI_MANIFEST,
      /ambiguous/
    ],
    [
      'a Docker schema 1 answer',
      bytes(IMAGE),
      'application/vnd.docker.distribution.manifest.v1+prettyjws',
      /schema 1/
    ],
    [
      'a Docker schema 1 body',
      bytes({ ...IMAGE, mediaType: 'application/vnd.docker.distribution.manifest.v1+json' }),
      '',
      /schema 1/
    ],
    ['not JSON', Buffer.from('<html>'), OCI_MANIFEST, /not UTF-8 JSON/],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), OCI_MANIFEST, /not UTF-8 JSON/],
    [
      'schemaVersion 1',
      bytes({ ...IMAGE, schemaVersion: 1 }),
      OCI_MANIFEST,
      /schemaVersion is "1", not 2/
    ],
    ['no layers', bytes({ ...IMAGE, layers: undefined }), OCI_MANIFEST, /no "layers" list/],
    [
      'a child by sha512',
      bytes({
        ...INDEX,
        manifests: [{ mediaType: OCI_MANIFEST, digest: `sha512:${'a'.repeat(128)}`, size: 1 }]
      }),
      OCI_INDEX,
      /"sha512" digest/
    ],
    [
      'a negative size',
      bytes({ ...INDEX, manifests: [descriptor('1', { size: -1 })] }),
      OCI_INDEX,
      /size is not a whole number/
    ],
    [
      'no type anywhere',
      bytes({ ...IMAGE, mediaType: undefined }),
      'application/json',
      /neither the registry's Content-Type/
    ],
    ['an HTML content type', bytes(IMAGE), 'text/html', /not a manifest type/],
    [
      'an unknown body type',
      bytes({ ...IMAGE, mediaType: 'application/vnd.example+json' }),
      '',
      /is not an image manifest or index type/
    ],
    [
      'annotations that are not strings',
      bytes({ ...IMAGE, annotations: { a: 1 } }),
      OCI_MANIFEST,
      /"a" is not a string/
    ],
    [
      'more than 4 MiB',
      Buffer.alloc(4 * 1024 * 1024 + 1, 0x20),
      OCI_MANIFEST,
      /more than the 4194304/
    ]
  ])('refuses %s', (_name, body, contentType, why) => {
    expect(sealErrorOf(() => parseManifest(body, contentType, 'image "x"'), 'refused')).toMatch(why)
  })

  it('takes the type from whichever side gives it when they do not disagree', () => {
    expect(
      parseManifest(
        bytes({ ...IMAGE, mediaType: undefined }),
        `${OCI_MANIFEST}; charset=utf-8`,
        'x'
      ).mediaType
    ).toBe(OCI_MANIFEST)
    expect(parseManifest(bytes(INDEX), 'application/octet-stream', 'x').mediaType).toBe(OCI_INDEX)
    expect(
      parseManifest(bytes({ ...INDEX, mediaType: DOCKER_MANIFEST_LIST }), DOCKER_MANIFEST_LIST, 'x')
        .kind
    ).toBe('index')
    expect(parseManifest(bytes({ ...IMAGE, mediaType: DOCKER_MANIFEST }), null, 'x').kind).toBe(
      'image'
    )
  })

  it('lists platforms without attestation manifests or children that have no platform', () => {
    const index = parseManifest(bytes(INDEX), OCI_INDEX, 'x') as ImageIndex
    expect(platformChildren(index).map((p) => [p.platform, p.descriptor.digest])).toEqual([
      ['linux/amd64', d('1')],
      ['linux/arm64/v8', d('2')]
    ])
  })

  it('matches a platform without a variant against any variant, and a variant exactly', () => {
    expect(platformMatches('linux/arm64/v8', 'linux/arm64')).toBe(true)
    expect(platformMatches('linux/arm/v6', 'linux/arm/v7')).toBe(false)
    expect(platformMatches('linux/amd64', 'linux/amd64/v2')).toBe(false)
    expect(platformMatches('windows/amd64', 'linux/amd64')).toBe(false)
  })

  it('refuses an index that lacks a wanted platform, naming what is missing and what is there', () => {
    const children = platformChildren(parseManifest(bytes(INDEX), OCI_INDEX, 'x') as ImageIndex)
    expect(() => requirePlatforms(children, ['linux/amd64', 'linux/arm64'], 'x')).not.toThrow()
    const message = sealErrorOf(
      () =>
        requirePlatforms(children, ['linux/amd64', 'linux/s390x', 'windows/amd64'], 'image "x"'),
      'refused'
    )
    expect(message).toMatch(
      /^image "x": the index has no image for "linux\/s390x", "windows\/amd64"; it has linux\/amd64, linux\/arm64\/v8\./
    )
    // The attestation manifest's made-up riscv64 platform does not count.
    expect(() => requirePlatforms(children, ['linux/riscv64'], 'x')).toThrowSealError('refused')
  })

  it('does not take a platform whose os, architecture or variant holds a "/" for the platform it spells', () => {
    const index = parseManifest(
      bytes({
        ...INDEX,
        manifests: [
          descriptor('1', { platform: { os: 'linux/amd64', architecture: 'riscv64' } }),
          descriptor('2', { platform: { os: 'linux', architecture: 'arm64/v8' } }),
          descriptor('6', { platform: { os: 'linux', architecture: 'arm', variant: 'v7/x' } })
        ]
      }),
      OCI_INDEX,
      'x'
    ) as ImageIndex
    const children = platformChildren(index)
    for (const wanted of ['linux/amd64', 'linux/arm64', 'linux/arm64/v8', 'linux/arm/v7'])
      expect(() => requirePlatforms(children, [wanted], 'x')).toThrowSealError('refused')
  })
})

describe('the attestation artifact', () => {
  it('is the layout actions/attest and cosign v3 write, key for key', async () => {
    const subject = { mediaType: OCI_INDEX, digest: d('9'), size: 1234 }
    const bundle = await imageBundle('ghcr.io/acme/app', subject.digest)
    const artifact = attestationArtifact({
      bundle,
      subject,
      created: '2026-01-02T03:04:05.678Z',
      where: 'x'
    })
    const layer = {
      mediaType: SIGSTORE_BUNDLE_V03,
      digest: sha256Digest(bundle),
      size: bundle.length
    }
    const annotations = {
      'org.opencontainers.image.created': '2026-01-02T03:04:05.678Z',
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1'
    }
    expect(artifact.manifest.bytes.toString()).toBe(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: SIGSTORE_BUNDLE_V03,
        config: { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 },
        layers: [layer],
        subject,
        annotations
      })
    )
    expect(sha256Digest(Buffer.from('{}'))).toBe(EMPTY_CONFIG_DIGEST)
    expect(artifact.blobs.map((b) => [b.descriptor.digest, b.bytes.length])).toEqual([
      [EMPTY_CONFIG_DIGEST, 2],
      [layer.digest, bundle.length]
    ])
    expect(artifact.entry).toEqual({
      mediaType: OCI_MANIFEST,
      digest: artifact.manifest.digest,
      size: artifact.manifest.bytes.length,
      artifactType: SIGSTORE_BUNDLE_V03,
      annotations
    })
  })

  it('takes the predicate type from the signed statement', async () => {
    const bundle = await imageBundle(
      'app',
      d('9'),
      'vsa',
      'https://slsa.dev/verification_summary/v1'
    )
    const artifact = attestationArtifact({
      bundle,
      subject: { mediaType: OCI_MANIFEST, digest: d('9'), size: 1 },
      created: 'now',
      where: 'x'
    })
    expect(artifact.manifest.manifest.annotations?.['dev.sigstore.bundle.predicateType']).toBe(
      'https://slsa.dev/verification_summary/v1'
    )
  })

  it('refuses a bundle about another image, or anything that is not a bundle', async () => {
    const bundle = await imageBundle('app', d('8'))
    expect(
      sealErrorOf(
        () =>
          attestationArtifact({
            bundle,
            subject: { mediaType: OCI_MANIFEST, digest: d('9'), size: 1 },
            created: 'now',
            where: 'image "x"'
          }),
        'tampered'
      )
    ).toMatch(new RegExp(`names ${d('8')}, not the image ${d('9')}`))
    expect(
      sealErrorOf(
        () =>
          attestationArtifact({
            bundle: Buffer.from('{"mediaType":"text/plain"}'),
            subject: { mediaType: OCI_MANIFEST, digest: d('9'), size: 1 },
            created: 'now',
            where: 'x'
          }),
        'malformed'
      )
    ).toMatch(/not a Sigstore bundle's/)
  })
})

describe('referrers', () => {
  const entry = (c: string) => ({
    mediaType: OCI_MANIFEST,
    digest: d(c),
    size: 5,
    artifactType: SIGSTORE_BUNDLE_V03,
    annotations: { a: c }
  })

  it('names the fallback tag sha256-<hex>', () => {
    expect(fallbackTag(d('a'))).toBe(`sha256-${'a'.repeat(64)}`)
  })

  it('merges entries into a new or existing index, keeping whatever else it holds', () => {
    const first = mergeReferrers(null, [entry('1')], 'x')
    expect(JSON.parse(first.bytes.toString())).toEqual({
      mediaType: OCI_INDEX,
      schemaVersion: 2,
      manifests: [entry('1')]
    })
    const existingBytes = bytes({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ ...entry('2'), extra: 'kept' }],
      annotations: { owner: 'someone' }
    })
    const existing = readManifest(existingBytes, sha256Digest(existingBytes), OCI_INDEX, 'x')
    const merged = mergeReferrers(existing, [entry('2'), entry('3')], 'x')
    expect(merged.added.map((e) => e.digest)).toEqual([d('3')])
    expect(JSON.parse(merged.bytes.toString())).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ ...entry('2'), extra: 'kept' }, entry('3')],
      annotations: { owner: 'someone' }
    })
    const again = readManifest(merged.bytes, sha256Digest(merged.bytes), OCI_INDEX, 'x')
    expect(mergeReferrers(again, [entry('3')], 'x')).toEqual({ bytes: merged.bytes, added: [] })
    expect(listsDigest(again, d('3'))).toBe(true)
  })

  it('will not overwrite a fallback tag that names something other than an OCI index', () => {
    const image = bytes(IMAGE)
    expect(
      sealErrorOf(
        () =>
          mergeReferrers(
            readManifest(image, sha256Digest(image), OCI_MANIFEST, 'x'),
            [entry('1')],
            'image "x"'
          ),
        'refused'
      )
    ).toMatch(/not an OCI index.*will not overwrite it/)
  })

  it('judges a referrer by its own manifest: its subject, and one bundle layer whatever the artifactType', () => {
    const manifest = (extra: Record<string, unknown>) => {
      const body = bytes({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_EMPTY, digest: EMPTY_CONFIG_DIGEST, size: 2 },
        layers: [{ mediaType: SIGSTORE_BUNDLE_V03, digest: d('b'), size: 9 }],
        subject: { mediaType: OCI_INDEX, digest: d('9'), size: 1 },
        ...extra
      })
      return readManifest(body, sha256Digest(body), OCI_MANIFEST, 'x')
    }
    expect(judgeReferrer(manifest({ artifactType: OCI_EMPTY }), d('9'))?.what).toEqual({
      kind: 'sigstore-bundle',
      bundle: { mediaType: SIGSTORE_BUNDLE_V03, digest: d('b'), size: 9 }
    })
    expect(judgeReferrer(manifest({}), d('8'))).toBeNull()
    expect(judgeReferrer(manifest({ subject: undefined }), d('9'))).toBeNull()
    const twoLayers = manifest({
      artifactType: SIGSTORE_BUNDLE_V03,
      layers: [
        { mediaType: SIGSTORE_BUNDLE_V03, digest: d('b'), size: 9 },
        { mediaType: SIGSTORE_BUNDLE_V03, digest: d('c'), size: 9 }
      ]
    })
    expect(judgeReferrer(twoLayers, d('9'))?.what).toEqual({
      kind: 'other',
      artifactType: SIGSTORE_BUNDLE_V03
    })
    expect(
      judgeReferrer(
        manifest({ layers: [{ mediaType: 'application/spdx+json', digest: d('b'), size: 9 }] }),
        d('9')
      )?.what
    ).toEqual({ kind: 'other', artifactType: OCI_EMPTY })
  })
})
