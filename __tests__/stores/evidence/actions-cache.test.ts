import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { buildContextFromEnv } from '../../../src/app/settings/runner-environment.js'
import { parseListing } from '../../../src/core/listing.js'
import { type SealedArtifact, sealSubject } from '../../../src/core/seal.js'
import { LocalDirectoryStore } from '../../../src/stores/evidence/local-directory.js'
import type { SealBundleLocation } from '../../../src/stores/evidence/seal-bundle.js'
import {
  ActionsCacheStore,
  type CacheLog,
  cacheKeyOf
} from '../../../src/stores/evidence/actions-cache.js'
import { type CacheRestore, restoreFromCache } from '../../../src/stores/evidence/cache-restore.js'
import {
  type ResultsServiceHost,
  startResultsServiceHost
} from '../../hosts/results-service-host.js'
import { captureStdout, inJob } from '../../hosts/results/job-env.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../../helpers/trees.js'

let results: ResultsServiceHost
const stdout = captureStdout()
const BUILD = buildContextFromEnv({})

beforeAll(async () => {
  results = await startResultsServiceHost()
})

afterAll(async () => {
  stdout.restore()
  await results?.close()
  removeAll()
})

// GitHub-hosted runners give every run the same workspace and RUNNER_TEMP paths; so does
// this machine, so the cache version (a hash of the staging path) matches across runs.
const machine = { workspace: tempDir('workspace-'), runnerTemp: tempDir('runner-temp-') }
let nextRun = 9000

interface Logged extends CacheLog {
  readonly infos: string[]
  readonly warnings: string[]
}

function logger(): Logged {
  const infos: string[] = []
  const warnings: string[] = []
  return { infos, warnings, info: (m) => infos.push(m), warning: (m) => warnings.push(m) }
}

/** A step of a job of a new workflow run on the machine. */
function inRun<T>(fn: () => Promise<T>, extra?: Record<string, string | undefined>): Promise<T> {
  return inJob(
    results,
    { runId: nextRun++, repository: 'acme/shop', ...machine, ...(extra ? { extra } : {}) },
    fn
  )
}

async function sealTree(files: Record<string, string>): Promise<{
  artifact: SealedArtifact
  root: string
  paths: string[]
  bundle: SealBundleLocation
}> {
  const base = tempDir('build-')
  const root = writeTree(path.join(base, 'dist'), files)
  const artifact = await sealSubject(
    {
      kind: 'paths',
      patterns: { include: [root], exclude: ['**/*.log'] },
      baseDir: base,
      inputName: 'subject-path'
    },
    { fallbackName: 'dist', build: BUILD }
  )
  const bundle = await bundleOf(artifact, base)
  return {
    artifact,
    root,
    paths: parseListing(artifact.listing.toString('utf8'), 'listing').map((e) => e.path),
    bundle
  }
}

function bundleOf(artifact: SealedArtifact, base: string): Promise<SealBundleLocation> {
  return new LocalDirectoryStore(path.join(base, '.seal'), 'output-dir').putSealBundle(artifact)
}

let builds = 0
/** A build with its own bytes, so each test has its own cache key. */
const newBuild = (): Record<string, string> => ({
  'index.html': `<html>build ${++builds}</html>\n`,
  'assets/app.js': 'console.log("shop")\n',
  'api/openapi.yaml': 'openapi: 3.1.0\n',
  'build.log': 'not sealed\n'
})

/** Restores in a step of a new run, as promote does: into a private directory under `parent`. */
function restore(
  digest: SealedArtifact['digest'],
  parent: string,
  log: Logged = logger(),
  extra?: Record<string, string | undefined>
): Promise<CacheRestore> {
  return inRun(
    () => restoreFromCache(digest, parent, { env: process.env, inputName: 'cache', log }),
    extra
  )
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

describe('the Actions cache, addressed by digest', () => {
  it('saves exactly the sealed files under their digest; a later run restores them', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    const key = cacheKeyOf(artifact.digest)
    expect(key).toBe(`artifact-seal-files-sha256-${artifact.digest.slice(7)}`)

    const log = logger()
    const saved = await inRun(() =>
      new ActionsCacheStore({ log }).save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    expect(saved).toEqual({ status: 'saved', key })
    expect(results.cacheEntries().filter((e) => e.key === key)).toMatchObject([
      { key, repository: 'acme/shop', scope: 'refs/heads/main', finalized: true }
    ])
    expect(fs.existsSync(path.join(machine.runnerTemp, 'artifact-seal-cache'))).toBe(false)

    const parent = tempDir('downloads-')
    const restored = await restore(artifact.digest, parent, log)
    if (restored.kind !== 'restored') throw new Error(`not restored: ${JSON.stringify(restored)}`)
    expect(path.dirname(restored.dir)).toBe(parent)
    expect(fs.statSync(restored.dir).mode & 0o777).toBe(0o700)
    // The archive is gone; the listing the entry carried and the sealed files are all that is there.
    expect(filesUnder(restored.dir)).toEqual([
      'files/api/openapi.yaml',
      'files/assets/app.js',
      'files/index.html',
      'seal/dist.intoto.json',
      'seal/dist.modes.json',
      'seal/dist.sha256'
    ])
    expect(fs.readFileSync(restored.listingFile)).toEqual(Buffer.from(artifact.listing))
    expect(restored.digestKind).toBe('tree')
    expect(shellTreeDigest(restored.filesDir)).toBe(artifact.digest)
    expect(log.warnings).toEqual([])
  })

  it(
    'checks the staged files against the listing first: files changed or gone since the seal are not cached, ' +
      'with a warning only',
    async () => {
      const { artifact, root, paths, bundle } = await sealTree(newBuild())
      fs.appendFileSync(path.join(root, 'assets/app.js'), 'steal()\n')
      const log = logger()
      const changed = await inRun(() =>
        new ActionsCacheStore({ log }).save({
          digest: artifact.digest,
          root,
          paths,
          listing: artifact.listing,
          bundle
        })
      )
      expect(changed).toMatchObject({
        status: 'not-saved',
        reason:
          'the files changed after they were sealed: assets/app.js (changed). Seal them again to cache them'
      })
      expect(log.warnings).toEqual([
        expect.stringContaining(
          `cache: the sealed files were not cached as ${cacheKeyOf(artifact.digest)}: the files changed after ` +
            'they were sealed: assets/app.js (changed).'
        )
      ])
      expect(results.cacheEntries().filter((e) => e.key === cacheKeyOf(artifact.digest))).toEqual(
        []
      )

      fs.rmSync(path.join(root, 'index.html'))
      const gone = await inRun(() =>
        new ActionsCacheStore({ log: logger() }).save({
          digest: artifact.digest,
          root,
          paths,
          listing: artifact.listing,
          bundle
        })
      )
      expect(gone).toMatchObject({
        status: 'not-saved',
        reason: expect.stringContaining('cannot cache the sealed file "index.html"')
      })
      expect(fs.existsSync(path.join(machine.runnerTemp, 'artifact-seal-cache'))).toBe(false)
    }
  )

  it('an existing key is success, "already cached": entries are never overwritten', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    results.clearRequests()
    const log = logger()
    const again = await inRun(() =>
      new ActionsCacheStore({ log }).save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    expect(again).toEqual({ status: 'already-cached', key: cacheKeyOf(artifact.digest) })
    expect(log.infos).toEqual([
      `cache: ${cacheKeyOf(artifact.digest)} is already cached; a cache entry is never overwritten (whoever ` +
        'restores it checks it against the digest first).'
    ])
    expect(results.requests.map((r) => r.call)).toEqual(['CacheService/GetCacheEntryDownloadURL'])
    expect(
      results.cacheEntries().filter((e) => e.key === cacheKeyOf(artifact.digest))
    ).toHaveLength(1)
  })

  it('a miss restores nothing and creates nothing', async () => {
    const { artifact } = await sealTree(newBuild())
    const parent = tempDir('downloads-')
    expect(await restore(artifact.digest, parent)).toEqual({ kind: 'miss' })
    expect(fs.readdirSync(parent)).toEqual([])
  })

  it('an evicted entry is a miss', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    expect(await results.deleteCacheEntry(cacheKeyOf(artifact.digest))).toBe(1)
    const parent = tempDir('downloads-')
    expect(await restore(artifact.digest, parent)).toEqual({ kind: 'miss' })
    expect(fs.readdirSync(parent)).toEqual([])
  })

  it('a changed file is refused before extraction, named, and nothing is left', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    await results.tamperCacheBlob(cacheKeyOf(artifact.digest), (p, content) =>
      p.endsWith('/assets/app.js')
        ? Buffer.from(content.toString().replace('shop', 'pwnd'))
        : undefined
    )
    const parent = tempDir('downloads-')
    const log = logger()
    const restored = await restore(artifact.digest, parent, log)
    expect(restored).toMatchObject({
      kind: 'refused',
      refusals: [
        {
          name: expect.stringMatching(/\/artifact-seal-cache-v3\/files\/assets\/app\.js$/),
          reason: 'its content is not what the sealed listing says'
        }
      ]
    })
    expect(log.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^cache: refused the cache entry ${cacheKeyOf(artifact.digest)} before extracting anything:\n ` +
            '{2}".*files/assets/app\\.js": its content is not what the sealed listing ' +
            'says\n'
        )
      )
    ])
    expect(log.warnings[0]).toContain(`gh cache delete ${cacheKeyOf(artifact.digest)}`)
    expect(fs.readdirSync(parent)).toEqual([])
  })

  it('a listing swapped in the entry is refused: it must describe the digest of the key', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    await results.tamperCacheBlob(cacheKeyOf(artifact.digest), (p, content) =>
      p.endsWith('/seal/dist.sha256')
        ? Buffer.from(content.toString().replace(/^[0-9a-f]{64}/, '0'.repeat(64)))
        : undefined
    )
    const parent = tempDir('downloads-')
    const restored = await restore(artifact.digest, parent)
    expect(restored).toMatchObject({
      kind: 'refused',
      refusals: [
        {
          name: expect.stringMatching(/seal\/dist\.sha256$/),
          reason: expect.stringMatching(/^the listing of sha256:[0-9a-f]{64}, not of sha256:/)
        }
      ]
    })
    expect(fs.readdirSync(parent)).toEqual([])
  })

  it('a download cut short is refused as unreadable, and leaves nothing', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    results.truncateDownloads(true)
    try {
      const parent = tempDir('downloads-')
      const restored = await restore(artifact.digest, parent)
      expect(restored).toMatchObject({
        kind: 'refused',
        refusals: [{ reason: expect.stringMatching(/^the archive cannot be read: /) }]
      })
      expect(fs.readdirSync(parent)).toEqual([])
      expect(results.requests.some((r) => r.call === 'blob-proxy')).toBe(true)
    } finally {
      results.truncateDownloads(false)
    }
  })

  it('a download the storage cuts off is a miss with a warning, and leaves nothing', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    results.truncateDownloads({ cut: 'reset' })
    try {
      const parent = tempDir('downloads-')
      const log = logger()
      expect(await restore(artifact.digest, parent, log)).toEqual({
        kind: 'miss',
        unreadable: expect.stringMatching(/^its download failed: /)
      })
      expect(log.warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `^cache: could not download ${cacheKeyOf(artifact.digest)} \\(.*\\); going on without the cache\\.$`
          )
        )
      ])
      expect(fs.readdirSync(parent)).toEqual([])
    } finally {
      results.truncateDownloads(false)
    }
  })

  it('refuses a directory for restores inside the workspace', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    const parent = path.join(machine.workspace, 'restored')
    await expect(restore(artifact.digest, parent)).rejects.toThrowSealError('bad-input', 'cache')
    expect(fs.readdirSync(parent)).toEqual([])
    fs.rmdirSync(parent)
  })

  it('a single sealed file round trips, its digest its own sha256', async () => {
    const base = tempDir('build-')
    const file = path.join(writeTree(base, { 'shop.tgz': `archive ${++builds}\n` }), 'shop.tgz')
    const artifact = await sealSubject(
      {
        kind: 'paths',
        patterns: { include: [file], exclude: [] },
        baseDir: base,
        inputName: 'subject-path'
      },
      { fallbackName: 'x', build: BUILD }
    )
    expect(artifact.kind).toBe('file')
    const bundle = await bundleOf(artifact, base)
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root: base,
        paths: ['shop.tgz'],
        listing: artifact.listing,
        bundle
      })
    )
    const restored = await restore(artifact.digest, tempDir('downloads-'))
    expect(restored).toMatchObject({ kind: 'restored', digestKind: 'file' })
    if (restored.kind === 'restored')
      expect(fs.readFileSync(path.join(restored.filesDir, 'shop.tgz'), 'utf8')).toBe(
        fs.readFileSync(file, 'utf8')
      )
  })

  it('names outside ASCII and past the tar header (pax records) round trip through GNU tar', async () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(150)}.js`
    const { artifact, root, paths, bundle } = await sealTree({
      ...newBuild(),
      'ünïcødé/ファイル.txt': 'unicode\n',
      [long]: 'long\n'
    })
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    const restored = await restore(artifact.digest, tempDir('downloads-'))
    expect(restored.kind).toBe('restored')
    if (restored.kind === 'restored') {
      expect(filesUnder(restored.filesDir)).toEqual(
        expect.arrayContaining(['ünïcødé/ファイル.txt', long])
      )
      expect(shellTreeDigest(restored.filesDir)).toBe(artifact.digest)
    }
  })

  it(
    'sealed files that are hard links of each other round trip: each is staged as a file, never as a link ' +
      'entry',
    async () => {
      const base = tempDir('build-')
      const root = writeTree(path.join(base, 'dist'), newBuild())
      fs.linkSync(path.join(root, 'assets/app.js'), path.join(root, 'assets/copy.js'))
      const artifact = await sealSubject(
        {
          kind: 'paths',
          patterns: { include: [root], exclude: ['**/*.log'] },
          baseDir: base,
          inputName: 'subject-path'
        },
        { fallbackName: 'dist', build: BUILD }
      )
      const paths = parseListing(artifact.listing.toString('utf8'), 'listing').map((e) => e.path)
      expect(paths).toContain('assets/copy.js')
      const bundle = await bundleOf(artifact, base)
      await inRun(() =>
        new ActionsCacheStore().save({
          digest: artifact.digest,
          root,
          paths,
          listing: artifact.listing,
          bundle
        })
      )
      const restored = await restore(artifact.digest, tempDir('downloads-'))
      expect(restored.kind).toBe('restored')
      if (restored.kind === 'restored')
        expect(shellTreeDigest(restored.filesDir)).toBe(artifact.digest)
    }
  )
})

describe('without a cache service', () => {
  it('outside Actions: saving warns and goes on, restoring misses', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    const log = logger()
    const noService = { ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_URL: undefined }
    const saved = await inRun(
      () =>
        new ActionsCacheStore({ log }).save({
          digest: artifact.digest,
          root,
          paths,
          listing: artifact.listing,
          bundle
        }),
      noService
    )
    expect(saved).toMatchObject({
      status: 'not-saved',
      reason: expect.stringMatching(/not available here/)
    })
    expect(log.warnings).toEqual([
      expect.stringMatching(
        /^cache: the sealed files were not cached as artifact-seal-files-sha256-[0-9a-f]{64}: .*Going on: the cache only speeds later jobs up\.$/
      )
    ])
    const parent = tempDir('downloads-')
    expect(await restore(artifact.digest, parent, log, noService)).toEqual({
      kind: 'miss',
      unreadable: expect.any(String)
    })
    expect(log.infos).toEqual([
      expect.stringMatching(
        /^cache: not restoring artifact-seal-files-sha256-[0-9a-f]{64}: the Actions cache service is not available here/
      )
    ])
    expect(fs.readdirSync(parent)).toEqual([])
  })

  it('when the service does not answer: saving warns and goes on, restoring misses', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    const log = logger()
    const down = { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' }
    const saved = await inRun(
      () =>
        new ActionsCacheStore({ log }).save({
          digest: artifact.digest,
          root,
          paths,
          listing: artifact.listing,
          bundle
        }),
      down
    )
    expect(saved.status).toBe('not-saved')
    expect(log.warnings).toHaveLength(1)
    const parent = tempDir('downloads-')
    expect(await restore(artifact.digest, parent, log, down)).toEqual({
      kind: 'miss',
      unreadable: expect.stringMatching(/^its lookup failed: /)
    })
    expect(log.warnings).toHaveLength(2)
    expect(fs.readdirSync(parent)).toEqual([])
  })

  it('the legacy cache service (v1, GitHub Enterprise Server) finds and restores the entry as well', async () => {
    const { artifact, root, paths, bundle } = await sealTree(newBuild())
    await inRun(() =>
      new ActionsCacheStore().save({
        digest: artifact.digest,
        root,
        paths,
        listing: artifact.listing,
        bundle
      })
    )
    results.clearRequests()
    const legacy = { ACTIONS_CACHE_SERVICE_V2: undefined, ACTIONS_CACHE_URL: `${results.url}/` }
    const restored = await restore(artifact.digest, tempDir('downloads-'), logger(), legacy)
    expect(restored.kind).toBe('restored')
    expect(results.requests.map((r) => r.call)).toEqual(['artifactcache/cache'])
  })

  it('a runner whose cache mode forbids reading: restoring misses without a request', async () => {
    const { artifact } = await sealTree(newBuild())
    results.clearRequests()
    expect(
      await restore(artifact.digest, tempDir('downloads-'), logger(), {
        ACTIONS_CACHE_MODE: 'write-only'
      })
    ).toEqual({ kind: 'miss', unreadable: expect.any(String) })
    expect(results.requests).toEqual([])
  })
})
