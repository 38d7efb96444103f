// The registry client against a real registry (CNCF distribution 2.8 from Debian) in its
// three authentication modes, with skopeo as the independent oracle for what each tag
// names and @sigstore/oci (what actions/attest pushes with) for the attestation layout.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { attachArtifactToImage } from '@sigstore/oci'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import { attestationArtifact } from '../../../src/core/image/attestation.js'
import {
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_MANIFEST,
  SIGSTORE_BUNDLE_V03
} from '../../../src/core/image/media-types.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { fallbackTag } from '../../../src/core/image/referrers.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import {
  REFRESH_TOKEN,
  type RegistryMode,
  type TestRegistry,
  TOKEN_PASSWORD,
  TOKEN_USER,
  startRegistry
} from '../../hosts/registry.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { writeTestImage } from '../../helpers/oci-layout.js'
import { inspectRaw, listTags, pushDir, pushLayout, tagDigest } from '../../helpers/skopeo.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const dockerImage = writeTestImage(tempDir('docker-layout-'), { docker: true })

/** The client a workflow would build: explicit credentials for the registry, when it has any. */
function clientFor(
  registry: TestRegistry,
  extra: ConstructorParameters<typeof RegistryClient>[0] = {}
): RegistryClient {
  const explicit =
    registry.username === null
      ? []
      : [{ registry: registry.host, username: registry.username, password: registry.password! }]
  return new RegistryClient({
    credentials: { explicit, env: {}, homeDir: tempDir('home-') },
    fallback: { settleMs: 0 },
    ...extra
  })
}

describe.each<RegistryMode>(['open', 'htpasswd', 'token'])(
  'against distribution 2.8, %s',
  (mode) => {
    let registry: TestRegistry
    const ref = (text: string) => parseImageReference(`${registry.host}/${text}`, 'image')

    beforeAll(async () => {
      registry = await startRegistry(mode)
      await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
      await pushLayout(registry, image.dir, 'single', 'acme/app', 'single')
      await pushDir(registry, dockerImage.dockerDir!, 'acme/docker', 'v1')
    })
    afterAll(async () => {
      await registry?.close()
    })

    it('reads Docker manifest lists as it reads OCI indexes, and retags them byte for byte', async () => {
      const client = clientFor(registry)
      const pinned = await client.pin(ref('acme/docker:v1'))
      expect(pinned.digest).toBe(await tagDigest(registry, 'acme/docker', 'v1'))
      expect(pinned.manifest.mediaType).toBe(DOCKER_MANIFEST_LIST)
      expect(
        (await client.platforms(ref('acme/docker'), pinned.digest)).map((p) => p.platform)
      ).toEqual(['linux/amd64', 'linux/arm64/v8'])
      await client.retag(ref('acme/docker'), pinned.digest, 'staging')
      expect(
        (await inspectRaw(registry, 'acme/docker', 'staging')).equals(pinned.manifest.bytes)
      ).toBe(true)
    })

    it('resolves a tag to the digest skopeo reads for it, and pins the proven bytes', async () => {
      const client = clientFor(registry)
      const resolved = await client.resolve(ref('acme/app:v1'))
      expect(resolved.digest).toBe(await tagDigest(registry, 'acme/app', 'v1'))
      expect(resolved.digest).toBe(image.digests.index)
      expect(resolved.mediaType).toBe(OCI_INDEX)
      const pinned = await client.pin(ref('acme/app:v1'))
      expect(pinned.manifest.bytes.equals(await inspectRaw(registry, 'acme/app', 'v1'))).toBe(true)
      expect(pinned.digestReference).toBe(`${registry.host}/acme/app@${image.digests.index}`)
      const single = await client.pin(ref('acme/app:single'))
      expect(single.digest).toBe(await tagDigest(registry, 'acme/app', 'single'))
      expect(single.manifest.mediaType).toBe(OCI_MANIFEST)
    })

    it('lists the index platforms by digest, leaving the attestation manifest out', async () => {
      const client = clientFor(registry)
      const platforms = await client.platforms(ref('acme/app'), image.digests.index as Digest)
      expect(platforms.map((p) => [p.platform, p.descriptor.digest])).toEqual([
        ['linux/amd64', image.digests.amd64],
        ['linux/arm64/v8', image.digests.arm64]
      ])
      expect(
        (
          await client.platformChild(
            ref('acme/app'),
            image.digests.index as Digest,
            image.digests.arm64 as Digest
          )
        ).platform
      ).toBe('linux/arm64/v8')
      await expect(
        client.platformChild(
          ref('acme/app'),
          image.digests.index as Digest,
          image.digests.attestation as Digest
        )
      ).rejects.toThrowSealError('refused')
      await expect(
        client.platformChild(
          ref('acme/app'),
          image.digests.index as Digest,
          image.digests.single as Digest
        )
      ).rejects.toThrow(SealError)
    })

    it('refuses a tag that moved away from the expected digest', async () => {
      const client = clientFor(registry)
      await expect(
        client.pin(ref('acme/app:single'), image.digests.index as Digest)
      ).rejects.toThrowSealError('conflict')
    })

    it('retags with the fetched bytes: skopeo reads the same digest and bytes under the new tag', async () => {
      const client = clientFor(registry)
      const moved = await client.retag(ref('acme/app'), image.digests.index as Digest, 'staging')
      expect(moved.digest).toBe(image.digests.index)
      expect(await tagDigest(registry, 'acme/app', 'staging')).toBe(image.digests.index)
      expect(
        (await inspectRaw(registry, 'acme/app', 'staging')).equals(
          await inspectRaw(registry, 'acme/app', 'v1')
        )
      ).toBe(true)
      // Moving the tag to another image and back: each time the tag names what was asked.
      await client.retag(ref('acme/app'), image.digests.single as Digest, 'staging')
      expect(await tagDigest(registry, 'acme/app', 'staging')).toBe(image.digests.single)
    })

    it('attaches a bundle in the fallback tag and reads it back', async () => {
      const client = clientFor(registry)
      const subject = image.digests.index as Digest
      const bundle = await imageBundle(`${registry.host}/acme/app`, subject)
      const report = await client.attachBundle(ref('acme/app'), subject, bundle)
      expect(report).toEqual({
        manifest: expect.stringMatching(/^sha256:/),
        via: 'fallback-tag',
        tag: fallbackTag(subject)
      })
      expect(await listTags(registry, 'acme/app')).toContain(fallbackTag(subject))
      const index = JSON.parse(
        (await inspectRaw(registry, 'acme/app', fallbackTag(subject))).toString()
      ) as { manifests: { digest: string; artifactType: string }[] }
      expect(index.manifests).toContainEqual(
        expect.objectContaining({ digest: report.manifest, artifactType: SIGSTORE_BUNDLE_V03 })
      )
      const found = await client.bundles(ref('acme/app'), subject)
      expect(found.map((f) => f.bundle.equals(bundle))).toContain(true)
    })

    it(
      'writes the attestation layout actions/attest writes: the same manifest bytes as @sigstore/oci for the ' +
        'same bundle',
      async () => {
        const client = clientFor(registry)
        const subject = image.digests.single as Digest
        const bundle = await imageBundle(`${registry.host}/acme/app`, subject, 'oracle')
        const credentials =
          registry.username === null
            ? undefined
            : { username: registry.username, password: registry.password! }
        const theirs = await attachArtifactToImage({
          imageName: `${registry.host}/acme/app`,
          imageDigest: subject,
          artifact: bundle,
          mediaType: SIGSTORE_BUNDLE_V03,
          annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1'
          },
          credentials: credentials as never
        })
        const theirBytes = await inspectRaw(registry, 'acme/app', theirs.digest)
        const created = (
          JSON.parse(theirBytes.toString()) as { annotations: Record<string, string> }
        ).annotations['org.opencontainers.image.created']!
        const head = await client.resolve(
          parseImageReference(`${registry.host}/acme/app@${subject}`, 'image')
        )
        const ours = attestationArtifact({
          bundle,
          subject: { mediaType: head.mediaType, digest: subject, size: head.size! },
          created,
          where: 'test'
        })
        expect(ours.manifest.bytes.toString()).toBe(theirBytes.toString())
        expect(ours.manifest.digest).toBe(theirs.digest)
        // Their fallback entry is ours too, and our reader finds their artifact as a bundle.
        const index = JSON.parse(
          (await inspectRaw(registry, 'acme/app', fallbackTag(subject))).toString()
        ) as { manifests: unknown[] }
        expect(index.manifests).toContainEqual(JSON.parse(JSON.stringify(ours.entry)))
        const found = await client.bundles(ref('acme/app'), subject)
        expect(found.map((f) => f.referrer.manifest.digest)).toContain(theirs.digest)
      }
    )

    it('copies the image to a second repository: same digest by skopeo, blobs mounted, referrers along', async () => {
      const client = clientFor(registry)
      const subject = image.digests.index as Digest
      const report = await client.copy(ref('acme/app'), subject, ref('prod/app:v1'))
      expect(report.digest).toBe(subject)
      expect(report.digestReference).toBe(`${registry.host}/prod/app@${subject}`)
      expect(await tagDigest(registry, 'prod/app', 'v1')).toBe(subject)
      expect(
        (await inspectRaw(registry, 'prod/app', 'v1')).equals(
          await inspectRaw(registry, 'acme/app', 'v1')
        )
      ).toBe(true)
      // index, two platforms, attestation manifest; the blobs came by cross-repository mount.
      expect(report.manifests).toBe(4)
      expect(report.blobs).toEqual({
        present: expect.any(Number),
        mounted: expect.any(Number),
        uploaded: 0
      })
      expect(report.blobs.mounted).toBeGreaterThan(0)
      expect(report.referrers).toBeGreaterThan(0)
      const copied = await client.bundles(ref('prod/app'), subject)
      expect(copied.length).toBe(report.referrers)
      expect(await listTags(registry, 'prod/app')).toContain(fallbackTag(subject))
    })
  }
)

/**
 * Requests per operation, each on a fresh client (so each pays its own login), in this
 * order on one repository: the figures the closing note of the image issue gives. Basic
 * costs one challenged request more; Bearer a challenged request and a token request (two
 * tokens for a copy: the source's pull and the destination's pull,push with the mount's).
 */
const COUNTS: Record<RegistryMode, Record<string, number>> = {
  open: { resolve: 1, pin: 2, platforms: 1, retag: 4, attach: 9, bundles: 4, copy: 28 },
  htpasswd: { resolve: 2, pin: 3, platforms: 2, retag: 5, attach: 10, bundles: 5, copy: 29 },
  token: { resolve: 3, pin: 4, platforms: 3, retag: 6, attach: 11, bundles: 6, copy: 31 }
}

describe.each<RegistryMode>(['open', 'htpasswd', 'token'])(
  'request counts on distribution 2.8, %s',
  (mode) => {
    let registry: TestRegistry
    beforeAll(async () => {
      registry = await startRegistry(mode)
      await pushLayout(registry, image.dir, 'v1', 'count/app', 'v1')
    })
    afterAll(async () => {
      await registry?.close()
    })

    it('makes a known number of requests per operation', async () => {
      const ref = (text: string) => parseImageReference(`${registry.host}/${text}`, 'image')
      const index = image.digests.index as Digest
      const bundle = await imageBundle('count/app', index)
      const steps: [string, (c: RegistryClient) => Promise<unknown>][] = [
        ['resolve', (c) => c.resolve(ref('count/app:v1'))],
        ['pin', (c) => c.pin(ref('count/app:v1'))],
        ['platforms', (c) => c.platforms(ref('count/app'), index)],
        ['retag', (c) => c.retag(ref('count/app'), index, 'staging')],
        ['attach', (c) => c.attachBundle(ref('count/app'), index, bundle)],
        ['bundles', (c) => c.bundles(ref('count/app'), index)],
        ['copy', (c) => c.copy(ref('count/app'), index, ref('count/prod:v1'))]
      ]
      const counts: Record<string, number> = {}
      for (const [name, step] of steps) {
        const client = clientFor(registry)
        await step(client)
        counts[name] = client.requestCounts()[name] ?? 0
      }
      expect(counts).toEqual(COUNTS[mode])
    })
  }
)

describe('logging in to distribution 2.8', () => {
  let htpasswd: TestRegistry
  let token: TestRegistry
  beforeAll(async () => {
    ;[htpasswd, token] = await Promise.all([startRegistry('htpasswd'), startRegistry('token')])
    await Promise.all([
      pushLayout(htpasswd, image.dir, 'v1', 'acme/app', 'v1'),
      pushLayout(token, image.dir, 'v1', 'acme/app', 'v1')
    ])
  })
  afterAll(async () => {
    await Promise.all([htpasswd?.close(), token?.close()])
  })
  const anonymous = () =>
    new RegistryClient({ credentials: { env: {}, homeDir: tempDir('home-') } })
  const withPassword = (registry: TestRegistry, password: string) =>
    new RegistryClient({
      credentials: {
        explicit: [{ registry: registry.host, username: registry.username!, password }],
        env: {},
        homeDir: tempDir('home-')
      }
    })
  const ref = (registry: TestRegistry, text: string) =>
    parseImageReference(`${registry.host}/${text}`, 'image')

  it('Basic: no credentials, or wrong ones, are refused saying where they came from', async () => {
    await expect(anonymous().pin(ref(htpasswd, 'acme/app:v1'))).rejects.toThrowSealError('denied')
    await expect(withPassword(htpasswd, 'wrong').pin(ref(htpasswd, 'acme/app:v1'))).rejects.toThrow(
      new RegExp(
        `refused the credentials from the user and password given for ${htpasswd.host.replace(/\./g, '\\.')}\\. Check the user name and password`
      )
    )
  })

  it('Bearer: anonymous callers may pull but not push; a wrong password is refused at the token service', async () => {
    expect((await anonymous().pin(ref(token, 'acme/app:v1'))).digest).toBe(image.digests.index)
    await expect(
      anonymous().retag(ref(token, 'acme/app'), image.digests.index as Digest, 'staging')
    ).rejects.toThrowSealError('denied')
    await expect(
      withPassword(token, 'wrong').pin(ref(token, 'acme/app:v1'))
    ).rejects.toThrowSealError('denied')
  })

  it('Bearer: a token that may only pull is a denial of the push, naming the repository', async () => {
    token.tokenServer!.grant = (_user, _repository, actions) => actions.filter((a) => a === 'pull')
    try {
      await expect(
        withPassword(token, TOKEN_PASSWORD).retag(
          ref(token, 'acme/app'),
          image.digests.index as Digest,
          'staging'
        )
      ).rejects.toThrowSealError('denied')
    } finally {
      token.tokenServer!.grant = (_user, _repository, actions) => actions
    }
  })

  it('Bearer: an identity token from the docker config is exchanged with an OAuth2 refresh-token grant', async () => {
    const home = writeTree(tempDir('home-'), {
      '.docker/config.json': JSON.stringify({
        auths: {
          [token.host]: {
            auth: Buffer.from('<token>:').toString('base64'),
            identitytoken: REFRESH_TOKEN
          }
        }
      })
    })
    const client = new RegistryClient({ credentials: { env: {}, homeDir: home } })
    const before = token.tokenServer!.log.length
    await client.retag(ref(token, 'acme/app'), image.digests.index as Digest, 'identity')
    expect(token.tokenServer!.log.slice(before)).toEqual([
      { user: TOKEN_USER, scopes: ['repository:acme/app:pull,push'], grant: 'refresh_token' }
    ])
  })

  it('Bearer: a credential helper named in the docker config is asked, and its answer used', async () => {
    const bin = tempDir('bin-')
    fs.writeFileSync(
      path.join(bin, 'docker-credential-test'),
      `#!/bin/sh\ncat >/dev/null\nprintf '{"Username":"${TOKEN_USER}","Secret":"${TOKEN_PASSWORD}"}'\n`,
      { mode: 0o755 }
    )
    const dockerConfig = writeTree(tempDir('docker-'), {
      'config.json': JSON.stringify({ credHelpers: { [token.host]: 'test' } })
    })
    const client = new RegistryClient({
      credentials: {
        env: { DOCKER_CONFIG: dockerConfig, PATH: `${bin}:${process.env.PATH}` },
        homeDir: tempDir('home-')
      }
    })
    const before = token.tokenServer!.log.length
    await client.retag(ref(token, 'acme/app'), image.digests.index as Digest, 'helper')
    expect(token.tokenServer!.log.slice(before)).toEqual([
      { user: TOKEN_USER, scopes: ['repository:acme/app:pull,push'], grant: 'basic' }
    ])
  })

  it("Bearer: one token per scope, reused; a copy asks for the destination and the mount's source in one token", async () => {
    const client = withPassword(token, TOKEN_PASSWORD)
    const before = token.tokenServer!.log.length
    await client.pin(ref(token, 'acme/app:v1'))
    await client.pin(ref(token, 'acme/app:v1'))
    await client.copy(
      ref(token, 'acme/app'),
      image.digests.index as Digest,
      ref(token, 'mirror/app:v1')
    )
    expect(token.tokenServer!.log.slice(before).map((l) => l.scopes)).toEqual([
      ['repository:acme/app:pull'],
      ['repository:mirror/app:pull,push', 'repository:acme/app:pull']
    ])
  })
})
