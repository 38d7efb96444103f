import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { SealInput, SealOutput } from '../../src/app/settings/names.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'

describe('the bundled seal action, run as a runner runs it', () => {
  it('runs on node24 from dist and declares every input and output the code reads and sets', () => {
    const action = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'action.yml'), 'utf8'))
    expect(action.runs).toEqual({ using: 'node24', main: SEAL })
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(SealInput).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(SealOutput).sort())
  })

  it('seals a directory: outputs in GITHUB_OUTPUT, a summary, a bundle sha256sum -c accepts', async () => {
    const workspace = writeTree(tempDir('workspace-'), {
      'dist/index.html': '<html>',
      'dist/api/openapi.yaml': 'openapi: 3.1.0\n',
      'dist/static/app.js': 'app()'
    })
    const run = await runAction(SEAL, { 'subject-path': 'dist' }, { workspace })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const digest = shellTreeDigest(path.join(workspace, 'dist'))
    expect(run.outputs).toMatchObject({ digest, 'subject-name': 'dist', 'file-count': '3' })
    expect(run.stdout).toContain(`dist: ${digest}`)
    expect(run.summary).toContain(`| Digest | \`${digest}\` |`)

    const check = execFileSync('sha256sum', ['-c', run.outputs['checksums-path'] as string], {
      cwd: path.join(workspace, 'dist'),
      encoding: 'utf8'
    })
    expect(check).toBe('api/openapi.yaml: OK\nindex.html: OK\nstatic/app.js: OK\n')
    const statement = JSON.parse(fs.readFileSync(run.outputs['statement-path'] as string, 'utf8'))
    expect(statement.predicate.runDetails.metadata.invocationId).toBe(
      'https://github.com/acme/shop/actions/runs/4242/attempts/2'
    )
  })

  it('gives a later job that downloads the tree elsewhere the same digest', async () => {
    const build = writeTree(tempDir('workspace-'), { 'out/a.txt': 'a', 'out/b/c.txt': 'c' })
    const deploy = tempDir('workspace-')
    fs.cpSync(path.join(build, 'out'), path.join(deploy, 'downloaded', 'artifact'), {
      recursive: true
    })
    const first = await runAction(SEAL, { 'subject-path': 'out' }, { workspace: build })
    const second = await runAction(
      SEAL,
      { 'subject-path': 'downloaded/artifact' },
      { workspace: deploy }
    )
    expect(second.outputs.digest).toBe(first.outputs.digest)
  })

  it('fails on bad input with exit code 1, an error annotation, no output and no bundle', async () => {
    const workspace = writeTree(tempDir('workspace-'), { 'dist/a.txt': 'a' })
    const run = await runAction(
      SEAL,
      { 'subject-path': 'dist', 'subject-digest': 'nothex', 'subject-name': 'x' },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::Give exactly one of subject-path')
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.outputs).toEqual({})
    expect(run.summary).toBe('')
    expect(fs.existsSync(path.join(run.temp, 'artifact-seal'))).toBe(false)
  })
})

describe('the bundled seal action refusing what a later verify could not tell apart', () => {
  it('writes the bundle under the runner temp, outside the sealed tree, whatever a removed output-dir says', async () => {
    const workspace = writeTree(tempDir('workspace-'), { 'dist/a.txt': 'a' })
    const run = await runAction(
      SEAL,
      { 'subject-path': 'dist', 'output-dir': 'dist/.seal' },
      { workspace, undeclared: true }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['seal-dir']).toBe(path.join(run.temp, 'artifact-seal', 'dist'))
    expect(fs.existsSync(path.join(workspace, 'dist/.seal'))).toBe(false)
  })

  it("refuses to seal one file whose bytes are a checksums listing: its digest would be the tree's", async () => {
    const workspace = writeTree(tempDir('workspace-'), { 'dist/a.txt': 'a' })
    const tree = await runAction(SEAL, { 'subject-path': 'dist' }, { workspace })
    fs.copyFileSync(tree.outputs['checksums-path'] as string, path.join(workspace, 'dist.sha256'))
    const run = await runAction(SEAL, { 'subject-path': 'dist.sha256' }, { workspace })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::subject-path: "${path.join(workspace, 'dist.sha256')}" is a checksums listing of 1 file.`
    )
    expect(run.outputs).toEqual({})
  })
})

describe('the bundled seal action merging the seal bundles of matrix legs', () => {
  it('puts out one digest over every part, equal to sealing the tree laid out by part', async () => {
    const workspace = writeTree(tempDir('workspace-'), {
      'linux/app': 'elf',
      'linux/lib/a.so': 'so',
      'windows/app.exe': 'pe',
      'laid-out/linux/app': 'elf',
      'laid-out/linux/lib/a.so': 'so',
      'laid-out/windows/app.exe': 'pe'
    })
    const linux = await runAction(SEAL, { 'subject-path': 'linux' }, { workspace })
    const windows = await runAction(SEAL, { 'subject-path': 'windows' }, { workspace })
    const merged = await runAction(
      SEAL,
      {
        'subject-parts':
          `linux=${linux.outputs['seal-dir']}@${linux.outputs.digest}\n# a ` +
          `comment\nwindows=${windows.outputs['checksums-path']}@${windows.outputs.digest}`,
        'subject-name': 'release'
      },
      { workspace }
    )
    expect(merged.stdout).not.toContain('::error')
    expect(merged.code).toBe(0)
    expect(merged.outputs).toMatchObject({
      digest: shellTreeDigest(path.join(workspace, 'laid-out')),
      'subject-name': 'release',
      'file-count': '3'
    })
    const check = execFileSync('sha256sum', ['-c', merged.outputs['checksums-path'] as string], {
      cwd: path.join(workspace, 'laid-out'),
      encoding: 'utf8'
    })
    expect(check).toBe('linux/app: OK\nlinux/lib/a.so: OK\nwindows/app.exe: OK\n')
  })

  it('fails naming the part whose listing is not the digest its leg put out', async () => {
    const workspace = writeTree(tempDir('workspace-'), { 'linux/app': 'elf' })
    const linux = await runAction(SEAL, { 'subject-path': 'linux' }, { workspace })
    fs.appendFileSync(linux.outputs['checksums-path'] as string, `${'0'.repeat(64)}  extra\n`)
    const merged = await runAction(
      SEAL,
      {
        'subject-parts': `linux=${linux.outputs['seal-dir']}@${linux.outputs.digest}`,
        'subject-name': 'release'
      },
      { workspace }
    )
    expect(merged.code).toBe(1)
    expect(merged.stdout).toMatch(/::error::subject-parts: .*linux/)
    expect(merged.outputs).toEqual({})
  })
})
