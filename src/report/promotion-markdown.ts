import { changesByOperation } from '../core/contract/amendment.js'
import type { Severity } from '../core/contract/change.js'
import { upstreamOf } from '../core/promotion/policy.js'
import { type AttestationRef, type LedgerEntry, makesLive } from '../core/promotion/record.js'
import { shortDigest } from '../core/digest.js'
import { cell, code } from './markdown.js'
import { CHANGES_SHOWN, type ContractOutcome, type PromotionReport, contractLabel, contractOutcome, headline, resolutionHeadline, severityCounts } from './promotion-report.js'
import { signerRows } from './signer-markdown.js'

/** A service as a summary names it; the default one is the records without a name. */
const serviceLabel = (service: string | null): string => service ?? '(unnamed)'

/** Mermaid needs plain ids; labels go in quotes with their own quotes escaped. */
const label = (text: string): string => text.replace(/"/g, '#quot;')

/**
 * The promotion as people would rather see it: the pipeline as a diagram (GitHub renders
 * mermaid in job summaries) with what each environment runs and where this digest is,
 * then the rules checked, then where the digest came from.
 */
export function renderPromotionMarkdown(report: PromotionReport): string {
  const { result, policy, status } = report
  const { decision } = result
  const out: string[] = []
  out.push(`### ${decision.allowed ? '🚀' : '⛔'} ${cell(headline(report))}`, '')

  // One node per environment; with several services, a line for each.
  const environments = [...new Set(status.map((s) => s.environment))]
  const ids = new Map(environments.map((environment, i) => [environment, `env${i}`]))
  const several = new Set(status.map((s) => s.service)).size > 1
  out.push('```mermaid', 'flowchart LR')
  for (const environment of environments) {
    const mark = environment === decision.environment ? (decision.allowed ? ' ✅' : ' ⛔') : ''
    const lines = status
      .filter((s) => s.environment === environment)
      .map((s) => {
        const runs = s.error ? 'unknown' : s.live ? shortDigest(s.live.digest) : 'nothing yet'
        const contract = s.contract ? `<br/>${label(`contract ${s.contract.version}`)}` : ''
        const pending = s.pending.map((p) => `<br/>${label(`pending ${shortDigest(p.digest)}${p.contract ? ` (contract ${p.contract.version})` : ''}`)}`).join('')
        return `<br/>${label(several ? `${serviceLabel(s.service)}: ${runs}` : runs)}${contract}${pending}`
      })
    out.push(`  ${ids.get(environment)}["${label(`${environment}${mark}`)}${lines.join('')}"]`)
  }
  for (const env of policy.environments) {
    for (const upstream of upstreamOf(env)) {
      const arrow = env.requires.includes(upstream) ? '-->' : '-.->'
      const soak = env.soakText ? `|soak ${label(env.soakText)}|` : ''
      out.push(`  ${ids.get(upstream)} ${arrow}${soak} ${ids.get(env.name)}`)
    }
  }
  out.push('  classDef here fill:#dafbe1,stroke:#1a7f37', '  classDef refused fill:#ffebe9,stroke:#cf222e')
  const here = [...new Set(status.filter((s) => s.live?.digest === decision.digest).map((s) => ids.get(s.environment)))]
  if (here.length > 0) out.push(`  class ${here.join(',')} here`)
  if (!decision.allowed) out.push(`  class ${ids.get(decision.environment)} refused`)
  out.push('```', '')

  out.push(several ? '| Environment | Service | Runs now | Since | Contract |' : '| Environment | Runs now | Since | Contract |', several ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |')
  for (const s of status) {
    const runs = s.error ? `unknown: ${cell(s.error)}` : s.live ? `${code(shortDigest(s.live.digest))}${s.live.digest === decision.digest ? ' (this digest)' : ''}` : '—'
    const pending = s.pending
      .map((p) => `<br/>pending: ${code(shortDigest(p.digest))} (record ${cell(p.id)}${p.contract ? `, contract ${cell(code(p.contract.version))}` : ''}, not confirmed)`)
      .join('')
    const service = several ? ` ${cell(serviceLabel(s.service))} |` : ''
    out.push(`| ${cell(s.environment)} |${service} ${runs}${pending} | ${s.live ? s.live.from : ''} | ${s.contract ? cell(code(s.contract.version)) : ''} |`)
  }
  out.push('')

  out.push('| Rule | Environment | Outcome | Detail |', '| --- | --- | --- | --- |')
  for (const c of decision.checks) out.push(`| ${c.rule} | ${cell(c.environment)} | ${c.passed ? '✅ passed' : '❌ failed'} | ${cell(c.detail)} |`)
  out.push('')

  const contract = contractOutcome(result.contract)
  if (contract?.kind === 'amended' && contract.changes.length > 0) out.push(...amendmentMarkdown(contract, decision.environment, decision.mode === 'rollback'))

  out.push('| | |', '| --- | --- |')
  if (decision.digest) out.push(`| Digest | ${code(decision.digest)} |`)
  if (result.previous) out.push(`| ${cell(decision.environment)} ran before | ${code(result.previous.digest)} since ${result.previous.from} |`)
  if (contract !== null) out.push(`| Contract | ${contractRow(contract, decision.checks.some((c) => c.rule === 'contract'))} |`)
  const sealed = result.sealedBy
  if (sealed?.commit) {
    const server = sealed.runUrl && URL.canParse(sealed.runUrl) ? new URL(sealed.runUrl).origin : 'https://github.com'
    const commit = sealed.repository ? `[${code(sealed.commit.slice(0, 7))}](${server}/${sealed.repository}/commit/${sealed.commit})` : code(sealed.commit.slice(0, 7))
    out.push(`| Commit | ${commit} |`)
  }
  // A run named by an unsigned statement is a claim; a signed one was checked.
  const claimed = sealed && !sealed.signer && result.signature?.status !== 'verified' ? ' (unsigned statement: claimed, not proven)' : ''
  if (sealed?.runUrl) out.push(`| Sealed by | [${cell(sealed.runUrl.replace(/^https:\/\/[^/]+\//, ''))}](${sealed.runUrl})${claimed} |`)
  if (!sealed) out.push('| Sealed by | unknown: give checksums-path with the seal bundle beside it to record the build |')
  out.push(...signerRows(result.signature))
  if (result.record?.attestation) out.push(`| Record attestation | ${attestationLink(result.record.attestation)} |`)
  const record = result.record
  out.push(`| Ledger | ${code(report.ledger)}${record ? `, record ${record.url ? `[${cell(record.id)}](${record.url})` : code(record.id)}` : report.dryRun ? ' (dry run: nothing recorded)' : ''} |`)
  out.push('')
  return out.join('\n')
}

/** The contract row of the details table: what the promotion does to the environment's contract, briefly. */
function contractRow(outcome: ContractOutcome, ruled: boolean): string {
  const version = (text: string): string => cell(code(text))
  switch (outcome.kind) {
    case 'carried':
      return `${version(outcome.contract.version)} (${code(shortDigest(outcome.contract.digest))}), not judged: the environment has no contract rule`
    case 'problem':
      return `not compared${ruled ? ' (see the contract rule)' : `: ${cell(outcome.problem)}`}`
    case 'initial':
      return `initial contract ${version(outcome.to.version)} (${code(shortDigest(outcome.to.digest))})`
    case 'unchanged':
      return `contract unchanged (${version(outcome.contract.version)})`
    case 'removed':
      return `${version(outcome.from.version)} → none: this digest carries no contract`
    case 'not-compared': {
      const why = outcome.problem === null ? '' : ruled ? ' (see the contract rule)' : `: ${cell(outcome.problem)}`
      return `${version(contractLabel(outcome.from, outcome.to))} → ${version(contractLabel(outcome.to, outcome.from))}, not compared${why}`
    }
    case 'amended':
      return `${version(contractLabel(outcome.from, outcome.to))} → ${version(contractLabel(outcome.to, outcome.from))}: ${
        outcome.changes.length === 0 ? 'no change a client can see' : `${severityCounts(outcome.changes)} (listed above)`
      }`
  }
}

const SEVERITY_MARK: Record<Severity, string> = { breaking: '🔴 breaking', dangerous: '🟠 dangerous', compatible: '🟢 compatible' }

/**
 * The amendment: from which version to which, the counts, then every change (the first
 * CHANGES_SHOWN) grouped by operation, the groups with breaking changes first.
 */
function amendmentMarkdown(outcome: Extract<ContractOutcome, { kind: 'amended' }>, environment: string, rollback: boolean): string[] {
  const { changes } = outcome
  const out = [
    `#### Contract amendment${rollback ? ' (rollback)' : ''}: ${cell(environment)} ${cell(code(contractLabel(outcome.from, outcome.to)))} → ${cell(code(contractLabel(outcome.to, outcome.from)))}`,
    '',
    `${severityCounts(changes)}.`,
    '',
    '| Operation | Severity | Rule | Location | Change |',
    '| --- | --- | --- | --- | --- |'
  ]
  let shown = 0
  for (const group of changesByOperation(changes)) {
    for (const [i, change] of group.changes.entries()) {
      if (shown >= CHANGES_SHOWN) break
      const operation = i === 0 ? cell(code(group.operation)) : ''
      out.push(`| ${operation} | ${SEVERITY_MARK[change.severity]} | ${cell(code(change.rule))} | ${cell(change.location)} | ${cell(change.message)} |`)
      shown++
    }
  }
  if (changes.length > shown) out.push('', `…and ${changes.length - shown} more: ${code('artifact-seal contract diff')} lists every change.`)
  out.push('')
  return out
}

function attestationLink(attestation: AttestationRef): string {
  const text = `verification summary ${shortDigest(attestation.digest)}`
  return /^https?:\/\//.test(attestation.uri) ? `[${text}](${attestation.uri})` : `${text} in ${code(attestation.uri)}`
}

/** A veto: which digest, why, where it is recorded, and what it means from now on. */
export function renderVetoMarkdown(record: LedgerEntry, ledger: string): string {
  const where = record.url ? `[${cell(record.id)}](${record.url})` : code(record.id)
  return [
    `### 🚫 Vetoed ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ''}`,
    '',
    `${cell(record.reason ?? '')}`,
    '',
    `Found in ${cell(record.environment)}; recorded in ${code(ledger)}, record ${where}. No environment accepts this digest from now on, and rollbacks skip it.`,
    ''
  ].join('\n')
}

/** An approval of one contract amendment, which one promotion under require-approval may use. */
export function renderApprovalMarkdown(record: LedgerEntry, ledger: string): string {
  const where = record.url ? `[${cell(record.id)}](${record.url})` : code(record.id)
  return [
    `### 🖊️ Contract amendment approved for ${cell(record.environment)}`,
    '',
    `${cell(record.reason ?? '')}`,
    '',
    `| Digest | ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ''} |`,
    '| --- | --- |',
    `| Contract | ${record.approves?.from ? code(record.approves.from) : 'none'} → ${code(record.approves?.to ?? '')} |`,
    `| Approved by | ${cell(record.actor ?? 'unknown')} |`,
    `| Ledger | ${code(ledger)}, record ${where} |`,
    '',
    `One promotion of this amendment into ${cell(record.environment)} may go through on it.`,
    ''
  ].join('\n')
}

/** A pending record's end: confirmed (live from now) or failed, with the reason. */
export function renderResolutionMarkdown(entry: LedgerEntry, ledger: string): string {
  const where = entry.url ? `[${cell(entry.id)}](${entry.url})` : code(entry.id)
  return [
    `### ${makesLive(entry.outcome) ? '✅' : '⛔'} ${cell(resolutionHeadline(entry))}`,
    '',
    ...(entry.reason ? [cell(entry.reason), ''] : []),
    `| Digest | ${code(entry.digest)} |`,
    '| --- | --- |',
    `| Environment | ${cell(entry.environment)} |`,
    `| Ledger | ${code(ledger)}, record ${where} |`,
    ''
  ].join('\n')
}
