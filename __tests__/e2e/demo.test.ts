import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'

describe('npm run demo', () => {
  it('seals the example service and names the one file patched in a copy', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/demo.mjs')], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const digests = [...run.stdout.matchAll(/sha256:[0-9a-f]{64}/g)].map((m) => m[0])
    expect(new Set(digests).size).toBe(2)
    expect(run.stdout).toContain('✔ identical: ')
    expect(run.stdout).toContain('1 of 5 files differ\n')
    expect(run.stdout).toContain('  changed  config/production.json\n')
    expect(run.stdout).toContain('config/production.json: FAILED')
  })
})
