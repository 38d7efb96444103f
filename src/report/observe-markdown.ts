import type { EnvironmentObservation, ObserveReport } from '../app/observe/types.js'
import { shortDigest } from '../core/digest.js'
import { code, plain } from './markdown.js'

/** How many contract changes the summary lists per environment; the rest are counted. */
const CHANGES_SHOWN = 30

const VERDICT_TEXT: Record<EnvironmentObservation['verdict'], string> = {
  matches: '✅ matches',
  drifted: '❌ drifted',
  unknown: '❔ unknown'
}

/** Where an environment is named in a table: with its service when it has one. */
export function observedWhere(o: Pick<EnvironmentObservation, 'environment' | 'service'>): string {
  return o.service === null ? o.environment : `${o.environment} (${o.service})`
}

/**
 * The observer's job summary: one row per environment (expected, observed, verdict, since),
 * then each contract drift's changes with their rule ids. Every value from outside (probe
 * answers, file names, contract text) is shown as inert text.
 */
export function renderObserveMarkdown(report: ObserveReport): string {
  const drifted = report.environments.filter((e) => e.verdict === 'drifted')
  const unknown = report.environments.filter((e) => e.verdict === 'unknown')
  const out: string[] = []
  out.push(
    `## ${
      drifted.length > 0
        ? `❌ Drift in ${drifted.map((e) => plain(observedWhere(e))).join(', ')}`
        : unknown.length > 0
          ? '❔ No drift seen, but not every ' + 'environment could be observed'
          : '✅ Every environment runs what was ' + 'promoted'
    }`,
    '',
    '| environment | expected (live) | observed | verdict | since | why |',
    '| --- | --- | --- | --- | --- | --- |'
  )
  for (const e of report.environments) {
    const expected = e.expected === null ? 'nothing live' : code(shortDigest(e.expected))
    const observed =
      e.observed === null
        ? ''
        : e.observed
            .split(' ')
            .map((d) => code(shortDigest(d)))
            .join(' ')
    out.push(
      `| ${plain(observedWhere(e))} | ${expected} | ${observed} | ${VERDICT_TEXT[e.verdict]} | ${e.since === null ? '' : plain(e.since)} | ${e.reason === null ? '' : plain(e.reason)} |`
    )
  }
  for (const e of report.environments.filter((x) => x.contractChanges.length > 0)) {
    out.push(
      '',
      `### Contract changes in ${plain(observedWhere(e))}`,
      '',
      '| severity | rule | where | change |',
      '| --- | --- | --- | --- |'
    )
    for (const c of e.contractChanges.slice(0, CHANGES_SHOWN))
      out.push(`| ${c.severity} | ${code(c.rule)} | ${plain(c.location)} | ${plain(c.message)} |`)
    if (e.contractChanges.length > CHANGES_SHOWN)
      out.push('', `and ${e.contractChanges.length - CHANGES_SHOWN} more changes.`)
  }
  return `${out.join('\n')}\n`
}

/** A drift issue's title, body and closing comment: every value from a probe shown as inert text. */
export function renderDriftIssue(
  o: EnvironmentObservation,
  runUrl: string | null
): { title: string; body: string; closing: string } {
  const where = observedWhere(o)
  const lines = [
    `**${plain(where)}** does not run what was promoted there.`,
    '',
    '| | |',
    '| --- | --- |',
    `| live (the ledger) | ${o.expected === null ? 'nothing' : code(o.expected)} |`,
    `| observed | ${o.observed === null ? 'unknown' : o.observed.split(' ').map(code).join(' ')} |`,
    `| since | ${o.since === null ? '' : plain(o.since)} |`,
    `| why | ${o.reason === null ? '' : plain(o.reason)} |`,
    ...(runUrl === null ? [] : [`| last observed by | ${plain(runUrl)} |`])
  ]
  if (o.contractChanges.length > 0) {
    lines.push('', '| severity | rule | where |', '| --- | --- | --- |')
    for (const c of o.contractChanges.slice(0, CHANGES_SHOWN))
      lines.push(`| ${c.severity} | ${code(c.rule)} | ${plain(c.location)} |`)
  }
  lines.push(
    '',
    'Deploy the live digest again (or promote a new one), or accept the drift with `artifact-seal drift ack`. ' +
      'This issue is closed when the environment matches again.'
  )
  return {
    title: `Drift in ${where}: it does not run its live digest`,
    body: lines.join('\n'),
    closing:
      `${plain(where)} runs its live digest ${o.expected === null ? '' : code(o.expected)} ` +
      `again${runUrl === null ? '' : ` (observed by ${plain(runUrl)})`}: the drift ` +
      'is over.'
  }
}
