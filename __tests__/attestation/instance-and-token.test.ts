import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { SealError } from '../../src/core/errors.js'
import { decodeOidcClaims, getOidcToken } from '../../src/attestation/oidc-token.js'
import { speakAs } from '../../src/core/vocabulary.js'
import { CLI_VOCABULARY } from '../../src/cli/vocabulary.js'
import {
  chooseSigstoreInstance,
  readEventVisibility,
  visibilityOf
} from '../../src/attestation/sigstore-instance.js'
import { startSigstoreHost, type SigstoreHost } from '../hosts/sigstore-host.js'

describe('chooseSigstoreInstance', () => {
  it('signs public repositories on public-good (Fulcio + Rekor), others on GitHub (Fulcio + TSA)', () => {
    expect(
      chooseSigstoreInstance({ visibility: 'public', serverUrl: 'https://github.com' })
    ).toEqual({
      name: 'public-good',
      fulcioUrl: 'https://fulcio.sigstore.dev',
      rekorUrl: 'https://rekor.sigstore.dev'
    })
    for (const visibility of ['private', 'internal', undefined, null]) {
      expect(chooseSigstoreInstance({ visibility, serverUrl: 'https://github.com' })).toEqual({
        name: 'github',
        fulcioUrl: 'https://fulcio.githubapp.com',
        tsaUrl: 'https://timestamp.githubapp.com'
      })
    }
    expect(chooseSigstoreInstance({})).toEqual({
      name: 'github',
      fulcioUrl: 'https://fulcio.githubapp.com',
      tsaUrl: 'https://timestamp.githubapp.com'
    })
  })

  it('follows a GHE.com tenant, an explicit choice, and endpoint overrides', () => {
    expect(
      chooseSigstoreInstance({ visibility: 'private', serverUrl: 'https://acme.ghe.com' })
    ).toEqual({
      name: 'github',
      fulcioUrl: 'https://fulcio.acme.ghe.com',
      tsaUrl: 'https://timestamp.acme.ghe.com'
    })
    expect(
      chooseSigstoreInstance({
        visibility: 'public',
        instance: 'github',
        serverUrl: 'https://github.com'
      }).name
    ).toBe('github')
    expect(chooseSigstoreInstance({ visibility: 'private', instance: 'public-good' }).name).toBe(
      'public-good'
    )
    expect(
      chooseSigstoreInstance({
        visibility: 'private',
        fulcioUrl: 'http://127.0.0.1:9/',
        tsaUrl: 'http://127.0.0.1:9',
        rekorUrl: null
      })
    ).toEqual({
      name: 'github',
      fulcioUrl: 'http://127.0.0.1:9',
      tsaUrl: 'http://127.0.0.1:9'
    })
    expect(
      chooseSigstoreInstance({
        visibility: 'public',
        rekorUrl: 'https://rekor.example',
        tsaUrl: 'https://tsa.example'
      })
    ).toEqual({
      name: 'public-good',
      fulcioUrl: 'https://fulcio.sigstore.dev',
      rekorUrl: 'https://rekor.example',
      tsaUrl: 'https://tsa.example'
    })
    expect(() => chooseSigstoreInstance({ serverUrl: 'not a url' })).toThrow(SealError)
  })

  it('reads the visibility from the event payload file, unknown when it cannot', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-'))
    try {
      const file = path.join(dir, 'event.json')
      fs.writeFileSync(
        file,
        JSON.stringify({ repository: { full_name: 'acme/shop', visibility: 'public' } })
      )
      expect(readEventVisibility(file)).toBe('public')
      fs.writeFileSync(file, '{not json')
      expect(readEventVisibility(file)).toBeUndefined()
      expect(readEventVisibility(path.join(dir, 'missing.json'))).toBeUndefined()
      expect(readEventVisibility(undefined)).toBeUndefined()
      expect(visibilityOf({ repository: { visibility: 3 } })).toBeUndefined()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('getOidcToken', () => {
  let host: SigstoreHost
  const saved = {
    url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  }
  beforeAll(async () => {
    host = await startSigstoreHost()
  })
  afterAll(async () => host.close())
  afterEach(() => {
    for (const [name, value] of [
      ['ACTIONS_ID_TOKEN_REQUEST_URL', saved.url],
      ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token]
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('is unavailable without the runner variables, saying which permission to add', async () => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    const result = await getOidcToken()
    expect(result.kind).toBe('unavailable')
    if (result.kind === 'unavailable')
      expect(result.reason).toContain('permissions: id-token: write')
  })

  it('returns the token and its claims for audience sigstore', async () => {
    Object.assign(process.env, host.runnerEnv())
    host.setClaims({
      job_workflow_ref: 'acme/workflows/.github/workflows/build.yml@refs/tags/v1',
      runner_environment: 'self-hosted'
    })
    const result = await getOidcToken()
    if (result.kind !== 'token') throw new Error('expected a token')
    expect(result.claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sigstore',
      job_workflow_ref: 'acme/workflows/.github/workflows/build.yml@refs/tags/v1',
      repository: 'acme/shop',
      ref: 'refs/heads/main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      runner_environment: 'self-hosted'
    })
    expect(host.requests.at(-1)?.query.audience).toBe('sigstore')
  })

  it("keeps the token off the CLI's stdout: the mask and debug commands @actions/core writes go to stderr", async () => {
    Object.assign(process.env, host.runnerEnv())
    const written = { out: '', err: '' }
    const spy = (stream: 'out' | 'err') => (chunk: string | Uint8Array) => (
      (written[stream] += String(chunk)),
      true
    )
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(spy('out'))
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(spy('err'))
    const before = speakAs(CLI_VOCABULARY)
    try {
      const result = await getOidcToken()
      if (result.kind !== 'token') throw new Error('expected a token')
      expect(written.err).toContain(`::add-mask::${result.token}`)
      expect(written.out).toBe('')
    } finally {
      speakAs(before)
      out.mockRestore()
      err.mockRestore()
    }
  })

  it('names the endpoint and the permission when the endpoint refuses', async () => {
    Object.assign(process.env, host.runnerEnv(), { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' })
    const error = await getOidcToken().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SealError)
    expect((error as SealError).message).toMatch(
      new RegExp(
        `^The runner's OIDC token endpoint "${host.url}/oidc/idtoken" refused a token for audience "sigstore": ` +
          '.*401.*permissions: id-token: write'
      )
    )
  })

  it('refuses a token that is not a JWT', () => {
    expect(() => decodeOidcClaims('abc')).toThrow(SealError)
    expect(() =>
      decodeOidcClaims(`x.${Buffer.from('{"iss":1}').toString('base64url')}.y`)
    ).toThrowSealError('unavailable')
  })
})
