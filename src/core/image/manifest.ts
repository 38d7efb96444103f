import { type Digest, sha256Digest, shortDigest } from '../digest.js'
import { SealError, quote } from '../errors.js'
import {
  DOCKER_SCHEMA1_TYPES,
  IMAGE_CONFIG_TYPES,
  type ManifestMediaType,
  bareMediaType,
  isIndexType,
  isManifestType
} from './media-types.js'
import { isRecord } from '../json-shape.js'

/**
 * Image manifests and indexes as registries serve them, read strictly: a manifest decides
 * what is deployed, so one that is ambiguous (an index that also has layers), of a type
 * its body contradicts, or naming children by anything but sha256 is refused, never guessed.
 */

export interface Platform {
  readonly os: string
  readonly architecture: string
  readonly variant?: string
  readonly osVersion?: string
}

/** An OCI content descriptor, reduced to the fields artifact-seal reads. */
export interface Descriptor {
  readonly mediaType: string
  readonly digest: Digest
  readonly size: number
  readonly platform?: Platform
  readonly artifactType?: string
  readonly annotations?: Readonly<Record<string, string>>
}

interface Common {
  readonly mediaType: ManifestMediaType
  readonly artifactType?: string
  readonly subject?: Descriptor
  readonly annotations?: Readonly<Record<string, string>>
}

export interface ImageIndex extends Common {
  readonly kind: 'index'
  readonly manifests: readonly Descriptor[]
}

export interface ImageManifest extends Common {
  readonly kind: 'image'
  readonly config: Descriptor
  readonly layers: readonly Descriptor[]
}

export type Manifest = ImageIndex | ImageManifest

/**
 * A manifest with the bytes it was read from and their digest: the bytes are what a retag or copy
 * sends, never a re-serialisation.
 */
export interface ManifestBytes {
  readonly bytes: Buffer
  readonly digest: Digest
  readonly mediaType: ManifestMediaType
  readonly manifest: Manifest
}

/** distribution's and containerd's limit on a manifest: larger bodies are refused unread. */
export const MANIFEST_MAX_BYTES = 4 * 1024 * 1024

/** Content types that say nothing about the manifest's kind: its body's mediaType must then say it. */
const UNSPECIFIED_TYPES = new Set([
  '',
  'application/json',
  'application/octet-stream',
  'text/plain'
])

// Where the registry client and the image use case have always imported it from.
export { sha256Digest }

/**
 * Checks that `bytes` hash to `expected` and reads them as a manifest. `where` names the
 * reference in messages (`image "ghcr.io/acme/app@sha256:…"`).
 */
export function proveManifest(
  bytes: Buffer,
  expected: Digest,
  contentType: string | null,
  where: string
): ManifestBytes {
  const actual = sha256Digest(bytes)
  if (actual !== expected) {
    throw new SealError(
      'refused',
      `${where}: the registry served a manifest whose bytes hash to ${actual}, not to the digest asked for, ${expected}. ` +
        ('The registry (or something between it and the runner) altered or swapped the manifest; nothing is ' +
          'trusted from it. Check the registry and the network path, then run again.')
    )
  }
  return readManifest(bytes, actual, contentType, where)
}

/** Reads bytes whose digest the caller computed or proved as a manifest of a known type. */
export function readManifest(
  bytes: Buffer,
  digest: Digest,
  contentType: string | null,
  where: string
): ManifestBytes {
  const manifest = parseManifest(bytes, contentType, `${where} (manifest ${shortDigest(digest)})`)
  return { bytes, digest, mediaType: manifest.mediaType, manifest }
}

export function parseManifest(
  bytes: Uint8Array,
  contentType: string | null,
  where: string
): Manifest {
  const bad = (why: string): never => {
    throw new SealError('refused', `${where}: ${why}.`)
  }
  if (bytes.length > MANIFEST_MAX_BYTES)
    bad(
      `the manifest is ${bytes.length} bytes, more than the ${MANIFEST_MAX_BYTES} a registry serves`
    )
  const header = bareMediaType(contentType)
  if (DOCKER_SCHEMA1_TYPES.includes(header)) {
    bad(
      `the registry serves a Docker schema 1 manifest (${quote(header)}), whose digest is not that of its ` +
        'bytes; push the image again with a current client, which writes schema 2 or ' +
        'OCI'
    )
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return bad('the manifest is not UTF-8 JSON')
  }
  if (!isRecord(json)) return bad('the manifest is not a JSON object')
  const body = json as Record<string, unknown>
  if (body.schemaVersion !== 2)
    bad(
      `the manifest's schemaVersion is ${quote(JSON.stringify(body.schemaVersion) ?? 'missing')}, not 2`
    )
  const declared = body.mediaType
  if (declared !== undefined && typeof declared !== 'string')
    bad("the manifest's mediaType is not a string")
  const mediaType = manifestType(declared as string | undefined, header, bad)
  const common = {
    mediaType,
    ...optionalString(body, 'artifactType', bad),
    ...(body.subject === undefined
      ? {}
      : { subject: readDescriptor(body.subject, 'subject', bad) }),
    ...optionalAnnotations(body, 'annotations', "the manifest's annotations", bad)
  }
  if (isIndexType(mediaType)) {
    if (body.layers !== undefined || body.config !== undefined)
      bad(
        `the manifest says it is an index (${mediaType}) but has layers or a config: refused as ambiguous`
      )
    if (!Array.isArray(body.manifests))
      return bad(`the index (${mediaType}) has no "manifests" list`)
    const manifests = body.manifests.map((entry, i) =>
      readDescriptor(entry, `manifests[${i}]`, bad)
    )
    return { kind: 'index', ...common, manifests }
  }
  if (body.manifests !== undefined)
    bad(
      `the manifest says it is an image manifest (${mediaType}) but has a "manifests" list: refused as ambiguous`
    )
  if (!Array.isArray(body.layers))
    return bad(`the image manifest (${mediaType}) has no "layers" list`)
  const config = readDescriptor(body.config, 'config', bad)
  const layers = body.layers.map((entry, i) => readDescriptor(entry, `layers[${i}]`, bad))
  return { kind: 'image', ...common, config, layers }
}

/**
 * The type the body declares and the one the registry sent must agree; when only one is
 * there, it decides. A registry serving an index as an image manifest (or the reverse) is
 * the confusion image-spec's mediaType field exists to rule out.
 */
function manifestType(
  declared: string | undefined,
  header: string,
  bad: (why: string) => never
): ManifestMediaType {
  if (declared !== undefined && !isManifestType(declared)) {
    if (DOCKER_SCHEMA1_TYPES.includes(declared))
      bad(
        'the manifest is Docker schema 1, whose digest is not that of its bytes; push the image again with a ' +
          'current client'
      )
    bad(`the manifest's mediaType ${quote(declared)} is not an image manifest or index type`)
  }
  if (isManifestType(header)) {
    if (declared !== undefined && declared !== header)
      bad(`the registry sent it as ${quote(header)} but its body says ${quote(declared)}`)
    return header
  }
  if (!UNSPECIFIED_TYPES.has(header))
    bad(`the registry sent it as ${quote(header)}, which is not a manifest type`)
  if (declared === undefined)
    bad(
      `neither the registry's Content-Type (${quote(header)}) nor the manifest's mediaType says what kind of ` +
        'manifest it is'
    )
  return declared as ManifestMediaType
}

const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/

function readDescriptor(value: unknown, field: string, bad: (why: string) => never): Descriptor {
  if (!isRecord(value)) return bad(`${field} is not a descriptor object`)
  const d = value as Record<string, unknown>
  if (typeof d.mediaType !== 'string' || d.mediaType === '') bad(`${field} has no mediaType`)
  if (typeof d.digest !== 'string') return bad(`${field} has no digest`)
  if (!SHA256_DIGEST.test(d.digest)) {
    const algorithm = /^([a-z0-9+._-]+):/.exec(d.digest)?.[1]
    bad(
      algorithm !== undefined && algorithm !== 'sha256'
        ? `${field} names its content by a ${quote(algorithm)} digest; artifact-seal follows sha256 digests only`
        : `${field}'s digest ${quote(d.digest)} is not "sha256:" and 64 lower-case hex characters`
    )
  }
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
    bad(`${field}'s size is not a whole number of bytes`)
  return {
    mediaType: d.mediaType as string,
    digest: d.digest as Digest,
    size: d.size as number,
    ...(d.platform === undefined ? {} : { platform: readPlatform(d.platform, field, bad) }),
    ...optionalString(d, 'artifactType', bad),
    ...optionalAnnotations(d, 'annotations', `${field}'s annotations`, bad)
  }
}

function readPlatform(value: unknown, field: string, bad: (why: string) => never): Platform {
  if (!isRecord(value)) return bad(`${field}'s platform is not an object`)
  const p = value as Record<string, unknown>
  if (typeof p.os !== 'string' || typeof p.architecture !== 'string')
    return bad(`${field}'s platform lacks os or architecture`)
  if (p.variant !== undefined && typeof p.variant !== 'string')
    bad(`${field}'s platform variant is not a string`)
  if (p['os.version'] !== undefined && typeof p['os.version'] !== 'string')
    bad(`${field}'s platform os.version is not a string`)
  return {
    os: p.os,
    architecture: p.architecture,
    ...(typeof p.variant === 'string' ? { variant: p.variant } : {}),
    ...(typeof p['os.version'] === 'string' ? { osVersion: p['os.version'] } : {})
  }
}

function optionalString(
  object: Record<string, unknown>,
  key: string,
  bad: (why: string) => never
): Record<string, string> {
  const value = object[key]
  if (value === undefined) return {}
  if (typeof value !== 'string') bad(`${key} is not a string`)
  return { [key]: value as string }
}

function optionalAnnotations(
  object: Record<string, unknown>,
  key: string,
  what: string,
  bad: (why: string) => never
): { annotations?: Record<string, string> } {
  const value = object[key]
  if (value === undefined) return {}
  if (!isRecord(value)) bad(`${what} are not an object`)
  const annotations: Record<string, string> = {}
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    if (typeof text !== 'string') bad(`${what}: ${quote(name)} is not a string`)
    annotations[name] = text as string
  }
  return { annotations }
}

// ---------------------------------------------------------------------------------------
// Platforms of an index
// ---------------------------------------------------------------------------------------

/** BuildKit marks its attestation manifests so, beside platform unknown/unknown. */
const REFERENCE_TYPE_ANNOTATION = 'vnd.docker.reference.type'

/** `linux/amd64`, `linux/arm/v7`: os/architecture[/variant], as docker and buildx write platforms. */
export function formatPlatform(platform: Platform): string {
  return `${platform.os}/${platform.architecture}${platform.variant === undefined ? '' : `/${platform.variant}`}`
}

/** One runnable image of an index: its platform and the child manifest's descriptor. */
export interface PlatformChild {
  readonly platform: string
  readonly descriptor: Descriptor
}

/**
 * The index's children that are images for a platform. BuildKit's attestation manifests
 * (platform unknown/unknown, or annotated as attestation manifests), children without a
 * platform and those whose platform has a "/" inside a part are not platforms, whatever else
 * they are.
 */
export function platformChildren(index: ImageIndex): PlatformChild[] {
  return index.manifests.flatMap((descriptor) => {
    const platform = descriptor.platform
    if (platform === undefined) return []
    if (platform.os === 'unknown' && platform.architecture === 'unknown') return []
    if (descriptor.annotations?.[REFERENCE_TYPE_ANNOTATION] === 'attestation-manifest') return []
    // `os: "linux/amd64"` would spell linux/amd64 as os/architecture: a part holding "/" names no
    // platform a runtime would pick, so it is none.
    if ([platform.os, platform.architecture, platform.variant ?? ''].some((p) => p.includes('/')))
      return []
    return [{ platform: formatPlatform(platform), descriptor }]
  })
}

/**
 * Whether a child's platform satisfies a wanted one: `linux/arm64` takes any variant,
 * `linux/arm/v7` that variant only.
 */
export function platformMatches(have: string, want: string): boolean {
  const h = have.split('/')
  const w = want.split('/')
  return h[0] === w[0] && h[1] === w[1] && (w[2] === undefined || h[2] === w[2])
}

/** An image config is a few KiB; one past this is not read. */
export const CONFIG_MAX_BYTES = 4 * 1024 * 1024

/**
 * The platform of a single image, from its config blob (image-spec `config.md`: `os`,
 * `architecture`, `variant`), as an index child names it. The blob is proven first: bytes
 * that do not hash to the manifest's config digest (or are not its size) are refused, as is
 * a config that is not an image's (an artifact's empty config names no platform).
 */
export function platformOfConfig(
  manifest: ImageManifest,
  bytes: Buffer,
  where: string
): PlatformChild['platform'] {
  const config = manifest.config
  if (sha256Digest(bytes) !== config.digest || bytes.length !== config.size) {
    throw new SealError(
      'refused',
      `${where}: the config blob served for ${config.digest} hashes to ${sha256Digest(bytes)} (${bytes.length} ` +
        `bytes, ${config.size} expected): altered or swapped on the way. Nothing is trusted from it; check the ` +
        'registry.'
    )
  }
  if (!IMAGE_CONFIG_TYPES.includes(config.mediaType)) {
    throw new SealError(
      'refused',
      `${where}: the manifest's config is a ${quote(config.mediaType)}, not an image config, so it names no ` +
        'platform.'
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    parsed = null
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >
  const text = (value: unknown): string | null =>
    typeof value === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(value) ? value : null
  const os = text(body.os)
  const architecture = text(body.architecture)
  const variant = body.variant === undefined ? undefined : text(body.variant)
  if (os === null || architecture === null || variant === null) {
    throw new SealError(
      'refused',
      `${where}: the image config ${config.digest} does not name a platform (os, architecture and an ` +
        'optional variant, lower-case words). Push an image built for a platform.'
    )
  }
  return formatPlatform({ os, architecture, ...(variant === undefined ? {} : { variant }) })
}

/** Refuses an index that lacks a wanted platform, naming every missing one and what is there. */
export function requirePlatforms(
  children: readonly PlatformChild[],
  wanted: readonly string[],
  where: string
): void {
  const missing = wanted.filter(
    (want) => !children.some((child) => platformMatches(child.platform, want))
  )
  if (missing.length === 0) return
  const present =
    children.length === 0 ? 'no platform images at all' : children.map((c) => c.platform).join(', ')
  throw new SealError(
    'refused',
    `${where}: the index has no image for ${missing.map(quote).join(', ')}; it has ${present}. ` +
      `Build and push the image for ${missing.length === 1 ? 'that platform' : 'those platforms'}, or drop ${missing.length === 1 ? 'it' : 'them'} from the platforms rule.`
  )
}

/** The child of `index` with that digest, whatever its platform; null when it is not one. */
export function childOf(index: ImageIndex, digest: Digest): Descriptor | null {
  return index.manifests.find((descriptor) => descriptor.digest === digest) ?? null
}

/** The blobs an image manifest names: its config, then its layers. */
export function blobsOf(manifest: ImageManifest): Descriptor[] {
  return [manifest.config, ...manifest.layers]
}
