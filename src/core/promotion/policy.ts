import { SealError, quote } from '../errors.js'
import type { DriftRule, ObserveSpec } from '../observe/spec.js'
import type { Service } from './record.js'

/**
 * Who must have signed a digest's seal for it to enter an environment: the identity in
 * the signing certificate, checked as `gh attestation verify` checks it.
 */
export interface SignerRule {
  /** `owner/name`, compared case-insensitively. */
  readonly repository: string
  /** `.github/workflows/file.yml`, optionally `@ref`; null for any workflow of the repository. */
  readonly workflow: string | null
  /** The source ref the build ran on (`refs/heads/main`); null for any. */
  readonly ref: string | null
  /** The OIDC issuer; null for the one the signer's server uses. */
  readonly issuer: string | null
  readonly denySelfHostedRunners: boolean
}

/** What a breaking contract amendment needs to enter an environment. */
export type BreakingRule = 'refuse' | 'require-major' | 'require-approval' | 'allow'
export const BREAKING_RULES: readonly BreakingRule[] = [
  'refuse',
  'require-major',
  'require-approval',
  'allow'
]
export type DangerousRule = 'warn' | 'refuse'
export const DANGEROUS_RULES: readonly DangerousRule[] = ['warn', 'refuse']
/** `allow`: a rollback passes whatever it does to the contract (recorded); `check`: it is judged as a promotion is. */
export type RollbackRule = 'allow' | 'check'
export const ROLLBACK_RULES: readonly RollbackRule[] = ['allow', 'check']

/** How an environment judges the amendment of its contract from what it runs to the candidate's. */
export interface ContractRule {
  readonly breaking: BreakingRule
  readonly dangerous: DangerousRule
  readonly rollback: RollbackRule
}

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
  /** Null when the environment takes unsigned seals. */
  readonly signedBy: SignerRule | null
  /** Null when the environment does not judge contract amendments (they are still recorded when known). */
  readonly contract?: ContractRule | null
  /** For an image: the platforms its index must have an image for (`linux/amd64`); absent or empty for none. */
  readonly platforms?: readonly string[]
  /**
   * For an image: how an allowed promotion moves it (a tag in its repository, a copy elsewhere);
   * absent for neither.
   */
  readonly image?: ImageRule
  /** How to find out what the environment runs (`observe:`); empty when it is not observed. */
  readonly observe?: readonly ObserveSpec[]
  /**
   * `block`: while its last observation is drift, the environment is no valid `requires` and its
   * soak does not count; `warn` (default): drift is reported only.
   */
  readonly drift?: DriftRule
  /** Where the environment can be reached, shown on its deployments; absent when the policy does not say. */
  readonly url?: string | null
}

/**
 * `image: { tag, copy-to }`: the promotion puts exactly the sealed manifest's bytes under a tag, or
 * copies the image.
 */
export interface ImageRule {
  /** The tag the environment runs, set in the image's own repository (a retag). */
  readonly tag: string | null
  /** Another repository or registry (`registry/repository[:tag]`) the image is copied to, by digest. */
  readonly copyTo: string | null
}

/** A checked promotion policy: every name it mentions is defined and there is no cycle. */
export interface PromotionPolicy {
  /** Where it was read from, for messages. */
  readonly source: string
  /** In the order the file defines them. */
  readonly environments: readonly EnvironmentRule[]
  /**
   * `service:`: every promotion under this policy belongs to this service, whatever the
   * artifact's name. Absent: the service is the artifact's name (see `serviceFor`).
   */
  readonly service?: string | null
  /** `services:`: the services the policy promotes; an artifact's name must be one of them. Absent: any name. */
  readonly services?: readonly string[] | null
  /** The sha256 (hex) of the file's bytes, so a signed record names exactly the policy it applied. */
  readonly digest?: string
}

/**
 * Whether the policy says which services there are (`service` or `services`), rather than leaving
 * it to the artifacts' names.
 */
export function declaresServices(policy: PromotionPolicy): boolean {
  return (policy.service ?? null) !== null || (policy.services ?? null) !== null
}

export function findEnvironment(
  policy: PromotionPolicy,
  name: string
): EnvironmentRule | undefined {
  return policy.environments.find((e) => e.name === name)
}

/**
 * The environment `name` where a step cannot go on without it: a bad-input error otherwise,
 * naming `input`, the value and the environments there are. `consequence` says what the
 * mistake would have meant (", so …").
 */
export function requireEnvironment(
  policy: PromotionPolicy,
  name: string,
  input: string,
  consequence = ''
): EnvironmentRule {
  const rule = findEnvironment(policy, name)
  if (rule !== undefined) return rule
  throw new SealError(
    'bad-input',
    `${input}: ${quote(name)} is not an environment of the promotion policy ${policy.source}${consequence}. ` +
      `Use one of: ${policy.environments.map((e) => e.name).join(', ')}, or add it to the policy.`
  )
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
    const next = policy.environments.find(
      (e) => !placed.has(e.name) && upstreamOf(e).every((u) => placed.has(u))
    )
    if (!next) break // a cycle; a checked policy has none
    placed.add(next.name)
    ordered.push(next)
  }
  return ordered
}

/**
 * The service a promotion is of: the one the policy names (`service:`), else the artifact's
 * name, which must then be one of the policy's `services:` when it lists them; a promotion
 * with no name belongs to the default service. A name the policy does not list is bad input:
 * a typo never starts a history of its own.
 */
export function serviceFor(
  policy: PromotionPolicy,
  name: string | null,
  nameInput = 'name'
): Service {
  if ((policy.service ?? null) !== null) return policy.service as string
  const listed = policy.services ?? null
  if (listed === null || (name !== null && listed.includes(name))) return name
  throw new SealError(
    'bad-input',
    `${nameInput}: ${name === null ? 'the artifact has no name' : `the artifact's name is ${quote(name)}`}, ` +
      `but the promotion policy ${policy.source} lists its services, and that is ` +
      `not one of them: ${listed.map(quote).join(', ')}. ` +
      (`Give ${nameInput} (the service it deploys), seal it under one of those names, or add it to "services" ` +
        'in the policy.')
  )
}
