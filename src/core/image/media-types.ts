/**
 * The manifest media types a registry serves: OCI image-spec and Docker's schema 2. A
 * registry answers a manifest request only with types the client lists in Accept
 * (distribution 2.8 answers 404 for an index not asked for), so every request lists all four.
 */

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'

/** Docker's schema 1 (signed JWS): its digest is not that of the bytes served, so it is refused. */
export const DOCKER_SCHEMA1_TYPES = [
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws'
]

/** An image's config blob, which says its platform (os, architecture, variant). */
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json'
export const IMAGE_CONFIG_TYPES: readonly string[] = [OCI_CONFIG, DOCKER_CONFIG]

/** The OCI empty descriptor's type: the config of an artifact manifest (`{}`, two bytes). */
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json'
export const OCTET_STREAM = 'application/octet-stream'

/** What actions/attest and cosign v3 name a Sigstore bundle v0.3 by, as artifactType and layer type. */
export const SIGSTORE_BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json'
/** Every Sigstore bundle version's media type starts so; verifiers match the prefix. */
export const SIGSTORE_BUNDLE_PREFIX = 'application/vnd.dev.sigstore.bundle'

export const INDEX_TYPES: readonly string[] = [OCI_INDEX, DOCKER_MANIFEST_LIST]
export const IMAGE_MANIFEST_TYPES: readonly string[] = [OCI_MANIFEST, DOCKER_MANIFEST]
export const MANIFEST_TYPES: readonly string[] = [...INDEX_TYPES, ...IMAGE_MANIFEST_TYPES]

/** The Accept header of every manifest request. */
export const MANIFEST_ACCEPT = MANIFEST_TYPES.join(', ')

export type ManifestMediaType =
  typeof OCI_INDEX | typeof OCI_MANIFEST | typeof DOCKER_MANIFEST_LIST | typeof DOCKER_MANIFEST

export function isManifestType(value: string): value is ManifestMediaType {
  return MANIFEST_TYPES.includes(value)
}

export function isIndexType(value: string): boolean {
  return INDEX_TYPES.includes(value)
}

/** `application/vnd.oci.image.index.v1+json; charset=utf-8` → the bare type, lower case. */
export function bareMediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}
