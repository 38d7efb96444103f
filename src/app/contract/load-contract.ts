import * as path from 'node:path'
import { SealError, isSealError, quote } from '../../core/errors.js'
import type { LoadedContract } from '../../core/contract/classify.js'
import { detectContractKind } from '../../core/contract/detect.js'
import { checkContractIdentity, describeContract } from '../../core/contract/identity.js'
import { type SchemaRole, parseManifest } from '../../core/contract/manifest.js'
import {
  type ContractTarget,
  contractFilesUnder,
  contractTarget,
  copiesDirOf,
  readContractFile
} from '../../stores/evidence/contract-files.js'
import { readText } from '../../stores/evidence/bundle-reader.js'
import { sha256Hex } from '../../core/digest.js'

/**
 * A contract to compare, from what a user points at: a seal bundle (its directory, or its
 * `<name>.contract.json`), one contract file, or a directory of contract files. A bundle's
 * files must hash as its manifest says and be described by it as the seal would; a file or
 * directory gets a manifest made on the spot, with every file its contract files refer to,
 * its version the OpenAPI document's `info.version` when there is one.
 */
export function loadContract(
  target: string,
  argName: string,
  options: { readonly role?: SchemaRole } = {}
): LoadedContract {
  const found = targetOf(
    target,
    argName,
    'Give a contract file, a directory of them, or a seal bundle.'
  )
  const manifest = manifestIn(target, found, argName)
  if (manifest !== null) return fromManifest(manifest)
  if (found.kind === 'directory')
    return fromFiles(target, contractFilesUnder(target), argName, options.role ?? 'produces', true)
  return fromFiles(
    path.dirname(target),
    [path.basename(target)],
    argName,
    options.role ?? 'produces',
    false
  )
}

/** A seal bundle's contract only (its directory, or its `<name>.contract.json`): what a baseline must be. */
export function loadSealedContract(target: string, argName: string): LoadedContract {
  const fix = 'Give the seal bundle the seal wrote: its directory, or its <name>.contract.json.'
  const manifest = manifestIn(target, targetOf(target, argName, fix), argName)
  if (manifest === null)
    throw new SealError(
      'bad-input',
      `${argName}: ${quote(target)} holds no contract manifest (<name>.contract.json). ${fix}`
    )
  return fromManifest(manifest)
}

function targetOf(target: string, argName: string, fix: string): ContractTarget {
  return contractTarget(
    target,
    (why) =>
      new SealError('unreadable', `${argName}: cannot read ${quote(target)} (${why}). ${fix}`)
  )
}

/** The manifest a target is or holds; null when it is neither. */
function manifestIn(target: string, found: ContractTarget, argName: string): string | null {
  if (found.kind === 'file') return target.endsWith('.contract.json') ? target : null
  if (found.kind !== 'directory') return null
  const { manifests } = found
  if (manifests.length > 1)
    throw new SealError(
      'bad-input',
      `${argName}: ${quote(target)} holds ${manifests.length} contract manifests (${manifests.join(', ')}). ` +
        'Point at one of them.'
    )
  return manifests.length === 1 ? path.join(target, manifests[0] as string) : null
}

/**
 * A seal bundle's contract: the manifest and the copies in `<name>.contract/`. Each copy must
 * hash as the manifest says, and the manifest must describe them as the seal does (kinds,
 * references and version derived again from the bytes), so what it says is all covered by its
 * digest and the bytes.
 */
export function fromManifest(file: string): LoadedContract {
  const text = readText(
    file,
    (why) =>
      new SealError(
        'unreadable',
        `cannot read the contract manifest ${quote(file)} (${why}). Give the seal bundle as the seal wrote it.`
      )
  )
  const manifest = parseManifest(text, file)
  const dir = copiesDirOf(file)
  const bytesOf = new Map<string, Buffer>()
  for (const entry of manifest.files) {
    const at = path.join(dir, ...entry.path.split('/'))
    const bytes = readContractFile(dir, entry.path)
    if (bytes === null) {
      throw new SealError(
        'tampered',
        `${file}: the contract file ${quote(entry.path)} is not in ${quote(dir)}. Give the seal bundle as the ` +
          `seal wrote it, with its ${path.basename(dir)}/ directory.`
      )
    }
    if (sha256Hex(bytes) !== entry.sha256) {
      throw new SealError(
        'tampered',
        `${file}: ${quote(at)} is not the sealed contract file (its sha256 differs from the manifest's). It ` +
          'was changed after sealing; give the seal bundle as the seal wrote it.'
      )
    }
    bytesOf.set(entry.path, bytes)
  }
  checkContractIdentity(manifest, (p) => bytesOf.get(p) as Buffer, file)
  const texts = new Map([...bytesOf].map(([p, b]) => [p, b.toString('utf8')]))
  return { manifest, read: (p) => texts.get(p) ?? missing(p, file) }
}

/**
 * Contract files without a seal: described as the seal would describe them, with the files
 * they refer to as references (so a change in a referenced file changes the digest and is
 * compared). In a directory, a file that is no contract by itself (a config, a fragment that
 * others refer to) is not one of its declared files.
 */
function fromFiles(
  root: string,
  files: readonly string[],
  argName: string,
  role: SchemaRole,
  skipOthers: boolean
): LoadedContract {
  const bytesOf = new Map<string, Buffer>()
  const readFile = (rel: string): Buffer => {
    const known = bytesOf.get(rel)
    if (known !== undefined) return known
    const bytes = readContractFile(root, rel) ?? missing(rel, root)
    bytesOf.set(rel, bytes)
    return bytes
  }
  const declared = files.filter((rel) => {
    if (!skipOthers) return true
    try {
      detectContractKind(rel, readFile(rel).toString('utf8'))
      return true
    } catch (error) {
      if (isSealError(error, 'unrecognized')) return false
      throw error
    }
  })
  if (declared.length === 0)
    throw new SealError(
      'bad-input',
      `${argName}: ${quote(root)} holds no contract file (OpenAPI, JSON Schema, GraphQL SDL or protobuf).`
    )
  const manifest = describeContract(
    declared.map((p) => ({ path: p, role: null })),
    (rel) => readFile(rel),
    {
      version: { from: 'info.version-or-none' },
      inputs: { contract: argName, version: argName },
      defaultRole: role
    }
  )
  const texts = new Map(manifest.files.map((f) => [f.path, readFile(f.path).toString('utf8')]))
  return { manifest, read: (p) => texts.get(p) ?? missing(p, root) }
}

function missing(file: string, where: string): never {
  throw new SealError(
    'bad-input',
    `the contract refers to ${quote(file)}, which is not in ${quote(where)}. Keep the files a contract refers ` +
      'to beside it.'
  )
}
