import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { sealToBundle } from '../../../src/app/seal/seal-to-bundle.js'
import { verifiedPath } from '../../../src/app/verify/verified-path.js'
import { verifyArtifact } from '../../../src/app/verify/verify-artifact.js'
import type { SubjectSpec } from '../../../src/core/seal.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const OPTIONS = {
  fallbackName: 'x',
  build: {
    kind: 'local' as const,
    build: { tool: 't', host: 'h', startedOn: '2026-01-01T00:00:00.000Z' }
  }
}
const subject = (root: string, ...include: string[]): SubjectSpec => ({
  kind: 'paths',
  patterns: { include, exclude: [] },
  baseDir: root,
  inputName: 'subject-path'
})

async function sealedTree() {
  const root = writeTree(tempDir(), { 'dist/app.js': 'go()', 'dist/css/a.css': 'a{}' })
  const { artifact, bundle } = await sealToBundle(
    subject(root, 'dist'),
    { ...OPTIONS, name: 'shop' },
    { outputDir: path.join(root, 'bundle'), defaultParent: root, inputName: 'output-dir' }
  )
  return {
    root,
    digest: artifact.digest,
    listing: bundle.checksumsPath,
    statement: bundle.statementPath
  }
}

const request = (root: string, expected: string, checksumsFile: string | null) => ({
  subject: subject(root, 'dist'),
  expected: expected as `sha256:${string}`,
  checksumsFile,
  checksumsInput: 'checksums-path',
  expectedInput: 'expected-digest'
})

describe('verifying bytes against a seal', () => {
  it('passes the sealed bytes and hands out their directory, exactly what was verified', async () => {
    const { root, digest, listing } = await sealedTree()
    const result = await verifyArtifact(request(root, digest, listing), OPTIONS)
    expect(result).toMatchObject({
      verified: true,
      actual: digest,
      mismatches: [],
      listingGiven: true
    })
    expect(
      await verifiedPath(result.artifact, subject(root, 'dist'), digest, tempDir(), OPTIONS)
    ).toBe(path.join(root, 'dist'))
  })

  it('names each file that differs, with the listing', async () => {
    const { root, digest, listing } = await sealedTree()
    fs.writeFileSync(path.join(root, 'dist/app.js'), 'steal()')
    fs.writeFileSync(path.join(root, 'dist/extra.js'), 'x')
    const result = await verifyArtifact(request(root, digest, listing), OPTIONS)
    expect(result.verified).toBe(false)
    expect(result.mismatches.map((m) => [m.path, m.kind])).toEqual([
      ['app.js', 'changed'],
      ['extra.js', 'added']
    ])
  })

  it('refuses a listing of another digest, and a statement beside it that was changed', async () => {
    const { root, digest, listing, statement } = await sealedTree()
    const other = `sha256:${'0'.repeat(64)}`
    await expect(verifyArtifact(request(root, other, listing), OPTIONS)).rejects.toThrowSealError(
      'tampered',
      'checksums-path',
      `"${listing}"`,
      other
    )
    fs.writeFileSync(statement, '{ not json')
    await expect(verifyArtifact(request(root, digest, listing), OPTIONS)).rejects.toThrowSealError(
      'tampered',
      'checksums-path',
      `"${statement}"`
    )
    await expect(
      verifyArtifact(request(root, digest, path.join(root, 'missing.sha256')), OPTIONS)
    ).rejects.toThrowSealError('unreadable', 'checksums-path', 'it does not exist')
  })

  it('hands out copies of only the verified files when their directory holds others too', async () => {
    const root = writeTree(tempDir(), { 'dist/app.js': 'go()', 'dist/app.js.map': '{}' })
    const only = {
      kind: 'paths' as const,
      patterns: { include: ['dist'], exclude: ['dist/*.map'] },
      baseDir: root,
      inputName: 'subject-path'
    }
    const { artifact } = await sealToBundle(
      only,
      { ...OPTIONS, name: 'shop' },
      { outputDir: path.join(root, 'bundle'), defaultParent: root, inputName: 'output-dir' }
    )
    const result = await verifyArtifact(
      { ...request(root, artifact.digest, null), subject: only },
      OPTIONS
    )
    const handed = await verifiedPath(result.artifact, only, artifact.digest, tempDir(), OPTIONS)
    expect(handed).not.toBe(path.join(root, 'dist'))
    expect(fs.readdirSync(handed)).toEqual(['app.js'])
  })
})
