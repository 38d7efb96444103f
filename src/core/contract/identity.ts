/**
 * A contract's identity, derived from its files: which files it has, what each one is, and its
 * version. The seal describes the contract this way, and every later reading of a manifest
 * describes it again from the bytes and the declarations alone, so nothing a manifest says
 * about its files is taken on its word. Pure: the caller reads the files.
 */
import { SealError, quote } from '../errors.js'
import { type DetectedContract, detectContractKind } from './detect.js'
import {
  type BoundVersion,
  type ContractFileEntry,
  type ContractManifest,
  type SchemaRole,
  UNVERSIONED,
  buildManifest,
  contractVersion
} from './manifest.js'
import { referenceKind, referencesOf } from './references.js'
import { sha256Hex } from '../digest.js'

/** A file the contract input names (not one reached by reference), with the role it was given. */
export interface DeclaredFile {
  readonly path: string
  readonly role: SchemaRole | null
}

/** How the version is found: given, read from the one OpenAPI document's info.version, or that failing, none. */
export type VersionRequest =
  | { readonly given: string }
  | { readonly from: 'info.version' }
  | { readonly from: 'info.version-or-none' }

export interface DescribeOptions {
  readonly version: VersionRequest
  /** Names the inputs in messages. */
  readonly inputs: { readonly contract: string; readonly version: string }
  /** Whether a JSON Schema named without a role is an error (the seal) or read as `produces`. */
  readonly defaultRole?: SchemaRole
}

/**
 * The manifest of a contract: each declared file detected from its name and bytes, the files
 * they refer to (and those refer to, in turn) as references, the version bound. `read` returns a
 * file's bytes or throws a SealError naming the fix; `why` says how the file was reached.
 */
export function describeContract(
  declared: readonly DeclaredFile[],
  read: (path: string, why: 'declared' | 'referenced') => Buffer,
  options: DescribeOptions
): ContractManifest {
  const { inputs } = options
  const entries: ContractFileEntry[] = []
  const seen = new Set<string>()
  const detected: { path: string; detected: DetectedContract }[] = []
  const pending: string[] = []
  for (const { path, role: declaredRole } of declared) {
    if (seen.has(path)) continue
    seen.add(path)
    const bytes = read(path, 'declared')
    const text = bytes.toString('utf8')
    const found = detectContractKind(path, text)
    const role =
      found.kind === 'jsonschema' ? (declaredRole ?? options.defaultRole ?? null) : declaredRole
    if (found.kind === 'jsonschema' && role === null) {
      throw new SealError(
        'bad-input',
        `${inputs.contract}: ${quote(path)} is a JSON Schema; say whether the service produces or consumes ` +
          `documents of it ("produces: ${path}" or "consumes: ${path}"), ` +
          'so a change is judged as a response or a request change.'
      )
    }
    if (found.kind !== 'jsonschema' && role !== null) {
      throw new SealError(
        'bad-input',
        `${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${quote(path)} is ${found.kind}. ` +
          `Remove "${role}:".`
      )
    }
    detected.push({ path, detected: found })
    entries.push({
      path,
      kind: found.kind,
      sha256: sha256Hex(bytes),
      role,
      openapiVersion: found.openapiVersion ?? null
    })
    pending.push(...referencesOf(path, found.kind, text, inputs.contract))
  }
  // Referenced files, and the files they refer to in turn.
  while (pending.length > 0) {
    const path = pending.pop() as string
    if (seen.has(path)) continue
    seen.add(path)
    const bytes = read(path, 'referenced')
    entries.push({
      path,
      kind: 'reference',
      sha256: sha256Hex(bytes),
      role: null,
      openapiVersion: null
    })
    pending.push(
      ...referencesOf(path, referenceKind(path), bytes.toString('utf8'), inputs.contract)
    )
  }
  return buildManifest(bindVersion(options.version, detected, inputs.version), entries)
}

function bindVersion(
  request: VersionRequest,
  detected: readonly { path: string; detected: DetectedContract }[],
  inputName: string
): BoundVersion {
  if ('given' in request) return contractVersion(request.given, detected, inputName)
  if (request.from === 'info.version') return contractVersion('', detected, inputName)
  try {
    return contractVersion('', detected, inputName)
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return { version: UNVERSIONED, from: 'none' }
  }
}

/**
 * Checks that a manifest describes its files exactly as the seal would from the same bytes and
 * declarations (the declared files and their roles, the version when it was given): each file's
 * kind and OpenAPI version as detected, the references as followed, the version as bound. A
 * SealError names the first field that differs. `read` gives the files' bytes, already checked
 * against the manifest's sha256.
 */
export function checkContractIdentity(
  manifest: ContractManifest,
  read: (path: string) => Buffer,
  source: string
): void {
  const declared = manifest.files
    .filter((f) => f.kind !== 'reference')
    .map((f) => ({ path: f.path, role: f.role }))
  const version: VersionRequest =
    manifest.versionFrom === 'contract-version'
      ? { given: manifest.version }
      : manifest.versionFrom === 'info.version'
        ? { from: 'info.version' }
        : { from: 'info.version-or-none' }
  const named = new Map(manifest.files.map((f) => [f.path, f]))
  let again: ContractManifest
  try {
    again = describeContract(
      declared,
      (path) => {
        if (!named.has(path))
          throw new SealError(
            'tampered',
            `a contract file refers to ${quote(path)}, which the manifest does not name`
          )
        return read(path)
      },
      { version, inputs: { contract: 'the contract', version: 'the version' } }
    )
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    throw new SealError(
      'tampered',
      `${source}: the manifest does not describe its files as the seal does: ${error.message} It was edited ` +
        'after sealing; give the seal bundle as the seal wrote it.',
      { cause: error }
    )
  }
  if (again.digest === manifest.digest) return
  throw new SealError(
    'tampered',
    `${source}: ${firstDifference(manifest, again)}. The manifest was edited after sealing; give the seal ` +
      'bundle as the seal wrote it.'
  )
}

function firstDifference(claimed: ContractManifest, derived: ContractManifest): string {
  const byPath = new Map(derived.files.map((f) => [f.path, f]))
  for (const file of claimed.files) {
    const other = byPath.get(file.path)
    if (other === undefined)
      return (
        `the manifest names ${quote(file.path)} as a file the contract refers to, but no contract file ` +
        'refers to it'
      )
    if (other.kind !== file.kind)
      return (
        `the manifest says ${quote(file.path)} is ${describeKind(file.kind)}, but the sealed bytes and ` +
        `declarations make it ${describeKind(other.kind)}`
      )
    if (other.openapiVersion !== file.openapiVersion)
      return (
        `the manifest says ${quote(file.path)} is OpenAPI ${file.openapiVersion}, but the document ` +
        `declares ${other.openapiVersion}`
      )
  }
  if (derived.version !== claimed.version || derived.versionFrom !== claimed.versionFrom) {
    return (
      `the manifest says the version is ${quote(claimed.version)} (from ${claimed.versionFrom}), but the ` +
      `files make it ${quote(derived.version)} (from ${derived.versionFrom})`
    )
  }
  return `the manifest says the contract digest is ${claimed.digest}, but its files and declarations make ${derived.digest}`
}

function describeKind(kind: ContractFileEntry['kind']): string {
  return kind === 'reference' ? 'a file the contract refers to' : kind
}
