import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const moduleUrl = (relative: string): string =>
  pathToFileURL(path.join(PROJECT_ROOT, 'node_modules', relative)).href

/** One call of the real client library, as a step of a job would make it. */
export type ClientCall =
  | {
      readonly kind: 'uploadArtifact'
      readonly name: string
      readonly files: readonly string[]
      readonly root: string
      readonly options?: Record<string, unknown>
    }
  | { readonly kind: 'listArtifacts'; readonly options?: Record<string, unknown> }
  | {
      readonly kind: 'getArtifact'
      readonly name: string
      readonly options?: Record<string, unknown>
    }
  | {
      readonly kind: 'downloadArtifact'
      readonly id: number
      readonly options?: Record<string, unknown>
    }
  | {
      readonly kind: 'deleteArtifact'
      readonly name: string
      readonly options?: Record<string, unknown>
    }
  | { readonly kind: 'saveCache'; readonly paths: readonly string[]; readonly key: string }
  | {
      readonly kind: 'restoreCache'
      readonly paths: readonly string[]
      readonly key: string
      readonly restoreKeys?: readonly string[]
      readonly options?: Record<string, unknown>
    }

export interface ClientOutcome {
  /** What the library returned (through JSON), when it returned. */
  readonly result?: unknown
  /** What it threw, when it threw. */
  readonly error?: { readonly name: string; readonly message: string }
  /** The workflow commands and log lines it printed (`::warning::`, `::debug::`, ...). */
  readonly stdout: string
  readonly stderr: string
}

// The script a "step" runs: import the installed client, make one call, write the outcome
// to a file (stdout belongs to the library's workflow commands).
const SCRIPT = `
import { writeFileSync } from 'node:fs'
import { DefaultArtifactClient } from '${moduleUrl('@actions/artifact/lib/artifact.js')}'
import * as cache from '${moduleUrl('@actions/cache/lib/cache.js')}'
const call = JSON.parse(process.env.CLIENT_CALL)
const artifacts = new DefaultArtifactClient()
let outcome
try {
  let result
  switch (call.kind) {
    case 'uploadArtifact': result = await artifacts.uploadArtifact(call.name, call.files, call.root, call.options); break
    case 'listArtifacts': result = await artifacts.listArtifacts(call.options); break
    case 'getArtifact': result = await artifacts.getArtifact(call.name, call.options); break
    case 'downloadArtifact': result = await artifacts.downloadArtifact(call.id, call.options); break
    case 'deleteArtifact': result = await artifacts.deleteArtifact(call.name, call.options); break
    case 'saveCache': result = await cache.saveCache(call.paths, call.key); break
    case 'restoreCache': result = await cache.restoreCache(call.paths, call.key, call.restoreKeys, call.options); break
    default: throw new Error('unknown call ' + call.kind)
  }
  outcome = { result: result === undefined ? null : result }
} catch (error) {
  outcome = { error: { name: error.name, message: error.message } }
}
writeFileSync(process.env.CLIENT_OUTCOME, JSON.stringify(outcome))
`

/**
 * Runs one client call in its own Node process (the one running the tests) with exactly
 * the environment given, as a runner runs a step: nothing leaks between simulated jobs.
 */
export async function runClient(
  call: ClientCall,
  env: Record<string, string>,
  cwd?: string
): Promise<ClientOutcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-call-'))
  const outcomeFile = path.join(dir, 'outcome.json')
  try {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', SCRIPT], {
      cwd: cwd ?? dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.homedir(),
        ...env,
        CLIENT_CALL: JSON.stringify(call),
        CLIENT_OUTCOME: outcomeFile
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject)
      child.once('close', resolve)
    })
    if (!fs.existsSync(outcomeFile))
      throw new Error(
        `the client process exited (${code}) without an outcome:\n${stderr}\n${stdout}`
      )
    const outcome = JSON.parse(fs.readFileSync(outcomeFile, 'utf8')) as {
      result?: unknown
      error?: { name: string; message: string }
    }
    return { ...outcome, stdout, stderr }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
