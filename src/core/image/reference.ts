import { type Digest, digestFromHex } from '../digest.js'
import { SealError, quote } from '../errors.js'

/**
 * An image reference as CNCF distribution's grammar reads it (`reference/regexp.go`,
 * `normalize.go`): `[registry/]path[:tag][@digest]`, where the first component is a
 * registry only when it holds a `.` or a `:` or is exactly `localhost`; otherwise the
 * image is on Docker Hub. Docker Hub names are normalised for the wire only
 * (`docker.io` → `registry-1.docker.io`, `nginx` → `library/nginx`): the name a user
 * wrote is what the subject and the digest reference are called, as actions/attest does.
 */
export interface ImageReference {
  /** The registry as written, lower case (`ghcr.io`, `127.0.0.1:5000`); `docker.io` when none was written. */
  readonly registry: string
  /** The repository on the registry's wire: `acme/app`, `library/nginx` for Docker Hub's one-component names. */
  readonly repository: string
  /** The name as written without tag or digest, registry in lower case: what the subject is called. */
  readonly name: string
  readonly tag: string | null
  readonly digest: Digest | null
}

/** distribution's NameTotalLengthMax: the whole name, registry included. */
const NAME_MAX = 255
const ALPHA_NUMERIC = '[a-z0-9]+'
const SEPARATOR = '(?:[._]|__|-+)'
const PATH_COMPONENT = new RegExp(`^${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*$`)
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const HOST = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]+))?$`
)
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export const DOCKER_HUB = 'docker.io'
/** Where Docker Hub's registry API is served; `docker.io` itself only redirects. */
export const DOCKER_HUB_HOST = 'registry-1.docker.io'
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/**
 * Reads an image reference. `what` names where it came from (an input, a flag) for the
 * message. Surrounding blanks are dropped; anything else outside the grammar is refused.
 */
export function parseImageReference(value: string, what: string): ImageReference {
  const text = value.trim()
  const fail = (why: string, fix: string): never => {
    throw new SealError(
      'bad-input',
      `${what}: ${quote(text)} is not an image reference: ${why}. ${fix}`
    )
  }
  if (text === '')
    fail(
      'it is empty',
      'Give a reference such as "ghcr.io/acme/app:1.4.0" or "ghcr.io/acme/app@sha256:…".'
    )
  const at = text.indexOf('@')
  let digest: Digest | null = null
  let rest = text
  if (at !== -1) {
    if (text.indexOf('@', at + 1) !== -1)
      fail('it has more than one "@"', 'Give one digest after "@".')
    const after = text.slice(at + 1)
    const colon = after.indexOf(':')
    if (colon === -1)
      fail('the digest after "@" must start with "sha256:"', 'Write it as "name@sha256:<64 hex>".')
    const algorithm = after.slice(0, colon).toLowerCase()
    if (algorithm !== 'sha256')
      fail(
        `the digest after "@" is a ${quote(algorithm)} digest`,
        'artifact-seal reads sha256 digests only: write "name@sha256:<64 hex>".'
      )
    const hex = after.slice(colon + 1)
    if (!/^[0-9a-fA-F]{64}$/.test(hex))
      fail(
        `the digest after "@" is not "sha256:" and 64 hex characters (got ${hex.length} characters)`,
        'Copy the whole digest.'
      )
    digest = digestFromHex(hex.toLowerCase())
    rest = text.slice(0, at)
  }
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.indexOf(':', lastSlash + 1)
  let tag: string | null = null
  let name = rest
  if (colon !== -1) {
    tag = rest.slice(colon + 1)
    name = rest.slice(0, colon)
    if (!TAG.test(tag)) {
      fail(
        `the tag ${quote(tag)} is not a valid tag`,
        'A tag is 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".'
      )
    }
  }
  if (name === '')
    fail(
      'the name before the tag or digest is empty',
      'Give the repository, such as "ghcr.io/acme/app".'
    )
  if (name.length > NAME_MAX)
    fail(
      `the name is ${name.length} characters long`,
      `A name is at most ${NAME_MAX} characters, registry included.`
    )
  const slash = name.indexOf('/')
  const first = slash === -1 ? '' : name.slice(0, slash)
  const hasRegistry = namesRegistry(name)
  let registry = DOCKER_HUB
  let path = name
  if (hasRegistry) {
    const host = HOST.exec(first)
    if (host === null)
      return fail(
        `the registry ${quote(first)} is not a host name, an IP address or either with a port`,
        'Write the registry as "host" or "host:port", such as "ghcr.io" or "localhost:5000".'
      )
    const port = host[1]
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
      fail(`the port ${port} is out of range`, 'Give a port from 1 to 65535.')
    registry = first.toLowerCase()
    path = name.slice(slash + 1)
  }
  // Registries hold lower-case repositories only; a name written with capitals (the
  // `ghcr.io/${{ github.repository }}` of an org named "Acme") means its lower-case form, as
  // actions/attest reads subject names.
  path = path.toLowerCase()
  for (const component of path.split('/')) {
    if (PATH_COMPONENT.test(component)) continue
    fail(
      component === ''
        ? `the repository ${quote(path)} has an empty path component`
        : `the path component ${quote(component)} is not valid`,
      'Each "/"-separated part of a repository is lower-case letters and digits, joined by ".", "_", "__" or dashes.'
    )
  }
  const dockerHub = DOCKER_HUB_ALIASES.has(registry)
  return {
    registry: dockerHub ? DOCKER_HUB : registry,
    repository: dockerHub && !path.includes('/') ? `library/${path}` : path,
    name: hasRegistry ? `${registry}/${path}` : path,
    tag,
    digest
  }
}

/**
 * Whether a name writes its registry out (`ghcr.io/acme/app`, `localhost:5000/app`): a first
 * component with a ".", a ":" or `localhost`, as Docker reads it. Otherwise the name is Docker
 * Hub's (`payments` is `docker.io/library/payments`).
 */
export function namesRegistry(name: string): boolean {
  const slash = name.indexOf('/')
  if (slash === -1) return false
  const first = name.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost'
}

/** The host (and port) the registry API is served on. */
export function registryHost(reference: Pick<ImageReference, 'registry'>): string {
  return reference.registry === DOCKER_HUB ? DOCKER_HUB_HOST : reference.registry
}

/** The reference as text: `name[:tag][@digest]`. */
export function formatReference(reference: ImageReference): string {
  return `${reference.name}${reference.tag === null ? '' : `:${reference.tag}`}${reference.digest === null ? '' : `@${reference.digest}`}`
}

/** `name@sha256:…`: what a deploy step is handed, never the tag. */
export function digestReference(reference: ImageReference, digest: Digest): string {
  return `${reference.name}@${digest}`
}

/**
 * The subject name actions/attest gives an image: the name without tag or digest, lower
 * case, a registry port kept. `parseImageReference` lowers the registry and the repository,
 * so the name is already in that form.
 */
export function subjectName(reference: ImageReference): string {
  return reference.name
}

/** The same repository with a tag (and no digest). */
export function withTag(reference: ImageReference, tag: string, what: string): ImageReference {
  if (!TAG.test(tag)) {
    throw new SealError(
      'bad-input',
      `${what}: ${quote(tag)} is not a valid tag. A tag is 1 to 128 characters of letters, digits, "_", "." ` +
        'and "-", not starting with "." or "-".'
    )
  }
  return { ...reference, tag, digest: null }
}

/** The same repository pinned to a digest (the tag dropped: a digest reference never re-reads a tag). */
export function withDigest(reference: ImageReference, digest: Digest): ImageReference {
  return { ...reference, tag: null, digest }
}

/** Whether two references name one repository on one registry. */
export function sameRepository(a: ImageReference, b: ImageReference): boolean {
  return a.registry === b.registry && a.repository === b.repository
}

/** How a subject-path names an image instead of files, as `gh attestation verify oci://…` does. */
export const OCI_SCHEME = 'oci://'

/** Whether a subject-path value names an image (`oci://…`, in any of its entries) rather than files only. */
export function isImageSubject(text: string): boolean {
  return text.split(/[\r\n,]/).some((entry) => entry.trim().toLowerCase().startsWith(OCI_SCHEME))
}

/**
 * The image a subject-path names: one `oci://` reference alone. A list that mixes an image
 * with files, or names two images, is refused: a seal has one subject, and the gate one
 * digest to pin.
 */
export function parseImageSubject(text: string, what: string): ImageReference {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  if (lines.length !== 1 || lines[0]!.includes(',')) {
    throw new SealError(
      'bad-input',
      `${what}: ${quote(text.trim())} names an image (${OCI_SCHEME}…) among other entries. An image is sealed, ` +
        `verified and promoted alone: give one ${OCI_SCHEME} reference and nothing ` +
        'else.'
    )
  }
  const line = lines[0]!
  if (!line.toLowerCase().startsWith(OCI_SCHEME)) {
    throw new SealError(
      'bad-input',
      `${what}: ${quote(line)} names an image but does not start with ${quote(OCI_SCHEME)}. Write it as ` +
        '"oci://ghcr.io/acme/app:1.4.0".'
    )
  }
  return parseImageReference(line.slice(OCI_SCHEME.length), what)
}

/**
 * The registries named to be reached over plain HTTP (`plain-http-registries`,
 * `--plain-http-registry`): each `host` or `host:port` as image references write the
 * registry, compared whole in the form a URL gives it, so `registry.lan` does not cover
 * `registry.lan:5000` (and is `registry.lan:80`). A scheme, a
 * path, spaces or an empty entry is refused naming the input: a registry's traffic goes in the
 * clear only where someone wrote its exact address.
 */
export function parsePlainHttpRegistries(values: readonly string[], what: string): string[] {
  const registries: string[] = []
  for (const value of values) {
    const fail = (why: string): never => {
      throw new SealError(
        'bad-input',
        `${what}: ${quote(value)} ${why}. Give a registry as "host" or "host:port", such as ` +
          '"registry.lan:5000", with no scheme or path.'
      )
    }
    const text = value.trim()
    if (text === '') fail('is empty')
    if (/\s/.test(text)) fail('holds a space')
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) fail('has a scheme')
    const host = HOST.exec(text)
    if (host === null) fail('is not a host name, an IP address or either with a port')
    const port = host![1]
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
      fail(`has the port ${port}, out of range`)
    const registry = text.toLowerCase()
    // By name, whatever the port: "registry-1.docker.io:80" is Docker Hub's own HTTP origin.
    const name = port === undefined ? registry : registry.slice(0, -(port.length + 1))
    if (DOCKER_HUB_ALIASES.has(name) || name === DOCKER_HUB_HOST)
      fail('is Docker Hub, which is served over HTTPS only')
    if (!registries.includes(registry)) registries.push(registry)
  }
  return registries
}
