import { SealError, quote } from '../../../core/errors.js'
import type { RequestName } from '../../../http/github.js'
import { abbreviate, type Failure } from '../../../http/retry-policy.js'
import { capitalized, words } from '../../../core/vocabulary.js'

/** Who is asking, for messages: the ledger's location, the token's input, the API's URL. */
export interface Blame {
  /** `github:owner/repo` */
  readonly location: string
  readonly repository: string
  readonly tokenInput: string
  readonly apiUrl: string
}

const STATUS_PAGE = 'https://www.githubstatus.com'

const isRead = (request: RequestName): boolean => request.method === 'GET'

/** The consequence, said the same way everywhere: nothing unread or unwritten lets a promotion through. */
function refused(request: RequestName): string {
  return isRead(request)
    ? 'The ledger could not be read, so the promotion is refused (fail closed).'
    : 'The record could not be written, so the promotion is refused (fail closed).'
}

const named = (request: RequestName): string => `${request.method} ${request.path}`

/**
 * The SealError for a request that failed for good, after `attempts` attempts; `waitTooLong`
 * when a rate limit asked for a longer wait than artifact-seal allows itself.
 */
export function requestFailed(
  blame: Blame,
  request: RequestName,
  failure: Failure,
  attempts: number,
  waitTooLong = false
): SealError {
  const permission = `deployments: ${isRead(request) ? 'read' : 'write'}`
  switch (failure.kind) {
    case 'bad-credentials':
      return new SealError(
        'denied',
        `${blame.tokenInput}: the token was refused (${failure.detail}) on ${named(request)} at ${blame.apiUrl}. ${refused(request)} ` +
          (`Give ${blame.tokenInput} a valid token for ${blame.repository}: the default, the job's ` +
            'GITHUB_TOKEN, works when the job has "permissions: deployments: write".')
      )
    case 'forbidden':
      return new SealError(
        'denied',
        `${blame.tokenInput}: the token may not ${isRead(request) ? 'read' : 'write'} the deployments of ${blame.repository} ` +
          `(${failure.detail} on ${named(request)}). ${refused(request)} ` +
          `Give the job "permissions: ${permission}"${isRead(request) ? ' (deployments: write to promote)' : ''}, or a token that has it.`
      )
    case 'client':
      return new SealError(
        'refused',
        `${blame.location}: ${named(request)} answered ${failure.detail}. ${refused(request)} ${clientHint(blame, failure)}`
      )
    case 'rate-limit':
      if (waitTooLong && failure.waitMs !== null) {
        const when =
          failure.resetAt === null
            ? `in ${Math.ceil(failure.waitMs / 1000)} s`
            : `at ${failure.resetAt}`
        return new SealError(
          'unavailable',
          `${blame.location}: ${named(request)} hit GitHub's API rate limit (${failure.detail}), which lifts ${when}: ` +
            (`longer than artifact-seal waits. ${refused(request)} ${capitalized(words().rerun)} after that, or ` +
              'spread the jobs that use this token.')
        )
      }
      return exhausted(blame, request, `the last answer was ${failure.detail}`, attempts)
    case 'server':
      return exhausted(blame, request, `the last answer was ${failure.detail}`, attempts)
    case 'network':
      return exhausted(blame, request, `the last attempt got ${failure.detail}`, attempts)
  }
}

function exhausted(blame: Blame, request: RequestName, last: string, attempts: number): SealError {
  return new SealError(
    'unavailable',
    `${blame.location}: ${named(request)} failed ${attempts === 1 ? 'once' : `${attempts} times`}; ${last}. ${refused(request)} ` +
      (`${capitalized(words().rerun)}; if it keeps failing, check ${STATUS_PAGE} and that ${blame.apiUrl} is ` +
        `reachable from ${words().machine}.`)
  )
}

function clientHint(blame: Blame, failure: Failure): string {
  if (failure.kind !== 'client') return ''
  if (failure.status === 404) {
    return (
      `The repository ${quote(blame.repository)} does not exist, or the token in ${blame.tokenInput} ` +
      'cannot see it (or the deployment was deleted meanwhile); check ' +
      'GITHUB_REPOSITORY and the token.'
    )
  }
  if (/no ref found/i.test(failure.detail)) {
    return (
      `A deployment is made on a commit of ${blame.repository}: the one that sealed the digest, else ` +
      `GITHUB_SHA; push that commit to ${blame.repository} first.`
    )
  }
  return 'Trying again will get the same answer; fix what GitHub names.'
}

/** An answer that is not the JSON GitHub sends: a proxy's page, a truncated body. */
export function unreadableAnswer(
  blame: Blame,
  request: RequestName,
  status: number,
  data: unknown
): SealError {
  const shown =
    typeof data === 'string'
      ? quote(abbreviate(data))
      : `a JSON ${Array.isArray(data) ? 'array' : typeof data} of the wrong shape`
  return new SealError(
    'unavailable',
    `${blame.location}: ${named(request)} answered ${status} with ${shown}, not the JSON GitHub sends. ${refused(request)} ` +
      `${capitalized(words().rerun)}; if it keeps failing, check ${STATUS_PAGE} and any proxy between ${words().machine} and ${blame.apiUrl}.`
  )
}
