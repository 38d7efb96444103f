// Writes scripts/startup-functions.json: for each file of dist/ that the plain steps of
// scripts/startup-steps.mjs load, the top-level functions they call, read from V8's coverage
// of a run of each. scripts/package.mjs has them compiled as the file loads
// (scripts/eager-compile.mjs). Run it after `npm run package` when the code a step runs at
// start has changed, then `npm run package` again; __tests__/scripts/eager-compile.test.ts says when the list is stale.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { topLevelFunctions } from './eager-compile.mjs'
import { runStartupCase, startupCases } from './startup-steps.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dist = path.join(root, 'dist')
export const STARTUP_FUNCTIONS = path.join(root, 'scripts', 'startup-functions.json')

/** The dist/ files each step loaded, with the offsets of the functions it called in each. */
function calledOffsets(coverageDir) {
  const byFile = new Map()
  for (const name of fs.readdirSync(coverageDir)) {
    const report = JSON.parse(fs.readFileSync(path.join(coverageDir, name), 'utf8'))
    for (const script of report.result) {
      if (!script.url.startsWith('file:')) continue
      const inDist = path.relative(dist, fileURLToPath(script.url)).split(path.sep)
      if (inDist[0] === '..' || path.isAbsolute(inDist.join('/'))) continue
      const offsets = byFile.get(inDist.join('/')) ?? new Set()
      for (const fn of script.functions)
        if (fn.ranges[0].count > 0) offsets.add(fn.ranges[0].startOffset)
      byFile.set(inDist.join('/'), offsets)
    }
  }
  return byFile
}

function record() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-functions-'))
  try {
    const steps = startupCases(workDir, { dist, root, content: Buffer.alloc(4096, 7) }).filter(
      (c) => c.entry !== undefined
    )
    const called = new Map()
    for (const step of steps) {
      const coverageDir = fs.mkdtempSync(path.join(workDir, 'coverage-'))
      runStartupCase(step, workDir, { env: { NODE_V8_COVERAGE: coverageDir } })
      for (const [file, offsets] of calledOffsets(coverageDir)) {
        const names = called.get(file) ?? new Set()
        for (const [name, { start }] of topLevelFunctions(
          fs.readFileSync(path.join(dist, file), 'utf8')
        ))
          if (offsets.has(start)) names.add(name)
        called.set(file, names)
      }
    }
    const list = Object.fromEntries(
      [...called]
        .filter(([, names]) => names.size > 0)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([file, names]) => [file, [...names].sort()])
    )
    fs.writeFileSync(STARTUP_FUNCTIONS, `${JSON.stringify(list, null, 2)}\n`)
    for (const [file, names] of Object.entries(list))
      console.log(`${file}: ${names.length} functions`)
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) record()
