import type { Digest } from '../../core/digest.js'
import type { Mismatch } from '../../core/listing.js'
import type { ArtifactRef, SealedBy } from '../../core/promotion/record.js'
import type { SealOptions } from '../../core/seal.js'
import type { Env } from '../../core/env.js'

/** The verify use case: the bytes checked against a digest, and where they were fetched from. */

/** The bytes about to be deployed, checked against the digest. */
export interface BytesCheck {
  readonly verified: boolean
  /** What the bytes hash to. */
  readonly actual: Digest
  /** Every file that differs, when a listing was there to tell. */
  readonly mismatches: readonly Mismatch[]
  /** Where the verified files are, for the deploy step; null when they are not verified. */
  readonly path: string | null
  /** The workflow artifact they came from, to record for later runs. */
  readonly artifact: ArtifactRef | null
  /** The build that sealed them, from the statement that travelled with them. */
  readonly sealedBy: SealedBy | null
  /**
   * The artifact's name, from the statement that travelled with them: what a local listing's
   * statement gives the CLI.
   */
  readonly name?: string | null
  /** The seal's listing that travelled with them, beside which a signed statement may be. */
  readonly checksumsFile: string | null
  /**
   * No carrier holds the digest's files (no cache entry, no workflow artifact the ledger
   * names) for what the seal carried, fetched by default: nothing was checked, `verified` is
   * false, and this says why and what to give. The caller lets in a signed seal of a digest
   * alone; anything else is a `bytes` refusal with this reason.
   */
  readonly absent?: string
  /** For an image checked in its registry: `name@sha256:…`, what the deploy step takes (never the tag). */
  readonly imageRef?: string
}

export interface FetchContext {
  readonly env: Env
  /**
   * A directory for downloads, under the runner's temp directory: a new private directory
   * (mkdtemp, 0700) is made inside it for each download or restore, and for the copies of
   * verified workspace files when their directory holds others too. Never the workspace.
   */
  readonly downloadsDir: string
  readonly seal: Pick<SealOptions, 'build' | 'fallbackName' | 'onProgress'>
  /** Names the inputs or options, for messages. */
  readonly inputs: {
    readonly expected: string
    readonly checksums: string
    readonly artifactName: string
  }
  readonly log: (message: string) => void
}
