/**
 * Runs a workflow file's jobs the way a runner does, for the end-to-end tests of the example
 * workflows: jobs in `needs` order (a matrix job once per leg), each step's `if:` judged, the
 * steps that use this repository's actions run through their bundled dist/ entry points
 * (runAction, with the inputs action.yml defaults as the runner fills them in, and the post
 * step when `post-if` holds), `run:` steps with bash in the job's workspace, with
 * GITHUB_OUTPUT and GITHUB_ENV. Every other `uses:` must have a stand-in the test names;
 * an expression outside the small subset evaluated here fails the run instead of being skipped.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { GITHUB_ENV } from '../../__fixtures__/github-env.js'
import { type ActionRun, PROJECT_ROOT, parseOutputFile, runAction } from './runner.js'
import { tempDir } from './trees.js'

// ---- expressions ------------------------------------------------------------------------

export type Value = string | number | boolean | null | { readonly [key: string]: Value } | Value[]

export interface ExpressionContext {
  /** Contexts by name (github, needs, steps, matrix, inputs, secrets, job): only these are known. */
  readonly contexts: Readonly<Record<string, Value>>
  /** The status functions: success(), failure(), cancelled() of where the expression is. */
  readonly status: {
    readonly success: boolean
    readonly failure: boolean
    readonly cancelled: boolean
  }
}

export class ExpressionError extends Error {}

type Token =
  | { kind: 'str'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'ident'; value: string }
  | { kind: 'op'; value: string }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === "'") {
      let value = ''
      i++
      for (;;) {
        if (i >= text.length) throw new ExpressionError(`unterminated string in "${text}"`)
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'"
            i += 2
            continue
          }
          i++
          break
        }
        value += text[i]
        i++
      }
      tokens.push({ kind: 'str', value })
      continue
    }
    const two = text.slice(i, i + 2)
    if (['==', '!=', '&&', '||'].includes(two)) {
      tokens.push({ kind: 'op', value: two })
      i += 2
      continue
    }
    if ('!.[](),'.includes(c)) {
      tokens.push({ kind: 'op', value: c })
      i++
      continue
    }
    const num = /^\d+(?:\.\d+)?/.exec(text.slice(i))
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) })
      i += num[0].length
      continue
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i))
    if (ident) {
      tokens.push({ kind: 'ident', value: ident[0] })
      i += ident[0].length
      continue
    }
    throw new ExpressionError(`"${c}" is not understood in "${text}"`)
  }
  return tokens
}

const truthy = (v: Value): boolean => !(v === false || v === null || v === 0 || v === '')

function toNumber(v: Value): number {
  if (v === null) return 0
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number') return v
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v)
  return NaN
}

/** GitHub's `==`: strings case-insensitively, other types through numbers. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase()
  if (typeof a === typeof b && (typeof a !== 'object' || a === null || b === null)) return a === b
  if (typeof a === 'object' && a !== null) return a === b
  return toNumber(a) === toNumber(b)
}

export function toText(v: Value): string {
  if (v === null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

/** Evaluates one expression (without `${{ }}`) of the subset the example workflows use. */
export function evaluate(text: string, ctx: ExpressionContext): Value {
  const tokens = tokenize(text)
  let at = 0
  const peek = (): Token | undefined => tokens[at]
  const isOp = (value: string): boolean => {
    const t = peek()
    return t !== undefined && t.kind === 'op' && t.value === value
  }
  const expect = (value: string): void => {
    if (!isOp(value)) throw new ExpressionError(`expected "${value}" in "${text}"`)
    at++
  }
  const member = (base: Value, key: string, where: string): Value => {
    if (typeof base !== 'object' || base === null || Array.isArray(base))
      throw new ExpressionError(`${where}: "${key}" of a value that is not an object, in "${text}"`)
    if (!Object.prototype.hasOwnProperty.call(base, key))
      throw new ExpressionError(`${where}.${key} is not known here, in "${text}"`)
    return base[key] as Value
  }
  const call = (name: string, args: Value[]): Value => {
    switch (name) {
      case 'success':
        return ctx.status.success
      case 'failure':
        return ctx.status.failure
      case 'cancelled':
        return ctx.status.cancelled
      case 'format': {
        const [template, ...rest] = args
        if (typeof template !== 'string') throw new ExpressionError(`format() needs a string`)
        return template.replace(/\{(\d+)\}/g, (_, n: string) => toText(rest[Number(n)] ?? null))
      }
      default:
        throw new ExpressionError(`the function ${name}() is not evaluated here, in "${text}"`)
    }
  }
  const primary = (): { value: Value; where: string } => {
    const t = peek()
    if (t === undefined) throw new ExpressionError(`"${text}" ends too soon`)
    at++
    if (t.kind === 'str' || t.kind === 'num') return { value: t.value, where: 'literal' }
    if (t.kind === 'op' && t.value === '(') {
      const value = or()
      expect(')')
      return { value, where: 'group' }
    }
    if (t.kind === 'ident') {
      if (t.value === 'true' || t.value === 'false')
        return { value: t.value === 'true', where: 'literal' }
      if (t.value === 'null') return { value: null, where: 'literal' }
      if (isOp('(')) {
        at++
        const args: Value[] = []
        if (!isOp(')')) {
          args.push(or())
          while (isOp(',')) {
            at++
            args.push(or())
          }
        }
        expect(')')
        return { value: call(t.value, args), where: `${t.value}()` }
      }
      if (!Object.prototype.hasOwnProperty.call(ctx.contexts, t.value))
        throw new ExpressionError(`the context "${t.value}" is not known here, in "${text}"`)
      return { value: ctx.contexts[t.value] as Value, where: t.value }
    }
    throw new ExpressionError(`"${t.value}" is not understood in "${text}"`)
  }
  const postfix = (): Value => {
    let { value, where } = primary()
    for (;;) {
      if (isOp('.')) {
        at++
        const t = peek()
        if (t === undefined || t.kind !== 'ident')
          throw new ExpressionError(`a name must follow "." in "${text}"`)
        at++
        value = member(value, t.value, where)
        where = `${where}.${t.value}`
      } else if (isOp('[')) {
        at++
        const key = toText(or())
        expect(']')
        value = member(value, key, where)
        where = `${where}[${key}]`
      } else return value
    }
  }
  const unary = (): Value => {
    if (isOp('!')) {
      at++
      return !truthy(unary())
    }
    return postfix()
  }
  const comparison = (): Value => {
    const left = unary()
    if (isOp('==') || isOp('!=')) {
      const op = (peek() as Token).value
      at++
      const right = unary()
      return op === '==' ? equal(left, right) : !equal(left, right)
    }
    return left
  }
  const and = (): Value => {
    let left = comparison()
    while (isOp('&&')) {
      at++
      const right = comparison()
      left = truthy(left) ? right : left
    }
    return left
  }
  function or(): Value {
    let left = and()
    while (isOp('||')) {
      at++
      const right = and()
      left = truthy(left) ? left : right
    }
    return left
  }
  const value = or()
  if (at !== tokens.length) throw new ExpressionError(`"${text}" has more than one expression`)
  return value
}

/** A string with `${{ … }}` parts replaced by their values. */
export function interpolate(text: string, ctx: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => toText(evaluate(expr, ctx)))
}

/** An `if:`: an expression with or without `${{ }}`; success() && … when it names no status function. */
export function condition(text: string | undefined, ctx: ExpressionContext): boolean {
  if (text === undefined) return ctx.status.success
  const trimmed = text.trim()
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(trimmed)
  const expr = whole ? (whole[1] as string) : trimmed
  const value = truthy(evaluate(expr, ctx))
  return /\b(success|failure|cancelled|always)\s*\(/.test(expr)
    ? value
    : ctx.status.success && value
}

// ---- this repository's actions ------------------------------------------------------------

type ActionDir = '' | 'verify' | 'promote' | 'observe'

/** Which of this repository's actions a `uses:` names (as __tests__/workflows.test.ts reads it). */
export function actionDirOf(uses: string): ActionDir | null {
  const local = /^\.\/?(?:(verify|promote|observe)\/?)?$/.exec(uses.trim())
  if (local) return (local[1] as ActionDir | undefined) ?? ''
  const remote =
    /^[A-Za-z0-9][A-Za-z0-9_.-]*\/artifact-seal(?:\/(verify|promote|observe))?@[^\s@]+$/.exec(
      uses.trim()
    )
  if (remote) return (remote[1] as ActionDir | undefined) ?? ''
  return null
}

interface ActionMeta {
  readonly main: string
  readonly post: string | undefined
  readonly postIf: string | undefined
  readonly defaults: Readonly<Record<string, string>>
}

function actionMeta(dir: ActionDir): ActionMeta {
  const file = path.join(PROJECT_ROOT, dir, 'action.yml')
  const doc = parseYaml(fs.readFileSync(file, 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>
    runs: { main: string; post?: string; 'post-if'?: string }
  }
  const rel = (p: string): string =>
    path
      .relative(PROJECT_ROOT, path.resolve(path.dirname(file), p))
      .split(path.sep)
      .join('/')
  const defaults = Object.fromEntries(
    Object.entries(doc.inputs ?? {})
      .filter(([, spec]) => spec.default !== undefined)
      .map(([name, spec]) => [name, String(spec.default)])
  )
  return {
    main: rel(doc.runs.main),
    post: doc.runs.post === undefined ? undefined : rel(doc.runs.post),
    postIf: doc.runs['post-if'],
    defaults
  }
}

// ---- running a workflow -------------------------------------------------------------------

export type Outcome = 'success' | 'failure' | 'skipped'

export interface StepResult {
  readonly index: number
  readonly id: string | undefined
  readonly name: string
  readonly uses: string | undefined
  readonly outcome: Outcome
  readonly outputs: Readonly<Record<string, string>>
  /** For a step of this repository's actions: its run, the inputs it got, and its post step's run. */
  readonly action?: { readonly inputs: Record<string, string>; readonly run: ActionRun }
  post?: ActionRun
  /** For a run step: what it wrote to stdout and stderr. */
  readonly log?: string
}

export interface JobResult {
  readonly job: string
  readonly matrix: Readonly<Record<string, string>>
  readonly result: Outcome
  readonly steps: StepResult[]
  readonly outputs: Readonly<Record<string, string>>
  /** `name:`, `environment.name` and `concurrency.group`, evaluated. */
  readonly name: string
  readonly environment: string | undefined
  readonly concurrency: string | undefined
  readonly workspace: string | undefined
}

export interface WorkflowRun {
  readonly runId: number
  readonly attempt: number
  readonly runName: string | undefined
  /** Every job's legs, in the order they ran. */
  readonly jobs: Record<string, JobResult[]>
  /** A job's result: failure when a leg failed, as GitHub reports a matrix job. */
  readonly results: Record<string, Outcome>
  readonly outputs: Record<string, Record<string, string>>
}

export interface JobSetting {
  readonly jobId: string
  readonly matrix: Readonly<Record<string, string>>
  readonly permissions: Readonly<Record<string, string>>
  readonly attempt: number
}

/** What a test replaces a `uses:` of another action with, and why. */
export interface StandIn {
  readonly uses: RegExp
  readonly reason: string
  /** What the step does for the test (checkout: the repository's files in the workspace). */
  readonly run: (workspace: string, setting: JobSetting) => void | Promise<void>
}

export interface WorkflowOptions {
  /** The workflow file, relative to the project. */
  readonly file: string
  readonly runId: number
  readonly event: 'push' | 'workflow_dispatch'
  readonly inputs?: Readonly<Record<string, string>>
  readonly secrets?: Readonly<Record<string, string>>
  /** The `github` context's values the workflows read (server_url, repository, run_id are set here). */
  readonly repository: string
  readonly standIns: readonly StandIn[]
  /** The runner's variables for a job (results service, API URL, OIDC for id-token: write…). */
  readonly jobEnv: (setting: JobSetting) => Record<string, string>
  /** The job's GITHUB_TOKEN (github.token), for the permissions it declares. */
  readonly token: (setting: JobSetting) => string
  /** The RUNNER_TEMP every job sees. */
  readonly runnerTemp: string
  /** Directories put in front of PATH for run steps (commands the test stands in for). */
  readonly path?: readonly string[]
  /**
   * Inputs a test adds to a step of this repository's actions, for what only the test's hosts
   * need (a trusted root for the loopback Sigstore instance); listed by the test with its reason.
   */
  readonly extraInputs?: (dir: ActionDir, setting: JobSetting) => Record<string, string>
  /** Re-run the jobs of this run that did not succeed (and what needs them), as "Re-run failed jobs". */
  readonly rerunOf?: WorkflowRun
  /** Called before each job (leg) runs, e.g. to set the claims of the job's OIDC token. */
  readonly beforeJob?: (setting: JobSetting) => void
}

type Map_ = Record<string, unknown>
const isMap = (v: unknown): v is Map_ => typeof v === 'object' && v !== null && !Array.isArray(v)

function needsOf(job: Map_): string[] {
  if (typeof job.needs === 'string') return [job.needs]
  return Array.isArray(job.needs) ? (job.needs as string[]) : []
}

function legsOf(job: Map_): Record<string, string>[] {
  const strategy = isMap(job.strategy) ? job.strategy : undefined
  const matrix = strategy && isMap(strategy.matrix) ? strategy.matrix : undefined
  if (!matrix) return [{}]
  const keys = Object.keys(matrix)
  for (const key of keys)
    if (!Array.isArray(matrix[key]))
      throw new Error(`matrix.${key}: only lists are expanded here (no include/exclude)`)
  let legs: Record<string, string>[] = [{}]
  for (const key of keys)
    legs = legs.flatMap((leg) =>
      (matrix[key] as unknown[]).map((value) => ({ ...leg, [key]: String(value) }))
    )
  return legs
}

async function bash(
  script: string,
  cwd: string,
  env: Record<string, string>
): Promise<{ code: number | null; log: string }> {
  const file = path.join(tempDir('run-step-'), 'step.sh')
  fs.writeFileSync(file, script)
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  child.stdout.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr.on('data', (d: Buffer) => (log += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, log }
}

/** name=value lines and name<<delimiter blocks, as the runner reads GITHUB_OUTPUT and GITHUB_ENV. */
function readCommandFile(file: string): Record<string, string> {
  const text = fs.readFileSync(file, 'utf8')
  const values: Record<string, string> = { ...parseOutputFile(text) }
  let inBlock: string | null = null
  for (const line of text.split('\n')) {
    if (inBlock !== null) {
      if (line === inBlock) inBlock = null
      continue
    }
    const block = /^([^<=]+)<<(.+)$/.exec(line)
    if (block) {
      inBlock = block[2] as string
      continue
    }
    const pair = /^([^=]+)=(.*)$/.exec(line)
    if (pair) values[pair[1] as string] = pair[2] as string
  }
  return values
}

export async function runWorkflow(options: WorkflowOptions): Promise<WorkflowRun> {
  const doc = parseYaml(fs.readFileSync(path.join(PROJECT_ROOT, options.file), 'utf8')) as Map_
  const jobs = doc.jobs as Record<string, Map_>
  const attempt = options.rerunOf ? options.rerunOf.attempt + 1 : 1
  const github: Record<string, Value> = {
    server_url: 'https://github.com',
    repository: options.repository,
    run_id: String(options.runId),
    event_name: options.event
  }
  const contexts = {
    github,
    inputs: { ...(options.inputs ?? {}) },
    secrets: { ...(options.secrets ?? {}) }
  }
  const plain: ExpressionContext['status'] = { success: true, failure: false, cancelled: false }
  const runName =
    typeof doc['run-name'] === 'string'
      ? interpolate(doc['run-name'], { contexts, status: plain })
      : undefined
  const run: WorkflowRun = {
    runId: options.runId,
    attempt,
    runName,
    jobs: {},
    results: {},
    outputs: {}
  }

  // needs order: a job runs once every job it needs has a result.
  const order: string[] = []
  const pending = new Set(Object.keys(jobs))
  while (pending.size > 0) {
    const ready = [...pending].filter((id) =>
      needsOf(jobs[id] as Map_).every((n) => order.includes(n))
    )
    if (ready.length === 0)
      throw new Error(`${options.file}: the needs of ${[...pending]} never resolve`)
    for (const id of ready) {
      order.push(id)
      pending.delete(id)
    }
  }

  for (const jobId of order) {
    const job = jobs[jobId] as Map_
    // "Re-run failed jobs": a leg (each matrix leg is a job of its own) that succeeded keeps its
    // result and outputs; the others run again.
    const previousLegs = options.rerunOf?.jobs[jobId] ?? []
    const needs: Record<string, Value> = Object.fromEntries(
      needsOf(job).map((n) => [
        n,
        { result: run.results[n] as string, outputs: run.outputs[n] ?? {} }
      ])
    )
    const needsOk = needsOf(job).every((n) => run.results[n] === 'success')
    const jobStatus = { success: needsOk, failure: !needsOk, cancelled: false }
    const legs: JobResult[] = []
    for (const matrix of legsOf(job)) {
      const kept = previousLegs.find(
        (l) => l.result === 'success' && JSON.stringify(l.matrix) === JSON.stringify(matrix)
      )
      if (kept !== undefined) {
        legs.push(kept)
        continue
      }
      const ctx = (status: ExpressionContext['status'], extra: Record<string, Value> = {}) => ({
        contexts: { ...contexts, needs, matrix, ...extra },
        status
      })
      const permissions = isMap(job.permissions)
        ? (Object.fromEntries(
            Object.entries(job.permissions).map(([k, v]) => [k, String(v)])
          ) as Record<string, string>)
        : {}
      const setting: JobSetting = { jobId, matrix, permissions, attempt }
      const env0 = isMap(job.environment) ? job.environment : undefined
      const environment =
        typeof job.environment === 'string'
          ? interpolate(job.environment, ctx(plain))
          : typeof env0?.name === 'string'
            ? interpolate(env0.name, ctx(plain))
            : undefined
      const concurrency =
        isMap(job.concurrency) && typeof job.concurrency.group === 'string'
          ? interpolate(job.concurrency.group, ctx(plain))
          : undefined
      const name = typeof job.name === 'string' ? interpolate(job.name, ctx(plain)) : jobId
      const jobIf = typeof job.if === 'string' ? job.if : undefined
      if (!condition(jobIf, ctx(jobStatus))) {
        legs.push({
          job: jobId,
          matrix,
          result: 'skipped',
          steps: [],
          outputs: {},
          name,
          environment,
          concurrency,
          workspace: undefined
        })
        continue
      }
      legs.push(
        await runJob(options, job, setting, { name, environment, concurrency }, (status, steps) =>
          ctx(status, { steps, job: { status: status.failure ? 'failure' : 'success' } })
        )
      )
    }
    run.jobs[jobId] = legs
    run.results[jobId] = legs.some((l) => l.result === 'failure')
      ? 'failure'
      : legs.every((l) => l.result === 'skipped')
        ? 'skipped'
        : 'success'
    // A matrix job's outputs are those of its last leg to set them, as GitHub merges them.
    run.outputs[jobId] = Object.assign({}, ...legs.map((l) => l.outputs)) as Record<string, string>
  }
  return run
}

async function runJob(
  options: WorkflowOptions,
  job: Map_,
  setting: JobSetting,
  evaluated: { name: string; environment: string | undefined; concurrency: string | undefined },
  ctxOf: (status: ExpressionContext['status'], steps: Record<string, Value>) => ExpressionContext
): Promise<JobResult> {
  options.beforeJob?.(setting)
  const workspace = tempDir(`job-${setting.jobId}-`)
  const token = options.token(setting)
  const runnerEnv = {
    ...options.jobEnv(setting),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: options.runnerTemp,
    GITHUB_RUN_ATTEMPT: String(setting.attempt),
    GITHUB_JOB: setting.jobId
  }
  const jobEnv: Record<string, string> = {}
  const stepsCtx: Record<string, Value> = {}
  const steps: StepResult[] = []
  let failed = false
  const rawSteps = (job.steps as Map_[]).filter(isMap)
  for (const [index, step] of rawSteps.entries()) {
    const id = typeof step.id === 'string' ? step.id : undefined
    const status = { success: !failed, failure: failed, cancelled: false }
    const ctx = ctxOf(status, stepsCtx)
    const contextsWithToken: ExpressionContext = {
      ...ctx,
      contexts: { ...ctx.contexts, github: { ...(ctx.contexts.github as Map_), token } as Value }
    }
    const name =
      typeof step.name === 'string'
        ? interpolate(step.name, ctx)
        : typeof step.uses === 'string'
          ? step.uses
          : String(step.run)
    const uses = typeof step.uses === 'string' ? step.uses : undefined
    const record = (result: StepResult): void => {
      steps.push(result)
      if (id !== undefined)
        stepsCtx[id] = {
          outcome: result.outcome,
          conclusion: result.outcome,
          outputs: { ...result.outputs }
        }
      if (result.outcome === 'failure') failed = true
    }
    if (!condition(typeof step.if === 'string' ? step.if : undefined, ctx)) {
      record({ index, id, name, uses, outcome: 'skipped', outputs: {} })
      continue
    }
    const stepEnv = isMap(step.env)
      ? Object.fromEntries(
          Object.entries(step.env).map(([k, v]) => [k, interpolate(String(v), ctx)])
        )
      : {}
    if (uses !== undefined) {
      const dir = actionDirOf(uses)
      if (dir === null) {
        const standIn = options.standIns.find((s) => s.uses.test(uses))
        if (standIn === undefined)
          throw new Error(`${options.file}: jobs.${setting.jobId}: no stand-in for "${uses}"`)
        await standIn.run(workspace, setting)
        record({ index, id, name, uses, outcome: 'success', outputs: {} })
        continue
      }
      const meta = actionMeta(dir)
      const given = isMap(step.with)
        ? Object.fromEntries(
            Object.entries(step.with).map(([k, v]) => [k, interpolate(String(v), ctx)])
          )
        : {}
      const defaults = Object.fromEntries(
        Object.entries(meta.defaults)
          .filter(([k]) => !(k in given))
          .map(([k, v]) => [k, interpolate(v, contextsWithToken)])
      )
      const inputs = { ...defaults, ...given, ...(options.extraInputs?.(dir, setting) ?? {}) }
      const result = await runAction(meta.main, inputs, {
        workspace,
        env: { ...runnerEnv, ...jobEnv, ...stepEnv }
      })
      const stepResult: StepResult & { meta?: ActionMeta } = {
        index,
        id,
        name,
        uses,
        outcome: result.code === 0 ? 'success' : 'failure',
        outputs: result.outputs,
        action: { inputs, run: result }
      }
      Object.defineProperty(stepResult, 'meta', { value: meta, enumerable: false })
      record(stepResult)
      continue
    }
    if (typeof step.run !== 'string')
      throw new Error(`jobs.${setting.jobId}.steps[${index}]: neither uses nor run`)
    const files = tempDir('run-step-files-')
    const outputFile = path.join(files, 'output')
    const envFile = path.join(files, 'env')
    fs.writeFileSync(outputFile, '')
    fs.writeFileSync(envFile, '')
    const script = interpolate(step.run, ctx)
    const env = {
      PATH: [...(options.path ?? []), process.env.PATH ?? ''].join(path.delimiter),
      HOME: process.env.HOME ?? '',
      ...GITHUB_ENV,
      ...runnerEnv,
      ...jobEnv,
      ...stepEnv,
      GITHUB_OUTPUT: outputFile,
      GITHUB_ENV: envFile
    }
    const { code, log } = await bash(script, workspace, env)
    Object.assign(jobEnv, readCommandFile(envFile))
    record({
      index,
      id,
      name,
      uses,
      outcome: code === 0 ? 'success' : 'failure',
      outputs: readCommandFile(outputFile),
      log
    })
  }
  // Post steps, last step first, when their post-if holds for the job as it ended.
  for (const step of [...steps].reverse()) {
    const meta = (step as StepResult & { meta?: ActionMeta }).meta
    if (!meta?.post || !step.action || step.outcome === 'skipped') continue
    const status = { success: !failed, failure: failed, cancelled: false }
    // No post-if means always(), which is success() || failure() here (nothing is cancelled).
    if (!condition(meta.postIf ?? 'success() || failure()', ctxOf(status, stepsCtx))) continue
    step.post = await runAction(meta.post, step.action.inputs, {
      workspace,
      state: step.action.run.state,
      env: { ...runnerEnv, ...jobEnv }
    })
    if (step.post.code !== 0) failed = true
  }
  const outputs = isMap(job.outputs)
    ? Object.fromEntries(
        Object.entries(job.outputs).map(([k, v]) => [
          k,
          interpolate(
            String(v),
            ctxOf({ success: !failed, failure: failed, cancelled: false }, stepsCtx)
          )
        ])
      )
    : {}
  return {
    job: setting.jobId,
    matrix: setting.matrix,
    result: failed ? 'failure' : 'success',
    steps,
    outputs,
    ...evaluated,
    workspace
  }
}
