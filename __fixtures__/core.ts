import { jest } from '@jest/globals'
import type * as core from '@actions/core'

/** A stand-in for @actions/core in unit tests of the action entry points. */
export const getInput = jest.fn<typeof core.getInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const info = jest.fn<typeof core.info>()
export const debug = jest.fn<typeof core.debug>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()

/** The job summary collects what the action adds, so a test can read it back. */
export const summaryText: string[] = []
export const summary = {
  addRaw(text: string) {
    summaryText.push(text)
    return summary
  },
  async write() {
    return summary
  }
}

export function useInputs(inputs: Record<string, string>): void {
  getInput.mockImplementation((name: string) => inputs[name] ?? '')
}

export function outputs(): Record<string, string> {
  return Object.fromEntries(setOutput.mock.calls.map(([name, value]) => [name, String(value)]))
}

export function reset(): void {
  for (const fn of [getInput, setOutput, setFailed, info, debug, warning, error]) fn.mockReset()
  summaryText.length = 0
}
