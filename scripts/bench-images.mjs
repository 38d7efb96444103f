// npm run bench -- images: sealing and verifying an image by tag against a local registry
// (CNCF distribution 2.8 from Debian's docker-registry, on loopback, no auth), beside
// skopeo on the same tag (issue 19's target: within 2× of `skopeo inspect`). Each case is
// a whole process from spawn to exit, the cases taking turns: the bundled seal action with
// `subject-path: oci://<registry>/bench/app:v1` and the bundled verify action with the same
// reference and `expected-digest`, each run as a runner runs it (INPUT_* variables, the
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE files, a fresh RUNNER_TEMP), against
// `skopeo inspect` (the tag, the platform manifest and its config for the image's summary)
// and `skopeo inspect --raw` (the manifest bytes alone). The floors under any Node client
// come last: bare node, node making one request with node:http, node making one with fetch.
// The registry and the test image come from the tests' own harness (__tests__/hosts/registry.ts,
// __tests__/helpers/oci-layout.ts, pushed with skopeo copy --all).
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { runnerStep } from './startup-steps.mjs'

const RUNS = 15
const TARGET_RATIO = 2

/** The harness, bundled: the TypeScript of the tests as node runs it. */
async function bundleHarness(root, dir) {
  await build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    outExtension: { '.js': '.mjs' },
    outdir: dir,
    stdin: {
      contents: [
        "export { startRegistry, requireImageTools } from './__tests__/hosts/registry.ts'",
        "export { writeTestImage } from './__tests__/helpers/oci-layout.ts'",
        "export { pushLayout } from './__tests__/helpers/skopeo.ts'"
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'harness.ts',
      loader: 'ts'
    },
    entryNames: 'harness'
  })
  return import(pathToFileURL(path.join(dir, 'harness.mjs')).href)
}

function spawnTimed(command, args, options) {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024, ...options }, (error, stdout) => {
      if (error)
        reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}`))
      else resolve({ seconds: (performance.now() - started) / 1000, stdout })
    })
  })
}

/**
 * A bundled action as a runner runs it: its inputs as INPUT_* variables, the runner's files
 * fresh each run, a HOME with no Docker login (the registry is open).
 */
function actionCase(kit, dir, label, entry, inputs, check) {
  const home = fs.mkdtempSync(path.join(dir, 'home-'))
  const workspace = fs.mkdtempSync(path.join(dir, 'workspace-'))
  return {
    label,
    async run() {
      const step = runnerStep(dir, { action: entry, inputs, workspace, home })
      const { seconds, stdout } = await spawnTimed(
        process.execPath,
        [path.join(kit.dist, entry, 'index.js')],
        { cwd: workspace, env: step.env }
      )
      const outputs = step.outputs()
      step.remove()
      check(outputs, stdout)
      return seconds
    }
  }
}

function commandCase(label, command, args, check) {
  return {
    label,
    async run() {
      const { seconds, stdout } = await spawnTimed(command, args, {})
      check(stdout)
      return seconds
    }
  }
}

function expect(label, what, actual, wanted, log) {
  if (actual !== wanted)
    throw new Error(
      `${label}: ${what} is ${JSON.stringify(actual)}, not ${JSON.stringify(wanted)}\n${log.slice(-2000)}`
    )
}

export async function measureImages(kit, outDir) {
  const dir = fs.mkdtempSync(path.join(outDir, 'images-'))
  const harness = await bundleHarness(kit.root, dir)
  harness.requireImageTools()
  const registry = await harness.startRegistry('open')
  try {
    const image = harness.writeTestImage(path.join(dir, 'layout'))
    await harness.pushLayout(registry, image.dir, 'v1', 'bench/app', 'v1')
    const reference = `${registry.host}/bench/app:v1`
    const digest = image.digests.index
    const v2 = `http://${registry.host}/v2/`
    const cases = [
      actionCase(
        kit,
        dir,
        'seal action, subject-path: oci://…:v1',
        'seal',
        { 'subject-path': `oci://${reference}` },
        (outputs, log) => {
          expect('seal action', 'output digest', outputs.digest, digest, log)
          expect(
            'seal action',
            'output image-ref',
            outputs['image-ref'],
            `${registry.host}/bench/app@${digest}`,
            log
          )
        }
      ),
      actionCase(
        kit,
        dir,
        'verify action, the same tag + expected-digest',
        'verify',
        { 'subject-path': `oci://${reference}`, 'expected-digest': digest },
        (outputs, log) => expect('verify action', 'output verified', outputs.verified, 'true', log)
      ),
      commandCase(
        'skopeo inspect',
        'skopeo',
        ['inspect', '--tls-verify=false', `docker://${reference}`],
        (out) => expect('skopeo inspect', 'Digest', JSON.parse(out).Digest, digest, out)
      ),
      commandCase(
        'skopeo inspect --raw',
        'skopeo',
        ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`],
        (out) =>
          expect(
            'skopeo inspect --raw',
            'mediaType',
            JSON.parse(out).mediaType !== undefined,
            true,
            out
          )
      ),
      // The floors of any client in Node: starting node, and starting it and making one request,
      // with node:http (loaded at start) and with fetch (undici, loaded on first use).
      commandCase(
        'node, one node:http GET of /v2/',
        process.execPath,
        [
          '-e',
          `require('node:http').get(${JSON.stringify(v2)}, (r) => { r.resume(); process.stdout.write(String(r.statusCode)) })`
        ],
        (out) => expect('node:http', 'status', out, '200', out)
      ),
      commandCase(
        'node, one fetch of /v2/',
        process.execPath,
        ['-e', `fetch(${JSON.stringify(v2)}).then((r) => process.stdout.write(String(r.status)))`],
        (out) => expect('fetch', 'status', out, '200', out)
      ),
      commandCase('node -e 0', process.execPath, ['-e', '0'], () => {})
    ]
    const before = kit.cpuSnapshot()
    const times = cases.map(() => [])
    for (let run = 0; run < kit.WARMUP_RUNS + RUNS; run++) {
      for (const [i, c] of cases.entries()) {
        const seconds = await c.run()
        if (run >= kit.WARMUP_RUNS) times[i].push(seconds)
      }
    }
    const load = kit.otherLoad(before)
    const medians = times.map((t) => kit.median(t))
    const skopeo = medians[2]
    const rows = cases.map((c, i) => ({
      label: c.label,
      median: medians[i],
      min: Math.min(...times[i])
    }))
    const skopeoVersion = execFileSync('skopeo', ['--version'], { encoding: 'utf8' }).trim()
    const registryVersion = execFileSync('docker-registry', ['--version'], {
      encoding: 'utf8'
    }).trim()
    console.log(
      `\nan image by tag on a local registry (${registryVersion}; ${skopeoVersion}): ${RUNS} runs after ` +
        `${kit.WARMUP_RUNS} warm-up, taking turns, spawn to exit`
    )
    kit.table(
      [
        ['case', 'median', 'min', 'vs skopeo inspect'],
        ...rows.map((r) => [
          r.label,
          kit.seconds(r.median),
          kit.seconds(r.min),
          kit.ratio(r.median / skopeo)
        ])
      ],
      ['l', 'r', 'r', 'r']
    )
    if (load) console.log(load)
    const figure = (i) =>
      `${kit.seconds(medians[i])} / ${kit.seconds(skopeo)} = ${kit.ratio(medians[i] / skopeo)} (≤ ${kit.ratio(TARGET_RATIO)})`
    return {
      rows,
      targets: [
        [
          'image by tag: the seal action within 2× of skopeo inspect',
          medians[0] / skopeo <= TARGET_RATIO,
          figure(0)
        ],
        [
          'image by tag: the verify action within 2× of skopeo inspect',
          medians[1] / skopeo <= TARGET_RATIO,
          figure(1)
        ]
      ]
    }
  } finally {
    await registry.close()
  }
}
