// npm run bench -- images: resolving and fetching an image by tag against a local registry
// (CNCF distribution 2.8 from Debian's docker-registry, on loopback, no auth), beside
// skopeo on the same tag (issue 19's target: within 2× of `skopeo inspect`). Each case is
// a whole process from spawn to exit: the registry client bundled from src/ with a small
// entry (the actions do not use it yet) that pins the tag (HEAD, then GET by digest, bytes
// hashed), against `skopeo inspect` (the tag, the platform manifest and its config for the
// image's summary) and `skopeo inspect --raw` (the manifest bytes alone). The registry and
// the test image come from the tests' own harness (__tests__/hosts/registry.ts,
// __tests__/helpers/oci-layout.ts, pushed with skopeo copy --all).
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const RUNS = 15
const TARGET_RATIO = 2

/** The harness and the probe, bundled: the TypeScript of the tests and src/ as node runs it. */
async function bundle(root, dir) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    outExtension: { '.js': '.mjs' },
    outdir: dir
  }
  await build({
    ...common,
    stdin: {
      contents: [
        "export { startRegistry, requireImageTools } from './__tests__/hosts/registry.ts'",
        "export { writeTestImage } from './__tests__/helpers/oci-layout.ts'",
        "export { pushLayout, tagDigest } from './__tests__/helpers/skopeo.ts'"
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'harness.ts',
      loader: 'ts'
    },
    entryNames: 'harness'
  })
  // What a seal by tag will do first: parse the reference, resolve the tag, fetch and prove the manifest.
  await build({
    ...common,
    stdin: {
      contents: [
        "import { parseImageReference } from './src/core/image/reference.ts'",
        "import { RegistryClient } from './src/stores/registry/client.ts'",
        "const pinned = await new RegistryClient().pin(parseImageReference(process.argv[2], 'image'))",
        'process.stdout.write(`${pinned.digestReference}\\n`)'
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'probe.ts',
      loader: 'ts'
    },
    entryNames: 'probe'
  })
  return {
    harness: await import(pathToFileURL(path.join(dir, 'harness.mjs')).href),
    probe: path.join(dir, 'probe.mjs')
  }
}

function timeOnce(command, args) {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}`))
      else resolve({ seconds: (performance.now() - started) / 1000, stdout })
    })
  })
}

export async function measureImages(kit, outDir) {
  const dir = fs.mkdtempSync(path.join(outDir, 'images-'))
  const { harness, probe } = await bundle(kit.root, dir)
  harness.requireImageTools()
  const registry = await harness.startRegistry('open')
  try {
    const image = harness.writeTestImage(path.join(dir, 'layout'))
    await harness.pushLayout(registry, image.dir, 'v1', 'bench/app', 'v1')
    const reference = `${registry.host}/bench/app:v1`
    const cases = [
      {
        label: 'artifact-seal client: resolve + fetch + prove',
        command: process.execPath,
        args: [probe, reference],
        check: (out) => out.trim() === `${registry.host}/bench/app@${image.digests.index}`
      },
      {
        label: 'skopeo inspect',
        command: 'skopeo',
        args: ['inspect', '--tls-verify=false', `docker://${reference}`],
        check: (out) => JSON.parse(out).Digest === image.digests.index
      },
      {
        label: 'skopeo inspect --raw',
        command: 'skopeo',
        args: ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`],
        check: (out) => out.length > 0
      },
      // The floor of any client on Node's fetch: starting node and loading fetch (undici, loaded on
      // first use) for one request.
      {
        label: 'node, one fetch of /v2/',
        command: process.execPath,
        args: [
          '-e',
          `fetch('http://${registry.host}/v2/').then((r) => process.stdout.write(String(r.status)))`
        ],
        check: (out) => out === '200'
      },
      { label: 'node -e 0', command: process.execPath, args: ['-e', '0'], check: () => true }
    ]
    const times = cases.map(() => [])
    for (let run = 0; run < kit.WARMUP_RUNS + RUNS; run++) {
      for (const [i, c] of cases.entries()) {
        const { seconds, stdout } = await timeOnce(c.command, c.args)
        if (!c.check(stdout))
          throw new Error(
            `${c.label} answered ${JSON.stringify(stdout.slice(0, 200))}, not the pushed index ${image.digests.index}`
          )
        if (run >= kit.WARMUP_RUNS) times[i].push(seconds)
      }
    }
    const rows = cases.map((c, i) => ({
      label: c.label,
      median: kit.median(times[i]),
      min: Math.min(...times[i])
    }))
    const skopeoVersion = execFileSync('skopeo', ['--version'], { encoding: 'utf8' }).trim()
    const registryVersion = execFileSync('docker-registry', ['--version'], {
      encoding: 'utf8'
    }).trim()
    console.log(
      `\nan image by tag on a local registry (${registryVersion}; ${skopeoVersion}): ${RUNS} runs after ${kit.WARMUP_RUNS} warm-up, spawn to exit`
    )
    kit.table(
      [
        ['case', 'median', 'min', 'vs skopeo inspect'],
        ...rows.map((r) => [
          r.label,
          kit.seconds(r.median),
          kit.seconds(r.min),
          kit.ratio(r.median / rows[1].median)
        ])
      ],
      ['l', 'r', 'r', 'r']
    )
    const ratio = rows[0].median / rows[1].median
    return {
      rows,
      target: [
        'image by tag: resolve + fetch within 2× of skopeo inspect',
        ratio <= TARGET_RATIO,
        `${kit.seconds(rows[0].median)} / ${kit.seconds(rows[1].median)} = ${kit.ratio(ratio)} (≤ ${kit.ratio(TARGET_RATIO)})`
      ]
    }
  } finally {
    await registry.close()
  }
}
