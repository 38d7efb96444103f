/**
 * How a message names what its reader controls. A message written deep in a store (a ledger
 * that does not exist, a path that matches nothing) reaches the person who set the action's
 * inputs in a workflow step on a runner, or the person who typed the CLI's flags in a shell,
 * on a laptop or in GitLab CI or Jenkins: "the promote input create-ledger" means nothing to
 * the second, "--create-ledger" nothing to the first. Messages take these words from
 * `words()`, never spell them out; the CLI's entry point speaks as the CLI for its run.
 */
export interface Vocabulary {
  readonly caller: 'action' | 'cli'
  /** How the reader names the setting the actions call `input`: `"public-key"` or `--public-key`. */
  option(input: string): string
  /** The setting with a value, as the reader writes it: `"create-ledger: true"` or `--create-ledger`. */
  setting(input: string, value: string): string
  /** What is running now: "this step" or "this command". */
  readonly current: string
  /** Where relative paths start: "the workspace" or "the current directory". */
  readonly base: string
  /** The machine it runs on: "the runner" or "this machine". */
  readonly machine: string
  /** Who reads the files: "the runner" or "the user running artifact-seal". */
  readonly reader: string
  /** What to do when a service failed for a while: "re-run the job" or "run the command again". */
  readonly rerun: string
  /** What to do when this run was interrupted: "run the step again" or "run the command again". */
  readonly again: string
  /** Where a pending record's id comes from. */
  readonly recordIdSource: string
}

/** Settings the actions take as keys of their `signed-by` input, where the CLI has a flag each. */
const SIGNED_BY_KEY_OF: Readonly<Record<string, string>> = {
  'public-key': 'key',
  'trusted-root': 'trusted-root',
  'tuf-mirrors': 'tuf-mirrors',
  'signer-repository': 'repository',
  'signer-workflow': 'workflow',
  'source-ref': 'ref',
  'cert-oidc-issuer': 'issuer',
  'deny-self-hosted-runners': 'runner'
}

export const ACTION_VOCABULARY: Vocabulary = {
  caller: 'action',
  option: (input) => {
    const key = SIGNED_BY_KEY_OF[input]
    return key === undefined ? JSON.stringify(input) : `"signed-by" (its "${key}:")`
  },
  setting: (input, value) => JSON.stringify(`${input}: ${value}`),
  current: 'this step',
  base: 'the workspace',
  machine: 'the runner',
  reader: 'the runner',
  rerun: 're-run the job',
  again: 'run the step again',
  recordIdSource: 'the record-id output of the promote step that made it'
}

let spoken: Vocabulary = ACTION_VOCABULARY

/** The words of the caller this process runs for (the actions' unless the CLI said otherwise). */
export function words(): Vocabulary {
  return spoken
}

/** A phrase of the vocabulary at the start of a sentence. */
export function capitalized(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1)
}

/** Speaks as `vocabulary` from now on; returns the vocabulary spoken before, to restore it. */
export function speakAs(vocabulary: Vocabulary): Vocabulary {
  const before = spoken
  spoken = vocabulary
  return before
}
