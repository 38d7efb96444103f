import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** A workspace with a tree sealed by the CLI, and its digest. */
function sealedWorkspace(): { cwd: string; digest: string } {
  const cwd = writeTree(tempDir(), { 'build/a.txt': 'a', 'build/b.txt': 'b' })
  const seal = cli(['seal', 'build', '--json', '--out', 'bundle'], cwd)
  expect(seal.code).toBe(0)
  return { cwd, digest: JSON.parse(seal.stdout).digest }
}

function promoteWithPolicy(policy: string): {
  code: number | null
  stdout: string
  stderr: string
} {
  const { cwd, digest } = sealedWorkspace()
  fs.writeFileSync(path.join(cwd, 'promotion.yml'), policy)
  return cli(
    [
      'promote',
      digest,
      '--environment',
      'dev',
      '--policy',
      'promotion.yml',
      '--ledger',
      'file:ledger.jsonl'
    ],
    cwd
  )
}

/** Each of these made the CLI print "unexpected error" before: a non-SealError escaped. */
describe('artifact-seal promote refuses bad input with a message, never an "unexpected error"', () => {
  it('a policy key with "%" and a mistake under it (was a URIError)', () => {
    const run = promoteWithPolicy('environments:\n  "%":\n    bogus: 1\n  dev: {}\n')
    expect(run.code).toBe(2)
    expect(run.stderr).not.toContain('unexpected error')
    expect(run.stderr).toContain(
      'artifact-seal: The promotion policy promotion.yml has 2 mistakes:'
    )
    expect(run.stderr).toContain(
      'promotion.yml:2:3: environments has the key "%", which is not an environment name.'
    )
    expect(run.stderr).toContain('promotion.yml:3:5: environments.% has an unknown key "bogus".')
  })

  it('a policy with an alias that names no anchor (was a ReferenceError)', () => {
    const run = promoteWithPolicy('environments:\n  dev: *missing\n')
    expect(run.code).toBe(2)
    expect(run.stderr).not.toContain('unexpected error')
    expect(run.stderr).toContain(
      'promotion.yml:2:8: the alias "*missing" names no anchor set before it. Add "&missing" to an earlier ' +
        'value, or write the value out.'
    )
  })

  it('a policy that is an alias bomb is refused at once, in little memory', () => {
    let bomb = 'l0: &l0 [a, a, a, a, a, a, a, a, a]\n'
    for (let i = 1; i <= 9; i++)
      bomb += `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]\n`
    const started = Date.now()
    const run = promoteWithPolicy(`${bomb}environments:\n  dev: {}\n`)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.code).toBe(2)
    expect(run.stderr).not.toContain('unexpected error')
    expect(run.stderr).toContain(
      'promotion.yml: its aliases (*name) expand to more than 1000 values'
    )
  })

  it(
    'a seal statement whose repository is not a web address (was a TypeError from new URL): left out with a ' +
      'warning, never recorded or shown',
    () => {
      const { cwd, digest } = sealedWorkspace()
      const statementFile = path.join(cwd, 'bundle', 'build.intoto.json')
      const statement = JSON.parse(fs.readFileSync(statementFile, 'utf8'))
      statement.predicate.buildDefinition = {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: { workflow: { repository: 'acme/shop' } },
        resolvedDependencies: [{ digest: { gitCommit: 'c'.repeat(40) } }]
      }
      fs.writeFileSync(statementFile, JSON.stringify(statement))
      fs.writeFileSync(path.join(cwd, 'promotion.yml'), 'environments:\n  dev: {}\n')
      expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], cwd).code).toBe(0)
      const run = cli(
        [
          'promote',
          digest,
          '--environment',
          'dev',
          '--path',
          'build',
          '--checksums',
          'bundle/build.sha256',
          '--policy',
          'promotion.yml',
          '--ledger',
          'file:ledger.jsonl'
        ],
        cwd
      )
      expect(run.code).toBe(0)
      expect(run.stderr).not.toContain('unexpected error')
      expect(run.stderr).toContain(
        'bundle/build.intoto.json: predicate.buildDefinition.externalParameters.workflow.repository is ' +
          '"acme/shop", which is not what a seal writes ' +
          '(https://github.com/OWNER/REPO).'
      )
      expect(run.stderr).toContain('seal the artifact again')
      const records = fs
        .readFileSync(path.join(cwd, 'ledger.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => JSON.parse(line).record)
      expect(records.map((r: { sealedBy: unknown }) => r.sealedBy)).toEqual([
        { repository: null, commit: 'c'.repeat(40), runUrl: null }
      ])
    }
  )
})

describe('artifact-seal seal on a file it may not read', () => {
  // Root reads every file, so the check runs as an ordinary user (nobody) when the tests run as root, as CI does.
  const asOrdinaryUser =
    process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []

  it('refuses the seal, naming the file, and writes nothing', () => {
    const cwd = writeTree(tempDir(), { 'build/a.txt': 'a', 'build/b.txt': 'b' })
    const out = path.join(cwd, 'bundle')
    fs.mkdirSync(out)
    for (const dir of [cwd, path.join(cwd, 'build')]) fs.chmodSync(dir, 0o755)
    fs.chmodSync(out, 0o777)
    fs.chmodSync(path.join(cwd, 'build/b.txt'), 0)
    const [command, ...prefix] = [...asOrdinaryUser, process.execPath]
    const run = spawnSync(
      command as string,
      [...prefix, CLI, 'seal', 'build', '--out', 'bundle', '--json'],
      { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 }
    )
    expect(run.status).toBe(2)
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'unreadable',
        message: expect.stringContaining(`"${path.join(cwd, 'build/b.txt')}"`)
      }
    })
    expect(run.stderr).toContain('permission denied')
    expect(fs.readdirSync(out)).toEqual([])
  })
})

describe('registry flags the command would not use', () => {
  it.each([
    ['seal', ['seal', 'build', '--plain-http-registry', 'http://registry.lan']],
    ['verify', ['verify', 'build', '--digest', 'DIGEST', '--plain-http-registry', 'registry lan']]
  ])(
    '%s of files still refuses a bad --plain-http-registry, as the actions do, and writes nothing',
    (_name, args) => {
      const { cwd, digest } = sealedWorkspace()
      const before = fs.readdirSync(cwd).sort()
      const run = cli(
        args.map((a) => (a === 'DIGEST' ? digest : a)),
        cwd
      )
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('--plain-http-registry')
      expect(run.stderr).toMatch(
        /"http:\/\/registry\.lan" has a scheme|"registry lan" holds a space/
      )
      expect(fs.readdirSync(cwd).sort()).toEqual(before)
    }
  )

  it('promote --push-to-registry with unsigned records is refused in a dry run too, as the action does', () => {
    const { cwd, digest } = sealedWorkspace()
    fs.writeFileSync(path.join(cwd, 'promotion.yml'), 'environments:\n  dev: {}\n')
    expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], cwd).code).toBe(0)
    const run = cli(
      [
        'promote',
        digest,
        '--environment',
        'dev',
        '--path',
        // Refused before any request: no registry answers here.
        'oci://127.0.0.1:1/acme/app:v1',
        '--ledger',
        'file:ledger.jsonl',
        '--dry-run',
        '--push-to-registry'
      ],
      cwd
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--push-to-registry')
    expect(run.stderr).toContain('--signing-key')
  })
})
