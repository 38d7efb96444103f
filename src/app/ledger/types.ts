import type { ArtifactRef, SealedBy } from '../../core/promotion/record.js'
import type { ContractRef } from '../../core/contract/manifest.js'

/** What earlier records say about a digest: who sealed it, its name, where its files are, its contract. */
export interface KnownDigest {
  readonly sealedBy: SealedBy | null
  readonly name: string | null
  readonly artifact: ArtifactRef | null
  readonly contract?: ContractRef | null
}

/** Who is asking, as the record will say. */
export interface Requester {
  readonly runUrl: string | null
  readonly actor: string | null
}
