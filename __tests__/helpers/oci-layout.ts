import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { OciRegistryHost } from '../hosts/oci-registry-host.js'

/**
 * Deterministic test images as an OCI image layout (image-spec `image-layout.md`), for
 * `skopeo copy --all oci:<dir>:<tag> docker://…` to push: the same `seed` always gives the
 * same bytes, so the same digests. Tags in the layout:
 *
 * - `v1`: an index with linux/amd64 and linux/arm64/v8 images and a BuildKit-style
 *   attestation manifest (platform unknown/unknown, annotated as an attestation of the
 *   amd64 image), as docker/build-push-action pushes with provenance on;
 * - `single`: one linux/amd64 image manifest, no index.
 *
 * With `docker: true` the same shapes use Docker's schema 2 media types (manifest list,
 * distribution manifest, container config, tar.gzip layer). skopeo's OCI layout transport
 * lists only OCI types, so such an image is also written in skopeo's `dir:` format
 * (`dockerDir`: the index and everything under it) for `skopeo copy --all dir:…`.
 */

export interface TestImage {
  readonly dir: string
  /**
   * The index tagged v1, its children, and the single image tagged `single`; the index of `docker:
   * true` has no attestation manifest.
   */
  readonly digests: {
    readonly index: string
    readonly amd64: string
    readonly arm64: string
    readonly attestation: string
    readonly single: string
  }
  readonly mediaTypes: { readonly index: string; readonly manifest: string }
  /** Every blob and manifest, by digest. */
  readonly content: ReadonlyMap<string, Buffer>
  /** For `docker: true`: the index as a skopeo `dir:` directory. */
  readonly dockerDir: string | null
}

const OCI = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip'
}
const DOCKER = {
  index: 'application/vnd.docker.distribution.manifest.list.v2+json',
  manifest: 'application/vnd.docker.distribution.manifest.v2+json',
  config: 'application/vnd.docker.container.image.v1+json',
  layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
}

const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** A ustar archive of regular files, mtime 0, root-owned: byte-identical every time. */
export function tarOf(files: Readonly<Record<string, string>>): Buffer {
  const blocks: Buffer[] = []
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const body = Buffer.from(text)
    const header = Buffer.alloc(512)
    header.write(name, 0, 100, 'utf8')
    header.write('0000644\0', 100)
    header.write('0000000\0', 108)
    header.write('0000000\0', 116)
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124)
    header.write('00000000000\0', 136)
    header.write('        ', 148)
    header.write('0', 156)
    header.write('ustar\0', 257)
    header.write('00', 263)
    let sum = 0
    for (const byte of header) sum += byte
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

export function writeTestImage(
  dir: string,
  options: { readonly seed?: string; readonly docker?: boolean } = {}
): TestImage {
  const seed = options.seed ?? 'one'
  const types = options.docker === true ? DOCKER : OCI
  const content = new Map<string, Buffer>()
  const put = (bytes: Buffer): { digest: string; size: number } => {
    const digest = sha256(bytes)
    content.set(digest, bytes)
    return { digest, size: bytes.length }
  }
  const image = (
    os: string,
    architecture: string,
    variant: string | undefined,
    label: string
  ): { digest: string; size: number } => {
    const tar = tarOf({
      'etc/hello.txt':
        `hello from ${os}/${architecture}${variant === undefined ? '' : `/${variant}`} ` +
        `(${seed}, ${label})\n`
    })
    const layer = put(gzipSync(tar, { level: 9 }))
    const config = put(
      Buffer.from(
        JSON.stringify({
          architecture,
          os,
          ...(variant === undefined ? {} : { variant }),
          config: { Cmd: ['/bin/true'], Labels: { seed } },
          rootfs: { type: 'layers', diff_ids: [sha256(tar)] }
        })
      )
    )
    const manifest = {
      schemaVersion: 2,
      mediaType: types.manifest,
      config: { mediaType: types.config, ...config },
      layers: [{ mediaType: types.layer, ...layer }]
    }
    return put(Buffer.from(JSON.stringify(manifest, null, 2)))
  }
  const amd64 = image('linux', 'amd64', undefined, 'index')
  const arm64 = image('linux', 'arm64', 'v8', 'index')
  const provenance = put(
    Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'test', digest: { sha256: amd64.digest.slice(7) } }],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: { seed }
      })
    )
  )
  const emptyConfig = put(Buffer.from('{}'))
  const attestation = put(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: types.manifest,
        config: { mediaType: types.config, ...emptyConfig },
        layers: [
          {
            mediaType: 'application/vnd.in-toto+json',
            ...provenance,
            annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1' }
          }
        ]
      })
    )
  )
  const index = put(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: types.index,
        manifests: [
          { mediaType: types.manifest, ...amd64, platform: { architecture: 'amd64', os: 'linux' } },
          {
            mediaType: types.manifest,
            ...arm64,
            platform: { architecture: 'arm64', os: 'linux', variant: 'v8' }
          },
          // BuildKit writes attestation manifests only with OCI types (a Docker v2s2 manifest
          // cannot hold an in-toto layer).
          ...(options.docker === true
            ? []
            : [
                {
                  mediaType: types.manifest,
                  ...attestation,
                  platform: { architecture: 'unknown', os: 'unknown' },
                  annotations: {
                    'vnd.docker.reference.digest': amd64.digest,
                    'vnd.docker.reference.type': 'attestation-manifest'
                  }
                }
              ])
        ]
      })
    )
  )
  const singleImage = image('linux', 'amd64', undefined, 'single')

  fs.mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true })
  for (const [digest, bytes] of content)
    fs.writeFileSync(path.join(dir, 'blobs', 'sha256', digest.slice(7)), bytes)
  fs.writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  const ref = (name: string): Record<string, string> => ({
    'org.opencontainers.image.ref.name': name
  })
  fs.writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI.index,
      manifests: [
        { mediaType: types.index, ...index, annotations: ref('v1') },
        { mediaType: types.manifest, ...singleImage, annotations: ref('single') }
      ]
    })
  )
  let dockerDir: string | null = null
  if (options.docker === true) {
    // skopeo's dir: transport 1.1: the top manifest, instance manifests as <hex>.manifest.json, blobs as <hex>.
    dockerDir = path.join(dir, 'docker-dir')
    fs.mkdirSync(dockerDir)
    fs.writeFileSync(path.join(dockerDir, 'version'), 'Directory Transport Version: 1.1\n')
    fs.writeFileSync(path.join(dockerDir, 'manifest.json'), content.get(index.digest)!)
    for (const child of [amd64, arm64])
      fs.writeFileSync(
        path.join(dockerDir, `${child.digest.slice(7)}.manifest.json`),
        content.get(child.digest)!
      )
    const notInIndex = new Set(
      [index, amd64, arm64, attestation, singleImage, provenance].map((m) => m.digest)
    )
    for (const [digest, bytes] of content)
      if (!notInIndex.has(digest)) fs.writeFileSync(path.join(dockerDir, digest.slice(7)), bytes)
  }
  return {
    dir,
    dockerDir,
    digests: {
      index: index.digest,
      amd64: amd64.digest,
      arm64: arm64.digest,
      attestation: attestation.digest,
      single: singleImage.digest
    },
    mediaTypes: { index: types.index, manifest: types.manifest },
    content
  }
}

/** Which of a test image's contents are manifests, with their media types, as a registry host's `load` takes them. */
export function manifestTypesOf(image: TestImage): Map<string, string> {
  const { digests, mediaTypes } = image
  return new Map([
    [digests.index, mediaTypes.index],
    ...[digests.amd64, digests.arm64, digests.attestation, digests.single].map(
      (digest) => [digest, mediaTypes.manifest] as [string, string]
    )
  ])
}

/**
 * Puts a test image in a registry host as a push would: every manifest and blob, and each of
 * `tags` on the index, the single-platform image or the arm64 one.
 */
export function loadTestImage(
  host: Pick<OciRegistryHost, 'load'>,
  repository: string,
  image: TestImage,
  tags: Readonly<Record<string, 'index' | 'single' | 'arm64'>> = { v1: 'index' }
): void {
  host.load(
    repository,
    image.content,
    Object.fromEntries(
      Object.entries(tags).map(([tag, which]) => [
        tag,
        {
          digest: image.digests[which],
          mediaType: which === 'index' ? image.mediaTypes.index : image.mediaTypes.manifest
        }
      ])
    ),
    manifestTypesOf(image)
  )
}
