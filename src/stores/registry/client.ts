import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { attestationArtifact } from '../../core/image/attestation.js'
import {
  CONFIG_MAX_BYTES,
  type ManifestBytes,
  type PlatformChild,
  childOf,
  formatPlatform,
  platformChildren,
  platformOfConfig
} from '../../core/image/manifest.js'
import { isManifestType } from '../../core/image/media-types.js'
import {
  type ImageReference,
  digestReference,
  registryHost,
  sameRepository,
  withDigest
} from '../../core/image/reference.js'
import type { Referrer } from '../../core/image/referrers.js'
import { VERSION } from '../../version.js'
import { SYSTEM_CLOCK } from '../../http/clock.js'
import { DEFAULT_RETRY, type RetryOptions } from '../../http/retry-policy.js'
import { type Call, RegistryApi } from './api.js'
import { copyImage } from './copy.js'
import { type CredentialOptions, CredentialResolver } from './credentials.js'
import type {
  AttachReport,
  CopyReport,
  FoundBundle,
  ImageRegistry,
  PinnedImage,
  ResolvedImage
} from './image-registry.js'
import { fetchProven, resolveTag, tagMoved, where } from './manifests.js'
import {
  type FallbackOptions,
  publishReferrers,
  pushBlob,
  readBundles,
  readReferrers
} from './referrers.js'
import { RegistrySession, type Scope } from './session.js'
import { Transport, isLoopbackHost } from './transport.js'

export interface RegistryClientOptions {
  readonly credentials?: CredentialOptions
  /** Registries (`host[:port]`) reached over plain HTTP besides loopback ones; their token realms and redirects too. */
  readonly insecureRegistries?: readonly string[]
  /** Per attempt (30 s). */
  readonly timeoutMs?: number
  /** Per attempt of a streamed blob copy (10 min). */
  readonly blobTimeoutMs?: number
  /** A request and its retries, waits included (2 min). */
  readonly deadlineMs?: number
  readonly retry?: RetryOptions
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  /** Milliseconds for token expiry (Date.now). */
  readonly now?: () => number
  /** The creation time written into attached artifacts. */
  readonly clock?: () => Date
  readonly fallback?: Partial<Pick<FallbackOptions, 'settleMs' | 'rounds' | 'pauses'>>
}

/** A resolution without the manifest read on the way (when the registry left the digest out). */
const resolvedOnly = (resolved: ResolvedImage): ResolvedImage => ({
  reference: resolved.reference,
  digest: resolved.digest,
  mediaType: resolved.mediaType,
  size: resolved.size
})

/**
 * A host as a plain-HTTP URL writes it (`registry.lan:80` is `registry.lan`, `127.000.000.001` is
 * `127.0.0.1`), so a registry named or written in one form is the same registry in the other, as
 * URLs, redirects and realms give it.
 */
function httpHost(host: string): string {
  try {
    return new URL(`http://${host}`).host
  } catch {
    return host
  }
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The OCI distribution client on Node's fetch. One instance holds a session (login state,
 * token cache) per registry and counts requests per operation for its whole life.
 */
export class RegistryClient implements ImageRegistry {
  private readonly transport: Transport
  private readonly credentials: CredentialResolver
  private readonly insecure: ReadonlySet<string>
  private readonly sessions = new Map<string, RegistryApi>()
  private readonly fallback: FallbackOptions

  constructor(private readonly options: RegistryClientOptions = {}) {
    this.insecure = new Set((options.insecureRegistries ?? []).map(httpHost))
    this.credentials = new CredentialResolver(options.credentials ?? {})
    const sleep = options.sleep ?? sleepFor
    this.transport = new Transport(
      {
        policy: {
          ...(options.retry ?? DEFAULT_RETRY),
          timeoutMs: options.timeoutMs ?? 30_000,
          deadlineMs: options.deadlineMs ?? 120_000
        },
        blobTimeoutMs: options.blobTimeoutMs ?? 600_000,
        clock: { ...SYSTEM_CLOCK, sleep, random: options.random ?? Math.random },
        userAgent: `artifact-seal/${VERSION}`
      },
      (host) => this.plainHttpAllowed(host)
    )
    this.fallback = {
      settleMs: options.fallback?.settleMs ?? 1000,
      rounds: options.fallback?.rounds ?? 10,
      sleep,
      ...(options.fallback?.pauses === undefined ? {} : { pauses: options.fallback.pauses })
    }
  }

  requestCounts(): Record<string, number> {
    return this.transport.requestCounts()
  }

  resetRequestCounts(): void {
    this.transport.resetCounts()
  }

  async resolve(reference: ImageReference): Promise<ResolvedImage> {
    const { api, call } = this.open('resolve', reference, false)
    if (reference.digest !== null) {
      const head = await api.headManifest(call, reference.repository, reference.digest)
      if (head === null || !isManifestType(head.mediaType)) {
        // Without a usable HEAD the manifest itself says what it is.
        const manifest = await fetchProven(api, call, reference, reference.digest)
        return {
          reference,
          digest: manifest.digest,
          mediaType: manifest.mediaType,
          size: manifest.bytes.length
        }
      }
      if (head.digest !== null && head.digest !== reference.digest)
        throw this.digestDisagrees(call, reference.digest, head.digest)
      return { reference, digest: reference.digest, mediaType: head.mediaType, size: head.size }
    }
    return resolvedOnly(await resolveTag(api, call, reference, reference.tag ?? 'latest'))
  }

  async fetchManifest(reference: ImageReference, digest: Digest): Promise<ManifestBytes> {
    const { api, call } = this.open('fetch', reference, false)
    return fetchProven(api, call, reference, digest)
  }

  async pin(reference: ImageReference, expected?: Digest): Promise<PinnedImage> {
    const { api, call } = this.open('pin', reference, false)
    let manifest: ManifestBytes
    if (reference.digest !== null) {
      if (expected !== undefined && expected !== reference.digest)
        throw tagMoved(call, `@${reference.digest}`, expected, reference.digest)
      manifest = await fetchProven(api, call, reference, reference.digest)
    } else {
      const tag = reference.tag ?? 'latest'
      const resolved = await resolveTag(api, call, reference, tag)
      if (expected !== undefined && resolved.digest !== expected)
        throw tagMoved(call, tag, expected, resolved.digest)
      manifest = resolved.fetched ?? (await fetchProven(api, call, reference, resolved.digest))
    }
    return {
      reference,
      digest: manifest.digest,
      manifest,
      digestReference: digestReference(reference, manifest.digest)
    }
  }

  async platforms(reference: ImageReference, index: Digest): Promise<PlatformChild[]> {
    const { api, call } = this.open('platforms', reference, false)
    const manifest = await fetchProven(api, call, reference, index)
    return manifest.manifest.kind === 'index' ? platformChildren(manifest.manifest) : []
  }

  async imagePlatform(reference: ImageReference, manifest: ManifestBytes): Promise<string> {
    const { api, call } = this.open('platforms', withDigest(reference, manifest.digest), false)
    if (manifest.manifest.kind !== 'image')
      throw new Error("unreachable: the platform of an index is its children's")
    const config = manifest.manifest.config
    if (config.size > CONFIG_MAX_BYTES)
      throw new SealError(
        'refused',
        `${call.where}: the image config ${config.digest} is said to be ${config.size} bytes, more than an ` +
          'image config is; refused.'
      )
    const bytes = await api.getSmallBlob(
      call,
      reference.repository,
      config.digest,
      CONFIG_MAX_BYTES
    )
    return platformOfConfig(manifest.manifest, bytes, call.where)
  }

  async platformChild(
    reference: ImageReference,
    index: Digest,
    child: Digest
  ): Promise<PlatformChild> {
    const { api, call } = this.open('platforms', reference, false)
    const manifest = await fetchProven(api, call, reference, index)
    const found = manifest.manifest.kind === 'index' ? childOf(manifest.manifest, child) : null
    const platform =
      found === null
        ? undefined
        : platformChildren({
            ...(manifest.manifest as Extract<typeof manifest.manifest, { kind: 'index' }>),
            manifests: [found]
          })[0]
    if (platform === undefined) {
      throw new SealError(
        'refused',
        `${call.where}: ${child} is not a platform image of the sealed ${manifest.manifest.kind === 'index' ? 'index' : 'image'} ${index}` +
          `${found === null ? '' : ` (it is a child, but ${found.platform === undefined ? 'has no platform' : `for ${quote(formatPlatform(found.platform))}, an attestation manifest`})`}. ` +
          'Deploy the sealed digest, or a platform digest the sealed index lists.'
      )
    }
    return platform
  }

  async retag(reference: ImageReference, digest: Digest, tag: string): Promise<ResolvedImage> {
    const { api, call } = this.open('retag', reference, true)
    const manifest = await fetchProven(api, call, reference, digest)
    const target = { ...reference, tag, digest: null }
    const before = await api.headManifest(call, reference.repository, tag)
    if (before?.digest !== digest) {
      const answer = await api.putManifest(
        call,
        reference.repository,
        tag,
        manifest.bytes,
        manifest.mediaType
      )
      if (answer === 'precondition-failed')
        throw new SealError(
          'refused',
          `${call.where}: the registry refused the tag ${quote(tag)} with 412 though no If-Match was sent; ` +
            'check the registry.'
        )
      if (answer.digestHeader !== null && answer.digestHeader !== digest)
        throw this.digestDisagrees(call, digest, answer.digestHeader)
    }
    const after = resolvedOnly(await resolveTag(api, call, target, tag))
    if (after.digest !== digest) {
      throw new SealError(
        'conflict',
        `${call.where}: after the retag the tag ${quote(tag)} names ${after.digest}, not ${digest}: another ` +
          'writer moved it meanwhile. ' +
          `Check who pushes to ${quote(reference.repository)}, then promote again.`
      )
    }
    return after
  }

  async copy(
    source: ImageReference,
    digest: Digest,
    destination: ImageReference
  ): Promise<CopyReport> {
    const from = this.api(source)
    const to = this.api(destination)
    const sameRegistry = from === to
    if (sameRegistry && sameRepository(source, destination) && destination.tag === null) {
      throw new SealError(
        'bad-input',
        `${where(destination)}: the copy's destination is its source repository with no tag; give another ` +
          'repository, or a tag (a retag).'
      )
    }
    const read: Call = {
      operation: 'copy',
      where: where(withDigest(source, digest)),
      scopes: [{ repository: source.repository, push: false }]
    }
    const writeScopes: Scope[] = [{ repository: destination.repository, push: true }]
    // One token for both ends of a cross-repository mount.
    if (sameRegistry && !sameRepository(source, destination))
      writeScopes.push({ repository: source.repository, push: false })
    const write: Call = { operation: 'copy', where: where(destination), scopes: writeScopes }
    return copyImage(
      { from, to, source, destination, read, write, fallback: this.fallback, blobAttempts: 3 },
      digest
    )
  }

  async attachBundle(
    reference: ImageReference,
    subject: Digest,
    bundle: Buffer
  ): Promise<AttachReport> {
    const { api, call } = this.open('attach', withDigest(reference, subject), true)
    // The image this client just resolved and proved (a seal, a promotion) is described by those bytes.
    const known = api.provenManifest(reference.repository, subject)
    const head =
      known === undefined ? await api.headManifest(call, reference.repository, subject) : null
    let descriptor: { mediaType: string; digest: Digest; size: number }
    if (head !== null && head.digest !== null && head.digest !== subject)
      throw this.digestDisagrees(call, subject, head.digest)
    if (known !== undefined) {
      descriptor = { mediaType: known.mediaType, digest: subject, size: known.bytes.length }
    } else if (head !== null && head.size !== null && isManifestType(head.mediaType)) {
      descriptor = { mediaType: head.mediaType, digest: subject, size: head.size }
    } else {
      const manifest = await fetchProven(api, call, reference, subject)
      descriptor = { mediaType: manifest.mediaType, digest: subject, size: manifest.bytes.length }
    }
    const artifact = attestationArtifact({
      bundle,
      subject: descriptor,
      created: (this.options.clock?.() ?? new Date()).toISOString(),
      where: call.where
    })
    for (const blob of artifact.blobs) await pushBlob(api, call, reference.repository, blob)
    const published = await publishReferrers(
      api,
      call,
      reference.repository,
      subject,
      [artifact.manifest],
      this.fallback
    )
    return { manifest: artifact.manifest.digest, ...published }
  }

  async referrers(
    reference: ImageReference,
    subject: Digest,
    options: { readonly artifactType?: string } = {}
  ): Promise<Referrer[]> {
    const { api, call } = this.open('referrers', withDigest(reference, subject), false)
    return readReferrers(api, call, reference.repository, subject, options.artifactType)
  }

  async bundles(
    reference: ImageReference,
    subject: Digest,
    options: { readonly predicateType?: string } = {}
  ): Promise<FoundBundle[]> {
    const { api, call } = this.open('bundles', withDigest(reference, subject), false)
    return readBundles(api, call, reference.repository, subject, options.predicateType)
  }

  private open(
    operation: string,
    reference: ImageReference,
    push: boolean
  ): { api: RegistryApi; call: Call } {
    return {
      api: this.api(reference),
      call: {
        operation,
        where: where(reference),
        scopes: [{ repository: reference.repository, push }]
      }
    }
  }

  private api(reference: ImageReference): RegistryApi {
    const host = registryHost(reference)
    let api = this.sessions.get(host)
    if (api === undefined) {
      const session = new RegistrySession({
        registry: reference.registry,
        // The URL's own form of the origin, which every answer and redirect is compared with.
        origin: new URL(`${this.plainHttpAllowed(host) ? 'http' : 'https'}://${host}`).origin,
        transport: this.transport,
        credentials: this.credentials,
        plainHttpAllowed: (h) => this.plainHttpAllowed(h),
        now: this.options.now ?? Date.now
      })
      api = new RegistryApi(session)
      this.sessions.set(host, api)
    }
    return api
  }

  private plainHttpAllowed(host: string): boolean {
    const canonical = httpHost(host)
    return isLoopbackHost(canonical) || this.insecure.has(canonical)
  }

  private digestDisagrees(call: Call, asked: Digest, said: string): SealError {
    return new SealError(
      'refused',
      `${call.where}: asked for ${asked}, the registry names ${quote(said)} (Docker-Content-Digest). Nothing ` +
        'is trusted from this answer; check the registry.'
    )
  }
}
