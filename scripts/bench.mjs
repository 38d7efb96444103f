// npm run bench: artifact-seal against the tools a user would otherwise reach for, on
// the cases docs/architecture.md sets targets for (one 1 GiB file, 20,000 small files,
// peak memory). Every figure is the wall time of a whole command from spawn to exit,
// with all fixtures in the page cache, so what is compared is hashing plus each tool's
// own start-up and walking, not the disk.
//
// Exit code 0 whether or not the targets are met (the report says which are missed);
// 1 only if a command fails or a digest disagrees with the sha256sum reference.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import * as nodeModule from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureContract } from './bench-contract.mjs'
import { measureImages } from './bench-images.mjs'
import { measureSigning } from './bench-signing.mjs'
import { runStartupCase, runnerStep, startupCases } from './startup-steps.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
// BENCH_DIST=<dir> measures another build of dist/ (node scripts/package.mjs <dir>), to
// compare a change with the committed one.
const dist = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(root, 'dist')
const cli = path.join(dist, 'cli', 'index.js')
const attestBaseline = path.join(root, 'scripts', 'bench-attest-baseline.mjs')
const benchDir = path.join(root, '.bench')

// Changing a spec changes its marker, which makes the next run regenerate that fixture.
const FIXTURES = {
  big: { kind: 'file', name: 'big-1gib.bin', size: 1 << 30, seed: 1 },
  small: { kind: 'file', name: 'small-4kib.bin', size: 4096, seed: 2 },
  mid: { kind: 'file', name: 'mid-16mib.bin', size: 16 << 20, seed: 3 },
  tree: {
    kind: 'tree',
    name: 'tree-20k',
    files: 20_000,
    minSize: 100,
    maxSize: 8192,
    dirs: [50, 7],
    seed: 20_000
  },
  many: {
    kind: 'tree',
    name: 'tree-100k',
    files: 100_000,
    minSize: 64,
    maxSize: 2048,
    dirs: [200, 10],
    seed: 100_000
  }
}

const RUNS = { big: 3, tree: 5, rss: 3 }
// One untimed run of every tool before the timed ones: the first start of node pays for
// reading and compiling its own code from disk, which no later run does.
const WARMUP_RUNS = 1
const MB = 1e6
const MAX_BUFFER = 256 * 1024 * 1024

// The preload writes the process's peak RSS when it exits. getrusage(RUSAGE_SELF)
// covers every thread, so the hashing workers are counted; only the main thread writes,
// and it exits last.
const RSS_PRELOAD =
  'data:text/javascript,' +
  encodeURIComponent(
    "import fs from 'node:fs'; import { isMainThread } from 'node:worker_threads';" +
      ("if (isMainThread) process.on('exit', () => fs.writeFileSync(process.env.BENCH_RSS_FILE, " +
        'String(process.resourceUsage().maxRSS)))')
  )

// ---------------------------------------------------------------------------
// Output helpers

function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)))
  for (const row of rows) {
    const cells = row.map((cell, c) =>
      align[c] === 'r' ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c])
    )
    console.log(`  ${cells.join('  ').trimEnd()}`)
  }
}

const seconds = (s) => `${s.toFixed(3)} s`
const megabytes = (bytes) =>
  bytes < MB ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / MB).toFixed(1)} MB`
const count = (n) => n.toLocaleString('en-US')
const ratio = (r) => `${r.toFixed(2)}×`
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function firstLine(command, args) {
  const run = spawnSync(command, args, { encoding: 'utf8' })
  return run.error ? `${command}: not found` : run.stdout.split('\n')[0].trim()
}

function printMachine() {
  const cpus = os.cpus()
  console.log('artifact-seal bench')
  console.log(
    `  node ${process.version} · ${os.type()} ${os.release()} ${os.arch()} · ${cpus.length} CPUs ` +
      `(${cpus[0]?.model.trim()}) · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`
  )
  console.log(`  ${firstLine('openssl', ['version'])} · ${firstLine('sha256sum', ['--version'])}`)
}

// Other processes on the 2 cores (a test run, an npm ci) slow every tool, the parallel
// ones most, so each case reports how much CPU time was spent by anything other than
// the bench and the commands it waited for: machine-wide busy time from /proc/stat
// less this process's own time and its children's (cutime and cstime in /proc/self/stat).
const TICK = 0.01 // USER_HZ is 100 on every Linux the bench runs on
function cpuSnapshot() {
  try {
    const [, ...machine] = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .map(Number)
    const busy = machine.slice(0, 8).reduce((a, b) => a + b, 0) - machine[3] - machine[4] // less idle and iowait
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').map(Number)
    const mine = fields[11] + fields[12] + fields[13] + fields[14] // utime stime cutime cstime
    return { busy: busy * TICK, mine: mine * TICK, at: performance.now() / 1000 }
  } catch {
    return undefined // not Linux: the report just leaves the line out
  }
}

function otherLoad(before) {
  const after = cpuSnapshot()
  if (!before || !after) return ''
  const others = Math.max(0, after.busy - before.busy - (after.mine - before.mine))
  const share = others / ((after.at - before.at) * os.cpus().length)
  const note = share > 0.02 ? ': timings are skewed, run again on an idle machine' : ''
  return `  other processes used ${(share * 100).toFixed(1)} % of the CPUs meanwhile${note}`
}

// ---------------------------------------------------------------------------
// Step 1: fixtures. Content comes from a seeded PRNG, so every machine builds the same
// bytes, and a digest seen on one machine can be looked for on another.

function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomBlock(random, size) {
  const block = Buffer.alloc(size)
  for (let i = 0; i + 4 <= size; i += 4) block.writeUInt32LE((random() * 4294967296) >>> 0, i)
  return block
}

const fixturePath = (spec) => path.join(benchDir, spec.name)
const markerPath = (spec) => path.join(benchDir, `${spec.name}.complete`)
const isComplete = (spec) =>
  fs.existsSync(markerPath(spec)) &&
  fs.readFileSync(markerPath(spec), 'utf8') === JSON.stringify(spec)

// One 1 MiB random block repeated, with the block's index written into its first bytes
// so no two blocks are equal; written 16 MiB at a time, it takes seconds, not minutes.
function generateFile(spec) {
  const BLOCK = 1 << 20
  const block = randomBlock(mulberry32(spec.seed), Math.min(BLOCK, spec.size))
  const batch = Buffer.allocUnsafe(Math.min(16 * BLOCK, spec.size))
  const fd = fs.openSync(fixturePath(spec), 'w')
  try {
    for (let written = 0; written < spec.size;) {
      const length = Math.min(batch.length, spec.size - written)
      for (let at = 0; at < length; at += BLOCK) {
        block.copy(batch, at)
        if (length - at >= 8) batch.writeBigUInt64LE(BigInt((written + at) / BLOCK), at)
      }
      written += fs.writeSync(fd, batch, 0, length)
    }
  } finally {
    fs.closeSync(fd)
  }
}

// Sizes uniform in minSize..maxSize; each file is a slice of a random pool at a random
// offset, stamped with its index so that no two files are equal.
function generateTree(spec) {
  const random = mulberry32(spec.seed)
  const pool = randomBlock(random, (1 << 20) + spec.maxSize)
  const [outer, inner] = spec.dirs
  const dirOf = (i) =>
    path.join(
      fixturePath(spec),
      `d${String(i % outer).padStart(2, '0')}`,
      `e${Math.floor(i / outer) % inner}`
    )
  for (let i = 0; i < outer * inner; i++) fs.mkdirSync(dirOf(i), { recursive: true })
  const buffer = Buffer.allocUnsafe(spec.maxSize)
  for (let i = 0; i < spec.files; i++) {
    const size = spec.minSize + Math.floor(random() * (spec.maxSize - spec.minSize + 1))
    const offset = Math.floor(random() * (pool.length - size))
    pool.copy(buffer, 0, offset, offset + size)
    buffer.writeUInt32LE(i, 0)
    fs.writeFileSync(
      path.join(dirOf(i), `f${String(i).padStart(6, '0')}.bin`),
      buffer.subarray(0, size)
    )
  }
}

/** The fixtures by key, all of them unless a section names the few it uses. */
const fixturesOf = (keys) =>
  Object.entries(FIXTURES).filter(([key]) => keys === undefined || keys.includes(key))

function ensureFixtures(keys) {
  fs.mkdirSync(benchDir, { recursive: true })
  const made = []
  for (const [, spec] of fixturesOf(keys)) {
    if (isComplete(spec)) continue
    const started = performance.now()
    fs.rmSync(markerPath(spec), { force: true })
    fs.rmSync(fixturePath(spec), { recursive: true, force: true })
    if (spec.kind === 'file') generateFile(spec)
    else generateTree(spec)
    fs.writeFileSync(markerPath(spec), JSON.stringify(spec))
    made.push(`${spec.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
  }
  // Fresh fixtures are dirty pages; flushing them now keeps writeback from running on
  // the second core while the commands are timed.
  if (made.length > 0) spawnSync('sync')
  console.log(
    `\nfixtures in .bench/: ${made.length > 0 ? `generated ${made.join(', ')}` : 'reused'}`
  )
}

// ---------------------------------------------------------------------------
// Step 2: the page cache. Reading every byte once means that no tool pays for the disk
// and that the order the tools run in does not matter.

function filesOf(spec) {
  if (spec.kind === 'file') return [fixturePath(spec)]
  return fs
    .readdirSync(fixturePath(spec), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

function warmPageCache(keys) {
  const started = performance.now()
  const buffer = Buffer.allocUnsafe(1 << 20)
  const sizes = {}
  for (const [key, spec] of fixturesOf(keys)) {
    const files = filesOf(spec)
    let bytes = 0
    for (const file of files) {
      const fd = fs.openSync(file, 'r')
      for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) bytes += n
      fs.closeSync(fd)
    }
    sizes[key] = { files: files.length, bytes }
  }
  const rows = [['fixture', 'files', 'bytes']]
  for (const [key, spec] of fixturesOf(keys))
    rows.push([spec.name, count(sizes[key].files), megabytes(sizes[key].bytes)])
  table(rows, ['l', 'r', 'r'])
  console.log(`page cache warmed in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return sizes
}

// ---------------------------------------------------------------------------
// Reference digests, from coreutils alone: what README.md promises artifact-seal equals.

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: MAX_BUFFER, ...options })
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`)
  if (result.status !== 0) {
    throw new Error(
      `${[command, ...args].join(' ')} exited with ${result.status ?? result.signal}${options.cwd ? ` in ${options.cwd}` : ''}\n${result.stderr.trim()}`
    )
  }
  return result.stdout
}

const bash = (script, cwd) => ['bash', ['-c', `set -euo pipefail; ${script}`], { cwd }]

function referenceDigests(keys) {
  const started = performance.now()
  const references = {}
  for (const [key, spec] of fixturesOf(keys)) {
    const hex =
      spec.kind === 'file'
        ? run('sha256sum', [fixturePath(spec)]).slice(0, 64)
        : run(
            ...bash(
              "find -L . -type f | cut -c3- | LC_ALL=C sort | xargs -r -d '\\n' sha256sum | sha256sum",
              fixturePath(spec)
            )
          ).slice(0, 64)
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw new Error(`no reference digest for ${spec.name}: got "${hex}"`)
    references[key] = `sha256:${hex}`
  }
  console.log(
    `reference digests (sha256sum pipelines) in ${((performance.now() - started) / 1000).toFixed(1)} s`
  )
  return references
}

/** Fixtures generated when missing, in the page cache, with their reference digests. */
function prepareFixtures(keys) {
  ensureFixtures(keys)
  const sizes = warmPageCache(keys)
  return { sizes, references: referenceDigests(keys) }
}

// ---------------------------------------------------------------------------
// Step 3: timing. Each tool is { label, command: [cmd, args, options], check(stdout) };
// check throws when the output proves the tool did not hash what it was given.

function sealTool(spec, reference, outDir) {
  return {
    label: 'artifact-seal',
    command: [process.execPath, [cli, 'seal', fixturePath(spec), '--out', outDir, '--json']],
    check: (stdout) => checkDigest('artifact-seal', spec, reference, JSON.parse(stdout).digest)
  }
}

function checkDigest(label, spec, reference, digest) {
  if (digest !== reference) {
    throw new Error(
      `${label} digest disagrees with sha256sum on .bench/${spec.name}:\n  ${label.padEnd(13)} ${digest}\n  ` +
        `sha256sum     ${reference}`
    )
  }
}

// @actions/glob logs through @actions/core, whose debug lines go to stdout (a runner
// hides them): the baseline's own JSON is its last line.
const lastLineJson = (stdout) => JSON.parse(stdout.trimEnd().split('\n').at(-1))

// Counts newlines, not lines: two openssl processes share one pipe and their buffered
// writes interleave mid-line, but each still writes exactly one newline per file.
function checkLines(label, expected) {
  return (stdout) => {
    let lines = 0
    for (let at = stdout.indexOf('\n'); at !== -1; at = stdout.indexOf('\n', at + 1)) lines++
    if (lines !== expected)
      throw new Error(`${label} printed ${lines} digests, expected ${expected}`)
  }
}

function bigFileTools(reference, outDir) {
  const spec = FIXTURES.big
  const file = fixturePath(spec)
  return [
    sealTool(spec, reference, outDir),
    {
      label: 'actions/attest algorithm',
      command: [process.execPath, [attestBaseline, file]],
      check: (stdout) => checkDigest('attest', spec, reference, lastLineJson(stdout).digest)
    },
    {
      label: 'sha256sum',
      command: ['sha256sum', [file]],
      check: (stdout) => checkDigest('sha256sum', spec, reference, `sha256:${stdout.slice(0, 64)}`)
    },
    {
      // One file cannot be split between two processes: this is openssl at its best.
      label: 'openssl dgst',
      command: ['openssl', ['dgst', '-sha256', file]],
      check: (stdout) =>
        checkDigest('openssl', spec, reference, `sha256:${stdout.trim().split('= ')[1]}`)
    }
  ]
}

function treeTools(reference, outDir, fileCount) {
  const spec = FIXTURES.tree
  const dir = fixturePath(spec)
  // The baselines write their 20,000 lines to a file, as artifact-seal writes its listing:
  // piping them back to this process would time the pipe, not the hashing.
  const baselineOut = path.join(outDir, 'baseline-output.txt')
  return [
    sealTool(spec, reference, outDir),
    sealActionTool(spec, reference, outDir),
    {
      // The second argument only asks the baseline to fold its digests into dirHash1,
      // so that what it hashed can be checked.
      label: 'actions/attest algorithm',
      command: [process.execPath, [attestBaseline, dir, dir]],
      check: (stdout) => checkDigest('attest', spec, reference, lastLineJson(stdout).digest)
    },
    sha256sumTool(dir, baselineOut, fileCount),
    opensslTool(dir, baselineOut, fileCount)
  ]
}

function sha256sumTool(dir, out, fileCount) {
  return {
    label: 'sha256sum',
    command: bash(`find . -type f -print0 | xargs -0 sha256sum > '${out}'`, dir),
    check: () => checkLines('sha256sum', fileCount)(fs.readFileSync(out, 'utf8'))
  }
}

const OPENSSL_PAIR = 'openssl dgst, 2 in parallel'

function opensslTool(dir, out, fileCount) {
  return {
    label: OPENSSL_PAIR,
    command: bash(
      `find . -type f -print0 | xargs -0 -n ${Math.ceil(fileCount / 2)} -P 2 openssl dgst -sha256 > '${out}'`,
      dir
    ),
    check: () => checkLines('openssl', fileCount)(fs.readFileSync(out, 'utf8'))
  }
}

/**
 * The seal action on a tree, run as a runner runs it: dist/seal/index.js with the inputs
 * action.yml gives by default (summary on, no upload, no cache, sign auto, which signs
 * nothing without an OIDC token), the runner's files, a fresh RUNNER_TEMP per run.
 */
function sealActionTool(spec, reference, outDir) {
  const runnerDir = path.join(outDir, 'action-runs')
  fs.mkdirSync(runnerDir, { recursive: true })
  let step
  const inputs = {
    'subject-path': fixturePath(spec),
    upload: 'false',
    cache: 'false',
    sign: 'auto',
    'github-token': 'ghs_bench'
  }
  return {
    label: 'seal action',
    get command() {
      step = runnerStep(runnerDir, { action: 'seal', inputs, workspace: outDir })
      return [
        process.execPath,
        [path.join(dist, 'seal', 'index.js')],
        { cwd: outDir, env: step.env }
      ]
    },
    check: () => {
      const digest = step.outputs().digest
      step.remove()
      checkDigest('seal action', spec, reference, digest)
    }
  }
}

// Each artifact-seal command runs right after a run of the baseline, pair by pair, so the
// two in a pair meet the same machine: another process that slows one slows both. The
// ratio reported is the ratio of the medians; the median of each pair's own ratio beside
// it says how much the machine moved meanwhile.
const TREE_PAIRS = 7

function timePairs(baseline, tools, pairs) {
  const baselineTimes = []
  const rows = tools.map((tool) => ({ tool, times: [], ratios: [] }))
  const once = (tool) => {
    const [command, args, options] = tool.command
    const started = performance.now()
    const stdout = run(command, args, options)
    const elapsed = (performance.now() - started) / 1000
    tool.check(stdout)
    return elapsed
  }
  for (let round = 0; round < WARMUP_RUNS + pairs; round++) {
    for (const row of rows) {
      const base = once(baseline)
      const elapsed = once(row.tool)
      if (round < WARMUP_RUNS) continue
      baselineTimes.push(base)
      row.times.push(elapsed)
      row.ratios.push(elapsed / base)
    }
  }
  const baselineMedian = median(baselineTimes)
  return {
    baseline: { label: baseline.label, median: baselineMedian, min: Math.min(...baselineTimes) },
    rows: rows.map((r) => ({
      label: r.tool.label,
      median: median(r.times),
      min: Math.min(...r.times),
      ratio: median(r.times) / baselineMedian,
      pairRatio: median(r.ratios)
    }))
  }
}

function printPairs(title, result, load) {
  console.log(`\n${title}`)
  const rows = [
    [
      'command',
      'median',
      'min',
      `÷ ${result.baseline.label} (ratio of medians)`,
      'median of pair ratios'
    ]
  ]
  rows.push([
    result.baseline.label,
    seconds(result.baseline.median),
    seconds(result.baseline.min),
    '',
    ''
  ])
  for (const r of result.rows)
    rows.push([r.label, seconds(r.median), seconds(r.min), ratio(r.ratio), ratio(r.pairRatio)])
  table(rows, ['l', 'r', 'r', 'r', 'r'])
  if (load) console.log(load)
}

/**
 * `npm run bench -- tree`: the 20,000-file case alone, the CLI and the action each paired with two
 * parallel openssl.
 */
function measureTree(outDir, fixtures = prepareFixtures(['tree'])) {
  const { sizes, references } = fixtures
  const spec = FIXTURES.tree
  const dir = fixturePath(spec)
  const baselineOut = path.join(outDir, 'baseline-output.txt')
  const before = cpuSnapshot()
  const result = timePairs(
    opensslTool(dir, baselineOut, sizes.tree.files),
    [
      sealTool(spec, references.tree, outDir),
      sealActionTool(spec, references.tree, outDir),
      sha256sumTool(dir, baselineOut, sizes.tree.files)
    ],
    TREE_PAIRS
  )
  printPairs(
    `${count(sizes.tree.files)} files of ${spec.minSize}–${spec.maxSize} bytes in ${spec.dirs[0] * spec.dirs[1]} directories (${megabytes(sizes.tree.bytes)}): ${TREE_PAIRS} ` +
      `pairs after ${WARMUP_RUNS} warm-up, each command right after a run of ${OPENSSL_PAIR}`,
    result,
    otherLoad(before)
  )
  return result
}

function treeTargets(pairs) {
  const by = (label) => pairs.rows.find((r) => r.label === label)
  return [
    [
      '20,000 files: faster than sha256sum',
      by('artifact-seal').median < by('sha256sum').median,
      `artifact-seal / sha256sum = ${ratio(by('artifact-seal').median / by('sha256sum').median)} (< 1.00×)`
    ],
    ...['artifact-seal', 'seal action'].map((label) => [
      `20,000 files, ${label === 'artifact-seal' ? 'the CLI' : 'the action'}: within 1.5× of 2 openssl`,
      by(label).ratio <= 1.5,
      `${label} / openssl ×2 = ${ratio(by(label).ratio)} (≤ 1.50×; pairs ${ratio(by(label).pairRatio)})`
    ])
  ]
}

// The tools take turns within each round, so a slow drift of the machine (another
// process, thermal state) lands on all of them alike instead of on whichever ran last.
function timeTools(tools, runs) {
  const times = tools.map(() => [])
  for (let round = 0; round < WARMUP_RUNS + runs; round++) {
    tools.forEach((tool, i) => {
      const [command, args, options] = tool.command
      const started = performance.now()
      const stdout = run(command, args, options)
      const elapsed = (performance.now() - started) / 1000
      tool.check(stdout)
      if (round >= WARMUP_RUNS) times[i].push(elapsed)
    })
  }
  return tools.map((tool, i) => ({
    label: tool.label,
    median: median(times[i]),
    min: Math.min(...times[i])
  }))
}

function printCase(title, results, load) {
  console.log(`\n${title}`)
  const seal = results[0]
  const rows = [['tool', 'median', 'min', 'artifact-seal / tool']]
  for (const r of results)
    rows.push([
      r.label,
      seconds(r.median),
      seconds(r.min),
      r === seal ? '' : ratio(seal.median / r.median)
    ])
  table(rows, ['l', 'r', 'r', 'r'])
  if (load) console.log(load)
}

// ---------------------------------------------------------------------------
// Step 4: peak memory, in runs of their own so the preload never touches a timed run.

function peakRss(spec, reference, outDir) {
  const rssFile = path.join(outDir, 'maxrss')
  const started = performance.now()
  const stdout = run(
    process.execPath,
    ['--import', RSS_PRELOAD, cli, 'seal', fixturePath(spec), '--out', outDir, '--json'],
    {
      env: { ...process.env, BENCH_RSS_FILE: rssFile }
    }
  )
  const elapsed = (performance.now() - started) / 1000
  checkDigest('artifact-seal', spec, reference, JSON.parse(stdout).digest)
  const kib = Number(fs.readFileSync(rssFile, 'utf8'))
  if (!(kib > 0)) throw new Error(`no peak RSS recorded for .bench/${spec.name}`)
  return { bytes: kib * 1024, elapsed }
}

// Peak RSS moves by several MB from run to run (when the garbage collector runs, how
// far the idle worker got in booting), so each fixture is run a few times: the median
// says what is typical, the max is what a memory budget has to hold.
function measureMemory(references, sizes, outDir) {
  const keys = ['small', 'mid', 'big', 'tree', 'many']
  const rss = {}
  for (const key of keys) {
    const runs = Array.from({ length: RUNS.rss }, () =>
      peakRss(FIXTURES[key], references[key], outDir)
    )
    const bytes = runs.map((r) => r.bytes)
    rss[key] = {
      median: median(bytes),
      max: Math.max(...bytes),
      elapsed: median(runs.map((r) => r.elapsed))
    }
  }
  console.log(`\npeak RSS of artifact-seal (main thread and workers), ${RUNS.rss} runs each`)
  table(
    [
      ['fixture', 'files', 'bytes', 'median RSS', 'max RSS', 'median wall time'],
      ...keys.map((key) => [
        FIXTURES[key].name,
        count(sizes[key].files),
        megabytes(sizes[key].bytes),
        megabytes(rss[key].median),
        megabytes(rss[key].max),
        seconds(rss[key].elapsed)
      ])
    ],
    ['l', 'r', 'r', 'r', 'r', 'r']
  )
  return rss
}

// ---------------------------------------------------------------------------
// Step 5: the gate on a long file ledger: 100,000 records (dev → staging → production,
// each let in and confirmed, refusals between), then the last 300 production digests
// vetoed. Each timed run promotes into a fresh copy, so every run appends to the same file.

const LEDGER_RECORDS = 100_000
const LEDGER_VETOED = 300

function ledgerFixture(dir) {
  const file = path.join(dir, 'ledger.jsonl')
  const hash = (text) => `sha256:${createHash('sha256').update(text).digest('hex')}`
  const digestOf = (n) => `sha256:${n.toString(16).padStart(64, '0')}`
  const start = Date.UTC(2020, 0, 1)
  const lines = [
    JSON.stringify({
      format: 'artifact-seal/ledger/v2',
      seq: 1,
      prev: null,
      created: { time: new Date(start).toISOString(), id: 'bench' }
    })
  ]
  let seq = 1
  const append = (record) => {
    seq += 1
    // The record's fields in the order the ledger writes them (its index reads the first five).
    const { digest, environment, outcome, resolves, ...rest } = record
    const time = new Date(start + seq * 60_000).toISOString()
    lines.push(
      JSON.stringify({
        format: 'artifact-seal/ledger/v2',
        seq,
        prev: hash(lines.at(-1)),
        record: { digest, environment, outcome, time, resolves, ...rest }
      })
    )
    return String(seq)
  }
  const base = (digest, environment) => ({
    digest,
    name: 'shop',
    environment,
    mode: 'promote',
    runUrl: `https://github.com/acme/shop/actions/runs/${seq}/attempts/1`,
    actor: 'release-bot',
    sealedBy: {
      repository: 'acme/shop',
      commit: 'a'.repeat(40),
      runUrl: 'https://github.com/acme/shop/actions/runs/1/attempts/1'
    },
    previousDigest: null,
    reason: null,
    environmentUrl: null,
    artifact: { name: 'shop-sealed', runId: '1' },
    resolves: null,
    key: `k${seq}`
  })
  const deploy = (digest, environment) => {
    const id = append({ ...base(digest, environment), outcome: 'pending' })
    append({ ...base(digest, environment), outcome: 'deployed', resolves: id, key: `k${seq}r` })
  }
  let n = 0
  while (seq < LEDGER_RECORDS - 3 * LEDGER_VETOED) {
    n += 1
    const digest = digestOf(n)
    for (const environment of ['dev', 'staging', 'production']) deploy(digest, environment)
    append({
      ...base(digest, 'production'),
      outcome: 'refused',
      reason: 'It has been live in staging for 0s of the 1h soak.'
    })
  }
  const candidate = digestOf(n) // live in production; the last one the rollback below may return to
  for (let v = 0; v < LEDGER_VETOED; v++) {
    const digest = digestOf(1_000_000 + v)
    deploy(digest, 'production')
    append({
      ...base(digest, 'production'),
      outcome: 'vetoed',
      mode: null,
      reason: 'smoke tests failed'
    })
  }
  const fresh = digestOf(2_000_000)
  deploy(fresh, 'dev')
  deploy(fresh, 'staging')
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
  const policy = path.join(dir, 'promotion.yml')
  fs.writeFileSync(
    policy,
    'environments:\n  dev: {}\n  staging:\n    requires: [dev]\n  production:\n    requires: [staging]\n    soak: 1h\n'
  )
  return {
    file,
    policy,
    records: lines.length - 1,
    bytes: fs.statSync(file).size,
    fresh,
    candidate
  }
}

function measureLedger(outDir) {
  const fixture = ledgerFixture(outDir)
  const copy = path.join(outDir, 'ledger-run.jsonl')
  const rssFile = path.join(outDir, 'maxrss-ledger')
  const cases = [
    // The gate on its own: no bytes to check (--digest-only), as the ledger is what is timed.
    {
      label: 'promote into production',
      args: ['promote', fixture.fresh, '--environment', 'production', '--digest-only'],
      expect: 'PENDING'
    },
    {
      label: `rollback to "previous" past ${LEDGER_VETOED} vetoed digests`,
      args: ['promote', 'previous', '--rollback', '--environment', 'production', '--digest-only'],
      expect: fixture.candidate
    }
  ]
  const rows = []
  for (const c of cases) {
    const times = []
    const rss = []
    for (let round = 0; round < WARMUP_RUNS + RUNS.big; round++) {
      fs.copyFileSync(fixture.file, copy)
      const started = performance.now()
      const stdout = run(
        process.execPath,
        [
          '--import',
          RSS_PRELOAD,
          cli,
          ...c.args,
          '--ledger',
          `file:${copy}`,
          '--policy',
          fixture.policy
        ],
        {
          env: { ...process.env, BENCH_RSS_FILE: rssFile }
        }
      )
      const elapsed = (performance.now() - started) / 1000
      if (!stdout.includes(c.expect))
        throw new Error(`${c.label}: the output does not say ${c.expect}:\n${stdout}`)
      if (round >= WARMUP_RUNS) {
        times.push(elapsed)
        rss.push(Number(fs.readFileSync(rssFile, 'utf8')) * 1024)
      }
    }
    rows.push({ label: c.label, median: median(times), rss: Math.max(...rss) })
  }
  console.log(
    `\nthe gate on a file ledger of ${count(fixture.records)} records (${megabytes(fixture.bytes)}), ${RUNS.big} runs after ${WARMUP_RUNS} warm-up, with peak RSS`
  )
  table(
    [
      ['case', 'median', 'max RSS'],
      ...rows.map((r) => [r.label, seconds(r.median), megabytes(r.rss)])
    ],
    ['l', 'r', 'r']
  )
  return rows
}

// ---------------------------------------------------------------------------
// Step 6: start-up. Each entry point of dist/ doing the least a step does
// (scripts/startup-steps.mjs), against a bare `node -e 0`: on a small artifact, loading the
// code is most of the step. The loaded size is what the entry actually imported, in a
// separate run whose preload counts the files.

const STARTUP_RUNS = 15
const STARTUP_TARGET = 2
// module.registerHooks (Node 22.15 and later) sees every module the ES loader loads,
// chunks included; the sizes are summed when the process exits.
const LOADED_PRELOAD =
  'data:text/javascript,' +
  encodeURIComponent(
    "import fs from 'node:fs'; import { registerHooks } from 'node:module'; const loaded = new Set();" +
      ("registerHooks({ load(url, context, next) { if (url.startsWith('file:')) loaded.add(url); return " +
        'next(url, context) } });') +
      "process.on('exit', () => { let bytes = 0; for (const url of loaded) bytes += fs.statSync(new URL(url)).size;" +
      'fs.writeFileSync(process.env.BENCH_LOADED_FILE, JSON.stringify({ files: loaded.size, bytes })) })'
  )

/** The JavaScript files an entry imported and their size, from a run under LOADED_PRELOAD. */
function loadedBy(c, workDir) {
  const loadedFile = path.join(workDir, 'loaded.json')
  runStartupCase(c, workDir, {
    nodeArgs: ['--import', LOADED_PRELOAD],
    env: { BENCH_LOADED_FILE: loadedFile }
  })
  const loaded = JSON.parse(fs.readFileSync(loadedFile, 'utf8'))
  fs.rmSync(loadedFile)
  return loaded
}

function measureStartup(workDir) {
  const cases = startupCases(workDir, { dist, root, content: randomBlock(mulberry32(7), 4096) })
  const before = cpuSnapshot()
  const times = cases.map(() => [])
  for (let round = 0; round < WARMUP_RUNS + STARTUP_RUNS; round++) {
    cases.forEach((c, i) => {
      const elapsed = runStartupCase(c, workDir)
      if (round >= WARMUP_RUNS) times[i].push(elapsed)
    })
  }
  const load = otherLoad(before)
  const hooks = 'registerHooks' in nodeModule
  const loaded = cases.map((c, i) => (i === 0 || !hooks ? null : loadedBy(c, workDir)))
  const bare = median(times[0])
  const rows = cases.map((c, i) => ({
    label: c.label,
    action: c.inputs !== undefined,
    median: median(times[i]),
    min: Math.min(...times[i]),
    ratio: median(times[i]) / bare,
    loaded: loaded[i]
  }))
  console.log(
    `\nstart-up of each entry point, ${STARTUP_RUNS} runs after ${WARMUP_RUNS} warm-up, taking turns; loaded = ` +
      'JavaScript files the entry imported'
  )
  table(
    [
      ['entry', 'median', 'min', '× bare node', 'loaded'],
      ...rows.map((r, i) => [
        r.label,
        seconds(r.median),
        seconds(r.min),
        i === 0 ? '' : ratio(r.ratio),
        r.loaded ? `${megabytes(r.loaded.bytes)} in ${r.loaded.files} files` : ''
      ])
    ],
    ['l', 'r', 'r', 'r', 'r']
  )
  if (load) console.log(load)
  return rows
}

// ---------------------------------------------------------------------------
// Step 7: the targets of docs/architecture.md, each with the figure it was judged on.

/** The images case needs docker-registry and skopeo from apt; without them the full run says so and goes on. */
async function measureImagesIfInstalled(outDir) {
  const installed = ['docker-registry', 'skopeo'].every(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
  )
  if (installed) return measureImages(kit, outDir)
  console.log(
    '\nan image by tag: not measured, docker-registry and skopeo are not installed (apt-get install ' +
      'docker-registry skopeo)'
  )
  return null
}

function printTargets(big, treePairs, rss, ledger, startup, signing, contract, images) {
  const by = (results, label) => results.find((r) => r.label === label).median
  const bigVsOpenssl = by(big, 'artifact-seal') / by(big, 'openssl dgst')
  // "About the same" is taken as a median at most 10 % above the 4 KiB file's: a 1 GiB
  // file held in memory, or buffers that grow with it, would be far past that. The
  // 16 MiB row above tells a fixed step from growth with size.
  const bigVsSmallRss = rss.big.median / rss.small.median
  const targets = [
    [
      '1 GiB file: within 10 % of openssl dgst',
      bigVsOpenssl <= 1.1,
      `artifact-seal / openssl = ${ratio(bigVsOpenssl)} (≤ 1.10×)`
    ],
    ...treeTargets(treePairs),
    [
      '100,000 files: peak RSS under 200 MB',
      rss.many.max < 200 * MB,
      `max of ${RUNS.rss} runs ${megabytes(rss.many.max)} (< 200.0 MB)`
    ],
    [
      'peak RSS independent of file size',
      bigVsSmallRss <= 1.1,
      `median 1 GiB ${megabytes(rss.big.median)} / 4 KiB ${megabytes(rss.small.median)} = ${ratio(bigVsSmallRss)} (≤ 1.10×)`
    ],
    ...startupTargets(startup),
    ...ledger.map((r) => [
      `${count(LEDGER_RECORDS)}-record ledger, ${r.label}: under 1 s and 200 MB`,
      r.median < 1 && r.rss < 200 * MB,
      `${seconds(r.median)}, ${megabytes(r.rss)} (< 1.000 s, < 200.0 MB)`
    ]),
    signing.target,
    ...contract.targets,
    ...(images === null ? [] : images.targets)
  ]
  console.log('\ntargets')
  table(
    targets.map(([name, met, figure]) => [met ? 'met   ' : 'MISSED', name, figure]),
    ['l', 'l', 'l']
  )
  const missed = targets.filter(([, met]) => !met).length
  console.log(
    `\n${targets.length - missed} of ${targets.length} targets met${missed ? `, ${missed} missed` : ''}`
  )
}

function printTarget([name, met, figure]) {
  console.log(`\n  ${met ? 'met   ' : 'MISSED'}  ${name}  ${figure}`)
}

/** Each action's start against bare node: the seal, the verify and the promote dry run. */
function startupTargets(startup) {
  return startup
    .filter((row) => row.action)
    .map((row) => [
      `${row.label}: within 2× of bare node`,
      row.ratio <= STARTUP_TARGET,
      `${seconds(row.median)} / ${seconds(startup[0].median)} = ${ratio(row.ratio)} (≤ ${ratio(STARTUP_TARGET)})`
    ])
}

// ---------------------------------------------------------------------------

// What the sections in modules of their own (bench-signing.mjs, bench-contract.mjs) time
// and print with.
const kit = {
  root,
  dist,
  cli,
  RSS_PRELOAD,
  WARMUP_RUNS,
  table,
  seconds,
  megabytes,
  ratio,
  median,
  cpuSnapshot,
  otherLoad
}

async function main() {
  const started = performance.now()
  if (!fs.existsSync(cli))
    throw new Error(`${path.relative(root, cli)} is missing: run npm run package first`)
  printMachine()
  // "npm run bench -- ledger" (or tree, startup, signing, contract, images) runs one case
  // alone; only tree needs a fixture in .bench/, and makes only its own.
  const section = process.argv[2]
  if (['ledger', 'tree', 'startup', 'signing', 'contract', 'images'].includes(section)) {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-seal-bench-'))
    try {
      if (section === 'ledger') measureLedger(outDir)
      else if (section === 'tree') treeTargets(measureTree(outDir)).forEach(printTarget)
      else if (section === 'startup') startupTargets(measureStartup(outDir)).forEach(printTarget)
      else if (section === 'signing') printTarget((await measureSigning(kit, outDir)).target)
      else if (section === 'images') (await measureImages(kit, outDir)).targets.forEach(printTarget)
      else for (const target of (await measureContract(kit, outDir)).targets) printTarget(target)
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true })
    }
    return
  }
  const { sizes, references } = prepareFixtures()
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-seal-bench-'))
  try {
    let before = cpuSnapshot()
    const big = timeTools(bigFileTools(references.big, outDir), RUNS.big)
    printCase(
      `one 1 GiB file (${megabytes(sizes.big.bytes)}): ${RUNS.big} runs after ${WARMUP_RUNS} warm-up, wall ` +
        'time spawn to exit',
      big,
      otherLoad(before)
    )
    before = cpuSnapshot()
    const tree = timeTools(treeTools(references.tree, outDir, sizes.tree.files), RUNS.tree)
    printCase(
      `${count(sizes.tree.files)} files of ${FIXTURES.tree.minSize}–${FIXTURES.tree.maxSize} bytes ` +
        `(${megabytes(sizes.tree.bytes)}): ${RUNS.tree} runs after ${WARMUP_RUNS} ` +
        'warm-up',
      tree,
      otherLoad(before)
    )
    const pairs = measureTree(outDir, { sizes, references })
    const rss = measureMemory(references, sizes, outDir)
    const ledger = measureLedger(outDir)
    const startup = measureStartup(outDir)
    const signing = await measureSigning(kit, outDir)
    const contract = await measureContract(kit, outDir)
    const images = await measureImagesIfInstalled(outDir)
    printTargets(big, pairs, rss, ledger, startup, signing, contract, images)
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true })
  }
  console.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

try {
  await main()
} catch (error) {
  console.error(`\nbench: ${error.message}`)
  process.exitCode = 1
}
