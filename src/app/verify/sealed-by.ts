import type { Digest } from '../../core/digest.js'
import type { SealedBy } from '../../core/promotion/record.js'
import {
  type StatementContext,
  sealedByFromStatement,
  subjectNameOf
} from '../../core/provenance.js'
import { type BundleDocument, readStatementBeside } from '../../stores/evidence/bundle-reader.js'
import { SealError } from '../../core/errors.js'

/** What the seal bundle says about a digest: the build that sealed it and the artifact's name. */
export interface SealInfo {
  readonly sealedBy: SealedBy | null
  readonly name: string | null
}

/**
 * Reads the statement the seal wrote beside its listing (`<name>.intoto.json` next to
 * `<name>.sha256`). Nothing is taken from a statement about another digest; when there is
 * none, the ledger's earlier records are asked next. Unsigned, what it says is a claim:
 * a field that is not what a seal writes (checked against the server in `context`) is left
 * out and reported to `context.onInvalid`, and what is kept is shown as claimed.
 */
export function sealInfoBesideListing(
  checksumsFile: string | null,
  digest: Digest,
  context: StatementContext = {}
): SealInfo {
  const none = { sealedBy: null, name: null }
  let read: BundleDocument | null = null
  try {
    read =
      checksumsFile === null
        ? null
        : readStatementBeside(checksumsFile, (why) => new SealError('unreadable', why))
  } catch (error) {
    if (!(error instanceof SealError)) throw error
  }
  // A statement that cannot be read or is not JSON claims nothing; the ledger is asked next.
  if (read === null || read.notJson !== null) return none
  const { file, json: statement } = read
  // Each reader takes only what is about this digest: the subject that carries it, a GitHub build that sealed it.
  return {
    sealedBy: sealedByFromStatement(statement, digest, file, context),
    name: subjectNameOf(statement, digest)
  }
}
