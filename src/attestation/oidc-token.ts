import { words } from '../core/vocabulary.js'
import { messageOf, quote, SealError } from '../core/errors.js'

/**
 * The job's OIDC token, as keyless signing presents it to Fulcio. The runner offers one only
 * to jobs with `permissions: id-token: write`, by setting ACTIONS_ID_TOKEN_REQUEST_URL and
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN; @actions/core reads them from process.env.
 */

export const SIGSTORE_AUDIENCE = 'sigstore'
export const ID_TOKEN_PERMISSION = 'permissions: id-token: write'

/** The claims of a GitHub Actions token that say which run is signing. Decoded, not verified: Fulcio verifies. */
export interface OidcClaims {
  readonly iss: string
  readonly sub: string
  readonly aud: string | readonly string[]
  readonly repository?: string
  readonly repository_owner?: string
  readonly repository_id?: string
  readonly repository_owner_id?: string
  readonly repository_visibility?: string
  readonly job_workflow_ref?: string
  readonly job_workflow_sha?: string
  readonly workflow_ref?: string
  readonly workflow_sha?: string
  readonly ref?: string
  readonly ref_type?: string
  readonly sha?: string
  readonly event_name?: string
  readonly run_id?: string
  readonly run_number?: string
  readonly run_attempt?: string
  readonly runner_environment?: string
  readonly actor?: string
  readonly environment?: string
  readonly exp?: number
  readonly [claim: string]: unknown
}

export type OidcToken =
  | { readonly kind: 'token'; readonly token: string; readonly claims: OidcClaims }
  /** The job cannot mint a token; `reason` is a sentence for a notice or an error. */
  | { readonly kind: 'unavailable'; readonly reason: string }

/** Reads the claims of a JWT without checking its signature. */
export function decodeOidcClaims(token: string): OidcClaims {
  const payload = token.split('.')[1]
  let claims: unknown
  try {
    claims =
      payload === undefined
        ? undefined
        : JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    claims = undefined
  }
  const c = claims as Partial<OidcClaims> | undefined
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.iss !== 'string' ||
    typeof c.sub !== 'string'
  ) {
    throw new SealError(
      'unavailable',
      'The OIDC token the runner returned is not a JWT with "iss" and "sub" claims, so it cannot identify the ' +
        "job to Fulcio. Re-run the job; if it persists, the runner's token service " +
        'is misbehaving.'
    )
  }
  return c as OidcClaims
}

/** Where the token request goes, without its query (which names the run). */
function endpointOf(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return url
  }
}

/**
 * Asks the runner for a token for `audience`. Missing runner variables are `unavailable`
 * (the caller decides between a notice and an error); a token endpoint that answers with
 * an error is a SealError naming it and the permission.
 */
export async function getOidcToken(audience = SIGSTORE_AUDIENCE): Promise<OidcToken> {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!url || !requestToken) {
    return {
      kind: 'unavailable',
      reason:
        'The job cannot mint an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN ' +
        'are not set). ' +
        (`Add "${ID_TOKEN_PERMISSION}" to the job (or the workflow) to sign keyless; pull requests from forks ` +
          'never get one.')
    }
  }
  let token: string
  try {
    // Loaded only now: @actions/core brings its HTTP client (undici, about 0.9 MB), and
    // sign: auto reaches this function on every seal, mostly in jobs with no token.
    const core = await import('@actions/core')
    token = await commandsToStderrFromCli(() => core.getIDToken(audience))
  } catch (error) {
    const detail = messageOf(error).replace(/\s+/g, ' ').trim()
    throw new SealError(
      'denied',
      `The runner's OIDC token endpoint ${quote(endpointOf(url))} refused a token for audience ${quote(audience)}: ${detail}. ` +
        `Check that the job has "${ID_TOKEN_PERMISSION}"; re-run the job if the endpoint was unavailable.`
    )
  }
  return { kind: 'token', token, claims: decodeOidcClaims(token) }
}

/**
 * @actions/core writes its workflow commands (`::add-mask::` with the token itself, `::debug::`)
 * to stdout. The CLI's stdout is its result (one JSON document with --json, which a user may
 * save or upload), so there they go to stderr, where the runner reads them as well.
 */
async function commandsToStderrFromCli<T>(work: () => Promise<T>): Promise<T> {
  if (words().caller !== 'cli') return work()
  const write = process.stdout.write
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  try {
    return await work()
  } finally {
    process.stdout.write = write
  }
}
