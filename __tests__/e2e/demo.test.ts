import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { requireImageTools } from '../hosts/registry.js'
import { PROJECT_ROOT } from '../helpers/runner.js'

describe('npm run demo', () => {
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/demo.mjs')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8'
  })
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
    expect(run.stdout).toContain('1 of 5 files differs\n')
    expect(run.stdout).toContain('  changed  config/production.json\n')
    expect(run.stdout).toContain('config/production.json: FAILED')
  })

  it(
    'runs the pipeline on the file ledger: each deployment live once deploy.sh succeeds; refused before the ' +
      'soak, accepted after',
    () => {
      expect(section('Create the ledger once')).toContain('Created file:')
      const pipeline = section('Promote the sealed build to dev, then staging')
      expect(pipeline).toMatch(
        /PENDING {2}hello-service let into dev \(record 2, pending until its deployment is confirmed\)/
      )
      expect(pipeline).toMatch(
        /deploying sha256:[0-9a-f]{64} to dev \(record 2\)\nhello-service deployed to dev: live there from \S+ \(record 3 confirms record 2\)/
      )
      expect(pipeline).toMatch(
        /hello-service deployed to staging: live there from \S+ \(record 5 confirms record 4\)/
      )
      const early = section('Straight on to production')
      expect(early).toContain('REFUSED  hello-service refused for production')
      expect(early).toMatch(/✗ soak +staging: It has been live in staging for \ds of the 2s soak/)
      expect(early).not.toContain('deploying')
      expect(early).toContain('exit code 1')
      expect(section('2 s later')).toMatch(
        /PENDING {2}hello-service let into production \(record 7, [\s\S]*✓ soak +staging: It has been live there for[\s\S]*hello-service deployed to production/
      )
    }
  )

  it('refuses the patched copy naming the file, and a vetoed digest everywhere', () => {
    const tampered = section('The patched copy from before')
    expect(tampered).toMatch(
      /✗ bytes +production: The bytes to deploy are sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}: config\/production\.json \(changed\) differ from the seal\./
    )
    expect(tampered).toContain('exit code 1')
    const vetoed = section('A vetoed digest is refused everywhere')
    expect(vetoed).toContain('✗ veto         staging: The digest was vetoed in production')
    expect(vetoed).toContain(
      'smoke tests failed: /health answers 500. Build and seal a fixed artifact.'
    )
    expect(vetoed).toContain('exit code 1')
  })

  it('records a failed deploy as failed: production keeps running v1 until a deploy succeeds', () => {
    const v1 = /digest: (sha256:[0-9a-f]{64}) {2}\(the same again/.exec(run.stdout)?.[1]
    const failed = section('The first deploy of v2 to production fails')
    expect(failed).toMatch(
      /the deployment of hello-service to production failed \(record \d+ closes record \d+\): the deploy command .* exited 3/
    )
    expect(failed).toContain('exit code 3')
    expect(failed).toContain(`production   ${v1}`)
    expect(section('Run again')).toContain('hello-service deployed to production: live there from')
  })

  it('rolls production back to the last good digest, and shows who ran what', () => {
    const v1 = /digest: (sha256:[0-9a-f]{64}) {2}\(the same again/.exec(run.stdout)?.[1]
    const v2 = /v2: (sha256:[0-9a-f]{64})/.exec(run.stdout)?.[1]
    expect(v1).toBeDefined()
    expect(v2).not.toBe(v1)
    const rollback = section('Roll production back')
    expect(rollback).toMatch(
      new RegExp(
        'PENDING {2}production may roll back to hello-service \\(record (\\d+), pending until its deployment ' +
          `is confirmed\\)\n  digest    ${v1}\n  replaces  ${v2}`
      )
    )
    expect(rollback).toMatch(
      /production rolled back to hello-service: live there from \S+ \(record \d+ confirms record \d+\)/
    )
    const history = section('Who ran what since when')
    expect(history).toMatch(new RegExp(`#\\d+ +\\S+  production   rolled-back ${v1}`))
    expect(history).toMatch(
      new RegExp(`#\\d+ +\\S+  production   vetoed +${v2} .*\\(smoke tests failed`)
    )
    expect(history).toMatch(new RegExp(`#\\d+ +\\S+  production   failed +${v2} .*exited 3`))
    expect(history).toMatch(new RegExp(`production   ${v1}`))
  })

  it('checks the ledger chain, catches a cut tail with the pinned head, and reports the record edited by hand', () => {
    const ledger = section('The ledger is hash-chained')
    expect(ledger).toMatch(/Intact: \d+ records after the ledger's first line in file:/)
    expect(ledger).toMatch(/Head: \d+:sha256:[0-9a-f]{64}/)
    const cut = section('Someone deletes the last records')
    expect(cut).toMatch(/Intact: \d+ records/)
    expect(cut).toMatch(
      /BROKEN: .*\n {2}line \d+: no line hashes to the pinned head sha256:[0-9a-f]{64} \(line \d+\): the ledger was cut short or rewritten/
    )
    expect(cut).toContain('exit code 1')
    const edited = section('Someone edits a record by hand')
    expect(edited).toContain('BROKEN: file:')
    expect(edited).toMatch(/line (\d+): it does not follow line \d+/)
    expect(edited).toContain('exit code 1')
  })

  it(
    'production refuses a contract amendment that drops a response field without a major version, names the ' +
      'operation and the field, takes 2.0.0, and the history shows both contracts',
    () => {
      const diff = section('Version 3 changes the API')
      expect(diff).toContain('Contract 1.4.2 → 1.5.0: 1 breaking, 0 dangerous, 1 compatible')
      expect(diff).toContain('exit code 1')
      const refused = section('Production refuses it')
      expect(refused).toContain(
        "✗ contract     production: production's contract 1.4.2 → 1.5.0 has 1 breaking change(s) without a major " +
          'version step (contract.breaking: require-major): GET /hello › 200 response ' +
          '› application/json › message'
      )
      expect(refused).toContain('[response-required-property-removed]')
      expect(refused).not.toContain('deploying')
      expect(refused).toContain('exit code 1')
      const accepted = section('Version 4: the same API as a new major version')
      expect(accepted).toContain(
        "✓ contract     production: production's contract 1.4.2 → 2.0.0: 1 breaking, 0 dangerous, 1 compatible."
      )
      expect(accepted).toMatch(/hello-service deployed to production: live there from/)
      const history = section("When did production's contract change")
      expect(history).toContain('production: 2 contract amendments')
      expect(history).toMatch(
        /\S+ {2}1\.4\.2 → 2\.0\.0\n {4}from {6}1\.4\.2 {2}sha256:[0-9a-f]{64}\n {4}to {8}2\.0\.0 {2}sha256:[0-9a-f]{64}/
      )
      expect(history).toContain(
        'changes   1 breaking, 0 dangerous, 1 compatible: response-required-property-removed'
      )
      expect(history).toContain('initial contract 1.4.2')
      expect(history).toMatch(/production +sha256:[0-9a-f]{64} +\S+ +contract 2\.0\.0/)
    }
  )

  it(
    'ends with drift: observe names a file patched in production, then catches an API changed on the running ' +
      'service with its rule ids',
    () => {
      expect(section('Production runs v4 from srv/production')).toMatch(
        /MATCHES {2}production \(hello-service\)/
      )
      const patched = section('Someone patches a file in production by hand')
      expect(patched).toMatch(
        /DRIFTED {2}production \(hello-service\) {2}expected sha256:[0-9a-f]{12}… {2}observed sha256:[0-9a-f]{12}… {2}since \S+/
      )
      expect(patched).toContain('files: 1 file differs from the live sha256:')
      expect(patched).toContain('changed "config/production.json"')
      expect(patched).toContain('exit code 1')
      const hotfix = section('The file is put back; then a hotfix on the server')
      expect(hotfix).toMatch(/MATCHES {2}production[\s\S]*DRIFTED {2}production/)
      expect(hotfix).toContain(
        'contract-url: the served contract differs from the sealed one: 1 breaking'
      )
      expect(hotfix).toMatch(/breaking +api-path-removed-without-deprecation +GET \/hello/)
      expect(hotfix).toContain('exit code 1')
      const history = section('When did production stop running what was promoted?')
      expect(history.match(/ observed /g)).toHaveLength(4)
      expect(history).toMatch(
        /observed .*\(drifted, runs sha256:[0-9a-f]{64}: files: 1 file differs/
      )
    }
  )

  it(
    'promotes one image beside the files: sealed by tag with its seal pushed, dev and staging by retag, then ' +
      'status and the next promotion say the staging tag moved behind the gate',
    () => {
      // The image tests need these; the demo says it skipped without them, the suite never does.
      requireImageTools()
      const sealed = section('Seal the image by its tag')
      const digest = /sealed 127\.0\.0\.1:\d+\/hello@(sha256:[0-9a-f]{64})/.exec(sealed)?.[1]
      expect(digest).toBeDefined()
      expect(sealed).toContain(`sha256-${digest!.slice(7)}  (sha256-…: the signed seal`)
      const promoted = section('Promote it to dev, then staging')
      expect(promoted).toMatch(new RegExp(`hello:dev now names ${digest}`))
      expect(promoted).toMatch(new RegExp(`hello:staging now names ${digest}`))
      expect(promoted).toMatch(
        new RegExp(`deploying 127\\.0\\.0\\.1:\\d+/hello@${digest} to staging`)
      )
      expect(promoted).toContain('Attached the signed record (verification summary)')
      expect(promoted).toMatch(new RegExp(`skopeo inspect .*hello:staging  →  ${digest}`))
      expect(section('Someone pushes another image to the staging tag')).toMatch(
        /hello:staging names sha256:[0-9a-f]{64}, not the live digest: it moved behind the gate/
      )
      const refused = section('The next promotion through the staging tag')
      expect(refused).toContain('refused for production')
      expect(refused).toContain('the tag moved')
      expect(refused).not.toContain('deploying')
      expect(refused).toContain('exit code 1')
    }
  )
})
