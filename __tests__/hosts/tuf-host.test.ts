import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { TUFError, getTrustedRoot } from '@sigstore/tuf'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { canonicalJson, startTufHost, type TufHost } from './tuf-host.js'
import { startSigstoreHost, type SigstoreHost } from './sigstore-host.js'
import { removeAll, tempDir } from '../helpers/trees.js'

// The client is @sigstore/tuf (tuf-js inside), the one the product uses: a repository it
// accepts is one the product accepts, and every refusal below is tuf-js's own.

let sig: SigstoreHost
const hosts: TufHost[] = []

beforeAll(async () => {
  sig = await startSigstoreHost()
})
afterAll(async () => {
  await Promise.all([sig.close(), ...hosts.map((h) => h.close())])
  removeAll()
})

async function repository(
  targets: Record<string, string> = { 'trusted_root.json': JSON.stringify(sig.trustedRoot()) }
): Promise<TufHost> {
  const host = await startTufHost(targets)
  hosts.push(host)
  return host
}

function rootFileOf(host: TufHost): string {
  const file = path.join(tempDir('tuf-root-'), 'root.json')
  fs.writeFileSync(file, host.initialRoot)
  return file
}

/** A fresh client's fetch of the trusted root (a new cache unless given). */
const fetchRoot = (host: TufHost, rootPath = rootFileOf(host), cachePath = tempDir('tuf-cache-')) =>
  getTrustedRoot({ mirrorURL: host.url, rootPath, cachePath, retry: 0 })

async function tufError(call: Promise<unknown>): Promise<string> {
  try {
    await call
  } catch (error) {
    if (!(error instanceof TUFError)) throw error
    const causes: string[] = []
    for (let e: unknown = error; e instanceof Error; e = e.cause) causes.push(e.message)
    return causes.join(': ')
  }
  throw new Error('expected a TUFError')
}

describe('the TUF host', () => {
  it('serves a repository a TUF client accepts from its initial root, as a Sigstore mirror lays it out', async () => {
    const host = await repository()
    const root = await fetchRoot(host)
    expect(TrustedRoot.toJSON(root)).toEqual(
      TrustedRoot.toJSON(TrustedRoot.fromJSON(sig.trustedRoot()))
    )
    const target = JSON.stringify(sig.trustedRoot())
    expect(host.requests.map((r) => `${r.status} ${r.path}`)).toEqual([
      '404 /2.root.json',
      '200 /timestamp.json',
      '200 /1.snapshot.json',
      '200 /1.targets.json',
      `200 /targets/${createHash('sha256').update(target).digest('hex')}.trusted_root.json`
    ])
  })

  it('publishes a new trusted root that a client with a cache refreshes to', async () => {
    const host = await repository()
    const cache = tempDir('tuf-cache-')
    const rootFile = rootFileOf(host)
    await fetchRoot(host, rootFile, cache)
    const other = await startSigstoreHost()
    try {
      host.publish({ 'trusted_root.json': JSON.stringify(other.trustedRoot()) })
      const refreshed = await fetchRoot(host, rootFile, cache)
      expect(TrustedRoot.toJSON(refreshed)).toEqual(
        TrustedRoot.toJSON(TrustedRoot.fromJSON(other.trustedRoot()))
      )
    } finally {
      await other.close()
    }
  })

  it('rotates its root keys: a client walks from the first root to the next, signed by the old keys and the new', async () => {
    const host = await repository()
    host.rotateRoot()
    host.clearRequests()
    await fetchRoot(host)
    expect(host.requests.slice(0, 2).map((r) => `${r.status} ${r.path}`)).toEqual([
      '200 /2.root.json',
      '404 /3.root.json'
    ])
  })

  it('is refused by the client when the target, the metadata or the root is not what the keys signed', async () => {
    const tampered = await repository()
    const target = JSON.stringify(sig.trustedRoot())
    tampered.replace(
      `/targets/${createHash('sha256').update(target).digest('hex')}.trusted_root.json`,
      target.replace('sigstore.mock', 'sigstore.evil')
    )
    expect(await tufError(fetchRoot(tampered))).toMatch(
      /Expected hash [0-9a-f]{64} but got [0-9a-f]{64}/
    )

    const stale = await repository()
    stale.expire()
    expect(await tufError(fetchRoot(stale))).toContain('Final timestamp.json is expired')

    const stranger = await repository()
    const elsewhere = await repository()
    expect(await tufError(fetchRoot(stranger, rootFileOf(elsewhere)))).toContain(
      'timestamp was signed by 0/1 keys'
    )
  })

  it('signs the canonical form: keys sorted, no whitespace, quotes and backslashes escaped', () => {
    expect(canonicalJson({ b: [1, true, null], a: { d: 'x"y\\z', c: 2 } })).toBe(
      '{"a":{"c":2,"d":"x\\"y\\\\z"},"b":[1,true,null]}'
    )
    expect(() => canonicalJson({ a: 1.5 })).toThrow(/floats/)
  })
})
