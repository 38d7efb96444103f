import type { ContractManifest, ContractPattern } from '../../core/contract/manifest.js'
import type { Digest } from '../../core/digest.js'
import type { SealedArtifact } from '../../core/seal.js'
import type { BundleExtras } from '../../stores/evidence/seal-bundle.js'

/**
 * The seal use case: sealing a subject or merging parts into a bundle, its contract, what happens
 * before the bundle is written.
 */

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

/** One part to merge: the listing its seal wrote, and optionally its name and the digest it must have. */
export interface MergePartSource {
  /** The directory the part stands for in the merged tree; default: the listing's base name (`<name>.sha256`). */
  readonly name?: string
  /** The part's checksums listing; its statement is read from beside it (`<name>.intoto.json`). */
  readonly checksumsFile: string
  /** The digest the part's seal gave (a job output, say); the merge fails unless the listing has it. */
  readonly expectedDigest?: Digest
}

export interface BundleDestination {
  /** The directory the user chose, or null for `<defaultParent>/<artifact name>`. */
  readonly outputDir: string | null
  readonly defaultParent: string
  /** Names the input or option that sets the directory, for error messages. */
  readonly inputName: string
}

/**
 * What happens between sealing and writing: the contract read from the sealed files and
 * recorded on the statement, the statement signed. Anything that fails here leaves nothing
 * written.
 */
export type BundleFinisher = (
  artifact: SealedArtifact
) => Promise<{ artifact: SealedArtifact; extras: BundleExtras }>

/** A part named by workflow artifact (fetch-parts.ts): `[<part>=]<name or glob>`. */
export interface ArtifactPart {
  /** The part's directory in the merged tree; default: the leg's seal name. */
  readonly name?: string
  readonly artifact: string
}
