import type { Decision } from './gate.js'
import type { EnvironmentRule } from './policy.js'
import type { LiveSpan } from './record.js'

/** How long to sleep before judging again, and what for; null when waiting would change nothing. */
export interface WaitStep {
  readonly ms: number
  /** The environments whose soak is still running. */
  readonly soaking: readonly string[]
  /** The environments where the digest's deployment waits for its confirmation. */
  readonly confirming: readonly string[]
}

/**
 * What a refused promotion can wait for: soaks that time alone completes (the digest's stretch
 * is still open where it soaks), and `requires` of environments where the digest's deployment
 * is pending, which a confirmation may complete at any moment, so those are looked at again
 * every `pollMs`. Null when any other check failed, or a stretch ended short of the soak.
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
