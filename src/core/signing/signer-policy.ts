import type { IdentityPolicy } from './identity.js'

/**
 * The OIDC issuer of GitHub Actions tokens on a server: github.com's, a GHE.com tenant's
 * (`https://acme.ghe.com` → `https://token.actions.acme.ghe.com`), or a GitHub Enterprise
 * Server's own (`<server>/_services/token`). A certificate naming another issuer was not
 * minted for a workflow of that server.
 */
export function defaultIssuer(serverUrl: string): string {
  const url = new URL(serverUrl)
  if (url.hostname === 'github.com') return 'https://token.actions.githubusercontent.com'
  const tenant = /^([a-z0-9-]+)\.ghe\.com$/i.exec(url.hostname)
  if (tenant) return `https://token.actions.${tenant[1]?.toLowerCase()}.ghe.com`
  return `${url.origin}/_services/token`
}

/** Who must have signed, as the inputs, the CLI options and the policy's signed-by say it. */
export interface WantedSigner {
  /** `owner/name`. */
  readonly repository: string
  readonly workflow: string | null
  readonly sourceRef: string | null
  /** Null for GitHub's issuer on the server. */
  readonly issuer: string | null
  readonly denySelfHostedRunners: boolean
}

/** The identity policy a certificate is checked against, on the job's GitHub server. */
export function identityPolicy(wanted: WantedSigner, serverUrl: string): IdentityPolicy {
  return {
    repository: wanted.repository,
    ...(wanted.workflow === null ? {} : { workflow: wanted.workflow }),
    ...(wanted.sourceRef === null ? {} : { sourceRef: wanted.sourceRef }),
    issuer: wanted.issuer ?? defaultIssuer(serverUrl),
    denySelfHostedRunners: wanted.denySelfHostedRunners,
    serverUrl
  }
}
