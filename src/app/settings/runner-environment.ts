import * as os from 'node:os'
import * as path from 'node:path'
import type { BuildContext } from '../../core/statement.js'
import { VERSION } from '../../version.js'
import { type Env, serverUrlOf } from '../../core/env.js'

/**
 * The build as the runner describes it in its environment. Outside GitHub Actions (or
 * when the runner leaves out the workflow's identity) the seal says it was made locally.
 */
export function buildContextFromEnv(env: Env, now: Date = new Date()): BuildContext {
  const { GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID } = env
  if (env.GITHUB_ACTIONS === 'true' && GITHUB_REPOSITORY && GITHUB_SHA && GITHUB_RUN_ID) {
    return {
      kind: 'workflow',
      build: {
        serverUrl: serverUrlOf(env),
        repository: GITHUB_REPOSITORY,
        repositoryId: env.GITHUB_REPOSITORY_ID ?? '',
        repositoryOwnerId: env.GITHUB_REPOSITORY_OWNER_ID ?? '',
        sha: GITHUB_SHA,
        ref: env.GITHUB_REF ?? '',
        workflowRef:
          env.GITHUB_WORKFLOW_REF ?? `${GITHUB_REPOSITORY}/${env.GITHUB_WORKFLOW ?? 'workflow'}`,
        eventName: env.GITHUB_EVENT_NAME ?? '',
        runId: GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
        runnerEnvironment: env.RUNNER_ENVIRONMENT || 'unknown'
      }
    }
  }
  return {
    kind: 'local',
    build: {
      tool: `pkg:npm/artifact-seal@${VERSION}`,
      host: os.hostname(),
      startedOn: now.toISOString()
    }
  }
}

/** The name to fall back on when the subject suggests none: the repository's, else the directory's. */
export function fallbackName(env: Env, baseDir: string): string {
  const repository = env.GITHUB_REPOSITORY?.split('/')[1]
  return repository || path.basename(path.resolve(baseDir)) || 'artifact'
}

export function workspaceDir(env: Env): string {
  return env.GITHUB_WORKSPACE || process.cwd()
}

export function runnerTempDir(env: Env): string {
  return env.RUNNER_TEMP || os.tmpdir()
}

/** Who is promoting: the workflow run and actor on a runner, the local user elsewhere. */
export function requesterFromEnv(env: Env): { runUrl: string | null; actor: string | null } {
  const { GITHUB_REPOSITORY, GITHUB_RUN_ID } = env
  const runUrl =
    env.GITHUB_ACTIONS === 'true' && GITHUB_REPOSITORY && GITHUB_RUN_ID
      ? `${serverUrlOf(env)}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
      : null
  let actor = env.GITHUB_ACTOR || null
  if (actor === null && env.GITHUB_ACTIONS !== 'true') {
    try {
      actor = os.userInfo().username
    } catch {
      actor = null
    }
  }
  return { runUrl, actor }
}
