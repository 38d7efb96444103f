import { jest } from '@jest/globals'
import type * as core from '../src/actions/runner-io.js'

/** A stand-in for src/actions/runner-io.ts in unit tests of the action entry points. */
export const getInput = jest.fn<typeof core.getInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const info = jest.fn<typeof core.info>()
export const debug = jest.fn<typeof core.debug>()
export const notice = jest.fn<typeof core.notice>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const saveState = jest.fn<typeof core.saveState>()
export const getState = jest.fn<typeof core.getState>()

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
  const mocks = [getInput, setOutput, setFailed, info, debug, notice, warning, error, saveState, getState]
  for (const fn of mocks) fn.mockReset()
  summaryText.length = 0
}
