import { randomUUID } from 'node:crypto'
import type { ContractChange } from '../../core/contract/change.js'
import type { LoadedContract } from '../../core/contract/classify.js'
import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { driftStateOf } from '../../core/observe/drift-state.js'
import { combine, type ProbeResult, unknown } from '../../core/observe/observation.js'
import type { ObserveSpec } from '../../core/observe/spec.js'
import {
  type EnvironmentRule,
  type PromotionPolicy,
  requireEnvironment
} from '../../core/promotion/policy.js'
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  type LiveSpan,
  type NewRecord,
  type Service
} from '../../core/promotion/record.js'
import type { Clock } from '../../http/clock.js'
import type { Ledger } from '../../stores/ledger/ledger.js'
import { artifactOf, contractOfLive } from '../ledger/queries.js'
import type { Requester } from '../ledger/types.js'
import type { LiveContract } from '../promote/types.js'
import { commandProbe } from './command-probe.js'
import { contractProbe } from './contract-probe.js'
import { filesProbe } from './files-probe.js'
import { imageProbe } from './image-probe.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'
import type { EnvironmentObservation, ObserveReport, ProbeContext } from './types.js'
import { urlProbe } from './url-probe.js'

export interface ObserveRequest {
  readonly policy: PromotionPolicy
  /** Only these environments; null for every one the policy says how to observe. */
  readonly environments: readonly string[] | null
  /** Names the filter in errors: the input or flag that gave it. */
  readonly environmentsInput: string
  /** Append an observation record per environment observed. */
  readonly record: boolean
  readonly requester: Requester
  readonly probe: ProbeContext
  /** The live digest's sealed contract, for contract-url (kept beside a file ledger, or in its workflow artifact). */
  readonly sealedContract: (live: LiveContract) => Promise<LoadedContract>
  readonly now?: () => Date
  readonly clock?: Pick<Clock, 'timeout'>
  /** How many environments are looked at at once. */
  readonly concurrency?: number
  /** The GitHub token an `image:` probe gives the GitHub server's own registry (ghcr.io); '' for none. */
  readonly registryToken: string
  /** Registries (host[:port]) an `image:` probe reaches over plain HTTP besides loopback ones. */
  readonly plainHttpRegistries?: readonly string[]
}

/**
 * Looks at every environment (and service) the policy says how to observe, compares what runs
 * with what the ledger says is live, and, when asked, records what it found. One environment's
 * probe failing makes that environment "unknown", never the run's failure; a ledger that
 * cannot say what is live does fail the run (its SealError), since then nothing can be judged.
 */
export async function observeEnvironments(
  request: ObserveRequest,
  ledger: Ledger
): Promise<ObserveReport> {
  const targets = targetsOf(request.policy, request.environments, request.environmentsInput)
  const results: EnvironmentObservation[] = new Array(targets.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const i = next++
      const { rule, spec } = targets[i] as Target
      results[i] = await observeOne(rule, spec, request, ledger)
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(request.concurrency ?? 4, targets.length) }, worker)
  )
  return { drifted: results.some((r) => r.verdict === 'drifted'), environments: results }
}

interface Target {
  readonly rule: EnvironmentRule
  readonly spec: ObserveSpec
}

function targetsOf(
  policy: PromotionPolicy,
  only: readonly string[] | null,
  input: string
): Target[] {
  const observed = policy.environments.filter((e) => (e.observe ?? []).length > 0)
  if (only !== null) {
    for (const name of only) {
      const rule = requireEnvironment(policy, name, input)
      if ((rule.observe ?? []).length === 0) {
        throw new SealError(
          'bad-input',
          `${input}: the promotion policy ${policy.source} does not say how to observe ${quote(name)}. Add ` +
            '"observe:" (url, command, files or contract-url) under ' +
            `environments.${name}, or leave it out of ${input}.`
        )
      }
    }
  }
  const chosen = only === null ? observed : observed.filter((e) => only.includes(e.name))
  if (chosen.length === 0) {
    throw new SealError(
      'bad-input',
      `The promotion policy ${policy.source} says how to observe no environment. Add "observe:" under an ` +
        'environment, such as "observe: { url: https://shop.example/version, ' +
        'pointer: /digest }".'
    )
  }
  return chosen.flatMap((rule) => (rule.observe ?? []).map((spec) => ({ rule, spec })))
}

async function observeOne(
  rule: EnvironmentRule,
  spec: ObserveSpec,
  request: ObserveRequest,
  ledger: Ledger
): Promise<EnvironmentObservation> {
  const environment = rule.name
  const service: Service =
    spec.service ?? request.policy.service ?? (await ledger.newest(environment))?.service ?? null
  const live = await ledger.live(environment, service)
  const previous = await driftStateOf(ledger.entries({ environment, service }), service)
  const base = {
    environment,
    service,
    contractChanges: [] as readonly ContractChange[],
    recordId: null
  }
  if (live === null) {
    const reason = `the ledger names nothing live in ${environment}${service === null ? '' : ` for ${quote(service)}`}, so there is nothing to compare with`
    return {
      ...base,
      expected: null,
      observed: null,
      verdict: 'unknown',
      reason,
      since: null,
      probes: []
    }
  }
  const { probes, changes } = await runProbes(spec, live, request, ledger)
  const verdict = combine(probes)
  const drifted = probes.filter((p) => p.verdict === 'drifted')
  const seen = [...drifted, ...probes.filter((p) => p.verdict === 'matches')].find(
    (p) => p.probe !== 'contract-url' && p.observed !== null
  )
  const observed =
    verdict === 'unknown' && seen === undefined
      ? null
      : (seen?.observed ?? (verdict === 'matches' ? live.digest : null))
  const reason =
    verdict === 'drifted'
      ? drifted.map((p) => `${p.probe}: ${p.detail ?? ''}`).join('; ')
      : verdict === 'unknown'
        ? probes
            .filter((p) => p.verdict === 'unknown')
            .map((p) => `${p.probe}: ${p.detail ?? ''}`)
            .join('; ')
        : null
  let recordId: string | null = null
  let recordedAt: string | null = null
  if (request.record) {
    const recorded = await ledger.record(
      environment,
      async () =>
        observationRecord(
          environment,
          service,
          live,
          { verdict, observed, reason, probes },
          request.requester
        ),
      DEFAULT_PENDING_TIMEOUT_MS
    )
    recordId = recorded.entry?.id ?? null
    recordedAt = recorded.entry?.time ?? null
  }
  const now = (request.now ?? (() => new Date()))().toISOString()
  const since =
    verdict !== 'drifted'
      ? null
      : previous.drifted
        ? (previous.since?.time ?? null)
        : (recordedAt ?? now)
  return {
    ...base,
    expected: live.digest,
    observed,
    verdict,
    reason,
    since,
    probes,
    contractChanges: changes,
    recordId
  }
}

async function runProbes(
  spec: ObserveSpec,
  live: LiveSpan,
  request: ObserveRequest,
  ledger: Ledger
): Promise<{ probes: ProbeResult[]; changes: readonly ContractChange[] }> {
  const context = request.probe
  const clock = request.clock
  const jobs: Promise<ProbeResult>[] = []
  if (spec.url !== null)
    jobs.push(urlProbe(spec.url, spec.pointer, live.digest, spec.timeoutMs, context, clock))
  if (spec.command !== null)
    jobs.push(commandProbe(spec.command, live.digest, spec.timeoutMs, context))
  if (spec.files !== null) jobs.push(filesProbe(spec.files, spec.checksums, live.digest, context))
  const image = spec.image ?? null
  if (image !== null) {
    jobs.push(
      (async () => {
        const registry = await registryFor(
          spec.timeoutMs,
          context,
          request.registryToken,
          request.plainHttpRegistries ?? []
        )
        return imageProbe(image, live.digest, registry)
      })()
    )
  }
  let changes: readonly ContractChange[] = []
  if (spec.contractUrl !== null) {
    const url = spec.contractUrl
    jobs.push(
      (async () => {
        const sealed = await liveContract(live, ledger, request)
        if ('unknown' in sealed) return unknown('contract-url', sealed.unknown)
        const found = await contractProbe(
          url,
          sealed.contract,
          spec.timeoutMs,
          context,
          (request.now ?? (() => new Date()))(),
          clock
        )
        changes = found.changes
        return found.result
      })()
    )
  }
  return { probes: await Promise.all(jobs), changes }
}

async function liveContract(
  live: LiveSpan,
  ledger: Ledger,
  request: ObserveRequest
): Promise<{ contract: LoadedContract } | { unknown: string }> {
  const contract = await contractOfLive(ledger, live)
  if (contract === null)
    return {
      unknown:
        `the live ${live.digest} was recorded without a contract, so there is nothing to compare the ` +
        'served one with'
    }
  try {
    return {
      contract: await request.sealedContract({
        environment: live.environment,
        digest: live.digest,
        contract,
        artifact: await artifactOf(ledger, live.digest)
      })
    }
  } catch (error) {
    if (error instanceof SealError) return { unknown: error.message }
    throw error
  }
}

function observationRecord(
  environment: string,
  service: Service,
  live: LiveSpan,
  found: {
    verdict: EnvironmentObservation['verdict']
    observed: string | null
    reason: string | null
    probes: readonly ProbeResult[]
  },
  requester: Requester
): NewRecord {
  return {
    digest: live.digest as Digest,
    name: service,
    environment,
    service,
    outcome: 'observed',
    mode: null,
    runUrl: requester.runUrl,
    actor: requester.actor,
    sealedBy: null,
    previousDigest: null,
    reason: found.reason === null ? null : found.reason.slice(0, 1000),
    environmentUrl: null,
    // Where the live digest's files are is its promotion's to say; reading it here would cost every
    // observation the digest's history.
    artifact: null,
    resolves: null,
    key: randomUUID(),
    observation: {
      verdict: found.verdict,
      observed: found.observed === null ? null : found.observed.slice(0, 1000),
      probes: found.probes.map((p) => p.probe),
      rules: found.probes.filter((p) => p.probe === 'contract-url').flatMap((p) => p.items ?? [])
    }
  }
}

/**
 * The registry client promote uses, with the same credentials in the same order, made for the
 * probe's time limit and loaded only when an image is observed.
 */
async function registryFor(
  timeoutMs: number,
  context: ProbeContext,
  token: string,
  plainHttp: readonly string[]
): Promise<ImageRegistry> {
  const { openImageRegistry } = await import('../image/open-registry.js')
  return openImageRegistry(context.env, token, {
    timeoutMs,
    deadlineMs: timeoutMs,
    insecureRegistries: plainHttp
  })
}
