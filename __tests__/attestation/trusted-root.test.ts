import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { SealError } from '../../src/core/errors.js'
import {
  loadTrustedRoot,
  loadTrustedRootFile,
  mergeTrustedRoots,
  parseTrustedRoot
} from '../../src/attestation/trusted-root.js'
import { signStatement } from '../../src/attestation/sign-statement.js'
import { verifyAttestation } from '../../src/attestation/verify-bundle.js'
import { startSigstoreHost, type SigstoreHost } from '../hosts/sigstore-host.js'
import { STATEMENT } from './helpers.js'

const FIXTURES = path.join(import.meta.dirname, '../../__fixtures__/sigstore')
let dir: string
let host: SigstoreHost

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-root-'))
  host = await startSigstoreHost()
})
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true })
  await host.close()
})

async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call
  } catch (error) {
    if (error instanceof SealError) return error.message
    throw error
  }
  throw new Error('expected a SealError')
}

describe('a trusted root from a file', () => {
  it('reads JSON lines as gh attestation trusted-root prints them, merging the roots', async () => {
    const publicGood = fs.readFileSync(path.join(FIXTURES, 'public-good-trusted_root.json'), 'utf8')
    const file = path.join(dir, 'roots.jsonl')
    fs.writeFileSync(
      file,
      `${JSON.stringify(JSON.parse(publicGood))}\n${JSON.stringify(host.trustedRoot())}\n`
    )
    const merged = await loadTrustedRoot(file)
    const publicGoodRoot = JSON.parse(publicGood) as Record<string, unknown[]>
    expect((merged.certificateAuthorities as unknown[]).length).toBe(
      (publicGoodRoot.certificateAuthorities?.length ?? 0) + 1
    )
    expect((merged.timestampAuthorities as unknown[]).length).toBe(
      (publicGoodRoot.timestampAuthorities?.length ?? 0) + 1
    )

    // A bundle from the host verifies against the merged root.
    const bundle = await signStatement(STATEMENT, {
      kind: 'keyless',
      instance: { name: 'github', fulcioUrl: host.url, tsaUrl: host.url },
      token: host.mintToken('sigstore'),
      retries: 0
    })
    await expect(verifyAttestation(bundle, { trustedRoot: merged })).resolves.toMatchObject({
      signer: { kind: 'certificate' }
    })
  })

  it('reads one JSON document, pretty-printed', async () => {
    const root = await loadTrustedRootFile(path.join(FIXTURES, 'public-good-trusted_root.json'))
    expect(root.mediaType).toBe('application/vnd.dev.sigstore.trustedroot+json;version=0.1')
    expect(mergeTrustedRoots([root]).tlogs).toEqual(root.tlogs)
  })

  it('names the file and the input when it cannot be used', async () => {
    expect(await failure(loadTrustedRootFile(path.join(dir, 'missing.json')))).toMatch(
      /^trusted-root: cannot read ".*missing.json" \(ENOENT\)/
    )
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"mediaType": "application/json"}')
    expect(await failure(loadTrustedRootFile(path.join(dir, 'bad.json')))).toMatch(
      /^trusted-root: ".*bad.json" has mediaType "application\/json", not "application\/vnd.dev.sigstore.trustedroot\+json;version=0.1"/
    )
    expect(() => parseTrustedRoot('{"a":1}\nnot json\n', 'roots.jsonl')).toThrowSealError(
      'unrecognized',
      'trusted-root'
    )
    expect(() =>
      parseTrustedRoot(`${JSON.stringify(host.trustedRoot())}\nnot json\n`, 'roots.jsonl')
    ).toThrowSealError('malformed')
    expect(() => parseTrustedRoot('\n\n', 'empty.json')).toThrowSealError(
      'malformed',
      'trusted-root'
    )
    const broken = {
      ...host.trustedRoot(),
      certificateAuthorities: [
        {
          certChain: { certificates: [{ rawBytes: 'AAAA' }] },
          validFor: { start: '2020-01-01T00:00:00Z' }
        }
      ]
    }
    expect(() => parseTrustedRoot(JSON.stringify(broken), 'broken.json')).toThrowSealError(
      'malformed',
      'trusted-root'
    )
  })
})
