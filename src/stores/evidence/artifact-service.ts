import { gitHubClient } from '../../http/github.js'
import { DEFAULT_POLICY } from '../../http/retry-policy.js'
import { ServiceAnswerError, callService, endedBy } from '../../http/service-call.js'
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
  if (match === undefined) throw new ServiceAnswerError(404, 'the artifact is no longer listed')
  const answer = (await twirp(env, 'GetSignedArtifactURL', {
    workflow_run_backend_id: match.workflow_run_backend_id ?? match.workflowRunBackendId ?? ids.run,
    workflow_job_run_backend_id: match.workflow_job_run_backend_id ?? match.workflowJobRunBackendId,
    name: artifact.name
  })) as Record<string, unknown>
  const url = answer.signed_url ?? answer.signedUrl
  if (typeof url !== 'string' || url === '')
    throw new ServiceAnswerError(404, 'the results service gave no download URL')
  return url
}

async function signedUrlInOtherRun(
  env: Env,
  artifact: ArtifactInRun,
  run: OtherRun
): Promise<string> {
  const client = gitHubClient({
    token: run.token,
    apiUrl: apiUrlOf(env),
    policy: DEFAULT_POLICY,
    fail: (request, failure) =>
      endedBy(failure, { service: 'GitHub', call: `${request.method} ${request.path}` })
  })
  // The 302 is the answer: following it would fetch the zip here, outside signed-download.ts.
  const response = await client.request(
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    {
      owner: run.repositoryOwner,
      repo: run.repositoryName,
      artifact_id: artifact.id,
      archive_format: 'zip',
      request: { redirect: 'manual' }
    }
  )
  const location = (response.headers as Record<string, unknown>).location
  if (response.status === 302 && typeof location === 'string' && location !== '') return location
  throw new ServiceAnswerError(
    response.status,
    `GitHub answered ${response.status} where the artifact's download URL was expected`
  )
}

/** One Twirp call to the results service: the JSON answer, or a ServiceAnswerError with its status. */
async function twirp(env: Env, method: string, body: object): Promise<unknown> {
  const url = new URL(`/twirp/${ARTIFACT_SERVICE}/${method}`, env.ACTIONS_RESULTS_URL ?? '').href
  return callService(
    url,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN ?? ''}`
      },
      body: JSON.stringify(body)
    },
    { service: 'the results service', call: method, policy: DEFAULT_POLICY }
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
