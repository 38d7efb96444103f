// A promotion that has no contract and no signature to check loads neither the contract code
// nor the signature checking (nor Sigstore behind it): they are imported on first use. One
// that has them loads them, and they work from their chunks.
import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ensureLedgerInput } from '../helpers/file-ledger.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

/** A preload whose loader hook appends every file: URL the ES module loader loads to `record`. */
function recordingModules(record: string): string {
  const hooks =
    `import fs from 'node:fs'; export async function load(url, context, next) { if ` +
    `(url.startsWith('file:')) fs.appendFileSync(${JSON.stringify(record)}, url ` +
    `+ '\\n'); return next(url, context) }`
  const source =
    `import { register } from 'node:module'; ` +
    `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)})`
  return `--import=data:text/javascript,${encodeURIComponent(source)}`
}

const DIGEST = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
const LAZY = /\/chunks\/(contract-sources|check-signature|attest-record)-/

async function modulesLoaded(
  inputs: Record<string, string>,
  files: Record<string, string> = {}
): Promise<{ code: number | null; chunks: string[] }> {
  const workspace = writeTree(tempDir('workspace-'), {
    'app.bin': 'abc',
    '.github/promotion.yml': 'environments:\n  dev: {}\n',
    ...files
  })
  const record = path.join(tempDir('loaded-'), 'modules')
  fs.writeFileSync(record, '')
  // The file ledger exists, as `artifact-seal ledger init` leaves it before a first promotion.
  await ensureLedgerInput(inputs.ledger ?? '', workspace)
  const run = await runAction('dist/promote/index.js', inputs, {
    workspace,
    env: { NODE_OPTIONS: recordingModules(record) }
  })
  const chunks = fs
    .readFileSync(record, 'utf8')
    .split('\n')
    .filter((url) => url.includes('/dist/chunks/'))
  return { code: run.code, chunks }
}

describe('what a promotion loads', () => {
  it('loads neither the contract code nor the signature check when there is neither', async () => {
    const run = await modulesLoaded({
      environment: 'dev',
      'expected-digest': DIGEST,
      'subject-path': 'app.bin',
      ledger: 'file:ledger.jsonl',
      'dry-run': 'true'
    })
    expect(run.code).toBe(0)
    expect(run.chunks.filter((url) => LAZY.test(url))).toEqual([])
    // Nor does the entry's own file hold them (esbuild marks each module it bundles with its path).
    const core = fs.readFileSync(path.join(PROJECT_ROOT, 'dist/promote/index-core.js'), 'utf8')
    expect(
      [
        'src/app/promote/contract-sources.ts',
        'src/app/contract/load-contract.ts',
        'src/app/signature/check-signature.ts',
        'src/app/promote/attest-record.ts'
      ].filter((file) => core.includes(`// ${file}\n`))
    ).toEqual([])
  })

  it('loads the signature check when a signature lies beside the listing', async () => {
    const listing = `ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  app.bin\n`
    const run = await modulesLoaded(
      {
        environment: 'dev',
        'expected-digest': DIGEST,
        'subject-path': 'app.bin',
        'checksums-path': 'seal/app.sha256',
        ledger: 'file:ledger.jsonl',
        'dry-run': 'true'
      },
      { 'seal/app.sha256': listing, 'seal/app.sigstore.json': '{"not": "a bundle"}' }
    )
    // The bundle is refused, so the promotion is: what counts here is that the check ran from its chunk.
    expect(run.code).toBe(1)
    expect(run.chunks.filter((url) => /\/chunks\/check-signature-/.test(url))).toHaveLength(1)
  })
})
