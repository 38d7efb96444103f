import { describe, expect, it } from '@jest/globals'
import { printWarning } from '../../src/cli/terminal.js'
import { fakeTerminal } from '../helpers/terminal.js'

describe('a warning on the terminal', () => {
  it('reads as every command prints one: the program, then warning:, on stderr alone', () => {
    const terminal = fakeTerminal('/tmp')
    printWarning(terminal, 'the contract kept beside the ledger does not verify')
    expect(terminal.stderr()).toBe(
      'artifact-seal: warning: the contract kept beside the ledger does not verify\n'
    )
    expect(terminal.stdout()).toBe('')
  })

  it('colours the word warning: where the terminal paints', () => {
    const terminal = {
      ...fakeTerminal('/tmp'),
      paint: (style: string, text: string) => `<${style}>${text}</${style}>`
    }
    let err = ''
    printWarning({ ...terminal, err: (text) => void (err += text) }, 'x')
    expect(err).toBe('artifact-seal: <warn>warning:</warn> x\n')
  })
})
