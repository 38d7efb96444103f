/**
 * The CLI as users of other CI systems get it: `npm pack`, then `npm install <tarball>` into
 * an empty directory, offline, and `npx artifact-seal …` on Node 24 (the lockfile's `node`).
 *
 * The package is packed from a copy: package.json, README.md, LICENSE and a dist/ built
 * here by `node scripts/package.mjs <copy>/dist`, so the test never depends on the
 * working tree's dist/ (which `npm run package` wipes and rebuilds).
 *
 * One install command, offline: dist/ bundles every package the CLI uses, so package.json
 * lists them all as devDependencies and the published package depends on nothing. npm
 * installs a tarball's `dependencies`; with any, this install would need the registry.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

/** Node 24 from the lockfile (`node`), first on PATH for npm, npx and the CLI's `#!/usr/bin/env node`. */
const NODE24_DIR = path.join(PROJECT_ROOT, 'node_modules/node/bin')
const PKG = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  private?: boolean
  files: string[]
  engines: { node: string }
  dependencies?: Record<string, string>
  bin: Record<string, string>
}

let npmCache: string
const env = (): NodeJS.ProcessEnv => ({
  PATH: `${NODE24_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
  HOME: process.env.HOME,
  // A cache of its own: nothing comes from what earlier installs left, and nothing from the registry.
  npm_config_cache: npmCache,
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false'
})

function run(
  command: string,
  args: string[],
  cwd: string
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, env: env(), encoding: 'utf8', timeout: 120_000 })
  if (result.error) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

let tarball: string
let packedFiles: string[]
let app: string

beforeAll(() => {
  npmCache = tempDir('artifact-seal-npm-cache-')
  const copy = tempDir('artifact-seal-pack-')
  for (const file of ['package.json', 'README.md', 'LICENSE'])
    fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(copy, file))
  execFileSync(
    path.join(NODE24_DIR, 'node'),
    [path.join(PROJECT_ROOT, 'scripts/package.mjs'), path.join(copy, 'dist')],
    { cwd: PROJECT_ROOT, stdio: 'pipe' }
  )
  const out = tempDir('artifact-seal-tarball-')
  const packed = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], copy)
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`)
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[]
  if (!info) throw new Error(`npm pack printed no package: ${packed.stdout}`)
  tarball = path.join(out, info.filename)
  packedFiles = info.files.map((f) => f.path).sort()
  app = tempDir('artifact-seal-app-')
  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app)
  if (installed.code !== 0)
    throw new Error(`npm install --offline ${tarball} failed:\n${installed.stderr}`)
}, 240_000)

describe('the npm package', () => {
  it('is publishable, depends on nothing, and says which Node it needs', () => {
    expect(PKG.private).toBeUndefined()
    // A package listed here would be installed by every `npm install artifact-seal`, from the
    // registry: dist/ bundles them, so add them with `npm install -D`.
    expect(PKG.dependencies ?? {}).toEqual({})
    expect(PKG.engines).toEqual({ node: '>=22' })
    expect(PKG.bin).toEqual({ 'artifact-seal': 'dist/cli/index.js' })
  })

  it('holds the CLI, the chunks it loads, the licences and nothing else', () => {
    expect(path.basename(tarball)).toBe(`${PKG.name}-${PKG.version}.tgz`)
    expect(packedFiles).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli/index.js'])
    )
    // A chunk is an ES module (.js), or a package loaded on first use as CommonJS (.cjs).
    const unexpected = packedFiles.filter(
      (f) =>
        !['LICENSE', 'README.md', 'package.json', 'dist/licenses.txt'].includes(f) &&
        !/^dist\/(cli|chunks)\/[^/]+\.c?js$/.test(f)
    )
    expect(unexpected).toEqual([])
    expect(packedFiles.some((f) => f.startsWith('dist/chunks/'))).toBe(true)
  })

  it('installs with one offline command and nothing beside it', () => {
    expect(
      fs
        .readdirSync(path.join(app, 'node_modules'))
        .filter((d) => !d.startsWith('.'))
        .sort()
    ).toEqual(['.bin', PKG.name].filter((d) => !d.startsWith('.')))
    expect(fs.existsSync(path.join(app, 'node_modules/.bin/artifact-seal'))).toBe(true)
  })

  it('npx artifact-seal --version runs on Node 24', () => {
    expect(run(path.join(NODE24_DIR, 'node'), ['--version'], app).stdout).toMatch(/^v24\./)
    expect(
      run('npx', ['--offline', '--no-install', 'artifact-seal', '--version'], app)
    ).toMatchObject({ code: 0, stdout: `${PKG.version}\n` })
  })

  it('seals, verifies and promotes on a file ledger', () => {
    const bin = path.join(app, 'node_modules/.bin/artifact-seal')
    const work = writeTree(tempDir(), {
      'build/index.html': '<!doctype html>\n',
      'build/config/app.json': '{"greeting":"hello"}\n',
      'promotion.yml': 'environments:\n  dev: {}\n  prod:\n    requires: [dev]\n'
    })
    const cli = (...args: string[]) => run(bin, args, work)
    const ledger = ['--ledger', 'file:ledger.jsonl']

    const sealed = cli('seal', 'build', '--json', '--out', 'seal')
    expect(sealed.code).toBe(0)
    const digest = JSON.parse(sealed.stdout).digest as string
    expect(digest).toBe(shellTreeDigest(path.join(work, 'build')))

    expect(
      cli('verify', 'build', '--digest', digest, '--checksums', 'seal/build.sha256')
    ).toMatchObject({ code: 0 })
    fs.writeFileSync(path.join(work, 'build/config/app.json'), '{"greeting":"patched"}\n')
    const patched = cli('verify', 'build', '--digest', digest, '--checksums', 'seal/build.sha256')
    expect(patched.code).toBe(1)
    expect(patched.stdout + patched.stderr).toContain('config/app.json')
    fs.writeFileSync(path.join(work, 'build/config/app.json'), '{"greeting":"hello"}\n')

    expect(cli('ledger', 'init', ...ledger)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Created file:/)
    })
    // Not yet in dev: prod refuses.
    expect(
      cli(
        'promote',
        digest,
        '--environment',
        'prod',
        '--path',
        'build',
        '--policy',
        'promotion.yml',
        ...ledger
      )
    ).toMatchObject({ code: 1, stdout: expect.stringContaining('dev never ran this digest') })
    // Into dev, with a deploy command whose exit status confirms the deployment.
    const deployed = cli(
      'promote',
      digest,
      '--environment',
      'dev',
      '--path',
      'build',
      '--policy',
      'promotion.yml',
      ...ledger,
      '--',
      'sh',
      '-c',
      'test -f "$ARTIFACT_SEAL_PATH/config/app.json"'
    )
    expect(deployed.code).toBe(0)
    const status = cli('status', '--policy', 'promotion.yml', ...ledger, '--json')
    expect(status.code).toBe(0)
    expect(status.stdout).toContain(digest)
    expect(
      cli(
        'promote',
        digest,
        '--environment',
        'prod',
        '--path',
        'build',
        '--policy',
        'promotion.yml',
        ...ledger,
        '--',
        'true'
      )
    ).toMatchObject({ code: 0 })
    expect(cli('ledger', 'verify', ...ledger)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Head: ')
    })
  })
})
