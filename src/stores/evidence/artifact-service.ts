import { DEFAULT_POLICY, classify } from '../../http/retry-policy.js'
import { retrying } from '../../http/retrying.js'
import { type Env, apiUrlOf } from '../../core/env.js'

/**
 * Asks where a workflow artifact's zip is stored (a signed URL), as @actions/artifact does,
 * and stops there: the bytes are fetched by signed-download.ts. @actions/artifact's own
 * download logs the file name storage's Content-Disposition header gives (text from outside,
 * which the runner reads as workflow commands) and writes the zip under that name.
 *
 * In this run: the results service's ListArtifacts (which job uploaded it), then
 * GetSignedArtifactURL. In another run: the REST API's `…/artifacts/{id}/zip`, whose 302
 * names the URL.
 */

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'

/** An answer that says why there is no URL; `status` as HTTP says it (404 gone, 410 expired, 401/403 refused). */
export class ArtifactServiceError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export interface ArtifactInRun {
  readonly id: number
  readonly name: string
}

export interface OtherRun {
  readonly token: string
  readonly repositoryOwner: string
  readonly repositoryName: string
}

/** The signed URL of the artifact's zip: a secret until it expires, never logged. */
export async function signedArtifactUrl(
  env: Env,
  artifact: ArtifactInRun,
  otherRun?: OtherRun
): Promise<string> {
  return otherRun === undefined
    ? signedUrlInThisRun(env, artifact)
    : signedUrlInOtherRun(env, artifact, otherRun)
}

async function signedUrlInThisRun(env: Env, artifact: ArtifactInRun): Promise<string> {
  const ids = backendIdsOf(env.ACTIONS_RUNTIME_TOKEN ?? '')
  const listed = (await twirp(env, 'ListArtifacts', {
    workflow_run_backend_id: ids.run,
    workflow_job_run_backend_id: ids.job,
    id_filter: String(artifact.id)
  })) as { artifacts?: unknown }
  const found = (Array.isArray(listed.artifacts) ? listed.artifacts : []) as Record<
    string,
    unknown
  >[]
  const match = found.find(
    (a) => String(a.database_id ?? a.databaseId) === String(artifact.id) && a.name === artifact.name
  )
  if (match === undefined) throw new ArtifactServiceError(404, 'the artifact is no longer listed')
  const answer = (await twirp(env, 'GetSignedArtifactURL', {
    workflow_run_backend_id: match.workflow_run_backend_id ?? match.workflowRunBackendId ?? ids.run,
    workflow_job_run_backend_id: match.workflow_job_run_backend_id ?? match.workflowJobRunBackendId,
    name: artifact.name
  })) as Record<string, unknown>
  const url = answer.signed_url ?? answer.signedUrl
  if (typeof url !== 'string' || url === '')
    throw new ArtifactServiceError(404, 'the results service gave no download URL')
  return url
}

async function signedUrlInOtherRun(
  env: Env,
  artifact: ArtifactInRun,
  run: OtherRun
): Promise<string> {
  const url = `${apiUrlOf(env)}/repos/${encodeURIComponent(run.repositoryOwner)}/${encodeURIComponent(run.repositoryName)}/actions/artifacts/${artifact.id}/zip`
  return retrying<string>(
    async (signal) => {
      let response: Response
      try {
        response = await fetch(url, {
          redirect: 'manual',
          signal,
          headers: {
            Authorization: `Bearer ${run.token}`,
            Accept: 'application/vnd.github+json',
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'artifact-seal'
          }
        })
      } catch (error) {
        // No answer (a dropped connection, an attempt's timeout): retried as the policy says.
        return { failure: classify(error) }
      }
      const text = await response.text()
      const location = response.headers.get('location')
      if (response.status === 302 && location) return { value: location }
      const detail = `${response.status}${messageIn(text)}`
      if (response.status >= 500)
        return { failure: { kind: 'server', status: response.status, detail } }
      throw new ArtifactServiceError(response.status, detail)
    },
    { policy: DEFAULT_POLICY, fail: (failure) => new Error(`GitHub answered ${failure.detail}`) }
  )
}

/** One twirp call to the results service: the JSON answer, a 404 as ArtifactServiceError, a 5xx retried. */
async function twirp(env: Env, method: string, body: object): Promise<unknown> {
  const base = env.ACTIONS_RESULTS_URL ?? ''
  const url = new URL(`/twirp/${ARTIFACT_SERVICE}/${method}`, base).href
  return retrying<unknown>(
    async (signal) => {
      let response: Response
      try {
        response = await fetch(url, {
          method: 'POST',
          signal,
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN ?? ''}`
          },
          body: JSON.stringify(body)
        })
      } catch (error) {
        return { failure: classify(error) }
      }
      const text = await response.text()
      if (response.ok) {
        try {
          return { value: JSON.parse(text) as unknown }
        } catch {
          throw new Error(`the results service answered ${method} with a body that is not JSON`)
        }
      }
      const detail = `${response.status}${messageIn(text)}`
      if (response.status >= 500 || response.status === 429)
        return { failure: { kind: 'server', status: response.status, detail } }
      throw new ArtifactServiceError(
        response.status,
        `the results service answered ${method} ${detail}`
      )
    },
    {
      policy: DEFAULT_POLICY,
      fail: (failure) => new Error(`the results service answered ${method} ${failure.detail}`)
    }
  )
}

/**
 * The run's and the job's backend ids, from the runtime token's `scp` claim
 * (`Actions.Results:<run>:<job>`), as @actions/artifact reads them.
 */
export function backendIdsOf(token: string): { run: string; job: string } {
  const payload = token.split('.')[1]
  let scopes = ''
  try {
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as {
      scp?: unknown
    }
    scopes = typeof claims.scp === 'string' ? claims.scp : ''
  } catch {
    // reported below
  }
  for (const scope of scopes.split(' ')) {
    const [kind, run, job, ...rest] = scope.split(':')
    if (kind === 'Actions.Results' && run && job && rest.length === 0) return { run, job }
  }
  throw new Error('the runner gave this step no ACTIONS_RUNTIME_TOKEN with the results scope')
}

function messageIn(text: string): string {
  try {
    const body = JSON.parse(text) as { msg?: unknown; message?: unknown }
    const message =
      typeof body.msg === 'string' ? body.msg : typeof body.message === 'string' ? body.message : ''
    return message ? ` ${message}` : ''
  } catch {
    return ''
  }
}
