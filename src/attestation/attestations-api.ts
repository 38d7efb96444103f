import { type Digest, digestFromHex, sha256Digest } from '../core/digest.js'
import { type Env, apiUrlOf, serverUrlOf } from '../core/env.js'
import { SealError, isSealError, quote } from '../core/errors.js'
import { type Clock, SYSTEM_CLOCK } from '../http/clock.js'
import { type GitHubClient, type GitHubResponse, gitHubClient } from '../http/github.js'
import { textWithin } from '../http/bounded-response.js'
import { DEFAULT_POLICY, type Failure, type HttpPolicy } from '../http/retry-policy.js'
import { retrying } from '../http/retrying.js'

/** A signed attestation found for a digest, to be verified. */
export interface AttestationCandidate {
  readonly bundle: unknown
  /** Where it came from, for messages and the record: the bundle's file or URL. */
  readonly source: string
  /**
   * The sha256 of the bundle's bytes as read; of its `bundle_url` for one over
   * BUNDLE_MAX_BYTES, which is not read and cannot verify.
   */
  readonly digest: Digest
}

export interface AttestationsApiOptions {
  readonly env: Env
  readonly token: string
  /** Names the token's input in messages. */
  readonly tokenInput: string
  /** The HTTP policy (the project's one by default). */
  readonly policy?: Partial<HttpPolicy>
  /** The HTTP layer's clock, or the parts a test decides (waits, timeouts). */
  readonly clock?: Partial<Clock>
}

/**
 * An attestation the repository's attestations API stored: its page, and its id when the API
 * said it. A store whose answer was lost, found stored by its signature, has no id: its page
 * is the API's list of the digest's attestations.
 */
export interface StoredAttestation {
  readonly id: number | null
  readonly url: string
}

/** The most a digest's listing is read: one page of the API's largest size. */
const PAGE_SIZE = 100

interface Repository {
  readonly owner: string
  readonly repo: string
  readonly server: string
  readonly apiUrl: string
}

function repositoryOf(env: Env): Repository {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo)
    throw new Error(
      'unreachable: the attestations API is used only on a runner, with GITHUB_REPOSITORY set'
    )
  return { owner, repo, server: serverUrlOf(env), apiUrl: apiUrlOf(env) }
}

function clientOf(at: Repository, options: AttestationsApiOptions): GitHubClient {
  return gitHubClient({
    token: options.token,
    apiUrl: at.apiUrl,
    policy: { ...DEFAULT_POLICY, ...options.policy },
    clock: { ...SYSTEM_CLOCK, ...options.clock },
    fail: (request, failure, attempts) =>
      requestFailed(at, options.tokenInput, `${request.method} ${request.path}`, failure, attempts)
  })
}

/**
 * Stores a Sigstore bundle with `POST /repos/{owner}/{repo}/attestations`, so it shows on
 * the repository's Attestations page and `gh attestation verify` finds it by digest. Stored
 * once: when an attempt's answer is lost after GitHub may have stored it, the repository's
 * attestations for the statement's digest are read first, and one with this bundle's
 * signature is the answer instead of a second copy.
 */
export async function storeAttestation(
  bundle: object,
  options: AttestationsApiOptions
): Promise<StoredAttestation> {
  const at = repositoryOf(options.env)
  const { owner, repo, server, apiUrl } = at
  const octokit = clientOf(at, options)
  const subject = subjectDigestOf(bundle)
  const signature = signatureOf(bundle)
  const digestPage =
    subject === null ? null : `${apiUrl}/repos/${owner}/${repo}/attestations/${subject}`
  const recover = async (): Promise<GitHubResponse | undefined> => {
    if (subject === null || signature === null) return undefined
    const stored = await listAttestations(subject, options)
    if (!stored.some((candidate) => signatureOf(candidate.bundle) === signature)) return undefined
    return { status: 201, url: digestPage as string, headers: {}, data: { found: true } }
  }
  const response = await octokit.writeOnce(
    () =>
      octokit.request('POST /repos/{owner}/{repo}/attestations', {
        owner,
        repo,
        bundle: bundle as never
      }),
    recover
  )
  if ((response.data as { found?: unknown }).found === true)
    return { id: null, url: digestPage as string }
  const id = (response.data as { id?: unknown }).id
  if (typeof id !== 'number') {
    throw new SealError(
      'unavailable',
      `The attestations API of ${owner}/${repo} (${apiUrl}) answered the POST without an attestation id, so ` +
        'the signature was not stored. Re-run the job.'
    )
  }
  return { id, url: `${server}/${owner}/${repo}/attestations/${id}` }
}

/**
 * The repository's attestations for a digest (`GET /repos/{owner}/{repo}/attestations/{digest}`),
 * one request of up to 100, newest first. A 404 means none. Each entry carries its bundle
 * inline; one without (a newer API shape) is read from its `bundle_url`.
 */
export async function listAttestations(
  digest: Digest,
  options: AttestationsApiOptions
): Promise<AttestationCandidate[]> {
  const at = repositoryOf(options.env)
  const { owner, repo, apiUrl } = at
  const octokit = clientOf(at, options)
  const route = `/repos/${owner}/${repo}/attestations/${digest}`
  let response
  try {
    response = await octokit.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
      owner,
      repo,
      subject_digest: digest,
      per_page: PAGE_SIZE
    })
  } catch (error) {
    if (isSealError(error, 'unreadable')) return []
    throw error
  }
  const listed = (response.data as { attestations?: unknown }).attestations
  if (!Array.isArray(listed))
    throw new SealError(
      'unavailable',
      `The attestations API answered GET ${route} (${apiUrl}) without an attestations list. Re-run the job.`
    )
  const candidates: AttestationCandidate[] = []
  for (const [i, entry] of listed.entries()) {
    const e = entry as { bundle?: unknown; bundle_url?: unknown } | null
    const source = `the attestation ${i + 1} of ${listed.length} for ${digest} in ${owner}/${repo}`
    if (e?.bundle !== null && e?.bundle !== undefined) {
      candidates.push({ bundle: e.bundle, source, digest: sha256Digest(JSON.stringify(e.bundle)) })
    } else if (typeof e?.bundle_url === 'string') {
      const text = await fetchBundle(e.bundle_url, options)
      candidates.push(
        text === null
          ? // Checked like any other, and refused as one that does not verify.
            { bundle: { over: BUNDLE_MAX_BYTES }, source, digest: sha256Digest(e.bundle_url) }
          : { bundle: parseOrMark(text), source, digest: sha256Digest(text) }
      )
    }
  }
  return candidates
}

/** A signed bundle is a few kB; the registry's referrers are read up to the same bound. */
const BUNDLE_MAX_BYTES = 16 * 1024 * 1024

/**
 * A bundle by its `bundle_url`: a signed storage URL, fetched without the token, under the
 * same policy; null when it is over BUNDLE_MAX_BYTES.
 */
async function fetchBundle(url: string, options: AttestationsApiOptions): Promise<string | null> {
  return retrying<string | null>(
    async (signal) => {
      let response: globalThis.Response
      try {
        response = await fetch(url, { signal })
      } catch (error) {
        return { failure: { kind: 'network', detail: (error as Error).message } }
      }
      if (!response.ok)
        return {
          failure:
            response.status >= 500 || response.status === 408
              ? { kind: 'server', status: response.status, detail: String(response.status) }
              : { kind: 'client', status: response.status, detail: String(response.status) }
        }
      return { value: await textWithin(response, BUNDLE_MAX_BYTES) }
    },
    {
      policy: { ...DEFAULT_POLICY, ...options.policy },
      clock: { ...SYSTEM_CLOCK, ...options.clock },
      fail: (failure) =>
        failure.kind === 'network'
          ? new SealError(
              'unavailable',
              `cannot fetch the attestation bundle ${quote(url)} (${failure.detail}). Check that the job can ` +
                'reach it, and re-run.'
            )
          : new SealError(
              failure.kind === 'client' ? 'unreadable' : 'unavailable',
              `fetching the attestation bundle ${quote(url)} answered ${failure.detail}. Re-run the job; if it ` +
                'persists, the attestation is gone.'
            )
    }
  )
}

/** A bundle that is not JSON is checked like any other and refused as one that does not verify. */
function parseOrMark(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { notJson: true }
  }
}

/** The sha256 of the first subject of the statement a DSSE bundle signs; null when it names none. */
function subjectDigestOf(bundle: unknown): Digest | null {
  const payload = (bundle as { dsseEnvelope?: { payload?: unknown } } | null)?.dsseEnvelope?.payload
  if (typeof payload !== 'string') return null
  try {
    const statement = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      subject?: { digest?: { sha256?: unknown } }[]
    }
    const hex = statement.subject?.[0]?.digest?.sha256
    return typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex) ? digestFromHex(hex) : null
  } catch {
    return null
  }
}

/** The bundle's DSSE signature: made once per signing, so two bundles with it are the same attestation. */
function signatureOf(bundle: unknown): string | null {
  const sig = (bundle as { dsseEnvelope?: { signatures?: { sig?: unknown }[] } } | null)
    ?.dsseEnvelope?.signatures?.[0]?.sig
  return typeof sig === 'string' && sig !== '' ? sig : null
}

/** The error a request to the attestations API ends with. */
function requestFailed(
  at: Repository,
  tokenInput: string,
  request: string,
  failure: Failure,
  attempts: number
): SealError {
  const write = request.startsWith('POST')
  const access = write ? 'write' : 'read'
  if (
    failure.kind === 'bad-credentials' ||
    failure.kind === 'forbidden' ||
    (failure.kind === 'client' && failure.status === 403)
  ) {
    return new SealError(
      'denied',
      `${tokenInput}: ${request} (${at.apiUrl}) answered ${failure.detail}. Grant the job "permissions: ` +
        `attestations: ${access}"` +
        `${write ? ' (with "id-token: write" for keyless signing)' : ''}, and give a token that has it.`
    )
  }
  if (failure.kind === 'client' && failure.status === 404 && !write)
    return new SealError('unreadable', `${request} (${at.apiUrl}) found no attestation.`)
  if (failure.kind === 'client' && failure.status === 422) {
    return new SealError(
      'refused',
      `GitHub refused the attestation: ${request} answered 422 (${failure.detail}). The bundle was not stored; ` +
        're-run the job, or sign with sign: none to seal unsigned.'
    )
  }
  return new SealError(
    failure.kind === 'client' ? 'refused' : 'unavailable',
    `${request} (${at.apiUrl}) failed${attempts > 1 ? ` ${attempts} times` : ''}: ${failure.detail}. Check ` +
      'that the job can reach the GitHub API, and re-run it.'
  )
}
