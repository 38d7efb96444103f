import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { EntryFilter } from '../../core/promotion/ledger-index.js'
import type { LedgerEntry, LiveSpan, NewRecord, Service } from '../../core/promotion/record.js'
import type { FileLedger, LedgerHead } from './file-ledger.js'
import type { Ledger, LedgerView, Recorded, ResolveRequest } from './ledger.js'

/** Where a file ledger is kept in git: `git:<remote>#<branch>:<path>`. */
export interface GitLedgerAddress {
  /** Any URL or path git can fetch from and push to; its credentials stay git's (helpers, SSH keys). */
  readonly remote: string
  readonly branch: string
  /** The ledger file's path inside the branch. */
  readonly file: string
}

/** Reads `git:<remote>#<branch>:<path>`: the remote up to the last "#", the branch up to the first ":" after it. */
export function parseGitLedgerAddress(value: string, inputName: string): GitLedgerAddress {
  const body = value.slice('git:'.length)
  const hash = body.lastIndexOf('#')
  const remote = hash < 0 ? '' : body.slice(0, hash)
  const rest = hash < 0 ? '' : body.slice(hash + 1)
  const colon = rest.indexOf(':')
  const branch = colon < 0 ? '' : rest.slice(0, colon)
  const file = colon < 0 ? '' : rest.slice(colon + 1)
  const normal = path.posix.normalize(file)
  const fine =
    remote !== '' &&
    !remote.startsWith('-') &&
    /^[A-Za-z0-9._/-]+$/.test(branch) &&
    !branch.startsWith('-') &&
    !branch.includes('..') &&
    file !== '' &&
    normal === file &&
    !normal.startsWith('../') &&
    !path.posix.isAbsolute(normal) &&
    !normal.split('/').includes('.git')
  if (!fine) {
    throw new SealError(
      'bad-input',
      `${inputName}: ${quote(redacted(value))} is not a ledger in git. Give "git:<remote>#<branch>:<path>", such as ` +
        ('"git:git@gitlab.example.com:acme/deploy-ledger.git#ledger:prod/ledger.jsonl": the branch holds the ' +
          'ledger file at that relative path.')
    )
  }
  return { remote, branch, file }
}

/** The address with any password or token in the remote's URL left out, for messages and records. */
export function redacted(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@')
}

export interface GitLedgerOptions {
  /** Opens the file ledger in the checkout; called again after every reset, so nothing read before is kept. */
  readonly open: (file: string) => FileLedger
  /** How many times a write is judged again after another writer pushed first. */
  readonly attempts?: number
  /** Runs after a write is committed and before it is pushed: tests force two writers to race here. */
  readonly beforePush?: () => Promise<void>
  readonly env?: NodeJS.ProcessEnv
}

type PushResult = 'pushed' | 'behind'

/**
 * A file ledger kept on a branch of a git repository, for CI machines that keep nothing
 * between jobs (GitLab CI, Jenkins agents). Each command fetches the branch into a checkout
 * of its own, reads and writes the file there under the file ledger's lock, commits what it
 * appended and pushes. When another writer pushed first, the push is refused as not a
 * fast-forward: the checkout is reset to the remote's branch, and the write runs again from
 * the start (the records read again, the decision made again, the record appended again). A
 * judged record is never rebased onto records its judgement did not see.
 */
export class GitLedger implements Ledger {
  readonly location: string
  private ledger: FileLedger

  private constructor(
    private readonly address: GitLedgerAddress,
    private readonly checkout: string,
    private readonly options: GitLedgerOptions
  ) {
    this.location = `git:${redacted(address.remote)}#${address.branch}:${address.file}`
    this.ledger = options.open(this.file)
  }

  /**
   * Fetches the branch into `checkout` (made when missing). `create`: a branch that does not exist
   * yet is started, for `ledger init`.
   */
  static open(
    address: GitLedgerAddress,
    checkout: string,
    options: GitLedgerOptions,
    create = false
  ): GitLedger {
    const ledger = new GitLedger(address, checkout, options)
    ledger.sync(create)
    return ledger
  }

  private get file(): string {
    return path.join(this.checkout, ...this.address.file.split('/'))
  }

  live(environment: string, service: Service): Promise<LiveSpan | null> {
    return this.ledger.live(environment, service)
  }
  spans(digest: Digest, environment: string, service: Service): Promise<LiveSpan[]> {
    return this.ledger.spans(digest, environment, service)
  }
  veto(digest: Digest): Promise<LedgerEntry | null> {
    return this.ledger.veto(digest)
  }
  previouslyLive(environment: string, service: Service): AsyncIterable<LiveSpan> {
    return this.ledger.previouslyLive(environment, service)
  }
  newest(
    environment: string
  ): Promise<{ readonly service: Service; readonly live: LiveSpan } | null> {
    return this.ledger.newest(environment)
  }
  pending(environment: string, service?: Service): Promise<LedgerEntry[]> {
    return this.ledger.pending(environment, service)
  }
  entries(filter?: EntryFilter): AsyncIterable<LedgerEntry> {
    return this.ledger.entries(filter)
  }
  now(): Promise<Date> {
    return this.ledger.now()
  }
  services(environment: string): Promise<Service[]> {
    return this.ledger.services(environment)
  }

  record(
    environment: string,
    decide: (view: LedgerView) => Promise<NewRecord | null>,
    pendingTimeoutMs: number
  ): Promise<Recorded> {
    return this.writing(`${environment}: record`, () =>
      this.ledger.record(environment, decide, pendingTimeoutMs)
    )
  }

  resolve(request: ResolveRequest): Promise<LedgerEntry> {
    return this.writing(`resolve record ${request.id}`, () => this.ledger.resolve(request))
  }

  init(): Promise<LedgerHead> {
    return this.writing('create the ledger', () => this.ledger.init())
  }

  /** The file ledger in the checkout, for what only a file ledger does (its chain, its checkpoint). */
  fileLedger(): FileLedger {
    return this.ledger
  }

  private async writing<T>(what: string, write: () => Promise<T>): Promise<T> {
    const attempts = this.options.attempts ?? 5
    for (let attempt = 1; ; attempt++) {
      const result = await write()
      if (!this.commit(what)) return result
      await this.options.beforePush?.()
      if (this.push() === 'pushed') return result
      if (attempt >= attempts) {
        throw new SealError(
          'conflict',
          `${this.location}: other writers pushed to ${this.address.branch} before this one ${attempts} times ` +
            'in a row; nothing of this command was kept. Run it again.'
        )
      }
      // Another writer's records came first: start again from theirs, and judge again.
      this.sync(false)
    }
  }

  /** Brings the checkout to the remote's branch exactly, dropping anything local. */
  private sync(create: boolean): void {
    if (!fs.existsSync(path.join(this.checkout, '.git'))) {
      fs.mkdirSync(this.checkout, { recursive: true })
      this.git(['init', '--quiet'])
    }
    const fetched = this.run([
      'fetch',
      '--quiet',
      '--no-tags',
      this.address.remote,
      `+refs/heads/${this.address.branch}:refs/remotes/ledger/${this.address.branch}`
    ])
    if (fetched.status === 0) {
      this.git([
        'checkout',
        '--quiet',
        '--force',
        '-B',
        this.address.branch,
        `refs/remotes/ledger/${this.address.branch}`
      ])
      this.git(['clean', '--quiet', '-fdx'])
    } else if (/couldn't find remote ref|could not find remote ref/i.test(fetched.stderr)) {
      if (!create) {
        throw new SealError(
          'unreadable',
          `${this.location}: the branch ${quote(this.address.branch)} does not exist in ${quote(redacted(this.address.remote))}. A missing ledger is never read as ` +
            'an empty one: ' +
            `create it with "artifact-seal ledger init --ledger ${this.location}", or give the branch that holds it.`
        )
      }
      this.git(['checkout', '--quiet', '--orphan', this.address.branch])
      this.run(['rm', '-r', '--quiet', '--cached', '--ignore-unmatch', '.'])
      this.git(['clean', '--quiet', '-fdx'])
    } else {
      throw this.failure('fetch', fetched.stderr)
    }
    this.ledger = this.options.open(this.file)
  }

  /**
   * Commits every change the write made (the ledger, its checkpoint, the contracts kept beside it);
   * false when there is none.
   */
  private commit(what: string): boolean {
    this.git(['add', '--all', '--', '.'])
    if (this.run(['diff', '--cached', '--quiet']).status === 0) return false
    this.git([
      '-c',
      'user.name=artifact-seal',
      '-c',
      'user.email=artifact-seal@localhost',
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      `artifact-seal: ${what}`
    ])
    return true
  }

  private push(): PushResult {
    const pushed = this.run([
      'push',
      '--quiet',
      '--porcelain',
      this.address.remote,
      `HEAD:refs/heads/${this.address.branch}`
    ])
    if (pushed.status === 0) return 'pushed'
    // Refused as not a fast-forward (or the branch created meanwhile): another writer came first.
    if (
      /\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(stale|lock)/i.test(
        `${pushed.stdout}\n${pushed.stderr}`
      )
    )
      return 'behind'
    throw this.failure('push', `${pushed.stdout}\n${pushed.stderr}`)
  }

  private failure(doing: 'fetch' | 'push', output: string): SealError {
    const said =
      redacted(output.trim().split('\n').filter(Boolean).slice(-2).join(' ')) || 'no message'
    return new SealError(
      /denied|authentication|permission|could not read username/i.test(output)
        ? 'denied'
        : 'unavailable',
      `${this.location}: git could not ${doing} ${quote(this.address.branch)} (${said}). Nothing was ${doing === 'push' ? 'kept' : 'read'}. ` +
        (`Check that this machine can ${doing === 'push' ? 'push to' : 'fetch from'} ${quote(redacted(this.address.remote))} with its git credentials (an SSH ` +
          'key, a credential helper, a CI token), then run again.')
    )
  }

  /** A git command on the private checkout alone (no remote): its failure is this machine's. */
  private git(args: readonly string[]): void {
    const done = this.run(args)
    if (done.status === 0) return
    const said =
      done.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${done.status ?? 'by signal'}`
    const command = args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? 'git'
    throw new SealError(
      'unavailable',
      `${this.location}: "git ${command}" failed in the private checkout ${quote(this.checkout)} (${quote(said)}). ` +
        'Nothing was pushed. Check that git works on this machine and that its temporary directory is writable, then run again.'
    )
  }

  private run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync('git', ['-C', this.checkout, ...args], {
      encoding: 'utf8',
      // Never a prompt for a password on a CI machine: a missing credential fails at once.
      env: {
        ...(this.options.env ?? process.env),
        GIT_TERMINAL_PROMPT: '0',
        GIT_ASKPASS: 'true',
        LC_ALL: 'C'
      }
    })
    if (result.error) {
      throw new SealError(
        'unavailable',
        `${this.location}: git could not be started (${(result.error as NodeJS.ErrnoException).code ?? result.error.message}). Install git, then run again.`
      )
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }
}
