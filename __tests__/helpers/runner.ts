import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { GITHUB_ENV } from '../../__fixtures__/github-env.js'
import { tempDir } from './trees.js'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface ActionRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  /** What the step saved for its post step (core.saveState). */
  readonly state: Record<string, string>
  readonly workspace: string
  readonly temp: string
}

/** Reads the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] as string)
    if (!match) continue
    const [, name, delimiter] = match as unknown as [string, string, string]
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string)
    outputs[name] = value.join('\n')
  }
  return outputs
}

/** The metadata file of the action a bundled entry point belongs to. */
function metadataOf(entry: string): string | null {
  const action = /^dist\/(seal|verify|promote|observe)\//.exec(entry)?.[1]
  if (action === undefined) return null
  return path.join(PROJECT_ROOT, action === 'seal' ? 'action.yml' : `${action}/action.yml`)
}

const declared = new Map<string, ReadonlySet<string>>()

/** The inputs action.yml declares: a test that passes another gets what a workflow gets, a warning and nothing read. */
export function declaredInputs(entry: string): ReadonlySet<string> | null {
  const file = metadataOf(entry)
  if (file === null || !fs.existsSync(file)) return null
  let names = declared.get(file)
  if (names === undefined) {
    // The input names are the keys two spaces in under "inputs:"; no YAML parser needed for what
    // this repository writes.
    const text = fs.readFileSync(file, 'utf8')
    const block = /^inputs:\n((?:(?: {2}.*)?\n)*)/m.exec(text)?.[1] ?? ''
    names = new Set([...block.matchAll(/^ {2}([a-z0-9-]+):/gm)].map((m) => m[1] as string))
    declared.set(file, names)
  }
  return names
}

/**
 * Runs a bundled action entry point in a child process the way a runner does: inputs as
 * INPUT_* variables, and the GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE files.
 * An input the action does not declare is refused here, so a test cannot pass a removed
 * input and believe it was read; `undeclared: true` lets a test pass one on purpose.
 */
export async function runAction(
  entry: string,
  inputs: Record<string, string>,
  options: {
    workspace?: string
    env?: Record<string, string>
    state?: Record<string, string>
    undeclared?: boolean
  } = {}
): Promise<ActionRun> {
  const known = declaredInputs(entry)
  const unknown =
    known === null || options.undeclared === true
      ? []
      : Object.keys(inputs).filter((name) => !known.has(name))
  if (unknown.length > 0)
    throw new Error(
      `${entry}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not an input of this action (action.yml)`
    )
  const workspace = options.workspace ?? tempDir('workspace-')
  // The runner hands a post step what its main step saved as STATE_<name> variables.
  const stateEnv = Object.fromEntries(
    Object.entries(options.state ?? {}).map(([name, value]) => [`STATE_${name}`, value])
  )
  const temp = tempDir('runner-temp-')
  const files = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STEP_SUMMARY: 'summary.md',
    GITHUB_STATE: 'state',
    GITHUB_ENV: 'env',
    GITHUB_PATH: 'path'
  }
  const fileEnv = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, path.join(temp, '_runner_file_commands', f)])
  )
  fs.mkdirSync(path.join(temp, '_runner_file_commands'))
  for (const file of Object.values(fileEnv)) fs.writeFileSync(file, '')
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value
    ])
  )
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...GITHUB_ENV,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    GITHUB_ACTION: 'seal',
    ...fileEnv,
    ...inputEnv,
    ...stateEnv,
    ...options.env
  }
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, entry)], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(fs.readFileSync(fileEnv.GITHUB_OUTPUT as string, 'utf8')),
    summary: fs.readFileSync(fileEnv.GITHUB_STEP_SUMMARY as string, 'utf8'),
    state: parseOutputFile(fs.readFileSync(fileEnv.GITHUB_STATE as string, 'utf8')),
    workspace,
    temp
  }
}

/**
 * Runs an action's post step as the runner does once the job's steps are done: with the
 * same inputs and what the main step saved. `post-if: success()` is the caller's to honour.
 */
export async function runPost(
  entry: string,
  main: ActionRun,
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; undeclared?: boolean } = {}
): Promise<ActionRun> {
  return runAction(entry, inputs, { workspace: main.workspace, state: main.state, ...options })
}
