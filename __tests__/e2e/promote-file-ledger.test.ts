import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { PromoteInput, PromoteOutput } from '../../src/app/settings/names.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import type { LedgerEntry } from '../../src/core/promotion/record.js'
import type { Digest } from '../../src/core/digest.js'
import { PROJECT_ROOT, type ActionRun, runAction, runPost } from '../helpers/runner.js'
import { deploy } from '../helpers/ledger-history.js'
import { ensureFileLedger } from '../helpers/file-ledger.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const POLICY =
  'environments:\n  dev:\n    url: https://dev.example.com\n  staging:\n    requires: [dev]\n  ' +
  'production:\n    requires: [staging]\n    soak: 1h\n'

interface Build {
  readonly workspace: string
  readonly digest: Digest
  readonly checksums: string
  readonly ledger: FileLedger
}

/** A workspace with a policy, a new ledger and the example site, sealed by the bundled seal action. */
async function sealedBuild(
  page = '<p>v1</p>',
  options: { clock?: () => Date } = {}
): Promise<Build> {
  const workspace = writeTree(tempDir('workspace-'), {
    '.github/promotion.yml': POLICY,
    'site/index.html': page,
    'site/config.json': '{"debug":false}'
  })
  const seal = await runAction(
    SEAL,
    { 'subject-path': 'site', 'subject-name': 'shop' },
    { workspace }
  )
  expect(seal.code).toBe(0)
  const ledger = new FileLedger(path.join(workspace, 'ledger.jsonl'), 'ledger', options)
  return {
    workspace,
    digest: seal.outputs.digest as Digest,
    checksums: seal.outputs['checksums-path'] as string,
    ledger
  }
}

/**
 * The bytes a promotion checks: the site in the workspace, unless the inputs say where they are or
 * that there are none.
 */
function withBytes(inputs: Record<string, string>): Record<string, string> {
  const given = ['subject-path', 'name', 'digest-only'].some((name) => name in inputs)
  return given ? inputs : { 'subject-path': 'site', ...inputs }
}

/** The promote step alone: its post step has not run (the job is still going, or failed). */
async function promote(build: Build, inputs: Record<string, string>) {
  await ensureFileLedger(build.ledger.file)
  return runAction(
    PROMOTE,
    { ledger: 'file:ledger.jsonl', 'expected-digest': build.digest, ...withBytes(inputs) },
    { workspace: build.workspace }
  )
}

/** A job that promotes and succeeds: the promote step, then its post step (post-if: success()). */
async function promoteJob(
  build: Build,
  inputs: Record<string, string>
): Promise<{ main: ActionRun; post: ActionRun | null }> {
  await ensureFileLedger(build.ledger.file)
  const all = { ledger: 'file:ledger.jsonl', 'expected-digest': build.digest, ...withBytes(inputs) }
  const main = await runAction(PROMOTE, all, { workspace: build.workspace })
  if (main.code !== 0) return { main, post: null }
  return { main, post: await runPost(POST, main, all) }
}

/** The ledger's lines: 1 when it holds its first line alone, as `ledger init` wrote it, and no record. */
function linesOf(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
}

async function all(ledger: FileLedger): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = []
  for await (const e of ledger.entries()) entries.unshift(e)
  return entries
}

describe('the bundled promote action on a file ledger', () => {
  it('runs on node24 from dist and declares every input and output the code reads and sets', () => {
    const action = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'promote', 'action.yml'), 'utf8'))
    expect(action.runs).toEqual({
      using: 'node24',
      main: '../dist/promote/index.js',
      post: '../dist/promote/post.js',
      'post-if': 'success()'
    })
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(PromoteInput).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(PromoteOutput).sort())
  })

  it('promotes through dev and staging, refuses production before the soak, and records every decision', async () => {
    const build = await sealedBuild()
    const { main: dev, post: devPost } = await promoteJob(build, {
      environment: 'dev',
      'subject-path': 'site',
      'checksums-path': build.checksums,
      'subject-name': 'shop'
    })
    expect(dev.stderr).toBe('')
    expect(dev.code).toBe(0)
    expect(dev.outputs).toMatchObject({
      promoted: 'true',
      digest: build.digest,
      'previous-digest': '',
      'record-id': '2',
      'record-url': ''
    })
    expect(dev.state).toEqual({ 'pending-record': '2' })
    expect(dev.stdout).toContain(
      "Record 2 is pending: it becomes dev's live digest when this job succeeds, and never if it fails or is cancelled."
    )
    expect(devPost?.code).toBe(0)
    expect(devPost?.stdout).toMatch(
      /shop deployed to dev: live there from \S+ \(record 3 confirms record 2\)/
    )
    expect(devPost?.summary).toContain('### ✅ shop deployed to dev')
    expect(JSON.parse(dev.outputs.decision as string)).toMatchObject({
      allowed: true,
      mode: 'promote',
      environment: 'dev',
      reason: null
    })
    expect(dev.summary).toContain('```mermaid')
    expect(dev.summary).toContain('env0 --> env1')
    expect(dev.summary).toContain('env1 -->|soak 1h| env2')

    const staging = await promoteJob(build, { environment: 'staging' })
    expect(staging.post?.code).toBe(0)
    const production = await promote(build, { environment: 'production' })
    expect(production.code).toBe(1)
    expect(production.outputs.promoted).toBe('false')
    const decision = JSON.parse(production.outputs.decision as string)
    expect(decision.checks.find((c: { rule: string }) => c.rule === 'soak')).toMatchObject({
      environment: 'staging',
      passed: false
    })
    expect(production.stdout).toMatch(
      /::error::shop refused for production: It has been live in staging for 0s of the 1h soak; try again after /
    )

    const entries = await all(build.ledger)
    expect(entries.map((e) => [e.environment, e.outcome])).toEqual([
      ['dev', 'pending'],
      ['dev', 'deployed'],
      ['staging', 'pending'],
      ['staging', 'deployed'],
      ['production', 'refused']
    ])
    // The statement beside the listing says which build sealed it; later records carry it on.
    const sealedBy = {
      repository: 'acme/shop',
      commit: '0123456789abcdef0123456789abcdef01234567',
      runUrl: 'https://github.com/acme/shop/actions/runs/4242/attempts/2'
    }
    expect(entries.map((e) => e.sealedBy)).toEqual(Array(5).fill(sealedBy))
    expect(entries[0]).toMatchObject({
      actor: 'octocat',
      runUrl: 'https://github.com/acme/shop/actions/runs/4242/attempts/2',
      environmentUrl: 'https://dev.example.com',
      name: 'shop'
    })
    expect((await build.ledger.verifyChain()).problems).toEqual([])
  })

  it('accepts production once the digest has been live in staging for the soak, counted from the confirmation', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000)
    const build = await sealedBuild('<p>v1</p>', { clock: () => twoHoursAgo })
    await build.ledger.init()
    await deploy(build.ledger, build.digest, 'dev')
    await deploy(build.ledger, build.digest, 'staging')
    const run = await promote(build, { environment: 'production', 'subject-path': 'site' })
    expect(run.code).toBe(0)
    expect(run.outputs.promoted).toBe('true')
    expect(run.stdout).toContain('✓ soak (staging): It has been live there for 2h')
  })

  it('never counts a deployment whose job failed: staging did not run it, so production refuses it', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000)
    const build = await sealedBuild('<p>v1</p>', { clock: () => twoHoursAgo })
    await build.ledger.init()
    await deploy(build.ledger, build.digest, 'dev')
    // The staging job let it in two hours ago, and then its deploy step failed: no post step.
    expect(
      (await promote({ ...build, ledger: build.ledger }, { environment: 'staging' })).code
    ).toBe(0)
    const production = await promote(build, { environment: 'production' })
    expect(production.code).toBe(1)
    expect(production.stdout).toContain(
      'staging never ran this digest; production takes only digests that passed staging.'
    )
    expect(await new FileLedger(build.ledger.file, 'ledger').live('staging', 'shop')).toBeNull()
  })

  it('confirms in a later step with confirm manual, or records a failed deployment', async () => {
    const build = await sealedBuild()
    const let_ = await promote(build, { environment: 'dev', confirm: 'manual' })
    expect(let_.code).toBe(0)
    expect(let_.state).toEqual({})
    expect(let_.stdout).toContain(
      'Record 2 is pending until a later step confirms it: a promote step with "confirm: 2" (or "failure:2" ' +
        'when the deployment failed)'
    )
    const elsewhere = await runAction(
      PROMOTE,
      { ledger: 'file:ledger.jsonl', confirm: '2', environment: 'production' },
      { workspace: build.workspace }
    )
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.stdout).toContain('record 2 is a promotion of')
    expect(elsewhere.stdout).toContain(
      'to "dev", not to the environment given, "production"; nothing was recorded.'
    )
    expect(elsewhere.outputs).toEqual({})
    const confirmation = await runAction(
      PROMOTE,
      { ledger: 'file:ledger.jsonl', confirm: '2', environment: 'dev' },
      { workspace: build.workspace }
    )
    expect(confirmation.code).toBe(0)
    expect(confirmation.outputs).toMatchObject({
      promoted: 'true',
      digest: build.digest,
      'record-id': '3'
    })
    expect((await build.ledger.live('dev', null))?.digest).toBe(build.digest)
    const twice = await runAction(
      PROMOTE,
      { ledger: 'file:ledger.jsonl', confirm: '2' },
      { workspace: build.workspace }
    )
    expect(twice.code).toBe(1)
    expect(twice.stdout).toContain('::error::ledger: record 2 (')
    expect(twice.outputs).toEqual({})

    const second = await promote(build, { environment: 'staging', confirm: 'manual' })
    const failed = await runAction(
      PROMOTE,
      { ledger: 'file:ledger.jsonl', confirm: `failure:${second.outputs['record-id'] as string}` },
      { workspace: build.workspace }
    )
    expect(failed.code).toBe(0)
    expect(failed.outputs.promoted).toBe('false')
    expect(await build.ledger.live('staging', null)).toBeNull()
  })

  it('fails the post step when the digest was vetoed before the job finished', async () => {
    const build = await sealedBuild()
    const main = await promote(build, { environment: 'dev' })
    expect(main.code).toBe(0)
    expect((await promote(build, { environment: 'dev', veto: 'smoke tests failed' })).code).toBe(0)
    const post = await runPost(POST, main, {
      ledger: 'file:ledger.jsonl',
      'expected-digest': build.digest,
      environment: 'dev'
    })
    expect(post.code).toBe(1)
    expect(post.stdout).toMatch(
      /::error::the deployment of \S+ to dev failed \(record 4 closes record 2\): .* was vetoed at .* before its deployment was confirmed; it is not live\. Roll dev back\./
    )
    expect(await build.ledger.live('dev', 'shop')).toBeNull()
  })

  it('refuses to read a missing ledger as an empty one', async () => {
    const build = await sealedBuild()
    const run = await runAction(
      PROMOTE,
      { ledger: 'file:ledger.jsonl', 'expected-digest': build.digest, environment: 'dev' },
      { workspace: build.workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::ledger: the ledger "file:${build.workspace}/ledger.jsonl" does not exist. A missing ledger is ` +
        'never read as an empty one'
    )
    expect(run.outputs).toEqual({})
  })

  it('refuses bytes that are not the sealed ones, naming the file, and records the refusal', async () => {
    const build = await sealedBuild()
    fs.writeFileSync(path.join(build.workspace, 'site', 'config.json'), '{"debug":true}')
    const run = await promote(build, {
      environment: 'dev',
      'subject-path': 'site',
      'checksums-path': build.checksums
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error title=artifact-seal%3A changed file::config.json changed since it was sealed.'
    )
    expect(run.stdout).toContain('config.json (changed) differ from the seal.')
    expect(JSON.parse(run.outputs.decision as string).checks).toEqual([
      expect.objectContaining({ rule: 'bytes', passed: false })
    ])
    expect((await all(build.ledger)).map((e) => e.outcome)).toEqual(['refused'])
  })

  it('vetoes a digest: no environment takes it afterwards, and rollback skips it', async () => {
    const v1 = await sealedBuild()
    expect((await promoteJob(v1, { environment: 'dev' })).post?.code).toBe(0)
    // v2 and v3 were sealed elsewhere; v1's workspace holds v1's files, which the rollback to v1 checks.
    const v2 = { ...(await sealedBuild('<p>v2</p>')), workspace: v1.workspace, ledger: v1.ledger }
    expect((await promoteJob(v2, { environment: 'dev', 'digest-only': 'true' })).post?.code).toBe(0)
    const v3 = { ...(await sealedBuild('<p>v3</p>')), workspace: v1.workspace, ledger: v1.ledger }
    expect((await promoteJob(v3, { environment: 'dev', 'digest-only': 'true' })).post?.code).toBe(0)

    const veto = await promote(v2, { environment: 'dev', veto: 'smoke tests failed' })
    expect(veto.code).toBe(0)
    expect(veto.outputs).toMatchObject({ promoted: 'false', digest: v2.digest, 'record-id': '8' })
    expect(veto.summary).toContain(`### 🚫 Vetoed \`${v2.digest}\``)
    expect(veto.summary).toContain('smoke tests failed')
    expect(veto.summary).toContain(
      'No environment accepts this digest from now on, and rollbacks skip it.'
    )
    const again = await promote(v2, { environment: 'staging', 'digest-only': 'true' })
    expect(again.code).toBe(1)
    expect(again.stdout).toContain('The digest was vetoed in dev')
    expect(again.stdout).toContain(': smoke tests failed. Build and seal a fixed artifact.')

    const { main: rollback, post } = await promoteJob(v3, {
      environment: 'dev',
      rollback: 'true',
      'expected-digest': 'previous'
    })
    expect(rollback.code).toBe(0)
    expect(rollback.outputs).toMatchObject({
      promoted: 'true',
      digest: v1.digest,
      'previous-digest': v3.digest
    })
    expect(post?.stdout).toContain(`dev rolled back to ${v1.digest}: live there from`)
    expect((await v1.ledger.live('dev', null))?.digest).toBe(v1.digest)
    expect((await all(v1.ledger)).at(-1)).toMatchObject({
      outcome: 'rolled-back',
      digest: v1.digest,
      previousDigest: v3.digest
    })
  })

  it(
    'refuses to roll back to a digest the environment never ran, or when there is nothing to return to, and ' +
      'records both',
    async () => {
      const build = await sealedBuild()
      const run = await promote(build, { environment: 'production', rollback: 'true' })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        'production never ran this digest; a rollback can only return to a digest the environment ran before.'
      )
      expect((await promoteJob(build, { environment: 'dev' })).post?.code).toBe(0)
      const nothing = await promote(build, {
        environment: 'dev',
        rollback: 'true',
        'expected-digest': 'previous'
      })
      expect(nothing.code).toBe(1)
      expect(nothing.stdout).toContain(
        `dev ran no other digest that is not vetoed before ${build.digest}; there is nothing to roll back to.`
      )
      expect(
        (await all(build.ledger))
          .filter((e) => e.outcome === 'refused')
          .map((e) => [e.environment, e.mode])
      ).toEqual([
        ['production', 'rollback'],
        ['dev', 'rollback']
      ])
    }
  )

  it('decides without recording on a dry run', async () => {
    const build = await sealedBuild()
    const run = await promote(build, { environment: 'dev', 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ promoted: 'false', 'record-id': '' })
    expect(JSON.parse(run.outputs.decision as string).allowed).toBe(true)
    expect(linesOf(build.ledger.file)).toHaveLength(1)
  })

  describe('bad input: exit 1, the input, the value and the fix; no output and nothing recorded', () => {
    it.each([
      [
        'a malformed digest',
        { environment: 'dev', 'expected-digest': 'sha256:123' },
        'expected-digest: "sha256:123" is not a sha256 digest'
      ],
      [
        'an unknown environment',
        { environment: 'prod' },
        'environment: "prod" is not an environment of the promotion policy .github/promotion.yml. Use one of: ' +
          'dev, staging, production'
      ],
      [
        'a ledger that is neither github nor a file',
        { environment: 'dev', ledger: 's3://bucket' },
        'ledger: "s3://bucket" is not a ledger. Give "github"'
      ],
      [
        'a boolean that is not one',
        { environment: 'dev', rollback: 'yes' },
        'rollback: "yes" is not a boolean. Use true or false.'
      ],
      [
        '"previous" without rollback',
        { environment: 'dev', 'expected-digest': 'previous' },
        'expected-digest: "previous" means a rollback. Add "rollback: true"'
      ],
      [
        'a missing policy',
        { environment: 'dev', policy: 'nope.yml' },
        'policy: the promotion policy "nope.yml" does not exist.'
      ]
    ])('%s', async (_, inputs, message) => {
      const build = await sealedBuild()
      const run = await promote(build, inputs)
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(`::error::${message}`)
      expect(run.stdout).not.toMatch(/\n\s+at /)
      expect(run.outputs).toEqual({})
      expect(linesOf(build.ledger.file)).toHaveLength(1)
    })

    it('a policy that names an undefined environment or has a cycle, at its line', async () => {
      const build = await sealedBuild()
      fs.writeFileSync(
        path.join(build.workspace, '.github/promotion.yml'),
        'environments:\n  dev:\n    requires: [prod]\n  prod:\n    requires: [dev]\n  qa:\n    requires: [stagin]\n'
      )
      const run = await promote(build, { environment: 'dev' })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        '.github/promotion.yml:7:16: environments.qa.requires names \\"stagin\\"'.replace(
          /\\"/g,
          '"'
        )
      )
      fs.writeFileSync(
        path.join(build.workspace, '.github/promotion.yml'),
        'environments:\n  dev:\n    requires: [prod]\n  prod:\n    requires: [dev]\n'
      )
      const cycle = await promote(build, { environment: 'dev' })
      expect(cycle.stdout).toContain(
        '.github/promotion.yml:2:3: the environments require each other in a cycle: dev → prod → dev.'
      )
      expect(linesOf(build.ledger.file)).toHaveLength(1)
    })

    it('a ledger path that cannot be written', async () => {
      const build = await sealedBuild()
      fs.writeFileSync(path.join(build.workspace, 'blocker'), '')
      const run = await promote(build, { environment: 'dev', ledger: 'file:blocker/ledger.jsonl' })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        `::error::ledger: the ledger "file:${build.workspace}/blocker/ledger.jsonl" cannot be written (a part of`
      )
      expect(run.outputs).toEqual({})
    })
  })

  it('refuses (fail closed) when the ledger has been tampered with', async () => {
    const build = await sealedBuild()
    expect((await promoteJob(build, { environment: 'dev' })).post?.code).toBe(0)
    expect((await promoteJob(build, { environment: 'staging' })).post?.code).toBe(0)
    const text = fs
      .readFileSync(build.ledger.file, 'utf8')
      .replace('"environment":"dev"', '"environment":"qa"')
    fs.writeFileSync(build.ledger.file, text)
    const run = await promote(build, { environment: 'staging' })
    expect(run.code).toBe(1)
    expect(run.outputs.promoted).toBe('false')
    expect(run.stdout).toContain(
      'The ledger could not be read or written, so the promotion is refused (fail closed)'
    )
    expect(run.stdout).toContain('cannot be trusted: line 3')
  })
})
