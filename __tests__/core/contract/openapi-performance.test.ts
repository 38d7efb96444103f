/**
 * Issue 10 budget: a 5 MB OpenAPI document (about 1,000 operations) against a changed
 * copy classifies well under 1 s and 300 MB. Shared schemas are compared once per
 * direction and unchanged subtrees are skipped on the raw documents, so the work follows
 * the size of the change, not operations × schema depth. Measured in a plain node
 * process: jest's sandbox alone makes the same code about four times slower.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'

interface Probe {
  bytes: number
  ms: number
  heapMb: number
  maxRssMb: number
  changes: number
  rules: string[]
}

it('classifies a 5 MB, 1,000-operation document against a changed copy in under a second and 300 MB', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'openapi-perf-'))
  try {
    const bundle = join(scratch, 'probe.mjs')
    await build({ entryPoints: [join(process.cwd(), '__tests__/core/contract/openapi-performance-probe.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' })
    const probe = JSON.parse(execFileSync(process.execPath, [bundle], { encoding: 'utf8' })) as Probe
    expect(probe.bytes).toBeGreaterThan(5 * 1000 * 1000)
    expect(probe.rules).toEqual(
      expect.arrayContaining(['api-removed-without-deprecation', 'new-required-request-parameter', 'response-property-enum-value-added', 'response-optional-property-removed', 'request-property-enum-value-added'])
    )
    expect(probe.ms).toBeLessThan(1000)
    // The classification itself; the whole process (two 5 MB documents built in memory) peaks near 260 MB RSS.
    expect(probe.heapMb).toBeLessThan(300)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
})
