/**
 * Issue 18: a new user's three example workflows (examples/workflows/pipeline.yml,
 * monorepo.yml, rollback.yml) run end to end on the bundled actions. Each workflow file is
 * read as it is and its jobs run in `needs` order by __tests__/helpers/workflow-runner.ts:
 * the artifact-seal steps (OWNER/artifact-seal…@v1) through dist/ with the inputs action.yml
 * defaults, and their post steps; `run:` steps with bash in the job's workspace; every
 * `${{ }}` and `if:` evaluated (an expression the evaluator does not know fails the test).
 * The policy is the one examples/workflows/README.md gives for each workflow, read from it.
 *
 * Loopback hosts: the GitHub REST API (deployments = the github ledger, attestations,
 * artifacts; its clock is what the soak is measured on), the results service (workflow
 * artifacts and the Actions cache, on Azurite) and a Sigstore instance (the job's OIDC
 * token, Fulcio, the timestamp authority).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  type GitHubApiHost,
  type Permission,
  startGitHubApiHost
} from '../hosts/github-api-host.js'
import { type ResultsServiceHost, startResultsServiceHost } from '../hosts/results-service-host.js'
import { type SigstoreHost, startSigstoreHost } from '../hosts/sigstore-host.js'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, shellTreeDigest, tempDir, writeTree } from '../helpers/trees.js'
import {
  type ExpressionContext,
  type JobResult,
  type JobSetting,
  type StandIn,
  type StepResult,
  type WorkflowRun,
  condition,
  evaluate,
  interpolate,
  runWorkflow
} from '../helpers/workflow-runner.js'

const MINUTE = 60_000

let results: ResultsServiceHost
let github: GitHubApiHost
let sig: SigstoreHost
let rootFile: string
let runnerTemp: string
/** Where the deploy script fixture puts what it deployed: <environment>[/<service>], and a log. */
let deployed: string
let shims: string
let npmCache: string

// ---- the policy, as examples/workflows/README.md gives it ---------------------------------

const README = fs.readFileSync(path.join(PROJECT_ROOT, 'examples/workflows/README.md'), 'utf8')

/** The README's yaml block that starts with this comment line, OWNER/REPO filled in. */
function readmePolicy(heading: string, repository: string): string {
  const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string)
  const block = blocks.find((b) => b.split('\n')[0]?.trim() === heading)
  if (block === undefined) throw new Error(`README.md has no policy block "${heading}"`)
  return block.replace(/OWNER\/REPO/g, repository)
}

// ---- the fixture repositories --------------------------------------------------------------

/** The deploy script the examples call: copies the files it is handed and logs what it got. */
const deployScript = (): string => `#!/usr/bin/env bash
# Fixture: deploys by copying the files to ${deployed}/<environment>[/<service>].
set -euo pipefail
target=$1
if [ $# -eq 3 ]; then service=$2; files=$3; else service=''; files=$2; fi
[ -n "$files" ] && [ -d "$files" ] || { echo "deploy.sh: no files to deploy: '$files'" >&2; exit 1; }
dest="${deployed}/$target\${service:+/$service}"
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$files/." "$dest/"
printf '%s\\t%s\\t%s\\n' "$target" "$service" "$files" >> "${deployed}/log"
`

/** A service's build: copies src/ into dist/ (what "npm run build # writes dist/" does). */
const BUILD = `import { cpSync, rmSync } from 'node:fs'
rmSync('dist', { recursive: true, force: true })
cpSync('src', 'dist', { recursive: true })
`

function shopRepository(version: string): Record<string, string> {
  return {
    '.github/promotion.yml': readmePolicy('# .github/promotion.yml', 'acme/shop'),
    'package.json': JSON.stringify({
      name: 'shop',
      version: '1.0.0',
      private: true,
      scripts: { build: 'node build.mjs' }
    }),
    'package-lock.json': JSON.stringify({
      name: 'shop',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: 'shop', version: '1.0.0' } }
    }),
    'build.mjs': BUILD,
    'src/index.html': `<h1>shop ${version}</h1>\n`,
    'src/assets/app.js': `start(${JSON.stringify(version)})\n`,
    'scripts/deploy.sh': deployScript()
  }
}

function monorepoRepository(version: string): Record<string, string> {
  const service = (name: string) => ({
    [`services/${name}/package.json`]: JSON.stringify({
      name,
      version: '1.0.0',
      private: true,
      scripts: { build: 'node build.mjs' }
    }),
    [`services/${name}/build.mjs`]: BUILD,
    [`services/${name}/src/index.txt`]: `${name} ${version}\n`
  })
  return {
    '.github/promotion.yml': readmePolicy(
      '# .github/promotion.yml (monorepo.yml)',
      'acme/monorepo'
    ),
    'package.json': JSON.stringify({
      name: 'monorepo',
      version: '1.0.0',
      private: true,
      workspaces: ['services/api', 'services/web']
    }),
    'package-lock.json': JSON.stringify({
      name: 'monorepo',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'monorepo', version: '1.0.0', workspaces: ['services/api', 'services/web'] },
        'node_modules/api': { resolved: 'services/api', link: true },
        'node_modules/web': { resolved: 'services/web', link: true },
        'services/api': { version: '1.0.0' },
        'services/web': { version: '1.0.0' }
      }
    }),
    ...service('api'),
    ...service('web'),
    'scripts/deploy.sh': deployScript()
  }
}

// ---- the runner's side: stand-ins, tokens, environment -------------------------------------

/**
 * The `uses:` that are not artifact-seal's, and what they mean for these tests. Every one the
 * examples use must be here: the workflow runner fails on any other.
 */
function standIns(files: () => Record<string, string>): StandIn[] {
  return [
    {
      uses: /^actions\/checkout@/,
      reason:
        "checkout: a fresh workspace per job holding the fixture repository's files (deploy.sh " +
        'executable, as git keeps it); persist-credentials has nothing to persist',
      run: (workspace) => {
        writeTree(workspace, files())
        fs.chmodSync(path.join(workspace, 'scripts/deploy.sh'), 0o755)
      }
    },
    {
      uses: /^actions\/setup-node@/,
      reason:
        "setup-node: the test's Node.js (node_modules/.bin/node, 24) is already on PATH; its npm " +
        'cache is npm_config_cache in a temporary directory, offline (the fixtures have no dependencies)',
      run: () => undefined
    }
  ]
}

/** A job's GITHUB_TOKEN, with the permissions its `permissions:` block asks for, and no other. */
const tokens = new Map<string, string>()
function tokenFor(repository: string, runId: number, setting: JobSetting): string {
  const key = `ghs_${repository.replace('/', '_')}_${runId}_${setting.jobId}_${setting.attempt}_${Object.values(setting.matrix).join('_')}`
  if (!tokens.has(key)) {
    const perm = (name: string): Permission =>
      (setting.permissions[name] as Permission | undefined) ?? 'none'
    github.addToken(key, {
      deployments: perm('deployments'),
      actions: perm('actions'),
      attestations: perm('attestations'),
      issues: perm('issues')
    })
    tokens.set(key, key)
  }
  return key
}

/** Runs one example workflow as its repository's run `runId` would. */
function runExample(options: {
  file: string
  repository: string
  runId: number
  files: () => Record<string, string>
  event?: 'push' | 'workflow_dispatch'
  inputs?: Record<string, string>
  rerunOf?: WorkflowRun
}): Promise<WorkflowRun> {
  const workflowPath = `.github/workflows/${path.basename(options.file)}`
  const workflowRef = `${options.repository}/${workflowPath}@refs/heads/main`
  const event = options.event ?? 'push'
  return runWorkflow({
    file: options.file,
    runId: options.runId,
    event,
    repository: options.repository,
    ...(options.inputs ? { inputs: options.inputs } : {}),
    ...(options.rerunOf ? { rerunOf: options.rerunOf } : {}),
    standIns: standIns(options.files),
    runnerTemp,
    path: [shims],
    token: (setting) => tokenFor(options.repository, options.runId, setting),
    beforeJob: (setting) =>
      sig.setClaims({
        repository: options.repository,
        repository_owner: options.repository.split('/')[0] as string,
        sub: `repo:${options.repository}:ref:refs/heads/main`,
        job_workflow_ref: workflowRef,
        workflow_ref: workflowRef,
        event_name: event,
        run_id: String(options.runId),
        run_attempt: String(setting.attempt)
      }),
    jobEnv: (setting) => ({
      ...results.runnerEnv({
        runId: options.runId,
        jobId: setting.jobId,
        repository: options.repository
      }),
      GITHUB_API_URL: github.url,
      GITHUB_WORKFLOW_REF: workflowRef,
      GITHUB_EVENT_NAME: event,
      // Only a job with `id-token: write` can mint an OIDC token.
      ...(setting.permissions['id-token'] === 'write' ? sig.runnerEnv() : {}),
      // The loopback Sigstore instance stands in for public-good's Fulcio and timestamp authority.
      ...sig.instanceEnv(),
      npm_config_cache: npmCache,
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false'
    }),
    // The one input the examples do not write: the loopback Sigstore instance's trusted root,
    // standing in for the default one a runner gets over TUF from public-good and GitHub.
    extraInputs: (dir): Record<string, string> =>
      dir === 'promote' ? { 'signed-by': `trusted-root: ${rootFile}` } : {}
  })
}

beforeAll(async () => {
  results = await startResultsServiceHost()
  ;[github, sig] = await Promise.all([
    startGitHubApiHost({ artifactSource: results.artifactSource }),
    startSigstoreHost()
  ])
  results.setGitHubApiUrl(github.url)
  rootFile = path.join(tempDir('trusted-root-'), 'trusted_root.json')
  fs.writeFileSync(rootFile, JSON.stringify(sig.trustedRoot()))
  runnerTemp = tempDir('runner-temp-')
  deployed = tempDir('deployed-')
  npmCache = tempDir('npm-cache-')
  // The smoke tests' curl: the site answers /healthz when the deploy script put files there.
  shims = tempDir('shims-')
  fs.writeFileSync(
    path.join(shims, 'curl'),
    `#!/usr/bin/env bash
# Fixture for the smoke tests: https://[staging.]example.com[/<service>]/healthz is healthy when
# something is deployed there and no <environment>[.<service>].unhealthy file says otherwise.
url="\${@: -1}"
case "$url" in
  https://staging.example.com/*) env=staging; rest=\${url#https://staging.example.com/} ;;
  https://example.com/*) env=production; rest=\${url#https://example.com/} ;;
  *) echo "curl fixture: unknown URL $url" >&2; exit 6 ;;
esac
dir="${deployed}/$env"
case "$rest" in */healthz) dir="$dir/\${rest%/healthz}" ;; healthz) ;; *) exit 22 ;; esac
service=\${rest%%/*}; [ "$service" = healthz ] && service=''
for marker in "${deployed}/$env.unhealthy" "${deployed}/$env.$service.unhealthy"; do
  [ -e "$marker" ] && { echo "curl: (22) 503" >&2; exit 22; }
done
[ -n "$(ls -A "$dir" 2>/dev/null)" ] || { echo "curl: (22) 404" >&2; exit 22; }
echo ok
`
  )
  fs.chmodSync(path.join(shims, 'curl'), 0o755)
  github.setNow(new Date())
}, 120_000)

afterAll(async () => {
  await Promise.all([github?.close(), sig?.close()])
  await results?.close()
  removeAll()
})

// ---- reading a run -------------------------------------------------------------------------

function leg(run: WorkflowRun, job: string, service?: string): JobResult {
  const legs = run.jobs[job] ?? []
  const found = legs.find((l) => service === undefined || l.matrix.service === service)
  if (!found) throw new Error(`no ${job}${service ? ` (${service})` : ''} leg in the run`)
  return found
}

function stepOf(job: JobResult, name: string): StepResult {
  const found = job.steps.find((s) => s.id === name || s.name === name)
  if (!found) throw new Error(`no step ${name} in ${job.job}`)
  return found
}

/** Steps' outcomes by name, for a readable failure. */
const outcomes = (job: JobResult): Record<string, string> =>
  Object.fromEntries(job.steps.map((s) => [s.name, s.outcome]))

/** A failed step's story, for a readable failure. */
const story = (job: JobResult): string =>
  job.steps
    .filter((s) => s.outcome === 'failure' || s.post?.code)
    .map(
      (s) =>
        `${s.name}: ${s.log ?? ''}${
          s.action?.run.stdout
            .split('\n')
            .filter((l) => l.startsWith('::error'))
            .join('\n') ?? ''
        }` +
        `${
          s.post
            ? ` post: ${s.post.stdout
                .split('\n')
                .filter((l) => l.startsWith('::error'))
                .join('\n')}`
            : ''
        }`
    )
    .join('\n')

function checks(step: StepResult): { rule: string; passed: boolean; detail?: string }[] {
  const decision = JSON.parse(step.outputs.decision ?? '{}') as {
    checks?: { rule: string; passed: boolean; detail?: string }[]
  }
  return decision.checks ?? []
}

/** The environment's deployments of that digest, newest status first. */
function deploymentsOf(repository: string, environment: string, digest: string) {
  return github
    .deploymentsOf(repository)
    .filter((d) => d.environment === environment && d.task === `deploy:${digest}`)
}

const states = (d: { statuses: readonly { state: string }[] }): string[] =>
  d.statuses.map((s) => s.state)

function deployedDigest(...where: string[]): string | null {
  const dir = path.join(deployed, ...where)
  return fs.existsSync(dir) ? shellTreeDigest(dir) : null
}

// ---- the evaluator itself ------------------------------------------------------------------

describe('the expression evaluator the workflow runner uses', () => {
  const ctx: ExpressionContext = {
    contexts: {
      needs: { build: { result: 'success', outputs: { 'api-digest': 'sha256:a' } } },
      matrix: { service: 'api' },
      inputs: { environment: 'production', service: '' },
      steps: { smoke: { outcome: 'failure', outputs: {} } }
    },
    status: { success: false, failure: true, cancelled: false }
  }
  it('evaluates what the examples contain', () => {
    expect(evaluate("needs.build.outputs[format('{0}-digest', matrix.service)]", ctx)).toBe(
      'sha256:a'
    )
    expect(
      interpolate(
        "deploy-${{ inputs.environment }}${{ inputs.service != '' && format('-{0}', inputs.service) || '' }}",
        ctx
      )
    ).toBe('deploy-production')
    expect(condition("failure() && steps.smoke.outcome == 'failure'", ctx)).toBe(true)
    expect(condition("${{ !cancelled() && needs.build.result == 'success' }}", ctx)).toBe(true)
    // No status function: success() && …, which is false after a failure.
    expect(condition("matrix.service == 'api'", ctx)).toBe(false)
  })
  it('fails on what it does not understand instead of skipping it', () => {
    expect(() => evaluate("hashFiles('x')", ctx)).toThrow(/hashFiles\(\) is not evaluated/)
    expect(() => evaluate('vars.X', ctx)).toThrow(/context "vars" is not known/)
    expect(() => evaluate('needs.build.outputs.nope', ctx)).toThrow(/not known here/)
    expect(() => evaluate('inputs.environment > 1', ctx)).toThrow(/not understood/)
  })
})

// ---- pipeline.yml and rollback.yml ----------------------------------------------------------

describe('examples/workflows/pipeline.yml, then rollback.yml, on the bundled actions', () => {
  const REPO = 'acme/shop'
  let version = 'v1'
  const files = () => shopRepository(version)
  let first: { digest: string; run: WorkflowRun }

  it(
    'builds and seals once, promotes into staging and confirms it after the smoke test, refuses production ' +
      'until the soak has passed, then lets it in, deploying exactly the verified bytes',
    async () => {
      const run = await runExample({
        file: 'examples/workflows/pipeline.yml',
        repository: REPO,
        runId: 61_001,
        files
      })
      const build = leg(run, 'build')
      expect(build.result).toBe('success')
      const digest = build.outputs.digest as string
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      // The digest is that of what npm run build wrote, signed keyless by this workflow on main.
      expect(shellTreeDigest(path.join(build.workspace as string, 'dist'))).toBe(digest)
      const seal = stepOf(build, 'seal')
      expect(seal.action?.inputs).toMatchObject({
        'subject-path': 'dist',
        'subject-name': 'web',
        upload: 'true',
        cache: 'true'
      })
      expect(github.attestationsOf(REPO).length).toBeGreaterThan(0)
      expect(results.artifacts().some((a) => a.runId === 61_001 && a.name === 'web-sealed')).toBe(
        true
      )
      expect(results.cacheEntries().map((e) => e.key)).toContain(
        `artifact-seal-files-sha256-${digest.slice(7)}`
      )

      // staging: promoted, deployed, smoke-tested, confirmed by the post step; no veto.
      const staging = leg(run, 'staging')
      expect({ result: staging.result, story: story(staging) }).toEqual({
        result: 'success',
        story: ''
      })
      expect(staging.concurrency).toBe('deploy-staging')
      expect(outcomes(staging)).toEqual({
        'actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09': 'success',
        'Promote the sealed build into staging': 'success',
        Deploy: 'success',
        'Smoke test': 'success',
        'Veto the digest': 'skipped'
      })
      const promote = stepOf(staging, 'promote')
      expect(promote.outputs).toMatchObject({ promoted: 'true', digest })
      expect(promote.post?.code).toBe(0)
      const [stagingDeployment, ...more] = deploymentsOf(REPO, 'staging', digest)
      expect(more).toEqual([])
      expect(states(stagingDeployment!)[0]).toBe('success')
      // The deploy script got the promote step's path, holding exactly the sealed bytes.
      expect(fs.readFileSync(path.join(deployed, 'log'), 'utf8')).toBe(
        `staging\t\t${promote.outputs.path}\n`
      )
      expect(deployedDigest('staging')).toBe(digest)
      expect(fs.readFileSync(path.join(deployed, 'staging/index.html'), 'utf8')).toBe(
        '<h1>shop v1</h1>\n'
      )

      // production, straight after: the soak of 30 minutes has not passed.
      const production = leg(run, 'production')
      expect(production.result).toBe('failure')
      expect(outcomes(production)).toMatchObject({
        'Promote into production': 'failure',
        Deploy: 'skipped',
        'Smoke test': 'skipped',
        'Veto the digest': 'skipped'
      })
      const refused = stepOf(production, 'promote')
      expect(refused.outputs.promoted).toBe('false')
      expect(checks(refused)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'signed-by', passed: true }),
          expect.objectContaining({ rule: 'soak', passed: false })
        ])
      )
      expect(deployedDigest('production')).toBeNull()
      expect(
        deploymentsOf(REPO, 'production', digest).filter((d) => states(d).includes('success'))
      ).toEqual([])

      // Re-run the failed job 29 minutes later: still refused.
      github.advance(29 * MINUTE)
      const early = await runExample({
        file: 'examples/workflows/pipeline.yml',
        repository: REPO,
        runId: 61_001,
        files,
        rerunOf: run
      })
      expect(leg(early, 'production').result).toBe('failure')
      expect(checks(stepOf(leg(early, 'production'), 'promote'))).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'soak', passed: false })])
      )
      expect(deployedDigest('production')).toBeNull()

      // Two minutes more: the soak has passed, production takes the same bytes.
      github.advance(2 * MINUTE)
      const later = await runExample({
        file: 'examples/workflows/pipeline.yml',
        repository: REPO,
        runId: 61_001,
        files,
        rerunOf: early
      })
      const allowed = leg(later, 'production')
      expect({ result: allowed.result, story: story(allowed) }).toEqual({
        result: 'success',
        story: ''
      })
      expect(allowed.concurrency).toBe('deploy-production')
      const let_ = stepOf(allowed, 'promote')
      expect(let_.outputs).toMatchObject({ promoted: 'true', digest })
      expect(checks(let_)).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'soak', passed: true })])
      )
      expect(let_.post?.code).toBe(0)
      expect(
        deploymentsOf(REPO, 'production', digest).some((d) => states(d)[0] === 'success')
      ).toBe(true)
      expect(deployedDigest('production')).toBe(digest)
      expect(fs.readFileSync(path.join(deployed, 'log'), 'utf8').split('\n').at(-2)).toBe(
        `production\t\t${let_.outputs.path}`
      )
      first = { digest, run }
    },
    300_000
  )

  it(
    'rolls production back on workflow_dispatch: "previous" brings the earlier digest back, from the cache, ' +
      'verified, and deploys it',
    async () => {
      expect(first).toBeDefined()
      // A second build goes through staging and, after its soak, production.
      version = 'v2'
      const run = await runExample({
        file: 'examples/workflows/pipeline.yml',
        repository: REPO,
        runId: 61_002,
        files
      })
      const second = leg(run, 'build').outputs.digest as string
      expect(second).not.toBe(first.digest)
      expect(leg(run, 'staging').result).toBe('success')
      github.advance(31 * MINUTE)
      const rerun = await runExample({
        file: 'examples/workflows/pipeline.yml',
        repository: REPO,
        runId: 61_002,
        files,
        rerunOf: run
      })
      expect({
        result: leg(rerun, 'production').result,
        story: story(leg(rerun, 'production'))
      }).toEqual({
        result: 'success',
        story: ''
      })
      expect(deployedDigest('production')).toBe(second)

      results.clearRequests()
      const rollback = await runExample({
        file: 'examples/workflows/rollback.yml',
        repository: REPO,
        runId: 61_003,
        files,
        event: 'workflow_dispatch',
        inputs: { environment: 'production', digest: 'previous', service: '' }
      })
      expect(rollback.runName).toBe('Roll back production to previous')
      const job = leg(rollback, 'rollback')
      expect({ result: job.result, story: story(job) }).toEqual({ result: 'success', story: '' })
      expect(job.name).toBe('Roll back production')
      expect(job.environment).toBe('production')
      expect(job.concurrency).toBe('deploy-production')
      const back = stepOf(job, 'promote')
      expect(back.outputs).toMatchObject({
        promoted: 'true',
        digest: first.digest,
        'previous-digest': second
      })
      expect(back.post?.code).toBe(0)
      // Nothing rebuilt or downloaded: the sealed files of the first build came from the cache.
      expect(back.action?.run.stdout).toContain(
        `Restored artifact-seal-files-sha256-${first.digest.slice(7)} from the Actions cache and verified it`
      )
      expect(results.requests.map((r) => r.call)).not.toContain(
        'ArtifactService/GetSignedArtifactURL'
      )
      expect(stepOf(job, 'Deploy').log).toContain(
        `Rolling production back from ${second} to ${first.digest}`
      )
      expect(deployedDigest('production')).toBe(first.digest)
      expect(fs.readFileSync(path.join(deployed, 'production/index.html'), 'utf8')).toBe(
        '<h1>shop v1</h1>\n'
      )
      const rolledBack = deploymentsOf(REPO, 'production', first.digest)
      expect(rolledBack.some((d) => states(d)[0] === 'success')).toBe(true)
    },
    300_000
  )

  it(
    'vetoes the digest when the smoke test fails in staging: the deployment is never confirmed, production is ' +
      'skipped, and no environment takes the digest afterwards',
    async () => {
      version = 'v3'
      fs.writeFileSync(path.join(deployed, 'staging.unhealthy'), '')
      let run: WorkflowRun
      try {
        run = await runExample({
          file: 'examples/workflows/pipeline.yml',
          repository: REPO,
          runId: 61_004,
          files
        })
      } finally {
        fs.rmSync(path.join(deployed, 'staging.unhealthy'))
      }
      const digest = leg(run, 'build').outputs.digest as string
      const staging = leg(run, 'staging')
      expect(staging.result).toBe('failure')
      expect(outcomes(staging)).toMatchObject({
        'Promote the sealed build into staging': 'success',
        Deploy: 'success',
        'Smoke test': 'failure',
        'Veto the digest': 'success'
      })
      const veto = stepOf(staging, 'Veto the digest')
      expect(veto.action?.inputs.veto).toBe(
        `Smoke test failed in staging, https://github.com/${REPO}/actions/runs/61004`
      )
      // The job failed: the promote step's post step (post-if: success()) did not confirm it.
      expect(stepOf(staging, 'promote').post).toBeUndefined()
      expect(
        deploymentsOf(REPO, 'staging', digest).filter((d) => states(d).includes('success'))
      ).toEqual([])
      expect(run.results.production).toBe('skipped')
      const vetoes = github.deploymentsOf(REPO).filter((d) => d.task === `veto:${digest}`)
      expect(
        vetoes.map((d) => (d.payload as { record: { outcome: string; reason: string } }).record)
      ).toEqual([
        expect.objectContaining({
          outcome: 'vetoed',
          reason: `Smoke test failed in staging, https://github.com/${REPO}/actions/runs/61004`
        })
      ])

      // Vetoed for good: a rollback of staging to it is refused.
      const rollback = await runExample({
        file: 'examples/workflows/rollback.yml',
        repository: REPO,
        runId: 61_005,
        files,
        event: 'workflow_dispatch',
        inputs: { environment: 'staging', digest, service: '' }
      })
      const job = leg(rollback, 'rollback')
      expect(job.result).toBe('failure')
      expect(job.concurrency).toBe('deploy-staging')
      const refused = stepOf(job, 'promote')
      expect(refused.outputs.promoted).toBe('false')
      expect(checks(refused)).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'veto', passed: false })])
      )
      expect(stepOf(job, 'Deploy').outcome).toBe('skipped')
    },
    300_000
  )
})

// ---- monorepo.yml ----------------------------------------------------------------------------

describe('examples/workflows/monorepo.yml on the bundled actions', () => {
  const REPO = 'acme/monorepo'
  const files = () => monorepoRepository('v1')
  it(
    'seals api and web once each, promotes each through staging on its own leg, refuses production until ' +
      "each one's soak has passed, then promotes each service on its own",
    async () => {
      fs.rmSync(path.join(deployed, 'staging'), { recursive: true, force: true })
      fs.rmSync(path.join(deployed, 'production'), { recursive: true, force: true })
      const run = await runExample({
        file: 'examples/workflows/monorepo.yml',
        repository: REPO,
        runId: 62_001,
        files
      })
      const build = leg(run, 'build')
      expect({ result: build.result, story: story(build) }).toEqual({
        result: 'success',
        story: ''
      })
      const digests = {
        api: build.outputs['api-digest'] as string,
        web: build.outputs['web-digest'] as string
      }
      expect(digests.api).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(digests.web).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(digests.api).not.toBe(digests.web)
      for (const service of ['api', 'web'] as const)
        expect(
          shellTreeDigest(path.join(build.workspace as string, `services/${service}/dist`))
        ).toBe(digests[service])

      for (const service of ['api', 'web'] as const) {
        const staging = leg(run, 'staging', service)
        expect({ service, result: staging.result, story: story(staging) }).toEqual({
          service,
          result: 'success',
          story: ''
        })
        expect(staging.concurrency).toBe(`deploy-staging-${service}`)
        const promote = stepOf(staging, 'promote')
        expect(promote.action?.inputs).toMatchObject({
          'expected-digest': digests[service],
          name: `${service}-sealed`,
          'subject-name': service
        })
        expect(promote.outputs).toMatchObject({
          promoted: 'true',
          digest: digests[service],
          'previous-digest': ''
        })
        expect(promote.post?.code).toBe(0)
        expect(deploymentsOf(REPO, 'staging', digests[service]).map((d) => states(d)[0])).toEqual([
          'success'
        ])
        expect(deployedDigest('staging', service)).toBe(digests[service])

        const production = leg(run, 'production', service)
        expect(production.result).toBe('failure')
        expect(checks(stepOf(production, 'promote'))).toEqual(
          expect.arrayContaining([expect.objectContaining({ rule: 'soak', passed: false })])
        )
        expect(deployedDigest('production', service)).toBeNull()
      }

      github.advance(31 * MINUTE)
      const rerun = await runExample({
        file: 'examples/workflows/monorepo.yml',
        repository: REPO,
        runId: 62_001,
        files,
        rerunOf: run
      })
      expect(rerun.results.production).toBe('success')
      for (const service of ['api', 'web'] as const) {
        const production = leg(rerun, 'production', service)
        expect({ service, story: story(production) }).toEqual({ service, story: '' })
        expect(production.concurrency).toBe(`deploy-production-${service}`)
        const promote = stepOf(production, 'promote')
        // The other service going live first replaces nothing of this one.
        expect(promote.outputs).toMatchObject({
          promoted: 'true',
          digest: digests[service],
          'previous-digest': ''
        })
        expect(deployedDigest('production', service)).toBe(digests[service])
      }
      // Both live side by side: neither one's deployment made the other inactive.
      const production = github
        .deploymentsOf(REPO)
        .filter((d) => d.environment === 'production' && states(d)[0] === 'success')
      expect(
        production
          .map((d) => ({
            task: d.task,
            state: states(d)[0],
            service: (d.payload as { record?: { service?: string } }).record?.service
          }))
          .sort((a, b) => String(a.service).localeCompare(String(b.service)))
      ).toEqual([
        { task: `deploy:${digests.api}`, state: 'success', service: 'api' },
        { task: `deploy:${digests.web}`, state: 'success', service: 'web' }
      ])
    },
    300_000
  )
  it(
    "lets the other service through when one service's smoke test fails in staging: that service is vetoed, " +
      'the production job still runs (its if:), and only the healthy service reaches production',
    async () => {
      const repository = 'acme/monorepo-b'
      const other = () => monorepoRepository('b1')
      for (const dir of ['staging', 'production'])
        fs.rmSync(path.join(deployed, dir), { recursive: true, force: true })
      const marker = path.join(deployed, 'staging.api.unhealthy')
      fs.writeFileSync(marker, '')
      let run: WorkflowRun
      try {
        run = await runExample({
          file: 'examples/workflows/monorepo.yml',
          repository,
          runId: 62_101,
          files: other
        })
      } finally {
        fs.rmSync(marker)
      }
      const build = leg(run, 'build')
      const digests = {
        api: build.outputs['api-digest'] as string,
        web: build.outputs['web-digest'] as string
      }
      const apiStaging = leg(run, 'staging', 'api')
      expect(outcomes(apiStaging)).toMatchObject({
        'Promote api into staging': 'success',
        'Smoke test': 'failure',
        'Veto the digest': 'success'
      })
      expect(stepOf(apiStaging, 'Veto the digest').action?.inputs).toMatchObject({
        'expected-digest': digests.api,
        'subject-name': 'api',
        veto: `Smoke test of api failed in staging, https://github.com/${repository}/actions/runs/62101`
      })
      expect(leg(run, 'staging', 'web').result).toBe('success')
      expect(run.results.staging).toBe('failure')
      // The production job ran although staging failed: both legs, each refused for its own reason.
      const apiProduction = leg(run, 'production', 'api')
      const webProduction = leg(run, 'production', 'web')
      expect([apiProduction.result, webProduction.result]).toEqual(['failure', 'failure'])
      expect(checks(stepOf(apiProduction, 'promote'))).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'veto', passed: false })])
      )
      expect(checks(stepOf(webProduction, 'promote'))).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'veto', passed: true }),
          expect.objectContaining({ rule: 'soak', passed: false })
        ])
      )

      // After the soak, "Re-run failed jobs": api stays refused everywhere, web goes live.
      github.advance(31 * MINUTE)
      const rerun = await runExample({
        file: 'examples/workflows/monorepo.yml',
        repository,
        runId: 62_101,
        files: other,
        rerunOf: run
      })
      expect(leg(rerun, 'staging', 'web')).toBe(leg(run, 'staging', 'web'))
      expect(leg(rerun, 'staging', 'api').result).toBe('failure')
      expect(checks(stepOf(leg(rerun, 'staging', 'api'), 'promote'))).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'veto', passed: false })])
      )
      const web = leg(rerun, 'production', 'web')
      expect({ result: web.result, story: story(web) }).toEqual({ result: 'success', story: '' })
      expect(stepOf(web, 'promote').outputs).toMatchObject({
        promoted: 'true',
        digest: digests.web
      })
      expect(deployedDigest('production', 'web')).toBe(digests.web)
      expect(leg(rerun, 'production', 'api').result).toBe('failure')
      expect(deployedDigest('production', 'api')).toBeNull()
    },
    300_000
  )
})
