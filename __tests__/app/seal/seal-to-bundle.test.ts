import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { sealToBundle } from '../../../src/app/seal/seal-to-bundle.js'
import type { SubjectSpec } from '../../../src/core/seal.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const OPTIONS = {
  fallbackName: 'x',
  name: 'shop',
  build: {
    kind: 'local' as const,
    build: { tool: 't', host: 'h', startedOn: '2026-01-01T00:00:00.000Z' }
  }
}

describe('where a seal bundle may go', () => {
  it('refuses a bundle directory inside the sealed tree even when its name starts with two dots', async () => {
    const root = writeTree(tempDir(), { 'dist/app.js': 'go()', 'dist/css/a.css': 'a{}' })
    const subject: SubjectSpec = {
      kind: 'paths',
      patterns: { include: ['dist'], exclude: [] },
      baseDir: root,
      inputName: 'subject-path'
    }
    const outputDir = path.join(root, 'dist', '..bundle')
    await expect(
      sealToBundle(subject, OPTIONS, { outputDir, defaultParent: root, inputName: 'output-dir' })
    ).rejects.toThrowSealError('bad-input', 'output-dir', '..bundle')
    expect(fs.existsSync(outputDir)).toBe(false)
  })
})
