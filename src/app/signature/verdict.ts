import type { SignatureFact } from '../../core/promotion/gate.js'
import type { SignatureCheck } from './types.js'

/**
 * What a signature check comes to, the same for verify and promote, the actions and the CLI:
 * a signature found and not acceptable is refused; none at all is refused only when one is
 * required, and then the refusal says why it was (`required`: which inputs or flags, or the
 * policy, asked for one) and, when given, how to get one (`fix`).
 */
export type SignatureVerdict =
  { readonly accepted: true } | { readonly accepted: false; readonly reason: string }

export function judgeSignature(
  check: SignatureCheck,
  required: string | null,
  fix: string | null = null
): SignatureVerdict {
  if (check.status === 'refused') return { accepted: false, reason: check.detail }
  if (check.status === 'unsigned' && required !== null) {
    return {
      accepted: false,
      reason: `${check.detail} A signature is required: ${required}.${fix === null ? '' : ` ${fix}`}`
    }
  }
  return { accepted: true }
}

/** The signature as the gate's signed-by rule reads it. */
export function signatureFact(check: SignatureCheck, serverUrl: string): SignatureFact {
  return check.status === 'verified'
    ? { signer: check.signer, missing: null, serverUrl }
    : { signer: null, missing: check.status === 'unsigned' ? check.detail : null, serverUrl }
}

/** Who signed, in a word: `key:<hint>` or the certificate's identity; null when nothing verified. */
export function signerName(check: SignatureCheck | null): string | null {
  if (check?.status !== 'verified') return null
  return check.signer.kind === 'key'
    ? `key:${check.signer.hint}`
    : check.signer.identity.subjectAlternativeName
}
