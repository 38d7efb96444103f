import * as core from '../runner-io.js'
import * as path from 'node:path'
import { openLedger } from '../../app/ledger/open-ledger.js'
import { observeEnvironments } from '../../app/observe/observe-environments.js'
import { sealedContractSource } from '../../app/observe/sealed-contract.js'
import { DEFAULT_PROBE_LIMITS } from '../../app/observe/types.js'
import { loadPolicy } from '../../app/settings/load-policy.js'
import { ObserveInput, ObserveOutput } from '../../app/settings/names.js'
import {
  requesterFromEnv,
  runnerTempDir,
  workspaceDir
} from '../../app/settings/runner-environment.js'
import { type Env, apiUrlOf } from '../../core/env.js'
import { shortDigest } from '../../core/digest.js'
import {
  observedWhere,
  renderDriftIssue,
  renderObserveMarkdown
} from '../../report/observe-markdown.js'
import { reportFailure } from '../report-failure.js'
import { readObserveSettings } from './settings.js'

/**
 * The observe action: what each observed environment runs against what the ledger says is
 * live; the summary's table, one error annotation per drifted environment, a warning per one
 * that could not be observed, and the step fails on drift.
 */
export async function run(env: Env = process.env): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readObserveSettings((name) => core.getInput(name), workspace, env)
    const policy = loadPolicy(settings.policyFile, ObserveInput.Policy, workspace)
    const ledger = await openLedger(
      settings.ledger,
      {
        token: settings.token,
        ledgerInput: ObserveInput.Ledger,
        tokenInput: ObserveInput.GitHubToken,
        forWriting: settings.record,
        create: false
      },
      env
    )
    const report = await observeEnvironments(
      {
        policy,
        environments: settings.environments,
        environmentsInput: ObserveInput.Environments,
        record: settings.record,
        requester: requesterFromEnv(env),
        probe: { cwd: workspace, env, ...DEFAULT_PROBE_LIMITS },
        registryToken: settings.token,
        plainHttpRegistries: settings.plainHttp,
        sealedContract: sealedContractSource(settings.ledger, {
          env,
          baseDir: workspace,
          downloadsDir: path.join(runnerTempDir(env), 'artifact-seal', 'downloads'),
          token: settings.token,
          tokenInput: ObserveInput.GitHubToken,
          warn: (message) => core.warning(message)
        })
      },
      ledger
    )
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderObserveMarkdown(report)).write()
    core.setOutput(ObserveOutput.Drifted, String(report.drifted))
    core.setOutput(ObserveOutput.Report, JSON.stringify(report))
    for (const e of report.environments) {
      const where = observedWhere(e)
      if (e.verdict === 'drifted') {
        core.error(
          `${where} does not run what was promoted there (live ${e.expected === null ? 'nothing' : shortDigest(e.expected)}), since ${e.since ?? 'now'}: ${e.reason ?? ''}`,
          { title: `Drift in ${where}` }
        )
      } else if (e.verdict === 'unknown') {
        core.warning(`${where} could not be observed: ${e.reason ?? ''}`, {
          title: `${where} not observed`
        })
      } else {
        core.info(
          `${where} runs ${e.expected === null ? '' : shortDigest(e.expected)}, the live digest.`
        )
      }
    }
    // After the outputs and the summary: an issue that cannot be written still leaves the report.
    if (settings.issuesOf !== null) {
      // The GitHub client loads only when issues are asked for.
      const { GitHubIssues } = await import('../../stores/issues/github-issues.js')
      const { syncDriftIssues } = await import('../../app/observe/drift-issues.js')
      const issues = new GitHubIssues({
        token: settings.token,
        repository: settings.issuesOf,
        apiUrl: apiUrlOf(env),
        tokenInput: ObserveInput.GitHubToken
      })
      const runUrl = requesterFromEnv(env).runUrl
      for (const done of await syncDriftIssues(report, issues, (o) =>
        renderDriftIssue(o, runUrl)
      )) {
        core.info(`Issue #${done.issue} ${done.action} for ${observedWhere(done)}: ${done.url}`)
      }
    }
    const drifted = report.environments.filter((e) => e.verdict === 'drifted')
    if (drifted.length > 0) {
      core.setFailed(
        `Drift in ${drifted.map(observedWhere).join(', ')}: ${drifted.length === 1 ? 'it does' : 'they do'} ` +
          'not run what the ledger says was promoted. See the summary; fix it by ' +
          'deploying the live digest again, or accept it with "artifact-seal drift ' +
          'ack".'
      )
    }
  } catch (error) {
    reportFailure(error)
  }
}
