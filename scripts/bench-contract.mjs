// npm run bench -- contract: classifying a 5 MB OpenAPI document of 1,000 operations
// against a changed copy (issue 10), beside oasdiff on the same pair; GitHub's GraphQL
// schema (1.2 MB, @octokit/graphql-schema 15.24.0 -> 15.25.0) beside graphql-inspector
// alone; and two 50 MB YAML documents through the bundled CLI, for time and peak memory
// (issue 16). Each command reads
// the two JSON files, parses them, classifies and prints its changes as JSON, in a fresh
// process. The engine is the classifier of src/ behind JSON.parse, as oasdiff is its
// differ behind its loader; `artifact-seal contract diff` is the same classifier behind
// the CLI's loader, which reads every contract as YAML. The probe of the performance
// test adds the time the classification alone takes.
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
const EXPECTED_RULES = [
  'api-removed-without-deprecation',
  'new-required-request-parameter',
  'response-property-enum-value-added',
  'response-optional-property-removed',
  'request-property-enum-value-added'
]
const GNU_TIME = '/usr/bin/time'
const GRAPHQL_RUNS = 5
const GRAPHQL_TARGET = 2
const GRAPHQL_PAIR = ['octokit-graphql-schema-15.24.0', 'octokit-graphql-schema-15.25.0'].map(
  (name) => path.join('node_modules', name, 'schema.graphql')
)
const YAML_RUNS = 2
/** Operations that make each YAML document about 50 MB. */
const YAML_OPERATIONS = 5800
const YAML_TARGET_RSS = 1.2e9

// graphql-inspector alone: parse and build both schemas, diff them, as its CLI does.
const INSPECTOR_SOURCE = `
import fs from 'node:fs'
import { buildSchema } from 'graphql'
import { diff } from '@graphql-inspector/core'
const [before, after] = process.argv.slice(2, 4).map((file) => buildSchema(fs.readFileSync(file, 'utf8')))
process.stdout.write(String((await diff(before, after)).length) + '\\n')
`

// The engine on the same pair: what contract diff runs for a .graphql file.
const GRAPHQL_ENGINE_SOURCE = `
import fs from 'node:fs'
import { classifyGraphql } from './src/core/contract/graphql.ts'
const [before, after] = process.argv.slice(2, 4).map((file) => fs.readFileSync(file, 'utf8'))
process.stdout.write(String((await classifyGraphql(before, after, { file: 'schema.graphql' })).length) + '\\n')
`

// The engine's command: what `contract diff --json` prints, without the CLI's loader.
const ENGINE_SOURCE = `
import fs from 'node:fs'
import { classifyOpenApi } from './src/core/contract/openapi/index.ts'
const [before, after] = process.argv.slice(2, 4).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')))
const changes = classifyOpenApi(before, after, { file: 'openapi.json', now: new Date(process.argv[4]) })
process.stdout.write(JSON.stringify({ changes: changes.map(({ rule, severity, kind, location, message }) => ({ rule, severity, kind, location, message })) }, null, 2) + '\\n')
`

/**
 * The fixtures, the probe and the engine are TypeScript, which node's type stripping cannot load
 * through their .js imports.
 */
async function bundleTestCode(root, dir) {
  const options = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  }
  await build({
    ...options,
    entryPoints: {
      fixtures: '__tests__/core/contract/openapi-fixtures.ts',
      probe: '__tests__/core/contract/openapi-performance-probe.ts'
    },
    outdir: dir,
    outExtension: { '.js': '.mjs' }
  })
  const engine = path.join(dir, 'engine.mjs')
  await build({
    ...options,
    stdin: {
      contents: ENGINE_SOURCE,
      resolveDir: root,
      sourcefile: 'bench-contract-engine.ts',
      loader: 'ts'
    },
    outfile: engine
  })
  // graphql is CommonJS and requires node built-ins; the ESM bundles get a require.
  const withRequire = {
    ...options,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
    }
  }
  const inspector = path.join(dir, 'inspector.mjs')
  await build({
    ...withRequire,
    stdin: {
      contents: INSPECTOR_SOURCE,
      resolveDir: root,
      sourcefile: 'bench-graphql-inspector.ts',
      loader: 'ts'
    },
    outfile: inspector
  })
  const graphql = path.join(dir, 'graphql-engine.mjs')
  await build({
    ...withRequire,
    stdin: {
      contents: GRAPHQL_ENGINE_SOURCE,
      resolveDir: root,
      sourcefile: 'bench-graphql-engine.ts',
      loader: 'ts'
    },
    outfile: graphql
  })
  return {
    fixtures: path.join(dir, 'fixtures.mjs'),
    probe: path.join(dir, 'probe.mjs'),
    engine,
    inspector,
    graphql
  }
}

async function writeDocuments(fixturesModule, dir) {
  const { largeOpenApiDocument, changedCopy } = await import(pathToFileURL(fixturesModule).href)
  const before = largeOpenApiDocument(OPERATIONS)
  const files = { before: path.join(dir, 'before.json'), after: path.join(dir, 'after.json') }
  fs.writeFileSync(files.before, JSON.stringify(before))
  fs.writeFileSync(files.after, JSON.stringify(changedCopy(before)))
  return {
    ...files,
    bytes: fs.statSync(files.before).size,
    afterBytes: fs.statSync(files.after).size
  }
}

// oasdiff is a Go binary behind a node wrapper (node_modules/.bin/oasdiff); its memory is
// measured from outside, which GNU time does for a whole process tree. Without GNU time
// oasdiff's RSS is left out; the engine's never is.
function oasdiffCommand(command, args, rssFile) {
  return fs.existsSync(GNU_TIME)
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]]
    : [command, args]
}

function contractTools(kit, documents, engine, dir) {
  const rssFile = path.join(dir, 'maxrss')
  const readKib = () => Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) * 1024
  const checkEngine = (label) => (stdout) => {
    const { changes } = JSON.parse(stdout)
    const rules = new Set(changes.map((c) => c.rule))
    const missing = EXPECTED_RULES.filter((rule) => !rules.has(rule))
    if (missing.length > 0) throw new Error(`${label} did not report ${missing.join(', ')}`)
    return changes.length
  }
  const node = (label, args) => ({
    label,
    command: [process.execPath, ['--import', kit.RSS_PRELOAD, ...args]],
    env: { BENCH_RSS_FILE: rssFile },
    exitCodes: [],
    rss: readKib,
    check: checkEngine(label)
  })
  return [
    node('engine (JSON.parse, classifyOpenApi)', [engine, documents.before, documents.after, AT]),
    {
      label: 'oasdiff changelog',
      command: oasdiffCommand(
        path.join(kit.root, 'node_modules', '.bin', 'oasdiff'),
        ['changelog', documents.before, documents.after, '-f', 'json'],
        rssFile
      ),
      exitCodes: [],
      rss: fs.existsSync(GNU_TIME) ? readKib : () => null,
      check: (stdout) => {
        const changes = JSON.parse(stdout || '[]') ?? []
        if (changes.length === 0) throw new Error('oasdiff found no change between the documents')
        return changes.length
      }
    },
    // Exit code 1 says that a change is breaking, which this copy has.
    {
      ...node('artifact-seal contract diff (the bundled CLI)', [
        kit.cli,
        'contract',
        'diff',
        documents.before,
        documents.after,
        '--json',
        '--at',
        AT
      ]),
      exitCodes: [1]
    }
  ]
}

function runTool(tool) {
  const [command, args] = tool.command
  const started = performance.now()
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...tool.env }
  })
  const elapsed = (performance.now() - started) / 1000
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`)
  if (result.status !== 0 && !tool.exitCodes.includes(result.status)) {
    throw new Error(
      `${tool.label} exited with ${result.status ?? result.signal}\n${result.stderr.trim()}`
    )
  }
  return { elapsed, changes: tool.check(result.stdout), rss: tool.rss() }
}

function runProbe(probe) {
  const result = spawnSync(process.execPath, [probe], { encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(
      `the performance probe exited with ${result.status ?? result.signal}\n${result.stderr.trim()}`
    )
  return JSON.parse(result.stdout)
}

export async function measureContract(kit, workDir) {
  const dir = fs.mkdtempSync(path.join(workDir, 'contract-'))
  const bundles = await bundleTestCode(kit.root, dir)
  const documents = await writeDocuments(bundles.fixtures, dir)
  const tools = contractTools(kit, documents, bundles.engine, dir)
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
  const probe = {
    ms: kit.median(probes.map((p) => p.ms)),
    heapMb: Math.max(...probes.map((p) => p.heapMb)),
    changes: probes[0].changes
  }
  console.log(
    `\nclassifying a ${kit.megabytes(documents.bytes)} OpenAPI document of ${OPERATIONS.toLocaleString('en-US')} operations against a changed copy ` +
      (`(${kit.megabytes(documents.afterBytes)}), ${CONTRACT_RUNS} runs after ${kit.WARMUP_RUNS} warm-up, ` +
        'taking turns, with peak RSS')
  )
  kit.table(
    [
      ['command', 'median', 'min', 'max RSS', 'changes', 'engine / command'],
      ...rows.map((r) => [
        r.label,
        kit.seconds(r.median),
        kit.seconds(r.min),
        r.rss === null ? '—' : kit.megabytes(r.rss),
        r.changes,
        r === engine ? '' : kit.ratio(engine.median / r.median)
      ])
    ],
    ['l', 'r', 'r', 'r', 'r', 'r']
  )
  // The probe's documents are built in its own memory, so only its timings say anything.
  console.log(
    `  the classification alone (performance probe, in process): median ${probe.ms.toFixed(0)} ms, heap growth ` +
      `up to ${probe.heapMb.toFixed(0)} MB, ${probe.changes} changes`
  )
  if (load) console.log(load)
  const [, oasdiff, cli] = rows
  const target = [
    '5 MB OpenAPI classification: under 1 s and 300 MB',
    engine.median < TARGET_SECONDS && engine.rss < TARGET_RSS,
    `engine ${kit.seconds(engine.median)}, ${kit.megabytes(engine.rss)} (< 1.000 s, < 300.0 MB), ${kit.ratio(engine.median / oasdiff.median)} oasdiff; classifying alone ${probe.ms.toFixed(0)} ms; CLI ${kit.seconds(cli.median)}, ${kit.megabytes(cli.rss)}`
  ]
  const graphql = measureGraphql(kit, bundles, dir)
  const yaml = await measureLargeYaml(kit, bundles, dir)
  return { rows, probe, target, targets: [target, graphql, yaml] }
}

/** GitHub's GraphQL schema, engine against graphql-inspector alone, in fresh processes taking turns. */
function measureGraphql(kit, bundles, dir) {
  const [before, after] = GRAPHQL_PAIR.map((file) => path.join(kit.root, file))
  if (!fs.existsSync(before) || !fs.existsSync(after))
    throw new Error(`${GRAPHQL_PAIR.join(' and ')} are missing: run npm ci`)
  const rssFile = path.join(dir, 'maxrss-graphql')
  const readKib = () => Number(fs.readFileSync(rssFile, 'utf8').trim()) * 1024
  const tool = (label, bundle) => ({
    label,
    command: [process.execPath, ['--import', kit.RSS_PRELOAD, bundle, before, after]],
    env: { BENCH_RSS_FILE: rssFile },
    exitCodes: [],
    rss: readKib,
    check: (stdout) => Number(stdout.trim())
  })
  const tools = [
    tool('engine (classifyGraphql)', bundles.graphql),
    tool('graphql-inspector alone (buildSchema + diff)', bundles.inspector)
  ]
  const runs = tools.map(() => [])
  for (let round = 0; round < kit.WARMUP_RUNS + GRAPHQL_RUNS; round++) {
    tools.forEach((t, i) => {
      const result = runTool(t)
      if (round >= kit.WARMUP_RUNS) runs[i].push(result)
    })
  }
  const rows = tools.map((t, i) => ({
    label: t.label,
    median: kit.median(runs[i].map((r) => r.elapsed)),
    rss: Math.max(...runs[i].map((r) => r.rss)),
    changes: runs[i][0].changes
  }))
  const [engine, inspector] = rows
  if (engine.changes !== inspector.changes)
    throw new Error(
      `the engine reported ${engine.changes} changes, graphql-inspector ${inspector.changes}`
    )
  console.log(
    `\nGitHub's GraphQL schema (${kit.megabytes(fs.statSync(after).size)}, 15.24.0 -> 15.25.0), ${GRAPHQL_RUNS} runs after ${kit.WARMUP_RUNS} warm-up, taking turns`
  )
  kit.table(
    [
      ['command', 'median', 'max RSS', 'changes'],
      ...rows.map((r) => [r.label, kit.seconds(r.median), kit.megabytes(r.rss), r.changes])
    ],
    ['l', 'r', 'r', 'r']
  )
  const ratio = engine.median / inspector.median
  return [
    'GitHub GraphQL schema: within 2× of graphql-inspector alone',
    ratio <= GRAPHQL_TARGET,
    `engine ${kit.seconds(engine.median)} / inspector ${kit.seconds(inspector.median)} = ${kit.ratio(ratio)} ` +
      `(≤ ${kit.ratio(GRAPHQL_TARGET)})`
  ]
}

/** Two 50 MB YAML documents (the large fixture written as YAML) through the bundled CLI: time and peak memory. */
async function measureLargeYaml(kit, bundles, dir) {
  const { largeOpenApiDocument, changedCopy } = await import(pathToFileURL(bundles.fixtures).href)
  const { dump } = await import('js-yaml')
  const before = largeOpenApiDocument(YAML_OPERATIONS)
  const files = {
    before: path.join(dir, 'yaml-before', 'openapi.yaml'),
    after: path.join(dir, 'yaml-after', 'openapi.yaml')
  }
  for (const [file, document] of [
    [files.before, before],
    [files.after, changedCopy(before)]
  ]) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, dump(document, { noRefs: true, lineWidth: -1 }))
  }
  const rssFile = path.join(dir, 'maxrss-yaml')
  const tool = {
    label: 'artifact-seal contract diff (the bundled CLI)',
    command: [
      process.execPath,
      [
        '--import',
        kit.RSS_PRELOAD,
        kit.cli,
        'contract',
        'diff',
        files.before,
        files.after,
        '--json',
        '--at',
        AT
      ]
    ],
    env: { BENCH_RSS_FILE: rssFile },
    exitCodes: [1],
    rss: () => Number(fs.readFileSync(rssFile, 'utf8').trim()) * 1024,
    check: (stdout) => JSON.parse(stdout).changes.length
  }
  const runs = Array.from({ length: YAML_RUNS }, () => runTool(tool))
  const median = kit.median(runs.map((r) => r.elapsed))
  const rss = Math.max(...runs.map((r) => r.rss))
  const sizes = `${kit.megabytes(fs.statSync(files.before).size)} and ${kit.megabytes(fs.statSync(files.after).size)}`
  console.log(
    `\ntwo YAML documents of ${sizes} (${YAML_OPERATIONS.toLocaleString('en-US')} operations) through contract ` +
      `diff, ${YAML_RUNS} runs: median ${kit.seconds(median)}, peak RSS ${kit.megabytes(rss)}, ${runs[0].changes} changes`
  )
  return [
    'two 50 MB YAML documents: contract diff under 1.2 GB',
    rss < YAML_TARGET_RSS,
    `${kit.seconds(median)}, peak RSS ${kit.megabytes(rss)} (< ${kit.megabytes(YAML_TARGET_RSS)})`
  ]
}
