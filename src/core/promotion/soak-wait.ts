import type { Decision } from './gate.js'
import type { EnvironmentRule } from './policy.js'
import type { LiveSpan } from './record.js'

/**
 * How long until a refused promotion's soak is over, when the soak is all that stands in its
 * way: every failed check is a soak, and the digest is still live in each environment it
 * soaks in, so time alone completes it. Null when anything else failed (a veto, a missing
 * upstream, a contract), or a stretch ended short of the soak: waiting would change nothing.
 */
export function soakRemainingMs(
  decision: Decision,
  rule: EnvironmentRule,
  spans: ReadonlyMap<string, readonly LiveSpan[]>,
  now: Date
): number | null {
  const failed = decision.checks.filter((c) => !c.passed)
  if (decision.allowed || failed.length === 0 || failed.some((c) => c.rule !== 'soak')) return null
  let longest = 0
  for (const check of failed) {
    const open = (spans.get(check.environment) ?? []).find((s) => s.until === null)
    if (open === undefined) return null
    longest = Math.max(longest, Date.parse(open.from) + rule.soakMs - now.getTime())
  }
  return Math.max(longest, 0)
}

/** How long to sleep before judging again, and what for; null when waiting would change nothing. */
export interface WaitStep {
  readonly ms: number
  /** The environments whose soak is still running. */
  readonly soaking: readonly string[]
  /** The environments where the digest's deployment waits for its confirmation. */
  readonly confirming: readonly string[]
}

/**
 * What a refused promotion can wait for: soaks that time alone completes (as soakRemainingMs),
 * and `requires` of environments where the digest's deployment is pending, which a
 * confirmation may complete at any moment, so those are looked at again every `pollMs`. Null
 * when any other check failed, or a `requires` has nothing pending that could satisfy it.
 */
export function waitStep(
  decision: Decision,
  rule: EnvironmentRule,
  spans: ReadonlyMap<string, readonly LiveSpan[]>,
  pendingIn: ReadonlySet<string>,
  now: Date,
  pollMs: number
): WaitStep | null {
  const failed = decision.checks.filter((c) => !c.passed)
  if (decision.allowed || failed.length === 0) return null
  const soaking: string[] = []
  const confirming: string[] = []
  let soakMs = 0
  for (const check of failed) {
    if (check.rule === 'soak') {
      const open = (spans.get(check.environment) ?? []).find((s) => s.until === null)
      if (open === undefined) return null
      soakMs = Math.max(soakMs, Date.parse(open.from) + rule.soakMs - now.getTime())
      soaking.push(check.environment)
    } else if (
      (check.rule === 'requires' || check.rule === 'requires-any') &&
      pendingIn.has(check.environment)
    ) {
      confirming.push(check.environment)
    } else return null
  }
  const soakLeft = Math.max(soakMs, 0)
  if (confirming.length === 0) return { ms: soakLeft, soaking, confirming }
  return { ms: soaking.length > 0 ? Math.min(soakLeft, pollMs) : pollMs, soaking, confirming }
}
