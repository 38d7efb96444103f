import {
  LineCounter,
  isAlias,
  isMap,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node
} from 'yaml'
import { messageOf, quote, SealError } from '../errors.js'
import { parseDuration } from './duration.js'
import {
  BREAKING_RULES,
  type ContractRule,
  DANGEROUS_RULES,
  type EnvironmentRule,
  type PromotionPolicy,
  ROLLBACK_RULES
} from './policy.js'
import {
  OBSERVE_KEYS,
  isOtherObserveForm,
  observeProblem,
  observeSpecsOf,
  type DriftRule,
  type RawObserveEntry
} from '../observe/spec.js'
import { checkSchema, type SchemaError } from './schema-check.js'
import { POLICY_SCHEMA } from './policy-schema.js'
import { NOT_PLAIN, readPlainYaml } from './plain-yaml.js'
import { parseImageReference } from '../image/reference.js'

interface RawEnvironment {
  requires?: string[]
  'requires-any'?: string[]
  soak?: string
  url?: string
  'signed-by'?: {
    repository: string
    workflow?: string
    ref?: string
    issuer?: string
    runner?: 'github-hosted'
  }
  contract?: Partial<ContractRule>
  platforms?: string[]
  image?: { tag?: string; 'copy-to'?: string }
  observe?: RawObserveEntry | RawObserveEntry[]
  drift?: DriftRule
}

/**
 * What `contract: {}` means: a breaking amendment needs a major version bump, a dangerous one is a
 * warning, a rollback passes.
 */
export const DEFAULT_CONTRACT_RULE: ContractRule = {
  breaking: 'require-major',
  dangerous: 'warn',
  rollback: 'allow'
}

/**
 * A policy is a few lines; these bounds refuse a hostile file (a "billion laughs" alias
 * bomb) before it costs memory. The `yaml` package counts what each alias expands to
 * against MAX_ALIAS_EXPANSION while converting; capping the aliases themselves also
 * bounds its anchor lookups, which otherwise grow with the square of their number.
 */
const MAX_ALIASES = 100
const MAX_ALIAS_EXPANSION = 1000

/**
 * Reads a promotion policy (YAML). Every problem is reported at once, each with the
 * file, line and column it is on, the value found and what to write instead.
 */
export function parsePolicy(text: string, source: string): PromotionPolicy {
  // Nearly every policy is plain YAML without a mistake: read so, it needs neither the
  // YAML library nor the positions of its values. Anything else, a mistake above all, is
  // read again below with both, and reported from there.
  const plain = readPlainYaml(text)
  if (plain !== NOT_PLAIN) {
    const policy = policyFrom(plain, source, null)
    if (policy !== null) return policy
  }
  return parseWithPositions(text, source)
}

/** Where a problem is, and how it is reported: what reading with the YAML library gives. */
interface Positions {
  readonly doc: Document.Parsed
  readonly at: (offset: number | undefined) => string
  readonly fail: (problems: string[]) => never
}

function parseWithPositions(text: string, source: string): PromotionPolicy {
  const lines = new LineCounter()
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return source
    const { line, col } = lines.linePos(offset)
    return `${source}:${line}:${col}`
  }
  const fail = (problems: string[]): never => {
    throw new SealError(
      'malformed',
      `The promotion policy ${source} has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}:\n` +
        problems.map((p) => `  ${p}`).join('\n') +
        `\nSee the policy format in the README ("Promotion policy").`,
      { details: { problems: problems.map((p) => locatedProblem(p, source)) } }
    )
  }
  let doc: Document.Parsed
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  } catch (error) {
    // The parser reports mistakes in doc.errors; what it throws is a limit it hit, such as
    // nesting deeper than the stack.
    return fail([
      `${source}: cannot be read as YAML (${messageOf(error)}). Write ` +
        'the policy as a plain mapping, as in the README.'
    ])
  }

  if (doc.errors.length > 0)
    fail(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`))
  const aliasProblems = checkAliases(doc, at)
  if (aliasProblems.length > 0) fail(aliasProblems)
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION })
  } catch (error) {
    // The checks above leave only resource limits (an alias bomb, nesting too deep for
    // the stack) to fail here; none of them is a policy anyone meant to write.
    const reason = messageOf(error)
    fail([
      /alias/i.test(reason)
        ? `${source}: its aliases (*name) expand to more than ${MAX_ALIAS_EXPANSION} values, which no ` +
          'promotion policy needs (this is how a YAML alias bomb looks). Write the ' +
          'environments out without aliases.'
        : `${source}: cannot be read (${reason}). Write the policy as a plain mapping, as in the README.`
    ])
  }
  return policyFrom(value, source, { doc, at, fail }) as PromotionPolicy
}

/**
 * A problem as `at` wrote it ("<source>:<line>:<col>: …", or "<source>: …"), taken apart for
 * a runner's annotation: the source is known, so what follows it is the position.
 */
function locatedProblem(
  problem: string,
  source: string
): { file: string; line: number | null; column: number | null; message: string } {
  const rest = problem.startsWith(`${source}:`) ? problem.slice(source.length + 1) : null
  const position = rest === null ? null : /^(\d+):(\d+): /.exec(rest)
  if (position !== null && rest !== null)
    return {
      file: source,
      line: Number(position[1]),
      column: Number(position[2]),
      message: rest.slice(position[0].length)
    }
  return {
    file: source,
    line: null,
    column: null,
    message: rest === null ? problem : rest.replace(/^ /, '')
  }
}

/**
 * The policy in the value read from the file. With positions, a problem fails with every
 * problem at its line; without, any problem gives null, for the caller to read the file
 * again with positions.
 */
function policyFrom(
  value: unknown,
  source: string,
  positions: Positions | null
): PromotionPolicy | null {
  const schemaErrors = checkSchema(POLICY_SCHEMA, value)
  if (schemaErrors.length > 0) {
    if (positions === null) return null
    const { doc, at, fail } = positions
    // A propertyNames error repeats the pattern error beside it; the form of observe: not written is not the mistake.
    const errors = schemaErrors.filter(
      (e) => e.keyword !== 'propertyNames' && !isOtherObserveForm(e, value)
    )
    fail(byPosition([...new Set(errors.map((e) => describeSchemaError(e, doc.contents, at)))]))
  }

  const top = value as {
    environments: Record<string, RawEnvironment | null>
    service?: string
    services?: string[]
  }
  const raw = top.environments
  // A key such as 1 or 2.0 is a number to YAML and the string "1" or "2" to the object
  // read from it, so the file's pairs are matched by their keys' text. (The plain reader
  // reads no such key: its object's keys are in the file's order.)
  const envMap = positions?.doc.getIn(['environments'], true)
  const pairs = positions !== null && isMap(envMap) ? envMap.items : []
  const pairOf = (name: string) =>
    pairs.find((p) => String((p.key as { value?: unknown } | null)?.value) === name)
  const nodeAt = (name: string, ...path: (string | number)[]): number | undefined => {
    const rules = pairOf(name)?.value
    return rangeStart(isMap(rules) ? rules.getIn(path, true) : undefined)
  }
  const keyAt = (name: string): number | undefined =>
    rangeStart(pairOf(name)?.key as Node | undefined)
  const at = positions?.at ?? (() => source)

  // Each problem is worded only when it is reported, with positions.
  const problems: (() => string)[] = []
  if (top.service !== undefined && top.services !== undefined) {
    problems.push(
      () =>
        `${at(rangeStart(positions?.doc.getIn(['services'], true)))}: the policy has both "service" ` +
        `(${quoteShort(top.service as string)}) and "services". ` +
        ('Give "service: <name>" when every promotion under this policy is of one service, or "services: ' +
          `[<name>, …]" to list the services an artifact's name may give; not both.`)
    )
  }
  // In the file's order: an object lists integer-like keys ("1", "2") before all others.
  const position = new Map(
    pairs.map((p, i) => [String((p.key as { value?: unknown } | null)?.value), i])
  )
  const names =
    positions === null
      ? Object.keys(raw)
      : Object.keys(raw).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
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
          problems.push(
            () =>
              `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(name)} itself. An ` +
              'environment cannot require itself; remove it.'
          )
        } else if (!names.includes(upstream)) {
          problems.push(
            () =>
              `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(upstream)}, which the ` +
              'policy does not define. ' +
              `Define it under environments, or use one of: ${names.join(', ')}.`
          )
        }
      })
    }
    if (env.soak !== undefined && requires.length === 0 && requiresAny.length === 0) {
      problems.push(
        () =>
          `${at(nodeAt(name, 'soak'))}: environments.${name}.soak is ${quote(env.soak ?? '')} but ${name} ` +
          'requires no environment, so there is nothing to soak in. ' +
          `Add requires: [<upstream environment>] or remove soak.`
      )
    }
    const soakMs = env.soak === undefined ? 0 : parseDuration(env.soak)
    if (soakMs === null) {
      problems.push(
        () =>
          `${at(nodeAt(name, 'soak'))}: environments.${name}.soak ${quote(env.soak ?? '')} is too long. Give a ` +
          'duration under 285,000 years.'
      )
    }
    const signer = env['signed-by']
    const signedBy =
      signer === undefined
        ? null
        : {
            repository: signer.repository,
            workflow: signer.workflow ?? null,
            ref: signer.ref ?? null,
            issuer: signer.issuer ?? null,
            denySelfHostedRunners: signer.runner === 'github-hosted'
          }
    const contract =
      env.contract === undefined ? null : { ...DEFAULT_CONTRACT_RULE, ...env.contract }
    const copyTo = env.image?.['copy-to']
    if (copyTo !== undefined) {
      try {
        const target = parseImageReference(copyTo, `environments.${name}.image.copy-to`)
        if (target.digest !== null)
          throw new SealError(
            'bad-input',
            'a copy names its destination by repository and tag, never by digest'
          )
      } catch (error) {
        if (!(error instanceof SealError)) throw error
        problems.push(
          () =>
            `${at(nodeAt(name, 'image', 'copy-to'))}: environments.${name}.image.copy-to ${quote(copyTo)} is ` +
            `not an image to copy to (${error.message}). Write it as ` +
            'registry/repository[:tag], such as ghcr.io/acme/app-prod:stable.'
        )
      }
    }
    const image =
      env.image === undefined
        ? {}
        : { image: { tag: env.image.tag ?? null, copyTo: copyTo ?? null } }
    const observed = observeSpecsOf(env.observe)
    for (const problem of observed.problems)
      problems.push(() => `${at(nodeAt(name, 'observe'))}: environments.${name}.observe${problem}`)
    const watched = observed.specs.length === 0 ? {} : { observe: observed.specs }
    return {
      name,
      requires,
      requiresAny,
      soakMs: soakMs ?? 0,
      soakText: env.soak ?? null,
      signedBy,
      contract,
      url: env.url ?? null,
      ...(env.platforms === undefined ? {} : { platforms: env.platforms }),
      ...image,
      ...watched,
      ...(env.drift === undefined ? {} : { drift: env.drift })
    }
  })
  if (problems.length > 0) {
    if (positions === null) return null
    positions.fail(byPosition(problems.map((problem) => problem())))
  }

  const cycle = findCycle(environments)
  if (cycle) {
    if (positions === null) return null
    positions.fail([
      `${at(keyAt(cycle[0] as string))}: the environments require each other in a cycle: ${cycle.join(' → ')}. ` +
        `A digest could never enter any of them; remove one of these requirements.`
    ])
  }
  return { source, environments, service: top.service ?? null, services: top.services ?? null }
}

/** Problems in the order of the file, so they read top to bottom. */
function byPosition(problems: string[]): string[] {
  const position = (p: string): number[] =>
    (/:(\d+):(\d+): /.exec(p)?.slice(1) ?? ['0', '0']).map(Number)
  return problems.sort((a, b) => {
    const [la = 0, ca = 0] = position(a)
    const [lb = 0, cb = 0] = position(b)
    return la - lb || ca - cb
  })
}

/**
 * Every alias names an anchor set before it, and there are few of them. Checked before
 * conversion, which would otherwise throw a bare ReferenceError with no position.
 */
function checkAliases(doc: Document.Parsed, at: (offset: number | undefined) => string): string[] {
  const problems: string[] = []
  const anchors = new Set<string>()
  let aliases = 0
  // visit() goes in document order, the order in which YAML lets an anchor be used.
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        aliases += 1
        if (aliases > MAX_ALIASES) {
          problems.push(
            `${at(rangeStart(node))}: the policy uses more than ${MAX_ALIASES} aliases (*name), which no ` +
              'promotion policy needs (this is how a YAML alias bomb looks). Write the ' +
              'environments out without aliases.'
          )
          return visit.BREAK
        }
        if (!anchors.has(node.source)) {
          problems.push(
            `${at(rangeStart(node))}: the alias ${quoteShort(`*${node.source}`)} names no anchor set before ` +
              `it. Add ${quoteShort(`&${node.source}`)} to an earlier value, or write the ` +
              'value out.'
          )
        }
      } else if (node.anchor !== undefined) {
        anchors.add(node.anchor)
      }
      return undefined
    }
  })
  return problems
}

/** The keys of an ajv instancePath, a JSON Pointer (RFC 6901: `~1` is "/", `~0` is "~"). */
function fromJsonPointer(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .split('/')
        .slice(1)
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** A value for a message, cut short so a pasted blob does not bury the rest. */
function quoteShort(value: string): string {
  return quote(value.length > 80 ? `${value.slice(0, 80)}…` : value)
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | undefined)?.range?.[0]
}

function describeSchemaError(
  error: SchemaError,
  root: unknown,
  at: (offset: number | undefined) => string
): string {
  const path = fromJsonPointer(error.instancePath)
  const where = path.length === 0 ? 'the file' : path.join('.')
  let node: unknown = root
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true)
    else if (isSeq(node)) node = node.get(Number(key), true)
    else break
  }
  const found = (node as { value?: unknown } | undefined)?.value
  const shown = found === undefined ? '' : ` ${quoteShort(String(found))}`
  const location = at(rangeStart(node))
  if (error.propertyName !== undefined) {
    const keyNode = isMap(node)
      ? node.items.find((p) => (p.key as { value?: unknown } | null)?.value === error.propertyName)
          ?.key
      : undefined
    return (
      `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has the key ${quoteShort(error.propertyName)}, ` +
      'which is not an environment name. ' +
      `Start it with a letter or digit and use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`
    )
  }
  const observeFix = observeProblem(error.keyword, path)
  if (observeFix !== null) return `${location}: ${where}${shown} ${observeFix}.`
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty
      const allowed =
        path.length === 0
          ? 'environments, service, services'
          : path.length === 2
            ? 'requires, requires-any, soak, url, signed-by, contract, platforms, image, observe, drift'
            : path.at(-1) === 'signed-by'
              ? 'repository, workflow, ref, issuer, runner'
              : path.at(-1) === 'contract'
                ? 'breaking, dangerous, rollback'
                : path.at(-1) === 'image'
                  ? 'tag, copy-to'
                  : path.includes('observe')
                    ? OBSERVE_KEYS
                    : 'environment names'
      const keyNode = isMap(node)
        ? node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key)?.key
        : undefined
      return (
        `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has an unknown key ${quoteShort(key)}. ` +
        `Allowed here: ${allowed}.`
      )
    }
    case 'required':
      if (path.at(-1) === 'signed-by') {
        return (
          `${location}: ${where} has no "repository". Name the repository whose workflow signs the seals, ` +
          'such as "repository: acme/shop".'
        )
      }
      return (
        `${location}: ${where} has no ${quote((error.params as { missingProperty: string }).missingProperty)}. ` +
        'Start the file with "environments:" and one entry per ' +
        'environment.'
      )
    case 'pattern':
      if (path[0] === 'service' || path[0] === 'services')
        return `${location}: ${where}${shown} is not a service name. ${SERVICE_NAME_FORMAT}`
      if (path.at(-2) === 'signed-by')
        return `${location}: ${where}${shown} ${SIGNER_FIELD_FORMAT[path.at(-1) ?? ''] ?? 'is not valid'}.`
      if (path.at(-1) === 'soak')
        return (
          `${location}: ${where}${shown} is not a duration. Write a number and a unit, such as 30m, 1h, ` +
          '1h30m or 2d.'
        )
      if (path.at(-2) === 'image')
        return `${location}: ${where}${shown} is not ${
          path.at(-1) === 'tag'
            ? 'a tag: 1 to 128 letters, digits, "_", ' + '"." and "-", not starting with "." or "-"'
            : 'an image: write it as ' + 'registry/repository[:tag]'
        }.`
      if (path.at(-2) === 'platforms')
        return (
          `${location}: ${where}${shown} is not a platform. Write it as docker does, ` +
          'os/architecture[/variant], such as linux/amd64 or linux/arm64/v8.'
        )
      if (path.at(-1) === 'url')
        return (
          `${location}: ${where}${shown} is not an http(s) URL. Write where the environment can be ` +
          'reached, such as https://staging.example.com.'
        )
      return (
        `${location}: ${where}${shown} is not an environment name. Use letters, digits, ".", "-", "_" or ` +
        'spaces, as GitHub environments do.'
      )
    case 'type':
      // The same words as the enum error beside it, so the two read as one problem.
      if (path.at(-2) === 'contract')
        return `${location}: ${where}${shown} is not one of ${(CONTRACT_WORDS[path.at(-1) ?? ''] ?? []).join(', ')}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ''] ?? ''}`.trimEnd()
      if (path.at(-1) === 'soak')
        return (
          `${location}: ${where}${shown} is not a duration. Write it as text with a unit, such as 30m or ` +
          '1h (a bare number has no unit).'
        )
      return `${location}: ${where}${shown} should be ${describeType(String((error.params as { type: string | string[] }).type), path)}.`
    case 'enum':
      return `${location}: ${where}${shown} is not one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ''] ?? ''}`.trimEnd()
    case 'uniqueItems':
      return (
        `${location}: ${where} lists ${path[0] === 'services' ? 'a service' : 'an environment'} twice. ` +
        'Name each once.'
      )
    case 'minProperties':
      return `${location}: ${where} is empty. Define at least one environment, such as "dev: {}".`
    case 'minItems':
      return `${location}: ${where} is empty. List at least one ${path[0] === 'services' ? 'service' : 'environment'}, or remove the key.`
    case 'propertyNames':
      return (
        `${location}: ${where} has a key that is not an environment name. Use letters, digits, ".", "-", ` +
        '"_" or spaces.'
      )
    default:
      return `${location}: ${where} ${error.message ?? 'is invalid'}.`
  }
}

const SIGNER_FIELD_FORMAT: Record<string, string> = {
  repository: 'is not a repository. Write it as owner/name, such as acme/shop',
  workflow:
    'is not a workflow file. Write its path in the repository, such as .github/workflows/release.yml, ' +
    'optionally with @<ref>',
  ref: 'is not a full ref. Write it as refs/heads/main or refs/tags/v1.2.3',
  issuer:
    'is not an https URL. Write the OIDC issuer, such as https://token.actions.githubusercontent.com'
}

const CONTRACT_WORDS: Record<string, readonly string[]> = {
  breaking: BREAKING_RULES,
  dangerous: DANGEROUS_RULES,
  rollback: ROLLBACK_RULES
}

const CONTRACT_FIELD_MEANING: Record<string, string> = {
  breaking: `Write one of them: ${BREAKING_RULES.join(' | ')} (what a breaking contract amendment needs to enter).`,
  dangerous: `Write one of them: ${DANGEROUS_RULES.join(' | ')} (what a change that may break some clients does).`,
  rollback: `Write one of them: ${ROLLBACK_RULES.join(' | ')} (whether a rollback's contract amendment is judged too).`
}

const SERVICE_NAME_FORMAT =
  "Write it as the artifact is named (the seal's name), on one line, such as api or ghcr.io/acme/api."

function describeType(type: string, path: string[]): string {
  if (path[0] === 'services')
    return path.length === 1
      ? 'a list of service names, such as [api, web]'
      : 'a service name, such as api'
  if (path[0] === 'service') return 'a service name, such as api (text)'
  if (path.at(-1) === 'contract')
    return 'a mapping such as { breaking: require-major, dangerous: warn }'
  if (path.at(-1) === 'signed-by')
    return 'a mapping such as { repository: acme/shop, workflow: .github/workflows/release.yml }'
  if (path.at(-2) === 'signed-by') return path.at(-1) === 'runner' ? 'github-hosted' : 'text'
  if (path.at(-1) === 'requires' || path.at(-1) === 'requires-any')
    return 'a list of environment names, such as [staging]'
  if (path.at(-1) === 'image')
    return 'a mapping such as { tag: production } or { copy-to: ghcr.io/acme/app-prod:stable }'
  if (path.at(-2) === 'image') return 'text'
  if (path.at(-1) === 'platforms') return 'a list of platforms, such as [linux/amd64, linux/arm64]'
  if (path.at(-2) === 'platforms') return 'a platform, such as linux/amd64 (text)'
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
