import type { ContractRef } from '../../core/contract/manifest.js'
import type { Digest } from '../../core/digest.js'
import { SealError } from '../../core/errors.js'
import {
  type PromotionPolicy,
  declaresServices,
  pipelineOrder
} from '../../core/promotion/policy.js'
import type { Service } from '../../core/promotion/record.js'
import type { Ledger } from '../../stores/ledger/ledger.js'
import { contractOfLive } from './queries.js'
import type { EnvironmentStatus } from './types.js'

export interface PipelineStatusOptions {
  /**
   * The contracts of digests the caller knows already (a promotion's candidate, the target's
   * live digest: see `contractsKnown`), so their records are not read again.
   */
  readonly knownContracts?: ReadonlyMap<Digest, ContractRef | null>
  /**
   * The services to show (a promotion's summary: its own). By default the policy's (`service`,
   * `services`), else every service the ledger has records of in each environment.
   */
  readonly services?: readonly Service[]
}

/**
 * What every service of every environment of the policy runs now, in pipeline order. Two
 * ledger queries per service and environment, and for a live digest whose contract is not
 * known a third, of that digest's records in the environment (on the GitHub ledger about three
 * requests). Finding the services when neither the caller nor the policy names them lists the
 * environment's records (`Ledger.services`).
 */
export async function pipelineStatus(
  policy: PromotionPolicy,
  ledger: Ledger,
  options: PipelineStatusOptions = {}
): Promise<EnvironmentStatus[]> {
  const environments = pipelineOrder(policy).map((e) => e.name)
  const named =
    options.services ?? (policy.service != null ? [policy.service] : (policy.services ?? null))
  let services: readonly Service[]
  if (named !== null) {
    services = named
  } else {
    // Every service found in any environment is shown in each: one that never reached an
    // environment shows there as running nothing.
    const found: Service[] = []
    for (const environment of environments) {
      try {
        for (const service of await ledger.services(environment))
          if (!found.includes(service)) found.push(service)
      } catch (error) {
        if (!(error instanceof SealError)) throw error
        return environments.map((environment) => ({
          environment,
          service: null,
          live: null,
          contract: null,
          pending: [],
          error: error.message
        }))
      }
    }
    services = found
  }
  // A ledger with nothing yet still shows each environment, as running nothing.
  const shown = services.length === 0 ? [null] : services
  return Promise.all(
    environments.flatMap((environment) =>
      shown.map((service) => serviceStatus(ledger, environment, service, options))
    )
  )
}

async function serviceStatus(
  ledger: Ledger,
  environment: string,
  service: Service,
  options: PipelineStatusOptions
): Promise<EnvironmentStatus> {
  try {
    const [live, pending] = await Promise.all([
      ledger.live(environment, service),
      ledger.pending(environment, service)
    ])
    const known = live === null ? null : options.knownContracts?.get(live.digest)
    const contract =
      live === null ? null : known !== undefined ? known : await contractOfLive(ledger, live)
    return { environment, service, live, contract, pending, error: null }
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return { environment, service, live: null, contract: null, pending: [], error: error.message }
  }
}

/**
 * The services a promotion's summary shows: the policy's when it declares them, else only the
 * promotion's own (finding every other would list the environment's whole history).
 */
export function ownService(
  policy: PromotionPolicy,
  service: Service
): Pick<PipelineStatusOptions, 'services'> {
  return declaresServices(policy) ? {} : { services: [service] }
}
