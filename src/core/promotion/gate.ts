import type { Digest } from '../digest.js'
import { identityPolicy } from '../signing/signer-policy.js'
import { type SignerIdentity, checkIdentity, describeIdentityFailure } from '../signing/identity.js'
import { formatDuration } from './duration.js'
import { type ContractFact, judgeContract } from './contract-rule.js'
import type { EnvironmentRule, SignerRule } from './policy.js'
import { type LedgerEntry, type LiveSpan, type Service, describeService } from './record.js'

/** One rule the gate checked, as the decision output and the summary show it. */
export interface RuleCheck {
  readonly rule:
    | 'veto'
    | 'requires'
    | 'requires-any'
    | 'soak'
    | 'ran-before'
    | 'already-live'
    | 'ledger'
    | 'bytes'
    | 'signature'
    | 'signed-by'
    | 'contract'
    | 'service'
    | 'drift'
  /** The environment the rule is about. */
  readonly environment: string
  readonly passed: boolean
  /** One sentence a person can act on. */
  readonly detail: string
}

export interface Decision {
  readonly allowed: boolean
  readonly mode: 'promote' | 'rollback'
  /** Null when a rollback to "previous" found nothing to return to. */
  readonly digest: Digest | null
  readonly environment: string
  readonly checks: readonly RuleCheck[]
  /** The failed checks' details joined; null when allowed. */
  readonly reason: string | null
  /** The approval record a breaking contract amendment went through on (require-approval); absent when none. */
  readonly approvalUsed?: string
}

/** What the ledger says about the digest, gathered before deciding so the decision itself is pure. */
export interface GateFacts {
  readonly veto: LedgerEntry | null
  /** The service's live digest in the environment now. */
  readonly live: LiveSpan | null
  /** The digest's live stretches, as the service, in each upstream environment (and, for a rollback, the target). */
  readonly spans: ReadonlyMap<string, readonly LiveSpan[]>
  /**
   * Another service the environment runs, when the service promoted runs nothing there and the
   * policy does not list its services: asked only for an environment with a contract rule.
   */
  readonly otherService?: { readonly service: Service; readonly live: LiveSpan }
  /** The seal's signature as verified before the gate ran; absent when nobody checked one. */
  readonly signature?: SignatureFact
  /** The amendment of the environment's contract; absent when the environment has no contract rule. */
  readonly contract?: ContractFact
  /** Upstream environments that drifted under `drift: block`, with why they do not count (drift-rule.ts). */
  readonly drifted?: ReadonlyMap<string, string>
}

/** What the check of the seal's signature found, for the `signed-by` rule. */
export interface SignatureFact {
  /** The verified signer; null when the seal carries no signature the check could find. */
  readonly signer: VerifiedSigner | null
  /** Why there is no signer, for the refusal: where the check looked. */
  readonly missing: string | null
  /** The GitHub server the identity's URLs are on (`https://github.com`). */
  readonly serverUrl: string
}

/** A signature that verified: a certificate's identity, or a key's hint. */
export type VerifiedSigner =
  | { readonly kind: 'certificate'; readonly identity: SignerIdentity; readonly signedAt: string }
  | { readonly kind: 'key'; readonly hint: string; readonly signedAt: null }

export interface GateRequest {
  readonly digest: Digest
  readonly rule: EnvironmentRule
  readonly mode: 'promote' | 'rollback'
  readonly now: Date
  /** The service promoted; the facts are about it. */
  readonly service?: Service
}

/**
 * Decides whether the digest may enter the environment. A promotion must satisfy every
 * rule of the environment; a rollback must return to a digest the environment ran
 * before. Nobody takes a vetoed digest. All checks are listed, passed or not, so a
 * refusal says everything that stands in the way at once.
 */
export function decide(request: GateRequest, facts: GateFacts): Decision {
  const { digest, rule, mode, now } = request
  const checks: RuleCheck[] = [vetoCheck(rule.name, facts.veto)]
  if (facts.live?.digest === digest) {
    checks.push({
      rule: 'already-live',
      environment: rule.name,
      passed: true,
      detail: `${rule.name} runs this digest already (since ${facts.live.from}); recording it again.`
    })
  }
  if (mode === 'rollback') {
    const ran = facts.spans.get(rule.name) ?? []
    checks.push(
      ran.length > 0
        ? {
            rule: 'ran-before',
            environment: rule.name,
            passed: true,
            detail: `${rule.name} ran this digest from ${ran.at(-1)?.from}.`
          }
        : {
            rule: 'ran-before',
            environment: rule.name,
            passed: false,
            detail:
              `${rule.name} never ran this digest; a rollback can only return to a digest the ` +
              'environment ran before. Promote it instead.'
          }
    )
  } else {
    for (const upstream of rule.requires) {
      checks.push(...upstreamChecks('requires', upstream, rule, facts, now))
    }
    if (rule.requiresAny.length > 0) checks.push(...anyUpstreamChecks(rule, facts, now))
  }
  // A rollback too: the bytes it returns to are fetched again, and may have run before the rule was written.
  if (rule.signedBy !== null) checks.push(signedByCheck(rule.name, rule.signedBy, facts.signature))
  let approvalUsed: string | null = null
  if (rule.contract && facts.otherService !== undefined && mode === 'promote')
    checks.push(newServiceCheck(rule.name, request.service ?? null, facts.otherService))
  if (rule.contract) {
    const verdict = facts.contract
      ? judgeContract(rule.name, digest, rule.contract, mode, facts.contract)
      : {
          passed: false,
          detail: `${rule.name} judges contract amendments, and the contracts were not compared (fail closed).`,
          approvalUsed: null
        }
    checks.push({
      rule: 'contract',
      environment: rule.name,
      passed: verdict.passed,
      detail: verdict.detail
    })
    approvalUsed = verdict.approvalUsed
  }
  const failed = checks.filter((c) => !c.passed)
  return {
    allowed: failed.length === 0,
    mode,
    digest,
    environment: rule.name,
    checks,
    reason: failed.length === 0 ? null : failed.map((c) => c.detail).join(' '),
    ...(approvalUsed !== null && failed.length === 0 ? { approvalUsed } : {})
  }
}

/**
 * A service that never ran in an environment has no contract there to judge an amendment
 * from. When the environment runs another service and the policy does not say there are
 * several, the two are likely one service whose artifact's name changed (a version in a file
 * name): letting it in would judge a breaking change against nothing. Refused until the
 * policy says which it is.
 */
function newServiceCheck(
  environment: string,
  service: Service,
  other: { readonly service: Service; readonly live: LiveSpan }
): RuleCheck {
  const name = (s: Service): string => (s === null ? '<name>' : s)
  return {
    rule: 'service',
    environment,
    passed: false,
    detail:
      `${environment} judges contract amendments, and ${describeService(service)} never ran there, while ${describeService(other.service)} runs ${other.live.digest} (since ${other.live.from}): ` +
      (`the amendment would be judged against no contract. If they are one service whose artifact's name ` +
        `changed, pin it in the policy ("service: ${name(other.service)}") or keep ` +
        `the seal's name; `) +
      `if they are separate services, list them ("services: [${name(other.service)}, ${name(service)}]").`
  }
}

function vetoCheck(environment: string, veto: LedgerEntry | null): RuleCheck {
  if (veto === null)
    return { rule: 'veto', environment, passed: true, detail: 'The digest is not vetoed.' }
  const where = veto.environment ? ` in ${veto.environment}` : ''
  return {
    rule: 'veto',
    environment,
    passed: false,
    detail: `The digest was vetoed${where} at ${veto.time}${veto.actor ? ` by ${veto.actor}` : ''}: ${veto.reason ?? 'no reason given'}. Build and seal a fixed artifact.`
  }
}

/** The identity rule of the environment, on the verified certificate of the seal's signature. */
function signedByCheck(
  environment: string,
  want: SignerRule,
  signature: SignatureFact | undefined
): RuleCheck {
  const fail = (detail: string): RuleCheck => ({
    rule: 'signed-by',
    environment,
    passed: false,
    detail
  })
  const signer = signature?.signer ?? null
  if (signature === undefined || signer === null) {
    return fail(
      `${environment} takes only seals signed by a workflow of ${want.repository}, and this digest's seal ` +
        'carries no verified signature' +
        (`${signature?.missing ? ` (${signature.missing})` : ''}. Seal it in that workflow with "permissions: ` +
          'id-token: write" so the seal is signed.')
    )
  }
  if (signer.kind === 'key') {
    return fail(
      `${environment} takes only seals signed by a workflow of ${want.repository}; this seal is signed with a ` +
        `key (${signer.hint}), which names no workflow. Seal it with sign: keyless ` +
        'in that workflow.'
    )
  }
  const failures = checkIdentity(
    signer.identity,
    identityPolicy({ ...want, sourceRef: want.ref }, signature.serverUrl)
  )
  if (failures.length > 0) {
    return fail(
      `The seal's signer does not satisfy ${environment}'s signed-by rule: ${describeIdentityFailure(failures).split('\n').join('; ')}.`
    )
  }
  return {
    rule: 'signed-by',
    environment,
    passed: true,
    detail: `Signed by ${signer.identity.subjectAlternativeName} at ${signer.signedAt}.`
  }
}

/** The longest continuous stretch the digest was live in an environment, up to now. */
export function longestStretch(
  spans: readonly LiveSpan[],
  now: Date
): { ms: number; span: LiveSpan } | null {
  let best: { ms: number; span: LiveSpan } | null = null
  for (const span of spans) {
    const until = span.until === null ? now.getTime() : Date.parse(span.until)
    const ms = Math.max(0, until - Date.parse(span.from))
    if (best === null || ms > best.ms) best = { ms, span }
  }
  return best
}

function upstreamChecks(
  rule: 'requires' | 'requires-any',
  upstream: string,
  target: EnvironmentRule,
  facts: GateFacts,
  now: Date
): RuleCheck[] {
  const drift = facts.drifted?.get(upstream)
  if (drift !== undefined)
    return [{ rule: 'drift', environment: upstream, passed: false, detail: drift }]
  const spans = facts.spans.get(upstream) ?? []
  if (spans.length === 0) {
    return [
      {
        rule,
        environment: upstream,
        passed: false,
        detail:
          `${upstream} never ran this digest; ${target.name} takes only digests that passed ${upstream}. ` +
          `Promote it to ${upstream} first.`
      }
    ]
  }
  const checks: RuleCheck[] = [
    {
      rule,
      environment: upstream,
      passed: true,
      detail: `${upstream} ran this digest from ${spans.at(-1)?.from}.`
    }
  ]
  if (target.soakMs > 0) checks.push(soakCheck(upstream, target, spans, now))
  return checks
}

function soakCheck(
  upstream: string,
  target: EnvironmentRule,
  spans: readonly LiveSpan[],
  now: Date
): RuleCheck {
  const longest = longestStretch(spans, now)
  const ms = longest?.ms ?? 0
  const required = formatDuration(target.soakMs)
  if (ms >= target.soakMs) {
    const how = longest?.span.until === null ? 'has been live there for' : 'was live there for'
    return {
      rule: 'soak',
      environment: upstream,
      passed: true,
      detail: `It ${how} ${formatDuration(ms)} (soak ${required}).`
    }
  }
  const still = longest?.span.until === null
  const ready =
    still && longest ? new Date(Date.parse(longest.span.from) + target.soakMs).toISOString() : null
  return {
    rule: 'soak',
    environment: upstream,
    passed: false,
    detail: still
      ? `It has been live in ${upstream} for ${formatDuration(ms)} of the ${required} soak; try again after ${ready}.`
      : `It was live in ${upstream} for at most ${formatDuration(ms)} before it was replaced, short of the ${required} soak. Promote it to ${upstream} again and let it soak.`
  }
}

function anyUpstreamChecks(target: EnvironmentRule, facts: GateFacts, now: Date): RuleCheck[] {
  const options = target.requiresAny.map((upstream) =>
    upstreamChecks('requires-any', upstream, target, facts, now)
  )
  const satisfied = options.find((checks) => checks.every((c) => c.passed))
  if (satisfied) return satisfied
  const names = target.requiresAny.join(', ')
  const details = options
    .map((checks) =>
      checks
        .filter((c) => !c.passed)
        .map((c) => c.detail)
        .join(' ')
    )
    .join(' ')
  return [
    {
      rule: 'requires-any',
      environment: names,
      passed: false,
      detail: `${target.name} takes a digest that passed one of ${names}; none qualifies. ${details}`
    }
  ]
}

/** A refusal decided before any rule could be checked: one failed check, with its reason. */
export function refusal(
  mode: Decision['mode'],
  environment: string,
  digest: Digest | null,
  rule: RuleCheck['rule'],
  detail: string
): Decision {
  return {
    allowed: false,
    mode,
    digest,
    environment,
    checks: [{ rule, environment, passed: false, detail }],
    reason: detail
  }
}
