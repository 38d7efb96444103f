import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'

describe('npm run demo', () => {
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/demo.mjs')], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  const section = (title: string): string => {
    const start = run.stdout.indexOf(`▶ ${title}`)
    expect(start).toBeGreaterThan(-1)
    const end = run.stdout.indexOf('▶ ', start + 2)
    return run.stdout.slice(start, end === -1 ? undefined : end)
  }

  it('runs to the end without an error', () => {
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('seals the example service and names the one file patched in a copy', () => {
    expect(run.stdout).toContain('✔ identical: ')
    expect(run.stdout).toContain('1 of 5 files differ\n')
    expect(run.stdout).toContain('  changed  config/production.json\n')
    expect(run.stdout).toContain('config/production.json: FAILED')
  })

  it('runs the pipeline on the file ledger: refused before the soak, accepted after', () => {
    expect(section('Promote the sealed build to dev, then staging')).toMatch(/PROMOTED {2}hello-service promoted to dev \(record 1\)[\s\S]*PROMOTED {2}hello-service promoted to staging \(record 2\)/)
    const early = section('Straight on to production')
    expect(early).toContain('REFUSED  hello-service refused for production')
    expect(early).toMatch(/✗ soak +staging: It has been live in staging for \ds of the 2s soak/)
    expect(early).toContain('exit code 1')
    expect(section('2 s later')).toMatch(/PROMOTED {2}hello-service promoted to production \(record 4\)[\s\S]*✓ soak +staging: It has been live there for/)
  })

  it('refuses the patched copy naming the file, and a vetoed digest everywhere', () => {
    const tampered = section('The patched copy from before')
    expect(tampered).toMatch(/✗ bytes +production: The bytes to deploy are sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}: config\/production\.json \(changed\) differ from the seal\./)
    expect(tampered).toContain('exit code 1')
    const vetoed = section('A vetoed digest is refused everywhere')
    expect(vetoed).toContain('✗ veto         staging: The digest was vetoed in production')
    expect(vetoed).toContain('smoke tests failed: /health answers 500. Build and seal a fixed artifact.')
    expect(vetoed).toContain('exit code 1')
  })

  it('rolls production back to the last good digest, and shows who ran what', () => {
    const v1 = /digest: (sha256:[0-9a-f]{64}) {2}\(the same again/.exec(run.stdout)?.[1]
    const v2 = /v2: (sha256:[0-9a-f]{64})/.exec(run.stdout)?.[1]
    expect(v1).toBeDefined()
    expect(v2).not.toBe(v1)
    const rollback = section('Roll production back')
    expect(rollback).toContain(`PROMOTED  production rolled back to hello-service (record 11)\n  digest    ${v1}\n  replaces  ${v2}`)
    const history = section('Who ran what since when')
    expect(history).toMatch(new RegExp(`#11 +\\S+  production   rolled-back ${v1}`))
    expect(history).toMatch(new RegExp(`#9 +\\S+  production   vetoed +${v2} .*\\(smoke tests failed`))
    expect(history).toMatch(new RegExp(`production   ${v1}`))
  })

  it('checks the ledger chain, and reports the record edited by hand', () => {
    const ledger = section('The ledger is hash-chained')
    expect(ledger).toContain('Intact: 11 records in file:')
    expect(ledger).toContain('BROKEN: file:')
    expect(ledger).toMatch(/line 4: it does not follow line 3/)
    expect(ledger).toContain('exit code 1')
  })
})
