// The bundled seal, verify and promote actions against the in-process registry host, for
// what distribution 2.8 cannot show: a registry with the referrers API (the seal is listed
// by the registry, no fallback tag is written), GHCR's quirk (no API, a fallback index that
// reports every entry's artifactType as the empty type), manifest bytes swapped in transit,
// and hostile text in a manifest. The verify action finds the signed seal by each referrer's
// own manifest.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash, generateKeyPairSync } from 'node:crypto'
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { OCI_EMPTY } from '../../src/core/image/media-types.js'
import { fallbackTag } from '../../src/core/image/referrers.js'
import { OciRegistryHost } from '../hosts/oci-registry-host.js'
import { loadTestImage, writeTestImage } from '../helpers/oci-layout.js'
import { signedBy } from '../helpers/signed-by.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()

/** The bundled CLI, without blocking this process (the registry host answers from it). */
function runCli(args: string[], cwd: string): Promise<number | null> {
  return new Promise((resolve) =>
    spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/index.js'), ...args], {
      cwd,
      stdio: 'ignore'
    }).on('close', resolve)
  )
}

let host: OciRegistryHost
const env = (): Record<string, string> => ({ HOME: tempDir('home-') })

beforeEach(async () => {
  host = await new OciRegistryHost().start()
  loadTestImage(host, 'acme/app', image)
})
afterEach(async () => {
  await host.close()
})

async function sealAndVerify(): Promise<void> {
  const sealed = await runAction(
    'dist/seal/index.js',
    {
      'subject-path': `oci://${host.host}/acme/app:v1`,
      'signing-key': PRIVATE_KEY,
      'push-to-registry': 'true'
    },
    { env: env() }
  )
  expect(sealed.stderr).toBe('')
  expect(sealed.code).toBe(0)
  expect(sealed.outputs.digest).toBe(INDEX)
  const verified = await runAction(
    'dist/verify/index.js',
    {
      'subject-path': `oci://${host.host}/acme/app:v1`,
      'expected-digest': INDEX,
      'signed-by': signedBy({ key: PUBLIC_KEY })
    },
    { env: env() }
  )
  expect(verified.code).toBe(0)
  expect(verified.outputs).toMatchObject({
    verified: 'true',
    'image-ref': `${host.host}/acme/app@${INDEX}`
  })
  expect(JSON.parse(verified.outputs.signer!)).toMatchObject({ kind: 'key' })
}

describe('manifest bytes swapped in transit', () => {
  it('verify fails with no outputs, and promote records a refusal naming the swap', async () => {
    host.fault(new RegExp(`/manifests/${INDEX}$`), { kind: 'tamper' }, { method: 'GET', times: 10 })
    const verified = await runAction(
      'dist/verify/index.js',
      { 'subject-path': `oci://${host.host}/acme/app:v1`, 'expected-digest': INDEX },
      { env: env() }
    )
    expect(verified.code).toBe(1)
    expect(verified.stdout).toContain('altered or swapped')
    expect(verified.outputs).toEqual({})

    const workspace = writeTree(tempDir('tamper-'), {
      '.github/promotion.yml': 'environments:\n  dev: {}\n'
    })
    const cli = await runCli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], workspace)
    expect(cli).toBe(0)
    const promoted = await runAction(
      'dist/promote/index.js',
      {
        environment: 'dev',
        'subject-path': `oci://${host.host}/acme/app:v1`,
        'expected-digest': INDEX,
        ledger: 'file:ledger.jsonl'
      },
      { workspace, env: env() }
    )
    expect(promoted.outputs).toMatchObject({ promoted: 'false', 'image-ref': '' })
    const bytes = (
      JSON.parse(promoted.outputs.decision!) as {
        checks: { rule: string; passed: boolean; detail: string }[]
      }
    ).checks.find((c) => c.rule === 'bytes')
    expect(bytes).toMatchObject({
      passed: false,
      detail: expect.stringContaining('altered or swapped')
    })
    const records = fs
      .readFileSync(path.join(workspace, 'ledger.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .slice(1)
      .map((l) => (JSON.parse(l) as { record: { outcome: string } }).record.outcome)
    expect(records).toEqual(['refused'])
  })
})

describe('text a registry serves is inert', () => {
  it(
    'a hostile platform name in an index reaches the log, the summary and the statement as data, never as a ' +
      'command or markup',
    async () => {
      const amd64 = host.manifest('acme/app', image.digests.amd64)!
      const index = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: [
            {
              mediaType: amd64.mediaType,
              digest: image.digests.amd64,
              size: amd64.bytes.length,
              platform: { os: 'linux\n::error::forged', architecture: 'amd64`|<img src=x>' }
            }
          ]
        })
      )
      const digest = `sha256:${createHash('sha256').update(index).digest('hex')}`
      host.load(
        'acme/app',
        new Map([[digest, index]]),
        { hostile: { digest, mediaType: 'application/vnd.oci.image.index.v1+json' } },
        new Map([[digest, 'application/vnd.oci.image.index.v1+json']])
      )
      const run = await runAction(
        'dist/seal/index.js',
        { 'subject-path': `oci://${host.host}/acme/app:hostile` },
        { env: env() }
      )
      expect(run.code).toBe(0)
      expect(run.outputs.digest).toBe(digest)
      expect(run.stdout.split('\n').some((line) => line.startsWith('::error::forged'))).toBe(false)
      expect(run.summary).not.toContain('<img')
      const statement = JSON.parse(fs.readFileSync(run.outputs['statement-path']!, 'utf8')) as {
        subject: { annotations: Record<string, { platforms: { platform: string }[] }> }[]
      }
      expect(statement.subject[0]!.annotations['artifact-seal.image']!.platforms).toEqual([
        { platform: 'linux\n::error::forged/amd64`|<img src=x>', digest: image.digests.amd64 }
      ])
    }
  )
})

describe('push-to-registry and verify on registries distribution 2.8 does not stand for', () => {
  it('a registry with the referrers API lists the signed seal itself: no fallback tag is written', async () => {
    await sealAndVerify()
    expect(host.tags('acme/app')).not.toContain(fallbackTag(INDEX))
    expect(
      host.requests.some(
        (r) => r.method === 'GET' && r.path.startsWith(`/v2/acme/app/referrers/${INDEX}`)
      )
    ).toBe(true)
  })

  it(
    'GHCR (no referrers API, a fallback index with the wrong artifactType): the seal is found by its own ' +
      'manifest',
    async () => {
      host.quirks.referrersApi = false
      host.quirks.ghcr = true
      await sealAndVerify()
      const index = JSON.parse(host.manifest('acme/app', fallbackTag(INDEX))!.bytes.toString()) as {
        manifests: { artifactType: string }[]
      }
      expect(index.manifests.map((m) => m.artifactType)).toEqual([OCI_EMPTY])
    }
  )

  it('a verify that asks for a signer and finds none attached refuses, naming where it looked', async () => {
    const run = await runAction(
      'dist/verify/index.js',
      {
        'subject-path': `oci://${host.host}/acme/app:v1`,
        'expected-digest': INDEX,
        'signed-by': signedBy({ key: PUBLIC_KEY })
      },
      { env: env() }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `carries no signature: no signed seal attached to ${host.host}/acme/app@${INDEX} in its registry`
    )
    expect(run.outputs.verified).toBe('false')
    expect(run.outputs['image-ref']).toBe('')
  })
})
