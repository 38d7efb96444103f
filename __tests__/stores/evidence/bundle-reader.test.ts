import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../../src/core/errors.js'
import {
  contractManifestBeside,
  hasBundleBeside,
  listingsIn,
  readListing,
  readSigstoreBundleBeside,
  readStatementBeside,
  readText,
  readTextIfAny,
  whyUnreadable
} from '../../../src/stores/evidence/bundle-reader.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const HEX = 'a'.repeat(64)
const unreadable = (why: string, file: string): SealError =>
  new SealError('unreadable', `cannot read ${file}: ${why}`)

describe('the seal bundle beside a listing', () => {
  it('reads the listing and each file a seal writes beside it, and parses what is JSON', () => {
    const dir = writeTree(tempDir(), {
      'app.sha256': `${HEX}  bin/app\n`,
      'app.intoto.json': '{"_type":"https://in-toto.io/Statement/v1"}',
      'app.sigstore.json': 'not json',
      'app.contract.json': '{}'
    })
    const listing = path.join(dir, 'app.sha256')
    expect(readListing(listing, unreadable)).toEqual([{ hex: HEX, path: 'bin/app' }])
    expect(readStatementBeside(listing, unreadable)).toMatchObject({
      file: path.join(dir, 'app.intoto.json'),
      json: { _type: 'https://in-toto.io/Statement/v1' },
      notJson: null
    })
    const signed = readSigstoreBundleBeside(listing, unreadable)
    expect(signed).toMatchObject({ text: 'not json', json: undefined })
    expect(signed?.notJson).toEqual(expect.any(String))
    expect(contractManifestBeside(listing)).toBe(path.join(dir, 'app.contract.json'))
  })

  it('has nothing beside a listing the seal did not name <name>.sha256, and null for a file a bundle may lack', () => {
    const dir = writeTree(tempDir(), { SUMS: `${HEX}  a\n`, 'app.sha256': `${HEX}  a\n` })
    expect(hasBundleBeside(path.join(dir, 'SUMS'))).toBe(false)
    expect(readStatementBeside(path.join(dir, 'SUMS'), unreadable)).toBeNull()
    expect(hasBundleBeside(path.join(dir, 'app.sha256'))).toBe(true)
    expect(readStatementBeside(path.join(dir, 'app.sha256'), unreadable)).toBeNull()
    expect(contractManifestBeside(path.join(dir, 'app.sha256'))).toBeNull()
  })

  it("words a file that cannot be read with the caller's error and why", () => {
    const dir = writeTree(tempDir(), { 'app.intoto.json': null })
    expect(() => readListing(path.join(dir, 'gone.sha256'), unreadable)).toThrowSealError(
      'unreadable',
      `${path.join(dir, 'gone.sha256')}`
    )
    // A directory where the statement should be is there, and unreadable as a file.
    expect(() => readStatementBeside(path.join(dir, 'app.sha256'), unreadable)).toThrowSealError(
      'unreadable'
    )
    expect(whyUnreadable(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('EACCES')
  })

  it("reads text one way: a file that may be absent is null, any other failure the caller's error", () => {
    const dir = writeTree(tempDir(), { 'a.txt': 'text', 'sub/x': 'y' })
    expect(readText(path.join(dir, 'a.txt'), unreadable)).toBe('text')
    expect(readTextIfAny(path.join(dir, 'a.txt'), unreadable)).toBe('text')
    expect(readTextIfAny(path.join(dir, 'gone'), unreadable)).toBeNull()
    expect(() => readText(path.join(dir, 'gone'), unreadable)).toThrowSealError(
      'unreadable',
      'does not exist'
    )
    expect(() => readTextIfAny(path.join(dir, 'sub'), unreadable)).toThrowSealError(
      'unreadable',
      'is a directory'
    )
  })

  it('finds the listings in a bundle directory, sorted, and says when a path is no directory', () => {
    const dir = writeTree(tempDir(), {
      'b.sha256': '',
      'a.sha256': '',
      'a.intoto.json': '',
      'c.sha256/x': ''
    })
    expect(listingsIn(dir, unreadable)).toEqual(['a.sha256', 'b.sha256'])
    expect(listingsIn(path.join(dir, 'a.sha256'), unreadable)).toBeNull()
    expect(listingsIn(path.join(dir, 'missing'), unreadable)).toBeNull()
    expect(fs.existsSync(dir)).toBe(true)
  })
})
