import { randomUUID } from 'node:crypto'
import type { Digest } from '../../core/digest.js'
import { BadInputError, SealError, quote } from '../../core/errors.js'
import { type Decision, type GateFacts, type RuleCheck, type SignatureFact, decide, refusal } from '../../core/promotion/gate.js'
import { type PromotionPolicy, declaresServices, findEnvironment, upstreamOf } from '../../core/promotion/policy.js'
import type { Mismatch } from '../../core/listing.js'
import { type ArtifactRef, type AttestationRef, type LedgerEntry, type LiveSpan, type Mode, type NewRecord, type SealedBy, type Service, describeService } from '../../core/promotion/record.js'
import type { SignatureCheck } from '../signature/types.js'
import type { ContractRef } from '../../core/contract/manifest.js'
import { type ContractPlan, amendmentOf, contractFact, planContract, unusedApproval } from './contract-plan.js'
import type { ContractSources } from './contract-sources.js'
import type { Ledger, LedgerView } from '../../stores/ledger/ledger.js'

/** The bytes about to be deployed, checked against the digest. */
export interface BytesCheck {
  readonly verified: boolean
  /** What the bytes hash to. */
  readonly actual: Digest
  /** Every file that differs, when a listing was there to tell. */
  readonly mismatches: readonly Mismatch[]
  /** Where the verified files are, for the deploy step; null when they are not verified. */
  readonly path: string | null
  /** The workflow artifact they came from, to record for later runs. */
  readonly artifact: ArtifactRef | null
  /** The build that sealed them, from the statement that travelled with them. */
  readonly sealedBy: SealedBy | null
  /** The artifact's name, from the statement that travelled with them: what a local listing's statement gives the CLI. */
  readonly name?: string | null
  /** The seal's listing that travelled with them, beside which a signed statement may be. */
  readonly checksumsFile: string | null
}

/** What earlier records say about a digest: who sealed it, its name, where its files are, its contract. */
export interface KnownDigest {
  readonly sealedBy: SealedBy | null
  readonly name: string | null
  readonly artifact: ArtifactRef | null
  readonly contract?: ContractRef | null
}

/** For a check that has no ledger to ask. */
export const NOTHING_KNOWN: KnownDigest = { sealedBy: null, name: null, artifact: null, contract: null }

/** Who is asking, as the record will say. */
export interface Requester {
  readonly runUrl: string | null
  readonly actor: string | null
}

export interface PromoteRequest {
  readonly environment: string
  /** A digest, or "previous" with rollback: the last good digest before the live one. */
  readonly digest: Digest | 'previous'
  readonly rollback: boolean
  readonly dryRun: boolean
  readonly name: string | null
  readonly environmentUrl: string | null
  /** From the seal's statement when the caller has it; else looked up in the ledger. */
  readonly sealedBy: SealedBy | null
  readonly requester: Requester
  /** Names the inputs or options in error messages; `name` picks the service ("name" by default). */
  readonly inputs: { readonly environment: string; readonly digest: string; readonly name?: string }
  /** The workflow artifact holding the files, when the caller knows it. */
  readonly artifact: ArtifactRef | null
  /**
   * Fetches and checks the bytes about to be deployed once the digest is known; absent when
   * none are given. `known` is what the ledger says about the digest (where its files are).
   */
  readonly verifyBytes?: (digest: Digest, known: KnownDigest) => Promise<BytesCheck>
  /**
   * Without verifyBytes: what lets the digest through with no bytes checked. A seal whose
   * signed statement says it is of a digest alone (subject-digest: an image) always;
   * `declared` when the caller says so for this promotion (digest-only: true). Neither: bad
   * input, refused before anything is recorded, with `missing` (which names what to give)
   * and what the signature check found.
   */
  readonly withoutBytes: WithoutBytes
  /**
   * Finds and checks the seal's signature once the bytes are checked (the bundle that
   * travelled with them, or the attestations API); absent when signatures are not checked.
   */
  readonly checkSignature?: (digest: Digest, bytes: BytesCheck | null) => Promise<SignatureCheck>
  /** Refuse a seal that carries no signature (a promotion; a rollback returns to bytes the environment ran). */
  readonly requireSignature?: boolean
  /** The GitHub server the signer's identity is on, for the policy's signed-by rule. */
  readonly serverUrl?: string
  /**
   * Signs the record about to be written as a verification summary and stores it, inside the
   * ledger step, so the record can link it; absent when records are not signed.
   */
  readonly attest?: (record: NewRecord, decision: Decision | null, signature: SignatureCheck | null) => Promise<AttestationRef>
  /** Where the candidate's contract and the one the environment runs are found; absent when contracts are not looked at. */
  readonly contract?: ContractSources
}

/** See PromoteRequest.withoutBytes. */
export interface WithoutBytes {
  readonly declared: boolean
  readonly missing: string
}

export interface PromoteResult {
  readonly decision: Decision
  /** The digest the request resolved to ("previous" becomes the actual digest). */
  readonly digest: Digest | null
  /** The service the promotion is of (`serviceFor`); what it runs is what `previous` and the gate's facts are about. */
  readonly service: Service
  /** What the service ran in the environment before this promotion. */
  readonly previous: LiveSpan | null
  /** The record written (pending when allowed); null for a dry run or when the ledger could not be written. */
  readonly record: LedgerEntry | null
  /** Stale pending records of the environment this promotion marked abandoned. */
  readonly abandoned: readonly LedgerEntry[]
  readonly sealedBy: SealedBy | null
  /** The artifact's name, as given or as earlier records of the digest say. */
  readonly name: string | null
  /** The check of the bytes, when they were given. */
  readonly verification: BytesCheck | null
  /** The check of the seal's signature, when one was made. */
  readonly signature: SignatureCheck | null
  /** The two contracts and every change between them, when contracts were looked at. */
  readonly contract: ContractPlan | null
}

export interface PromoteOptions {
  /** How long a pending record waits for its confirmation before the next gate abandons it. */
  readonly pendingTimeoutMs: number
}

/**
 * Promote (or roll back) a digest into an environment. What takes long and needs no lock
 * comes first: resolving "previous", what the history knows of the digest, fetching and
 * checking the bytes. Then, in one ledger step, the gate reads its facts (veto, live digest,
 * upstream stretches: of the promotion's service), decides, and records the decision,
 * refusals too: `pending` when allowed, so that nothing counts as deployed until the
 * deployment is confirmed. A ledger that cannot be read is a refusal (fail closed).
 */
export async function promoteDigest(request: PromoteRequest, policy: PromotionPolicy, ledger: Ledger, options: PromoteOptions): Promise<PromoteResult> {
  const rule = findEnvironment(policy, request.environment)
  if (!rule) {
    throw new SealError(
      `${request.inputs.environment}: ${quote(request.environment)} is not an environment of the promotion policy ${policy.source}. ` +
        `Use one of: ${policy.environments.map((e) => e.name).join(', ')}, or add it to the policy.`
    )
  }
  const mode: Mode = request.rollback ? 'rollback' : 'promote'
  const nameInput = request.inputs.name ?? 'name'
  let digest: Digest | null = request.digest === 'previous' ? null : request.digest
  // Known before the digest for "previous" (whose previous?), else once the name is.
  let service: Service | undefined
  let previous: LiveSpan | null = null
  let sealedBy = request.sealedBy
  let name = request.name
  let verification: BytesCheck | null = null
  let signature: SignatureCheck | null = null
  let abandoned: readonly LedgerEntry[] = []
  let contract: ContractPlan | null = null
  const result = (decision: Decision, record: LedgerEntry | null = null): PromoteResult => ({
    decision,
    digest,
    service: service ?? serviceFor(policy, name, nameInput),
    previous,
    record,
    abandoned,
    sealedBy,
    name,
    verification,
    signature,
    contract
  })
  const unreadable = (error: unknown): Decision => {
    if (!(error instanceof SealError)) throw error
    return refusal(mode, rule.name, digest, 'ledger', `The ledger could not be read or written, so the promotion is refused (fail closed): ${error.message}`)
  }

  let early: Decision | null = null
  let live: LiveSpan | null = null
  let history: KnownDigest = NOTHING_KNOWN
  try {
    if (digest === null) {
      service = await serviceOfPrevious(request, policy, rule.name, ledger, nameInput)
      live = await ledger.live(rule.name, service)
      digest = await lastGoodBefore(ledger, rule.name, service)
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error
    return result(unreadable(error))
  }
  if (digest === null) {
    const of = service === null && !declaresServices(policy) ? '' : ` (${describeService(service ?? null)})`
    if (live === null) throw new SealError(`${request.inputs.digest}: ${rule.name}${of} never ran a digest, so there is nothing to roll back to. Promote a digest instead.`)
    // Recorded against the digest the environment stays on.
    digest = live.digest
    early = refusal(mode, rule.name, digest, 'ran-before', `${rule.name}${of} ran no other digest that is not vetoed before ${digest}; there is nothing to roll back to.`)
  }
  try {
    history = await knownFromHistory(ledger, digest)
  } catch (error) {
    return result(unreadable(error))
  }
  const resolved = digest
  sealedBy ??= history.sealedBy
  name ??= history.name
  if (early === null && request.verifyBytes) {
    // A fetch that fails (an expired artifact, a download cut short) is a refusal, recorded like any other.
    try {
      verification = await request.verifyBytes(resolved, history)
      sealedBy ??= verification.sealedBy
      name ??= verification.name ?? null
      if (!verification.verified) early = refusal(mode, rule.name, resolved, 'bytes', bytesDetail(verification, resolved))
    } catch (error) {
      if (!(error instanceof SealError)) throw error
      early = refusal(mode, rule.name, resolved, 'bytes', `The bytes to deploy could not be fetched and checked: ${error.message}`)
    }
  }
  let signatureFact: SignatureFact | undefined
  if (early === null && request.checkSignature) {
    try {
      signature = await request.checkSignature(resolved, verification)
    } catch (error) {
      if (!(error instanceof SealError)) throw error
      signature = { status: 'refused', detail: `The seal's signature could not be checked: ${error.message}` }
    }
    const serverUrl = request.serverUrl ?? 'https://github.com'
    if (signature.status === 'refused') {
      early = refusal(mode, rule.name, resolved, 'signature', signature.detail)
    } else if (signature.status === 'unsigned') {
      // With a signed-by rule the gate refuses it under that rule, which is what the policy asked for.
      if (request.requireSignature && mode === 'promote' && rule.signedBy === null) {
        early = refusal(mode, rule.name, resolved, 'signature', `${signature.detail} A signature is required (a key, a trusted root or a signer is named, or require-signature asks for one); seal it with "permissions: id-token: write" or a signing-key.`)
      }
      signatureFact = { signer: null, missing: signature.detail, serverUrl }
    } else {
      // The signed statement, not an unsigned file beside it or an earlier record, says who sealed the bytes.
      sealedBy = signature.sealedBy
      name ??= signature.name
      signatureFact = { signer: signature.signer, missing: null, serverUrl }
    }
  }
  // No bytes: let through only what is known to have none, or what the caller says so of.
  let bytesNote: RuleCheck | null = null
  if (early === null && !request.verifyBytes && !request.dryRun) {
    bytesNote = withoutBytes(request.withoutBytes, rule.name, resolved, signature)
  }
  const artifact = verification?.artifact ?? request.artifact ?? history.artifact
  // Bad input (a name the policy does not list) is thrown here, before anything is recorded.
  const of: Service = (service ??= serviceFor(policy, name, nameInput))
  if (early === null && request.contract) {
    try {
      contract = await planContract(
        {
          environment: rule.name,
          service: of,
          digest: resolved,
          bytes: verification,
          signed: signature?.status === 'verified' ? signature.contract : undefined,
          recorded: history.contract ?? null,
          compare: (rule.contract ?? null) !== null,
          now: () => ledger.now()
        },
        request.contract,
        ledger
      )
    } catch (error) {
      if (!(error instanceof SealError) || error instanceof BadInputError) throw error
      return result(unreadable(error))
    }
  }

  // Set by decideOn, which the ledger runs inside its step.
  let decision = null as Decision | null
  const made = (): Decision => {
    if (decision === null) throw new Error('unreachable: the ledger recorded without running the gate')
    return decision
  }
  const decideOn = async (view: LedgerView): Promise<NewRecord | null> => {
    previous = await view.live(rule.name, of)
    if (early !== null) {
      decision = early
    } else {
      const environments = mode === 'rollback' ? [rule.name] : upstreamOf(rule)
      // Judged against no contract: a service new to an environment that runs another one,
      // when the policy does not say there are several (an artifact renamed from build to build).
      // A pinned service is no list: records under another name (written before the pin) may be the same service.
      const newest = rule.contract && previous === null && (policy.services ?? null) === null ? await view.newest(rule.name) : null
      const facts: GateFacts = {
        veto: await view.veto(resolved),
        live: previous,
        spans: new Map(await Promise.all(environments.map(async (env) => [env, await view.spans(resolved, env, of)] as const))),
        ...(signatureFact !== undefined ? { signature: signatureFact } : {}),
        ...(contract !== null && rule.contract ? { contract: contractFact(contract, previous, await approvalFor(view, contract, of)) } : {}),
        ...(newest !== null && newest.service !== of ? { otherService: newest } : {})
      }
      decision = decide({ digest: resolved, rule, mode, now: await view.now(), service: of }, facts)
      if (bytesNote !== null) decision = { ...decision, checks: [...decision.checks, bytesNote] }
    }
    if (request.dryRun) return null
    const amendment = contract === null ? null : amendmentOf(contract, decision.approvalUsed ?? null)
    const record: NewRecord = {
      ...recordOf({ ...request, name, artifact }, resolved, of, mode, decision.allowed ? 'pending' : 'refused', previous, decision.reason, sealedBy),
      ...(contract?.candidate ? { contract: contract.candidate } : {}),
      ...(amendment !== null ? { amendment } : {})
    }
    return request.attest ? { ...record, attestation: await request.attest(record, decision, signature) } : record
  }
  try {
    if (request.dryRun) {
      await decideOn(ledger)
      return result(made())
    }
    const recorded = await ledger.record(rule.name, decideOn, options.pendingTimeoutMs)
    abandoned = recorded.abandoned
    await keepContract(request.contract, contract, recorded.lost === null && made().allowed)
    if (recorded.lost !== null) {
      const lost: RuleCheck = { rule: 'ledger', environment: rule.name, passed: false, detail: recorded.lost }
      const decided = made()
      return result({ ...decided, allowed: false, checks: [...decided.checks, lost], reason: [decided.reason, recorded.lost].filter((r) => r !== null).join(' ') }, recorded.entry)
    }
    return result(made(), recorded.entry)
  } catch (error) {
    return result(unreadable(error))
  }
}

/**
 * What a promotion without bytes rests on, as a passed check the decision shows; bad input
 * (nothing recorded) when the seal is not known to be of a digest alone and the caller did
 * not say to promote it so.
 */
function withoutBytes(rule: WithoutBytes, environment: string, digest: Digest, signature: SignatureCheck | null): RuleCheck {
  if (signature?.status === 'verified' && signature.digestOnly) {
    return { rule: 'bytes', environment, passed: true, detail: `No files to check: the signed seal is of the digest alone (sealed with subject-digest), so the deployment takes ${digest} itself.` }
  }
  if (rule.declared) {
    return { rule: 'bytes', environment, passed: true, detail: `Not checked: the promotion says it carries no bytes (digest-only), so nothing here proved that what is deployed is ${digest}.` }
  }
  const found =
    signature === null
      ? 'No signature was looked for.'
      : signature.status === 'verified'
        ? `Its signed seal (${signature.source}) is of files, not of a digest alone.`
        : signature.status === 'unsigned'
          ? signature.detail
          : `Its signature was refused: ${signature.detail}`
  throw new BadInputError(`${rule.missing} ${found}`)
}

/** "The bytes to deploy are X, not Y: a (changed), b (missing) … differ from the seal." */
function bytesDetail(check: BytesCheck, digest: Digest): string {
  const files = check.mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`)
  const more = check.mismatches.length > 5 ? ` and ${check.mismatches.length - 5} more` : ''
  return `The bytes to deploy are ${check.actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(', ')}${more} differ from the seal.` : '.')
}

/**
 * The service a promotion is of: the one the policy names (`service:`), else the artifact's
 * name, which must then be one of the policy's `services:` when it lists them; a promotion
 * with no name belongs to the default service. A name the policy does not list is bad input:
 * a typo never starts a history of its own.
 */
export function serviceFor(policy: PromotionPolicy, name: string | null, nameInput = 'name'): Service {
  if ((policy.service ?? null) !== null) return policy.service as string
  const listed = policy.services ?? null
  if (listed === null || (name !== null && listed.includes(name))) return name
  throw new BadInputError(
    `${nameInput}: ${name === null ? 'the artifact has no name' : `the artifact's name is ${quote(name)}`}, but the promotion policy ${policy.source} lists its services, and that is not one of them: ${listed.map(quote).join(', ')}. ` +
      `Give ${nameInput} (the service it deploys), seal it under one of those names, or add it to "services" in the policy.`
  )
}

/**
 * The service a rollback to "previous" is of: the policy's, or the one named; without a name
 * and when the policy lists no services, the one whose deployment to the environment was
 * confirmed last (one service: the only one). With several listed, a name is needed.
 */
async function serviceOfPrevious(request: PromoteRequest, policy: PromotionPolicy, environment: string, ledger: LedgerView, nameInput: string): Promise<Service> {
  if ((policy.service ?? null) !== null || request.name !== null) return serviceFor(policy, request.name, nameInput)
  const listed = policy.services ?? null
  if (listed !== null) {
    throw new BadInputError(
      `${request.inputs.digest}: "previous" is the last good digest of one service, and the promotion policy ${policy.source} lists several (${listed.map(quote).join(', ')}). ` +
        `Give ${nameInput}: the service to roll back.`
    )
  }
  return (await ledger.newest(environment))?.service ?? null
}

/** Mark a digest bad: from now on no environment accepts it and rollbacks skip it. */
export async function vetoDigest(
  request: {
    readonly digest: Digest
    readonly environment: string
    readonly reason: string
    readonly name: string | null
    readonly requester: Requester
    /** Signs the veto record as a verification summary (FAILED) and stores it, so the record links it. */
    readonly attest?: (record: NewRecord, decision: null, signature: null) => Promise<AttestationRef>
  },
  ledger: Ledger,
  options: PromoteOptions
): Promise<LedgerEntry> {
  const known = await knownFromHistory(ledger, request.digest)
  // A veto holds for the digest everywhere; its service is only what the record says it was of.
  const name = request.name ?? known.name
  const recorded = await ledger.record(
    request.environment,
    async (view) => withAttestation(request.attest, {
      digest: request.digest,
      name,
      environment: request.environment,
      service: name,
      outcome: 'vetoed',
      mode: null,
      runUrl: request.requester.runUrl,
      actor: request.requester.actor,
      sealedBy: known.sealedBy,
      previousDigest: (await view.live(request.environment, name))?.digest ?? null,
      reason: request.reason,
      environmentUrl: null,
      artifact: known.artifact,
      resolves: null,
      key: randomUUID()
    }),
    options.pendingTimeoutMs
  )
  return recorded.entry as LedgerEntry
}

async function withAttestation(attest: ((record: NewRecord, decision: null, signature: null) => Promise<AttestationRef>) | undefined, record: NewRecord): Promise<NewRecord> {
  return attest ? { ...record, attestation: await attest(record, null, null) } : record
}

/**
 * Keeps the candidate's contract for later baselines once a promotion was let in with it, and
 * only then: a refused promotion, or one whose contract had a problem, leaves nothing behind.
 */
async function keepContract(sources: ContractSources | undefined, plan: ContractPlan | null, allowed: boolean): Promise<void> {
  const loaded = plan?.loaded ?? null
  if (!allowed || sources?.keep === undefined || plan === null || plan.problem !== null || loaded === null || loaded.manifest.digest !== plan.candidate?.digest) return
  await sources.keep(loaded)
}

/** The approval a breaking amendment may go through on; looked up only when there is one to approve. */
async function approvalFor(view: LedgerView, plan: ContractPlan, service: Service): Promise<LedgerEntry | null> {
  if (plan.candidate === null || plan.changes === null || !plan.changes.some((c) => c.severity === 'breaking' || c.severity === 'dangerous')) return null
  return unusedApproval(view, plan.environment, service, plan.live?.digest ?? null, plan.candidate.digest)
}

/** The last digest the service ran in the environment before its live one that is not vetoed; null when there is none. */
export async function lastGoodBefore(ledger: LedgerView, environment: string, service: Service): Promise<Digest | null> {
  for await (const span of ledger.previouslyLive(environment, service)) {
    if ((await ledger.veto(span.digest)) === null) return span.digest
  }
  return null
}

/** What the latest records of a digest that know say: who sealed it, its name, where its files are. */
export async function knownFromHistory(ledger: LedgerView, digest: Digest): Promise<KnownDigest> {
  let name: string | null = null
  let sealedBy: SealedBy | null = null
  let artifact: ArtifactRef | null = null
  let contract: ContractRef | null = null
  // A gate's record that let the digest in names the contract it carries when it has one; a resolution or a
  // veto does not say, and a refusal's is not taken: a refused promotion leaves nothing a later one trusts.
  let gateSeen = false
  for await (const entry of ledger.entries({ digest })) {
    name ??= entry.name
    sealedBy ??= entry.sealedBy
    artifact ??= entry.artifact
    if (entry.outcome === 'pending') contract ??= entry.contract ?? null
    gateSeen ||= entry.outcome === 'pending'
    if (name && sealedBy && artifact && (contract !== null || gateSeen)) break
  }
  return { sealedBy, name, artifact, contract }
}

function recordOf(
  request: PromoteRequest,
  digest: Digest,
  service: Service,
  mode: Mode,
  outcome: 'pending' | 'refused',
  previous: LiveSpan | null,
  reason: string | null,
  sealedBy: SealedBy | null
): NewRecord {
  return {
    digest,
    name: request.name,
    environment: request.environment,
    service,
    outcome,
    mode,
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy,
    previousDigest: previous?.digest ?? null,
    reason,
    environmentUrl: request.environmentUrl,
    artifact: request.artifact,
    resolves: null,
    key: randomUUID()
  }
}
