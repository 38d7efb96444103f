import picomatch from 'picomatch'
import { SealError, quote } from '../../core/errors.js'
import { describeContract } from '../../core/contract/identity.js'
import {
  type ContractManifest,
  type ContractPattern,
  CONTRACT_ANNOTATION,
  CONTRACT_FORMAT
} from '../../core/contract/manifest.js'
import { parseListing } from '../../core/listing.js'
import { readContractFile } from '../../stores/evidence/contract-files.js'
import type { SealedArtifact } from '../../core/seal.js'
import type { Statement } from '../../core/statement.js'
import type { ContractRequest, SealedContract } from './types.js'
import { sha256Hex } from '../../core/digest.js'

/**
 * Finds the contract files among the sealed files, so the contract is exactly what was
 * sealed: each must be listed, and hash as listed when read. Files they refer to (a `$ref`
 * to another file, a protobuf import) come along as references; a `$ref` to a URL or out of
 * the artifact is an error, since a contract that reaches outside can change without the
 * artifact changing.
 */
export function collectContract(
  artifact: SealedArtifact,
  request: ContractRequest
): SealedContract {
  const { inputs } = request
  if (artifact.root === null) {
    throw new SealError(
      'bad-input',
      `${inputs.contract}: the contract is read from the sealed files, and this seal reads none. Seal with ` +
        `subject-path, or remove ${inputs.contract}.`
    )
  }
  const root = artifact.root
  const listed = new Map(
    parseListing(artifact.listing.toString('utf8'), 'the sealed listing').map((e) => [
      e.path,
      e.hex
    ])
  )
  const read = (rel: string, why: string): Buffer => {
    const hex = listed.get(rel)
    if (hex === undefined) {
      throw new SealError(
        'bad-input',
        `${inputs.contract}: ${why} ${quote(rel)}, which is not one of the sealed files. The contract must be ` +
          'part of the artifact: seal it with the rest.'
      )
    }
    const bytes = readContractFile(root, rel)
    if (bytes === null)
      throw new SealError(
        'unreadable',
        `${inputs.contract}: cannot read the sealed file ${quote(rel)} under ${quote(root)}. Seal again once ` +
          'the build has finished writing.'
      )
    if (sha256Hex(bytes) !== hex) {
      throw new SealError(
        'conflict',
        `${inputs.contract}: ${quote(rel)} changed while it was being sealed. Seal again once the build has ` +
          'finished writing.'
      )
    }
    return bytes
  }

  const declared = new Map<string, ContractPattern['role']>()
  for (const { pattern, role } of request.patterns) {
    const isMatch = picomatch(pattern, { dot: true })
    const matches = [...listed.keys()].filter((p) => isMatch(p))
    if (matches.length === 0) {
      throw new SealError(
        'bad-input',
        `${inputs.contract}: ${quote(pattern)} matches none of the sealed files. Name contract files relative ` +
          `to the artifact's root (${quote(root)}).`
      )
    }
    for (const match of matches) declared.set(match, role)
  }
  const bytesOf = new Map<string, Buffer>()
  const manifest = describeContract(
    [...declared].map(([rel, role]) => ({ path: rel, role })),
    (rel, why) => {
      const bytes = read(rel, why === 'declared' ? 'names' : 'a contract file refers to')
      bytesOf.set(rel, bytes)
      return bytes
    },
    { version: { given: request.version }, inputs }
  )
  return {
    manifest,
    files: manifest.files.map((f) => ({ path: f.path, bytes: bytesOf.get(f.path) as Buffer }))
  }
}

/**
 * The statement records the contract on its subject (an in-toto ResourceDescriptor
 * annotation), so the signed provenance says which contract the bytes carry.
 */
export function withContractAnnotation(
  statement: Statement,
  manifest: ContractManifest
): Statement {
  const [first, ...rest] = statement.subject
  if (first === undefined) return statement
  const annotated = {
    ...first,
    annotations: {
      ...first.annotations,
      [CONTRACT_ANNOTATION]: {
        digest: manifest.digest,
        version: manifest.version,
        format: CONTRACT_FORMAT
      }
    }
  }
  return { ...statement, subject: [annotated, ...rest] }
}
