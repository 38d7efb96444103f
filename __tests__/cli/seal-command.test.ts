import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { sealCommand } from '../../src/cli/seal-command.js'
import { verifyCommand } from '../../src/cli/verify-command.js'
import { fakeTerminal } from '../helpers/terminal.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

async function sealed(cwd: string): Promise<{
  digest: string
  checksumsPath: string
  statementPath: string
  bundlePath: string | null
}> {
  const terminal = fakeTerminal(cwd)
  expect(
    await sealCommand(
      ['site', '--subject-name', 'shop', '--out', 'bundle', '--sign', 'none', '--json'],
      terminal
    )
  ).toBe(0)
  return terminal.document()
}

describe('artifact-seal seal and verify, in-process', () => {
  it('seals a tree to the digest sha256sum gives, writing the listing and the statement', async () => {
    const cwd = writeTree(tempDir(), { 'site/index.html': '<p>hi</p>', 'site/css/a.css': 'a{}' })
    const result = await sealed(cwd)
    expect(result.digest).toBe(shellTreeDigest(path.join(cwd, 'site')))
    expect(result).toMatchObject({
      checksumsPath: path.join(cwd, 'bundle', 'shop.sha256'),
      bundlePath: null
    })
    expect(JSON.parse(fs.readFileSync(result.statementPath, 'utf8')).subject[0].digest.sha256).toBe(
      result.digest.slice('sha256:'.length)
    )
  })

  it('verifies the sealed bytes, and names each file that changed when they are not', async () => {
    const cwd = writeTree(tempDir(), { 'site/index.html': '<p>hi</p>', 'site/app.js': 'go()' })
    const { digest, checksumsPath } = await sealed(cwd)
    const ok = fakeTerminal(cwd)
    expect(
      await verifyCommand(['site', '--digest', digest, '--checksums', checksumsPath, '--json'], ok)
    ).toBe(0)
    expect(ok.document()).toMatchObject({ verified: true, digest, mismatches: [] })
    fs.writeFileSync(path.join(cwd, 'site/app.js'), 'steal()')
    const changed = fakeTerminal(cwd)
    expect(
      await verifyCommand(
        ['site', '--digest', digest, '--checksums', checksumsPath, '--json'],
        changed
      )
    ).toBe(1)
    expect(changed.document()).toMatchObject({
      verified: false,
      expected: digest,
      mismatches: [{ path: 'app.js', kind: 'changed' }]
    })
  })

  it('refuses what cannot be sealed or verified before anything is written', async () => {
    const cwd = writeTree(tempDir(), { 'site/index.html': 'x' })
    await expect(
      sealCommand(['site', '--contract-version', '1.0.0'], fakeTerminal(cwd))
    ).rejects.toThrowSealError('bad-input', '--contract-version')
    await expect(verifyCommand(['site'], fakeTerminal(cwd))).rejects.toThrowSealError(
      'usage',
      '--digest'
    )
    expect(fs.readdirSync(cwd)).toEqual(['site'])
  })
})
