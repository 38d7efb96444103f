import type { Ledger } from '../../stores/ledger/ledger.js'
import { FileLedger } from '../../stores/ledger/file-ledger.js'
import { SealError } from '../../core/errors.js'
import type { LedgerLocation } from '../settings/types.js'
import { checkpointSigner } from './ledger-checkpoint.js'
import type { Signing } from '../signature/types.js'
import { type Env, apiUrlOf, serverUrlOf } from '../../core/env.js'

export interface LedgerAccess {
  readonly token: string
  /** Names the inputs or options in error messages. */
  readonly ledgerInput: string
  readonly tokenInput: string
  /** Check now that records can be written, so a bad location fails before anything is decided. */
  readonly forWriting: boolean
  /** Create a file ledger that does not exist yet (the first promotion); a missing one is an error otherwise. */
  readonly create?: boolean
  /** Signs a file ledger's head after each append (its checkpoint); absent or none: no checkpoint. */
  readonly signing?: Signing
}

/** The ledger at a location: a file, or the Deployments API of the repository the runner names. */
export async function openLedger(
  location: LedgerLocation,
  access: LedgerAccess,
  env: Env
): Promise<Ledger> {
  if (location.kind === 'file') {
    const signHead =
      access.signing === undefined ? null : checkpointSigner(access.signing, location.file)
    const ledger = new FileLedger(location.file, access.ledgerInput, {
      create: access.create === true,
      ...(signHead === null ? {} : { signHead })
    })
    if (access.forWriting) ledger.assertWritable()
    return ledger
  }
  const repository = env.GITHUB_REPOSITORY
  if (!repository) {
    throw new SealError(
      'bad-input',
      `${access.ledgerInput}: "github" needs GITHUB_REPOSITORY (owner/name) to know whose deployments to use; ` +
        'set it, or use a file ledger.'
    )
  }
  if (access.token === '') {
    throw new SealError(
      'bad-input',
      `${access.tokenInput}: "github" reads and writes the deployments of ${repository} with a token, and none ` +
        'was given. Give a token that may read deployments (and write them, to ' +
        'promote).'
    )
  }
  // Loaded on demand: the GitHub client is large, and a file ledger never needs it.
  const { GitHubDeploymentsLedger } = await import('../../stores/ledger/github-deployments.js')
  return new GitHubDeploymentsLedger({
    token: access.token,
    repository,
    apiUrl: apiUrlOf(env),
    serverUrl: serverUrlOf(env),
    ref: env.GITHUB_SHA || '',
    tokenInput: access.tokenInput
  })
}
