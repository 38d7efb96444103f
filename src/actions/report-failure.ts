import * as core from './runner-io.js'
import * as path from 'node:path'
import { SealError } from '../core/errors.js'
import { leavesParent } from '../core/paths.js'

/**
 * The one catch of every action: a SealError's message is complete as it is; anything
 * else is unexpected, so its stack goes to the debug log and the user learns how to see it.
 */
export function reportFailure(error: unknown): void {
  if (error instanceof SealError) {
    // A mistake at a line of a file in the repository (the policy) is also an annotation
    // there, so it shows on the pull request's diff.
    for (const problem of error.details.problems ?? []) {
      if (problem.line === null || path.isAbsolute(problem.file) || leavesParent(problem.file))
        continue
      core.error(problem.message, {
        title: 'artifact-seal',
        file: problem.file,
        startLine: problem.line,
        ...(problem.column === null ? {} : { startColumn: problem.column })
      })
    }
    core.setFailed(error.message)
    return
  }
  const e = error instanceof Error ? error : new Error(String(error))
  core.debug(e.stack ?? e.message)
  core.setFailed(
    `artifact-seal stopped on an unexpected error: ${e.message}. Re-run with ACTIONS_STEP_DEBUG=true for ` +
      'details, and report it if it persists.'
  )
}
