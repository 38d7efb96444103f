import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import type { LedgerEntry } from '../../src/core/promotion/record.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { type SigstoreHost, startSigstoreHost } from '../hosts/sigstore-host.js'
import { type TufHost, startTufHost } from '../hosts/tuf-host.js'
import { PROJECT_ROOT, type ActionRun, runAction, runPost } from '../helpers/runner.js'
import { signedBy } from '../helpers/signed-by.js'
import { ensureLedgerInput } from '../helpers/file-ledger.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

/**
 * Keyless verification without `trusted-root`, through the bundled dist/: the path the
 * README's quick start takes. The trusted root comes over TUF, as it does for every user,
 * from two repositories served on loopback (`tuf-mirrors`, the setting for private and
 * air-gapped mirrors), standing in for the two a runner trusts by default: one serves
 * Sigstore public-good's real trusted_root.json, the other the loopback Sigstore host's
 * (shaped like GitHub's instance). The TUF client, its cache, the target looked up and the
 * merge of both roots are the ones a user gets.
 */

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const RELEASE = 'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main'
const PUBLIC_GOOD_ROOT = fs.readFileSync(
  path.join(PROJECT_ROOT, '__fixtures__/sigstore/public-good-trusted_root.json'),
  'utf8'
)
const ROOTS_DIR = '.github/sigstore'

let sig: SigstoreHost
let rogue: SigstoreHost
let gh: GitHubApiHost
let publicGood: TufHost
let github: TufHost

beforeAll(async () => {
  ;[sig, rogue, gh] = await Promise.all([
    startSigstoreHost(),
    startSigstoreHost(),
    startGitHubApiHost()
  ])
  ;[publicGood, github] = await Promise.all([
    startTufHost({ 'trusted_root.json': PUBLIC_GOOD_ROOT }),
    startTufHost({ 'trusted_root.json': JSON.stringify(sig.trustedRoot()) })
  ])
})
afterEach(() => {
  publicGood.clearRequests()
  github.clearRequests()
})
afterAll(async () => {
  await Promise.all([sig.close(), rogue.close(), gh.close(), publicGood.close(), github.close()])
  removeAll()
})

/** The cache directory @sigstore/tuf gives a repository: its host and path, URI-encoded. */
const cacheNameOf = (host: TufHost): string => encodeURIComponent(new URL(host.url).host)

/** The `tuf-mirrors` input: each mirror with the root.json the repository keeps for it. */
const MIRRORS = (): string =>
  `${publicGood.url} ${ROOTS_DIR}/public-good-root.json\n${github.url} ${ROOTS_DIR}/github-root.json\n`

interface Sealed {
  readonly workspace: string
  readonly digest: string
  readonly checksums: string
}

/**
 * A build job that seals `site/` keyless with the host's token, in a repository that keeps the
 * mirrors' roots and a policy.
 */
async function sealKeyless(page: string, host: SigstoreHost = sig): Promise<Sealed> {
  const workspace = writeTree(tempDir('workspace-'), {
    'site/index.html': page,
    [`${ROOTS_DIR}/public-good-root.json`]: publicGood.initialRoot,
    [`${ROOTS_DIR}/github-root.json`]: github.initialRoot,
    '.github/promotion.yml':
      'environments:\n  production:\n    signed-by:\n      repository: acme/shop\n      workflow: ' +
      '.github/workflows/release.yml\n'
  })
  const run = await runAction(
    SEAL,
    { 'subject-path': 'site', 'subject-name': 'shop', sign: 'keyless', 'github-token': gh.token },
    { workspace, env: { ...host.runnerEnv(), ...host.instanceEnv(), GITHUB_API_URL: gh.url } }
  )
  expect(run.stdout).not.toContain('::error::')
  expect(run.code).toBe(0)
  return {
    workspace,
    digest: run.outputs.digest as string,
    checksums: run.outputs['checksums-path'] as string
  }
}

const verifyStep = (sealed: Sealed, inputs: Record<string, string> = {}): Promise<ActionRun> =>
  runAction(
    VERIFY,
    {
      'subject-path': 'site',
      'expected-digest': sealed.digest,
      'checksums-path': sealed.checksums,
      'signed-by': signedBy({ 'tuf-mirrors': MIRRORS(), ...inputs })
    },
    { workspace: sealed.workspace, env: { GITHUB_API_URL: gh.url } }
  )

/** The files of a tree, relative, sorted: what a step left in the workspace. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .sort()
}

async function cli(
  args: string[],
  cwd: string,
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/index.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr }
}

describe('the bundled verify action on the trusted root over TUF (no trusted-root)', () => {
  let sealed: Sealed
  beforeAll(async () => {
    sealed = await sealKeyless('<p>default root</p>')
  })

  it(
    "verifies a keyless seal against both repositories' roots, caching TUF metadata under RUNNER_TEMP, never " +
      'the workspace',
    async () => {
      const before = listing(sealed.workspace)
      const run = await verifyStep(sealed, { workflow: '.github/workflows/release.yml' })
      expect(run.stdout).not.toContain('::error::')
      expect(run.code).toBe(0)
      expect(run.outputs.verified).toBe('true')
      expect(JSON.parse(run.outputs.signer as string)).toMatchObject({
        kind: 'certificate',
        identity: RELEASE,
        repository: 'acme/shop'
      })
      // Both repositories were asked, as the two defaults are: the root chain, then the target.
      for (const mirror of [publicGood, github]) {
        expect(mirror.requests.map((r) => r.path)).toEqual([
          '/2.root.json',
          '/timestamp.json',
          '/1.snapshot.json',
          '/1.targets.json',
          expect.stringMatching(/^\/targets\/[0-9a-f]{64}\.trusted_root\.json$/)
        ])
      }
      const cache = path.join(run.temp, 'artifact-seal', 'tuf')
      expect(fs.readdirSync(cache).sort()).toEqual(
        [cacheNameOf(publicGood), cacheNameOf(github)].sort()
      )
      expect(listing(path.join(cache, cacheNameOf(github)))).toEqual(
        expect.arrayContaining([
          'root.json',
          'timestamp.json',
          'snapshot.json',
          'targets.json',
          'targets/trusted_root.json'
        ])
      )
      expect(listing(sealed.workspace)).toEqual(before)
    }
  )

  it('refuses a seal signed by an instance neither repository trusts', async () => {
    const untrusted = await sealKeyless('<p>rogue</p>', rogue)
    const run = await verifyStep(untrusted)
    expect(run.code).toBe(1)
    expect(run.outputs.verified).toBe('false')
    expect(run.outputs.path ?? '').toBe('')
    // Its timestamp authority is the first thing no trusted root lists.
    expect(run.stdout).toMatch(/::error::.*does not verify: timestamp: no trusted timestamp/)
  })

  it(
    'refuses, naming the mirror, when a repository serves a trusted root its keys did not sign; nothing is ' +
      'verified',
    async () => {
      const target = JSON.stringify(sig.trustedRoot())
      const tampered = await startTufHost({ 'trusted_root.json': target })
      try {
        tampered.replace(
          `/targets/${createHash('sha256').update(target).digest('hex')}.trusted_root.json`,
          JSON.stringify(rogue.trustedRoot())
        )
        fs.writeFileSync(
          path.join(sealed.workspace, ROOTS_DIR, 'tampered-root.json'),
          tampered.initialRoot
        )
        const run = await verifyStep(sealed, {
          'tuf-mirrors': `${tampered.url} ${ROOTS_DIR}/tampered-root.json`
        })
        expect(run.code).toBe(1)
        expect(run.outputs.verified).toBe('false')
        expect(run.outputs.signer ?? '').toBe('')
        expect(run.stdout).toContain(
          `The trusted root could not be fetched over TUF from \\"${tampered.url}\\"`.replace(
            /\\/g,
            ''
          )
        )
        expect(run.stdout).toContain('error downloading target')
      } finally {
        await tampered.close()
      }
    }
  )

  it('refuses tuf-mirrors that name a repository without its root.json, before any request', async () => {
    const run = await verifyStep(sealed, { 'tuf-mirrors': publicGood.url })
    expect(run.code).toBe(1)
    expect(run.outputs).toEqual({})
    expect(run.stdout).toContain(
      `::error::signed-by.tuf-mirrors: "${publicGood.url}" has no root.json.`
    )
    expect(publicGood.requests).toEqual([])
  })
})

describe('the bundled promote action with a signed-by policy on the trusted root over TUF', () => {
  it("lets in a keyless seal signed by the policy's workflow and confirms it, on the roots fetched over TUF", async () => {
    const sealed = await sealKeyless('<p>promote, default root</p>')
    const inputs = {
      ledger: 'file:ledger.jsonl',
      environment: 'production',
      'expected-digest': sealed.digest,
      'subject-path': 'site',
      'checksums-path': sealed.checksums,
      'signed-by': signedBy({ 'tuf-mirrors': MIRRORS() })
    }
    await ensureLedgerInput(inputs.ledger, sealed.workspace)
    const main = await runAction(PROMOTE, inputs, {
      workspace: sealed.workspace,
      env: { GITHUB_API_URL: gh.url }
    })
    expect(main.stdout).not.toContain('::error::')
    expect(main.code).toBe(0)
    expect(main.outputs.promoted).toBe('true')
    expect(JSON.parse(main.outputs.decision as string).checks).toContainEqual(
      expect.objectContaining({ rule: 'signed-by', passed: true })
    )
    expect(github.requests.some((r) => r.path.endsWith('.trusted_root.json'))).toBe(true)
    expect(fs.readdirSync(path.join(main.temp, 'artifact-seal', 'tuf')).sort()).toEqual(
      [cacheNameOf(publicGood), cacheNameOf(github)].sort()
    )
    const post = await runPost(POST, main, inputs, { env: { GITHUB_API_URL: gh.url } })
    expect(post.code).toBe(0)
    const outcomes: string[] = []
    for await (const e of new FileLedger(
      path.join(sealed.workspace, 'ledger.jsonl'),
      'ledger'
    ).entries({ digest: sealed.digest as LedgerEntry['digest'] }))
      outcomes.unshift(e.outcome)
    expect(outcomes).toEqual(['pending', 'deployed'])
  })
})

describe('the bundled CLI on the trusted root over TUF', () => {
  it("verifies and promotes a keyless seal outside a runner, caching TUF metadata in the user's data directory", async () => {
    const sealed = await sealKeyless('<p>cli, default root</p>')
    const data = tempDir('xdg-data-')
    const env = { HOME: tempDir('home-'), XDG_DATA_HOME: data }
    const mirrors = [
      '--tuf-mirror',
      `${publicGood.url} ${ROOTS_DIR}/public-good-root.json`,
      '--tuf-mirror',
      `${github.url} ${ROOTS_DIR}/github-root.json`
    ]
    const verified = await cli(
      [
        'verify',
        'site',
        '--digest',
        sealed.digest,
        '--checksums',
        sealed.checksums,
        '--signer-repository',
        'acme/shop',
        ...mirrors
      ],
      sealed.workspace,
      env
    )
    expect(verified.stderr).toBe('')
    expect(verified.stdout).toContain(`Signed by ${RELEASE}`)
    expect(verified.code).toBe(0)
    expect(fs.readdirSync(path.join(data, 'sigstore-js')).sort()).toEqual(
      [cacheNameOf(publicGood), cacheNameOf(github)].sort()
    )

    await ensureLedgerInput('file:ledger.jsonl', sealed.workspace)
    const promoted = await cli(
      [
        'promote',
        sealed.digest,
        '--environment',
        'production',
        '--path',
        'site',
        '--checksums',
        sealed.checksums,
        '--policy',
        '.github/promotion.yml',
        '--ledger',
        'file:ledger.jsonl',
        '--signer-repository',
        'acme/shop',
        ...mirrors
      ],
      sealed.workspace,
      env
    )
    expect(promoted.stdout).toMatch(/^PENDING {2}shop let into production/)
    expect(promoted.stdout).toMatch(/✓ signed-by/)
    expect(promoted.code).toBe(0)

    const untrusted = await sealKeyless('<p>cli, rogue</p>', rogue)
    const refused = await cli(
      [
        'verify',
        'site',
        '--digest',
        untrusted.digest,
        '--checksums',
        untrusted.checksums,
        '--signer-repository',
        'acme/shop',
        ...mirrors
      ],
      untrusted.workspace,
      env
    )
    expect(refused.stdout).toContain('the signature is not accepted')
    expect(refused.code).toBe(1)
  })
})
