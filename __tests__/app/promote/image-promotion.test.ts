// The promotion's signed record pushed beside the image while other writers (the seal, another
// promotion) write the same referrers fallback tag, on distribution 2.8, which ignores If-Match:
// barriers make every writer read the index before any writes; no test relies on timing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { VSA_PREDICATE_TYPE } from '../../../src/core/signing/vsa.js'
import { SLSA_PROVENANCE_TYPE } from '../../../src/core/statement.js'
import { finishImagePromotion } from '../../../src/app/promote/image-promotion.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { type TestRegistry, startRegistry } from '../../hosts/registry.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { writeTestImage } from '../../helpers/oci-layout.js'
import { pushLayout } from '../../helpers/skopeo.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))
let registry: TestRegistry

beforeAll(async () => {
  registry = await startRegistry('open')
  await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
})
afterAll(async () => {
  await registry?.close()
})

/** Holds every writer's first write until all of them have read the index. */
function allReadFirst(writers: number): () => Promise<void> {
  let arrived = 0
  let open: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (open = resolve))
  return () => {
    arrived++
    if (arrived === writers) open()
    return arrived <= writers ? gate : Promise.resolve()
  }
}

/** The settling wait as a barrier: it ends when every writer still at work waits too. */
function quiescence(writers: number): { settle: () => Promise<void>; done: () => void } {
  let active = writers
  const waiting: (() => void)[] = []
  const check = (): void => {
    if (active > 0 && waiting.length === active) for (const go of waiting.splice(0)) go()
  }
  return {
    settle: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve)
        check()
      }),
    done: () => {
      active--
      check()
    }
  }
}

describe('push-to-registry of a promotion racing other writers of the fallback tag', () => {
  it('keeps the seal and both summaries, and each reader takes only its own kind', async () => {
    const subject = image.digests.index as Digest
    const writers = 3
    const barrier = quiescence(writers)
    const client = new RegistryClient({
      credentials: { env: {}, homeDir: tempDir('home-') },
      fallback: {
        settleMs: 0,
        pauses: { beforeWrite: allReadFirst(writers), settle: barrier.settle }
      }
    })
    const reference = parseImageReference(`${registry.host}/acme/app:v1`, 'image')
    const seal = await imageBundle('app', subject, 'seal')
    const [dev, staging] = await Promise.all(
      ['dev', 'staging'].map(async (environment) =>
        (await imageBundle('app', subject, environment, VSA_PREDICATE_TYPE)).toString('utf8')
      )
    )
    const promotion = (environment: string, signedRecord: string) =>
      finishImagePromotion(
        {
          reference,
          digest: subject,
          environment,
          rule: undefined,
          pushToRegistry: true,
          signedRecord,
          signedRecordUri: null,
          pushInput: 'push-to-registry'
        },
        client
      ).finally(() => barrier.done())
    const [sealed, first, second] = await Promise.all([
      client.attachBundle(reference, subject, seal).finally(() => barrier.done()),
      promotion('dev', dev!),
      promotion('staging', staging!)
    ])
    expect([first.recordNotAttached, second.recordNotAttached]).toEqual([null, null])
    const summaries = await client.bundles(reference, subject, {
      predicateType: VSA_PREDICATE_TYPE
    })
    expect(summaries.map((f) => f.referrer.manifest.digest).sort()).toEqual(
      [first.recordAttached!.manifest, second.recordAttached!.manifest].sort()
    )
    const seals = await client.bundles(reference, subject, { predicateType: SLSA_PROVENANCE_TYPE })
    expect(seals.map((f) => f.referrer.manifest.digest)).toEqual([sealed.manifest])
    expect(await client.bundles(reference, subject)).toHaveLength(3)
  })
})

describe('push-to-registry when the gate handed out a platform image of the sealed index', () => {
  it('attaches the summary to the sealed index and still hands out the platform image asked for', async () => {
    const subject = image.digests.index as Digest
    const amd64 = image.digests.amd64 as Digest
    const client = new RegistryClient({
      credentials: { env: {}, homeDir: tempDir('home-') },
      fallback: { settleMs: 0 }
    })
    const reference = parseImageReference(`${registry.host}/acme/app@${amd64}`, 'image')
    const summary = await imageBundle('app', subject, 'production', VSA_PREDICATE_TYPE)

    const promoted = await finishImagePromotion(
      {
        reference,
        digest: subject,
        environment: 'production',
        rule: undefined,
        pushToRegistry: true,
        signedRecord: summary.toString('utf8'),
        signedRecordUri: null,
        pushInput: 'push-to-registry'
      },
      client
    )

    expect(promoted.recordNotAttached).toBeNull()
    expect(promoted.imageRef).toBe(`${registry.host}/acme/app@${amd64}`)
    const attached = await client.bundles(reference, subject, { predicateType: VSA_PREDICATE_TYPE })
    expect(attached.map((f) => f.referrer.manifest.digest)).toContain(
      promoted.recordAttached!.manifest
    )
  })
})
