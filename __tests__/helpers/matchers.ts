import { expect } from '@jest/globals'
import { SealError, type SealErrorCode } from '../../src/core/errors.js'

/**
 * `expect(run).toThrowSealError(code, ...mentions)`, and `await expect(promise).rejects
 * .toThrowSealError(…)`: the error is a SealError of that code, and its message names each
 * mention (the input, the file, the value quoted): what a caller acts on and what the project
 * promises every message holds, without pinning its prose.
 */
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>> {
    toThrowSealError(code: SealErrorCode, ...mentions: readonly (string | RegExp)[]): R
  }
}

function thrownBy(received: unknown): { readonly thrown: boolean; readonly error: unknown } {
  if (typeof received !== 'function') return { thrown: true, error: received }
  try {
    received()
  } catch (error) {
    return { thrown: true, error }
  }
  return { thrown: false, error: undefined }
}

expect.extend({
  toThrowSealError(
    received: unknown,
    code: SealErrorCode,
    ...mentions: readonly (string | RegExp)[]
  ) {
    const { thrown, error } = thrownBy(received)
    if (!thrown)
      return {
        pass: false,
        message: () => `expected a SealError (${code}), but nothing was thrown`
      }
    if (!(error instanceof SealError))
      return {
        pass: false,
        message: () => `expected a SealError (${code}), but got ${this.utils.printReceived(error)}`
      }
    const missing = mentions.filter((m) =>
      typeof m === 'string' ? !error.message.includes(m) : !m.test(error.message)
    )
    const pass = error.code === code && missing.length === 0
    return {
      pass,
      message: () =>
        pass
          ? `expected no SealError (${code}), but got one: ${error.message}`
          : `expected a SealError (${code})${mentions.length > 0 ? ` naming ${mentions.map(String).join(', ')}` : ''}, but got ${error.code}${missing.length > 0 ? `, missing ${missing.map(String).join(', ')}` : ''}: ${this.utils.printReceived(error.message)}`
    }
  }
})
