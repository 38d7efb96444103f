import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { listAttestations, storeAttestation } from '../../src/attestation/attestations-api.js'
import { signStatement } from '../../src/attestation/sign-statement.js'
import type { Digest } from '../../src/core/digest.js'
import { sendEndlessBody } from '../helpers/endless-body.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { testKey } from './helpers.js'

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterAll(async () => host.close())
afterEach(() => {
  host.clearFaults()
  host.clearRequests()
})

let repositories = 0
/** A fresh repository, and the API options a job in it has; waits between attempts return at once. */
function job(): { repository: string; options: Parameters<typeof storeAttestation>[1] } {
  const repository = `acme/attested-${++repositories}`
  return {
    repository,
    options: {
      env: {
        GITHUB_REPOSITORY: repository,
        GITHUB_API_URL: host.url,
        GITHUB_SERVER_URL: 'https://github.com'
      },
      token: host.token,
      tokenInput: 'github-token',
      clock: { sleep: async () => undefined }
    }
  }
}

const SUBJECT = `sha256:${'c'.repeat(64)}` as Digest

async function bundle(): Promise<object> {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'shop', digest: { sha256: 'c'.repeat(64) } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {}
  }
  return signStatement(statement, { kind: 'key', signer: testKey().signer })
}

describe('the attestations API store', () => {
  it('stores a bundle once and names its page', async () => {
    const { repository, options } = job()
    const stored = await storeAttestation(await bundle(), options)
    expect(stored).toEqual({
      id: expect.any(Number),
      url: `https://github.com/${repository}/attestations/${stored.id}`
    })
    expect(host.attestationsOf(repository)).toHaveLength(1)
  })

  it(
    'stores a bundle once when the answer to its POST is lost after GitHub stored it, by looking for it ' +
      'before sending again',
    async () => {
      const { repository, options } = job()
      host.inject({ kind: 'served-reset', method: 'POST', path: /\/attestations$/ })
      const stored = await storeAttestation(await bundle(), options)
      expect(host.attestationsOf(repository)).toHaveLength(1)
      // The answer that carried the id was lost: the record links the digest's attestations instead.
      expect(stored).toEqual({
        id: null,
        url: `${host.url}/repos/${repository}/attestations/${SUBJECT}`
      })
      expect(host.requests.map((r) => `${r.method} ${r.fault ?? ''}`.trim())).toEqual([
        'POST served-reset',
        'GET'
      ])
    }
  )

  it('sends the POST again when the lost attempt stored nothing', async () => {
    const { repository, options } = job()
    host.inject({ kind: 'server-error', method: 'POST', path: /\/attestations$/ })
    const stored = await storeAttestation(await bundle(), options)
    expect(stored.id).toEqual(expect.any(Number))
    expect(host.attestationsOf(repository)).toHaveLength(1)
    expect(host.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST'])
  })

  it('refuses with the permission to grant when the token may not write attestations', async () => {
    const { options } = job()
    host.addToken('ghs_reader', { attestations: 'read' })
    await expect(
      storeAttestation(await bundle(), { ...options, token: 'ghs_reader' })
    ).rejects.toThrowSealError('denied', 'github-token', 'attestations: write')
  })

  it('lists none for a digest without attestations', async () => {
    const { options } = job()
    expect(await listAttestations(SUBJECT, options)).toEqual([])
  })
})

describe('the attestations API list, bundles fetched by their bundle_url', () => {
  it('reads a bundle only up to 16 MiB: a longer one stays a candidate that cannot verify, the others are read', async () => {
    const signed = await bundle()
    let oversizedWritten = (): number => 0
    const api = http.createServer((request, response) => {
      const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
      if (request.url?.startsWith('/repos/acme/listed/attestations/')) {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify({
            attestations: [
              { bundle: null, bundle_url: `${base}/storage/oversized` },
              { bundle: null, bundle_url: `${base}/storage/signed` }
            ]
          })
        )
      } else if (request.url === '/storage/oversized') {
        oversizedWritten = sendEndlessBody(response, Buffer.alloc(1024 * 1024, 0x20))
      } else {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify(signed))
      }
    })
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
    try {
      const candidates = await listAttestations(SUBJECT, {
        env: {
          GITHUB_REPOSITORY: 'acme/listed',
          GITHUB_API_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
          GITHUB_SERVER_URL: 'https://github.com'
        },
        token: 'ghs_reader',
        tokenInput: 'github-token',
        clock: { sleep: async () => undefined }
      })
      expect(candidates.map((c) => c.bundle)).toEqual([{ over: 16 * 1024 * 1024 }, signed])
      expect(oversizedWritten()).toBeLessThan(64 * 1024 * 1024)
    } finally {
      api.closeAllConnections()
      await new Promise((resolve) => api.close(resolve))
    }
  })
})
