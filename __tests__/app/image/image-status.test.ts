// What runs where, for images: each environment's tag read from the in-process registry
// host beside the ledger's live and pending digests, every state it can be in.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import type { EnvironmentStatus } from '../../../src/app/ledger/types.js'
import { withImageTags } from '../../../src/app/image/image-status.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { OciRegistryHost } from '../../hosts/oci-registry-host.js'
import { loadTestImage, writeTestImage } from '../../helpers/oci-layout.js'
import { removeAll, tempDir } from '../../helpers/trees.js'
import { entry, span } from '../../../__fixtures__/promotion.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
const INDEX = image.digests.index as Digest
const SINGLE = image.digests.single as Digest

let host: OciRegistryHost
const client = () =>
  new RegistryClient({
    credentials: { env: {}, homeDir: tempDir('home-') },
    sleep: () => Promise.resolve(),
    random: () => 0.5
  })

beforeEach(async () => {
  host = await new OciRegistryHost().start()
  loadTestImage(host, 'acme/app', image, { dev: 'index', staging: 'single', qa: 'single' })
})
afterEach(async () => {
  await host.close()
})

const policy = () =>
  parsePolicy(
    [
      'environments:',
      '  dev: { image: { tag: dev } }',
      '  staging: { requires: [dev], image: { tag: staging } }',
      '  qa: { requires: [dev], image: { tag: qa } }',
      '  production: { requires: [staging], image: { tag: production } }',
      '  audit: { requires: [dev] }',
      ''
    ].join('\n'),
    'p.yml'
  )

function status(
  environment: string,
  live: Digest | null,
  pending: Digest[] = []
): EnvironmentStatus {
  return {
    environment,
    service: `${host.host}/acme/app`,
    live: live === null ? null : span(live, environment, '2026-11-01T12:00:00.000Z'),
    contract: null,
    pending: pending.map((d, i) => entry(100 + i, { digest: d, environment, outcome: 'pending' })),
    error: null
  }
}

describe('an environment image tag beside the ledger', () => {
  it('says whether each tag names the live digest, a pending one, something else, or nothing', async () => {
    const shown = await withImageTags(
      [
        status('dev', INDEX),
        status('staging', INDEX, [SINGLE]),
        status('qa', INDEX),
        status('production', INDEX),
        status('audit', INDEX)
      ],
      policy(),
      client()
    )
    expect(shown.map((s) => [s.environment, s.image?.state, s.image?.names])).toEqual([
      ['dev', 'live', INDEX],
      ['staging', 'pending', SINGLE],
      ['qa', 'moved', SINGLE],
      // No such tag while the ledger says something runs: it does not show what runs.
      ['production', 'moved', null],
      // No image rule: nothing read.
      ['audit', undefined, undefined]
    ])
    expect(shown[0]!.image!.reference).toBe(`${host.host}/acme/app:dev`)
    expect(host.requests.filter((r) => r.path.includes('/manifests/audit'))).toEqual([])
  })

  it(
    'a registry that cannot say leaves the state unknown, with why; a service that is no image name shows no ' +
      'tag',
    async () => {
      host.fault(/\/manifests\/dev$/, { kind: 'status', status: 503 }, { times: 50 })
      const [dev] = await withImageTags([status('dev', INDEX)], policy(), client())
      expect(dev!.image).toMatchObject({
        state: 'unknown',
        names: null,
        error: expect.stringContaining('503')
      })
      const [files] = await withImageTags(
        [{ ...status('dev', INDEX), service: 'Site Files!' }],
        policy(),
        client()
      )
      expect(files!.image).toBeUndefined()
    }
  )

  it('a service that names no registry (a policy that pins "service: payments") asks no registry at all', async () => {
    // Read as an image name it would be docker.io/library/payments: a request to Docker Hub
    // about an image nobody sealed.
    const asked: string[] = []
    const registry = client()
    const counting = new Proxy(registry, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown
        return typeof value === 'function'
          ? (...args: unknown[]) => {
              asked.push(String(key))
              return (value as (...a: unknown[]) => unknown).apply(target, args)
            }
          : value
      }
    })
    const [payments] = await withImageTags(
      [{ ...status('dev', INDEX), service: 'payments' }],
      policy(),
      counting
    )
    expect(payments!.image).toBeUndefined()
    expect(asked).toEqual([])
  })
})
