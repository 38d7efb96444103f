import { expect } from '@jest/globals'
import { SealError, type SealErrorCode } from '../../src/core/errors.js'

/**
 * How the runs of a property ended: `value` when the code under test returned, else the code
 * of the SealError it threw (anything else thrown fails the test at once). A property test
 * asserts on the tally afterwards, so a generator that never reaches the path under test
 * fails instead of passing with nothing checked.
 */
export class Outcomes {
  private readonly seen = new Map<'value' | SealErrorCode, number>()

  of<T>(run: () => T): 'value' | SealErrorCode {
    let outcome: 'value' | SealErrorCode
    try {
      run()
      outcome = 'value'
    } catch (error) {
      expect(error).toBeInstanceOf(SealError)
      outcome = (error as SealError).code
    }
    this.seen.set(outcome, (this.seen.get(outcome) ?? 0) + 1)
    return outcome
  }

  /** The ways the runs ended, sorted. */
  kinds(): string[] {
    return [...this.seen.keys()].sort()
  }
}
