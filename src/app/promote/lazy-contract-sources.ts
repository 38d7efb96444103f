import { contractManifestBeside, hasBundleBeside } from '../../stores/evidence/bundle-reader.js'
import type { ContractSourceOptions, ContractSources } from './types.js'

/**
 * The contract sources of `contractSources`, loaded on first use: a promotion whose seal has
 * no contract (nothing claimed, no manifest beside the listing) and whose environment has no
 * contract rule never loads the contract engine. What such a candidate is, is said here as
 * `contractSources` says it.
 */
export function lazyContractSources(options: ContractSourceOptions): ContractSources {
  let sources: Promise<ContractSources> | null = null
  const made = async (): Promise<ContractSources> => {
    const { contractSources } = await import('./contract-sources.js')
    return contractSources(options)
  }
  const load = (): Promise<ContractSources> => (sources ??= made())
  return {
    async candidate(digest, bytes, claimed) {
      const listing = bytes?.checksumsFile ?? null
      if (claimed === null && (listing === null || contractManifestBeside(listing) === null))
        return { contract: null, known: listing !== null && hasBundleBeside(listing) }
      return (await load()).candidate(digest, bytes, claimed)
    },
    baseline: async (live) => (await load()).baseline(live),
    ...(options.store === null ? {} : { keep: async (contract) => (await load()).keep?.(contract) })
  }
}
