import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import picomatch from 'picomatch'
import { parse as parseYaml } from 'yaml'
import { SealError, quote } from '../core/errors.js'
import { type DetectedContract, detectContractKind } from '../core/contract/detect.js'
import { type ContractFileEntry, type ContractManifest, type ContractPattern, CONTRACT_ANNOTATION, buildManifest, contractVersion } from '../core/contract/manifest.js'
import { parseListing } from '../core/listing.js'
import type { SealedArtifact } from '../core/seal.js'
import type { Statement } from '../core/statement.js'

export interface ContractRequest {
  readonly patterns: readonly ContractPattern[]
  /** `contract-version`; empty for the OpenAPI document's info.version. */
  readonly version: string
  readonly inputs: { readonly contract: string; readonly version: string }
}

/** The contract of a sealed artifact: its manifest and the bytes of every file it names. */
export interface SealedContract {
  readonly manifest: ContractManifest
  readonly files: readonly { readonly path: string; readonly bytes: Buffer }[]
}

/**
 * Finds the contract files among the sealed files, so the contract is exactly what was
 * sealed: each must be listed, and hash as listed when read. Files they refer to (a `$ref`
 * to another file, a protobuf import) come along as references; a `$ref` to a URL or out of
 * the artifact is an error, since a contract that reaches outside can change without the
 * artifact changing.
 */
export function collectContract(artifact: SealedArtifact, request: ContractRequest): SealedContract {
  const { inputs } = request
  if (artifact.root === null) {
    throw new SealError(`${inputs.contract}: the contract is read from the sealed files, and this seal reads none. Seal with subject-path, or remove ${inputs.contract}.`)
  }
  const root = artifact.root
  const listed = new Map(parseListing(artifact.listing.toString('utf8'), 'the sealed listing').map((e) => [e.path, e.hex]))
  const read = (rel: string, why: string): Buffer => {
    const hex = listed.get(rel)
    if (hex === undefined) {
      throw new SealError(`${inputs.contract}: ${why} ${quote(rel)}, which is not one of the sealed files. The contract must be part of the artifact: seal it with the rest.`)
    }
    const bytes = fs.readFileSync(path.join(root, ...rel.split('/')))
    if (createHash('sha256').update(bytes).digest('hex') !== hex) {
      throw new SealError(`${inputs.contract}: ${quote(rel)} changed while it was being sealed. Seal again once the build has finished writing.`)
    }
    return bytes
  }

  const declared = new Map<string, { role: ContractPattern['role'] }>()
  for (const { pattern, role } of request.patterns) {
    const isMatch = picomatch(pattern, { dot: true })
    const matches = [...listed.keys()].filter((p) => isMatch(p))
    if (matches.length === 0) {
      throw new SealError(`${inputs.contract}: ${quote(pattern)} matches none of the sealed files. Name contract files relative to the artifact's root (${quote(root)}).`)
    }
    for (const match of matches) declared.set(match, { role })
  }

  const entries: ContractFileEntry[] = []
  const bytesOf = new Map<string, Buffer>()
  const detected: { path: string; detected: DetectedContract }[] = []
  const pending: string[] = []
  for (const [rel, { role }] of declared) {
    const bytes = read(rel, 'names')
    const found = detectContractKind(rel, bytes.toString('utf8'))
    if (found.kind === 'jsonschema' && role === null) {
      throw new SealError(
        `${inputs.contract}: ${quote(rel)} is a JSON Schema; say whether the service produces or consumes documents of it ("produces: ${rel}" or "consumes: ${rel}"), ` +
          'so a change is judged as a response or a request change.'
      )
    }
    if (found.kind !== 'jsonschema' && role !== null) {
      throw new SealError(`${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${quote(rel)} is ${found.kind}. Remove "${role}:".`)
    }
    detected.push({ path: rel, detected: found })
    bytesOf.set(rel, bytes)
    entries.push({ path: rel, kind: found.kind, sha256: hex(bytes), role, openapiVersion: found.openapiVersion ?? null })
    pending.push(...referencesOf(rel, found.kind, bytes.toString('utf8'), inputs.contract))
  }
  // Referenced files, and the files they refer to in turn.
  while (pending.length > 0) {
    const rel = pending.pop() as string
    if (bytesOf.has(rel)) continue
    const bytes = read(rel, 'a contract file refers to')
    bytesOf.set(rel, bytes)
    entries.push({ path: rel, kind: 'reference', sha256: hex(bytes), role: null, openapiVersion: null })
    const kind = rel.endsWith('.proto') ? 'protobuf' : 'openapi'
    pending.push(...referencesOf(rel, kind, bytes.toString('utf8'), inputs.contract))
  }
  const manifest = buildManifest(contractVersion(request.version, detected, inputs.version), entries)
  return { manifest, files: manifest.files.map((f) => ({ path: f.path, bytes: bytesOf.get(f.path) as Buffer })) }
}

function hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The artifact files a contract file refers to, as paths from the artifact root. */
function referencesOf(file: string, kind: string, text: string, inputName: string): string[] {
  const dir = path.posix.dirname(file)
  const inside = (target: string, what: string): string => {
    const resolved = path.posix.normalize(path.posix.join(dir, target))
    if (resolved.startsWith('../') || resolved === '..' || path.posix.isAbsolute(target)) {
      throw new SealError(`${inputName}: ${quote(file)} refers to ${quote(what)}, outside the artifact. A contract may refer only to files sealed with it; move the file into the artifact.`)
    }
    return resolved
  }
  if (kind === 'protobuf') {
    const imports = [...text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)].map((m) => m[1] as string)
    // Imports name files from an import root, as protoc's -I does; the artifact root is one.
    return imports.filter((i) => !i.startsWith('google/protobuf/')).map((i) => inside(path.posix.relative(dir, i), i))
  }
  if (kind !== 'openapi' && kind !== 'jsonschema') return []
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch {
    return [] // detectContractKind reported a parse error already for declared files
  }
  const refs = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.add(value)
        else walk(value)
      }
    }
  }
  walk(doc)
  const files: string[] = []
  for (const ref of refs) {
    if (ref.startsWith('#')) continue
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      throw new SealError(`${inputName}: ${quote(file)} has a $ref to ${quote(ref)}, a URL. A contract is checked without the network; copy the referenced document into the artifact and refer to it by path.`)
    }
    let target: string
    try {
      target = decodeURIComponent(ref.split('#')[0] as string)
    } catch {
      throw new SealError(`${inputName}: ${quote(file)} has a $ref ${quote(ref)} with a malformed %-escape. Write each % as %25 in a $ref.`)
    }
    if (target !== '') files.push(inside(target, ref))
  }
  return files
}

/**
 * The statement records the contract on its subject (an in-toto ResourceDescriptor
 * annotation), so the signed provenance says which contract the bytes carry.
 */
export function withContractAnnotation(statement: Statement, manifest: ContractManifest): Statement {
  const [first, ...rest] = statement.subject
  if (first === undefined) return statement
  const annotated = { ...first, annotations: { [CONTRACT_ANNOTATION]: { digest: manifest.digest, version: manifest.version } } }
  return { ...statement, subject: [annotated, ...rest] }
}
