import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The runtime token a runner hands each job: a JWT (HS256, signed with a secret only this
 * host knows). @actions/artifact decodes it without checking the signature to find the
 * `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>` scope; the host checks
 * the signature and expiry on every call, as the real service does.
 */
export interface RuntimeClaims {
  readonly scp: string
  /** Cache scopes, as the real token carries them: a JSON array of { Scope, Permission } (1 read, 2 write). */
  readonly ac: string
  readonly iss: string
  readonly aud: string
  readonly nbf: number
  readonly iat: number
  readonly exp: number
  readonly [claim: string]: unknown
}

export class TokenIssuer {
  private readonly secret = randomBytes(32)

  mint(
    claims: Omit<RuntimeClaims, 'iss' | 'aud' | 'nbf' | 'iat' | 'exp'>,
    lifetimeSeconds = 6 * 3600
  ): string {
    const now = Math.floor(Date.now() / 1000)
    const payload = {
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vso:results-service-host',
      nbf: now - 5,
      iat: now - 5,
      exp: now + lifetimeSeconds,
      ...claims
    }
    const unsigned = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${base64url(JSON.stringify(payload))}`
    return `${unsigned}.${this.sign(unsigned)}`
  }

  /** The claims of a token this issuer minted and that is valid now, or a reason it is not. */
  verify(token: string): { claims: RuntimeClaims } | { error: string } {
    const parts = token.split('.')
    if (parts.length !== 3) return { error: 'the token is not a JWT' }
    const [header, payload, signature] = parts as [string, string, string]
    const expected = Buffer.from(this.sign(`${header}.${payload}`))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { error: 'the token signature is invalid' }
    let claims: RuntimeClaims
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as RuntimeClaims
    } catch {
      return { error: 'the token payload is not JSON' }
    }
    const now = Math.floor(Date.now() / 1000)
    if (typeof claims.exp !== 'number' || claims.exp <= now)
      return { error: 'the token has expired' }
    if (typeof claims.nbf === 'number' && claims.nbf > now)
      return { error: 'the token is not valid yet' }
    return { claims }
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url')
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

/** The run and job backend ids of the `Actions.Results` scope, as @actions/artifact reads them. */
export function resultsScope(scp: string): { runBackendId: string; jobBackendId: string } | null {
  for (const scope of scp.split(' ')) {
    const parts = scope.split(':')
    if (parts[0] === 'Actions.Results' && parts.length === 3)
      return { runBackendId: parts[1] as string, jobBackendId: parts[2] as string }
  }
  return null
}
