#!/usr/bin/env node
// Prints the OpenAPI oracle agreement table (oasdiff vs the engine) in markdown, for the
// closing note of a contract change. Bundles the TypeScript oracle helper with esbuild
// (a dev dependency) so it runs without a build step: node scripts/contract-oracle-table.mjs
import { build } from 'esbuild'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const scratch = mkdtempSync(join(tmpdir(), 'contract-oracle-'))
try {
  const bundle = join(scratch, 'oracle.mjs')
  await build({
    entryPoints: ['__tests__/core/contract/openapi-oracle-lib.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    // yaml is CommonJS and requires node built-ins; give the ESM bundle a require.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }
  })
  const oracle = await import(pathToFileURL(bundle).href)
  const results = await oracle.runCorpus(scratch)
  const table = oracle.markdownTable(results)
  const out = process.argv[2]
  if (out) writeFileSync(out, `${table}\n`)
  console.log(table)
  const missed = results.filter((result) => oracle.missedErrors(result).length > 0)
  if (missed.length > 0) {
    console.error(`\n${missed.length} case(s) where oasdiff says ERR and the engine does not say breaking: ${missed.map((r) => r.case.name).join(', ')}`)
    process.exitCode = 1
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
