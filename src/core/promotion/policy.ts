/** The promotion rules for one environment. */
export interface EnvironmentRule {
  readonly name: string
  /** Every one of these must have run the digest. */
  readonly requires: readonly string[]
  /** At least one of these must have run the digest. */
  readonly requiresAny: readonly string[]
  /** How long the digest must have been live, continuously, in the upstream environment; 0 for no soak. */
  readonly soakMs: number
  readonly soakText: string | null
}

/** A checked promotion policy: every name it mentions is defined and there is no cycle. */
export interface PromotionPolicy {
  /** Where it was read from, for messages. */
  readonly source: string
  /** In the order the file defines them. */
  readonly environments: readonly EnvironmentRule[]
}

export function findEnvironment(policy: PromotionPolicy, name: string): EnvironmentRule | undefined {
  return policy.environments.find((e) => e.name === name)
}

/** The environments a digest must pass before this one, both lists together. */
export function upstreamOf(rule: EnvironmentRule): string[] {
  return [...new Set([...rule.requires, ...rule.requiresAny])]
}

/**
 * Environments in pipeline order (every environment after those it requires), for
 * drawing the pipeline; ties keep the file's order.
 */
export function pipelineOrder(policy: PromotionPolicy): EnvironmentRule[] {
  const placed = new Set<string>()
  const ordered: EnvironmentRule[] = []
  while (ordered.length < policy.environments.length) {
    const next = policy.environments.find((e) => !placed.has(e.name) && upstreamOf(e).every((u) => placed.has(u)))
    if (!next) break // a cycle; a checked policy has none
    placed.add(next.name)
    ordered.push(next)
  }
  return ordered
}
