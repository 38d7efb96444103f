import { afterAll, describe, expect, it } from '@jest/globals'
import { diffCommand } from '../../src/cli/diff-command.js'
import { fakeTerminal } from '../helpers/terminal.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)

describe('artifact-seal diff', () => {
  it('names every file that changed, went missing or appeared, and exits 1; equal listings exit 0', async () => {
    const cwd = writeTree(tempDir(), {
      'sealed.sha256': `${A}  app.js\n${A}  gone.txt\n`,
      'other.sha256': `${B}  app.js\n${A}  new.txt\n`,
      'same.sha256': `${A}  app.js\n${A}  gone.txt\n`
    })
    const differ = fakeTerminal(cwd)
    expect(await diffCommand(['sealed.sha256', 'other.sha256', '--json'], differ)).toBe(1)
    expect(differ.document()).toMatchObject({
      equal: false,
      mismatches: [
        { path: 'app.js', kind: 'changed', expected: A, actual: B },
        { path: 'gone.txt', kind: 'missing' },
        { path: 'new.txt', kind: 'added' }
      ]
    })
    expect(await diffCommand(['sealed.sha256', 'same.sha256', '--json'], fakeTerminal(cwd))).toBe(0)
  })

  it('wants two listings it can read', async () => {
    const cwd = tempDir()
    await expect(diffCommand(['one.sha256'], fakeTerminal(cwd))).rejects.toThrowSealError(
      'usage',
      'diff'
    )
    await expect(
      diffCommand(['one.sha256', 'two.sha256'], fakeTerminal(cwd))
    ).rejects.toThrowSealError('unreadable', 'diff', '"one.sha256"')
  })
})
