import { type Digest, parseDigest } from '../digest.js'
import { messageOf, quote, SealError } from '../errors.js'
import type { ContractKind } from './change.js'
import type { DetectedContract, OpenapiVersion } from './detect.js'
import { checkListingPath, compareUtf8, digestOfListing } from '../listing.js'
import { CONTROL_CHARACTERS } from '../control-characters.js'

export const CONTRACT_FORMAT = 'artifact-seal/contract/v2'

/**
 * What artifact-seal before the v2 contract identity wrote: its digest covered the files' paths
 * and bytes only, not their kinds, roles or the version. Read only to say so (fail closed).
 */
export const CONTRACT_FORMAT_V1 = 'artifact-seal/contract/v1'

/** A manifest of the earlier format: refused, and told apart so the refusal can say what to do. */

/** The annotation on the statement's subject that names the contract the bytes carry. */
export const CONTRACT_ANNOTATION = 'artifact-seal.contract'

/**
 * How a standalone JSON Schema is read: `produces` (the service sends documents of it: a
 * change is judged as a response change) or `consumes` (it receives them: as a request).
 */
export type SchemaRole = 'produces' | 'consumes'

/** One line of the `contract` input: a file or glob relative to the artifact root, and a role for JSON Schemas. */
export interface ContractPattern {
  readonly pattern: string
  readonly role: SchemaRole | null
}

/**
 * Where the contract's version comes from: `info.version` of its one OpenAPI document (read
 * again from the sealed bytes at every reading), `contract-version` (declared at seal time), or
 * `none` (a contract compared without a seal, with no version to find: "unversioned").
 */
export type VersionSource = 'info.version' | 'contract-version' | 'none'

export const UNVERSIONED = 'unversioned'

/**
 * A contract file in the manifest. `kind: 'reference'` is a file a contract file refers to
 * (an OpenAPI `$ref` to another file, a protobuf import): kept so the contract can be read
 * again without the artifact, not classified on its own.
 */
export interface ContractFileEntry {
  readonly path: string
  readonly kind: ContractKind | 'reference'
  readonly sha256: string
  /** For a JSON Schema only: how it is read. */
  readonly role: SchemaRole | null
  /** For an OpenAPI document only: the version its `swagger` or `openapi` key declares. */
  readonly openapiVersion: OpenapiVersion | null
}

/** `<name>.contract.json`: the sealed contract. */
export interface ContractManifest {
  readonly format: typeof CONTRACT_FORMAT
  readonly version: string
  readonly versionFrom: VersionSource
  /** The contract digest: the sha256 of `contractIdentityText` (see there). */
  readonly digest: Digest
  readonly files: readonly ContractFileEntry[]
}

/** What a record says of the contract the digest carries. */
export interface ContractRef {
  readonly digest: Digest
  readonly version: string
}

/** Reads the `contract` input: one file or glob per line, `produces:` or `consumes:` before a JSON Schema's. */
export function parseContractPatterns(text: string, inputName: string): ContractPattern[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  return lines.map((line) => {
    const match = /^(produces|consumes):\s*(.+)$/.exec(line)
    const pattern = (match ? match[2] : line) as string
    if (pattern.startsWith('/') || pattern.split('/').includes('..')) {
      throw new SealError(
        'bad-input',
        `${inputName}: ${quote(pattern)} leaves the artifact. Name contract files relative to the artifact's ` +
          'root, such as "openapi.yaml" or "schemas/*.json".'
      )
    }
    return { pattern, role: match ? (match[1] as SchemaRole) : null }
  })
}

/** The contract's version and where it comes from. */
export interface BoundVersion {
  readonly version: string
  readonly from: VersionSource
}

/**
 * The contract's version: `contract-version` when given, else the `info.version` of the one
 * OpenAPI document; with several OpenAPI documents or none, the version must be given.
 */
export function contractVersion(
  given: string,
  detected: readonly { path: string; detected: DetectedContract }[],
  inputName: string
): BoundVersion {
  if (given !== '') {
    if (!VERSION.test(given))
      throw new SealError(
        'bad-input',
        `${inputName}: ${quote(given)} has spaces or control characters. Give a version such as "2.1.0".`
      )
    return { version: given, from: 'contract-version' }
  }
  const openapi = detected.filter((d) => d.detected.kind === 'openapi')
  const found = openapi.length === 1 ? openapi[0]?.detected.version : undefined
  if (found !== undefined && VERSION.test(found)) return { version: found, from: 'info.version' }
  const why =
    openapi.length > 1
      ? `the contract has ${openapi.length} OpenAPI documents (${openapi.map((d) => quote(d.path)).join(', ')}), each with its own info.version`
      : openapi.length === 1
        ? found === undefined
          ? `the OpenAPI document ${quote(openapi[0]?.path ?? '')} has no info.version`
          : `the info.version ${quote(found)} of ${quote(openapi[0]?.path ?? '')} has spaces or control characters`
        : 'the contract has no OpenAPI document whose info.version could be its version'
  throw new SealError(
    'bad-input',
    `${inputName}: required here: ${why}. Give the contract's version, such as "2.1.0", so a later gate can ` +
      'tell a major bump.'
  )
}

/** A version is one word: it is a field of the identity text's line. */
const VERSION = new RegExp(`^[^\\s${CONTROL_CHARACTERS}]+$`, 'u')

const KINDS: readonly ContractFileEntry['kind'][] = [
  'openapi',
  'jsonschema',
  'graphql',
  'protobuf',
  'reference'
]
const OPENAPI_VERSIONS: readonly OpenapiVersion[] = ['2.0', '3.0', '3.1']
const VERSION_SOURCES: readonly VersionSource[] = ['info.version', 'contract-version', 'none']

export function buildManifest(
  version: BoundVersion,
  files: readonly ContractFileEntry[]
): ContractManifest {
  const sorted = [...files].sort((a, b) => compareUtf8(a.path, b.path))
  return {
    format: CONTRACT_FORMAT,
    version: version.version,
    versionFrom: version.from,
    digest: contractDigest(version, sorted),
    files: sorted
  }
}

/**
 * The text the contract digest is the sha256 of. Everything that can change how the contract
 * is judged is in it: each file's path and sha256, its kind (a `reference` is read only through
 * the files that refer to it), the OpenAPI version its document declares, a JSON Schema's role,
 * and the contract's version with where that version comes from:
 *
 *     artifact-seal/contract/v2
 *     version <version> <info.version|contract-version|none>
 *     <sha256> <kind> <openapiVersion or -> <role or ->  <path>      one line per file, by path in UTF-8 byte order
 *
 * each line ending in "\n". `jq` prints it from a manifest (README, "The service contract").
 */
export function contractIdentityText(
  version: BoundVersion,
  files: readonly ContractFileEntry[]
): string {
  if (files.length === 0)
    throw new SealError(
      'bad-input',
      'No contract files: a contract digest needs at least one file.'
    )
  if (!VERSION.test(version.version))
    throw new SealError(
      'bad-input',
      `contract: the version ${quote(version.version)} has spaces or control characters. Give a version such ` +
        'as "2.1.0".'
    )
  const seen = new Set<string>()
  const lines = [...files]
    .sort((a, b) => compareUtf8(a.path, b.path))
    .map((file) => {
      checkListingPath(file.path, 'contract')
      if (seen.has(file.path))
        throw new SealError(
          'malformed',
          `contract: the file ${quote(file.path)} is named twice. Name each contract file once.`
        )
      seen.add(file.path)
      if (!/^[0-9a-f]{64}$/.test(file.sha256))
        throw new SealError(
          'malformed',
          `contract: the sha256 of ${quote(file.path)} is ${quote(file.sha256)}, not 64 lowercase hex digits.`
        )
      return `${file.sha256} ${file.kind} ${file.openapiVersion ?? '-'} ${file.role ?? '-'}  ${file.path}\n`
    })
  return `${CONTRACT_FORMAT}\nversion ${version.version} ${version.from}\n${lines.join('')}`
}

/** The contract digest: the sha256 of `contractIdentityText`. */
export function contractDigest(version: BoundVersion, files: readonly ContractFileEntry[]): Digest {
  return digestOfListing(contractIdentityText(version, files))
}

/**
 * Reads `<name>.contract.json` back, every field checked (unknown ones refused), and its
 * digest recomputed from what it says. That it describes its files as the seal would is the
 * caller's to check, with the files at hand (`checkContractIdentity`).
 */
export function parseManifest(text: string, source: string): ContractManifest {
  const fail = (detail: string): never => {
    throw new SealError(
      'malformed',
      `${source}: ${detail}. Give the contract manifest the seal wrote (<name>.contract.json in the seal bundle).`
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('is not JSON')
  }
  const m = value as Partial<Record<keyof ContractManifest, unknown>> | null
  if (m === null || typeof m !== 'object' || Array.isArray(m))
    return fail('is not a contract manifest')
  if (m.format === CONTRACT_FORMAT_V1) {
    throw new SealError(
      'outdated',
      `${source}: was written by an earlier artifact-seal (format ${quote(CONTRACT_FORMAT_V1)}), whose ` +
        `contract digest covers the files' bytes but not their kinds, ` +
        ('the JSON Schema roles or the version, so nothing it says beyond the bytes can be trusted. Seal the ' +
          'artifact again with this artifact-seal; ') +
        `to compare by hand, point "artifact-seal contract diff" at the files in its .contract/ directory.`
    )
  }
  if (m.format !== CONTRACT_FORMAT)
    return fail(`is not a contract manifest (format is not ${quote(CONTRACT_FORMAT)})`)
  const unknown = Object.keys(m).filter(
    (k) => !['format', 'version', 'versionFrom', 'digest', 'files'].includes(k)
  )
  if (unknown.length > 0)
    return fail(`has fields a seal does not write (${unknown.map((k) => quote(k)).join(', ')})`)
  if (typeof m.version !== 'string' || !VERSION.test(m.version))
    return fail('has no version, or one with spaces or control characters')
  if (!VERSION_SOURCES.includes(m.versionFrom as VersionSource))
    return fail(
      `says its version comes from ${quote(String(m.versionFrom))}, not one of ${VERSION_SOURCES.join(', ')}`
    )
  if (!Array.isArray(m.files) || m.files.length === 0) return fail('lists no files')
  const files = m.files.map(
    (f: Partial<Record<keyof ContractFileEntry, unknown>> | null, i: number): ContractFileEntry => {
      const at = `file ${i + 1}`
      if (f === null || typeof f !== 'object' || Array.isArray(f) || typeof f.path !== 'string')
        return fail(`${at} lacks its path`)
      const extra = Object.keys(f).filter(
        (k) => !['path', 'kind', 'sha256', 'role', 'openapiVersion'].includes(k)
      )
      if (extra.length > 0)
        return fail(
          `${at} has fields a seal does not write (${extra.map((k) => quote(k)).join(', ')})`
        )
      try {
        // The paths become file names when the contract is read or kept: none may leave its directory.
        checkListingPath(f.path, `${source}: ${at}`)
      } catch (error) {
        return fail(
          `${at} has the path ${quote(f.path)}, which is not a relative path inside the artifact (${messageOf(error)})`
        )
      }
      if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256))
        return fail(`${at} (${quote(f.path)}) has no sha256 of 64 lowercase hex digits`)
      const kind = f.kind as ContractFileEntry['kind']
      if (!KINDS.includes(kind))
        return fail(
          `${at} (${quote(f.path)}) has the kind ${quote(String(f.kind))}, not one of ${KINDS.join(', ')}`
        )
      const openapiVersion = f.openapiVersion ?? null
      if (
        kind === 'openapi'
          ? !OPENAPI_VERSIONS.includes(openapiVersion as OpenapiVersion)
          : openapiVersion !== null
      ) {
        return fail(
          `${at} (${quote(f.path)}) has the openapiVersion ${quote(String(openapiVersion))}; an OpenAPI ` +
            `document has one of ${OPENAPI_VERSIONS.join(', ')}, any other file null`
        )
      }
      const role = f.role ?? null
      if (kind === 'jsonschema' ? role !== 'produces' && role !== 'consumes' : role !== null) {
        return fail(
          `${at} (${quote(f.path)}) has the role ${quote(String(role))}; a JSON Schema is "produces" or ` +
            '"consumes", any other file null'
        )
      }
      return {
        path: f.path,
        kind,
        sha256: f.sha256,
        role: role as SchemaRole | null,
        openapiVersion: openapiVersion as OpenapiVersion | null
      }
    }
  )
  if (files.every((f) => f.kind === 'reference'))
    return fail('names no contract file, only files referred to')
  let digest: Digest
  try {
    digest = parseDigest(String(m.digest), 'digest')
  } catch {
    return fail(`its digest ${quote(String(m.digest))} is not "sha256:<hex>"`)
  }
  let manifest: ContractManifest
  try {
    manifest = buildManifest({ version: m.version, from: m.versionFrom as VersionSource }, files)
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return fail(error.message)
  }
  if (manifest.digest !== digest)
    return fail(
      `says its digest is ${digest}, but what it says makes ${manifest.digest}: it was edited`
    )
  return manifest
}
