import { randomUUID } from 'node:crypto'
import type { Digest } from '../../core/digest.js'
import { DEFAULT_SERVER_URL } from '../../core/env.js'
import { SealError, quote, stopsPromotion } from '../../core/errors.js'
import {
  type LedgerFacts,
  type PromotionEvidence,
  amendmentOf,
  bytesMismatchDetail,
  decidePromotion,
  mayNeedApproval
} from '../../core/promotion/decide-promotion.js'
import { type Decision, type RuleCheck, refusal } from '../../core/promotion/gate.js'
import type { PromotionSubject } from '../../core/promotion/decide-promotion.js'
import { formatDuration } from '../../core/promotion/duration.js'
import { waitStep } from '../../core/promotion/soak-wait.js'
import {
  type EnvironmentRule,
  type PromotionPolicy,
  declaresServices,
  requireEnvironment,
  serviceFor,
  upstreamOf
} from '../../core/promotion/policy.js'
import {
  type LedgerEntry,
  type LiveSpan,
  type Mode,
  type NewRecord,
  type Service,
  describeService
} from '../../core/promotion/record.js'
import type { Ledger, LedgerView } from '../../stores/ledger/ledger.js'
import { knownFromHistory, lastGoodBefore, unusedApproval } from '../ledger/queries.js'
import type { KnownDigest, RecordOptions } from '../ledger/types.js'
import type { SignatureCheck } from '../signature/types.js'
import { judgeSignature, signatureFact } from '../signature/verdict.js'
import type { BytesCheck } from '../verify/types.js'
import { driftOfUpstreams } from '../observe/drift-facts.js'
import { keepAfterPromotion, planContract } from './contract-plan.js'
import type {
  ContractPlan,
  PromoteRequest,
  PromoteResult,
  SoakWait,
  WithoutBytes
} from './types.js'

/**
 * Promote (or roll back) a digest into an environment, in three steps a reader can follow
 * from top to bottom:
 *
 * 1. Gather the facts, outside any lock, each once: the digest ("previous" resolved), what
 *    earlier records say of it, its bytes, its signature, its contracts. Evidence that fails
 *    becomes a refusal to record (a fetch that fails, a signature refused); bad input stops
 *    here with nothing recorded.
 * 2. Decide once, in core (`decidePromotion`, pure), inside the ledger's step, with what the
 *    ledger says at that moment: the veto, the live digest, the upstream stretches, an unused
 *    approval. The live digest read here is checked against the one the contracts were
 *    compared with: a change in between refuses.
 * 3. Record the decision, refusals too: `pending` when allowed, so nothing counts as deployed
 *    until the deployment is confirmed; then what the ledger's own checks after the append
 *    found, and the candidate's contract kept for later baselines.
 *
 * A ledger that cannot be read or written is a refusal (fail closed).
 */
export async function promoteDigest(
  request: PromoteRequest,
  policy: PromotionPolicy,
  ledger: Ledger,
  options: RecordOptions
): Promise<PromoteResult> {
  const rule = environmentOf(request, policy)
  const mode: Mode = request.rollback ? 'rollback' : 'promote'
  const nameInput = request.inputs.name ?? 'name'
  const outcome = new Outcome(request, policy, nameInput)

  // 1. The facts.
  const target = await resolveTarget(request, policy, rule, ledger, nameInput, outcome)
  if (target.kind === 'unreadable') {
    if (target.service !== undefined) outcome.service = target.service
    return outcome.ledgerRefusal(mode, rule, target.error)
  }
  const digest = target.digest
  outcome.digest = digest
  if (target.service !== undefined) outcome.service = target.service
  let history: KnownDigest
  try {
    history = await knownFromHistory(ledger, digest)
  } catch (error) {
    return outcome.ledgerRefusal(mode, rule, error)
  }
  outcome.learn(history)
  let evidence: Evidence = { refusal: target.refusal, withoutBytes: null, contract: null }
  let bytesAbsent: string | null = null
  if (evidence.refusal === null && request.verifyBytes) {
    const checked = await checkBytes(request.verifyBytes, digest, history, outcome)
    bytesAbsent =
      typeof checked === 'object' && checked !== null && 'absent' in checked ? checked.absent : null
    evidence = {
      ...evidence,
      refusal: bytesAbsent !== null ? null : (checked as PromotionEvidence['refusal'])
    }
  }
  if (evidence.refusal === null && request.checkSignature)
    evidence = { ...evidence, ...(await checkSignature(request, digest, rule, mode, outcome)) }
  // Nothing carried for bytes fetched by default: a signed seal of a digest alone has none to
  // carry; anything else is a bytes refusal, recorded.
  if (evidence.refusal === null && bytesAbsent !== null && !digestAlone(outcome.signature)) {
    evidence = {
      ...evidence,
      refusal: {
        rule: 'bytes',
        detail: `The bytes to deploy could not be fetched and checked: ${bytesAbsent} ${signatureFound(outcome.signature)}`
      }
    }
  }
  // No bytes: let through only what is known to have none, or what the caller says so of.
  if (
    evidence.refusal === null &&
    (!request.verifyBytes || bytesAbsent !== null) &&
    !request.dryRun
  )
    evidence = {
      ...evidence,
      withoutBytes: withoutBytes(request.withoutBytes, rule.name, digest, outcome.signature)
    }
  // Bad input (a name the policy does not list, or nothing proving which service) is thrown here,
  // before anything is recorded.
  const service = (outcome.service ??= serviceOfPromotion(
    policy,
    rule,
    outcome,
    history,
    nameInput
  ))
  // For people reading the record: the name that picked the service, else what the statement claims
  // (the service stays as decided).
  outcome.name ??= outcome.signedName ?? history.name ?? null
  if (outcome.name === null && outcome.claimedName !== null) {
    outcome.name = outcome.claimedName
    outcome.nameClaimed = true
  }
  if (evidence.refusal === null && request.contract) {
    try {
      outcome.contract = await planContract(
        {
          environment: rule.name,
          service,
          digest,
          bytes: outcome.verification,
          signed: outcome.signature?.status === 'verified' ? outcome.signature.contract : undefined,
          recorded: history.contract ?? null,
          compare: (rule.contract ?? null) !== null,
          now: () => ledger.now()
        },
        request.contract,
        ledger
      )
    } catch (error) {
      if (!(error instanceof SealError) || stopsPromotion(error)) throw error
      return outcome.ledgerRefusal(mode, rule, error)
    }
    evidence = { ...evidence, contract: outcome.contract }
  }
  const artifact = outcome.verification?.artifact ?? request.artifact ?? history.artifact

  // 2. and 3. Decide inside the ledger's step, and record.
  const subject = { digest, rule, mode, service }
  let decision: Decision | null = null
  const decideAndRecord = async (view: LedgerView): Promise<NewRecord | null> => {
    const facts = await ledgerFacts(view, subject, policy, evidence)
    outcome.previous = facts.live
    decision = decidePromotion(subject, evidence, facts)
    if (request.dryRun) return null
    const record = recordOf(
      request,
      {
        ...subject,
        outcome: decision.allowed ? 'pending' : 'refused',
        previous: facts.live,
        reason: decision.reason
      },
      outcome,
      artifact,
      decision
    )
    return request.attest
      ? { ...record, attestation: await request.attest(record, decision, outcome.signature) }
      : record
  }
  const decided = (): Decision => {
    if (decision === null)
      throw new Error('unreachable: the ledger recorded without running the gate')
    return decision
  }
  try {
    if (request.wait !== undefined && !request.dryRun && evidence.refusal === null)
      outcome.waitedMs = await waitForSoak(request.wait, ledger, subject, policy, evidence)
    if (request.dryRun) {
      await decideAndRecord(ledger)
      return outcome.result(decided())
    }
    const recorded = await ledger.record(rule.name, decideAndRecord, options.pendingTimeoutMs)
    outcome.abandoned = recorded.abandoned
    if (recorded.lost === null)
      await keepAfterPromotion(request.contract, outcome.contract, decided().allowed)
    return outcome.result(
      recorded.lost === null ? decided() : lostAfterAppend(decided(), rule.name, recorded.lost),
      recorded.entry
    )
  } catch (error) {
    return outcome.ledgerRefusal(mode, rule, error)
  }
}

type Evidence = PromotionEvidence & { readonly contract: ContractPlan | null }

/** The environment's rule; a name the policy does not have is bad input. */
function environmentOf(request: PromoteRequest, policy: PromotionPolicy): EnvironmentRule {
  return requireEnvironment(policy, request.environment, request.inputs.environment)
}

/** What a promotion has learned so far, and the result it makes of a decision. */
class Outcome {
  digest: Digest | null
  /** Known before the digest for "previous" (whose previous?), else once the name is. */
  service: Service | undefined
  previous: LiveSpan | null = null
  sealedBy: PromoteRequest['sealedBy']
  name: string | null
  /** What an unsigned statement beside the bytes says the name is: shown as claimed, never used. */
  claimedName: string | null
  /** The verified signature's statement's name; undefined while no signature verified. */
  signedName: string | null | undefined
  verification: BytesCheck | null = null
  signature: SignatureCheck | null = null
  contract: ContractPlan | null = null
  abandoned: readonly LedgerEntry[] = []
  readonly policyPins: boolean
  /** With `from`: what it ran, and for which service. */
  from: LiveSpan | null = null
  fromService: Service | undefined
  waitedMs = 0
  /** The name the record keeps is only what an unsigned statement claims. */
  nameClaimed = false

  constructor(
    request: PromoteRequest,
    private readonly policy: PromotionPolicy,
    private readonly nameInput: string
  ) {
    this.policyPins = (policy.service ?? null) !== null
    this.digest = request.digest === 'previous' ? null : request.digest
    this.sealedBy = request.sealedBy
    this.name = request.name
    this.claimedName = request.claimedName ?? null
  }

  /**
   * Who sealed the bytes, as earlier records or the statement that travelled with them say, when
   * the caller did not. A name is never taken from them here.
   */
  learn(known: { readonly sealedBy: PromoteRequest['sealedBy'] }): void {
    this.sealedBy ??= known.sealedBy
  }

  result(decision: Decision, record: LedgerEntry | null = null): PromoteResult {
    return {
      decision,
      digest: this.digest,
      service:
        this.service !== undefined
          ? this.service
          : serviceFor(this.policy, this.name, this.nameInput),
      claimedName: this.nameClaimed || this.name !== this.claimedName ? this.claimedName : null,
      previous: this.previous,
      record,
      abandoned: this.abandoned,
      sealedBy: this.sealedBy,
      name: this.name,
      verification: this.verification,
      signature: this.signature,
      contract: this.contract,
      from: this.from,
      waitedMs: this.waitedMs
    }
  }

  /** The ledger could not be read or written: a refusal (fail closed), recorded nowhere. */
  ledgerRefusal(mode: Mode, rule: EnvironmentRule, error: unknown): PromoteResult {
    if (!(error instanceof SealError)) throw error
    return this.result(
      refusal(
        mode,
        rule.name,
        this.digest,
        'ledger',
        `The ledger could not be read or written, so the promotion is refused (fail closed): ${error.message}`
      )
    )
  }
}

type Target =
  | {
      readonly kind: 'digest'
      readonly digest: Digest
      readonly service?: Service
      readonly refusal: PromotionEvidence['refusal']
    }
  | { readonly kind: 'unreadable'; readonly error: unknown; readonly service?: Service }

/**
 * The digest promoted: the one given, or for "previous" the last digest the service ran in
 * the environment before its live one that is not vetoed. When there is none, the record is
 * a `ran-before` refusal against the digest the environment stays on.
 */
async function resolveTarget(
  request: PromoteRequest,
  policy: PromotionPolicy,
  rule: EnvironmentRule,
  ledger: Ledger,
  nameInput: string,
  outcome: Outcome
): Promise<Target> {
  if ((request.from ?? null) !== null)
    return resolveFrom(request, request.from as string, policy, rule, ledger, nameInput, outcome)
  if (request.digest === null)
    throw new Error('unreachable: a promotion with no digest and no environment to take it from')
  if (request.digest !== 'previous')
    return { kind: 'digest', digest: request.digest, refusal: null }
  let service: Service | undefined
  let live: LiveSpan | null
  let digest: Digest | null
  try {
    service = await serviceOfPrevious(request, policy, rule.name, ledger, nameInput)
    live = await ledger.live(rule.name, service)
    digest = await lastGoodBefore(ledger, rule.name, service)
  } catch (error) {
    if (stopsPromotion(error)) throw error
    return { kind: 'unreadable', error, ...(service === undefined ? {} : { service }) }
  }
  if (digest !== null) return { kind: 'digest', digest, service, refusal: null }
  const of = service === null && !declaresServices(policy) ? '' : ` (${describeService(service)})`
  if (live === null)
    throw new SealError(
      'bad-input',
      `${request.inputs.digest}: ${rule.name}${of} never ran a digest, so there is nothing to roll back to. ` +
        'Promote a digest instead.'
    )
  return {
    kind: 'digest',
    digest: live.digest,
    service,
    refusal: {
      rule: 'ran-before',
      detail:
        `${rule.name}${of} ran no other digest that is not vetoed before ${live.digest}; there is ` +
        'nothing to roll back to.'
    }
  }
}

/**
 * The digest `from` runs for the service promoted: the policy's pinned service, the one named,
 * else the one service live there (several is ambiguous: the name is asked for). Bad input,
 * nothing recorded, when `from` is not an environment of the policy, runs nothing for the
 * service, or runs another digest than the one also given.
 */
async function resolveFrom(
  request: PromoteRequest,
  from: string,
  policy: PromotionPolicy,
  rule: EnvironmentRule,
  ledger: Ledger,
  nameInput: string,
  outcome: Outcome
): Promise<Target> {
  const fromInput = request.inputs.from ?? 'from'
  requireEnvironment(policy, from, fromInput)
  if (from === rule.name)
    throw new SealError(
      'bad-input',
      `${fromInput}: ${quote(from)} is the environment promoted into; name the environment whose live digest ` +
        'goes there, such as the one it requires.'
    )
  if (request.rollback)
    throw new SealError(
      'bad-input',
      `${fromInput}: a rollback returns to a digest ${rule.name} ran before; it takes nothing from ${quote(from)}. Remove one of the two.`
    )
  let candidates: readonly Service[]
  const lives: Array<{ readonly service: Service; readonly live: LiveSpan }> = []
  try {
    candidates =
      outcome.policyPins || request.name !== null
        ? [serviceFor(policy, request.name, nameInput)]
        : (policy.services ?? (await ledger.services(from)))
    for (const service of candidates) {
      const live = await ledger.live(from, service)
      if (live !== null) lives.push({ service, live })
    }
  } catch (error) {
    if (stopsPromotion(error)) throw error
    return { kind: 'unreadable', error }
  }
  const which = candidates.length === 1 ? ` for ${describeService(candidates[0] as Service)}` : ''
  if (lives.length === 0) {
    throw new SealError(
      'bad-input',
      `${fromInput}: ${from} runs no digest${which}: no deployment there was confirmed, so there is nothing to ` +
        `promote from it. Promote a digest to ${from} first, or give ${request.inputs.digest}.`
    )
  }
  if (lives.length > 1) {
    throw new SealError(
      'bad-input',
      `${fromInput}: ${from} runs several services (${lives.map((l) => `${l.service === null ? 'the default service' : quote(l.service)}: ${l.live.digest}`).join(', ')}), so which one ` +
        `to promote is ambiguous. Give ${nameInput}: the service to promote.`
    )
  }
  const { service, live } = lives[0] as { readonly service: Service; readonly live: LiveSpan }
  if (request.digest !== null && request.digest !== 'previous' && request.digest !== live.digest) {
    throw new SealError(
      'bad-input',
      `${request.inputs.digest}: ${request.digest} is not what ${fromInput} ${quote(from)} runs${which}: it ` +
        `runs ${live.digest} (since ${live.from}). Give one of the two, or the ` +
        'digest it runs.'
    )
  }
  outcome.from = live
  outcome.fromService = service
  return { kind: 'digest', digest: live.digest, service, refusal: null }
}

/**
 * The service a rollback to "previous" is of: the policy's, or the one named; without a name
 * and when the policy lists no services, the one whose deployment to the environment was
 * confirmed last (one service: the only one). With several listed, a name is needed.
 */
async function serviceOfPrevious(
  request: PromoteRequest,
  policy: PromotionPolicy,
  environment: string,
  ledger: LedgerView,
  nameInput: string
): Promise<Service> {
  if ((policy.service ?? null) !== null || request.name !== null)
    return serviceFor(policy, request.name, nameInput)
  const listed = policy.services ?? null
  if (listed !== null) {
    throw new SealError(
      'bad-input',
      `${request.inputs.digest}: "previous" is the last good digest of one service, and the promotion policy ${policy.source} lists several (${listed.map(quote).join(', ')}). ` +
        `Give ${nameInput}: the service to roll back.`
    )
  }
  return (await ledger.newest(environment))?.service ?? null
}

/**
 * The bytes about to be deployed, fetched and checked: a `bytes` refusal when they differ or cannot
 * be had (an expired artifact, a download cut short).
 */
async function checkBytes(
  verifyBytes: NonNullable<PromoteRequest['verifyBytes']>,
  digest: Digest,
  history: KnownDigest,
  outcome: Outcome
): Promise<PromotionEvidence['refusal'] | { readonly absent: string }> {
  try {
    const check = await verifyBytes(digest, history)
    // No carrier held what the seal carried, fetched by default: the signature decides whether
    // there were bytes to carry.
    if (check.absent !== undefined) return { absent: check.absent }
    outcome.verification = check
    outcome.learn(check)
    outcome.claimedName ??= check.name ?? null
    return check.verified
      ? null
      : { rule: 'bytes', detail: bytesMismatchDetail(check.actual, check.mismatches, digest) }
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return {
      rule: 'bytes',
      detail: `The bytes to deploy could not be fetched and checked: ${error.message}`
    }
  }
}

/**
 * The seal's signature, judged once (`judgeSignature`): one refused is a `signature` refusal;
 * none at all is one when a signature is required for a promotion and the environment has no
 * signed-by rule (with one, the gate refuses under that rule, which is what the policy asked
 * for). A verified signature's statement, not an unsigned file or an earlier record, says who
 * sealed the bytes.
 */
async function checkSignature(
  request: PromoteRequest,
  digest: Digest,
  rule: EnvironmentRule,
  mode: Mode,
  outcome: Outcome
): Promise<Pick<PromotionEvidence, 'refusal' | 'signature'>> {
  let check: SignatureCheck
  try {
    check = await (request.checkSignature as NonNullable<PromoteRequest['checkSignature']>)(
      digest,
      outcome.verification
    )
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    check = {
      status: 'refused',
      detail: `The seal's signature could not be checked: ${error.message}`
    }
  }
  outcome.signature = check
  // A rollback returns to bytes the environment ran, but whoever names a signer asks for one on every way in.
  const required = rule.signedBy === null ? (request.signatureRequired ?? null) : null
  const verdict = judgeSignature(
    check,
    required,
    mode === 'promote' ? 'Seal it with "permissions: id-token: write" or a signing-key.' : null
  )
  if (!verdict.accepted) return { refusal: { rule: 'signature', detail: verdict.reason } }
  if (check.status === 'verified') {
    outcome.sealedBy = check.sealedBy
    outcome.signedName = check.name
    const swapped = swappedStatement(check.name, outcome.claimedName)
    if (swapped !== null) return { refusal: { rule: 'signature', detail: swapped } }
    contradictedName(request, outcome, check.name, mode)
  }
  return {
    refusal: null,
    signature: signatureFact(check, request.serverUrl ?? DEFAULT_SERVER_URL)
  }
}

/**
 * The statement that travelled unsigned beside the bytes is a copy of the signed one; when it
 * names another subject, one of the two was put there for another artifact (a swap, or an
 * edit meant to reroute the promotion to another service): refused, whatever the rules say.
 */
function swappedStatement(signed: string | null, claimed: string | null): string | null {
  if (claimed === null || claimed === signed) return null
  return (
    `The seal's signed statement is of ${signed === null ? 'an unnamed subject' : quote(signed)}, but the ` +
    `unsigned statement beside it names ${quote(claimed)}: ` +
    ('the seal bundle was swapped or edited after it was signed. Promote with the seal bundle exactly as the ' +
      'seal step wrote it.')
  )
}

/**
 * A name given that the signed seal contradicts is a mix-up of services (bad input, nothing
 * recorded), unless the policy pins the one service there is.
 */
function contradictedName(
  request: PromoteRequest,
  outcome: Outcome,
  signed: string | null,
  mode: Mode
): void {
  const given = request.name ?? outcome.fromService ?? null
  if (outcome.policyPins || given === null || signed === null || signed === given) return
  const nameInput = request.inputs.name ?? 'name'
  const what =
    request.name !== null
      ? quote(given)
      : `${quote(given)}, the service ${request.inputs.from ?? 'from'} runs it as,`
  throw new SealError(
    'bad-input',
    `${nameInput}: ${what} is not the service this ${mode === 'rollback' ? 'rollback returns to' : 'seal is of'}: its signed statement names ${quote(signed)}. ` +
      (`Give ${nameInput}: ${signed} (or leave it out), or pin the one service in the promotion policy ` +
        '("service: ...") when every artifact it promotes is one service.')
  )
}

/**
 * The service a promotion is of, from the strongest word on it down: the policy's pin, the
 * name the caller gave, the signed statement's subject name, the service earlier records that
 * let the digest in were of, the default service. An unsigned statement's name proves nothing:
 * where the policy lists its services it is never used, and when nothing stronger says which
 * the promotion stops and asks for the name; where it lists none and no contract rule judges
 * the environment, the name only keeps one artifact's seals, signed or not, in one stream.
 */
function serviceOfPromotion(
  policy: PromotionPolicy,
  rule: EnvironmentRule,
  outcome: Outcome,
  history: KnownDigest,
  nameInput: string
): Service {
  if (outcome.policyPins) return serviceFor(policy, null, nameInput)
  const proven = outcome.name ?? outcome.signedName ?? null
  if (proven !== null) return serviceFor(policy, proven, nameInput)
  if (history.service !== undefined) return serviceFor(policy, history.service, nameInput)
  // Without a list of services, the claim only labels one stream: an unsigned and a signed seal
  // of the same artifact must not become two services, or the older would stay live beside the
  // newer (and keep soaking). It never outranks a proven name; with a list it picks nothing; and
  // where a contract rule judges the environment it picks nothing either, since the service
  // decides which contract the candidate is compared with (a claim could pick a service whose
  // contract it fits): there it is the default service, and a signed seal's service new to the
  // environment is refused while another runs (the contract rule's own guard).
  if (outcome.claimedName !== null && (policy.services ?? null) === null && !rule.contract)
    return serviceFor(policy, outcome.claimedName, nameInput)
  if (outcome.claimedName !== null && (policy.services ?? null) === null)
    return serviceFor(policy, null, nameInput)
  if (outcome.claimedName !== null) {
    throw new SealError(
      'bad-input',
      `${nameInput}: the promotion policy ${policy.source} lists its services, and nothing proves which one ` +
        `this is: the seal's unsigned statement claims ${quote(outcome.claimedName)}, ` +
        (`which anyone who handled the files could have written. Give ${nameInput} (the service it deploys), or ` +
          'sign the seal so its name is proven.')
    )
  }
  return serviceFor(policy, null, nameInput)
}

/**
 * What a promotion without bytes rests on, as a passed check the decision shows; bad input
 * (nothing recorded) when the seal is not known to be of a digest alone and the caller did
 * not say to promote it so.
 */
function withoutBytes(
  rule: WithoutBytes,
  environment: string,
  digest: Digest,
  signature: SignatureCheck | null
): RuleCheck {
  if (digestAlone(signature)) {
    return {
      rule: 'bytes',
      environment,
      passed: true,
      detail:
        'No files to check: the signed seal is of the digest alone (sealed with subject-digest), so the ' +
        `deployment takes ${digest} itself.`
    }
  }
  if (rule.declared) {
    return {
      rule: 'bytes',
      environment,
      passed: true,
      detail:
        'Not checked: the promotion says it carries no bytes (digest-only), so nothing here proved that ' +
        `what is deployed is ${digest}.`
    }
  }
  throw new SealError('bad-input', `${rule.missing} ${signatureFound(signature)}`)
}

/** A verified signature says the seal is of a digest alone: there are no files to check. */
function digestAlone(signature: SignatureCheck | null): boolean {
  return signature?.status === 'verified' && signature.digestOnly
}

/** What the signature showed of a promotion without bytes that it did not let through. */
function signatureFound(signature: SignatureCheck | null): string {
  return signature === null
    ? 'No signature was looked for.'
    : signature.status === 'verified'
      ? `Its signed seal (${signature.source}) is of files, not of a digest alone.`
      : signature.status === 'unsigned'
        ? signature.detail
        : `Its signature was refused: ${signature.detail}`
}

/**
 * What the ledger says inside its step: the service's live digest always (the record names
 * it); the rest only when the evidence left the rules to decide: the veto, the digest's
 * stretches where the rules look, another service the environment runs (a contract rule's
 * guard), and an unused approval of the amendment when it needs one.
 */
async function ledgerFacts(
  view: LedgerView,
  subject: {
    readonly digest: Digest
    readonly rule: EnvironmentRule
    readonly mode: Mode
    readonly service: Service
  },
  policy: PromotionPolicy,
  evidence: Evidence
): Promise<LedgerFacts> {
  const { digest, rule, mode, service } = subject
  const live = await view.live(rule.name, service)
  if (evidence.refusal !== null)
    return {
      now: new Date(0),
      veto: null,
      live,
      spans: new Map(),
      otherService: null,
      approval: null
    }
  const environments: readonly string[] = mode === 'rollback' ? [rule.name] : upstreamOf(rule)
  // A service new to an environment that runs another one, when the policy does not say there are
  // several (an artifact renamed from build to build), is judged against no contract. A pinned
  // service is no list: records under another name (written before the pin) may be the same service.
  const newest =
    rule.contract && live === null && (policy.services ?? null) === null
      ? await view.newest(rule.name)
      : null
  const contract = evidence.contract
  return {
    veto: await view.veto(digest),
    live,
    spans: new Map(
      await Promise.all(
        environments.map(async (env) => [env, await view.spans(digest, env, service)] as const)
      )
    ),
    otherService: newest,
    drift: await driftOfUpstreams(view, policy, rule, service),
    approval:
      contract !== null && rule.contract && mayNeedApproval(contract)
        ? await unusedApproval(
            view,
            contract.environment,
            service,
            contract.live?.digest ?? null,
            contract.candidate?.digest as Digest
          )
        : null,
    now: await view.now()
  }
}

/** How often a wait looks again for a confirmation that may come at any moment. */
const CONFIRMATION_POLL_MS = 30_000

/**
 * Sleeps while what stands in the promotion's way is time alone: a soak still running, or a
 * `requires` whose deployment of the digest is pending its confirmation. Each time it reads the
 * ledger and judges everything again (outside any lock: the decision that counts is made again
 * inside the ledger's step), up to what is left of the wait. Returns how long it slept; says
 * what it waited for, and why it stopped waiting.
 */
async function waitForSoak(
  wait: SoakWait,
  ledger: LedgerView,
  subject: PromotionSubject,
  policy: PromotionPolicy,
  evidence: Evidence
): Promise<number> {
  let slept = 0
  for (;;) {
    const facts = await ledgerFacts(ledger, subject, policy, evidence)
    const trial = decidePromotion(subject, evidence, facts)
    const pendingIn = await pendingUpstreams(ledger, subject, trial)
    const step = waitStep(
      trial,
      subject.rule,
      facts.spans,
      pendingIn,
      facts.now,
      CONFIRMATION_POLL_MS
    )
    if (step === null) return slept
    // The ledger's clock counts whole seconds on GitHub: a second more, so one sleep is enough.
    const nap = step.ms + 1000
    const what = [
      ...(step.soaking.length > 0
        ? [`${subject.digest} to soak in ${step.soaking.join(', ')}`]
        : []),
      ...(step.confirming.length > 0
        ? [`its deployment to ${step.confirming.join(', ')} to be confirmed`]
        : [])
    ].join(' and ')
    if (slept + nap > wait.maxMs) {
      const left = formatDuration(wait.maxMs - slept)
      const already = slept > 0 ? ` (waited ${formatDuration(slept)} already)` : ''
      wait.log(
        step.confirming.length > 0
          ? `Still waiting for ${what}, with ${left} left to wait${already}; deciding now.`
          : `The soak in ${step.soaking.join(', ')} is over in ${formatDuration(step.ms)}, more than the ${left} left to wait${already}; deciding now.`
      )
      return slept
    }
    wait.log(
      `Waiting ${formatDuration(nap)} for ${what} before ${subject.rule.name} takes it; the ledger is read and every rule judged ` +
        'again then.'
    )
    await wait.sleep(nap)
    slept += nap
  }
}

/** The environments a failed `requires` names where this digest's deployment awaits its confirmation. */
async function pendingUpstreams(
  ledger: LedgerView,
  subject: PromotionSubject,
  trial: Decision
): Promise<Set<string>> {
  const asked = trial.checks.filter(
    (c) => !c.passed && (c.rule === 'requires' || c.rule === 'requires-any')
  )
  const pendingIn = new Set<string>()
  for (const check of asked) {
    const pending = await ledger.pending(check.environment, subject.service)
    if (pending.some((entry) => entry.digest === subject.digest)) pendingIn.add(check.environment)
  }
  return pendingIn
}

/**
 * The GitHub ledger's checks after the append found the record cannot stand (the live digest moved
 * under it): the promotion is refused.
 */
function lostAfterAppend(decision: Decision, environment: string, lost: string): Decision {
  const check: RuleCheck = { rule: 'ledger', environment, passed: false, detail: lost }
  return {
    ...decision,
    allowed: false,
    checks: [...decision.checks, check],
    reason: [decision.reason, lost].filter((r) => r !== null).join(' ')
  }
}

function recordOf(
  request: PromoteRequest,
  decided: {
    readonly digest: Digest
    readonly service: Service
    readonly mode: Mode
    readonly outcome: 'pending' | 'refused'
    readonly previous: LiveSpan | null
    readonly reason: string | null
  },
  outcome: Outcome,
  artifact: PromoteRequest['artifact'],
  decision: Decision
): NewRecord {
  const amendment =
    outcome.contract === null ? null : amendmentOf(outcome.contract, decision.approvalUsed ?? null)
  return {
    digest: decided.digest,
    name: outcome.name,
    environment: request.environment,
    service: decided.service,
    outcome: decided.outcome,
    mode: decided.mode,
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy: outcome.sealedBy,
    previousDigest: decided.previous?.digest ?? null,
    reason: decided.reason,
    environmentUrl: request.environmentUrl,
    artifact,
    resolves: null,
    key: randomUUID(),
    ...(outcome.contract?.candidate ? { contract: outcome.contract.candidate } : {}),
    ...(amendment !== null ? { amendment } : {})
  }
}
