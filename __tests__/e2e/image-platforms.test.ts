// The policy's platforms rule on a single-manifest image, with the bundled promote action
// against a real registry (distribution 2.8): the image's platform is read from its config
// blob and judged as an index's children are.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type TestRegistry, startRegistry } from '../hosts/registry.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { pushLayout } from '../helpers/skopeo.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const image = writeTestImage(tempDir('layout-'))

describe('a single-manifest image under a platforms rule (distribution 2.8)', () => {
  let registry: TestRegistry
  let workspace: string
  beforeAll(async () => {
    registry = await startRegistry('open')
    await pushLayout(registry, image.dir, 'single', 'acme/app', 'single')
    workspace = writeTree(tempDir('platforms-'), {
      '.github/promotion.yml':
        'environments:\n  amd:\n    platforms: [linux/amd64]\n  arm:\n    platforms: [linux/amd64, linux/arm64/v8]\n'
    })
    expect(
      spawnSync(
        process.execPath,
        [
          path.join(PROJECT_ROOT, 'dist/cli/index.js'),
          'ledger',
          'init',
          '--ledger',
          'file:ledger.jsonl'
        ],
        { cwd: workspace }
      ).status
    ).toBe(0)
  })
  afterAll(async () => {
    await registry?.close()
  })

  const promote = (environment: string) =>
    runAction(
      'dist/promote/index.js',
      {
        environment,
        'subject-path': `oci://${registry.host}/acme/app:single`,
        'expected-digest': image.digests.single,
        ledger: 'file:ledger.jsonl'
      },
      { workspace, env: { HOME: tempDir('home-') } }
    )

  it('promotes it where its platform is all the rule asks, and refuses it elsewhere naming both platforms', async () => {
    const amd = await promote('amd')
    expect(amd.code === 0 ? '' : amd.stdout).toBe('')
    expect(amd.outputs).toMatchObject({
      promoted: 'true',
      'image-ref': `${registry.host}/acme/app@${image.digests.single}`
    })
    const arm = await promote('arm')
    expect(arm.outputs).toMatchObject({ promoted: 'false', 'image-ref': '' })
    const bytes = (
      JSON.parse(arm.outputs.decision!) as {
        checks: { rule: string; passed: boolean; detail: string }[]
      }
    ).checks.find((c) => c.rule === 'bytes')
    expect(bytes).toMatchObject({ passed: false })
    expect(bytes?.detail).toContain('"linux/arm64/v8"')
    expect(bytes?.detail).toContain('single image for "linux/amd64"')
    const outcomes = fs
      .readFileSync(path.join(workspace, 'ledger.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => (JSON.parse(l) as { record: { environment: string; outcome: string } }).record)
      .map((r) => [r.environment, r.outcome])
    expect(outcomes).toEqual([
      ['amd', 'pending'],
      ['arm', 'refused']
    ])
  })
})
