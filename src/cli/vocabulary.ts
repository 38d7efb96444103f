import type { Vocabulary } from '../core/vocabulary.js'

/**
 * The action inputs whose flag is not "--" and the same name: what the CLI takes as
 * arguments, as a repeated flag, or from the environment.
 */
const FLAG_OF: Readonly<Record<string, string>> = {
  'subject-path': 'the paths given',
  'expected-digest': '--digest',
  'checksums-path': '--checksums',
  'tuf-mirrors': '--tuf-mirror',
  'github-token': 'GITHUB_TOKEN',
  confirm: 'confirm <record-id>'
}

function flagOf(input: string): string {
  return FLAG_OF[input] ?? `--${input}`
}

/** The CLI's words: flags, the current directory, this machine. */
export const CLI_VOCABULARY: Vocabulary = {
  caller: 'cli',
  option: flagOf,
  setting: (input, value) => {
    const flag = flagOf(input)
    if (!flag.startsWith('--')) return `${flag} ${JSON.stringify(value)}`
    return value === 'true' ? flag : `${flag} ${JSON.stringify(value)}`
  },
  current: 'this command',
  base: 'the current directory',
  machine: 'this machine',
  reader: 'the user running artifact-seal',
  rerun: 'run the command again',
  again: 'run the command again',
  recordIdSource:
    'the record id "artifact-seal promote" printed (or one "artifact-seal history" shows)'
}
