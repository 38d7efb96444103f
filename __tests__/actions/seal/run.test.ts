import { afterAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '../../../__fixtures__/core.js'
import { GITHUB_ENV } from '../../../__fixtures__/github-env.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../../helpers/trees.js'

jest.unstable_mockModule('../../../src/actions/runner-io.js', () => core)
const { run } = await import('../../../src/actions/seal/run.js')

afterAll(removeAll)

interface Runner {
  env: NodeJS.ProcessEnv
  workspace: string
  temp: string
}

function runner(): Runner {
  const workspace = tempDir('workspace-')
  const temp = tempDir('runner-temp-')
  const summaryFile = path.join(temp, 'summary.md')
  return {
    workspace,
    temp,
    env: {
      ...GITHUB_ENV,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTION: 'seal'
    }
  }
}

beforeEach(core.reset)

describe('the seal action', () => {
  it('seals a build directory: outputs, bundle and summary', async () => {
    const r = runner()
    writeTree(r.workspace, {
      'dist/index.html': '<html>',
      'dist/assets/app.js': 'app()',
      'dist/assets/app.css': 'body{}',
      'src/ignored.ts': 'x'
    })
    core.useInputs({ 'subject-path': 'dist' })
    await run(r.env)

    expect(core.setFailed).not.toHaveBeenCalled()
    const out = core.outputs()
    const sealDir = path.join(r.temp, 'artifact-seal', 'dist')
    expect(out).toEqual({
      digest: shellTreeDigest(path.join(r.workspace, 'dist')),
      'subject-name': 'dist',
      'file-count': '3',
      size: String('<html>'.length + 'app()'.length + 'body{}'.length),
      'checksums-path': path.join(sealDir, 'dist.sha256'),
      'statement-path': path.join(sealDir, 'dist.intoto.json'),
      'seal-dir': sealDir,
      'artifact-id': '',
      'artifact-url': '',
      'artifact-digest': '',
      // Unsigned: the job cannot mint an OIDC token (sign: auto says so in a notice).
      'bundle-path': '',
      'attestation-id': '',
      'attestation-url': '',
      'left-out': '[]',
      signer: '',
      'contract-digest': '',
      'contract-version': '',
      'image-ref': ''
    })
    const listing = fs.readFileSync(out['checksums-path'] as string, 'utf8')
    expect(
      listing
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(66))
    ).toEqual(['assets/app.css', 'assets/app.js', 'index.html'])
    const statement = JSON.parse(fs.readFileSync(out['statement-path'] as string, 'utf8'))
    expect(statement.subject).toEqual([
      {
        name: 'dist',
        digest: { sha256: out.digest?.slice(7), dirHash: out.digest?.slice(7) },
        annotations: {
          'artifact-seal.modes': { digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }
        }
      }
    ])
    expect(fs.readdirSync(sealDir).sort()).toEqual([
      'dist.intoto.json',
      'dist.modes.json',
      'dist.sha256'
    ])

    const summary = core.summaryText.join('')
    expect(summary).toContain(`### 🔒 Sealed \`dist\``)
    expect(summary).toContain(`| Digest | \`${out.digest}\` |`)
    expect(summary).toContain('| Content | 3 files, 17 B |')
    expect(summary).toContain(
      '[`0123456`](https://github.com/acme/shop/commit/0123456789abcdef0123456789abcdef01234567) on `refs/heads/main`'
    )
    expect(summary).toContain('(https://github.com/acme/shop/actions/runs/4242/attempts/2)')
    expect(summary).toContain(
      '      subject-path: dist\n      expected-digest: ${{ needs.build.outputs.digest }}'
    )
    expect(summary).toContain('  digest: ${{ steps.seal.outputs.digest }}')
    expect(core.info).toHaveBeenCalledWith(
      'Sealing 3 files under ' + path.join(r.workspace, 'dist')
    )
  })

  it(
    'seals one file under its own name, into a directory named after it under the runner temp, and reads no ' +
      'removed input',
    async () => {
      const r = runner()
      writeTree(r.workspace, { 'out/shop-1.2.0.tgz': 'tarball' })
      core.useInputs({
        'subject-path': 'out/shop-1.2.0.tgz',
        'output-dir': 'seal',
        summary: 'false',
        name: ''
      })
      await run(r.env)
      const out = core.outputs()
      expect(out['subject-name']).toBe('shop-1.2.0.tgz')
      expect(out['seal-dir']).toBe(path.join(r.temp, 'artifact-seal', 'shop-1.2.0.tgz'))
      expect(fs.existsSync(path.join(r.workspace, 'seal'))).toBe(false)
      expect(out['file-count']).toBe('1')
      // The summary is always written.
      expect(core.summaryText.join('')).toContain('shop-1.2.0.tgz')
    }
  )

  it('seals several globs under the repository name, relative to their common directory', async () => {
    const r = runner()
    writeTree(r.workspace, {
      'build/web/a.js': 'a',
      'build/api/b.js': 'b',
      'build/api/b.js.map': 'm'
    })
    core.useInputs({ 'subject-path': 'build/**/*.js\n!**/*.map', 'subject-name': 'shop release' })
    await run(r.env)
    const out = core.outputs()
    expect(out['subject-name']).toBe('shop release')
    expect(out['checksums-path']).toBe(
      path.join(r.temp, 'artifact-seal', 'shop-release', 'shop-release.sha256')
    )
    expect(core.summaryText.join('')).toContain(
      '      subject-path: |\n        build/**/*.js\n        !**/*.map\n'
    )
  })

  it('seals a container image digest under its name', async () => {
    const r = runner()
    const hex = 'fe'.repeat(32)
    core.useInputs({ 'subject-digest': hex, 'subject-name': 'ghcr.io/acme/shop' })
    await run(r.env)
    const out = core.outputs()
    expect(out.digest).toBe(`sha256:${hex}`)
    expect(out['subject-name']).toBe('ghcr.io/acme/shop')
    expect(out['file-count']).toBe('')
    expect(out.size).toBe('')
    expect(out['statement-path']).toBe(
      path.join(r.temp, 'artifact-seal', 'ghcr.io-acme-shop', 'ghcr.io-acme-shop.intoto.json')
    )
  })

  it('seals a sha256sum listing under the repository name', async () => {
    const r = runner()
    writeTree(r.workspace, { SHA256SUMS: `${'a'.repeat(64)}  b.bin\n${'b'.repeat(64)} *a.bin\n` })
    core.useInputs({ 'subject-checksums': 'SHA256SUMS' })
    await run(r.env)
    const out = core.outputs()
    expect(out['subject-name']).toBe('shop')
    expect(fs.readFileSync(out['checksums-path'] as string, 'utf8')).toBe(
      `${'b'.repeat(64)}  a.bin\n${'a'.repeat(64)}  b.bin\n`
    )
  })
})

describe('bad input', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'no subject',
      {},
      'Give exactly one of subject-path (files, directories or globs), subject-digest with subject-name (a ' +
        'digest you already have), subject-checksums (a sha256sum listing), or ' +
        'subject-parts (the seal bundles of matrix legs); none was given.'
    ],
    [
      'two subjects',
      { 'subject-path': 'dist', 'subject-checksums': 'SUMS' },
      '; subject-path and subject-checksums were both given.'
    ],
    [
      'a digest without a name',
      { 'subject-digest': 'ab'.repeat(32) },
      'subject-name: required with subject-digest.'
    ],
    [
      'a name on two lines',
      { 'subject-path': 'dist', 'subject-name': 'x\ny' },
      'subject-name: "x\\ny" spans several lines.'
    ],
    [
      'an artifact name without upload',
      { 'subject-path': 'dist', name: 'shop-sealed' },
      'name: "shop-sealed" applies to the workflow artifact; add "upload: true"'
    ],
    [
      'an upload mode that is none',
      { 'subject-path': 'dist', upload: 'files' },
      'upload: "files" is not true, seal or false.'
    ],
    [
      'files to upload from a digest',
      { 'subject-digest': 'ab'.repeat(32), 'subject-name': 'img', upload: 'true' },
      'upload: there are no files to carry: subject-digest seals without reading them. Give "upload: seal"'
    ],
    [
      'two contract versions',
      { 'subject-path': 'dist', contract: 'openapi.yaml\nversion: 1.0.0\nversion: 2.0.0' },
      'contract (its "version:" line): given 2 times.'
    ],
    [
      'a contract version without files',
      { 'subject-path': 'dist', contract: 'version: 1.0.0' },
      'contract (its "version:" line): "1.0.0" goes with contract files'
    ],
    [
      'a part digest on a part without a name',
      { 'subject-parts': `seal/a.sha256@sha256:${'a'.repeat(64)}` },
      'subject-parts (line 1):'
    ],
    [
      'a malformed digest',
      { 'subject-digest': 'sha256:1234', 'subject-name': 'img' },
      'subject-digest: "sha256:1234" is not a sha256 digest.'
    ],
    [
      'a path that matches nothing',
      { 'subject-path': 'dist, missing/**' },
      'subject-path: nothing matches "missing/**"'
    ],
    [
      'a listing that does not exist',
      { 'subject-checksums': 'SUMS' },
      'subject-checksums: cannot read'
    ]
  ]

  it.each(cases)(
    '%s: fails naming the input, sets no output, writes no bundle',
    async (_, inputs, message) => {
      const r = runner()
      writeTree(r.workspace, { 'dist/index.html': '<html>' })
      core.useInputs(inputs)
      await run(r.env)
      expect(core.setFailed).toHaveBeenCalledTimes(1)
      expect(core.setFailed.mock.calls[0]?.[0]).toContain(message)
      expect(core.setOutput).not.toHaveBeenCalled()
      expect(core.summaryText).toEqual([])
      expect(fs.existsSync(path.join(r.temp, 'artifact-seal'))).toBe(false)
    }
  )

  it('reports an unexpected error as such, without a bare stack trace', async () => {
    const r = runner()
    core.useInputs({ 'subject-path': 'dist' })
    core.getInput.mockImplementation(() => {
      throw new TypeError('boom')
    })
    await run(r.env)
    expect(core.setFailed).toHaveBeenCalledWith(
      'artifact-seal stopped on an unexpected error: boom. Re-run with ACTIONS_STEP_DEBUG=true for details, ' +
        'and report it if it persists.'
    )
    expect(core.debug.mock.calls[0]?.[0]).toContain('TypeError: boom')
  })
})
