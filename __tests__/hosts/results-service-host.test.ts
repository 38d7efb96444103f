import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import {
  type JobSpec,
  type ResultsServiceHost,
  startResultsServiceHost
} from './results-service-host.js'
import { type ClientCall, type ClientOutcome, runClient } from './results/client-process.js'

// The real @actions/artifact and @actions/cache, each call in its own Node process with
// the variables the runner gives that job's steps: nothing is shared between jobs but
// the host, as on GitHub.

let host: ResultsServiceHost

beforeAll(async () => {
  host = await startResultsServiceHost()
})

afterAll(async () => {
  await host?.close()
  removeAll()
})

let nextRun = 3000
const newRun = (): number => nextRun++

interface Step {
  readonly workspace: string
  readonly temp: string
  run(call: ClientCall): Promise<ClientOutcome>
}

/** A job on its own runner: a workspace, a RUNNER_TEMP and the job's runtime variables. */
function job(spec: JobSpec, dirs?: { workspace: string; temp: string }): Step {
  const workspace = dirs?.workspace ?? tempDir('workspace-')
  const temp = dirs?.temp ?? tempDir('runner-temp-')
  const env = { ...host.runnerEnv(spec), GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp }
  return { workspace, temp, run: (call) => runClient(call, env, workspace) }
}

function succeeded(outcome: ClientOutcome): unknown {
  if (outcome.error)
    throw new Error(
      `the client failed: ${outcome.error.name}: ${outcome.error.message}\n${outcome.stdout}`
    )
  return outcome.result
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

const APP = {
  'index.html': '<html>app</html>\n',
  'assets/app.js': 'console.log(1)\n',
  'assets/app.css': 'body{}\n'
}

async function upload(
  step: Step,
  name: string,
  files: Record<string, string> = APP
): Promise<{ id: number; size: number; digest: string }> {
  const root = writeTree(path.join(step.workspace, `out-${name}`), files)
  const paths = Object.keys(files).map((f) => path.join(root, f))
  return succeeded(
    await step.run({
      kind: 'uploadArtifact',
      name,
      files: paths,
      root,
      options: { retentionDays: 3 }
    })
  ) as { id: number; size: number; digest: string }
}

describe('ArtifactService with the real artifact client', () => {
  it('one job uploads, another job of the run lists and downloads; another run sees nothing', async () => {
    const runId = newRun()
    host.clearRequests()
    const uploaded = await upload(job({ runId, jobId: 'build' }), 'app')
    expect(uploaded).toEqual({
      id: expect.any(Number),
      size: expect.any(Number),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
    expect(host.requests.map((r) => `${r.call} ${r.status}`)).toEqual([
      'ArtifactService/CreateArtifact 200',
      'ArtifactService/FinalizeArtifact 200'
    ])

    const deploy = job({ runId, jobId: 'deploy' })
    const listed = succeeded(await deploy.run({ kind: 'listArtifacts' })) as {
      artifacts: unknown[]
    }
    expect(listed.artifacts).toEqual([
      {
        name: 'app',
        id: uploaded.id,
        size: uploaded.size,
        createdAt: expect.any(String),
        digest: `sha256:${uploaded.digest}`
      }
    ])

    const into = path.join(deploy.workspace, 'downloaded')
    const downloaded = succeeded(
      await deploy.run({
        kind: 'downloadArtifact',
        id: uploaded.id,
        options: { path: into, expectedHash: `sha256:${uploaded.digest}` }
      })
    )
    expect(downloaded).toEqual({ downloadPath: into, digestMismatch: false })
    expect(filesUnder(into)).toEqual(['assets/app.css', 'assets/app.js', 'index.html'])
    expect(fs.readFileSync(path.join(into, 'index.html'), 'utf8')).toBe(APP['index.html'])

    const elsewhere = job({ runId: newRun(), jobId: 'deploy' })
    expect(succeeded(await elsewhere.run({ kind: 'listArtifacts' }))).toEqual({ artifacts: [] })
    const lost = await elsewhere.run({
      kind: 'downloadArtifact',
      id: uploaded.id,
      options: { path: path.join(elsewhere.workspace, 'x') }
    })
    expect(lost.error?.name).toBe('ArtifactNotFoundError')

    const hosted = host.artifactSource.list('octo-org/octo-repo', runId)
    expect(hosted).toEqual([
      {
        id: uploaded.id,
        name: 'app',
        size: uploaded.size,
        runId,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        expired: false,
        digest: `sha256:${uploaded.digest}`
      }
    ])
    const retention =
      Date.parse(hosted[0]?.expiresAt ?? '') - Date.parse(hosted[0]?.createdAt ?? '')
    expect(retention).toBeGreaterThan(2.9 * 86_400_000)
    expect(retention).toBeLessThan(3.1 * 86_400_000)
    expect(host.artifactSource.runExists('octo-org/octo-repo', runId)).toBe(true)
    expect(host.artifactSource.runExists('someone/else', runId)).toBe(false)
    expect(host.artifactSource.get('octo-org/octo-repo', uploaded.id)?.name).toBe('app')
    expect(host.artifactSource.zipUrl(uploaded.id)).toMatch(
      new RegExp(`^${host.azurite.blobEndpoint}/actions-results/.*\\.zip\\?.*sig=`)
    )
  })

  it('refuses a second artifact of the same name in a run, as the service does; after a delete the name is free', async () => {
    const runId = newRun()
    await upload(job({ runId, jobId: 'build' }), 'dist')
    host.clearRequests()
    const other = job({ runId, jobId: 'test' })
    const root = writeTree(path.join(other.workspace, 'out'), { 'x.txt': 'x' })
    const again = await other.run({
      kind: 'uploadArtifact',
      name: 'dist',
      files: [path.join(root, 'x.txt')],
      root
    })
    expect(again.error?.message).toBe(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact ' +
        'with this name already exists on the workflow run'
    )
    expect(host.requests).toMatchObject([
      { call: 'ArtifactService/CreateArtifact', status: 409, code: 'already_exists' }
    ])

    expect(succeeded(await other.run({ kind: 'deleteArtifact', name: 'dist' }))).toEqual({
      id: expect.any(Number)
    })
    await expect(upload(other, 'dist', { 'x.txt': 'x' })).resolves.toMatchObject({
      id: expect.any(Number)
    })
    // Another run has its own names.
    await expect(upload(job({ runId: newRun() }), 'dist')).resolves.toBeDefined()
  })

  it('an expired artifact is no longer listed, nor downloadable; the REST source flags it', async () => {
    const runId = newRun()
    const uploaded = await upload(job({ runId, jobId: 'build' }), 'short-lived')
    await host.expireArtifact(uploaded.id)
    const later = job({ runId, jobId: 'deploy' })
    expect(succeeded(await later.run({ kind: 'listArtifacts' }))).toEqual({ artifacts: [] })
    const gone = await later.run({ kind: 'getArtifact', name: 'short-lived' })
    expect(gone.error).toMatchObject({
      name: 'ArtifactNotFoundError',
      message: expect.stringMatching(/^Artifact not found for name: short-lived/)
    })
    expect(host.artifactSource.list('octo-org/octo-repo', runId)).toMatchObject([
      { id: uploaded.id, expired: true }
    ])
    expect(host.artifactSource.zipUrl(uploaded.id)).toBeUndefined()
  })

  it('checks the runtime token on every call', async () => {
    const runId = newRun()
    const own = host.runnerEnv({ runId })
    const ids = host.backendIds({ runId })
    const foreign = host.backendIds({ runId: newRun() })
    const call = (token: string, body: Record<string, unknown>): Promise<Response> =>
      fetch(`${host.url}/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body)
      })
    const mine = {
      workflow_run_backend_id: ids.workflowRunBackendId,
      workflow_job_run_backend_id: ids.workflowJobRunBackendId
    }
    expect((await call(own.ACTIONS_RUNTIME_TOKEN as string, mine)).status).toBe(200)
    const forged = (own.ACTIONS_RUNTIME_TOKEN as string).replace(/\.[^.]+$/, '.c2lnbmVk')
    expect(await (await call(forged, mine)).json()).toEqual({
      code: 'unauthenticated',
      msg: 'the token signature is invalid'
    })
    const theirs = await call(own.ACTIONS_RUNTIME_TOKEN as string, {
      workflow_run_backend_id: foreign.workflowRunBackendId,
      workflow_job_run_backend_id: foreign.workflowJobRunBackendId
    })
    expect(theirs.status).toBe(403)
    expect((await call('', mine)).status).toBe(401)
  })
})

describe('CacheService (v2) with the real cache client', () => {
  // Runs on GitHub-hosted runners share paths; so do these, so cache versions match.
  const machine = { workspace: tempDir('workspace-'), temp: tempDir('runner-temp-') }
  const cachePath = (): string => path.join(machine.workspace, 'deps')

  it('saves in one run and restores in later ones by key, by restore-key prefix, and only with the same version', async () => {
    writeTree(cachePath(), { 'a.txt': 'A', 'lib/b.txt': 'B' })
    host.clearRequests()
    const saved = succeeded(
      await job({ runId: newRun() }, machine).run({
        kind: 'saveCache',
        paths: [cachePath()],
        key: 'deps-linux-abc'
      })
    )
    expect(saved).toEqual(expect.any(Number))
    expect(host.requests.map((r) => `${r.call} ${r.status}`)).toEqual([
      'CacheService/CreateCacheEntry 200',
      'CacheService/FinalizeCacheEntryUpload 200'
    ])
    fs.rmSync(cachePath(), { recursive: true })

    const later = job({ runId: newRun() }, machine)
    expect(
      succeeded(
        await later.run({ kind: 'restoreCache', paths: [cachePath()], key: 'deps-linux-abc' })
      )
    ).toBe('deps-linux-abc')
    expect(filesUnder(cachePath())).toEqual(['a.txt', 'lib/b.txt'])
    fs.rmSync(cachePath(), { recursive: true })
    expect(
      succeeded(
        await later.run({
          kind: 'restoreCache',
          paths: [cachePath()],
          key: 'deps-linux-xyz',
          restoreKeys: ['deps-linux-']
        })
      )
    ).toBe('deps-linux-abc')
    expect(
      succeeded(
        await later.run({
          kind: 'restoreCache',
          paths: [cachePath()],
          key: 'deps-linux-xyz',
          restoreKeys: ['deps-mac-']
        })
      )
    ).toBeNull()
    // Another path list is another version: the entry is not found.
    expect(
      succeeded(
        await later.run({
          kind: 'restoreCache',
          paths: [path.join(machine.workspace, 'other')],
          key: 'deps-linux-abc'
        })
      )
    ).toBeNull()
    // Another repository has its own cache.
    expect(
      succeeded(
        await job({ runId: newRun(), repository: 'someone/else' }, machine).run({
          kind: 'restoreCache',
          paths: [cachePath()],
          key: 'deps-linux-abc'
        })
      )
    ).toBeNull()
    fs.rmSync(cachePath(), { recursive: true, force: true })
  })

  it('never overwrites an entry: a second save of the key is refused and the first bytes stay', async () => {
    writeTree(cachePath(), { 'a.txt': 'first' })
    succeeded(
      await job({ runId: newRun() }, machine).run({
        kind: 'saveCache',
        paths: [cachePath()],
        key: 'deps-once'
      })
    )
    fs.writeFileSync(path.join(cachePath(), 'a.txt'), 'second')
    host.clearRequests()
    const again = await job({ runId: newRun() }, machine).run({
      kind: 'saveCache',
      paths: [cachePath()],
      key: 'deps-once'
    })
    expect(again.result).toBe(-1)
    expect(again.stdout).toContain(
      'Failed to save: Unable to reserve cache with key deps-once, another job may be creating this cache.'
    )
    expect(host.requests).toMatchObject([
      {
        call: 'CacheService/CreateCacheEntry',
        status: 409,
        code: 'already_exists',
        body: { msg: 'cache entry with the same key, version, and scope already exists' }
      }
    ])
    expect(host.cacheEntries().filter((e) => e.key === 'deps-once')).toHaveLength(1)
    fs.rmSync(cachePath(), { recursive: true })
    succeeded(
      await job({ runId: newRun() }, machine).run({
        kind: 'restoreCache',
        paths: [cachePath()],
        key: 'deps-once'
      })
    )
    expect(fs.readFileSync(path.join(cachePath(), 'a.txt'), 'utf8')).toBe('first')
    fs.rmSync(cachePath(), { recursive: true })
  })

  it('scopes entries by ref: a branch reads its own and the default branch’s, main does not read a branch’s', async () => {
    writeTree(cachePath(), { 'a.txt': 'from main' })
    succeeded(
      await job({ runId: newRun() }, machine).run({
        kind: 'saveCache',
        paths: [cachePath()],
        key: 'scoped-main'
      })
    )
    succeeded(
      await job({ runId: newRun(), ref: 'refs/heads/feature' }, machine).run({
        kind: 'saveCache',
        paths: [cachePath()],
        key: 'scoped-feature'
      })
    )
    fs.rmSync(cachePath(), { recursive: true })
    const feature = job({ runId: newRun(), ref: 'refs/heads/feature' }, machine)
    expect(
      succeeded(
        await feature.run({ kind: 'restoreCache', paths: [cachePath()], key: 'scoped-main' })
      )
    ).toBe('scoped-main')
    expect(
      succeeded(
        await feature.run({ kind: 'restoreCache', paths: [cachePath()], key: 'scoped-feature' })
      )
    ).toBe('scoped-feature')
    const main = job({ runId: newRun() }, machine)
    expect(
      succeeded(
        await main.run({ kind: 'restoreCache', paths: [cachePath()], key: 'scoped-feature' })
      )
    ).toBeNull()
    fs.rmSync(cachePath(), { recursive: true, force: true })
  })

  it('an evicted entry is a miss', async () => {
    writeTree(cachePath(), { 'a.txt': 'A' })
    succeeded(
      await job({ runId: newRun() }, machine).run({
        kind: 'saveCache',
        paths: [cachePath()],
        key: 'deps-evicted'
      })
    )
    expect(await host.deleteCacheEntry('deps-evicted')).toBe(1)
    expect(
      succeeded(
        await job({ runId: newRun() }, machine).run({
          kind: 'restoreCache',
          paths: [cachePath()],
          key: 'deps-evicted'
        })
      )
    ).toBeNull()
    fs.rmSync(cachePath(), { recursive: true, force: true })
  })
})

describe('fault hooks', () => {
  it('tamperArtifactBlob changes a file inside a zip that still downloads', async () => {
    const runId = newRun()
    const uploaded = await upload(job({ runId, jobId: 'build' }), 'tampered')
    await host.tamperArtifactBlob(uploaded.id, (files) => {
      expect([...files.keys()].sort()).toEqual(['assets/app.css', 'assets/app.js', 'index.html'])
      files.set('index.html', Buffer.from('<html>changed</html>\n'))
    })
    const deploy = job({ runId, jobId: 'deploy' })
    const into = path.join(deploy.workspace, 'in')
    const outcome = succeeded(
      await deploy.run({
        kind: 'downloadArtifact',
        id: uploaded.id,
        options: { path: into, expectedHash: `sha256:${uploaded.digest}` }
      })
    )
    expect(outcome).toEqual({ downloadPath: into, digestMismatch: true })
    expect(fs.readFileSync(path.join(into, 'index.html'), 'utf8')).toBe('<html>changed</html>\n')
  })

  it(
    'truncateDownloads cuts signed downloads short: the artifact client sees other bytes, the cache client ' +
      'misses',
    async () => {
      const runId = newRun()
      const uploaded = await upload(job({ runId, jobId: 'build' }), 'cut', {
        ...APP,
        'more.txt': 'x'.repeat(4096)
      })
      const machine = { workspace: tempDir('workspace-'), temp: tempDir('runner-temp-') }
      writeTree(path.join(machine.workspace, 'deps'), { 'a.txt': 'A'.repeat(10_000) })
      succeeded(
        await job({ runId: newRun() }, machine).run({
          kind: 'saveCache',
          paths: [path.join(machine.workspace, 'deps')],
          key: 'deps-cut'
        })
      )
      fs.rmSync(path.join(machine.workspace, 'deps'), { recursive: true })

      host.truncateDownloads({ keep: 'whole-entries' })
      try {
        const whole = await fetch(host.artifactSource.zipUrl(uploaded.id) as string)
        expect((await whole.arrayBuffer()).byteLength).toBeLessThan(uploaded.size)

        const deploy = job({ runId, jobId: 'deploy' })
        const into = path.join(deploy.workspace, 'in')
        const outcome = succeeded(
          await deploy.run({
            kind: 'downloadArtifact',
            id: uploaded.id,
            options: { path: into, expectedHash: `sha256:${uploaded.digest}` }
          })
        )
        expect(outcome).toEqual({ downloadPath: into, digestMismatch: true })
        expect(filesUnder(into).length).toBeLessThan(4)

        host.truncateDownloads(true)
        const restore = await job({ runId: newRun() }, machine).run({
          kind: 'restoreCache',
          paths: [path.join(machine.workspace, 'deps')],
          key: 'deps-cut'
        })
        expect(restore.result).toBeNull()
        expect(restore.stdout).toMatch(/::warning::Failed to restore: /)
        expect(host.requests.filter((r) => r.call === 'blob-proxy').length).toBeGreaterThanOrEqual(
          3
        )
      } finally {
        host.truncateDownloads(false)
      }
    }
  )

  it('tamperCacheBlob changes a file inside a cache archive that still restores', async () => {
    const machine = { workspace: tempDir('workspace-'), temp: tempDir('runner-temp-') }
    const deps = path.join(machine.workspace, 'deps')
    writeTree(deps, { 'a.txt': 'original', 'b.txt': 'kept' })
    succeeded(
      await job({ runId: newRun() }, machine).run({
        kind: 'saveCache',
        paths: [deps],
        key: 'deps-tampered'
      })
    )
    fs.rmSync(deps, { recursive: true })
    await host.tamperCacheBlob('deps-tampered', (p) =>
      p.endsWith('deps/a.txt') ? Buffer.from('changed, and longer than before') : undefined
    )
    expect(
      succeeded(
        await job({ runId: newRun() }, machine).run({
          kind: 'restoreCache',
          paths: [deps],
          key: 'deps-tampered'
        })
      )
    ).toBe('deps-tampered')
    expect(fs.readFileSync(path.join(deps, 'a.txt'), 'utf8')).toBe(
      'changed, and longer than before'
    )
    expect(fs.readFileSync(path.join(deps, 'b.txt'), 'utf8')).toBe('kept')
  })
})
