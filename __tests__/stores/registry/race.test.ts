// The referrers fallback tag under concurrent writers, on distribution 2.8, which ignores
// If-Match: the lost update is real there. Barriers force the worst interleaving (every
// writer reads the index before any writes); no test relies on timing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import { parseImageReference } from '../../../src/core/image/reference.js'
import { fallbackTag } from '../../../src/core/image/referrers.js'
import { RegistryClient } from '../../../src/stores/registry/client.js'
import { type TestRegistry, startRegistry } from '../../hosts/registry.js'
import { imageBundle } from '../../helpers/image-bundle.js'
import { writeTestImage } from '../../helpers/oci-layout.js'
import { inspectRaw, pushLayout } from '../../helpers/skopeo.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const WRITERS = 6
const image = writeTestImage(tempDir('layout-'))
let registry: TestRegistry

beforeAll(async () => {
  registry = await startRegistry('open')
  await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
  await pushLayout(registry, image.dir, 'single', 'acme/app', 'single')
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

/**
 * The settling wait as a barrier: it ends only when every writer still at work is waiting
 * too, so no write is in flight when any of them reads the index back.
 */
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

async function fallbackDigests(subject: string): Promise<string[]> {
  const index = JSON.parse(
    (await inspectRaw(registry, 'acme/app', fallbackTag(subject as Digest))).toString()
  ) as { manifests: { digest: string }[] }
  return index.manifests.map((m) => m.digest).sort()
}

describe('concurrent writers of the fallback tag', () => {
  it('lose entries when each writes once: the registry takes every stale write (the race is real)', async () => {
    const subject = image.digests.single as Digest
    const barrier = quiescence(WRITERS)
    const client = new RegistryClient({
      credentials: { env: {}, homeDir: tempDir('home-') },
      fallback: {
        settleMs: 0,
        rounds: 1,
        pauses: { beforeWrite: allReadFirst(WRITERS), settle: barrier.settle }
      }
    })
    const bundles = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => imageBundle('app', subject, `once ${i}`))
    )
    const results = await Promise.allSettled(
      bundles.map((bundle) =>
        client
          .attachBundle(parseImageReference(`${registry.host}/acme/app`, 'image'), subject, bundle)
          .finally(() => barrier.done())
      )
    )
    const lost = results.filter((r) => r.status === 'rejected')
    // Every writer but the last to write finds its entry gone and says so; none claims success falsely.
    expect(lost.length).toBe(WRITERS - 1)
    for (const r of lost) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SealError)
    expect((await fallbackDigests(subject)).length).toBe(1)
  })

  it('keep every entry when each reads back after settling and merges again', async () => {
    const subject = image.digests.index as Digest
    const barrier = quiescence(WRITERS)
    const client = new RegistryClient({
      credentials: { env: {}, homeDir: tempDir('home-') },
      fallback: {
        settleMs: 0,
        pauses: { beforeWrite: allReadFirst(WRITERS), settle: barrier.settle }
      }
    })
    const bundles = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => imageBundle('app', subject, `writer ${i}`))
    )
    const reports = await Promise.all(
      bundles.map((bundle) =>
        client
          .attachBundle(parseImageReference(`${registry.host}/acme/app`, 'image'), subject, bundle)
          .finally(() => barrier.done())
      )
    )
    expect(reports.every((r) => r.via === 'fallback-tag')).toBe(true)
    expect(await fallbackDigests(subject)).toEqual(reports.map((r) => r.manifest).sort())
    // And a reader finds each one as a bundle.
    const found = await client.bundles(
      parseImageReference(`${registry.host}/acme/app`, 'image'),
      subject
    )
    expect(found.map((f) => f.referrer.manifest.digest).sort()).toEqual(
      reports.map((r) => r.manifest).sort()
    )
  })
})
