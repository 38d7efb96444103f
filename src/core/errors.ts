/**
 * What went wrong, as a caller must know it to act: the closed set of codes every SealError
 * carries. Branches test the code, never the message: the CLI's exit code (`exitCodeOf`) and
 * the gate's choice between recording a refusal and stopping with nothing recorded
 * (`stopsPromotion`) follow from the code alone. The message is for the person.
 */
export type SealErrorCode =
  /** The command line itself is wrong: an unknown command or option, a missing argument or value. */
  | 'usage'
  /** An input, flag or option names something that cannot be used, or contradicts another: fix the inputs. */
  | 'bad-input'
  /**
   * A document (a listing, statement, policy, contract, manifest, key, bundle, archive) is not well
   * formed: its text is wrong, at a line when it has lines.
   */
  | 'malformed'
  /** A file is not of the kind expected: not a contract file, not a key or trusted root this tool reads. */
  | 'unrecognized'
  /** The bytes are not the sealed ones: files changed, missing or added (`details.mismatches`). */
  | 'mismatch'
  /**
   * Evidence disagrees with itself or with what pins it: changed after it was sealed or written (a
   * listing, statement, manifest, signature, ledger, checkpoint).
   */
  | 'tampered'
  /**
   * A check said no: a signature or signer not acceptable, an archive entry no seal writes
   * (`details.refusals`), an answer no server should give, a limit passed.
   */
  | 'refused'
  /** A file, directory or remote record could not be read or written: missing, unreadable, not writable, expired. */
  | 'unreadable'
  /**
   * A service did not answer as needed within the retries allowed: no answer, 5xx, rate limits,
   * answers of the wrong shape. Retrying later may help.
   */
  | 'unavailable'
  /**
   * A service or the runner refused the credentials, or they lack a permission: a token without
   * "deployments: write", no OIDC token.
   */
  | 'denied'
  /**
   * Someone else changed or holds the same thing at the same time: a lock, a name taken, a tag
   * moved, files written while read.
   */
  | 'conflict'
  /** Written by an earlier artifact-seal in a form this one cannot check; the message says how a person steps in. */
  | 'outdated'

/** Facts a caller may act on beside the message, for the codes that have them. */
export interface SealErrorDetails {
  /** `refused`: each archive entry refused before anything was extracted, and why. */
  readonly refusals?: readonly { readonly name: string; readonly reason: string }[]
  /** `mismatch`: every file that differs from the seal. */
  readonly mismatches?: readonly {
    readonly path: string
    readonly expected: string | null
    readonly actual: string | null
    readonly kind: 'changed' | 'missing' | 'added' | 'mode'
  }[]
  /** `mismatch`: what the bytes hash to. */
  readonly actual?: `sha256:${string}`
  /** `malformed`: each mistake in a document that has lines, where it is (line and column from 1, when known). */
  readonly problems?: readonly {
    readonly file: string
    readonly line: number | null
    readonly column: number | null
    readonly message: string
  }[]
}

export interface SealErrorOptions {
  readonly cause?: unknown
  readonly details?: SealErrorDetails
}

/**
 * A problem the user can fix or must know of: bad input, an unreadable file, evidence that
 * does not hold. Its message is complete on its own (it names the input or file, quotes the
 * value and says how to fix it), so entry points print it without a stack trace.
 */
export class SealError extends Error {
  override readonly name = 'SealError'
  readonly code: SealErrorCode
  readonly details: SealErrorDetails

  constructor(code: SealErrorCode, message: string, options: SealErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details ?? {}
  }
}

/** A SealError, and (when codes are given) of one of them. */
export function isSealError(
  error: unknown,
  ...codes: readonly SealErrorCode[]
): error is SealError {
  return error instanceof SealError && (codes.length === 0 || codes.includes(error.code))
}

/**
 * The CLI's exit code for a failure: 2 when what the caller gave must change, 1 when the answer is
 * no or the work could not be done.
 */
export function exitCodeOf(code: SealErrorCode): 1 | 2 {
  return EXIT_CODES[code]
}

const EXIT_CODES: Readonly<Record<SealErrorCode, 1 | 2>> = {
  usage: 2,
  'bad-input': 2,
  malformed: 2,
  unrecognized: 2,
  unreadable: 2,
  denied: 2,
  mismatch: 1,
  tampered: 1,
  refused: 1,
  unavailable: 1,
  conflict: 1,
  outdated: 1
}

/**
 * Whether a failure met while a promotion gathers its facts stops it with nothing recorded
 * (the caller's inputs are wrong: a refusal would record a decision nobody asked for), rather
 * than becoming a refusal the ledger records.
 */
export function stopsPromotion(error: unknown): boolean {
  return isSealError(error, 'bad-input', 'usage')
}

/** The message of anything thrown: an Error's own, anything else as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Quotes a user-supplied value for an error message, keeping control characters visible. */
export function quote(value: string): string {
  return JSON.stringify(value)
}
