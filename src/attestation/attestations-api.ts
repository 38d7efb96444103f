import { createHash } from 'node:crypto'
import { getOctokit } from '@actions/github'
import { type Digest, digestFromHex } from '../core/digest.js'
import { SealError, quote } from '../core/errors.js'
import { VERSION } from '../version.js'
import { type Env, apiUrlOf, serverUrlOf } from '../core/env.js'

/** A signed attestation found for a digest, to be verified. */
export interface AttestationCandidate {
  readonly bundle: unknown
  /** Where it came from, for messages and the record: the bundle's file or URL. */
  readonly source: string
  /** The sha256 of the bundle's bytes as read. */
  readonly digest: Digest
}

function sha256Of(text: string): Digest {
  return digestFromHex(createHash('sha256').update(text).digest('hex'))
}

export interface AttestationsApiOptions {
  readonly env: Env
  readonly token: string
  /** Names the token's input in messages. */
  readonly tokenInput: string
  /** Attempts per request; 5xx and connection errors are tried again. */
  readonly attempts?: number
}

/** An attestation the repository's attestations API stored: its id and its page. */
export interface StoredAttestation {
  readonly id: number
  readonly url: string
}

/** The most a digest's listing is read: one page of the API's largest size. */
const PAGE_SIZE = 100

function repositoryOf(env: Env): { owner: string; repo: string; server: string; apiUrl: string } {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) throw new Error('unreachable: the attestations API is used only on a runner, with GITHUB_REPOSITORY set')
  return {
    owner,
    repo,
    server: serverUrlOf(env),
    apiUrl: apiUrlOf(env)
  }
}

/**
 * Stores a Sigstore bundle with `POST /repos/{owner}/{repo}/attestations`, so it shows on
 * the repository's Attestations page and `gh attestation verify` finds it by digest.
 */
export async function storeAttestation(bundle: object, options: AttestationsApiOptions): Promise<StoredAttestation> {
  const { owner, repo, server, apiUrl } = repositoryOf(options.env)
  const octokit = getOctokit(options.token, { baseUrl: apiUrl, userAgent: `artifact-seal/${VERSION}` })
  const response = await withRetries(options, 'POST', `/repos/${owner}/${repo}/attestations`, 'write', () =>
    octokit.request('POST /repos/{owner}/{repo}/attestations', { owner, repo, bundle: bundle as never })
  )
  const id = (response.data as { id?: unknown }).id
  if (typeof id !== 'number') {
    throw new SealError('unavailable', `The attestations API of ${owner}/${repo} (${apiUrl}) answered the POST without an attestation id, so the signature was not stored. Re-run the job.`)
  }
  return { id, url: `${server}/${owner}/${repo}/attestations/${id}` }
}

/**
 * The repository's attestations for a digest (`GET /repos/{owner}/{repo}/attestations/{digest}`),
 * one request of up to 100, newest first. A 404 means none. Each entry carries its bundle
 * inline; one without (a newer API shape) is read from its `bundle_url`.
 */
export async function listAttestations(digest: Digest, options: AttestationsApiOptions): Promise<AttestationCandidate[]> {
  const { owner, repo, apiUrl } = repositoryOf(options.env)
  const octokit = getOctokit(options.token, { baseUrl: apiUrl, userAgent: `artifact-seal/${VERSION}` })
  const route = `/repos/${owner}/${repo}/attestations/${digest}`
  let response
  try {
    response = await withRetries(options, 'GET', route, 'read', () =>
      octokit.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', { owner, repo, subject_digest: digest, per_page: PAGE_SIZE })
    )
  } catch (error) {
    if ((error as { status?: number }).status === 404) return []
    throw error
  }
  const listed = (response.data as { attestations?: unknown }).attestations
  if (!Array.isArray(listed)) throw new SealError('unavailable', `The attestations API answered GET ${route} (${apiUrl}) without an attestations list. Re-run the job.`)
  const candidates: AttestationCandidate[] = []
  for (const [i, entry] of listed.entries()) {
    const e = entry as { bundle?: unknown; bundle_url?: unknown } | null
    const source = `the attestation ${i + 1} of ${listed.length} for ${digest} in ${owner}/${repo}`
    if (e?.bundle !== null && e?.bundle !== undefined) {
      candidates.push({ bundle: e.bundle, source, digest: sha256Of(JSON.stringify(e.bundle)) })
    } else if (typeof e?.bundle_url === 'string') {
      const text = await fetchBundle(e.bundle_url)
      candidates.push({ bundle: parseOrMark(text), source, digest: sha256Of(text) })
    }
  }
  return candidates
}

async function fetchBundle(url: string): Promise<string> {
  let response: globalThis.Response
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
  } catch (error) {
    throw new SealError('unavailable', `cannot fetch the attestation bundle ${quote(url)} (${(error as Error).message}). Check that the job can reach it, and re-run.`, { cause: error })
  }
  if (!response.ok) throw new SealError('unavailable', `fetching the attestation bundle ${quote(url)} answered ${response.status}. Re-run the job; if it persists, the attestation is gone.`)
  return response.text()
}

/** A bundle that is not JSON is checked like any other and refused as one that does not verify. */
function parseOrMark(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { notJson: true }
  }
}

async function withRetries<T>(options: AttestationsApiOptions, method: string, route: string, access: 'read' | 'write', request: () => Promise<T>): Promise<T> {
  const attempts = options.attempts ?? 3
  const apiUrl = apiUrlOf(options.env)
  for (let attempt = 1; ; attempt++) {
    try {
      return await request()
    } catch (error) {
      const status = (error as { status?: number }).status
      const message = (error as { message?: string }).message ?? String(error)
      if (status === 404 && method === 'GET') throw error
      if (status === 401 || status === 403) {
        throw new SealError('denied', 
          `${options.tokenInput}: ${method} ${route} (${apiUrl}) answered ${status} (${message}). Grant the job "permissions: attestations: ${access}"` +
            `${access === 'write' ? ' (with "id-token: write" for keyless signing)' : ''}, and give a token that has it.`
        )
      }
      if (status === 422) throw new SealError('refused', `GitHub refused the attestation: ${method} ${route} answered 422 (${message}). The bundle was not stored; re-run the job, or sign with sign: none to seal unsigned.`)
      const retryable = status === undefined || status >= 500 || status === 429
      if (!retryable || attempt >= attempts) {
        throw new SealError('unavailable', `${method} ${route} (${apiUrl}) failed${status ? ` with ${status}` : ''}: ${message}. Check that the job can reach the GitHub API, and re-run it.`)
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)))
    }
  }
}
