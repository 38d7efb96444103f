import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../../src/core/errors.js'
import {
  contractFilesUnder,
  contractTarget,
  copiesDirOf,
  keptManifestFile,
  readContractFile,
  replaceKeptContract
} from '../../../src/stores/evidence/contract-files.js'
import { readText } from '../../../src/stores/evidence/bundle-reader.js'
import { cacheKeyOf, cacheStagingPath } from '../../../src/stores/evidence/cache-layout.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const refuse = (why: string, file: string): SealError =>
  new SealError('unreadable', `${file}: ${why}`)

describe('contracts on disk', () => {
  it('tells a file from a directory and lists the manifests and contract files in one', () => {
    const dir = writeTree(tempDir(), {
      'b.contract.json': '{}',
      'a.contract.json': '{}',
      'api/openapi.yaml': 'x',
      'api/notes.txt': 'x',
      'proto/a.proto': 'x'
    })
    expect(contractTarget(dir, refuse)).toEqual({
      kind: 'directory',
      manifests: ['a.contract.json', 'b.contract.json']
    })
    expect(contractTarget(path.join(dir, 'api/openapi.yaml'), refuse)).toEqual({ kind: 'file' })
    expect(() => contractTarget(path.join(dir, 'none'), refuse)).toThrowSealError(
      'unreadable',
      'it does not exist'
    )
    // Every file whose name is of a contract kind (a .json manifest too): which are contracts, detection decides.
    expect(contractFilesUnder(dir)).toEqual([
      'a.contract.json',
      'api/openapi.yaml',
      'b.contract.json',
      'proto/a.proto'
    ])
  })

  it('reads a manifest, and its copies from `<name>.contract/` beside it', () => {
    const dir = writeTree(tempDir(), {
      'shop.contract.json': '{"a":1}',
      'shop.contract/api/openapi.yaml': 'openapi: 3.1.0'
    })
    const manifest = path.join(dir, 'shop.contract.json')
    expect(readText(manifest, refuse)).toBe('{"a":1}')
    expect(copiesDirOf(manifest)).toBe(path.join(dir, 'shop.contract'))
    expect(readContractFile(copiesDirOf(manifest), 'api/openapi.yaml')?.toString()).toBe(
      'openapi: 3.1.0'
    )
    expect(readContractFile(copiesDirOf(manifest), 'api/none.yaml')).toBeNull()
  })

  it('replaces a kept contract whole: the copies and then the manifest', () => {
    const store = tempDir()
    const hex = 'c'.repeat(64)
    writeTree(store, { [`${hex}.contract.json`]: 'old', [`${hex}.contract/stale.yaml`]: 'old' })
    replaceKeptContract(store, hex, '{"new":true}\n', [
      { path: 'api/openapi.yaml', bytes: Buffer.from('new') }
    ])
    expect(fs.readFileSync(keptManifestFile(store, hex), 'utf8')).toBe('{"new":true}\n')
    expect(contractFilesUnder(path.join(store, `${hex}.contract`))).toEqual(['api/openapi.yaml'])
    expect(fs.readdirSync(store).sort()).toEqual([`${hex}.contract`, `${hex}.contract.json`])
  })
})

describe("a cache entry's layout", () => {
  it('is keyed by the digest, staged under a path of its own', () => {
    const digest = `sha256:${'d'.repeat(64)}` as const
    expect(cacheKeyOf(digest)).toBe(`artifact-seal-files-sha256-${'d'.repeat(64)}`)
    expect(cacheStagingPath({ RUNNER_TEMP: '/t' })).toMatch(/^\/t\//)
  })
})
