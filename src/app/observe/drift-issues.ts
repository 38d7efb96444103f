import type { GitHubIssues, TrackedIssue } from '../../stores/issues/github-issues.js'
import type { EnvironmentObservation, ObserveReport } from './types.js'

/** The label every drift issue carries: how the observer finds its own issues again. */
export const DRIFT_LABEL = 'artifact-seal-drift'

/** What the observer did to an environment's issue. */
export interface IssueAction {
  readonly environment: string
  readonly service: string | null
  readonly issue: number
  readonly url: string
  readonly action: 'opened' | 'updated' | 'closed'
}

/** How an issue reads: made by the caller (report/), so text from probes is inert there. */
export interface DriftIssueText {
  readonly title: string
  readonly body: string
  /** The comment that closes it. */
  readonly closing: string
}

/**
 * The line in an issue's body that says which environment and service it is about: one open
 * issue per drift, found again by it, never a second one while the first is open.
 */
export function driftMarker(o: Pick<EnvironmentObservation, 'environment' | 'service'>): string {
  return `<!-- artifact-seal drift ${JSON.stringify([o.environment, o.service]).replace(/--/g, '-\\u002d')} -->`
}

/**
 * One issue per drifted environment: opened at the first drift, its body brought up to date
 * while the drift lasts, closed with a comment when the environment matches again. An
 * environment that could not be observed leaves its issue as it is (unknown is no recovery).
 */
export async function syncDriftIssues(
  report: ObserveReport,
  issues: GitHubIssues,
  text: (o: EnvironmentObservation) => DriftIssueText
): Promise<IssueAction[]> {
  const open = await issues.open(DRIFT_LABEL)
  const done: IssueAction[] = []
  for (const o of report.environments) {
    const marker = driftMarker(o)
    const existing: TrackedIssue | undefined = open.find((i) => i.body.includes(marker))
    const act = (issue: TrackedIssue, action: IssueAction['action']): void =>
      void done.push({
        environment: o.environment,
        service: o.service,
        issue: issue.number,
        url: issue.url,
        action
      })
    if (o.verdict === 'drifted') {
      const { title, body } = text(o)
      const full = `${marker}\n${body}`
      if (existing === undefined) {
        const made = await issues.create(title, full, DRIFT_LABEL, marker)
        // No lock spans the look and the create: another run may have opened the same drift's
        // issue meanwhile. The oldest open one stays; a newer one closes itself, naming it.
        const first = (await issues.open(DRIFT_LABEL))
          .filter((i) => i.body.includes(marker))
          .sort((a, b) => a.number - b.number)[0]
        if (first !== undefined && first.number < made.number) {
          await issues.comment(
            made.number,
            `Opened at the same time as #${first.number}, which tracks this drift.`
          )
          await issues.update(made.number, { state: 'closed', reason: 'not_planned' })
        } else {
          act(made, 'opened')
        }
      } else if (existing.body !== full)
        act(await issues.update(existing.number, { body: full }), 'updated')
    } else if (o.verdict === 'matches' && existing !== undefined) {
      await issues.comment(existing.number, text(o).closing)
      act(await issues.update(existing.number, { state: 'closed' }), 'closed')
    }
  }
  return done
}
