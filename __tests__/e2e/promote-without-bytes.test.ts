import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RuleCheck } from '../../src/core/promotion/gate.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { type SigstoreHost, startSigstoreHost } from '../hosts/sigstore-host.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

let sig: SigstoreHost
let gh: GitHubApiHost
let rootFile: string
beforeAll(async () => {
  ;[sig, gh] = await Promise.all([startSigstoreHost(), startGitHubApiHost()])
  rootFile = path.join(tempDir('trusted-root-'), 'trusted_root.json')
  fs.writeFileSync(rootFile, JSON.stringify(sig.trustedRoot()))
})
afterAll(async () => {
  await Promise.all([sig.close(), gh.close()])
  removeAll()
})

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const POLICY = 'environments:\n  dev: {}\n  prod:\n    requires: [dev]\n'
const IMAGE = 'ghcr.io/acme/shop'

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC = publicKey.export({ type: 'spki', format: 'pem' }).toString()

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/**
 * A workspace with a policy, a ledger of one line, and a site sealed by the bundled seal action
 * (signed with the key when asked).
 */
async function workspace(
  seal: Record<string, string>,
  options: { policy?: string; env?: Record<string, string> } = {}
): Promise<{ workspace: string; digest: string; checksums: string; ledgerLines: () => string[] }> {
  const dir = writeTree(tempDir('no-bytes-'), {
    '.github/promotion.yml': options.policy ?? POLICY,
    'site/index.html': '<p>shop</p>'
  })
  const sealed = await runAction(SEAL, seal, {
    workspace: dir,
    ...(options.env ? { env: options.env } : {})
  })
  expect(sealed.code).toBe(0)
  expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], dir).code).toBe(0)
  const ledgerLines = () =>
    fs
      .readFileSync(path.join(dir, 'ledger.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
  return {
    workspace: dir,
    digest: sealed.outputs.digest as string,
    checksums: sealed.outputs['checksums-path'] as string,
    ledgerLines
  }
}

const bytesCheck = (decision: string | undefined): RuleCheck | undefined =>
  (JSON.parse(decision ?? '{}') as { checks: RuleCheck[] }).checks.find((c) => c.rule === 'bytes')

describe('the bundled promote action with no source of bytes', () => {
  it(
    'refuses a typo (subject_path) instead of looking for the bytes elsewhere: names the input it expected ' +
      'and the one misspelled, records nothing',
    async () => {
      const w = await workspace({ 'subject-path': 'site', 'subject-name': 'shop' })
      const run = await runAction(
        PROMOTE,
        {
          environment: 'dev',
          'expected-digest': w.digest,
          ledger: 'file:ledger.jsonl',
          subject_path: 'site'
        },
        { workspace: w.workspace, undeclared: true }
      )
      expect(run.code).toBe(1)
      expect(run.outputs).toEqual({})
      expect(run.stdout).toContain(
        '::error::This step has subject_path (INPUT_SUBJECT_PATH), read as nothing: did you mean subject-path?'
      )
      expect(w.ledgerLines()).toHaveLength(1)
    }
  )

  it(
    'with nothing named, fetches what the seal carried; none found, refuses naming subject-path, name and ' +
      'digest-only',
    async () => {
      const w = await workspace({ 'subject-path': 'site', 'subject-name': 'shop' })
      const run = await runAction(
        PROMOTE,
        { environment: 'dev', 'expected-digest': w.digest, ledger: 'file:ledger.jsonl' },
        { workspace: w.workspace, env: { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' } }
      )
      expect(run.code).toBe(1)
      expect(run.outputs.promoted).toBe('false')
      const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
      for (const expected of ['No bytes to check', 'subject-path', 'name', '"digest-only: true"'])
        expect(error).toContain(expected)
      expect(JSON.parse(run.outputs.decision as string)).toMatchObject({
        allowed: false,
        checks: [{ rule: 'bytes', passed: false }]
      })
    }
  )

  it('lets it in with "digest-only: true", saying in the decision that nothing was checked; path is empty', async () => {
    const w = await workspace({ 'subject-path': 'site', 'subject-name': 'shop' })
    const run = await runAction(
      PROMOTE,
      {
        environment: 'dev',
        'expected-digest': w.digest,
        ledger: 'file:ledger.jsonl',
        'digest-only': 'true'
      },
      { workspace: w.workspace }
    )
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ promoted: 'true', path: '' })
    expect(bytesCheck(run.outputs.decision)).toEqual({
      rule: 'bytes',
      environment: 'dev',
      passed: true,
      detail: expect.stringContaining(
        'Not checked: the promotion says it carries no bytes (digest-only)'
      )
    })
    expect(w.ledgerLines()).toHaveLength(2)

    const both = await runAction(
      PROMOTE,
      {
        environment: 'dev',
        'expected-digest': w.digest,
        ledger: 'file:ledger.jsonl',
        'digest-only': 'true',
        'subject-path': 'site'
      },
      { workspace: w.workspace }
    )
    expect(both.code).toBe(1)
    expect(both.stdout).toContain(
      '::error::digest-only: "true" says this promotion carries no bytes, but subject-path says where they are.'
    )
  })

  it(
    'lets in a seal of a digest alone when its signed statement says so (checksums-path with its seal bundle, ' +
      'public-key), with no other input',
    async () => {
      const w = await workspace({
        'subject-digest': 'fe'.repeat(32),
        'subject-name': IMAGE,
        sign: 'key',
        'signing-key': KEY
      })
      const run = await runAction(
        PROMOTE,
        {
          environment: 'dev',
          'expected-digest': w.digest,
          ledger: 'file:ledger.jsonl',
          'checksums-path': w.checksums,
          'signed-by': `key: |\n  ${PUBLIC.trim().split('\n').join('\n  ')}`
        },
        { workspace: w.workspace }
      )
      expect(run.stdout).not.toContain('::error::')
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({
        promoted: 'true',
        path: '',
        signer: expect.stringContaining('"kind":"key"')
      })
      expect(bytesCheck(run.outputs.decision)?.detail).toContain(
        'No files to check: the signed seal is of the digest alone (sealed with subject-digest)'
      )
    }
  )

  it(
    'refuses a signed seal of files given without its files, and an unsigned seal of a digest alone (its ' +
      'statement is a claim)',
    async () => {
      const files = await workspace({
        'subject-path': 'site',
        'subject-name': 'shop',
        sign: 'key',
        'signing-key': KEY
      })
      const signedFiles = await runAction(
        PROMOTE,
        {
          environment: 'dev',
          'expected-digest': files.digest,
          ledger: 'file:ledger.jsonl',
          'checksums-path': files.checksums,
          'signed-by': `key: |\n  ${PUBLIC.trim().split('\n').join('\n  ')}`
        },
        { workspace: files.workspace }
      )
      expect(signedFiles.code).toBe(1)
      expect(signedFiles.stdout).toMatch(
        /::error::No bytes to check: .* Its signed seal \(\S+shop\.sigstore\.json\) is of files, not of a digest alone\./
      )
      expect(files.ledgerLines()).toHaveLength(1)

      const image = await workspace({ 'subject-digest': 'fe'.repeat(32), 'subject-name': IMAGE })
      const unsigned = await runAction(
        PROMOTE,
        {
          environment: 'dev',
          'expected-digest': image.digest,
          ledger: 'file:ledger.jsonl',
          'checksums-path': image.checksums
        },
        { workspace: image.workspace }
      )
      expect(unsigned.code).toBe(1)
      expect(unsigned.stdout).toMatch(
        /::error::No bytes to check: .* The seal of sha256:(fe){32} carries no signature/
      )
      expect(image.ledgerLines()).toHaveLength(1)
    }
  )

  it(
    'finds the keyless signature of an image seal in the attestations API when the policy names the signer, ' +
      'and lets it in with digest-only',
    async () => {
      const signedBy =
        'environments:\n  production:\n    signed-by:\n      repository: acme/shop\n      workflow: ' +
        '.github/workflows/release.yml\n'
      const keyless = { sign: 'keyless', 'github-token': gh.token }
      const env = { ...sig.runnerEnv(), ...sig.instanceEnv(), GITHUB_API_URL: gh.url }
      const promote = (w: { workspace: string; digest: string }) =>
        runAction(
          PROMOTE,
          {
            environment: 'production',
            'expected-digest': w.digest,
            ledger: 'file:ledger.jsonl',
            'signed-by': `trusted-root: ${rootFile}`,
            'github-token': gh.token,
            'digest-only': 'true'
          },
          { workspace: w.workspace, env: { GITHUB_API_URL: gh.url } }
        )

      const image = await workspace(
        { 'subject-digest': 'cd'.repeat(32), 'subject-name': IMAGE, ...keyless },
        { policy: signedBy, env }
      )
      const run = await promote(image)
      expect(run.stdout).not.toContain('::error::')
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ promoted: 'true', path: '' })
      expect(JSON.parse(run.outputs.decision as string).checks).toContainEqual(
        expect.objectContaining({ rule: 'signed-by', passed: true })
      )
      expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toContain(
        `GET /repos/acme/shop/attestations/${encodeURIComponent(image.digest)}`
      )

      // Without digest-only: nothing was carried (an image has no files), and the signature shows
      // there is nothing to carry.
      const other = await workspace(
        { 'subject-digest': 'ce'.repeat(32), 'subject-name': IMAGE, ...keyless },
        { policy: signedBy, env }
      )
      const byDefault = await runAction(
        PROMOTE,
        {
          environment: 'production',
          'expected-digest': other.digest,
          ledger: 'file:ledger.jsonl',
          'signed-by': `trusted-root: ${rootFile}`,
          'github-token': gh.token
        },
        { workspace: other.workspace, env: { GITHUB_API_URL: gh.url } }
      )
      expect(byDefault.stdout).not.toContain('::error::')
      expect(byDefault.code).toBe(0)
      expect(byDefault.outputs).toMatchObject({ promoted: 'true', path: '' })
      expect(bytesCheck(byDefault.outputs.decision)?.detail).toContain(
        'No files to check: the signed seal is of the digest alone'
      )

      // A signed seal of files whose files were carried nowhere is refused, saying its seal is of files.
      const files = await workspace(
        { 'subject-path': 'site', 'subject-name': 'shop', ...keyless },
        { policy: signedBy, env }
      )
      const refused = await runAction(
        PROMOTE,
        {
          environment: 'production',
          'expected-digest': files.digest,
          ledger: 'file:ledger.jsonl',
          'signed-by': `trusted-root: ${rootFile}`,
          'github-token': gh.token
        },
        { workspace: files.workspace, env: { GITHUB_API_URL: gh.url } }
      )
      expect(refused.code).toBe(1)
      expect(refused.outputs).toMatchObject({ promoted: 'false', path: '' })
      expect(refused.stdout).toMatch(
        /::error::.*No bytes to check: .* Its signed seal \(the attestation 1 of 1 for sha256:[0-9a-f]{64} in acme\/shop\) is of files, not of a digest alone\./
      )
    }
  )

  it('decides a dry run without bytes, as before: it lets nothing in', async () => {
    const w = await workspace({ 'subject-path': 'site', 'subject-name': 'shop' })
    const run = await runAction(
      PROMOTE,
      {
        environment: 'dev',
        'expected-digest': w.digest,
        ledger: 'file:ledger.jsonl',
        'dry-run': 'true'
      },
      { workspace: w.workspace }
    )
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ promoted: 'false' })
  })
})

describe('the bundled CLI promote with no --path', () => {
  it(
    'refuses a promotion and a rollback, naming --path, --checksums and --digest-only, and records nothing; ' +
      '--digest-only lets it in',
    async () => {
      const w = await workspace({ 'subject-path': 'site', 'subject-name': 'shop' })
      const run = cli(
        ['promote', w.digest, '--environment', 'dev', '--ledger', 'file:ledger.jsonl'],
        w.workspace
      )
      expect(run).toMatchObject({ code: 2, stdout: '' })
      for (const expected of ['no bytes to check', '--path', '--checksums', '--digest-only'])
        expect(run.stderr).toContain(expected)
      expect(w.ledgerLines()).toHaveLength(1)
      const json = cli(
        ['promote', w.digest, '--environment', 'dev', '--ledger', 'file:ledger.jsonl', '--json'],
        w.workspace
      )
      expect(JSON.parse(json.stdout)).toEqual({
        error: { code: 'bad-input', message: expect.stringContaining('no bytes to check') }
      })

      expect(
        cli(
          [
            'promote',
            w.digest,
            '--environment',
            'dev',
            '--ledger',
            'file:ledger.jsonl',
            '--digest-only',
            '--',
            'true'
          ],
          w.workspace
        ).code
      ).toBe(0)
      expect(
        cli(
          [
            'promote',
            `sha256:${'ab'.repeat(32)}`,
            '--environment',
            'dev',
            '--ledger',
            'file:ledger.jsonl',
            '--digest-only',
            '--',
            'true'
          ],
          w.workspace
        ).code
      ).toBe(0)
      expect(w.ledgerLines()).toHaveLength(5)
      // Back to the first digest: a rollback deploys bytes as well.
      const rollback = cli(
        [
          'promote',
          'previous',
          '--rollback',
          '--environment',
          'dev',
          '--ledger',
          'file:ledger.jsonl'
        ],
        w.workspace
      )
      expect(rollback.code).toBe(2)
      expect(rollback.stderr).toContain('no bytes to check')
      expect(w.ledgerLines()).toHaveLength(5)
      expect(
        cli(
          [
            'promote',
            w.digest,
            '--environment',
            'dev',
            '--ledger',
            'file:ledger.jsonl',
            '--digest-only',
            '--path',
            'site'
          ],
          w.workspace
        ).stderr
      ).toContain('--digest-only says this promotion carries no bytes, but --path gives them')
    }
  )

  it('lets in a key-signed seal of a digest alone given by its seal bundle (--checksums, --public-key)', async () => {
    const w = await workspace({
      'subject-digest': 'fe'.repeat(32),
      'subject-name': IMAGE,
      sign: 'key',
      'signing-key': KEY
    })
    fs.writeFileSync(path.join(w.workspace, 'cosign.pub'), PUBLIC)
    const run = cli(
      [
        'promote',
        w.digest,
        '--environment',
        'dev',
        '--ledger',
        'file:ledger.jsonl',
        '--checksums',
        w.checksums,
        '--public-key',
        'cosign.pub',
        '--json'
      ],
      w.workspace
    )
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).checks).toContainEqual(
      expect.objectContaining({
        rule: 'bytes',
        passed: true,
        detail: expect.stringContaining('the signed seal is of the digest alone')
      })
    )
  })
})
