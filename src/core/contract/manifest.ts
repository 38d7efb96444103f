import { type Digest, parseDigest } from '../digest.js'
import { SealError, quote } from '../errors.js'
import type { ContractKind } from './change.js'
import type { DetectedContract } from './detect.js'
import { checkListingPath, digestOfListing, formatListing, sortEntries, type ListingEntry } from '../listing.js'

export const CONTRACT_FORMAT = 'artifact-seal/contract/v1'

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
 * A contract file in the manifest. `kind: 'reference'` is a file a contract file refers to
 * (an OpenAPI `$ref` to another file, a protobuf import): kept so the contract can be read
 * again without the artifact, not classified on its own.
 */
export interface ContractFileEntry {
  readonly path: string
  readonly kind: ContractKind | 'reference'
  readonly sha256: string
  readonly role: SchemaRole | null
  readonly openapiVersion: string | null
}

/** `<name>.contract.json`: the sealed contract. */
export interface ContractManifest {
  readonly format: typeof CONTRACT_FORMAT
  readonly version: string
  /** The sha256 of the contract files' listing (see `contractDigest`). */
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
      throw new SealError(`${inputName}: ${quote(pattern)} leaves the artifact. Name contract files relative to the artifact's root, such as "openapi.yaml" or "schemas/*.json".`)
    }
    return { pattern, role: match ? (match[1] as SchemaRole) : null }
  })
}

/**
 * The contract's version: `contract-version` when given, else the `info.version` of the one
 * OpenAPI document; with several OpenAPI documents or none, the version must be given.
 */
export function contractVersion(given: string, detected: readonly { path: string; detected: DetectedContract }[], inputName: string): string {
  if (given !== '') {
    if (/\s/.test(given)) throw new SealError(`${inputName}: ${quote(given)} has spaces. Give a version such as "2.1.0".`)
    return given
  }
  const openapi = detected.filter((d) => d.detected.kind === 'openapi')
  if (openapi.length === 1 && openapi[0]?.detected.version) return openapi[0].detected.version
  const why =
    openapi.length > 1
      ? `the contract has ${openapi.length} OpenAPI documents (${openapi.map((d) => quote(d.path)).join(', ')}), each with its own info.version`
      : openapi.length === 1
        ? `the OpenAPI document ${quote(openapi[0]?.path ?? '')} has no info.version`
        : 'the contract has no OpenAPI document whose info.version could be its version'
  throw new SealError(`${inputName}: required here: ${why}. Give the contract's version, such as "2.1.0", so a later gate can tell a major bump.`)
}

export function buildManifest(version: string, files: readonly ContractFileEntry[]): ContractManifest {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { format: CONTRACT_FORMAT, version, digest: contractDigest(sorted.map((f) => ({ path: f.path, kind: f.kind === 'reference' ? 'openapi' : f.kind, sha256: f.sha256 }))), files: sorted }
}

const KINDS: readonly ContractFileEntry['kind'][] = ['openapi', 'jsonschema', 'graphql', 'protobuf', 'reference']

/** Reads `<name>.contract.json` back, every field checked, and its digest recomputed from the file list. */
export function parseManifest(text: string, source: string): ContractManifest {
  const fail = (detail: string): never => {
    throw new SealError(`${source}: ${detail}. Give the contract manifest the seal wrote (<name>.contract.json in the seal bundle).`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('is not JSON')
  }
  const m = value as Partial<Record<keyof ContractManifest, unknown>> | null
  if (m === null || typeof m !== 'object' || m.format !== CONTRACT_FORMAT) return fail(`is not a contract manifest (format is not ${quote(CONTRACT_FORMAT)})`)
  if (typeof m.version !== 'string' || m.version === '') return fail('has no version')
  if (!Array.isArray(m.files) || m.files.length === 0) return fail('lists no files')
  const files = m.files.map((f: Partial<Record<keyof ContractFileEntry, unknown>> | null, i: number): ContractFileEntry => {
    if (f === null || typeof f !== 'object' || typeof f.path !== 'string' || typeof f.sha256 !== 'string' || !KINDS.includes(f.kind as ContractFileEntry['kind'])) {
      return fail(`file ${i + 1} lacks its path, sha256 or a known kind`)
    }
    try {
      // The paths become file names when the contract is read or kept: none may leave its directory.
      checkListingPath(f.path, `${source}: file ${i + 1}`)
    } catch (error) {
      return fail(`file ${i + 1} has the path ${quote(f.path)}, which is not a relative path inside the artifact (${error instanceof Error ? error.message : String(error)})`)
    }
    const role = f.role === 'produces' || f.role === 'consumes' ? f.role : null
    return { path: f.path, kind: f.kind as ContractFileEntry['kind'], sha256: f.sha256, role, openapiVersion: typeof f.openapiVersion === 'string' ? f.openapiVersion : null }
  })
  let digest: Digest
  try {
    digest = parseDigest(String(m.digest), 'digest')
  } catch {
    return fail(`its digest ${quote(String(m.digest))} is not "sha256:<hex>"`)
  }
  const manifest = buildManifest(m.version, files)
  if (manifest.digest !== digest) return fail(`says its digest is ${digest}, but its files make ${manifest.digest}: it was edited`)
  return manifest
}

export interface ContractFileDigest {
  /** Relative to the artifact root, "/"-separated. */
  readonly path: string
  readonly kind: ContractKind
  /** The file's sha256, 64 lowercase hex digits (a `sha256:` prefix is accepted). */
  readonly sha256: string
}

/**
 * The contract digest: the sha256 of the checksums listing of the contract files, that
 * is of their `<sha256>  <path>\n` lines sorted by path in UTF-8 byte order, byte for byte
 * what `sha256sum` prints for them, so `sha256sum <files> | LC_ALL=C sort -k2 | sha256sum`
 * gives the same value. The kind is not hashed: it follows from the path and the bytes.
 * A renamed contract file therefore changes the digest even when its bytes do not.
 */
export function contractDigest(files: readonly ContractFileDigest[]): Digest {
  if (files.length === 0) throw new SealError('No contract files: a contract digest needs at least one file.')
  const seen = new Set<string>()
  const entries: ListingEntry[] = files.map((file) => {
    checkListingPath(file.path, 'contract')
    if (seen.has(file.path)) throw new SealError(`contract: the file ${quote(file.path)} is named twice. Name each contract file once.`)
    seen.add(file.path)
    const hex = file.sha256.toLowerCase().replace(/^sha256:/, '')
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new SealError(`contract: the sha256 of ${quote(file.path)} is ${quote(file.sha256)}, not 64 hex digits.`)
    }
    return { path: file.path, hex }
  })
  return digestOfListing(formatListing(sortEntries(entries)))
}
