import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

/**
 * A preload that notes every read of process.stdout: building that stream (a socket, for
 * the pipe a runner gives a step) is a few milliseconds of every step's start, and the
 * actions write their log to file descriptor 1 instead.
 */
function watchingStdout(record: string): string {
  const source = [
    "import fs from 'node:fs'",
    "const own = Object.getOwnPropertyDescriptor(process, 'stdout')",
    `Object.defineProperty(process, 'stdout', { configurable: true, enumerable: own.enumerable, get() { ` +
      `fs.appendFileSync(${JSON.stringify(record)}, 'read\\n'); return ` +
      'own.get.call(this) } })'
  ].join('\n')
  return `--import=data:text/javascript,${encodeURIComponent(source)}`
}

describe('the runner log of the bundled actions', () => {
  it.each([
    ['seal', 'dist/seal/index.js', { 'subject-path': 'app.bin' }],
    [
      'verify',
      'dist/verify/index.js',
      {
        'subject-path': 'app.bin',
        'expected-digest': 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
      }
    ]
  ])(
    '%s writes every line, in order, without building process.stdout',
    async (_, entry, inputs) => {
      const workspace = writeTree(tempDir('workspace-'), { 'app.bin': 'abc' })
      const record = path.join(tempDir('stdout-reads-'), 'reads')
      const run = await runAction(entry, inputs, {
        workspace,
        env: { NODE_OPTIONS: watchingStdout(record) }
      })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(fs.existsSync(record)).toBe(false)
      // Every line the step logged arrived, whole and in the order it was written.
      expect(
        run.stdout.split('\n').filter((line) => line.includes('sha256:')).length
      ).toBeGreaterThan(0)
      expect(run.stdout.endsWith('\n')).toBe(true)
    }
  )
})
