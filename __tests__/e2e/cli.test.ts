import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import {
  removeAll,
  shellFileDigest,
  shellTreeDigest,
  tempDir,
  writeTree
} from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' }
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('artifact-seal (the bundled CLI)', () => {
  it('is the package bin, starts with a node shebang and prints its version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'))
    expect(pkg.bin).toEqual({ 'artifact-seal': 'dist/cli/index.js' })
    expect(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(cli(['--version'], PROJECT_ROOT)).toEqual({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: ''
    })
  })

  it('seals a directory and prints JSON with the digest sha256sum agrees with', () => {
    const cwd = writeTree(tempDir(), { 'build/a.txt': 'a', 'build/sub/b.txt': 'b' })
    const run = cli(['seal', 'build', '--json'], cwd)
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result).toMatchObject({
      digest: shellTreeDigest(path.join(cwd, 'build')),
      name: 'build',
      fileCount: 2,
      size: 2
    })
    expect(result.sealDir).toBe(path.join(fs.realpathSync(cwd), '.seal', 'build'))
    // Sealing again leaves the bundle directory out of the tree, so the digest holds.
    expect(
      JSON.parse(
        cli(['seal', '.', '--json', '--subject-name', 'build'], path.join(cwd, 'build')).stdout
      ).digest
    ).toBe(result.digest)
  })

  it('prints a readable summary by default, and honours --name, --root and --out', () => {
    const cwd = writeTree(tempDir(), { 'x/y/app.bin': 'binary' })
    const run = cli(
      ['seal', 'x/y/app.bin', '--subject-name', 'app', '--root', 'x', '--out', 'bundle'],
      cwd
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Sealed app\n')
    expect(run.stdout).toContain(`  digest     ${shellFileDigest(path.join(cwd, 'x/y/app.bin'))}\n`)
    expect(fs.readFileSync(path.join(cwd, 'bundle', 'app.sha256'), 'utf8')).toMatch(
      /^[0-9a-f]{64} {2}y\/app\.bin\n$/
    )
  })

  it(
    'verify refuses a sealed directory replaced by one file holding its listing, with --checksums and with ' +
      '--digest alone',
    () => {
      const cwd = writeTree(tempDir(), { 'build/a.txt': 'a', 'build/sub/b.txt': 'b' })
      const sealed = JSON.parse(cli(['seal', 'build', '--json', '--out', 'bundle'], cwd).stdout)
      expect(
        cli(
          ['verify', 'build', '--digest', sealed.digest, '--checksums', sealed.checksumsPath],
          cwd
        )
      ).toMatchObject({ code: 0 })
      fs.rmSync(path.join(cwd, 'build'), { recursive: true })
      fs.copyFileSync(sealed.checksumsPath, path.join(cwd, 'build'))
      const withListing = cli(
        ['verify', 'build', '--digest', sealed.digest, '--checksums', sealed.checksumsPath],
        cwd
      )
      expect(withListing).toMatchObject({ code: 2, stdout: '' })
      expect(withListing.stderr).toContain(
        `artifact-seal: verify <path...>: --checksums "${sealed.checksumsPath}" says ${sealed.digest} sealed a ` +
          'tree of 2 files; "build" is one file.'
      )
      const alone = cli(['verify', 'build', '--digest', sealed.digest], cwd)
      expect(alone).toMatchObject({ code: 2, stdout: '' })
      expect(alone.stderr).toContain('is one file whose bytes are a checksums listing of 2 files')
      expect(alone.stderr).toContain("Give --checksums (the seal's listing)")
    }
  )

  it('names every file that differs between two listings, with exit code 1', () => {
    const cwd = writeTree(tempDir(), {
      'v1/a': 'a',
      'v1/b': 'b',
      'v2/a': 'a',
      'v2/b': 'B',
      'v2/c': 'c'
    })
    const one = JSON.parse(cli(['seal', 'v1', '--json'], cwd).stdout)
    const two = JSON.parse(cli(['seal', 'v2', '--json'], cwd).stdout)
    const diff = cli(['diff', one.checksumsPath, two.checksumsPath], cwd)
    expect(diff.code).toBe(1)
    expect(diff.stdout).toContain('2 of 3 files differ\n')
    expect(diff.stdout).toContain('  changed  b\n')
    expect(diff.stdout).toContain('  added    c\n')
    expect(cli(['diff', one.checksumsPath, one.checksumsPath], cwd)).toMatchObject({
      code: 0,
      stdout: `Equal: 2 files, ${one.digest}\n`
    })
  })

  it('has --help on every command', () => {
    for (const args of [['--help'], ['seal', '--help'], ['diff', '--help']]) {
      const run = cli(args, PROJECT_ROOT)
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/^Usage: artifact-seal/)
    }
  })

  it('fails with exit code 2 on bad input, with the same messages as the action', () => {
    const cwd = tempDir()
    expect(cli(['seal', 'missing'], cwd)).toMatchObject({ code: 2, stdout: '' })
    expect(cli(['seal', 'missing'], cwd).stderr).toContain(
      'artifact-seal: seal <path...>: nothing matches "missing"'
    )
    expect(cli(['seal', '--bogus'], cwd).stderr).toContain(
      "artifact-seal: seal: Unknown option '--bogus'."
    )
    expect(cli(['unknown'], cwd)).toMatchObject({ code: 2 })
    expect(cli(['seal', '.', '--out', ''], cwd).stderr).toContain('--out: "" is empty.')
    expect(cli(['diff', 'a'], cwd).stderr).toContain('diff: expected two listings, got 1.')
  })

  it('leaves a promotion pending until confirm, and confirms a record once', () => {
    const cwd = writeTree(tempDir(), {
      'build/a.txt': 'a',
      '.github/promotion.yml': 'environments:\n  dev: {}\n  prod:\n    requires: [dev]\n'
    })
    const digest = JSON.parse(cli(['seal', 'build', '--json'], cwd).stdout).digest as string
    expect(cli(['promote', digest, '--environment', 'dev'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'does not exist. A missing ledger is never read as an empty one'
      )
    })
    expect(cli(['ledger', 'init'], cwd)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^Created file:.*\nLedger: sha256:[0-9a-f]{64}\nHead: 1:sha256:[0-9a-f]{64}\n$/
      )
    })
    const pending = cli(['promote', digest, '--environment', 'dev', '--path', 'build'], cwd)
    expect(pending.code).toBe(0)
    expect(pending.stdout).toContain(
      'Record 2 is pending. When the deployment is done: artifact-seal confirm 2 --ledger file:'
    )
    // Not live yet: prod, which requires dev, refuses.
    expect(cli(['promote', digest, '--environment', 'prod', '--dry-run'], cwd)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('dev never ran this digest')
    })
    expect(cli(['confirm', '2'], cwd)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /deployed to dev: live there from \S+ \(record 3 confirms record 2\)/
      )
    })
    expect(cli(['promote', digest, '--environment', 'prod', '--dry-run'], cwd).code).toBe(0)
    expect(cli(['confirm', '2'], cwd)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('record 2 (')
    })
    expect(cli(['confirm', '2', '--outcome', 'maybe'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--outcome: "maybe" is not "success" or "failure"')
    })
    const second = cli(['promote', digest, '--environment', 'prod', '--path', 'build'], cwd)
    expect(
      cli(['confirm', '4', '--outcome', 'failure', '--reason', 'helm timed out'], cwd)
    ).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('failed (record 5 closes record 4): helm timed out')
    })
    expect(second.code).toBe(0)
    expect(cli(['status'], cwd).stdout).toMatch(/prod +-\n/)
  })
})
