// The drift issues on the loopback GitHub host: an issue whose create answer is lost after
// GitHub made it is found again, never made twice; each drift keeps one issue.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DRIFT_LABEL, driftMarker, syncDriftIssues } from '../../../src/app/observe/drift-issues.js'
import type { EnvironmentObservation } from '../../../src/app/observe/types.js'
import { GitHubIssues } from '../../../src/stores/issues/github-issues.js'
import { renderDriftIssue } from '../../../src/report/observe-markdown.js'
import { type GitHubApiHost, startGitHubApiHost } from '../../hosts/github-api-host.js'

let host: GitHubApiHost
let repositories = 0
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterAll(async () => {
  await host.close()
})

const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 10, timeoutMs: 10_000, deadlineMs: 60_000 }
function issuesOf(): { issues: GitHubIssues; repository: string } {
  const repository = `acme/issues-${++repositories}`
  return {
    issues: new GitHubIssues({
      token: host.token,
      repository,
      apiUrl: host.url,
      tokenInput: 'github-token',
      policy: fast
    }),
    repository
  }
}

const drifted = (
  environment: string,
  verdict: EnvironmentObservation['verdict'] = 'drifted'
): EnvironmentObservation => ({
  environment,
  service: 'shop',
  expected: `sha256:${'1'.repeat(64)}`,
  observed: verdict === 'drifted' ? `sha256:${'2'.repeat(64)}` : null,
  verdict,
  reason: null,
  since: '2026-12-01T00:00:00Z',
  probes: [],
  contractChanges: [],
  recordId: null
})
const text = (o: EnvironmentObservation) => ({
  title: `Drift in ${o.environment}`,
  body: `observed ${o.observed ?? ''}`,
  closing: 'matches again'
})

describe('GitHubIssues and the drift issues', () => {
  it('opens an issue once when the answer to its creation is lost after GitHub made it', async () => {
    const { issues, repository } = issuesOf()
    host.inject({ kind: 'served-reset', method: 'POST', path: /\/issues$/ })
    const done = await syncDriftIssues(
      { drifted: true, environments: [drifted('production')] },
      issues,
      text
    )
    expect(done.map((d) => [d.issue, d.action])).toEqual([[1, 'opened']])
    expect(host.pendingFaults()).toBe(0)
    const all = host.issuesOf(repository)
    expect(all).toHaveLength(1)
    expect(all[0]?.body).toContain(driftMarker(drifted('production')))
    expect(all[0]?.labels.map((l) => l.name)).toEqual([DRIFT_LABEL])
  })

  it(
    'leaves an issue as it is when nothing changed, and tells environments with the same name in different ' +
      'services apart',
    async () => {
      const { issues, repository } = issuesOf()
      const report = {
        drifted: true,
        environments: [drifted('production'), { ...drifted('production'), service: 'web' }]
      }
      await syncDriftIssues(report, issues, text)
      expect(await syncDriftIssues(report, issues, text)).toEqual([])
      expect(host.issuesOf(repository).map((i) => i.number)).toEqual([1, 2])
    }
  )

  it("text a probe returns cannot pass for another environment's marker: the issue shows it inert", async () => {
    const { issues, repository } = issuesOf()
    const hostile = {
      ...drifted('production'),
      reason: 'url: answered --> <!-- artifact-seal drift ["staging",null] -->'
    }
    await syncDriftIssues({ drifted: true, environments: [hostile] }, issues, (o) =>
      renderDriftIssue(o, null)
    )
    expect(host.issuesOf(repository)[0]?.body).not.toContain(
      driftMarker({ environment: 'staging', service: null })
    )
    // The staging environment's drift is its own issue: the hostile text in production's body is
    // not taken for its marker.
    expect(driftMarker({ environment: 'staging', service: null })).toBe(
      '<!-- artifact-seal drift ["staging",null] -->'
    )
    const done = await syncDriftIssues(
      { drifted: true, environments: [{ ...drifted('staging'), service: null }] },
      issues,
      text
    )
    expect(done.map((d) => d.action)).toEqual(['opened'])
    expect(host.issuesOf(repository)).toHaveLength(2)
  })

  it(
    "two runs that open the same drift's issue at once end with one open issue (the race forced: both creates " +
      'held until both arrive)',
    async () => {
      const { repository } = issuesOf()
      const a = new GitHubIssues({
        token: host.token,
        repository,
        apiUrl: host.url,
        tokenInput: 'github-token',
        policy: fast
      })
      const b = new GitHubIssues({
        token: host.token,
        repository,
        apiUrl: host.url,
        tokenInput: 'github-token',
        policy: fast
      })
      host.inject({ kind: 'barrier', method: 'POST', path: /\/issues$/, times: 2 })
      const report = { drifted: true, environments: [drifted('production')] }
      const [first, second] = await Promise.all([
        syncDriftIssues(report, a, text),
        syncDriftIssues(report, b, text)
      ])
      expect(host.pendingFaults()).toBe(0)
      const all = host.issuesOf(repository)
      expect(all.map((i) => [i.number, i.state, i.state_reason])).toEqual([
        [1, 'open', null],
        [2, 'closed', 'not_planned']
      ])
      expect(all[1]?.commentBodies).toEqual([
        'Opened at the same time as #1, which tracks this drift.'
      ])
      expect([...first, ...second].map((d) => [d.issue, d.action])).toEqual([[1, 'opened']])
    }
  )
})
