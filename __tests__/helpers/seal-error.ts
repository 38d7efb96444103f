import { expect } from '@jest/globals'
import { SealError, type SealErrorCode } from '../../src/core/errors.js'

/**
 * The message of the SealError `run` throws, once its code is checked; fails the test when it
 * throws something else, or nothing. For tests where the message is the point: what a person
 * reads. Where it is not, `toThrowSealError` checks the code and what the message names.
 */
export function sealErrorOf(run: () => unknown, code: SealErrorCode): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(SealError)
    expect((error as SealError).code).toBe(code)
    return (error as Error).message
  }
  throw new Error('accepted: no SealError was thrown')
}
