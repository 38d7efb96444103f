import type { SignerCheckSettings, SignerExpectation } from './types.js'
import { type Env, serverUrlOf } from '../../core/env.js'

/** What verify and promote accept, from their inputs and the runner. */
export function signerExpectation(
  settings: SignerCheckSettings,
  required: boolean,
  env: Env
): SignerExpectation {
  return { ...settings, required, serverUrl: serverUrlOf(env) }
}
