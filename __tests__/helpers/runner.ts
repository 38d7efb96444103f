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

/**
 * Runs a bundled action entry point in a child process the way a runner does: inputs as
 * INPUT_* variables, and the GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE files.
 */
export async function runAction(
  entry: string,
  inputs: Record<string, string>,
  options: { workspace?: string; env?: Record<string, string>; state?: Record<string, string> } = {}
): Promise<ActionRun> {
  const workspace = options.workspace ?? tempDir('workspace-')
  // The runner hands a post step what its main step saved as STATE_<name> variables.
  const stateEnv = Object.fromEntries(Object.entries(options.state ?? {}).map(([name, value]) => [`STATE_${name}`, value]))
  const temp = tempDir('runner-temp-')
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md', GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_PATH: 'path' }
  const fileEnv = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(temp, '_runner_file_commands', f)]))
  fs.mkdirSync(path.join(temp, '_runner_file_commands'))
  for (const file of Object.values(fileEnv)) fs.writeFileSync(file, '')
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]))
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
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, entry)], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
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
export async function runPost(entry: string, main: ActionRun, inputs: Record<string, string>, options: { env?: Record<string, string> } = {}): Promise<ActionRun> {
  return runAction(entry, inputs, { workspace: main.workspace, state: main.state, ...options })
}
