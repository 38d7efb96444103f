#!/usr/bin/env node
// Prints an oracle agreement table in markdown, for the closing note of a contract change
// and for docs/contract-coverage.md:
//   node scripts/contract-oracle-table.mjs [out.md]        the fixture corpus, oasdiff vs the engine
//   node scripts/contract-oracle-table.mjs real [out.md]   real published descriptions (GitHub REST,
//                                                          webhooks and GraphQL, Google's protos) vs
//                                                          oasdiff, graphql-inspector and buf
// Bundles the TypeScript oracle helpers with esbuild (a dev dependency) so it runs without a
// build step.
import { build } from 'esbuild'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const real = process.argv[2] === 'real'
const out = process.argv[real ? 3 : 2]
const scratch = mkdtempSync(join(tmpdir(), 'contract-oracle-'))
try {
  const bundle = join(scratch, 'oracle.mjs')
  await build({
    entryPoints: [
      real
        ? '__tests__/core/contract/real-pairs-lib.ts'
        : '__tests__/core/contract/openapi-oracle-lib.ts'
    ],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    // yaml and graphql are CommonJS and require node built-ins; give the ESM bundle a require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
    }
  })
  const oracle = await import(pathToFileURL(bundle).href)
  if (real) {
    const results = await oracle.runPairs()
    const table = oracle.agreementTable(results)
    if (out) writeFileSync(out, `${table}\n`)
    console.log(table)
    const times = results.map(
      (r) =>
        `${r.pair.name}: engine ${r.engine.seconds.toFixed(2)} s, oracle ${r.oracle.seconds.toFixed(2)} s`
    )
    console.log(`\n${times.join('\n')}`)
    const unexplained = results.filter((r) => !oracle.agrees(r) && r.pair.exception === undefined)
    if (unexplained.length > 0) {
      console.error(
        `\n${unexplained.length} pair(s) where the verdicts differ without a documented reason: ${unexplained.map((r) => r.pair.name).join(', ')}`
      )
      process.exitCode = 1
    }
  } else {
    const results = await oracle.runCorpus(scratch)
    const table = oracle.markdownTable(results)
    if (out) writeFileSync(out, `${table}\n`)
    console.log(table)
    const missed = results.filter((result) => oracle.missedErrors(result).length > 0)
    if (missed.length > 0) {
      console.error(
        `\n${missed.length} case(s) where oasdiff says ERR and the engine does not say breaking: ${missed.map((r) => r.case.name).join(', ')}`
      )
      process.exitCode = 1
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
