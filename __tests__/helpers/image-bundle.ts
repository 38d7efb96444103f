import { generateKeyPairSync } from 'node:crypto'
import { signStatementWithKey } from '../../src/attestation/key-signer.js'
import { readSigningKey } from '../../src/core/signing/signing-key.js'

const key = readSigningKey(
  generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
  undefined
)

/**
 * A real Sigstore bundle v0.3 (DSSE, signed with a test key) of an in-toto statement about
 * the image `name@digest`, as a seal of that image would sign it; `note` makes bundles for
 * one image differ.
 */
export async function imageBundle(
  name: string,
  digest: string,
  note = 'seal',
  predicateType = 'https://slsa.dev/provenance/v1'
): Promise<Buffer> {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name, digest: { sha256: digest.replace(/^sha256:/, '') } }],
    predicateType,
    predicate: { note }
  }
  return Buffer.from(JSON.stringify(await signStatementWithKey(statement, key)))
}
