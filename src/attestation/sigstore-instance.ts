import * as fs from 'node:fs'
import { SealError, quote } from '../core/errors.js'

/**
 * Which Sigstore instance signs, chosen as `actions/attest` chooses it (toolkit
 * `packages/attest/src/endpoints.ts`): a public repository signs on the public-good
 * instance, so its certificate and signature land in the public Rekor log; a private or
 * internal one on GitHub's instance (Fulcio + RFC 3161 timestamp authority, no public log),
 * whose hosts follow the server: `fulcio.githubapp.com` / `timestamp.githubapp.com` for
 * github.com, `fulcio.<tenant>.ghe.com` / `timestamp.<tenant>.ghe.com` for GHE.com.
 * ARTIFACT_SEAL_FULCIO_URL, ARTIFACT_SEAL_REKOR_URL and ARTIFACT_SEAL_TSA_URL replace single endpoints (GHE.com,
 * a private instance, tests).
 */

export const PUBLIC_GOOD_FULCIO_URL = 'https://fulcio.sigstore.dev'
export const PUBLIC_GOOD_REKOR_URL = 'https://rekor.sigstore.dev'

export type SigstoreInstanceName = 'public-good' | 'github'

export interface SigstoreInstance {
  readonly name: SigstoreInstanceName
  readonly fulcioUrl: string
  /** Public-good: the signature is logged in Rekor, whose entry is the trusted timestamp. */
  readonly rekorUrl?: string
  /** GitHub's instance: the trusted timestamp comes from its timestamp authority. */
  readonly tsaUrl?: string
}

export interface InstanceChoice {
  /** `repository.visibility` of the event payload (`public`, `private`, `internal`), when known. */
  readonly visibility?: string | null
  /** An explicit choice; wins over the visibility. */
  readonly instance?: SigstoreInstanceName | null
  /** GITHUB_SERVER_URL; `https://github.com` when absent. */
  readonly serverUrl?: string | null
  readonly fulcioUrl?: string | null
  readonly rekorUrl?: string | null
  readonly tsaUrl?: string | null
}

const given = (value: string | null | undefined): string | undefined =>
  value === undefined || value === null || value.trim() === ''
    ? undefined
    : value.trim().replace(/\/+$/, '')

/** GitHub's instance for a server: its Fulcio and timestamp authority. */
export function githubInstanceEndpoints(serverUrl: string): { fulcioUrl: string; tsaUrl: string } {
  let host: string
  try {
    host = new URL(serverUrl).hostname
  } catch {
    // Falling back to the public instance would publish a private build's identity.
    throw new SealError(
      'bad-input',
      `GITHUB_SERVER_URL ${quote(serverUrl)} is not a URL, so GitHub's Sigstore endpoints cannot be found. Run ` +
        'on a GitHub runner, or set ARTIFACT_SEAL_FULCIO_URL and ' +
        'ARTIFACT_SEAL_TSA_URL.'
    )
  }
  const domain = host === 'github.com' ? 'githubapp.com' : host
  return { fulcioUrl: `https://fulcio.${domain}`, tsaUrl: `https://timestamp.${domain}` }
}

/** The endpoints that sign; a pure function of what the caller read from the runner and the inputs. */
export function chooseSigstoreInstance(choice: InstanceChoice): SigstoreInstance {
  const name: SigstoreInstanceName =
    choice.instance ?? (choice.visibility === 'public' ? 'public-good' : 'github')
  const base: SigstoreInstance =
    name === 'public-good'
      ? { name, fulcioUrl: PUBLIC_GOOD_FULCIO_URL, rekorUrl: PUBLIC_GOOD_REKOR_URL }
      : { name, ...githubInstanceEndpoints(given(choice.serverUrl) ?? 'https://github.com') }
  const fulcioUrl = given(choice.fulcioUrl) ?? base.fulcioUrl
  const rekorUrl = given(choice.rekorUrl) ?? base.rekorUrl
  const tsaUrl = given(choice.tsaUrl) ?? base.tsaUrl
  return {
    name,
    fulcioUrl,
    ...(rekorUrl === undefined ? {} : { rekorUrl }),
    ...(tsaUrl === undefined ? {} : { tsaUrl })
  }
}

/** `repository.visibility` from an event payload, if it has one. */
export function visibilityOf(payload: unknown): string | undefined {
  const repository = (payload as { repository?: { visibility?: unknown } } | null)?.repository
  return typeof repository?.visibility === 'string' ? repository.visibility : undefined
}

/**
 * The visibility from the event payload file the runner writes (GITHUB_EVENT_PATH). A missing
 * or unreadable file means unknown, which signs on GitHub's instance: the private choice.
 */
export function readEventVisibility(eventPath: string | undefined): string | undefined {
  if (eventPath === undefined || eventPath === '') return undefined
  try {
    return visibilityOf(JSON.parse(fs.readFileSync(eventPath, 'utf8')))
  } catch {
    return undefined
  }
}
