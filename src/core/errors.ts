/**
 * A problem the user can fix: bad input, an unreadable file, a tree that cannot be
 * sealed. Its message is complete on its own (it names the input or file, quotes the
 * value and says how to fix it), so entry points print it without a stack trace.
 */
export class SealError extends Error {
  override readonly name = 'SealError'
}

/**
 * Bad input found where other SealErrors become a recorded refusal (a promotion's
 * contract-baseline of other bytes): the step stops with it and records nothing.
 */
export class BadInputError extends SealError {}

/** Quotes a user-supplied value for an error message, keeping control characters visible. */
export function quote(value: string): string {
  return JSON.stringify(value)
}
