// What the bundled seal and verify actions load to check an image by tag: the registry client
// on node:http, never Node's fetch (undici), whose load alone costs more than a whole
// `skopeo inspect` of the tag; nor the child processes a credential helper needs, when none runs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type TestRegistry, startRegistry } from '../hosts/registry.js'
import { writeTestImage } from '../helpers/oci-layout.js'
import { runAction } from '../helpers/runner.js'
import { pushLayout } from '../helpers/skopeo.js'
import { removeAll, tempDir } from '../helpers/trees.js'

afterAll(removeAll)

/** A preload that writes, as the process exits, the Node built-ins it loaded. */
function recordingLoads(record: string): string {
  const source = [
    "const { writeFileSync } = process.getBuiltinModule('node:fs')",
    `process.on('exit', () => writeFileSync(${JSON.stringify(record)}, process.moduleLoadList.join('\\n')))`
  ].join('\n')
  return `--import=data:text/javascript,${encodeURIComponent(source)}`
}

const image = writeTestImage(tempDir('layout-'))
let registry: TestRegistry

beforeAll(async () => {
  registry = await startRegistry('open')
  await pushLayout(registry, image.dir, 'v1', 'acme/app', 'v1')
})
afterAll(async () => {
  await registry?.close()
})

describe('an image by tag in the bundled actions', () => {
  it.each([
    [
      'seal',
      'dist/seal/index.js',
      () => ({ 'subject-path': `oci://${registry.host}/acme/app:v1` })
    ],
    [
      'verify',
      'dist/verify/index.js',
      () => ({
        'subject-path': `oci://${registry.host}/acme/app:v1`,
        'expected-digest': image.digests.index
      })
    ]
  ])(
    '%s loads node:http for the registry, not fetch, and no child processes',
    async (_, entry, inputs) => {
      const record = path.join(tempDir('loaded-'), 'loads')
      const run = await runAction(entry, inputs(), {
        env: { HOME: tempDir('home-'), NODE_OPTIONS: recordingLoads(record) }
      })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.outputs['image-ref']).toBe(`${registry.host}/acme/app@${image.digests.index}`)
      const loaded = fs.readFileSync(record, 'utf8').split('\n')
      expect(loaded).toContain('NativeModule http')
      expect(
        [
          'internal/deps/undici/undici',
          'child_process',
          'tls',
          'http2',
          'zlib',
          'worker_threads'
        ].filter((name) => loaded.includes(`NativeModule ${name}`))
      ).toEqual([])
    }
  )
})
