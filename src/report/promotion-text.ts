import type { EnvironmentStatus } from '../app/pipeline-status.js'
import type { LedgerEntry } from '../core/promotion/record.js'
import { type PromotionReport, headline } from './promotion-report.js'

/** A promotion for a terminal: what happened, each rule, and what every environment runs. */
export function renderPromotionText(report: PromotionReport): string {
  const { decision, record, previous } = report.result
  const lines = [`${decision.allowed ? (report.dryRun ? 'ALLOWED' : 'PENDING') : 'REFUSED'}  ${headline(report)}`]
  if (decision.digest) lines.push(`  digest    ${decision.digest}`)
  if (previous) {
    const replaced = decision.allowed && previous.digest !== decision.digest && !report.dryRun
    lines.push(`  ${replaced ? 'replaces' : 'runs now'}  ${previous.digest} (live since ${previous.from})`)
  }
  for (const c of decision.checks) lines.push(`  ${c.passed ? '✓' : '✗'} ${c.rule.padEnd(12)} ${c.environment}: ${c.detail}`)
  if (record) lines.push(`  recorded  ${report.ledger} #${record.id}`)
  lines.push('', ...renderStatusText(report.status))
  return `${lines.join('\n')}\n`
}

/** What each environment runs now. */
export function renderStatusText(status: readonly EnvironmentStatus[]): string[] {
  const width = Math.max(11, ...status.map((s) => s.environment.length))
  const lines = [`${'environment'.padEnd(width)}  runs now${' '.repeat(64)}since`]
  for (const s of status) {
    const runs = s.error ? `unknown: ${s.error}` : s.live ? `${s.live.digest}  ${s.live.from}` : '-'
    lines.push(`${s.environment.padEnd(width)}  ${runs}`)
    for (const p of s.pending) lines.push(`${''.padEnd(width)}  pending: ${p.digest} (record ${p.id}, let in ${p.time}, not confirmed)`)
  }
  return lines
}

/** Records, one per line, newest first: who ran what since when. */
export function renderHistoryText(entries: readonly LedgerEntry[]): string {
  if (entries.length === 0) return 'No records.\n'
  const lines = entries.map((e) => {
    const who = [e.actor, e.runUrl].filter(Boolean).join(' ')
    const why = e.reason ? `  (${e.reason})` : ''
    return `#${e.id.padEnd(4)} ${e.time}  ${e.environment.padEnd(12)} ${e.outcome.padEnd(11)} ${e.digest}${e.name ? ` ${e.name}` : ''}${who ? `  by ${who}` : ''}${why}`
  })
  return `${lines.join('\n')}\n`
}
