// What the registry receives for each image operation of the bundled actions and the CLI, counted
// on the registry's side by a proxy in front of a real registry (distribution 2.8), open and
// with token auth as ghcr.io: exact counts, so an operation that starts asking more fails here.
// The README's "What it asks the registry" table gives these figures.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  type CountingProxy,
  type RegistryMode,
  type TestRegistry,
  startCountingProxy,
  startRegistry
} from '../hosts/registry.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { signedBy } from '../helpers/signed-by.js'
import { PROJECT_ROOT, runAction, runPost } from '../helpers/runner.js'
import { pushLayout } from '../helpers/skopeo.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const image = writeTestImage(tempDir('layout-'))
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()

type Operation =
  | 'seal by tag'
  | 'seal by digest'
  | 'seal by tag, push-to-registry'
  | 'verify by tag'
  | 'promote, retag'
  | 'promote, copy-to'
  | 'status, image tags'

/** Requests the registry received per operation (by method), and the token requests beside them. */
type Counts = Record<Operation, { registry: Record<string, number>; tokens: number }>

const EXPECTED: Record<'open' | 'token', Counts> = {
  open: {
    'seal by tag': { registry: { HEAD: 1, GET: 1 }, tokens: 0 },
    'seal by digest': { registry: { GET: 1 }, tokens: 0 },
    'seal by tag, push-to-registry': { registry: { HEAD: 3, GET: 3, POST: 1, PUT: 3 }, tokens: 0 },
    'verify by tag': { registry: { HEAD: 1, GET: 5 }, tokens: 0 },
    'promote, retag': { registry: { HEAD: 5, GET: 5, PUT: 1 }, tokens: 0 },
    'promote, copy-to': { registry: { HEAD: 8, GET: 12, POST: 7, PUT: 7 }, tokens: 0 },
    'status, image tags': { registry: { HEAD: 2 }, tokens: 0 }
  },
  // Each repository's first request is challenged (401) and asks the token server once per scope.
  token: {
    'seal by tag': { registry: { HEAD: 2, GET: 1 }, tokens: 1 },
    'seal by digest': { registry: { GET: 2 }, tokens: 1 },
    'seal by tag, push-to-registry': { registry: { HEAD: 4, GET: 3, POST: 1, PUT: 3 }, tokens: 2 },
    'verify by tag': { registry: { HEAD: 2, GET: 5 }, tokens: 1 },
    'promote, retag': { registry: { HEAD: 6, GET: 5, PUT: 1 }, tokens: 3 },
    'promote, copy-to': { registry: { HEAD: 9, GET: 12, POST: 7, PUT: 7 }, tokens: 2 },
    'status, image tags': { registry: { HEAD: 4 }, tokens: 2 }
  }
}

function cliRun(
  args: string[],
  cwd: string,
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe.each<'open' | 'token'>(['open', 'token'])('requests per image operation (%s)', (mode) => {
  let registry: TestRegistry
  let proxy: CountingProxy
  let env: Record<string, string>
  let workspace: string

  beforeAll(async () => {
    registry = await startRegistry(mode as RegistryMode)
    proxy = await startCountingProxy(registry)
    await pushLayout(proxy, image.dir, 'v1', 'acme/app', 'v1')
    const home = tempDir('home-')
    fs.mkdirSync(path.join(home, '.docker'))
    const auths =
      proxy.username === null
        ? {}
        : {
            [proxy.host]: {
              auth: Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')
            }
          }
    fs.writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ auths }))
    env = { HOME: home, DOCKER_CONFIG: path.join(home, '.docker') }
    const policy = [
      'environments:',
      '  dev:',
      '    image: { tag: dev }',
      '  prod:',
      `    image: { copy-to: "${proxy.host}/prod/app:stable" }`,
      ''
    ].join('\n')
    workspace = writeTree(tempDir('counts-'), { '.github/promotion.yml': policy })
    expect(
      spawnSync(process.execPath, [CLI, 'ledger', 'init', '--ledger', 'file:ledger.jsonl'], {
        cwd: workspace
      }).status
    ).toBe(0)
  })
  afterAll(async () => {
    await proxy?.close()
    await registry?.close()
  })

  it('asks the registry exactly this much for each operation', async () => {
    const counts = {} as Counts
    const measure = async (operation: Operation, run: () => Promise<{ code: number | null }>) => {
      proxy.reset()
      const tokensBefore = registry.tokenServer?.log.length ?? 0
      const result = await run()
      expect([operation, result.code]).toEqual([operation, 0])
      const byMethod: Record<string, number> = {}
      for (const r of proxy.received) byMethod[r.method] = (byMethod[r.method] ?? 0) + 1
      counts[operation] = {
        registry: byMethod,
        tokens: (registry.tokenServer?.log.length ?? 0) - tokensBefore
      }
    }
    const tag = `oci://${proxy.host}/acme/app:v1`
    let digest = ''
    await measure('seal by tag', async () => {
      const run = await runAction(
        'dist/seal/index.js',
        { 'subject-path': tag, sign: 'none' },
        { env }
      )
      digest = run.outputs.digest ?? ''
      return run
    })
    await measure('seal by digest', () =>
      runAction(
        'dist/seal/index.js',
        { 'subject-path': `oci://${proxy.host}/acme/app@${digest}`, sign: 'none' },
        { env }
      )
    )
    await measure('seal by tag, push-to-registry', () =>
      runAction(
        'dist/seal/index.js',
        { 'subject-path': tag, 'signing-key': PRIVATE_KEY, 'push-to-registry': 'true' },
        { env }
      )
    )
    await measure('verify by tag', () =>
      runAction(
        'dist/verify/index.js',
        {
          'subject-path': tag,
          'expected-digest': digest,
          'signed-by': signedBy({ key: PUBLIC_KEY })
        },
        { env }
      )
    )
    const promote = async (environment: string) => {
      const inputs = {
        environment,
        'subject-path': tag,
        'expected-digest': digest,
        ledger: 'file:ledger.jsonl',
        'signed-by': signedBy({ key: PUBLIC_KEY })
      }
      const main = await runAction('dist/promote/index.js', inputs, { workspace, env })
      if (main.code !== 0) return main
      return runPost('dist/promote/post.js', main, inputs, { env })
    }
    await measure('promote, retag', () => promote('dev'))
    await measure('promote, copy-to', () => promote('prod'))
    await measure('status, image tags', () =>
      cliRun(['status', '--ledger', 'file:ledger.jsonl', '--json'], workspace, env)
    )
    expect(counts).toEqual(EXPECTED[mode])
  })
})
