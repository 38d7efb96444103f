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
