/**
 * Every workflow in the repository (.github/workflows and examples/workflows) must be one
 * GitHub accepts, checked with GitHub's own parser (@actions/workflow-parser), and every
 * step that uses one of this repository's actions must match that action's action.yml:
 * only declared inputs, every required input, only declared outputs read. The action.yml
 * files are read when the test runs, so the check follows them as they change.
 */
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow
} from '@actions/workflow-parser'
import { parse as parseYaml } from 'yaml'
import { parsePolicy } from '../src/core/promotion/policy-file.js'
import { PROJECT_ROOT } from './helpers/runner.js'

const WORKFLOW_DIRS = ['.github/workflows', 'examples/workflows']

function workflowFiles(): string[] {
  return WORKFLOW_DIRS.flatMap((dir) => {
    const abs = path.join(PROJECT_ROOT, dir)
    if (!fs.existsSync(abs)) return []
    return fs
      .readdirSync(abs)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => `${dir}/${f}`)
  })
}

const read = (rel: string): string => fs.readFileSync(path.join(PROJECT_ROOT, rel), 'utf8')

/**
 * What GitHub's parser reports for a workflow: schema and expression errors, then conversion errors
 * (needs, job ids, …).
 */
async function parserErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = result.context.errors.getErrors().map((e) => e.message)
  if (errors.length > 0) return errors
  if (result.value === undefined) return [`${name}: the parser returned no workflow`]
  const template = await convertWorkflowTemplate(result.context, result.value)
  return [
    ...(template.errors ?? []).map((e) => e.Message),
    ...result.context.errors.getErrors().map((e) => e.message)
  ].filter((message, i, all) => all.indexOf(message) === i)
}

// ---- this repository's actions, as their action.yml files declare them now ----

interface ActionSpec {
  readonly file: string
  readonly inputs: ReadonlySet<string>
  /** Inputs with `required: true` and no default: a step must set them. */
  readonly required: ReadonlySet<string>
  readonly outputs: ReadonlySet<string>
}

type YamlMap = Record<string, unknown>
const isMap = (v: unknown): v is YamlMap => typeof v === 'object' && v !== null && !Array.isArray(v)

function loadAction(dir: '' | 'verify' | 'promote' | 'observe'): ActionSpec {
  const file = dir === '' ? 'action.yml' : `${dir}/action.yml`
  const doc: unknown = parseYaml(read(file))
  if (!isMap(doc)) throw new Error(`${file} is not a YAML mapping`)
  const inputs = isMap(doc.inputs) ? doc.inputs : {}
  const outputs = isMap(doc.outputs) ? doc.outputs : {}
  const required = Object.entries(inputs).filter(
    ([, spec]) =>
      isMap(spec) &&
      (spec.required === true || spec.required === 'true') &&
      spec.default === undefined
  )
  return {
    file,
    inputs: new Set(Object.keys(inputs)),
    required: new Set(required.map(([name]) => name)),
    outputs: new Set(Object.keys(outputs))
  }
}

/**
 * Which of this repository's actions a `uses:` names: `./`, `./verify`, `./promote` (this
 * repository's CI), or `OWNER/artifact-seal[/verify|/promote]@ref` (the examples).
 */
function actionDirOf(uses: string): '' | 'verify' | 'promote' | 'observe' | null {
  const local = /^\.\/?(?:(verify|promote|observe)\/?)?$/.exec(uses.trim())
  if (local) return (local[1] as 'verify' | 'promote' | 'observe' | undefined) ?? ''
  const remote =
    /^[A-Za-z0-9][A-Za-z0-9_.-]*\/artifact-seal(?:\/(verify|promote|observe))?@[^\s@]+$/.exec(
      uses.trim()
    )
  if (remote) return (remote[1] as 'verify' | 'promote' | 'observe' | undefined) ?? ''
  return null
}

/** Every string anywhere under a YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (isMap(value)) return Object.values(value).flatMap(strings)
  return []
}

const STEP_OUTPUT = /\bsteps\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)/g
const NEEDS_OUTPUT = /\bneeds\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)/g

/**
 * The problems of one workflow with this repository's actions: inputs the action does not
 * declare, required inputs left out, outputs read that it does not declare; and, for every
 * step and job, outputs read from a step id or a job that does not exist or is not needed.
 */
function actionUsageProblems(
  name: string,
  content: string,
  actions: (dir: '' | 'verify' | 'promote' | 'observe') => ActionSpec
): string[] {
  const problems: string[] = []
  let doc: unknown
  try {
    doc = parseYaml(content)
  } catch (error) {
    return [`${name}: not YAML: ${(error as Error).message}`]
  }
  if (!isMap(doc) || !isMap(doc.jobs)) return [`${name}: no jobs`]
  const jobs = doc.jobs
  for (const [jobId, job] of Object.entries(jobs)) {
    if (!isMap(job)) continue
    const at = `${name}: jobs.${jobId}`
    const steps = Array.isArray(job.steps) ? job.steps.filter(isMap) : []
    const stepIds = new Map<string, ActionSpec | null>()
    steps.forEach((step, i) => {
      const dir = typeof step.uses === 'string' ? actionDirOf(step.uses) : null
      const spec = dir === null ? null : actions(dir)
      if (typeof step.id === 'string') stepIds.set(step.id, spec)
      if (spec === null) return
      const where = `${at}.steps[${i}]${typeof step.id === 'string' ? ` (id ${step.id})` : ''} uses ${String(step.uses)}`
      const given = isMap(step.with) ? Object.keys(step.with) : []
      for (const input of given)
        if (!spec.inputs.has(input))
          problems.push(`${where}: input "${input}" is not declared in ${spec.file}`)
      for (const input of spec.required)
        if (!given.includes(input))
          problems.push(`${where}: required input "${input}" of ${spec.file} is not set`)
    })
    const needs =
      typeof job.needs === 'string'
        ? [job.needs]
        : Array.isArray(job.needs)
          ? job.needs.filter((n): n is string => typeof n === 'string')
          : []
    for (const text of strings(job)) {
      for (const [, id, output] of text.matchAll(STEP_OUTPUT) as IterableIterator<
        [string, string, string]
      >) {
        if (!stepIds.has(id))
          problems.push(`${at}: steps.${id}.outputs.${output} names no step of the job`)
        else {
          const spec = stepIds.get(id)
          if (spec && !spec.outputs.has(output))
            problems.push(
              `${at}: steps.${id}.outputs.${output}: output "${output}" is not declared in ${spec.file}`
            )
        }
      }
      for (const [, needed, output] of text.matchAll(NEEDS_OUTPUT) as IterableIterator<
        [string, string, string]
      >) {
        const other = jobs[needed]
        if (!needs.includes(needed))
          problems.push(
            `${at}: needs.${needed}.outputs.${output} but the job does not need ${needed}`
          )
        else if (!isMap(other) || !isMap(other.outputs) || !(output in other.outputs))
          problems.push(
            `${at}: needs.${needed}.outputs.${output}: job ${needed} has no output "${output}"`
          )
      }
    }
  }
  return [...new Set(problems)]
}

const actionCache = new Map<string, ActionSpec>()
function currentAction(dir: '' | 'verify' | 'promote' | 'observe'): ActionSpec {
  let spec = actionCache.get(dir)
  if (!spec) actionCache.set(dir, (spec = loadAction(dir)))
  return spec
}

// ---- the tests ----

const FILES = workflowFiles()

describe('workflows', () => {
  it('finds the CI workflows and the examples', () => {
    expect(FILES).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        'examples/workflows/pipeline.yml',
        'examples/workflows/rollback.yml'
      ])
    )
  })

  describe.each(FILES)('%s', (file) => {
    it("parses without errors in GitHub's workflow parser", async () => {
      expect(await parserErrors(file, read(file))).toEqual([])
    })

    it("passes this repository's actions only the inputs they declare and reads only their outputs", () => {
      expect(actionUsageProblems(file, read(file), currentAction)).toEqual([])
    })
  })

  it('examples/workflows/README.md holds the monorepo policy, which lists the services monorepo.yml seals', () => {
    const readme = read('examples/workflows/README.md')
    const block = /```yaml\n# \.github\/promotion\.yml \(monorepo\.yml\)\n([\s\S]*?)```/.exec(
      readme
    )
    if (!block)
      throw new Error(
        'examples/workflows/README.md has no ```yaml block starting "# .github/promotion.yml (monorepo.yml)"'
      )
    const policy = parsePolicy(block[1] as string, '.github/promotion.yml')
    expect(policy.services).toEqual(['api', 'web'])
    const workflow = parseYaml(read('examples/workflows/monorepo.yml')) as {
      jobs: Record<
        string,
        {
          strategy?: { matrix?: { service?: string[] } }
          steps: { with?: Record<string, string> }[]
        }
      >
    }
    const sealed =
      workflow.jobs.build?.steps.flatMap((step) =>
        step.with?.['subject-name'] === undefined ? [] : [step.with['subject-name']]
      ) ?? []
    expect(sealed).toEqual(policy.services)
    for (const job of ['staging', 'production'])
      expect(workflow.jobs[job]?.strategy?.matrix?.service).toEqual(policy.services)
  })

  it('examples/workflows/README.md holds a promotion policy that artifact-seal accepts', () => {
    const readme = read('examples/workflows/README.md')
    const block = /```yaml\n# \.github\/promotion\.yml\n([\s\S]*?)```/.exec(readme)
    if (!block)
      throw new Error(
        'examples/workflows/README.md has no ```yaml block starting "# .github/promotion.yml"'
      )
    const policy = parsePolicy(block[1] as string, '.github/promotion.yml')
    expect(policy.environments.map((e) => e.name).sort()).toEqual(['production', 'staging'])
  })
})

describe('the checks catch mistakes', () => {
  const ok = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo hello
`

  it('a valid workflow has no errors', async () => {
    expect(await parserErrors('ok.yml', ok)).toEqual([])
  })

  it.each([
    ['an unknown job key', ok.replace('runs-on:', 'runs_on:'), "Unexpected value 'runs_on'"],
    [
      'a broken expression',
      ok.replace('echo hello', 'echo ${{ github.sha }'),
      'The expression is not closed'
    ],
    [
      'an unknown context',
      ok.replace('echo hello', 'echo ${{ nonsense.value }}'),
      "Unrecognized named-value: 'nonsense'"
    ],
    [
      'a context where it is not available',
      ok.replace(
        'runs-on: ubuntu-latest',
        'env:\n      TEMP_DIR: ${{ runner.temp }}\n    runs-on: ubuntu-latest'
      ),
      "Unrecognized named-value: 'runner'"
    ],
    [
      'an event that does not exist',
      ok.replace('on: push', 'on: pushed'),
      "Unexpected value 'pushed'"
    ],
    [
      'a permission that does not exist',
      ok.replace(
        'runs-on: ubuntu-latest',
        'permissions:\n      deployment: write\n    runs-on: ubuntu-latest'
      ),
      "Unexpected value 'deployment'"
    ],
    [
      'a needs on a job that does not exist',
      `${ok}  deploy:\n    needs: nowhere\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo deploy\n`,
      'nowhere'
    ],
    [
      'a step id used twice',
      ok.replace(
        '- run: echo hello',
        '- id: a\n        run: echo 1\n      - id: a\n        run: echo 2'
      ),
      "The identifier 'a' may not be used more than once"
    ],
    [
      'a step with both run and uses',
      ok.replace('- run: echo hello', '- run: echo hello\n        uses: ./'),
      "Unexpected value 'uses'"
    ],
    [
      'a plain scalar holding ": "',
      ok.replace('echo hello', "printf 'a:\\n  b: {}\\n'"),
      'Nested mappings are not allowed in compact mappings'
    ],
    ['not YAML', 'on: push\njobs: [\n', 'Flow sequence']
  ])("GitHub's parser reports %s", async (_what, broken, message) => {
    expect(await parserErrors('broken.yml', broken)).toEqual(
      expect.arrayContaining([expect.stringContaining(message)])
    )
  })

  const spec = (
    file: string,
    inputs: string[],
    required: string[],
    outputs: string[]
  ): ActionSpec => ({
    file,
    inputs: new Set(inputs),
    required: new Set(required),
    outputs: new Set(outputs)
  })
  const fake = (dir: '' | 'verify' | 'promote' | 'observe'): ActionSpec =>
    dir === 'verify'
      ? spec(
          'verify/action.yml',
          ['expected-digest', 'subject-path'],
          ['expected-digest'],
          ['verified']
        )
      : spec(`${dir || '.'}/action.yml`, ['subject-path'], [], ['digest'])

  const usage = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      digest: \${{ steps.seal.outputs.digest }}
    steps:
      - id: seal
        uses: acme/artifact-seal@v1
        with:
          subject-path: dist
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - id: verify
        uses: ./verify
        with:
          expected-digest: \${{ needs.build.outputs.digest }}
          subject-path: dist
      - if: steps.verify.outputs.verified != 'true'
        run: exit 1
`

  it('a step that matches its action.yml has no problems', () => {
    expect(actionUsageProblems('usage.yml', usage, fake)).toEqual([])
  })

  it.each([
    [
      'an undeclared input',
      usage.replace(
        'subject-path: dist\n  deploy',
        'subject-path: dist\n          uplod: true\n  deploy'
      ),
      'input "uplod" is not declared in ./action.yml'
    ],
    [
      'a required input left out',
      usage.replace('expected-digest: ${{ needs.build.outputs.digest }}\n', ''),
      'required input "expected-digest" of verify/action.yml is not set'
    ],
    [
      'an undeclared output',
      usage.replace('outputs.verified', 'outputs.verfied'),
      'output "verfied" is not declared in verify/action.yml'
    ],
    [
      'a step id that does not exist',
      usage.replace('steps.verify.outputs', 'steps.check.outputs'),
      'steps.check.outputs.verified names no step of the job'
    ],
    [
      'a job output that does not exist',
      usage.replace('needs.build.outputs.digest', 'needs.build.outputs.sha'),
      'job build has no output "sha"'
    ],
    [
      'a job output of a job not needed',
      usage.replace('    needs: build\n', ''),
      'the job does not need build'
    ],
    [
      'the sub-action of a remote ref',
      usage
        .replace('uses: ./verify', 'uses: acme/artifact-seal/verify@v1')
        .replace('subject-path: dist\n      - if', 'subjct-path: dist\n      - if'),
      'input "subjct-path" is not declared in verify/action.yml'
    ]
  ])('reports %s', (_what, workflow, problem) => {
    expect(actionUsageProblems('usage.yml', workflow, fake)).toEqual([
      expect.stringContaining(problem)
    ])
  })

  it('reads the real action.yml: an input it stopped declaring is reported in the workflows that pass it', () => {
    const seal = currentAction('')
    expect(seal.inputs.has('subject-path')).toBe(true)
    const without = (dir: '' | 'verify' | 'promote' | 'observe'): ActionSpec =>
      dir === ''
        ? { ...seal, inputs: new Set([...seal.inputs].filter((input) => input !== 'subject-path')) }
        : currentAction(dir)
    expect(actionUsageProblems('ci.yml', read('.github/workflows/ci.yml'), without)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'jobs.seal.steps[1] (id seal) uses ./: input "subject-path" is not declared in action.yml'
        )
      ])
    )
  })

  it.each([
    ['./', ''],
    ['.', ''],
    ['./verify', 'verify'],
    ['./promote/', 'promote'],
    ['OWNER/artifact-seal@v1', ''],
    ['OWNER/artifact-seal/verify@v1', 'verify'],
    ['acme/artifact-seal/promote@0123456789abcdef0123456789abcdef01234567', 'promote'],
    ['actions/checkout@v5', null],
    ['./other', null],
    ['OWNER/artifact-seal-fork@v1', null],
    ['OWNER/artifact-seal/other@v1', null]
  ])("reads uses: %s as this repository's action %p", (uses, dir) => {
    expect(actionDirOf(uses)).toBe(dir)
  })
})
