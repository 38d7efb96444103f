import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { removeQuietly } from '../../../src/stores/evidence/directory-handoff.js'
import { sourcesMatching } from '../../helpers/source-files.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

describe('removeQuietly', () => {
  it('removes a file or a whole directory, and says nothing of one that is not there', () => {
    const root = writeTree(tempDir(), { 'a.tmp': 'x', 'dir/b/c.txt': 'y' })
    removeQuietly(path.join(root, 'a.tmp'))
    removeQuietly(path.join(root, 'dir'))
    removeQuietly(path.join(root, 'never-there'))
    expect(fs.readdirSync(root)).toEqual([])
  })

  it('is the one quiet removal of the stores (the lock keeps its own, which says whether it removed)', () => {
    expect(sourcesMatching(/function removeQuietly\(/)).toEqual([
      'stores/evidence/directory-handoff.ts',
      'stores/ledger/file-lock.ts'
    ])
  })
})
