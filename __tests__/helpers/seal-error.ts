import { expect } from '@jest/globals'
import { SealError } from '../../src/core/errors.js'

/** The message of the SealError `run` throws; fails the test when it throws something else, or nothing. */
export function sealErrorOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(SealError)
    return (error as Error).message
  }
  throw new Error('accepted: no SealError was thrown')
}
