import type { LoadedContract } from '../../core/contract/classify.js'
import type { Env } from '../../core/env.js'
import { SealError } from '../../core/errors.js'
import { besideLedger } from '../../stores/ledger/beside-ledger.js'
import { contractSources } from '../promote/contract-sources.js'
import type { LiveContract } from '../promote/types.js'
import { buildContextFromEnv, fallbackName } from '../settings/runner-environment.js'
import type { LedgerLocation } from '../settings/types.js'
import { fetchAndCheckBytes } from '../verify/fetch-bytes.js'

/**
 * Where the observer finds the live digest's sealed contract, as promote finds its baseline:
 * the copy kept (verified) beside a file ledger, else, on a runner with a token, the seal bundle
 * in the workflow artifact its record names, downloaded and proven against the digest.
 */
export function sealedContractSource(
  ledger: LedgerLocation,
  options: {
    readonly env: Env
    readonly baseDir: string
    readonly downloadsDir: string | null
    readonly token: string
    readonly tokenInput: string
    readonly warn: (message: string) => void
  }
): (live: LiveContract) => Promise<LoadedContract> {
  const { env } = options
  const downloadsDir = options.downloadsDir
  const sources = contractSources({
    store: ledger.kind === 'file' ? besideLedger(ledger.file).contracts : null,
    baseline: null,
    warn: options.warn,
    ...(downloadsDir === null || options.token === ''
      ? {}
      : {
          download: async (digest, artifact) => {
            const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId)
            const fetched = await fetchAndCheckBytes(
              {
                kind: 'artifact',
                name: artifact.name,
                runId,
                repository: null,
                token: options.token
              },
              digest,
              { sealedBy: null, name: null, artifact },
              {
                env,
                downloadsDir,
                seal: {
                  fallbackName: fallbackName(env, options.baseDir),
                  build: buildContextFromEnv(env),
                  onProgress: () => undefined
                },
                inputs: {
                  expected: 'the live digest',
                  checksums: 'checksums-path',
                  artifactName: 'name'
                },
                log: () => undefined
              }
            )
            if (!fetched.verified || fetched.checksumsFile === null)
              throw new SealError('mismatch', `its files are not ${digest}`)
            return fetched.checksumsFile
          }
        })
  })
  return (live) => sources.baseline(live)
}
