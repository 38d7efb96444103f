import type { Amendment } from '../promotion/record.js'
import { type ContractChange, SEVERITIES, type Severity, compareChanges } from './change.js'
import type { ContractRef } from './manifest.js'

/** "1 breaking, 0 dangerous, 3 compatible": how every message and summary counts changes. */
export function severityCounts(changes: readonly ContractChange[]): string {
  return SEVERITIES.map((severity) => `${countOf(changes, severity)} ${severity}`).join(', ')
}

function countOf(changes: readonly ContractChange[], severity: Severity): number {
  return changes.filter((c) => c.severity === severity).length
}

/** The counts and rule ids a record keeps of an amendment, from every change found. */
export function summarizeAmendment(
  from: ContractRef | null,
  to: ContractRef | null,
  changes: readonly ContractChange[]
): Amendment {
  return {
    from,
    to,
    breaking: countOf(changes, 'breaking'),
    dangerous: countOf(changes, 'dangerous'),
    compatible: countOf(changes, 'compatible'),
    rules: [...new Set([...changes].sort(compareChanges).map((c) => c.rule))]
  }
}

/**
 * How a contract's version moved, read as semantic versions (`v` prefix allowed; a
 * pre-release or build suffix does not change the step). Below 1.0.0 a minor step is a
 * major one, as oasdiff reads 0.x; below 0.1.0 so is a patch step, as npm's caret ranges do.
 */
export type VersionStep = 'major' | 'minor' | 'patch' | 'same' | 'down' | 'not-semver'

export function versionStep(from: string, to: string): VersionStep {
  const a = parseVersion(from)
  const b = parseVersion(to)
  if (a === null || b === null) return 'not-semver'
  for (let i = 0; i < 3; i++) {
    const x = a[i] as bigint
    const y = b[i] as bigint
    if (y < x) return 'down'
    if (y > x) {
      if (i === 0) return 'major'
      if (i === 1) return a[0] === 0n ? 'major' : 'minor'
      return a[0] === 0n && a[1] === 0n ? 'major' : 'patch'
    }
  }
  return 'same'
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

/** MAJOR.MINOR.PATCH of a semantic version; null for anything else. */
export function parseVersion(text: string): [bigint, bigint, bigint] | null {
  const m = SEMVER.exec(text)
  if (m === null) return null
  return [BigInt(m[1] as string), BigInt(m[2] as string), BigInt(m[3] as string)]
}

/** Breaking changes first, grouped by operation: what a summary or a refusal lists. */
export function changesByOperation(
  changes: readonly ContractChange[]
): { operation: string; changes: ContractChange[] }[] {
  const groups = new Map<string, ContractChange[]>()
  for (const change of [...changes].sort(compareChanges)) {
    const key = change.operation ?? change.file
    const group = groups.get(key) ?? []
    group.push(change)
    groups.set(key, group)
  }
  const worst = (list: ContractChange[]) =>
    Math.min(...list.map((c) => SEVERITIES.indexOf(c.severity)))
  return [...groups.entries()]
    .map(([operation, list]) => ({ operation, changes: list }))
    .sort((x, y) => worst(x.changes) - worst(y.changes))
}
