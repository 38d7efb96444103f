// The bundled seal, verify and promote actions on an image in a real registry (CNCF
// distribution 2.8 from Debian) in its three authentication modes, credentials given as
// docker/login-action leaves them (a Docker config.json), with skopeo as the independent
// reader of what each tag names.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { createHash, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { IMAGE_ANNOTATION } from '../../src/core/image/sealed-image.js'
import { DIGEST_ONLY_ANNOTATION } from '../../src/core/statement.js'
import { fallbackTag } from '../../src/core/image/referrers.js'
import { parseImageReference } from '../../src/core/image/reference.js'
import { RegistryClient } from '../../src/stores/registry/client.js'
import { type RegistryMode, type TestRegistry, startRegistry } from '../hosts/registry.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { signedBy } from '../helpers/signed-by.js'
import { type ActionRun, PROJECT_ROOT, runAction, runPost } from '../helpers/runner.js'
import { inspectRaw, listTags, pushLayout, tagDigest } from '../helpers/skopeo.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'

const image = writeTestImage(tempDir('layout-'))
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()

/** The bundled CLI, run without blocking this process (whose token server it may ask). */
function cliRun(
  args: string[],
  cwd: string,
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/index.js'), ...args], {
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

/** A HOME and DOCKER_CONFIG as docker/login-action leaves them: `auths[host].auth`, base64 of user:password. */
function loggedIn(
  registry: TestRegistry,
  as: { username: string; password: string } | null = registry.username === null
    ? null
    : { username: registry.username, password: registry.password! }
): Record<string, string> {
  const home = tempDir('home-')
  const dockerConfig = path.join(home, '.docker')
  fs.mkdirSync(dockerConfig)
  const auths =
    as === null
      ? {}
      : {
          [registry.host]: { auth: Buffer.from(`${as.username}:${as.password}`).toString('base64') }
        }
  fs.writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify({ auths }))
  return { HOME: home, DOCKER_CONFIG: dockerConfig }
}

describe.each<RegistryMode>(['open', 'htpasswd', 'token'])(
  'an image in distribution 2.8 (%s)',
  (mode) => {
    let registry: TestRegistry
    let env: Record<string, string>
    let sealed: ActionRun

    beforeAll(async () => {
      registry = await startRegistry(mode)
      await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
      await pushLayout(registry, image.dir, 'single', 'acme/app', 'single')
      env = loggedIn(registry)
      // The seal every test of this registry starts from (its signed bundle attached to v1).
      sealed = await runAction(
        SEAL,
        {
          'subject-path': `oci://${registry.host}/acme/app:v1`,
          'signing-key': PRIVATE_KEY,
          'push-to-registry': 'true'
        },
        { env }
      )
    })
    afterAll(async () => {
      await registry?.close()
    })

    it(
      'seal resolves the tag, seals the index digest skopeo reads, records the platforms and attaches the ' +
        'signed seal',
      async () => {
        const run = sealed
        expect(run.stderr).toBe('')
        expect(run.code).toBe(0)
        const digest = await tagDigest(registry, 'acme/app', 'v1')
        expect(digest).toBe(image.digests.index)
        expect(run.outputs).toMatchObject({
          digest,
          'subject-name': `${registry.host}/acme/app`,
          'image-ref': `${registry.host}/acme/app@${digest}`
        })
        expect(run.summary).toContain(
          `| Content | the image \`${registry.host}/acme/app@${digest}\`, an index of \`linux/amd64\`, ` +
            '`linux/arm64/v8`, resolved from the tag `v1`'
        )
        expect(run.summary).toContain(`subject-path: oci://${registry.host}/acme/app:v1`)

        const statement = JSON.parse(fs.readFileSync(run.outputs['statement-path']!, 'utf8')) as {
          subject: {
            name: string
            digest: { sha256: string }
            annotations: Record<string, unknown>
          }[]
        }
        expect(statement.subject).toHaveLength(1)
        expect(statement.subject[0]).toMatchObject({
          name: `${registry.host}/acme/app`,
          digest: { sha256: digest.slice('sha256:'.length) }
        })
        expect(statement.subject[0]!.annotations[DIGEST_ONLY_ANNOTATION]).toBe(true)
        // The attestation manifest (unknown/unknown) is not a platform.
        expect(statement.subject[0]!.annotations[IMAGE_ANNOTATION]).toEqual({
          reference: `${registry.host}/acme/app@${digest}`,
          tag: 'v1',
          mediaType: 'application/vnd.oci.image.index.v1+json',
          platforms: [
            { platform: 'linux/amd64', digest: image.digests.amd64 },
            { platform: 'linux/arm64/v8', digest: image.digests.arm64 }
          ]
        })

        // Distribution has no referrers API: the bundle is listed under the fallback tag, where
        // another client finds it.
        expect(await listTags(registry, 'acme/app')).toContain(fallbackTag(digest as Digest))
        const reader = new RegistryClient({
          credentials: {
            explicit:
              registry.username === null
                ? []
                : [
                    {
                      registry: registry.host,
                      username: registry.username,
                      password: registry.password!
                    }
                  ],
            env: {},
            homeDir: tempDir('home-')
          }
        })
        const attached = await reader.bundles(
          parseImageReference(`${registry.host}/acme/app`, 'image'),
          digest as Digest
        )
        const sealBundle = fs.readFileSync(run.outputs['bundle-path']!)
        expect(attached.map((found) => found.bundle.equals(sealBundle))).toEqual([true])
        // skopeo, another client, reads the layout actions/attest writes: the fallback index lists
        // the artifact, whose one layer is the seal's bundle and whose subject is the image.
        const fallback = JSON.parse(
          (await inspectRaw(registry, 'acme/app', fallbackTag(digest as Digest))).toString()
        ) as { manifests: { digest: string; artifactType: string }[] }
        expect(fallback.manifests).toEqual([
          expect.objectContaining({ artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json' })
        ])
        const artifact = JSON.parse(
          (await inspectRaw(registry, 'acme/app', fallback.manifests[0]!.digest)).toString()
        ) as {
          artifactType: string
          layers: { mediaType: string; digest: string; size: number }[]
          subject: { digest: string; mediaType: string }
        }
        expect(artifact.artifactType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
        expect(artifact.layers).toEqual([
          {
            mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
            digest: `sha256:${createHash('sha256').update(sealBundle).digest('hex')}`,
            size: sealBundle.length
          }
        ])
        expect(artifact.subject).toEqual({
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest,
          size: expect.any(Number)
        })
      }
    )

    it(
      'verify checks the image by tag, takes the signature attached in the registry and hands out the digest ' +
        'reference',
      async () => {
        const digest = image.digests.index
        const run = await runAction(
          VERIFY,
          {
            'subject-path': `oci://${registry.host}/acme/app:v1`,
            'expected-digest': digest,
            'signed-by': signedBy({ key: PUBLIC_KEY })
          },
          { env }
        )
        expect(run.stderr).toBe('')
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({
          verified: 'true',
          digest,
          'image-ref': `${registry.host}/acme/app@${digest}`,
          path: ''
        })
        expect(JSON.parse(run.outputs.signer!)).toMatchObject({ kind: 'key' })
      }
    )

    it('verify refuses a tag that names another digest than the sealed one: the tag moved', async () => {
      const run = await runAction(
        VERIFY,
        {
          'subject-path': `oci://${registry.host}/acme/app:single`,
          'expected-digest': image.digests.index
        },
        { env }
      )
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('the tag moved')
      expect(run.stdout).toContain(image.digests.single)
      expect(run.outputs).toEqual({})
    })

    it('verify accepts a platform digest only as a platform image of the sealed index', async () => {
      const platform = await runAction(
        VERIFY,
        {
          'subject-path': `oci://${registry.host}/acme/app@${image.digests.arm64}`,
          'expected-digest': image.digests.index
        },
        { env }
      )
      expect(platform.code).toBe(0)
      expect(platform.outputs).toMatchObject({
        verified: 'true',
        'image-ref': `${registry.host}/acme/app@${image.digests.arm64}`
      })
      for (const other of [image.digests.attestation, image.digests.single]) {
        const refused = await runAction(
          VERIFY,
          {
            'subject-path': `oci://${registry.host}/acme/app@${other}`,
            'expected-digest': image.digests.index
          },
          { env }
        )
        expect(refused.code).toBe(1)
        expect(refused.stdout).toContain(`${other} is not the sealed digest`)
        expect(refused.outputs).toEqual({})
      }
    })

    if (mode !== 'open') {
      // The token server gives anonymous callers pull (a public image), so there the push is what needs credentials.
      it('without credentials the seal fails naming the registry, and writes nothing', async () => {
        const inputs = {
          'subject-path': `oci://${registry.host}/acme/app:v1`,
          'signing-key': PRIVATE_KEY,
          ...(mode === 'token' ? { 'push-to-registry': 'true' } : {})
        }
        const run = await runAction(SEAL, inputs, { env: loggedIn(registry, null) })
        expect(run.code).toBe(1)
        expect(run.stdout).toContain(`the registry ${registry.host}`)
        expect(run.stdout).toContain('none were found for it')
        expect(run.stdout).toContain(`docker login ${registry.host}`)
        // The actions have no registry-username/registry-password inputs: a message must not send users to them.
        expect(run.stdout).not.toContain('registry-username')
        expect(run.outputs).toEqual({})
        expect(fs.existsSync(path.join(run.temp, 'artifact-seal'))).toBe(false)
      })
    }
  }
)

describe('promoting an image with the bundled promote action (token auth, as ghcr.io)', () => {
  const PROMOTE = 'dist/promote/index.js'
  const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
  const POLICY =
    'environments:\n  dev:\n    platforms: [linux/amd64, linux/arm64]\n  prod:\n    requires: [dev]\n    ' +
    'platforms: [linux/amd64, linux/s390x]\n'
  let registry: TestRegistry
  let env: Record<string, string>
  let workspace: string

  beforeAll(async () => {
    registry = await startRegistry('token')
    await Promise.all([
      pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1'),
      pushLayout(registry, image.dir, 'v1', 'acme/moving', 'v1')
    ])
    env = loggedIn(registry)
    workspace = writeTree(tempDir('promote-image-'), { '.github/promotion.yml': POLICY })
    expect(
      spawnSync(process.execPath, [CLI, 'ledger', 'init', '--ledger', 'file:ledger.jsonl'], {
        cwd: workspace
      }).status
    ).toBe(0)
  })
  afterAll(async () => {
    await registry?.close()
  })

  const ledgerLines = (): { outcome: string; digest: string; environment: string }[] =>
    fs
      .readFileSync(path.join(workspace, 'ledger.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .slice(1)
      .map(
        (l) =>
          (JSON.parse(l) as { record: { outcome: string; digest: string; environment: string } })
            .record
      )
  const inputs = (environment: string, reference: string, digest: string) => ({
    environment,
    'subject-path': `oci://${reference}`,
    'expected-digest': digest,
    ledger: 'file:ledger.jsonl',
    'signed-by': signedBy({ key: PUBLIC_KEY })
  })
  const promote = (environment: string, reference: string, digest: string) =>
    runAction(PROMOTE, inputs(environment, reference, digest), { workspace, env })

  it(
    'promotes the sealed image by tag, hands the deploy step the digest reference, and refuses an environment ' +
      'whose platforms the index lacks',
    async () => {
      const sealed = await runAction(
        SEAL,
        {
          'subject-path': `oci://${registry.host}/acme/app:v1`,
          'signing-key': PRIVATE_KEY,
          'push-to-registry': 'true'
        },
        { env }
      )
      expect(sealed.code).toBe(0)
      const digest = sealed.outputs.digest!

      const dev = await promote('dev', `${registry.host}/acme/app:v1`, digest)
      expect(dev.code).toBe(0)
      expect(dev.outputs).toMatchObject({
        promoted: 'true',
        digest,
        'image-ref': `${registry.host}/acme/app@${digest}`,
        path: ''
      })
      expect(JSON.parse(dev.outputs.signer!)).toMatchObject({ kind: 'key' })
      const confirmed = await runPost(
        'dist/promote/post.js',
        dev,
        inputs('dev', `${registry.host}/acme/app:v1`, digest),
        { env }
      )
      expect(confirmed.code).toBe(0)

      const prod = await promote('prod', `${registry.host}/acme/app:v1`, digest)
      expect(prod.outputs).toMatchObject({ promoted: 'false', 'image-ref': '' })
      const bytes = (
        JSON.parse(prod.outputs.decision!) as {
          checks: { rule: string; passed: boolean; detail: string }[]
        }
      ).checks.find((c) => c.rule === 'bytes')
      expect(bytes).toMatchObject({
        passed: false,
        detail: expect.stringContaining('"linux/s390x"')
      })
      expect(ledgerLines().map((r) => [r.environment, r.outcome])).toEqual([
        ['dev', 'pending'],
        ['dev', 'deployed'],
        ['prod', 'refused']
      ])
    }
  )

  it('refuses the promotion when the tag moved after the seal, and records the refusal, not the image', async () => {
    const sealed = await runAction(
      SEAL,
      { 'subject-path': `oci://${registry.host}/acme/moving:v1`, 'signing-key': PRIVATE_KEY },
      { env }
    )
    expect(sealed.code).toBe(0)
    // Someone pushes another image under the same tag behind the gate's back.
    await pushLayout(registry, image.dir, 'single', 'acme/moving', 'v1')
    const before = ledgerLines().length
    const run = await promote('dev', `${registry.host}/acme/moving:v1`, sealed.outputs.digest!)
    expect(run.outputs).toMatchObject({ promoted: 'false', 'image-ref': '' })
    const bytes = (
      JSON.parse(run.outputs.decision!) as {
        checks: { rule: string; passed: boolean; detail: string }[]
      }
    ).checks.find((c) => c.rule === 'bytes')
    expect(bytes).toMatchObject({ passed: false, detail: expect.stringContaining('the tag moved') })
    expect(bytes?.detail).toContain(image.digests.single)
    expect(
      ledgerLines()
        .slice(before)
        .map((r) => r.outcome)
    ).toEqual(['refused'])
  })
})

describe.each<RegistryMode>(['open', 'htpasswd', 'token'])(
  'promoting an image by retag and copy through dev, staging and production, then rolling back (%s)',
  (mode) => {
    const PROMOTE = 'dist/promote/index.js'
    const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
    let registry: TestRegistry
    let env: Record<string, string>
    let workspace: string

    beforeAll(async () => {
      registry = await startRegistry(mode)
      await Promise.all([
        pushLayout(registry, image.dir, 'v1', 'acme/svc', 'v1'),
        pushLayout(registry, image.dir, 'single', 'acme/svc', 'v2')
      ])
      env = loggedIn(registry)
      const policy = [
        'environments:',
        '  dev:',
        '    image: { tag: dev }',
        '  staging:',
        '    requires: [dev]',
        '    image: { tag: staging }',
        '  production:',
        '    requires: [staging]',
        `    image: { tag: production, copy-to: "${registry.host}/prod/svc:stable" }`,
        ''
      ].join('\n')
      workspace = writeTree(tempDir('promote-retag-'), { '.github/promotion.yml': policy })
      expect(
        spawnSync(process.execPath, [CLI, 'ledger', 'init', '--ledger', 'file:ledger.jsonl'], {
          cwd: workspace
        }).status
      ).toBe(0)
    })
    afterAll(async () => {
      await registry?.close()
    })

    /** A job that promotes and succeeds: the promote step, then its post step, which confirms the deployment. */
    async function promoteJob(
      environment: string,
      reference: string,
      digest: string,
      extra: Record<string, string> = {}
    ) {
      const inputs = {
        environment,
        'subject-path': `oci://${registry.host}/${reference}`,
        'expected-digest': digest,
        ledger: 'file:ledger.jsonl',
        'signed-by': signedBy({ key: PUBLIC_KEY }),
        ...extra
      }
      const main = await runAction(PROMOTE, inputs, { workspace, env })
      expect(main.stderr).toBe('')
      expect(main.code === 0 ? '' : main.stdout).toBe('')
      const post = await runPost('dist/promote/post.js', main, inputs, { env })
      expect(post.code).toBe(0)
      return main
    }

    it(
      'moves each environment tag to exactly the sealed bytes, copies to production with the signed seal, and ' +
        'rolls back by digest',
      async () => {
        const v1 = await runAction(
          SEAL,
          {
            'subject-path': `oci://${registry.host}/acme/svc:v1`,
            'signing-key': PRIVATE_KEY,
            'push-to-registry': 'true'
          },
          { env }
        )
        const v2 = await runAction(
          SEAL,
          {
            'subject-path': `oci://${registry.host}/acme/svc:v2`,
            'signing-key': PRIVATE_KEY,
            'push-to-registry': 'true'
          },
          { env }
        )
        expect([v1.code, v2.code]).toEqual([0, 0])
        const [d1, d2] = [v1.outputs.digest!, v2.outputs.digest!]

        const dev = await promoteJob('dev', 'acme/svc:v1', d1)
        expect(dev.outputs['image-ref']).toBe(`${registry.host}/acme/svc@${d1}`)
        expect(await tagDigest(registry, 'acme/svc', 'dev')).toBe(d1)
        // Each environment takes what the one before it runs, by its tag.
        await promoteJob('staging', 'acme/svc:dev', d1)
        expect(await tagDigest(registry, 'acme/svc', 'staging')).toBe(d1)
        const production = await promoteJob('production', 'acme/svc:staging', d1)
        expect(production.outputs['image-ref']).toBe(`${registry.host}/prod/svc@${d1}`)
        expect(production.summary).toContain(
          `| Deploy | \`${registry.host}/prod/svc@${d1}\` (the image by digest, never the tag) |`
        )
        expect(await tagDigest(registry, 'acme/svc', 'production')).toBe(d1)
        expect(await tagDigest(registry, 'prod/svc', 'stable')).toBe(d1)
        expect(
          (await inspectRaw(registry, 'prod/svc', 'stable')).equals(
            await inspectRaw(registry, 'acme/svc', 'v1')
          )
        ).toBe(true)
        // The signed seal travelled with the copy: a verify of the copy by its tag finds it there.
        const copied = await runAction(
          VERIFY,
          {
            'subject-path': `oci://${registry.host}/prod/svc:stable`,
            'expected-digest': d1,
            'signed-by': signedBy({ key: PUBLIC_KEY })
          },
          { env }
        )
        expect(copied.code).toBe(0)
        expect(copied.outputs).toMatchObject({
          verified: 'true',
          'image-ref': `${registry.host}/prod/svc@${d1}`
        })

        await promoteJob('dev', 'acme/svc:v2', d2)
        expect(await tagDigest(registry, 'acme/svc', 'dev')).toBe(d2)
        const back = await promoteJob('dev', 'acme/svc:dev', 'previous', { rollback: 'true' })
        expect(back.outputs).toMatchObject({
          promoted: 'true',
          digest: d1,
          'image-ref': `${registry.host}/acme/svc@${d1}`
        })
        expect(await tagDigest(registry, 'acme/svc', 'dev')).toBe(d1)

        // Someone moves staging's tag behind the gate's back: status says so, and the next promotion
        // through that tag is refused.
        await pushLayout(registry, image.dir, 'single', 'acme/svc', 'staging')
        // Asynchronously: the token server answers from this process.
        const status = await cliRun(
          ['status', '--ledger', 'file:ledger.jsonl', '--json'],
          workspace,
          env
        )
        expect(status.code).toBe(0)
        const images = (
          JSON.parse(status.stdout) as {
            environment: string
            image?: { reference: string; names: string; state: string }
          }[]
        ).map((s) => [s.environment, s.image])
        expect(images).toEqual([
          [
            'dev',
            { reference: `${registry.host}/acme/svc:dev`, names: d1, state: 'live', error: null }
          ],
          [
            'staging',
            {
              reference: `${registry.host}/acme/svc:staging`,
              names: d2,
              state: 'moved',
              error: null
            }
          ],
          [
            'production',
            {
              reference: `${registry.host}/acme/svc:production`,
              names: d1,
              state: 'live',
              error: null
            }
          ]
        ])
        const text = await cliRun(['status', '--ledger', 'file:ledger.jsonl'], workspace, env)
        expect(text.stdout).toContain(
          `image: ${registry.host}/acme/svc:staging names ${d2}, not the live digest: it moved behind the gate`
        )
        const refused = await runAction(
          PROMOTE,
          {
            environment: 'production',
            'subject-path': `oci://${registry.host}/acme/svc:staging`,
            'expected-digest': d1,
            ledger: 'file:ledger.jsonl',
            'signed-by': signedBy({ key: PUBLIC_KEY })
          },
          { workspace, env }
        )
        expect(refused.outputs).toMatchObject({ promoted: 'false', 'image-ref': '' })
        expect(refused.stdout).toContain('the tag moved')
        expect(refused.summary).toContain('it moved behind the gate')
      }
    )
  }
)
