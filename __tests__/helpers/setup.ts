/**
 * Runs before every test file (jest's setupFilesAfterEnv): each test must make at least one
 * assertion, so a test whose expectations sit in a callback that never ran fails instead of
 * passing; and `toThrowSealError` checks an error by its code.
 */
import { beforeEach, expect } from '@jest/globals'
import './matchers.js'

beforeEach(() => {
  expect.hasAssertions()
})
