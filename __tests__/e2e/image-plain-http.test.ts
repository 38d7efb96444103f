// plain-http-registries on the bundled actions and --plain-http-registry on the CLI: a real
// registry (distribution 2.8) reached through this machine's non-loopback address, as a
// registry on the network is, sealed, verified and promoted with a copy-to over plain HTTP
// because the input names it; a bad value is refused naming the input, with no outputs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import * as path from 'node:path'
import {
  type CountingProxy,
  type TestRegistry,
  nonLoopbackAddress,
  startCountingProxy,
  startRegistry
} from '../hosts/registry.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { pushLayout, tagDigest } from '../helpers/skopeo.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const image = writeTestImage(tempDir('layout-'))

function cliRun(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: tempDir('home-') }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', () => resolve({ stdout, stderr }))
  })
}

describe('a registry on another host, over plain HTTP where named', () => {
  let registry: TestRegistry
  let remote: CountingProxy
  beforeAll(async () => {
    registry = await startRegistry('open')
    await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
    remote = await startCountingProxy(registry, nonLoopbackAddress())
  })
  afterAll(async () => {
    await remote?.close()
    await registry?.close()
  })

  it('seals with the CLI, verifies and promotes with a copy-to with the actions, every request over HTTP', async () => {
    const cwd = tempDir('cli-')
    // Asynchronously: the proxy in front of the registry answers from this process.
    const sealed = await cliRun(
      ['seal', `oci://${remote.host}/acme/app:v1`, '--plain-http-registry', remote.host, '--json'],
      cwd
    )
    expect(sealed.stderr).toBe('')
    expect((JSON.parse(sealed.stdout) as { digest: string }).digest).toBe(image.digests.index)

    const verified = await runAction(
      'dist/verify/index.js',
      {
        'subject-path': `oci://${remote.host}/acme/app:v1`,
        'expected-digest': image.digests.index,
        'plain-http-registries': `# the registry on the build network\n${remote.host}\n`
      },
      { env: { HOME: tempDir('home-') } }
    )
    expect(verified.code).toBe(0)
    expect(verified.outputs).toMatchObject({
      verified: 'true',
      'image-ref': `${remote.host}/acme/app@${image.digests.index}`
    })

    const workspace = writeTree(tempDir('promote-'), {
      '.github/promotion.yml': `environments:\n  prod:\n    image: { copy-to: "${remote.host}/prod/app:stable" }\n`
    })
    expect(
      spawnSync(process.execPath, [CLI, 'ledger', 'init', '--ledger', 'file:ledger.jsonl'], {
        cwd: workspace
      }).status
    ).toBe(0)
    const promoted = await runAction(
      'dist/promote/index.js',
      {
        environment: 'prod',
        'subject-path': `oci://${remote.host}/acme/app:v1`,
        'expected-digest': image.digests.index,
        ledger: 'file:ledger.jsonl',
        'plain-http-registries': remote.host
      },
      { workspace, env: { HOME: tempDir('home-') } }
    )
    expect(promoted.code === 0 ? '' : promoted.stdout).toBe('')
    expect(promoted.outputs['image-ref']).toBe(`${remote.host}/prod/app@${image.digests.index}`)
    expect(await tagDigest(registry, 'prod/app', 'stable')).toBe(image.digests.index)
  })

  it.each([
    ['https://registry.lan', 'has a scheme'],
    ['registry lan:5000', 'holds a space'],
    ['registry.lan/acme', 'is not a host name']
  ])('refuses plain-http-registries: %j naming the input, with no outputs', async (value, why) => {
    const run = await runAction(
      'dist/verify/index.js',
      {
        'subject-path': `oci://${remote.host}/acme/app:v1`,
        'expected-digest': image.digests.index,
        'plain-http-registries': value
      },
      { env: { HOME: tempDir('home-') } }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`plain-http-registries: ${JSON.stringify(value)} ${why}`)
    expect(run.outputs).toEqual({})
  })

  it('refuses an empty --plain-http-registry on the CLI, naming the flag', () => {
    const run = spawnSync(
      process.execPath,
      [CLI, 'seal', `oci://${remote.host}/acme/app:v1`, '--plain-http-registry', ''],
      {
        cwd: tempDir('cli-'),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: tempDir('home-') }
      }
    )
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('--plain-http-registry: "" is empty')
  })
})
