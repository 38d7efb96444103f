import type { SignatureCheck } from '../app/signature/types.js'
import { code, link, plain } from './markdown.js'
import { DEFAULT_SERVER_URL } from '../core/env.js'

/**
 * The verified signer as table rows: who signed (repository, workflow, ref, commit, runner,
 * issuer, time) beside the digest; or why the seal is unsigned or refused.
 */
export function signerRows(
  signature: SignatureCheck | null | undefined,
  origins: readonly string[] = [DEFAULT_SERVER_URL]
): string[] {
  if (signature === null || signature === undefined) return []
  if (signature.status === 'unsigned') return [`| Signature | none: ${plain(signature.detail)} |`]
  if (signature.status === 'refused')
    return [`| Signature | ❌ refused: ${plain(signature.detail)} |`]
  const signer = signature.signer
  if (signer.kind === 'key') return [`| Signed by | the key ${code(signer.hint)} |`]
  const i = signer.identity
  const rows = [`| Signed by | ${code(i.subjectAlternativeName)} |`]
  const add = (label: string, value: string | undefined, asCode = true): void => {
    if (value !== undefined && value !== '')
      rows.push(`| ${label} | ${asCode ? code(value) : plain(value)} |`)
  }
  add('Repository', i.repository)
  add('Source ref', i.sourceRepositoryRef)
  add('Source commit', i.sourceRepositoryDigest)
  add('Runner', i.runnerEnvironment)
  add('Issuer', i.issuer)
  if (i.runInvocationUri)
    rows.push(`| Signing run | ${link(plain(i.runInvocationUri), i.runInvocationUri, origins)} |`)
  rows.push(`| Signed at | ${plain(signer.signedAt)} (trusted timestamp) |`)
  return rows
}
