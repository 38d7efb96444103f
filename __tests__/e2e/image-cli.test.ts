// The bundled CLI on an image in a real registry (distribution 2.8, open): seal oci://… and
// push the signed seal beside the image, verify oci://… with the signature found there, and
// refuse a tag that moved.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import * as path from 'node:path'
import { type TestRegistry, startRegistry } from '../hosts/registry.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { listTags, pushLayout } from '../helpers/skopeo.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const image = writeTestImage(tempDir('layout-'))
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })

function cli(
  args: string[],
  cwd: string
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: tempDir('home-') }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('the CLI on an image in its registry', () => {
  let registry: TestRegistry
  let cwd: string
  beforeAll(async () => {
    registry = await startRegistry('open')
    await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
    await pushLayout(registry, image.dir, 'single', 'acme/app', 'single')
    cwd = writeTree(tempDir('cli-image-'), {
      'key.pem': keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'key.pub': keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    })
  })
  afterAll(async () => {
    await registry?.close()
  })

  it('seals the index the tag names and pushes the signed seal; verify finds it there and prints what to deploy', async () => {
    const sealed = await cli(
      [
        'seal',
        `oci://${registry.host}/acme/app:v1`,
        '--signing-key',
        'key.pem',
        '--push-to-registry',
        '--json'
      ],
      cwd
    )
    expect(sealed.stderr).toBe('')
    expect(sealed.code).toBe(0)
    expect(JSON.parse(sealed.stdout)).toMatchObject({
      digest: image.digests.index,
      name: `${registry.host}/acme/app`,
      imageRef: `${registry.host}/acme/app@${image.digests.index}`
    })
    expect(await listTags(registry, 'acme/app')).toContain(
      `sha256-${image.digests.index.slice('sha256:'.length)}`
    )

    const verified = await cli(
      [
        'verify',
        `oci://${registry.host}/acme/app:v1`,
        '--digest',
        image.digests.index,
        '--public-key',
        'key.pub'
      ],
      cwd
    )
    expect(verified.code).toBe(0)
    expect(verified.stdout).toContain(`Deploy ${registry.host}/acme/app@${image.digests.index}`)
    expect(verified.stdout).toContain('Signed by')
  })

  it('refuses a tag that names another digest, and an image among files', async () => {
    const moved = await cli(
      ['verify', `oci://${registry.host}/acme/app:single`, '--digest', image.digests.index],
      cwd
    )
    expect(moved.code).toBe(1)
    expect(moved.stderr).toContain('the tag moved')
    const mixed = await cli(['seal', 'dist', `oci://${registry.host}/acme/app:v1`], cwd)
    expect(mixed.code).not.toBe(0)
    expect(mixed.stderr).toContain('alone')
  })
})
