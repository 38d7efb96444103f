// The plain steps whose start-up the bench times and whose start scripts/package.mjs
// compiles eagerly (scripts/startup-functions.json): each bundled action on one small file,
// run as a runner runs it (inputs as INPUT_* variables, the GITHUB_OUTPUT, GITHUB_STATE and
// GITHUB_STEP_SUMMARY files, a fresh RUNNER_TEMP).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

// What GitHub-hosted runners set, as far as a seal's statement reads it.
export const RUNNER_CONTEXT = {
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_REPOSITORY_ID: '123456',
  GITHUB_REPOSITORY_OWNER_ID: '7890',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/build.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'build',
  GITHUB_ACTOR: 'octocat',
  GITHUB_ACTION: 'seal',
  RUNNER_ENVIRONMENT: 'github-hosted'
}

/** Reads the `name<<delimiter` blocks of a runner's GITHUB_OUTPUT file. */
export function parseOutputs(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value = []
    while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i])
    outputs[match[1]] = value.join('\n')
  }
  return outputs
}

/**
 * A bare `node -e 0`, then seal, verify and a promote dry run of one 4 KiB file in a
 * workspace under `workDir`, then `artifact-seal --version`. `content` is the file's bytes.
 */
export function startupCases(workDir, { dist, root, content }) {
  const cli = path.join(dist, 'cli', 'index.js')
  const workspace = path.join(workDir, 'workspace')
  fs.mkdirSync(workspace)
  const file = 'app.bin'
  fs.writeFileSync(path.join(workspace, file), content)
  fs.writeFileSync(path.join(workspace, 'promotion.yml'), 'environments:\n  dev: {}\n')
  // A file ledger is created once, before the first promotion, as a user does.
  const init = spawnSync(
    process.execPath,
    [cli, 'ledger', 'init', '--ledger', 'file:ledger.jsonl'],
    { cwd: workspace, encoding: 'utf8' }
  )
  if (init.status !== 0) throw new Error(`ledger init failed: ${init.stderr}`)
  const digest = `sha256:${createHash('sha256').update(content).digest('hex')}`
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version
  const action = (entry, inputs, check) => ({
    entry,
    args: [path.join(dist, entry, 'index.js')],
    inputs,
    check,
    workspace
  })
  const expectOutput = (name, value) => (run) => {
    if (run.outputs[name] !== value)
      throw new Error(
        `output ${name} is ${JSON.stringify(run.outputs[name])}, expected ${JSON.stringify(value)}\n${run.stdout}`
      )
  }
  return [
    { label: 'node -e 0 (bare start)', args: ['-e', '0'], check: () => {} },
    {
      label: 'seal action, one 4 KiB file',
      ...action('seal', { 'subject-path': file }, expectOutput('digest', digest))
    },
    {
      label: 'verify action, the same file',
      ...action(
        'verify',
        { 'subject-path': file, 'expected-digest': digest },
        expectOutput('verified', 'true')
      )
    },
    {
      label: 'promote action, dry run, file ledger',
      ...action(
        'promote',
        {
          environment: 'dev',
          'expected-digest': digest,
          'subject-path': file,
          policy: 'promotion.yml',
          ledger: 'file:ledger.jsonl',
          'dry-run': 'true'
        },
        (run) => {
          if (JSON.parse(run.outputs.decision ?? 'null')?.allowed !== true)
            throw new Error(`the dry run did not allow the promotion\n${run.stdout}`)
        }
      )
    },
    {
      label: 'artifact-seal --version',
      args: [cli, '--version'],
      check: (run) => {
        if (run.stdout.trim() !== version)
          throw new Error(`artifact-seal --version printed ${JSON.stringify(run.stdout)}`)
      }
    }
  ]
}

const FILE_COMMANDS = [
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_ENV',
  'GITHUB_PATH'
]

/**
 * Refuses an input the action's action.yml does not declare: an action ignores one, so a
 * bench step that still passed a removed input ran something else than it says.
 */
function checkInputs(action, inputs) {
  if (Object.keys(inputs).length === 0) return
  if (action === undefined) throw new Error('bench: a step with inputs needs its action named')
  const file = path.join(root, action === 'seal' ? '' : action, 'action.yml')
  const declared = Object.keys(YAML.parse(fs.readFileSync(file, 'utf8')).inputs ?? {})
  const unknown = Object.keys(inputs).filter((name) => !declared.includes(name))
  if (unknown.length > 0)
    throw new Error(
      `bench: ${unknown.join(', ')}: not an input of ${path.relative(root, file)} (it has ${declared.join(', ')})`
    )
}

/**
 * A fresh runner directory under `dir` for one step of `action` (seal, verify, promote,
 * observe): the file-command files, empty, and the environment a runner gives the step (its
 * inputs as INPUT_* variables, `env` added). `outputs()` reads what the step set; `remove()`
 * deletes the directory.
 */
export function runnerStep(
  dir,
  { action, inputs = {}, workspace, home = process.env.HOME ?? '', env = {} }
) {
  checkInputs(action, inputs)
  const temp = fs.mkdtempSync(path.join(dir, 'runner-temp-'))
  const files = Object.fromEntries(FILE_COMMANDS.map((name) => [name, path.join(temp, name)]))
  for (const file of Object.values(files)) fs.writeFileSync(file, '')
  return {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      ...RUNNER_CONTEXT,
      ...files,
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: workspace,
      ...env,
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [
          `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
          value
        ])
      )
    },
    outputs: () => parseOutputs(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    remove: () => fs.rmSync(temp, { recursive: true, force: true })
  }
}

/**
 * One run of a case in a fresh runner directory, checked; returns the wall time in seconds.
 * `nodeArgs` go before the entry, `env` is added to the runner's.
 */
export function runStartupCase(c, workDir, { nodeArgs = [], env = {} } = {}) {
  const step = runnerStep(workDir, {
    action: c.entry,
    inputs: c.inputs,
    workspace: c.workspace ?? workDir,
    env
  })
  const started = performance.now()
  const result = spawnSync(process.execPath, [...nodeArgs, ...c.args], {
    cwd: c.workspace ?? workDir,
    env: step.env,
    encoding: 'utf8'
  })
  const elapsed = (performance.now() - started) / 1000
  if (result.error) throw new Error(`${c.label} could not run: ${result.error.message}`)
  if (result.status !== 0)
    throw new Error(`${c.label} exited with ${result.status ?? result.signal}\n${result.stderr}`)
  c.check({ stdout: result.stdout, outputs: step.outputs() })
  step.remove()
  return elapsed
}
