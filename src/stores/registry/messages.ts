import { quote } from '../../core/errors.js'
import { abbreviate, type Failure } from '../../http/retry-policy.js'

/**
 * The registry client's messages. Each names the image as the user gave it (`where`), says
 * what the registry answered and what to do; none carries a credential or a signed URL's
 * query (requests are named by origin and path only).
 */

interface Named {
  readonly where: string
  readonly method: string
  readonly url: string
}

/** `GET https://ghcr.io/v2/acme/app/manifests/1.4.0`: origin and path, never the query (a storage URL's signature). */
export function named(request: Named): string {
  const url = new URL(request.url)
  return `${request.method} ${url.origin}${url.pathname}`
}

const origin = (request: Named): string => new URL(request.url).origin

/** A request the policy gave up on: after its attempts, or because the wait asked for was too long. */
export function requestFailed(
  request: Named,
  failure: Failure,
  attempts: number,
  waitMs?: number
): string {
  const times = attempts === 1 ? 'once' : `${attempts} times`
  switch (failure.kind) {
    case 'rate-limit':
      if (waitMs !== undefined) {
        return (
          `${request.where}: the registry rate-limited ${named(request)} (${failure.detail}) and asks for a ` +
          `wait of ${Math.ceil(waitMs / 1000)} s, ` +
          ('longer than artifact-seal waits. Run again later, or give credentials: registries allow logged-in ' +
            'clients more requests.')
        )
      }
      return (
        `${request.where}: the registry rate-limited ${named(request)} ${times} (last: ${failure.detail}). Run ` +
        'again later, or give credentials: registries allow ' +
        'logged-in clients more requests.'
      )
    case 'server':
      return (
        `${request.where}: ${named(request)} failed ${times}; the last answer was ${failure.detail}. ` +
        `Run again; if it keeps failing, check the registry's status${waitMs === undefined ? '' : ' (the retries ran out of time)'}.`
      )
    case 'network':
      return (
        `${request.where}: ${named(request)} failed ${times}; the last attempt got ${failure.detail}. ` +
        (`Check that ${origin(request)} is reachable from the runner (a proxy, a firewall, a typo in the ` +
          `registry's name), then run again.`)
      )
    default:
      return `${request.where}: ${named(request)} answered ${failure.detail}.`
  }
}

export function tooLarge(request: Named, limit: number): string {
  return (
    `${request.where}: ${named(request)} answered with more than ${limit} bytes, more than such an answer ` +
    `holds; refused unread. Check that the registry's address is right.`
  )
}

export function unsafeRedirect(request: Named, why: string): string {
  return (
    `${request.where}: ${named(request)} was refused: ${why}. Check the registry's address and its ` +
    'storage settings.'
  )
}

/** An answer the operation cannot use, with the registry's error text. */
export function unexpectedAnswer(
  request: Named,
  status: number,
  detail: string,
  fix: string
): string {
  return `${request.where}: ${named(request)} answered ${status}${detail === '' ? '' : ` ${abbreviate(detail, 200)}`}. ${fix}`
}

export function noCredentials(where: string, registry: string, looked: readonly string[]): string {
  return (
    `${where}: the registry ${registry} asks for credentials, and none were found for it (looked at ${looked.join('; ')}). ` +
    `Log in first: docker login ${registry} (docker/login-action in a workflow)${
      registry === 'ghcr.io'
        ? ", or give the job's github-token with " + '"permissions: packages: read"'
        : ''
    }.`
  )
}

export function credentialsRefused(
  where: string,
  registry: string,
  source: string,
  detail: string
): string {
  return (
    `${where}: the registry ${registry} refused the credentials from ${source}${detail === '' ? '' : ` (${abbreviate(detail, 200)})`}. ` +
    'Check the user name and password or token there; a token may have expired.'
  )
}

export function accessDenied(
  where: string,
  registry: string,
  repository: string,
  push: boolean,
  source: string | null,
  detail: string
): string {
  const right = push ? 'push to (pull and push)' : 'pull from'
  const who = source === null ? 'without credentials' : `with the credentials from ${source}`
  const hint =
    registry === 'ghcr.io'
      ? ` For ghcr.io in a workflow, give the job "permissions: packages: ${push ? 'write' : 'read'}" and the ` +
        'package access to the repository.'
      : ''
  return (
    `${where}: the registry ${registry} does not let this client ${right} ${quote(repository)} ${who}${detail === '' ? '' : ` (${abbreviate(detail, 200)})`}. ` +
    `Give credentials that may ${push ? 'push' : 'pull'} there.${hint}`
  )
}

export function badChallenge(where: string, registry: string, header: string | null): string {
  return (
    `${where}: the registry ${registry} answered 401 with ${header === null ? 'no WWW-Authenticate header' : `an unreadable WWW-Authenticate header ${quote(abbreviate(header, 200))}`}, ` +
    "so artifact-seal cannot tell how to log in. Check the registry's address."
  )
}

export function insecureRealm(where: string, registry: string, realm: string): string {
  return (
    `${where}: the registry ${registry} sends clients to the token service ${quote(realm)}, which is not HTTPS; ` +
    ("credentials are never sent in the clear. Fix the registry's token realm, or name the service as an " +
      'insecure registry if it is on a trusted network.')
  )
}
