import { SealError, quote } from '../errors.js'
import { STATEMENT_TYPE } from '../statement.js'

/**
 * A signed checkpoint of a file ledger's head: an in-toto statement whose subject is the
 * ledger file, by name, with the sha256 of its last line, and whose predicate says which line
 * that is and which ledger (the sha256 of its first line, unique to each ledger). The hash
 * chain alone shows that a line was edited, but whoever can write the file can also write a
 * whole new chain; a checkpoint signed after each append pins the head to the signer, so a
 * rewritten, cut short or replaced ledger no longer verifies.
 */

export const CHECKPOINT_PREDICATE_TYPE = 'https://artifact-seal.dev/ledger-checkpoint/v1'

export interface CheckpointPredicate {
  /** The ledger format of the lines the head is a hash of. */
  readonly format: string
  /** The head's line number: how many lines the signed ledger had. */
  readonly seq: number
  /** `sha256:<hex>` of the head line's bytes, without its newline. */
  readonly head: string
  /** ISO 8601: when the append the checkpoint follows was made. */
  readonly time: string
  /**
   * `sha256:<hex>` of the ledger's first line: which ledger the head is of, whatever its file
   * is called. Absent from checkpoints written before 0.x, which name the file only.
   */
  readonly ledger?: string
}

export interface CheckpointStatement {
  readonly _type: typeof STATEMENT_TYPE
  readonly subject: readonly [
    { readonly name: string; readonly digest: { readonly sha256: string } }
  ]
  readonly predicateType: typeof CHECKPOINT_PREDICATE_TYPE
  readonly predicate: CheckpointPredicate
}

const HEAD = /^sha256:([0-9a-f]{64})$/

export function checkpointStatement(
  ledgerName: string,
  predicate: CheckpointPredicate & { readonly ledger: string }
): CheckpointStatement {
  const hex = HEAD.exec(predicate.head)?.[1]
  if (hex === undefined || !Number.isSafeInteger(predicate.seq) || predicate.seq < 1)
    throw new Error(
      `unreachable: a ledger head is a line number and a sha256, got ${predicate.seq}:${predicate.head}`
    )
  if (!HEAD.test(predicate.ledger))
    throw new Error(`unreachable: a ledger's identity is a sha256, got ${predicate.ledger}`)
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: ledgerName, digest: { sha256: hex } }],
    predicateType: CHECKPOINT_PREDICATE_TYPE,
    predicate
  }
}

/**
 * The checkpoint a verified bundle signs, checked field by field: it must be a checkpoint
 * and say the same head in its subject and its predicate. One that names its ledger's
 * identity is checked against the ledger's first line by the caller; an older one, which
 * does not, must at least name the same file. `where` names the bundle's file in errors.
 */
export function readCheckpointStatement(
  statement: unknown,
  ledgerName: string,
  where: string
): CheckpointPredicate {
  const s = statement as {
    predicateType?: unknown
    subject?: unknown
    predicate?: Partial<CheckpointPredicate>
  } | null
  if (s?.predicateType !== CHECKPOINT_PREDICATE_TYPE) {
    throw new SealError(
      'unrecognized',
      `${quote(where)} signs a ${quote(String(s?.predicateType))} statement, not a ledger checkpoint ` +
        `(${quote(CHECKPOINT_PREDICATE_TYPE)}). Give the checkpoint artifact-seal ` +
        'wrote beside the ledger.'
    )
  }
  const subjects = Array.isArray(s.subject)
    ? (s.subject as { name?: unknown; digest?: { sha256?: unknown } }[])
    : []
  const subject = subjects.length === 1 ? subjects[0] : undefined
  const p = s.predicate ?? {}
  const hex = typeof p.head === 'string' ? HEAD.exec(p.head)?.[1] : undefined
  if (
    subject === undefined ||
    hex === undefined ||
    typeof p.seq !== 'number' ||
    !Number.isSafeInteger(p.seq) ||
    p.seq < 1 ||
    typeof p.format !== 'string' ||
    typeof p.time !== 'string' ||
    (p.ledger !== undefined && (typeof p.ledger !== 'string' || !HEAD.test(p.ledger)))
  ) {
    throw new SealError(
      'malformed',
      `${quote(where)} is signed, but its statement is not a checkpoint (one subject; format, seq, head, time, ` +
        'ledger). It was not written by artifact-seal.'
    )
  }
  if (p.ledger === undefined && subject.name !== ledgerName) {
    throw new SealError(
      'tampered',
      `${quote(where)} is the checkpoint of the ledger ${quote(String(subject.name))}, not of ${quote(ledgerName)}: it was copied from another ledger. Restore this ` +
        `ledger's own checkpoint.`
    )
  }
  if (subject.digest?.sha256 !== hex) {
    throw new SealError(
      'tampered',
      `${quote(where)} is signed, but its subject's sha256 is not the head its predicate names (${p.head}). It ` +
        'was not written by artifact-seal.'
    )
  }
  return {
    format: p.format,
    seq: p.seq,
    head: p.head as string,
    time: p.time,
    ...(p.ledger === undefined ? {} : { ledger: p.ledger })
  }
}
