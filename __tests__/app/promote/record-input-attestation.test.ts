// A promotion's signed summary (VSA) names the seal it relied on as an input attestation, by URI
// and digest. For a seal found attached to the image in its registry, the URI must say where it
// was found (the referrer in the registry), not the repository's attestations API, where nobody
// looked and it may not be.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import * as path from 'node:path'
import type { Digest } from '../../../src/core/digest.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import type { NewRecord } from '../../../src/core/promotion/record.js'
import { readSigningKey } from '../../../src/core/signing/signing-key.js'
import { keySigner } from '../../../src/attestation/key-signer.js'
import { signStatement } from '../../../src/attestation/sign-statement.js'
import { imageSignatureSources } from '../../../src/app/image/image-bytes.js'
import { recordAttester } from '../../../src/app/promote/attest-record.js'
import type { Signing } from '../../../src/app/signature/types.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { loadTestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest

let host: OciRegistryHost
beforeEach(async () => {
  host = await new OciRegistryHost().start()
  loadTestImage(host, 'acme/app', image)
})
afterEach(async () => {
  await host.close()
})

const key = readSigningKey(
  generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
  undefined
)
const signing: Signing = {
  kind: 'key',
  jobWorkflowRef: null,
  sign: async (statement) => {
    const bundle = await signStatement(statement, { kind: 'key', signer: keySigner(key) })
    return { json: JSON.stringify(bundle), bundle, signer: `key:${key.hint}`, kind: 'key' }
  }
}

describe("the promotion summary's input attestation for a seal found in the registry", () => {
  it('is the referrer in the registry, by a URI that says so, with the bundle digest', async () => {
    const registry = new RegistryClient({
      credentials: { env: {}, homeDir: tempDir('home-') },
      fallback: { settleMs: 0 }
    })
    const reference = parseImageReference(`${host.host}/acme/app:v1`, 'subject-path')
    const attached = await registry.attachBundle(
      reference,
      INDEX,
      await imageBundle(reference.name, INDEX)
    )
    const sources = imageSignatureSources(
      { checksumsFile: null, attestations: null },
      {
        kind: 'image',
        reference,
        inputName: 'subject-path',
        token: '',
        checksumsFile: null,
        plainHttp: []
      },
      registry
    )
    const [candidate] = await sources.attestations!(INDEX)
    let signed = ''
    const attest = recordAttester(signing, {
      ledger: { kind: 'file', file: path.join(tempDir('ledger-'), 'ledger.jsonl') },
      policy: { source: 'promotion.yml', environments: [] },
      env: { GITHUB_REPOSITORY: 'acme/app' },
      token: '',
      onSigned: (_record, json) => (signed = json)
    })
    const record = {
      digest: INDEX,
      name: reference.name,
      environment: 'production',
      outcome: 'pending',
      mode: null,
      runUrl: null,
      actor: null,
      sealedBy: null,
      previousDigest: null,
      reason: null,
      environmentUrl: null,
      artifact: null,
      resolves: null,
      key: 'k1'
    } as unknown as NewRecord

    await attest(record, null, {
      status: 'verified',
      signer: { kind: 'key', hint: key.hint, signedAt: null },
      sealedBy: { repository: null, commit: null, runUrl: null, signer: `key:${key.hint}` },
      name: reference.name,
      contract: null,
      digestOnly: true,
      source: candidate!.source,
      bundleDigest: candidate!.digest
    })

    const envelope = (JSON.parse(signed) as { dsseEnvelope: { payload: string } }).dsseEnvelope
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      predicate: { inputAttestations: { uri: string; digest: { sha256: string } }[] }
    }
    const [input] = statement.predicate.inputAttestations
    expect(input!.uri).toBe(
      `oci://${reference.registry}/${reference.repository}@${attached.manifest}`
    )
    expect(`sha256:${input!.digest.sha256}`).toBe(candidate!.digest)
  })
})
