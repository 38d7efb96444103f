// The image part of npm run demo: one container image promoted beside the files, in a real
// registry on this machine (Debian's docker-registry, CNCF distribution) with skopeo as the
// independent client. Sealed by tag with its signed seal pushed beside it, promoted dev →
// staging by moving each environment's tag to exactly the sealed bytes, then the staging tag
// is moved behind the gate's back: status says so, and the next promotion through it is
// refused. Skipped, saying so, when either tool is missing.
import { spawn, spawnSync } from 'node:child_process'
import { createHash, generateKeyPairSync } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const TOOLS = ['docker-registry', 'skopeo']

/** The policy the image is promoted under: each environment runs the image its tag names. */
const IMAGE_POLICY = `environments:
  dev:
    image: { tag: dev }
  staging:
    requires: [dev]
    image: { tag: staging }
  production:
    requires: [staging]
    image: { tag: production }
`

const DEPLOY_IMAGE_SCRIPT = `#!/bin/sh
# A real one would run: kubectl set image deploy/hello hello="$ARTIFACT_SEAL_IMAGE_REF"
echo "deploying $ARTIFACT_SEAL_IMAGE_REF to $ARTIFACT_SEAL_ENVIRONMENT (never the tag)"
`

const missingTools = () =>
  TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)

/**
 * Runs the image part; `artifactSeal` runs the bundled CLI in `work` and prints what it says,
 * `step` prints a heading. The registry is stopped before it returns, whatever happens.
 */
export async function imageDemo({ work, artifactSeal, step }) {
  step('A container image, promoted by moving its tags in a registry')
  const missing = missingTools()
  if (missing.length > 0) {
    console.log(
      `skipped: the image part needs ${missing.join(' and ')} (apt-get install docker-registry skopeo)`
    )
    return
  }
  const registry = await startRegistry(work)
  try {
    const layout = path.join(work, 'image-layout')
    writeImageLayout(layout, '1.0', 'hello from 1.0')
    writeImageLayout(layout, '1.1', 'hello from 1.1, pushed by hand')
    skopeo([
      'copy',
      '--quiet',
      '--dest-tls-verify=false',
      `oci:${layout}:1.0`,
      `docker://${registry.host}/hello:1.0`
    ])
    console.log(
      `a registry on ${registry.host} (docker-registry), with ${registry.host}/hello:1.0 pushed by skopeo`
    )
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    writeFileSync(
      path.join(work, 'image-key.pem'),
      keys.privateKey.export({ type: 'pkcs8', format: 'pem' })
    )
    writeFileSync(
      path.join(work, 'image-key.pub'),
      keys.publicKey.export({ type: 'spki', format: 'pem' })
    )
    writeFileSync(path.join(work, 'images.yml'), IMAGE_POLICY)
    writeFileSync(path.join(work, 'deploy-image.sh'), DEPLOY_IMAGE_SCRIPT)
    console.log(`images.yml:\n${IMAGE_POLICY}`)
    const ledger = ['--ledger', 'file:images.jsonl', '--policy', 'images.yml']

    step('Seal the image by its tag, and push the signed seal beside it in the registry')
    const sealed = JSON.parse(
      artifactSeal(
        [
          'seal',
          `oci://${registry.host}/hello:1.0`,
          '--signing-key',
          'image-key.pem',
          '--push-to-registry',
          '--out',
          'sealed-image',
          '--json'
        ],
        { quiet: true }
      ).stdout
    )
    console.log(`sealed ${sealed.imageRef ?? `${registry.host}/hello@${sealed.digest}`}`)
    console.log(
      `tags now: ${tags(registry, 'hello').join(', ')}  (sha256-…: the signed seal, as actions/attest attaches it)`
    )

    step(
      "Promote it to dev, then staging: each moves that environment's tag to exactly the sealed bytes"
    )
    artifactSeal(['ledger', 'init', '--ledger', 'file:images.jsonl'])
    const promote = (environment, tag, extra = [], options = {}) =>
      artifactSeal(
        [
          'promote',
          sealed.digest,
          '--environment',
          environment,
          '--path',
          `oci://${registry.host}/hello:${tag}`,
          '--public-key',
          'image-key.pub',
          ...ledger,
          ...extra,
          '--',
          'sh',
          'deploy-image.sh'
        ],
        options
      )
    promote('dev', '1.0')
    promote('staging', 'dev', ['--signing-key', 'image-key.pem', '--push-to-registry'])
    console.log(
      `$ skopeo inspect docker://${registry.host}/hello:staging  →  ${tagDigest(registry, 'hello', 'staging')}`
    )

    step("Someone pushes another image to the staging tag behind the gate's back")
    skopeo([
      'copy',
      '--quiet',
      '--dest-tls-verify=false',
      `oci:${layout}:1.1`,
      `docker://${registry.host}/hello:staging`
    ])
    console.log(`staging now names ${tagDigest(registry, 'hello', 'staging')}`)
    artifactSeal(['status', ...ledger])

    step('The next promotion through the staging tag: refused, the tag moved')
    const refused = promote('production', 'staging', [], { allowFailure: true })
    console.log(`exit code ${refused.status}`)
  } finally {
    registry.stop()
  }
}

function skopeo(args) {
  const run = spawnSync('skopeo', args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME }
  })
  if (run.status !== 0) throw new Error(`skopeo ${args[0]} failed: ${run.stderr}`)
  return run.stdout
}

function tagDigest(registry, repository, tag) {
  return skopeo([
    'inspect',
    '--tls-verify=false',
    '--format',
    '{{.Digest}}',
    `docker://${registry.host}/${repository}:${tag}`
  ]).trim()
}

function tags(registry, repository) {
  return JSON.parse(
    skopeo(['list-tags', '--tls-verify=false', `docker://${registry.host}/${repository}`])
  ).Tags.sort()
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** docker-registry on 127.0.0.1, in memory, until stop(). */
async function startRegistry(work) {
  for (let attempt = 1; ; attempt++) {
    const host = `127.0.0.1:${await freePort()}`
    const config = path.join(work, 'registry.yml')
    writeFileSync(
      config,
      `version: 0.1\nlog: { level: error, accesslog: { disabled: true } }\nstorage: { inmemory: {} }\nhttp: { addr: "${host}", secret: demo-only }\n`
    )
    const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' })
    for (let i = 0; i < 400 && child.exitCode === null; i++) {
      try {
        const response = await globalThis.fetch(`http://${host}/v2/`)
        await response.arrayBuffer()
        if (response.status === 200) return { host, stop: () => child.kill() }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    child.kill()
    if (attempt >= 3) throw new Error('docker-registry did not start')
  }
}

const sha256 = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** A ustar archive of one file, mtime 0: the same bytes every time. */
function tarOf(name, text) {
  const body = Buffer.from(text)
  const header = Buffer.alloc(512)
  header.write(name, 0, 100, 'utf8')
  header.write('0000644\0', 100)
  header.write('0000000\0', 108)
  header.write('0000000\0', 116)
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124)
  header.write('00000000000\0', 136)
  header.write('        ', 148)
  header.write('0', 156)
  header.write('ustar\0', 257)
  header.write('00', 263)
  let sum = 0
  for (const byte of header) sum += byte
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  return Buffer.concat([
    header,
    body,
    Buffer.alloc((512 - (body.length % 512)) % 512),
    Buffer.alloc(1024)
  ])
}

/** Adds a one-layer linux/amd64 image tagged `tag` to an OCI image layout in `dir`. */
function writeImageLayout(dir, tag, text) {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true })
  const put = (bytes) => {
    const digest = sha256(bytes)
    writeFileSync(path.join(dir, 'blobs', 'sha256', digest.slice(7)), bytes)
    return { digest, size: bytes.length }
  }
  const tar = tarOf('etc/hello.txt', `${text}\n`)
  const layer = put(gzipSync(tar, { level: 9 }))
  const config = put(
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: {},
        rootfs: { type: 'layers', diff_ids: [sha256(tar)] }
      })
    )
  )
  const manifest = put(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }]
      })
    )
  )
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  const indexFile = path.join(dir, 'index.json')
  let index = { schemaVersion: 2, manifests: [] }
  try {
    index = JSON.parse(readFileSync(indexFile, 'utf8'))
  } catch {
    // a new layout
  }
  index.manifests.push({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    ...manifest,
    annotations: { 'org.opencontainers.image.ref.name': tag }
  })
  writeFileSync(indexFile, JSON.stringify(index))
}
