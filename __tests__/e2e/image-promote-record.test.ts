// push-to-registry on the bundled promote action and the CLI: the promotion's signed record (a
// SLSA verification summary) attached to the image in a real registry (distribution 2.8, token
// auth as ghcr.io) in the layout the seal's attestation uses, found again by the referrers
// reader and verified; skopeo reads the layout; a registry that refuses the push leaves the
// promotion standing, with a warning naming the image.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { createHash, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { BUNDLE_PREDICATE_TYPE_ANNOTATION } from '../../src/core/image/attestation.js'
import { fallbackTag } from '../../src/core/image/referrers.js'
import { parseImageReference } from '../../src/core/image/reference.js'
import { VSA_PREDICATE_TYPE } from '../../src/core/signing/vsa.js'
import { SLSA_PROVENANCE_TYPE } from '../../src/core/statement.js'
import { verifyAttestation } from '../../src/attestation/verify-bundle.js'
import { finishImagePromotion } from '../../src/app/promote/image-promotion.js'
import { RegistryClient } from '../../src/stores/registry/client.js'
import { type TestRegistry, startRegistry } from '../hosts/registry.js'
import { imageBundle } from '../helpers/image-bundle.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { signedBy } from '../helpers/signed-by.js'
import { PROJECT_ROOT, runAction, runPost } from '../helpers/runner.js'
import { inspectRaw, pushLayout, tagDigest } from '../helpers/skopeo.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const SIGSTORE_BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'

const image = writeTestImage(tempDir('layout-'))
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()

function loggedIn(registry: TestRegistry): Record<string, string> {
  const home = tempDir('home-')
  const dockerConfig = path.join(home, '.docker')
  fs.mkdirSync(dockerConfig)
  const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64')
  fs.writeFileSync(
    path.join(dockerConfig, 'config.json'),
    JSON.stringify({ auths: { [registry.host]: { auth } } })
  )
  return { HOME: home, DOCKER_CONFIG: dockerConfig }
}

/** The bundled CLI, run without blocking this process (whose token server it asks). */
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

describe('push-to-registry on promote: the signed record beside the image (token auth)', () => {
  let registry: TestRegistry
  let env: Record<string, string>
  let workspace: string
  let reader: RegistryClient
  let digest: Digest

  beforeAll(async () => {
    registry = await startRegistry('token')
    await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
    env = loggedIn(registry)
    const policy = [
      'environments:',
      '  dev:',
      '    image: { tag: dev }',
      '  qa: {}',
      '  cli:',
      `    image: { tag: cli, copy-to: "${registry.host}/cli/app:stable" }`,
      '  prod:',
      '    requires: [dev]',
      `    image: { copy-to: "${registry.host}/prod/app:stable" }`,
      ''
    ].join('\n')
    workspace = writeTree(tempDir('promote-record-'), {
      '.github/promotion.yml': policy,
      'record.pem': PRIVATE_KEY,
      'record.pub': PUBLIC_KEY
    })
    expect(
      spawnSync(process.execPath, [CLI, 'ledger', 'init', '--ledger', 'file:ledger.jsonl'], {
        cwd: workspace
      }).status
    ).toBe(0)
    reader = new RegistryClient({
      credentials: {
        explicit: [
          { registry: registry.host, username: registry.username!, password: registry.password! }
        ],
        env: {},
        homeDir: tempDir('home-')
      }
    })
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
    digest = sealed.outputs.digest as Digest
  })
  afterAll(async () => {
    await registry?.close()
  })

  const inputs = (environment: string, reference: string) => ({
    environment,
    'subject-path': `oci://${registry.host}/${reference}`,
    'expected-digest': digest,
    ledger: 'file:ledger.jsonl',
    'signed-by': signedBy({ key: PUBLIC_KEY }),
    'signing-key': PRIVATE_KEY,
    'push-to-registry': 'true'
  })

  /** The verification summaries attached to `repository@digest`, verified with the record key. */
  async function summaries(repository: string) {
    const found = await reader.bundles(
      parseImageReference(`${registry.host}/${repository}`, 'image'),
      digest,
      { predicateType: VSA_PREDICATE_TYPE }
    )
    return Promise.all(
      found.map(async (f) => ({
        bytes: f.bundle,
        referrer: f.referrer,
        verified: await verifyAttestation(JSON.parse(f.bundle.toString('utf8')), {
          publicKeys: [{ publicKey: keys.publicKey }]
        })
      }))
    )
  }

  it(
    'attaches the VSA of the allowed promotion to the sealed digest, where the reader finds and verifies it, ' +
      'and the seal is still the one signature verify takes',
    async () => {
      const run = await runAction(PROMOTE, inputs('dev', 'acme/app:v1'), { workspace, env })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ promoted: 'true', digest })
      expect(run.stdout).toContain(
        `Attached the signed record (verification summary) to ${registry.host}/acme/app@${digest}`
      )
      expect(run.summary).toContain('Signed record attached to the image as')
      expect(run.stdout).not.toContain('::warning::')
      // The bytes attached are the summary the ledger keeps beside the record.
      const kept = fs.readFileSync(path.join(workspace, run.outputs['attestation-url']!))
      const attached = await summaries('acme/app')
      expect(attached).toHaveLength(1)
      expect(attached[0]!.bytes.equals(kept)).toBe(true)
      const statement = attached[0]!.verified.statement as unknown as {
        predicateType: string
        subject: { digest: { sha256: string } }[]
        predicate: { verificationResult: string; resourceUri: string }
      }
      expect(statement.predicateType).toBe(VSA_PREDICATE_TYPE)
      expect(statement.subject.map((s) => `sha256:${s.digest.sha256}`)).toEqual([digest])
      expect(statement.predicate.verificationResult).toBe('PASSED')
      expect(statement.predicate.resourceUri).toContain('environment:dev')
      expect(attached[0]!.verified.signer).toMatchObject({ kind: 'key' })

      // skopeo, another client: the fallback index lists the seal and the summary, each an artifact whose one
      // layer is its bundle and whose subject is the image.
      const index = JSON.parse(
        (await inspectRaw(registry, 'acme/app', fallbackTag(digest))).toString()
      ) as {
        manifests: { digest: string; artifactType: string; annotations: Record<string, string> }[]
      }
      expect(
        index.manifests.map((m) => [
          m.artifactType,
          m.annotations[BUNDLE_PREDICATE_TYPE_ANNOTATION]
        ])
      ).toEqual([
        [SIGSTORE_BUNDLE, SLSA_PROVENANCE_TYPE],
        [SIGSTORE_BUNDLE, VSA_PREDICATE_TYPE]
      ])
      const artifact = JSON.parse(
        (await inspectRaw(registry, 'acme/app', index.manifests[1]!.digest)).toString()
      ) as {
        layers: { mediaType: string; digest: string; size: number }[]
        subject: { digest: string }
      }
      expect(artifact.layers).toEqual([
        {
          mediaType: SIGSTORE_BUNDLE,
          digest: `sha256:${createHash('sha256').update(kept).digest('hex')}`,
          size: kept.length
        }
      ])
      expect(artifact.subject.digest).toBe(digest)
      expect(await tagDigest(registry, 'acme/app', 'dev')).toBe(digest)

      const post = await runPost('dist/promote/post.js', run, inputs('dev', 'acme/app:v1'), { env })
      expect(post.code).toBe(0)
    }
  )

  it('attaches before the copy, so the copy carries the seal and every summary; verify of the copy takes the seal', async () => {
    const run = await runAction(PROMOTE, inputs('prod', 'acme/app:dev'), { workspace, env })
    expect(run.code === 0 ? '' : run.stdout).toBe('')
    expect(run.outputs['image-ref']).toBe(`${registry.host}/prod/app@${digest}`)
    const copied = await summaries('prod/app')
    expect(
      copied.map(
        (c) =>
          (c.verified.statement as unknown as { predicate: { resourceUri: string } }).predicate
            .resourceUri
      )
    ).toEqual([
      expect.stringContaining('environment:dev'),
      expect.stringContaining('environment:prod')
    ])
    const verify = await runAction(
      'dist/verify/index.js',
      {
        'subject-path': `oci://${registry.host}/prod/app:stable`,
        'expected-digest': digest,
        'signed-by': signedBy({ key: PUBLIC_KEY })
      },
      { env }
    )
    expect(verify.code).toBe(0)
    expect(verify.outputs).toMatchObject({ verified: 'true' })
  })

  it(
    'a registry that refuses the push after the record was written: the promotion stands, a warning names the ' +
      'image and the reason',
    async () => {
      const before = registry.tokenServer!.grant
      // The job's credentials may pull but not push: the gate passes, the attachment cannot.
      registry.tokenServer!.grant = (_user, _repository, actions) =>
        actions.filter((a) => a === 'pull')
      try {
        const run = await runAction(PROMOTE, inputs('qa', 'acme/app:v1'), { workspace, env })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ promoted: 'true', digest })
        expect(run.outputs['record-id']).not.toBe('')
        const warning = run.stdout.split('\n').find((l) => l.startsWith('::warning::'))
        expect(warning).toContain(
          `push-to-registry: the signed record was not attached to ${registry.host}/acme/app@${digest}`
        )
        expect(warning).toContain('The promotion stands')
        expect(run.summary).toContain('Signed record not attached to the image')
        const ledger = fs
          .readFileSync(path.join(workspace, 'ledger.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { record?: { environment: string; outcome: string } })
        expect(ledger.at(-1)?.record).toMatchObject({ environment: 'qa', outcome: 'pending' })
      } finally {
        registry.tokenServer!.grant = before
      }
      // Nothing was attached for qa.
      expect(
        (await summaries('acme/app')).map(
          (c) =>
            (c.verified.statement as unknown as { predicate: { resourceUri: string } }).predicate
              .resourceUri
        )
      ).not.toContainEqual(expect.stringContaining('environment:qa'))
    }
  )

  it('refuses push-to-registry without signed records or without an image, naming the input', async () => {
    const unsigned = await runAction(
      PROMOTE,
      { ...inputs('qa', 'acme/app:v1'), 'signing-key': '' },
      { workspace, env }
    )
    expect(unsigned.code).toBe(1)
    expect(unsigned.stdout).toContain(
      'push-to-registry: "true" attaches the promotion\'s signed record'
    )
    expect(unsigned.outputs).toEqual({})
    const files = await runAction(
      PROMOTE,
      { ...inputs('qa', 'acme/app:v1'), 'subject-path': 'record.pub' },
      { workspace, env }
    )
    expect(files.code).toBe(1)
    expect(files.stdout).toContain('this promotion is not of an image')
    expect(files.outputs).toEqual({})
  })

  it('the CLI takes --push-to-registry with --signing-key and attaches the summary the same way', async () => {
    const run = await cliRun(
      [
        'promote',
        digest,
        '--environment',
        'qa',
        '--path',
        `oci://${registry.host}/acme/app:v1`,
        '--ledger',
        'file:ledger.jsonl',
        '--public-key',
        'record.pub',
        '--signing-key',
        'record.pem',
        '--push-to-registry'
      ],
      workspace,
      env
    )
    expect(run.code === 0 ? '' : run.stderr).toBe('')
    expect(run.stdout).toContain('Attached the signed record (verification summary)')
    expect(run.stdout).toContain(`Deploy ${registry.host}/acme/app@${digest}`)
    expect(
      (await summaries('acme/app')).map(
        (c) =>
          (c.verified.statement as unknown as { predicate: { resourceUri: string } }).predicate
            .resourceUri
      )
    ).toContainEqual(expect.stringContaining('environment:qa'))
  })
  it(
    "the CLI's promote retags and copies as the policy's image rule says, and hands the deploy command the " +
      "copy's digest reference",
    async () => {
      const run = await cliRun(
        [
          'promote',
          digest,
          '--environment',
          'cli',
          '--path',
          `oci://${registry.host}/acme/app:v1`,
          '--ledger',
          'file:ledger.jsonl',
          '--public-key',
          'record.pub',
          '--',
          'sh',
          '-c',
          'echo "deploying $ARTIFACT_SEAL_IMAGE_REF"'
        ],
        workspace,
        env
      )
      expect(run.code === 0 ? '' : run.stderr).toBe('')
      expect(await tagDigest(registry, 'acme/app', 'cli')).toBe(digest)
      expect(await tagDigest(registry, 'cli/app', 'stable')).toBe(digest)
      expect(
        (await inspectRaw(registry, 'cli/app', 'stable')).equals(
          await inspectRaw(registry, 'acme/app', 'v1')
        )
      ).toBe(true)
      expect(run.stdout).toContain(`deploying ${registry.host}/cli/app@${digest}`)
      expect(run.stdout).toContain(`Deploy ${registry.host}/cli/app@${digest}`)
    }
  )
})

describe('finishImagePromotion against the registry: a summary for another digest is never attached', () => {
  let registry: TestRegistry
  beforeAll(async () => {
    registry = await startRegistry('open')
    await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
    await pushLayout(registry, image.dir, 'single', 'acme/app', 'single')
  })
  afterAll(async () => {
    await registry?.close()
  })

  it('refuses, as a warning, a signed record whose statement is about other bytes; nothing is pushed', async () => {
    const client = new RegistryClient({ credentials: { env: {}, homeDir: tempDir('home-') } })
    // A summary signed for the index, handed in for the single image.
    const bundle = (
      await imageBundle(`${registry.host}/acme/app`, image.digests.index, 'vsa', VSA_PREDICATE_TYPE)
    ).toString('utf8')
    const single = image.digests.single as Digest
    const done = await finishImagePromotion(
      {
        reference: parseImageReference(`${registry.host}/acme/app:single`, 'image'),
        digest: single,
        environment: 'dev',
        rule: undefined,
        pushToRegistry: true,
        signedRecord: bundle,
        signedRecordUri: null,
        pushInput: 'push-to-registry'
      },
      client
    )
    expect(done.recordAttached).toBeNull()
    expect(done.recordNotAttached).toContain(`not the image ${single}`)
    expect(
      await client.referrers(parseImageReference(`${registry.host}/acme/app`, 'image'), single)
    ).toEqual([])
  })
})
