import { SealError, quote } from '../../core/errors.js'
import type { Clock } from '../../http/clock.js'
import { type GitHubClient, gitHubClient } from '../../http/github.js'
import { DEFAULT_POLICY, type Failure, type HttpPolicy } from '../../http/retry-policy.js'

/** An issue, reduced to what the drift issues read. */
export interface TrackedIssue {
  readonly number: number
  readonly url: string
  readonly body: string
  readonly labels: readonly string[]
}

export interface GitHubIssuesOptions {
  readonly token: string
  /** owner/name */
  readonly repository: string
  readonly apiUrl: string
  /** The input that gave the token, for messages. */
  readonly tokenInput: string
  readonly policy?: HttpPolicy
  readonly clock?: Clock
}

/**
 * The repository's issues, as far as the observer keeps them: the open issues with one label,
 * created once (a create whose answer was lost is looked for before it is sent again), updated,
 * commented on and closed. Every call goes through the http/ client and its retry policy.
 */
export class GitHubIssues {
  private readonly octokit: GitHubClient
  private readonly owner: string
  private readonly repo: string

  constructor(private readonly options: GitHubIssuesOptions) {
    const [owner = '', repo = ''] = options.repository.split('/')
    this.owner = owner
    this.repo = repo
    this.octokit = gitHubClient({
      token: options.token,
      apiUrl: options.apiUrl,
      policy: options.policy ?? DEFAULT_POLICY,
      ...(options.clock ? { clock: options.clock } : {}),
      fail: (request, failure) => this.failed(`${request.method} ${request.path}`, failure)
    })
  }

  /** The open issues that carry the label, every page. */
  async open(label: string): Promise<TrackedIssue[]> {
    const found: TrackedIssue[] = []
    for await (const page of this.octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues', {
      owner: this.owner,
      repo: this.repo,
      state: 'open',
      labels: label,
      per_page: 100
    })) {
      for (const raw of page.data as unknown[]) found.push(readIssue(raw))
    }
    return found
  }

  /** Opens an issue once: after an answer lost on the way, the open issue whose body holds `marker` is the one made. */
  async create(title: string, body: string, label: string, marker: string): Promise<TrackedIssue> {
    const recover = async () => {
      const made = (await this.open(label)).find((i) => i.body.includes(marker))
      return made === undefined
        ? undefined
        : {
            status: 201,
            url: made.url,
            headers: {},
            data: {
              number: made.number,
              html_url: made.url,
              body: made.body,
              labels: made.labels.map((name) => ({ name }))
            }
          }
    }
    const response = await this.octokit.writeOnce(
      () =>
        this.octokit.request('POST /repos/{owner}/{repo}/issues', {
          owner: this.owner,
          repo: this.repo,
          title,
          body,
          labels: [label]
        }),
      recover
    )
    return readIssue(response.data)
  }

  /** Changes the body or the state; a closed issue is `completed` unless `reason` says `not_planned` (a duplicate). */
  async update(
    number: number,
    fields: {
      readonly body?: string
      readonly state?: 'open' | 'closed'
      readonly reason?: 'completed' | 'not_planned'
    }
  ): Promise<TrackedIssue> {
    const { reason, ...rest } = fields
    const response = await this.octokit.request(
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        ...rest,
        ...(fields.state === 'closed' ? { state_reason: reason ?? ('completed' as const) } : {})
      }
    )
    return readIssue(response.data)
  }

  async comment(number: number, body: string): Promise<void> {
    await this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: this.owner,
      repo: this.repo,
      issue_number: number,
      body
    })
  }

  private failed(request: string, failure: Failure): SealError {
    const where = `${request} at ${this.options.apiUrl}`
    if (failure.kind === 'bad-credentials' || failure.kind === 'forbidden') {
      return new SealError(
        'denied',
        `${this.options.tokenInput}: the token may not manage the issues of ${this.options.repository} ` +
          `(${failure.detail} on ${where}). Give the job "permissions: issues: write", ` +
          'or leave open-issue out.'
      )
    }
    return new SealError(
      failure.kind === 'client' ? 'refused' : 'unavailable',
      `${where} answered ${failure.detail}; the drift issues of ${this.options.repository} were not brought up ` +
        'to date. Re-run the job.'
    )
  }
}

function readIssue(raw: unknown): TrackedIssue {
  const i = raw as { number?: unknown; html_url?: unknown; body?: unknown; labels?: unknown }
  if (
    typeof i !== 'object' ||
    i === null ||
    typeof i.number !== 'number' ||
    typeof i.html_url !== 'string'
  ) {
    throw new SealError(
      'unavailable',
      `GitHub answered with an issue that is not one: ${quote(JSON.stringify(raw).slice(0, 200))}.`
    )
  }
  const labels = Array.isArray(i.labels)
    ? i.labels.map((l) =>
        typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? '')
      )
    : []
  return {
    number: i.number,
    url: i.html_url,
    body: typeof i.body === 'string' ? i.body : '',
    labels
  }
}
