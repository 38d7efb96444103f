import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import {
  type CheckpointPredicate,
  checkpointStatement,
  readCheckpointStatement
} from '../../core/signing/ledger-checkpoint.js'
import type { IdentityPolicy } from '../../core/signing/identity.js'
import type { PublicKeyMaterial } from '../../core/signing/public-key.js'
import {
  type ChainProblem,
  type FileLedger,
  type LedgerHead,
  type LedgerIdentity,
  LEDGER_FORMAT
} from '../../stores/ledger/file-ledger.js'
import { besideLedger, readCheckpoint } from '../../stores/ledger/beside-ledger.js'
import type { Signing } from '../signature/types.js'
import type { LedgerLocation, SigningSettings } from '../settings/types.js'
import type { TufMirror } from '../../attestation/trusted-root.js'
import type { Env } from '../../core/env.js'

/**
 * The file ledger's signed checkpoint: written under the ledger's lock with every signed
 * append, checked by `artifact-seal ledger verify --public-key` (or a trusted root and the
 * signer's identity for a keyless checkpoint).
 */

/** Signs each head the ledger is about to have, with the ledger's identity; null when records are not signed. */
export function checkpointSigner(
  signing: Signing,
  ledgerFile: string,
  clock: () => Date = () => new Date()
): ((head: LedgerHead, ledger: LedgerIdentity) => Promise<string>) | null {
  if (signing.kind === 'none') return null
  const name = path.basename(ledgerFile)
  return async (head, ledger) =>
    (
      await signing.sign(
        checkpointStatement(name, {
          format: LEDGER_FORMAT,
          seq: head.seq,
          head: head.hash,
          time: clock().toISOString(),
          ledger
        })
      )
    ).json
}

/**
 * How a confirmation (the post step, `confirm: <id>`) signs the file ledger's checkpoint:
 * as the promotion did. Only a file ledger has one, so no token is asked for otherwise.
 */
export async function checkpointSigning(
  ledger: LedgerLocation,
  settings: SigningSettings,
  env: Env
): Promise<Signing> {
  if (ledger.kind !== 'file') return { kind: 'none', notice: null }
  const { prepareSigning } = await import('../signature/signing.js')
  return prepareSigning(settings, env)
}

export interface CheckpointExpectation {
  /** For a key-signed checkpoint. */
  readonly publicKey: PublicKeyMaterial | null
  /** For a keyless one: the trusted root (the production default when null) and whose certificate is accepted. */
  readonly trustedRootFile: string | null
  /** The TUF repositories of the trusted root when no file is given; null (or absent) for the defaults. */
  readonly tufMirrors?: readonly TufMirror[] | null
  readonly identity: IdentityPolicy | null
  /**
   * The ledger's identity as kept elsewhere (printed by `ledger init` and `ledger verify`):
   * without it, another ledger signed with the same key, put in this one's place with its
   * own checkpoint, verifies as well. Null: any ledger the signer signed.
   */
  readonly ledger?: LedgerIdentity | null
}

export type CheckpointCheck =
  | {
      readonly status: 'signed'
      readonly count: number
      readonly head: LedgerHead
      /** The sha256 of the ledger's first line: which ledger this is. */
      readonly ledger: LedgerIdentity
      readonly checkpoint: CheckpointPredicate
      /** `key:<hint>`, or the certificate's identity. */
      readonly signer: string
      readonly file: string
    }
  | {
      readonly status: 'refused'
      /** rewritten, truncated, appended, replaced, missing, broken. */
      readonly why: 'missing' | 'replaced' | 'broken' | 'truncated' | 'rewritten' | 'appended'
      readonly detail: string
      readonly problems: readonly ChainProblem[]
    }

/**
 * Verifies the checkpoint's signature first (a checkpoint nobody trusted signed says
 * nothing), then the chain up to the head it signs: the ledger must hold exactly that head
 * as its last line.
 */
export async function verifyCheckpoint(
  ledger: FileLedger,
  expectation: CheckpointExpectation
): Promise<CheckpointCheck> {
  const file = besideLedger(ledger.file).checkpoint
  const refuse = (
    why: Extract<CheckpointCheck, { status: 'refused' }>['why'],
    detail: string,
    problems: readonly ChainProblem[] = []
  ): CheckpointCheck => ({ status: 'refused', why, detail, problems })
  const text = readCheckpoint(
    ledger.file,
    (why) =>
      new SealError(
        'unreadable',
        `cannot read the ledger's checkpoint ${quote(file)} (${why}). Make it readable.`
      )
  )
  if (text === null) {
    return refuse(
      'missing',
      `${quote(file)} does not exist, so nothing signed says what the ledger's head is. Either it was deleted ` +
        'with the ledger rewritten, or the ledger was never written by a promote ' +
        'that signs (sign: key or keyless).'
    )
  }
  let bundle: unknown
  try {
    bundle = JSON.parse(text)
  } catch {
    return refuse(
      'replaced',
      `${quote(file)} is not JSON, so it is no signed checkpoint. Restore it from a backup.`
    )
  }
  const { signingMaterialOf, verifyAttestation } =
    await import('../../attestation/verify-bundle.js')
  let keyed: boolean
  try {
    keyed = signingMaterialOf(bundle) === 'key'
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return refuse('replaced', `${quote(file)} is no signed checkpoint: ${error.message}`)
  }
  if (!keyed && expectation.identity === null) {
    throw new SealError(
      'bad-input',
      `${quote(file)} is signed keyless, by a workflow's certificate: give --signer-repository (and ` +
        '--signer-workflow) to say whose signature is accepted, and --trusted-root ' +
        'for offline use.'
    )
  }
  let verified
  try {
    const { loadTrustedRoot } = await import('../../attestation/trusted-root.js')
    verified = await verifyAttestation(bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey],
      ...(keyed || expectation.identity === null ? {} : { identity: expectation.identity })
    })
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return refuse(
      'replaced',
      `the checkpoint ${quote(file)} is not signed by the signer given: ${error.message} Either the ledger and ` +
        `its checkpoint were replaced by someone else's, or the key or identity ` +
        `given is not the one the ledger's writers sign with.`
    )
  }
  let checkpoint: CheckpointPredicate
  try {
    checkpoint = readCheckpointStatement(verified.statement, path.basename(ledger.file), file)
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return refuse('replaced', error.message)
  }
  const signer =
    verified.signer.kind === 'key'
      ? `key:${verified.signer.hint}`
      : verified.signer.identity.subjectAlternativeName
  const { count, head, identity, problems, pinnedProblem } = await ledger.verifyChain({
    seq: checkpoint.seq,
    hash: checkpoint.head as LedgerHead['hash']
  })
  const chain = problems.filter((p) => p !== pinnedProblem)
  const signed = `the checkpoint signed by ${signer} at ${checkpoint.time} (line ${checkpoint.seq}, ${checkpoint.head})`
  if (chain.length > 0 || identity === null)
    return refuse(
      'broken',
      `the hash chain is broken, so the ledger is not the one ${signed} covers.`,
      chain
    )
  const pinned = expectation.ledger ?? null
  if (pinned !== null && identity !== pinned) {
    return refuse(
      'replaced',
      `this is the ledger ${identity} (the sha256 of its first line), not ${pinned}, the one pinned: it was ` +
        `replaced by another ledger${
          checkpoint.ledger === identity
            ? `, with a checkpoint signed by ${signer} ` + 'as well'
            : ''
        }. Restore the ledger and its ` +
        'checkpoint from a backup.'
    )
  }
  if (checkpoint.ledger !== undefined && checkpoint.ledger !== identity) {
    return refuse(
      'replaced',
      `${signed} is of the ledger ${checkpoint.ledger}, and this is the ledger ${identity} (the sha256 of its ` +
        `first line): it was copied from another ledger. Restore this ledger's own ` +
        'checkpoint.'
    )
  }
  if (head.seq < checkpoint.seq) {
    return refuse(
      'truncated',
      `the ledger has ${head.seq} lines, but ${signed} covers ${checkpoint.seq}: lines ${head.seq + 1} to ${checkpoint.seq} were cut off. Restore the ledger from a backup.`
    )
  }
  if (pinnedProblem !== null) {
    return refuse(
      'rewritten',
      `line ${checkpoint.seq} is not the head ${signed} covers: the ledger was rewritten at or before that ` +
        'line. Restore the ledger from a backup.',
      [pinnedProblem]
    )
  }
  if (head.seq > checkpoint.seq) {
    return refuse(
      'appended',
      `the ledger has ${head.seq} lines, but ${signed} covers ${checkpoint.seq}: lines ${checkpoint.seq + 1} ` +
        `to ${head.seq} were appended after it and no signature covers them. ` +
        ('They were written without the signing key (or a signing promote failed to write its checkpoint); ' +
          'check them, and let the next signed promotion sign the head again.')
    )
  }
  return { status: 'signed', count, head, ledger: identity, checkpoint, signer, file }
}
