// examples/ci: the GitLab CI and Jenkins pipelines' own command lines, run as those systems
// run them (each line in a shell, the jobs in order), with the bundled CLI, against a bare git
// repository on disk that holds the ledger's branch.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const EXAMPLES = path.join(PROJECT_ROOT, 'examples/ci')
/** What installs the published package: here the bundled CLI stands in for it. */
const INSTALL = /^npm install --global .*artifact-seal@/

/** A project as the examples expect it, and `artifact-seal` and `npx --yes artifact-seal@…` running the bundled CLI. */
function project(): { cwd: string; env: Record<string, string>; remote: string } {
  const remote = tempDir('ledger-remote-')
  execFileSync('git', ['init', '--quiet', '--bare', remote])
  const cwd = writeTree(tempDir('ci-project-'), {
    'build.sh': '#!/bin/sh\nset -e\nmkdir -p dist\necho "shop $(date +%s)" > dist/app.txt\n',
    'deploy.sh':
      '#!/bin/sh\nset -e\necho "deployed $ARTIFACT_SEAL_DIGEST to $1" >> deployments.log\n',
    'deploy/promotion.yml': 'environments:\n  staging: {}\n  production:\n    requires: [staging]\n'
  })
  for (const script of ['build.sh', 'deploy.sh']) fs.chmodSync(path.join(cwd, script), 0o755)
  const bin = writeTree(tempDir('ci-bin-'), {
    'artifact-seal': `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`,
    npx:
      '#!/bin/sh\n[ "$1" = --yes ] && shift\ncase "$1" in artifact-seal@*) shift ;; *) exit 127 ;; ' +
      `esac\nexec "${process.execPath}" "${CLI}" "$@"\n`,
    node: `#!/bin/sh\nexec "${process.execPath}" "$@"\n`
  })
  for (const name of ['artifact-seal', 'npx', 'node']) fs.chmodSync(path.join(bin, name), 0o755)
  return {
    cwd,
    remote,
    env: {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: process.env.HOME ?? '',
      LEDGER_REMOTE: remote
    }
  }
}

function shell(
  line: string,
  cwd: string,
  env: Record<string, string>
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('sh', ['-c', line], { cwd, env, encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function runLines(lines: readonly string[], cwd: string, env: Record<string, string>): string {
  let out = ''
  for (const line of lines) {
    const run = shell(line, cwd, env)
    expect({ line, code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({
      line,
      code: 0,
      stderr: ''
    })
    out += run.stdout
  }
  return out
}

/** The ledger's lines on the remote's branch, as another machine would fetch them. */
function remoteLedger(remote: string): string[] {
  return execFileSync('git', ['--git-dir', remote, 'show', 'ledger:shop/ledger.jsonl'], {
    encoding: 'utf8'
  })
    .trim()
    .split('\n')
}

describe('examples/ci/.gitlab-ci.yml', () => {
  it("its jobs' script lines, in the order of its stages, keep the ledger on the remote's branch", () => {
    const pipeline = parse(fs.readFileSync(path.join(EXAMPLES, '.gitlab-ci.yml'), 'utf8')) as {
      stages: string[]
      variables: { LEDGER: string }
      default: { before_script: string[] }
      [job: string]: unknown
    }
    const { cwd, env, remote } = project()
    // GitLab expands variables in variables: itself; the shell expands the rest.
    const ledgerEnv = {
      ...env,
      LEDGER: pipeline.variables.LEDGER.replace('${LEDGER_REMOTE}', remote)
    }
    const before = pipeline.default.before_script
    expect(before.filter((line) => !INSTALL.test(line))).toEqual([])
    const job = (name: string) => (pipeline[name] as { script: string[] }).script
    runLines(job('ledger-init'), cwd, ledgerEnv)
    runLines(job('build'), cwd, ledgerEnv)
    runLines(job('staging'), cwd, ledgerEnv)
    const status = runLines(job('production'), cwd, ledgerEnv)
    const digest = JSON.parse(fs.readFileSync(path.join(cwd, 'seal.json'), 'utf8')).digest as string
    expect(fs.readFileSync(path.join(cwd, 'deployments.log'), 'utf8')).toBe(
      `deployed ${digest} to staging\ndeployed ${digest} to production\n`
    )
    expect(status).toMatch(new RegExp(`production +${digest}`))
    // The genesis line, then each promotion's pending record and its confirmation.
    expect(remoteLedger(remote)).toHaveLength(5)
  })
})

describe('examples/ci/Jenkinsfile', () => {
  it(
    "its sh steps, in order, keep the ledger on the remote's branch; a promotion refused by the policy is " +
      'refused there too',
    () => {
      const jenkinsfile = fs.readFileSync(path.join(EXAMPLES, 'Jenkinsfile'), 'utf8')
      const steps = [...jenkinsfile.matchAll(/^\s*sh '((?:[^'\\]|\\.)*)'$/gm)].map((m) =>
        (m[1] as string).replace(/\\'/g, "'")
      )
      expect(steps.length).toBe(5)
      const ledgerTemplate = /LEDGER = "(git:\$\{env\.LEDGER_REMOTE\}#[^"]+)"/.exec(
        jenkinsfile
      )?.[1] as string
      const { cwd, env, remote } = project()
      const ledger = ledgerTemplate.replace('${env.LEDGER_REMOTE}', remote)
      const ledgerEnv = { ...env, LEDGER: ledger }
      // Created once, as the Jenkinsfile's comment says.
      expect(shell('artifact-seal ledger init --ledger "$LEDGER"', cwd, ledgerEnv).code).toBe(0)
      const [build, seal, staging, production, status] = steps as [
        string,
        string,
        string,
        string,
        string
      ]
      runLines([build, seal], cwd, ledgerEnv)
      // Production before staging: the policy says no, the remote records the refusal, exit 1.
      const early = shell(production, cwd, ledgerEnv)
      expect(early.code).toBe(1)
      expect(early.stdout).toContain('REFUSED')
      runLines([staging, production], cwd, ledgerEnv)
      expect(runLines([status], cwd, ledgerEnv)).toMatch(/production +sha256:/)
      const outcomes = remoteLedger(remote)
        .slice(1)
        .map((line) => (JSON.parse(line) as { record: { outcome: string } }).record.outcome)
      expect(outcomes).toEqual(['refused', 'pending', 'deployed', 'pending', 'deployed'])
    }
  )
})
