/**
 * The oldest Node.js major the CLI runs on. Node 22 is the oldest LTS line still
 * maintained; the actions themselves run on the runner's node24.
 */
export const OLDEST_NODE_MAJOR = 22

/**
 * Why the CLI cannot run on this Node.js, or null when it can. This module is loaded
 * before any other part of the CLI, so it uses nothing a very old Node lacks.
 */
export function nodeVersionProblem(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1])
  if (major >= OLDEST_NODE_MAJOR) return null
  return (
    `artifact-seal needs Node.js ${OLDEST_NODE_MAJOR} or later; this is ${JSON.stringify(`v${version.replace(/^v/, '')}`)}. ` +
    `Install Node.js ${OLDEST_NODE_MAJOR} LTS or 24 (from https://nodejs.org, or "nvm install ${OLDEST_NODE_MAJOR}"), then run artifact-seal again.`
  )
}
