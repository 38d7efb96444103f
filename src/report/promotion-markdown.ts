import { imageTagText } from './promotion-text.js'
import { changesByOperation, severityCounts } from '../core/contract/amendment.js'
import type { Severity } from '../core/contract/change.js'
import { upstreamOf } from '../core/promotion/policy.js'
import { type AttestationRef, type LedgerEntry, makesLive } from '../core/promotion/record.js'
import { shortDigest } from '../core/digest.js'
import { DEFAULT_SERVER_URL } from '../core/env.js'
import { validSealedBy } from '../core/provenance.js'
import { code, link, plain } from './markdown.js'
import { label } from './mermaid.js'
import {
  CHANGES_SHOWN,
  type ContractOutcome,
  type PromotionReport,
  contractLabel,
  contractOutcome,
  headline,
  resolutionHeadline,
  serviceLabel
} from './promotion-report.js'
import { signerRows } from './signer-markdown.js'

/**
 * The promotion as people would rather see it: the pipeline as a diagram (GitHub renders
 * mermaid in job summaries) with what each environment runs and where this digest is,
 * then the rules checked, then where the digest came from.
 */
export function renderPromotionMarkdown(report: PromotionReport): string {
  const { result, policy, status } = report
  const { decision } = result
  const out: string[] = []
  out.push(`### ${decision.allowed ? '🚀' : '⛔'} ${plain(headline(report))}`, '')
  const origins = [report.serverUrl ?? DEFAULT_SERVER_URL]

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
        const pending = s.pending
          .map(
            (p) =>
              `<br/>${label(`pending ${shortDigest(p.digest)}${p.contract ? ` (contract ${p.contract.version})` : ''}`)}`
          )
          .join('')
        return `<br/>${label(several ? `${serviceLabel(s.service)}: ${runs}` : runs)}${contract}${pending}`
      })
    out.push(`  ${ids.get(environment)}["${label(environment)}${mark}${lines.join('')}"]`)
  }
  for (const env of policy.environments) {
    for (const upstream of upstreamOf(env)) {
      const arrow = env.requires.includes(upstream) ? '-->' : '-.->'
      const soak = env.soakText ? `|soak ${label(env.soakText)}|` : ''
      out.push(`  ${ids.get(upstream)} ${arrow}${soak} ${ids.get(env.name)}`)
    }
  }
  out.push(
    '  classDef here fill:#dafbe1,stroke:#1a7f37',
    '  classDef refused fill:#ffebe9,stroke:#cf222e'
  )
  const here = [
    ...new Set(
      status.filter((s) => s.live?.digest === decision.digest).map((s) => ids.get(s.environment))
    )
  ]
  if (here.length > 0) out.push(`  class ${here.join(',')} here`)
  if (!decision.allowed) out.push(`  class ${ids.get(decision.environment)} refused`)
  out.push('```', '')

  out.push(
    several
      ? '| Environment | Service | Runs now | Since | Contract |'
      : '| Environment | Runs now | Since | Contract |',
    several ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |'
  )
  for (const s of status) {
    const runs = s.error
      ? `unknown: ${plain(s.error)}`
      : s.live
        ? `${code(shortDigest(s.live.digest))}${s.live.digest === decision.digest ? ' (this digest)' : ''}`
        : '—'
    const pending = s.pending
      .map(
        (p) =>
          `<br/>pending: ${code(shortDigest(p.digest))} (record ${plain(p.id)}${p.contract ? `, contract ${code(p.contract.version)}` : ''}, not confirmed)`
      )
      .join('')
    const service = several ? ` ${plain(serviceLabel(s.service))} |` : ''
    const image = s.image === undefined ? '' : `<br/>image: ${plain(imageTagText(s.image))}`
    out.push(
      `| ${plain(s.environment)} |${service} ${runs}${pending}${image} | ${s.live ? plain(s.live.from) : ''} | ${s.contract ? code(s.contract.version) : ''} |`
    )
  }
  out.push('')

  out.push('| Rule | Environment | Outcome | Detail |', '| --- | --- | --- | --- |')
  for (const c of decision.checks)
    out.push(
      `| ${plain(c.rule)} | ${plain(c.environment)} | ${c.passed ? '✅ passed' : '❌ failed'} | ${plain(c.detail)} |`
    )
  out.push('')

  const contract = contractOutcome(result.contract)
  if (contract?.kind === 'amended' && contract.changes.length > 0)
    out.push(...amendmentMarkdown(contract, decision.environment, decision.mode === 'rollback'))

  out.push('| | |', '| --- | --- |')
  if (decision.digest) out.push(`| Digest | ${code(decision.digest)} |`)
  const imageRef = report.imageRef ?? result.verification?.imageRef
  if (decision.allowed && imageRef !== undefined)
    out.push(`| Deploy | ${code(imageRef)} (the image by digest, never the tag) |`)
  if (result.previous)
    out.push(
      `| ${plain(decision.environment)} ran before | ${code(result.previous.digest)} since ${plain(result.previous.from)} |`
    )
  if (contract !== null)
    out.push(
      `| Contract | ${contractRow(
        contract,
        decision.checks.some((c) => c.rule === 'contract')
      )} |`
    )
  out.push(...sealedByRows(report, origins))
  out.push(...signerRows(result.signature, origins))
  if (result.record?.attestation)
    out.push(`| Record attestation | ${attestationLink(result.record.attestation, origins)} |`)
  const record = result.record
  out.push(
    `| Ledger | ${code(report.ledger)}${record ? `, record ${recordLink(record, origins)}` : report.dryRun ? ' (dry run: nothing recorded)' : ''} |`
  )
  out.push('')
  return out.join('\n')
}

/** What the seal says about the build that sealed the digest, each value checked and, unsigned, marked as claimed. */
function sealedByRows(report: PromotionReport, origins: readonly string[]): string[] {
  const { result } = report
  if (result.sealedBy === null)
    return [
      '| Sealed by | unknown: give checksums-path with the seal bundle beside it to record the build |'
    ]
  const { sealedBy: sealed, invalid } = validSealedBy(result.sealedBy, origins[0] as string)
  // A build named by an unsigned statement is a claim; a signed one was checked.
  const claimed =
    !sealed.signer && result.signature?.status !== 'verified'
      ? ' (claimed by an unsigned statement, not proven)'
      : ''
  const rows: string[] = []
  if (sealed.commit) {
    const short = code(sealed.commit.slice(0, 7))
    rows.push(
      `| Commit | ${sealed.repository ? link(short, `${origins[0]}/${sealed.repository}/commit/${sealed.commit}`, origins) : short}${claimed} |`
    )
  } else if (invalid.includes('commit')) {
    rows.push('| Commit | invalid in the seal statement (not shown) |')
  }
  if (sealed.runUrl)
    rows.push(
      `| Sealed by | ${link(plain(sealed.runUrl.slice(`${origins[0]}/`.length)), sealed.runUrl, origins)}${claimed} |`
    )
  else if (invalid.includes('runUrl'))
    rows.push('| Sealed by | invalid run in the seal statement (not shown) |')
  else if (rows.length === 0)
    rows.push(
      '| Sealed by | unknown: the seal statement names no build in the form a seal writes it (the log says ' +
        'which fields were left out) |'
    )
  return rows
}

/** The contract row of the details table: what the promotion does to the environment's contract, briefly. */
function contractRow(outcome: ContractOutcome, ruled: boolean): string {
  const version = (text: string): string => code(text)
  switch (outcome.kind) {
    case 'carried':
      return (
        `${version(outcome.contract.version)} (${code(shortDigest(outcome.contract.digest))}), not ` +
        'judged: the environment has no contract rule'
      )
    case 'problem':
      return `not compared${ruled ? ' (see the contract rule)' : `: ${plain(outcome.problem)}`}`
    case 'initial':
      return `initial contract ${version(outcome.to.version)} (${code(shortDigest(outcome.to.digest))})`
    case 'unchanged':
      return `contract unchanged (${version(outcome.contract.version)})`
    case 'removed':
      return `${version(outcome.from.version)} → none: this digest carries no contract`
    case 'not-compared': {
      const why =
        outcome.problem === null
          ? ''
          : ruled
            ? ' (see the contract rule)'
            : `: ${plain(outcome.problem)}`
      return `${version(contractLabel(outcome.from, outcome.to))} → ${version(contractLabel(outcome.to, outcome.from))}, not compared${why}`
    }
    case 'amended':
      return `${version(contractLabel(outcome.from, outcome.to))} → ${version(contractLabel(outcome.to, outcome.from))}: ${
        outcome.changes.length === 0
          ? 'no change a client can see'
          : `${severityCounts(outcome.changes)} (listed above)`
      }`
  }
}

const SEVERITY_MARK: Record<Severity, string> = {
  breaking: '🔴 breaking',
  dangerous: '🟠 dangerous',
  compatible: '🟢 compatible'
}

/**
 * The amendment: from which version to which, the counts, then every change (the first
 * CHANGES_SHOWN) grouped by operation, the groups with breaking changes first.
 */
function amendmentMarkdown(
  outcome: Extract<ContractOutcome, { kind: 'amended' }>,
  environment: string,
  rollback: boolean
): string[] {
  const { changes } = outcome
  const out = [
    `#### Contract amendment${rollback ? ' (rollback)' : ''}: ${plain(environment)} ${code(contractLabel(outcome.from, outcome.to))} → ${code(contractLabel(outcome.to, outcome.from))}`,
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
      const operation = i === 0 ? code(group.operation) : ''
      out.push(
        `| ${operation} | ${SEVERITY_MARK[change.severity]} | ${code(change.rule)} | ${plain(change.location)} ` +
          `| ${plain(change.message)} |`
      )
      shown++
    }
  }
  if (changes.length > shown)
    out.push(
      '',
      `…and ${changes.length - shown} more: ${code('artifact-seal contract diff')} lists every change.`
    )
  out.push('')
  return out
}

function attestationLink(attestation: AttestationRef, origins: readonly string[]): string {
  const label = `verification summary ${code(shortDigest(attestation.digest))}`
  const linked = link(label, attestation.uri, origins)
  return linked !== label ? linked : `${label} in ${code(attestation.uri)}`
}

/** A record's id, linked to its page when the ledger gives one on the server. */
function recordLink(record: LedgerEntry, origins: readonly string[]): string {
  return link(code(record.id), record.url, origins)
}

/** A veto: which digest, why, where it is recorded, and what it means from now on. */
export function renderVetoMarkdown(
  record: LedgerEntry,
  ledger: string,
  serverUrl = DEFAULT_SERVER_URL
): string {
  return [
    `### 🚫 Vetoed ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ''}`,
    '',
    plain(record.reason ?? ''),
    '',
    `Found in ${plain(record.environment)}; recorded in ${code(ledger)}, record ${recordLink(record, [serverUrl])}. No environment accepts this digest from now on, and ` +
      'rollbacks skip it.',
    ''
  ].join('\n')
}

/** An approval of one contract amendment, which one promotion under require-approval may use. */
export function renderApprovalMarkdown(
  record: LedgerEntry,
  ledger: string,
  serverUrl = DEFAULT_SERVER_URL
): string {
  return [
    `### 🖊️ Contract amendment approved for ${plain(record.environment)}`,
    '',
    plain(record.reason ?? ''),
    '',
    `| Digest | ${code(record.digest)}${record.name ? ` (${code(record.name)})` : ''} |`,
    '| --- | --- |',
    `| Contract | ${record.approves?.from ? code(record.approves.from) : 'none'} → ${code(record.approves?.to ?? '')} |`,
    `| Approved by | ${plain(record.actor ?? 'unknown')} |`,
    `| Ledger | ${code(ledger)}, record ${recordLink(record, [serverUrl])} |`,
    '',
    `One promotion of this amendment into ${plain(record.environment)} may go through on it.`,
    ''
  ].join('\n')
}

/** A pending record's end: confirmed (live from now) or failed, with the reason. */
export function renderResolutionMarkdown(
  entry: LedgerEntry,
  ledger: string,
  serverUrl = DEFAULT_SERVER_URL
): string {
  return [
    `### ${makesLive(entry.outcome) ? '✅' : '⛔'} ${plain(resolutionHeadline(entry))}`,
    '',
    ...(entry.reason ? [plain(entry.reason), ''] : []),
    `| Digest | ${code(entry.digest)} |`,
    '| --- | --- |',
    `| Environment | ${plain(entry.environment)} |`,
    `| Ledger | ${code(ledger)}, record ${recordLink(entry, [serverUrl])} |`,
    ''
  ].join('\n')
}
