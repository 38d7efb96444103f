import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import { ensureFileLedger } from '../helpers/file-ledger.js'

afterAll(removeAll)

/** A preload that writes, as the process exits, the Node built-ins and the CommonJS files it loaded. */
function recordingLoads(record: string): string {
  const source = [
    "const { writeFileSync } = process.getBuiltinModule('node:fs')",
    "const { Module } = process.getBuiltinModule('node:module')",
    `process.on('exit', () => writeFileSync(${JSON.stringify(record)}, [...process.moduleLoadList, ` +
      `...Object.keys(Module._cache)].join('\\n')))`
  ].join('\n')
  return `--import=data:text/javascript,${encodeURIComponent(source)}`
}

// What a step on one small file has no use for, and once loaded at every start: the Web
// Crypto API and the file streams and promises (read by Node's ES module facades of
// node:crypto and node:fs), readline (through fs/promises), worker threads (for a tree),
// the YAML parsers and picomatch (for a policy with a mistake, a contract, a glob).
const UNUSED = [
  'internal/crypto/webcrypto',
  'internal/fs/streams',
  'internal/fs/promises',
  'internal/readline/interface',
  'worker_threads'
]

const DIGEST = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'

describe('the start of the bundled actions', () => {
  it.each([
    ['seal', 'dist/seal/index.js', { 'subject-path': 'app.bin' }],
    ['verify', 'dist/verify/index.js', { 'subject-path': 'app.bin', 'expected-digest': DIGEST }],
    [
      'promote',
      'dist/promote/index.js',
      {
        environment: 'dev',
        'expected-digest': DIGEST,
        'subject-path': 'app.bin',
        ledger: 'file:ledger.jsonl',
        'dry-run': 'true'
      }
    ]
  ])('%s on one small file loads nothing it does not use', async (_, entry, inputs) => {
    const workspace = writeTree(tempDir('workspace-'), {
      'app.bin': 'abc',
      '.github/promotion.yml': 'environments:\n  dev: {}\n'
    })
    if ('ledger' in inputs) await ensureFileLedger(path.join(workspace, 'ledger.jsonl'))
    const record = path.join(tempDir('loaded-'), 'loads')
    const run = await runAction(entry, inputs, {
      workspace,
      env: { NODE_OPTIONS: recordingLoads(record) }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const loaded = fs.readFileSync(record, 'utf8').split('\n')
    expect(loaded).toContain('NativeModule crypto')
    expect(UNUSED.filter((name) => loaded.includes(`NativeModule ${name}`))).toEqual([])
    // The packages loaded on first use (yaml, js-yaml, picomatch) stay in their files.
    expect(loaded.filter((file) => file.endsWith('.cjs'))).toEqual([])
  })
})
