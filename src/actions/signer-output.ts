import type { VerifiedSigner } from '../core/promotion/gate.js'

/** The `signer` output: the verified identity as JSON, empty when nothing was verified. */
export function signerOutput(signer: VerifiedSigner | null): string {
  if (signer === null) return ''
  if (signer.kind === 'key') return JSON.stringify({ kind: 'key', hint: signer.hint })
  const i = signer.identity
  return JSON.stringify({
    kind: 'certificate',
    identity: i.subjectAlternativeName,
    issuer: i.issuer ?? null,
    repository: i.repository ?? null,
    workflow: i.buildSignerUri ?? null,
    ref: i.sourceRepositoryRef ?? null,
    commit: i.sourceRepositoryDigest ?? null,
    runner: i.runnerEnvironment ?? null,
    run: i.runInvocationUri ?? null,
    signedAt: signer.signedAt
  })
}
