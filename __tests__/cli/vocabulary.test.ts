import { describe, expect, it } from '@jest/globals'
import { CLI_VOCABULARY } from '../../src/cli/vocabulary.js'
import { main } from '../../src/cli/main.js'
import { ACTION_VOCABULARY, words } from '../../src/core/vocabulary.js'
import { fakeTerminal } from '../helpers/terminal.js'

describe("the CLI's vocabulary", () => {
  it('names an input by its flag, or by what the CLI takes instead', () => {
    expect(CLI_VOCABULARY.option('public-key')).toBe('--public-key')
    expect(CLI_VOCABULARY.option('checksums-path')).toBe('--checksums')
    expect(CLI_VOCABULARY.option('tuf-mirrors')).toBe('--tuf-mirror')
    expect(CLI_VOCABULARY.option('github-token')).toBe('GITHUB_TOKEN')
    expect(CLI_VOCABULARY.setting('create-ledger', 'true')).toBe('--create-ledger')
    expect(CLI_VOCABULARY.setting('environment', 'prod')).toBe('--environment "prod"')
  })

  it("the actions' names their inputs as a workflow writes them", () => {
    expect(ACTION_VOCABULARY.option('environment')).toBe('"environment"')
    // The signer settings the CLI takes as flags are keys of the actions' signed-by.
    expect(ACTION_VOCABULARY.option('public-key')).toBe('"signed-by" (its "key:")')
    expect(ACTION_VOCABULARY.option('trusted-root')).toBe('"signed-by" (its "trusted-root:")')
    expect(ACTION_VOCABULARY.setting('create-ledger', 'true')).toBe('"create-ledger: true"')
  })

  it("is spoken while a command runs, and the actions' again after it", async () => {
    let during = null as string | null
    const terminal = fakeTerminal('/nowhere')
    const out = terminal.out
    // --help prints through the terminal while the command runs.
    const spy = { ...terminal, out: (text: string) => ((during = words().caller), out(text)) }
    expect(await main(['history', '--help'], spy)).toBe(0)
    expect(during).toBe('cli')
    expect(words()).toBe(ACTION_VOCABULARY)
  })
})
