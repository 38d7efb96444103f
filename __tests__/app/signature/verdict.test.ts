import { describe, expect, it } from '@jest/globals'
import { judgeSignature, signatureFact, signerName } from '../../../src/app/signature/verdict.js'
import type { SignatureCheck } from '../../../src/app/signature/types.js'

const unsigned: SignatureCheck = {
  status: 'unsigned',
  detail: 'The seal carries no signature: nothing beside the listing.'
}
const refused: SignatureCheck = { status: 'refused', detail: 'The signature is for other bytes.' }
const verified = {
  status: 'verified',
  signer: { kind: 'key', hint: 'abc', signedAt: null }
} as unknown as SignatureCheck

describe('the one verdict on a signature check', () => {
  it('refuses a signature that was found and is not acceptable, required or not', () => {
    expect(judgeSignature(refused, null)).toEqual({
      accepted: false,
      reason: 'The signature is for other bytes.'
    })
  })

  it('refuses no signature only when one is required, saying why and how to get one', () => {
    expect(judgeSignature(unsigned, null)).toEqual({ accepted: true })
    expect(
      judgeSignature(
        unsigned,
        '--public-key names a signer or what to trust',
        'Seal it with a key.'
      )
    ).toEqual({
      accepted: false,
      reason:
        'The seal carries no signature: nothing beside the listing. A signature is required: --public-key ' +
        'names a signer or what to trust. Seal it with a key.'
    })
  })

  it("gives the gate's signed-by rule the signer, or where the check looked", () => {
    expect(judgeSignature(verified, 'required')).toEqual({ accepted: true })
    expect(signatureFact(verified, 'https://github.com')).toMatchObject({
      signer: { kind: 'key', hint: 'abc' },
      missing: null
    })
    expect(signatureFact(unsigned, 'https://github.com')).toMatchObject({
      signer: null,
      missing: unsigned.detail
    })
    expect(signerName(verified)).toBe('key:abc')
    expect(signerName(unsigned)).toBeNull()
  })
})
