import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { buildContextFromEnv } from '../../src/app/runner-environment.js'
import { SealError } from '../../src/core/errors.js'
import { diffListings, parseListing } from '../../src/core/listing.js'
import { type SealedArtifact, sealSubject } from '../../src/core/seal.js'
import { ActionsCacheStore, type CacheLog, cacheKeyOf } from '../../src/stores/evidence/actions-cache.js'
import { type ResultsServiceHost, startResultsServiceHost } from '../hosts/results-service-host.js'
import { captureStdout, inJob } from '../hosts/results/job-env.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../helpers/trees.js'

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
  return inJob(results, { runId: nextRun++, repository: 'acme/shop', ...machine, ...(extra ? { extra } : {}) }, fn)
}

async function sealTree(files: Record<string, string>): Promise<{ artifact: SealedArtifact; root: string; paths: string[] }> {
  const base = tempDir('build-')
  const root = writeTree(path.join(base, 'dist'), files)
  const artifact = await sealSubject(
    { kind: 'paths', patterns: { include: [root], exclude: ['**/*.log'] }, baseDir: base, inputName: 'subject-path' },
    { fallbackName: 'dist', build: BUILD }
  )
  return { artifact, root, paths: parseListing(artifact.listing.toString('utf8'), 'listing').map((e) => e.path) }
}

let builds = 0
/** A build with its own bytes, so each test has its own cache key. */
const newBuild = (): Record<string, string> => ({
  'index.html': `<html>build ${++builds}</html>\n`,
  'assets/app.js': 'console.log("shop")\n',
  'api/openapi.yaml': 'openapi: 3.1.0\n',
  'build.log': 'not sealed\n'
})

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

describe('the Actions cache, addressed by digest', () => {
  it('saves exactly the sealed files under their digest; a later run restores them', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    const key = cacheKeyOf(artifact.digest)
    expect(key).toBe(`artifact-seal-files-sha256-${artifact.digest.slice(7)}`)

    const log = logger()
    const saved = await inRun(() => new ActionsCacheStore({ log }).save({ digest: artifact.digest, root, paths, listing: artifact.listing }))
    expect(saved).toEqual({ status: 'saved', key })
    expect(results.cacheEntries().filter((e) => e.key === key)).toMatchObject([{ key, repository: 'acme/shop', scope: 'refs/heads/main', finalized: true }])
    expect(fs.existsSync(path.join(machine.runnerTemp, 'artifact-seal-cache'))).toBe(false)

    const into = path.join(tempDir('deploy-'), 'restored')
    expect(await inRun(() => new ActionsCacheStore({ log }).restore(artifact.digest, into))).toBe(true)
    expect(filesUnder(into)).toEqual(['api/openapi.yaml', 'assets/app.js', 'index.html'])
    expect(shellTreeDigest(into)).toBe(artifact.digest)
    expect(log.warnings).toEqual([])
  })

  it('checks the staged files against the listing first: files changed or gone since the seal are not cached, with a warning only', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    fs.appendFileSync(path.join(root, 'assets/app.js'), 'steal()\n')
    const log = logger()
    const changed = await inRun(() => new ActionsCacheStore({ log }).save({ digest: artifact.digest, root, paths, listing: artifact.listing }))
    expect(changed).toMatchObject({ status: 'not-saved', reason: 'the files changed after they were sealed: assets/app.js (changed). Seal them again to cache them' })
    expect(log.warnings).toEqual([expect.stringContaining(`cache: the sealed files were not cached as ${cacheKeyOf(artifact.digest)}: the files changed after they were sealed: assets/app.js (changed).`)])
    expect(results.cacheEntries().filter((e) => e.key === cacheKeyOf(artifact.digest))).toEqual([])

    fs.rmSync(path.join(root, 'index.html'))
    const gone = await inRun(() => new ActionsCacheStore({ log: logger() }).save({ digest: artifact.digest, root, paths, listing: artifact.listing }))
    expect(gone).toMatchObject({ status: 'not-saved', reason: expect.stringContaining('cannot cache the sealed file "index.html"') })
    expect(fs.existsSync(path.join(machine.runnerTemp, 'artifact-seal-cache'))).toBe(false)
  })

  it('an existing key is success, "already cached": entries are never overwritten', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    await inRun(() => new ActionsCacheStore().save({ digest: artifact.digest, root, paths }))
    results.clearRequests()
    const log = logger()
    const again = await inRun(() => new ActionsCacheStore({ log }).save({ digest: artifact.digest, root, paths }))
    expect(again).toEqual({ status: 'already-cached', key: cacheKeyOf(artifact.digest) })
    expect(log.infos).toEqual([`cache: ${cacheKeyOf(artifact.digest)} is already cached; a cache entry is never overwritten, and this one holds these bytes.`])
    expect(results.requests.map((r) => r.call)).toEqual(['CacheService/GetCacheEntryDownloadURL'])
    expect(results.cacheEntries().filter((e) => e.key === cacheKeyOf(artifact.digest))).toHaveLength(1)
  })

  it('a miss restores nothing and creates nothing', async () => {
    const { artifact } = await sealTree(newBuild())
    const into = path.join(tempDir('deploy-'), 'restored')
    expect(await inRun(() => new ActionsCacheStore().restore(artifact.digest, into))).toBe(false)
    expect(fs.existsSync(into)).toBe(false)
    expect(fs.readdirSync(path.dirname(into))).toEqual([])
  })

  it('an evicted entry is a miss', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    await inRun(() => new ActionsCacheStore().save({ digest: artifact.digest, root, paths }))
    expect(await results.deleteCacheEntry(cacheKeyOf(artifact.digest))).toBe(1)
    const into = path.join(tempDir('deploy-'), 'restored')
    expect(await inRun(() => new ActionsCacheStore().restore(artifact.digest, into))).toBe(false)
    expect(fs.existsSync(into)).toBe(false)
  })

  it('a changed entry restores, and the caller’s verification names the changed file', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    await inRun(() => new ActionsCacheStore().save({ digest: artifact.digest, root, paths }))
    await results.tamperCacheBlob(cacheKeyOf(artifact.digest), (p, content) => (p.endsWith('/assets/app.js') ? Buffer.from(content.toString().replace('shop', 'pwnd')) : undefined))

    const into = path.join(tempDir('deploy-'), 'restored')
    expect(await inRun(() => new ActionsCacheStore().restore(artifact.digest, into))).toBe(true)
    const restored = await sealSubject({ kind: 'paths', patterns: { include: [into], exclude: [] }, baseDir: into, inputName: 'restored' }, { fallbackName: 'x', build: BUILD })
    expect(restored.digest).not.toBe(artifact.digest)
    const mismatches = diffListings(parseListing(artifact.listing.toString(), 'sealed'), parseListing(restored.listing.toString(), 'restored'))
    expect(mismatches.map((m) => `${m.kind} ${m.path}`)).toEqual(['changed assets/app.js'])
  })

  it('a download cut short is a miss with a warning, and leaves nothing', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    await inRun(() => new ActionsCacheStore().save({ digest: artifact.digest, root, paths }))
    results.truncateDownloads(true)
    stdout.clear()
    try {
      const into = path.join(tempDir('deploy-'), 'restored')
      expect(await inRun(() => new ActionsCacheStore().restore(artifact.digest, into))).toBe(false)
      expect(fs.readdirSync(path.dirname(into))).toEqual([])
      expect(stdout.text()).toMatch(/::warning::Failed to restore: /)
      expect(results.requests.some((r) => r.call === 'blob-proxy')).toBe(true)
    } finally {
      results.truncateDownloads(false)
    }
  })

  it('refuses to restore into a directory that holds something', async () => {
    const { artifact } = await sealTree(newBuild())
    const into = writeTree(tempDir('deploy-'), { 'keep.txt': 'mine' })
    await expect(inRun(() => new ActionsCacheStore().restore(artifact.digest, into))).rejects.toThrow(SealError)
    await expect(inRun(() => new ActionsCacheStore().restore(artifact.digest, into))).rejects.toThrow(/^cache: ".*" is not empty/)
    expect(filesUnder(into)).toEqual(['keep.txt'])
  })
})

describe('without a cache service', () => {
  it('outside Actions: saving warns and goes on, restoring misses', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    const log = logger()
    const noService = { ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_URL: undefined }
    const saved = await inRun(() => new ActionsCacheStore({ log }).save({ digest: artifact.digest, root, paths }), noService)
    expect(saved).toMatchObject({ status: 'not-saved', reason: expect.stringMatching(/not available here/) })
    expect(log.warnings).toEqual([expect.stringMatching(/^cache: the sealed files were not cached as artifact-seal-files-sha256-[0-9a-f]{64}: .*Going on: the cache only speeds later jobs up\.$/)])
    const into = path.join(tempDir('deploy-'), 'restored')
    expect(await inRun(() => new ActionsCacheStore({ log }).restore(artifact.digest, into), noService)).toBe(false)
    expect(fs.existsSync(into)).toBe(false)
  })

  it('when the service does not answer: saving warns and goes on, restoring misses', async () => {
    const { artifact, root, paths } = await sealTree(newBuild())
    const log = logger()
    const down = { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' }
    const saved = await inRun(() => new ActionsCacheStore({ log }).save({ digest: artifact.digest, root, paths }), down)
    expect(saved.status).toBe('not-saved')
    expect(log.warnings).toHaveLength(1)
    const into = path.join(tempDir('deploy-'), 'restored')
    expect(await inRun(() => new ActionsCacheStore({ log }).restore(artifact.digest, into), down)).toBe(false)
    expect(fs.existsSync(into)).toBe(false)
  })
})
