/**
 * The 5 MB, 1,000-operation document the bench times (npm run bench -- contract) is
 * classified here for what it finds, not for how long it takes: timing belongs to the
 * bench, where it is measured side by side with oasdiff. Run in a plain node process, as
 * the bench runs it.
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

it('classifies a 5 MB, 1,000-operation document against a changed copy and finds every kind of change made', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'openapi-perf-'))
  try {
    const bundle = join(scratch, 'probe.mjs')
    await build({
      entryPoints: [join(process.cwd(), '__tests__/core/contract/openapi-performance-probe.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'warning'
    })
    const probe = JSON.parse(
      execFileSync(process.execPath, [bundle], { encoding: 'utf8' })
    ) as Probe
    expect(probe.bytes).toBeGreaterThan(5 * 1000 * 1000)
    expect(probe.rules).toEqual(
      expect.arrayContaining([
        'api-removed-without-deprecation',
        'new-required-request-parameter',
        'response-property-enum-value-added',
        'response-optional-property-removed',
        'request-property-enum-value-added'
      ])
    )
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
})
