import * as core from '../runner-io.js'
import { openLedger } from '../../app/ledger/open-ledger.js'
import { requesterFromEnv, workspaceDir } from '../../app/settings/runner-environment.js'
import { PromoteInput, PromoteState } from '../../app/settings/names.js'
import { reportFailure } from '../report-failure.js'
import { reportResolution } from './report-resolution.js'
import { readPromoteSettings } from './settings.js'
import { checkpointSigning } from '../../app/ledger/ledger-checkpoint.js'
import type { Env } from '../../core/env.js'

/**
 * The promote action's post step. The runner runs it after the job's last step only when
 * the job succeeded (`post-if: success()`), so the deployment the main step let in is
 * confirmed exactly when the steps that deployed it succeeded; a failed or cancelled job
 * leaves its record pending, and the next gate marks it abandoned.
 */
export async function post(env: Env = process.env): Promise<void> {
  try {
    const id = core.getState(PromoteState.Pending)
    if (id === '') return // nothing pending: a refusal, a dry run, a veto, or confirm: manual
    const settings = readPromoteSettings((name) => core.getInput(name), env, workspaceDir(env))
    const ledger = await openLedger(
      settings.ledger,
      {
        token: settings.token,
        ledgerInput: PromoteInput.Ledger,
        tokenInput: PromoteInput.GitHubToken,
        forWriting: true,
        signing: await checkpointSigning(settings.ledger, settings.signing, env)
      },
      env
    )
    const entry = await ledger.resolve({
      id,
      outcome: 'confirmed',
      reason: null,
      environment: settings.environment,
      ...requesterFromEnv(env)
    })
    await reportResolution(
      entry,
      'confirmed',
      ledger.location,
      env.GITHUB_STEP_SUMMARY !== undefined
    )
  } catch (error) {
    reportFailure(error)
  }
}
