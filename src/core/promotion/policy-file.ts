import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml'
import { SealError, quote } from '../errors.js'
import { parseDuration } from './duration.js'
import type { EnvironmentRule, PromotionPolicy } from './policy.js'
import { POLICY_SCHEMA } from './policy-schema.js'

interface RawEnvironment {
  requires?: string[]
  'requires-any'?: string[]
  soak?: string
}

/** Compiled on first use: compiling costs milliseconds every process that never reads a policy would pay. */
let compiled: ValidateFunction | null = null
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: true }).compile(POLICY_SCHEMA))

/**
 * Reads a promotion policy (YAML). Every problem is reported at once, each with the
 * file, line and column it is on, the value found and what to write instead.
 */
export function parsePolicy(text: string, source: string): PromotionPolicy {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return source
    const { line, col } = lines.linePos(offset)
    return `${source}:${line}:${col}`
  }
  const fail = (problems: string[]): never => {
    throw new SealError(
      `The promotion policy ${source} has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}:\n` +
        problems.map((p) => `  ${p}`).join('\n') +
        `\nSee the policy format in the README ("Promotion policy").`
    )
  }

  if (doc.errors.length > 0) fail(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`))
  const value: unknown = doc.toJS()
  const validate = validator()
  if (!validate(value)) {
    fail(byPosition((validate.errors ?? []).map((e) => describeSchemaError(e, doc.contents, at))))
  }

  const raw = (value as { environments: Record<string, RawEnvironment | null> }).environments
  const nodeAt = (...path: (string | number)[]): number | undefined => rangeStart(doc.getIn(['environments', ...path], true))
  const keyAt = (name: string): number | undefined => {
    const map = doc.getIn(['environments'], true)
    if (!isMap(map)) return undefined
    const pair = map.items.find((p) => (p.key as { value?: unknown } | null)?.value === name)
    return rangeStart(pair?.key as Node | undefined)
  }

  const problems: string[] = []
  const names = Object.keys(raw)
  const environments: EnvironmentRule[] = names.map((name) => {
    const env = raw[name] ?? {}
    const requires = env.requires ?? []
    const requiresAny = env['requires-any'] ?? []
    for (const [list, key] of [
      [requires, 'requires'],
      [requiresAny, 'requires-any']
    ] as const) {
      list.forEach((upstream, i) => {
        if (upstream === name) {
          problems.push(`${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(name)} itself. An environment cannot require itself; remove it.`)
        } else if (!names.includes(upstream)) {
          problems.push(
            `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(upstream)}, which the policy does not define. ` +
              `Define it under environments, or use one of: ${names.join(', ')}.`
          )
        }
      })
    }
    if (env.soak !== undefined && requires.length === 0 && requiresAny.length === 0) {
      problems.push(
        `${at(nodeAt(name, 'soak'))}: environments.${name}.soak is ${quote(env.soak)} but ${name} requires no environment, so there is nothing to soak in. ` +
          `Add requires: [<upstream environment>] or remove soak.`
      )
    }
    const soakMs = env.soak === undefined ? 0 : parseDuration(env.soak)
    if (soakMs === null) {
      problems.push(`${at(nodeAt(name, 'soak'))}: environments.${name}.soak ${quote(env.soak ?? '')} is too long. Give a duration under 285,000 years.`)
    }
    return { name, requires, requiresAny, soakMs: soakMs ?? 0, soakText: env.soak ?? null }
  })
  if (problems.length > 0) fail(byPosition(problems))

  const cycle = findCycle(environments)
  if (cycle) {
    fail([
      `${at(keyAt(cycle[0] as string))}: the environments require each other in a cycle: ${cycle.join(' → ')}. ` +
        `A digest could never enter any of them; remove one of these requirements.`
    ])
  }
  return { source, environments }
}

/** Problems in the order of the file, so they read top to bottom. */
function byPosition(problems: string[]): string[] {
  const position = (p: string): number[] => (/:(\d+):(\d+): /.exec(p)?.slice(1) ?? ['0', '0']).map(Number)
  return problems.sort((a, b) => {
    const [la = 0, ca = 0] = position(a)
    const [lb = 0, cb = 0] = position(b)
    return la - lb || ca - cb
  })
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | undefined)?.range?.[0]
}

function describeSchemaError(error: ErrorObject, root: unknown, at: (offset: number | undefined) => string): string {
  const path = error.instancePath.split('/').slice(1).map(decodeURIComponent)
  const where = path.length === 0 ? 'the file' : path.join('.')
  let node: unknown = root
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true)
    else if (isSeq(node)) node = node.get(Number(key), true)
    else break
  }
  const found = (node as { value?: unknown } | undefined)?.value
  const shown = found === undefined ? '' : ` ${quote(String(found))}`
  const location = at(rangeStart(node))
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty
      const allowed = path.length === 0 ? 'environments' : path.length === 2 ? 'requires, requires-any, soak' : 'environment names'
      const keyNode = isMap(node) ? node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key)?.key : undefined
      return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has an unknown key ${quote(key)}. Allowed here: ${allowed}.`
    }
    case 'required':
      return `${location}: ${where} has no ${quote((error.params as { missingProperty: string }).missingProperty)}. Start the file with "environments:" and one entry per environment.`
    case 'pattern':
      if (path.at(-1) === 'soak') return `${location}: ${where}${shown} is not a duration. Write a number and a unit, such as 30m, 1h, 1h30m or 2d.`
      return `${location}: ${where}${shown} is not an environment name. Use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`
    case 'type':
      if (path.at(-1) === 'soak') return `${location}: ${where}${shown} is not a duration. Write it as text with a unit, such as 30m or 1h (a bare number has no unit).`
      return `${location}: ${where}${shown} should be ${describeType(String((error.params as { type: string | string[] }).type), path)}.`
    case 'uniqueItems':
      return `${location}: ${where} lists an environment twice. Name each once.`
    case 'minProperties':
      return `${location}: ${where} is empty. Define at least one environment, such as "dev: {}".`
    case 'minItems':
      return `${location}: ${where} is empty. List at least one environment, or remove the key.`
    case 'propertyNames':
      return `${location}: ${where} has a key that is not an environment name. Use letters, digits, ".", "-", "_" or spaces.`
    default:
      return `${location}: ${where} ${error.message ?? 'is invalid'}.`
  }
}

function describeType(type: string, path: string[]): string {
  if (path.at(-1) === 'requires' || path.at(-1) === 'requires-any') return 'a list of environment names, such as [staging]'
  if (path.length === 2) return 'a mapping of rules (requires, requires-any, soak), or {} for none'
  if (path.length === 3) return 'an environment name'
  return type.replace(',', ' or ')
}

/** The first cycle found in the requirements, as a path that returns to its start. */
function findCycle(environments: readonly EnvironmentRule[]): string[] | null {
  const upstream = new Map(environments.map((e) => [e.name, [...e.requires, ...e.requiresAny]]))
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (name: string): string[] | null => {
    if (state.get(name) === 'done') return null
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name]
    state.set(name, 'visiting')
    stack.push(name)
    for (const next of upstream.get(name) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(name, 'done')
    return null
  }
  for (const e of environments) {
    const cycle = visit(e.name)
    if (cycle) return cycle
  }
  return null
}
