import { changesByOperation, versionStep } from '../contract/amendment.js'
import type { ContractChange } from '../contract/change.js'
import type { ContractRef } from '../contract/manifest.js'
import type { Digest } from '../digest.js'
import type { ContractRule } from './policy.js'
import type { LedgerEntry, Mode } from './record.js'

/** What the gate knows of the amendment a promotion makes to the environment's contract. */
export interface ContractFact {
  /** The contract of the digest the environment runs, as its record says; null when it runs none (or nothing). */
  readonly live: ContractRef | null
  /** The digest the environment runs; null when it runs nothing yet. */
  readonly liveDigest: Digest | null
  /** The candidate's sealed contract; null when its seal has none. */
  readonly candidate: ContractRef | null
  /**
   * Every change from the live contract to the candidate's: empty when the digests are equal; null
   * when they could not be compared.
   */
  readonly changes: readonly ContractChange[] | null
  /**
   * Why the candidate's contract is not known or could not be compared, with the fix; the rule
   * refuses with it (fail closed).
   */
  readonly problem: string | null
  /** An approval of exactly this amendment in this environment that no promotion used yet. */
  readonly approval: LedgerEntry | null
}

/** The verdict of an environment's contract rule: passed or not, one sentence, and the approval it used. */
export interface ContractVerdict {
  readonly passed: boolean
  readonly detail: string
  readonly approvalUsed: string | null
}

/** How many breaking changes a refusal names before "and N more". */
const NAMED_CHANGES = 5

/**
 * Judges the amendment of an environment's contract: the first contract and an unchanged one
 * pass; a removed contract or one that could not be compared does not (fail closed); a
 * breaking amendment needs what the rule says (a major version step, an approval of this
 * exact pair of contract digests, or nothing); dangerous changes warn or refuse. A rollback
 * passes under `rollback: allow`, saying what it undoes.
 */
export function judgeContract(
  environment: string,
  digest: Digest,
  rule: ContractRule,
  mode: Mode,
  fact: ContractFact
): ContractVerdict {
  const pass = (detail: string, approvalUsed: string | null = null): ContractVerdict => ({
    passed: true,
    detail,
    approvalUsed
  })
  const fail = (detail: string): ContractVerdict => ({ passed: false, detail, approvalUsed: null })
  const { live, candidate } = fact
  if (fact.problem !== null) return fail(fact.problem)
  if (live === null) {
    if (candidate === null)
      return pass(`Neither ${environment}'s live digest nor this one carries a sealed contract.`)
    return pass(
      fact.liveDigest === null
        ? `${environment} runs nothing yet: contract ${candidate.version} (${candidate.digest}) is its initial ` +
            'contract.'
        : `${environment}'s live digest carries no sealed contract: contract ${candidate.version} ` +
            `(${candidate.digest}) is its initial contract.`
    )
  }
  if (candidate === null) {
    if (rule.breaking === 'allow')
      return pass(
        `This digest carries no sealed contract; ${environment} ran contract ${live.version}, and breaking: ` +
          'allow lets it go.'
      )
    return fail(
      `${environment} runs contract ${live.version} (${live.digest}) and this digest's seal carries no ` +
        'contract: its clients would lose all of it, or it was sealed without the ' +
        'contract input. ' +
        `Seal it with "contract:" naming the contract files.`
    )
  }
  if (live.digest === candidate.digest)
    return pass(`The contract is unchanged: ${candidate.version} (${candidate.digest}).`)
  if (fact.changes === null)
    return fail(`The contract ${environment} runs could not be compared with this digest's.`)

  const breaking = fact.changes.filter((c) => c.severity === 'breaking')
  const dangerous = fact.changes.filter((c) => c.severity === 'dangerous')
  const amendment = `${environment}'s contract ${live.version} → ${candidate.version}`
  const counts = `${breaking.length} breaking, ${dangerous.length} dangerous, ${fact.changes.length - breaking.length - dangerous.length} compatible`
  if (mode === 'rollback' && rule.rollback === 'allow') {
    return pass(
      `The rollback takes ${amendment} (${counts}).` +
        (breaking.length > 0 ? ` It undoes what clients may already use: ${named(breaking)}` : '')
    )
  }
  const step = versionStep(live.version, candidate.version)
  const versionNote = versionProblem(
    step,
    live.version,
    candidate.version,
    fact.changes.length > 0,
    breaking.length > 0
  )
  const problems: string[] = []
  let approvalUsed: string | null = null
  if (breaking.length > 0) {
    const list = named(breaking)
    switch (rule.breaking) {
      case 'refuse':
        problems.push(
          `${environment} refuses breaking contract amendments (contract.breaking: refuse), and ${amendment} ` +
            `has ${breaking.length}: ${list}`
        )
        break
      case 'require-major':
        if (step !== 'major') {
          problems.push(
            `${amendment} has ${breaking.length} breaking change(s) without a major version step ` +
              `(contract.breaking: require-major): ${list} ` +
              `Seal it with a new major contract-version, or keep the old behaviour beside the new.`
          )
        }
        break
      case 'require-approval':
        if (fact.approval === null) {
          problems.push(
            `${amendment} has ${breaking.length} breaking change(s) and ${environment} takes them only with an ` +
              `approval (contract.breaking: require-approval): ${list} ` +
              (`Approve this amendment once with "artifact-seal contract approve ${digest} --environment ${environment} --from ${live.digest} --to ${candidate.digest} --reason ` +
                '<why>" ') +
              `(or the promote action's approve-amendment input), then promote again.`
          )
        } else {
          approvalUsed = fact.approval.id
        }
        break
      case 'allow':
        break
    }
  }
  if (dangerous.length > 0 && rule.dangerous === 'refuse' && approvalUsed === null) {
    problems.push(
      `${environment} refuses changes that may break some clients (contract.dangerous: refuse), and ${amendment} has ${dangerous.length}: ${named(dangerous)}`
    )
  }
  if (versionNote !== null && rule.breaking === 'require-major')
    problems.push(`${versionNote} (contract.breaking: require-major).`)
  if (problems.length > 0) return fail(problems.join(' '))
  const notes = [
    `${amendment}: ${counts}.`,
    ...(approvalUsed !== null && fact.approval
      ? [
          `Approved by ${fact.approval.actor ?? 'an unnamed actor'} at ${fact.approval.time} (record ${fact.approval.id}): ${fact.approval.reason ?? 'no reason given'}.`
        ]
      : []),
    ...(breaking.length > 0 && rule.breaking === 'allow'
      ? [`Breaking changes pass (contract.breaking: allow): ${named(breaking)}`]
      : []),
    ...(breaking.length > 0 && rule.breaking === 'require-major'
      ? [
          `The breaking changes pass with the major version step ${live.version} → ${candidate.version}.`
        ]
      : []),
    ...(dangerous.length > 0 && rule.dangerous === 'warn'
      ? [`Warning: ${dangerous.length} change(s) may break some clients: ${named(dangerous)}`]
      : []),
    ...(versionNote !== null ? [`Warning: ${versionNote}.`] : [])
  ]
  return pass(notes.join(' '), approvalUsed)
}

/** What is wrong with the version step of a changed contract; null when nothing is. */
function versionProblem(
  step: ReturnType<typeof versionStep>,
  from: string,
  to: string,
  changed: boolean,
  breaking: boolean
): string | null {
  if (step === 'down') return `the contract version went down, from ${from} to ${to}`
  if (step === 'not-semver' && breaking)
    return (
      `the contract versions ${JSON.stringify(from)} and ${JSON.stringify(to)} are not both semantic ` +
      'versions (MAJOR.MINOR.PATCH), so the version step cannot be judged'
    )
  if (step === 'same' && changed) return `the contract changed while its version stayed ${to}`
  return null
}

/** "GET /orders/{id}: response-property-removed at … (message); …", the first few, breaking first. */
function named(changes: readonly ContractChange[]): string {
  const ordered = changesByOperation(changes).flatMap((g) => g.changes)
  const shown = ordered
    .slice(0, NAMED_CHANGES)
    .map((c) => `${c.location}: ${c.message} [${c.rule}]`)
  const more = ordered.length > NAMED_CHANGES ? `; and ${ordered.length - NAMED_CHANGES} more` : ''
  return `${shown.join('; ')}${more}.`
}
