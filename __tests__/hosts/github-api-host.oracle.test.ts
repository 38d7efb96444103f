// An oracle for the loopback GitHub REST host: GitHub's own OpenAPI description of
// api.github.com (@octokit/openapi 23.0.0, the dev dependency alias octokit-openapi-23) is
// the judge of (1) the routes the host serves and (2) the request bodies the project's stores
// really send to it: the issues store (create, update, comment) and the deployments ledger
// (deployments, deployment statuses).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Ajv, type ValidateFunction } from 'ajv'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { type NewRecord, serviceOf } from '../../src/core/promotion/record.js'
import { GitHubIssues } from '../../src/stores/issues/github-issues.js'
import { GitHubDeploymentsLedger } from '../../src/stores/ledger/github-deployments.js'
import { type GitHubApiHost, type LoggedRequest, startGitHubApiHost } from './github-api-host.js'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const HOST_SOURCE = path.join(ROOT, '__tests__', 'hosts', 'github-api-host.ts')
const DESCRIPTION = path.join(
  ROOT,
  'node_modules',
  'octokit-openapi-23',
  'generated',
  'api.github.com.deref.json'
)

// ---- GitHub's description ------------------------------------------------------------------

interface Parameter {
  readonly name: string
  readonly in: string
  readonly schema?: unknown
}
interface Operation {
  readonly operationId?: string
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: {
    readonly required?: boolean
    readonly content?: Record<string, { readonly schema?: Record<string, unknown> }>
  }
}
type Paths = Record<string, Record<string, Operation>>

/** Read once for the file; only `paths` is kept (the description is dereferenced: no $ref left in it). */
let paths: Paths
let templates: { readonly template: string; readonly segments: readonly string[] }[]

const segmentsOf = (template: string): string[] => template.split('/').slice(1)
const isParam = (segment: string): boolean => /^\{[^}]*\}$/.test(segment)
/** Parameter names normalised: `/repos/{owner}/{repo}/issues/{issue_number}` is `/repos/{}/{}/issues/{}`. */
const normalised = (template: string): string => template.replace(/\{[^}]*\}/g, '{}')

/**
 * For path parameters: a literal segment of the host's route may fill a parameter of GitHub's whose
 * schema accepts it.
 */
const paramAjv = new Ajv({ strict: false, coerceTypes: true, validateFormats: false })
const bodyAjv = new Ajv({ strict: false, allErrors: true, validateFormats: false })

/**
 * OpenAPI 3.0 schema to JSON Schema, minimally: `nullable: true` becomes a `null` type (or an
 * anyOf with null where there is no single type), and the annotation-only keywords are dropped.
 * Property maps are walked by value, so a property that happens to be named `nullable` survives.
 */
function jsonSchemaOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchemaOf)
  if (typeof node !== 'object' || node === null) return node
  const source = node as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(source)) {
    if (
      key === 'nullable' ||
      key === 'example' ||
      key === 'examples' ||
      key === 'discriminator' ||
      key === 'xml' ||
      key === 'externalDocs'
    )
      continue
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, schema]) => [
          name,
          jsonSchemaOf(schema)
        ])
      )
    } else if (key === 'enum' || key === 'default' || key === 'const' || key === 'required') {
      out[key] = value
    } else {
      out[key] = jsonSchemaOf(value)
    }
  }
  if (source.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null']
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
      return out
    }
    return { anyOf: [out, { type: 'null' }] }
  }
  return out
}

/** Whether a route template of the host (`{}` for its captures) is this template of GitHub's, for this method. */
function sameRoute(
  method: string,
  host: readonly string[],
  template: string,
  segments: readonly string[]
): boolean {
  if (host.length !== segments.length) return false
  const operation = paths[template]?.[method.toLowerCase()]
  return host.every((segment, i) => {
    const theirs = segments[i] as string
    if (segment === '{}' || isParam(theirs)) {
      if (segment === '{}') return isParam(theirs)
      // A literal of ours in a parameter of GitHub's (…/artifacts/{artifact_id}/{archive_format} and `zip`).
      const name = theirs.slice(1, -1)
      const parameter = operation?.parameters?.find((p) => p.in === 'path' && p.name === name)
      return (
        parameter?.schema !== undefined && paramAjv.validate(parameter.schema as object, segment)
      )
    }
    return segment === theirs
  })
}

/** GitHub's path templates that describe a route, with the method. */
function describedAs(method: string, hostTemplate: string): string[] {
  const host = segmentsOf(hostTemplate)
  return templates
    .filter(
      (t) =>
        paths[t.template]?.[method.toLowerCase()] !== undefined &&
        sameRoute(method, host, t.template, t.segments)
    )
    .map((t) => t.template)
}

/**
 * The operation a concrete request path is, the most literal template winning (`/issues/comments`
 * over `/issues/{issue_number}`).
 */
function operationFor(
  method: string,
  concrete: string
): { template: string; operation: Operation } | undefined {
  const parts = segmentsOf(concrete)
  const found = templates
    .filter(
      (t) =>
        paths[t.template]?.[method.toLowerCase()] !== undefined &&
        t.segments.length === parts.length &&
        t.segments.every((s, i) => isParam(s) || s === parts[i])
    )
    .sort(
      (a, b) =>
        b.segments.filter((s) => !isParam(s)).length - a.segments.filter((s) => !isParam(s)).length
    )[0]
  return found === undefined
    ? undefined
    : {
        template: found.template,
        operation: paths[found.template]?.[method.toLowerCase()] as Operation
      }
}

beforeAll(() => {
  const description = JSON.parse(fs.readFileSync(DESCRIPTION, 'utf8')) as { paths: Paths }
  paths = description.paths
  templates = Object.keys(paths).map((template) => ({ template, segments: segmentsOf(template) }))
})

// ---- the host's routes, as it declares them ------------------------------------------------

const source = fs.readFileSync(HOST_SOURCE, 'utf8')

/**
 * The body of a regular expression literal: escapes, character classes (where `/` needs no escape),
 * other characters but `/`.
 */
const REGEX_BODY = String.raw`(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+`

interface HostRoute {
  readonly method: string
  readonly pattern: RegExp
  /** The path after /repos/{owner}/{repo}, captures as `{}`. */
  readonly rest: string
}

/**
 * The route table (`const routes: readonly Route[] = [ … ]`): every entry, or the test fails saying
 * it cannot read it.
 */
function declaredRoutes(): HostRoute[] {
  const table = /const routes: readonly Route\[\] = \[\n([\s\S]*?)\n {2}\]/.exec(source)?.[1]
  if (table === undefined)
    throw new Error(
      `${HOST_SOURCE}: no "const routes: readonly Route[] = [ … ]" table; this oracle reads the host's routes from it`
    )
  const entries = [
    ...table.matchAll(
      new RegExp(String.raw`method: '([A-Z]+)',\s*pattern: \/(${REGEX_BODY})\/([a-z]*),`, 'g')
    )
  ]
  const declared = (table.match(/\{\s*method:/g) ?? []).length
  if (entries.length !== declared)
    throw new Error(
      `${HOST_SOURCE}: read ${entries.length} of the ${declared} routes of its table; teach this oracle the new form`
    )
  return entries.map(([, method = '', body = '', flags = '']) => ({
    method,
    pattern: new RegExp(body, flags),
    rest: templateOf(body)
  }))
}

/** `^\/deployments\/(\d+)\/statuses$` is `/deployments/{}/statuses`; anything else in the pattern is refused. */
function templateOf(regex: string): string {
  if (!regex.startsWith('^') || !regex.endsWith('$'))
    throw new Error(`route /${regex}/ is not anchored`)
  const template = regex
    .slice(1, -1)
    .replace(/\((?:\\.|[^()\\])*\)/g, '{}')
    .replace(/\\\//g, '/')
  if (!/^(\/(\{\}|[\w-]+))+$/.test(template))
    throw new Error(`route /${regex}/ is not a plain path template (${template})`)
  return template
}

/** A concrete path a template's captures accept. */
const sampleOf = (rest: string): string => rest.replace(/\{\}/g, '1')

const REPOSITORY = '/repos/{owner}/{repo}'
/** How the host splits `/repos/o/r/rest`: the route table answers below it. */
const REPOS_FORM = String.raw`^\/repos\/([^/]+)\/([^/]+)(\/.*)?$`

/** Paths the host answers that are not GitHub REST operations of api.github.com, each with why. */
const EXCEPTIONS: readonly {
  readonly pattern: string
  readonly route: string
  readonly reason: string
}[] = [
  {
    pattern: String.raw`^\/attestation-bundles\/(\d+)$`,
    route: 'GET /attestation-bundles/{id}',
    reason:
      "stands in for an attestation's `bundle_url`: on GitHub a pre-signed storage URL (another host, " +
      'snappy-compressed JSON), ' +
      'fetched without a token; not an api.github.com operation'
  },
  {
    pattern: String.raw`^\/repositories\/(\d+)(\/.*)?$`,
    route: '/repositories/{repository_id}/<every route of the table>',
    reason:
      'the repository-id form of each /repos/{owner}/{repo} route: GitHub answers it and its Link headers ' +
      'point to it (pagination follows them), ' +
      'but the description lists no such paths'
  }
]

describe('the routes the GitHub API host serves, held to GitHub’s description', () => {
  let routes: HostRoute[]
  let host: GitHubApiHost
  const NO_PERMISSIONS = 'ghs_oracle-no-permissions'
  beforeAll(async () => {
    routes = declaredRoutes()
    host = await startGitHubApiHost()
    host.addToken(NO_PERMISSIONS, {})
  })
  afterAll(async () => host.close())

  /**
   * A matched route checks the token's permission before anything else: a token with none gets 403,
   * an unrouted path 404.
   */
  const probe = async (method: string, pathname: string, token: string | null = NO_PERMISSIONS) => {
    const response = await fetch(`${host.url}${pathname}`, {
      method,
      headers: token === null ? {} : { authorization: `token ${token}` }
    })
    return {
      status: response.status,
      message: ((await response.json()) as { message?: string }).message
    }
  }
  const SERVED = { status: 403, message: 'Resource not accessible by integration' }

  it(
    'reads a route table that is the one the host serves (each route answers, other methods on its paths do ' +
      'not)',
    async () => {
      expect(routes.length).toBeGreaterThanOrEqual(15)
      for (const r of routes) {
        expect([r.method, r.rest, r.pattern.test(sampleOf(r.rest))]).toEqual([
          r.method,
          r.rest,
          true
        ])
        expect([
          r.method,
          r.rest,
          await probe(r.method, `/repos/acme/oracle${sampleOf(r.rest)}`)
        ]).toEqual([r.method, r.rest, SERVED])
      }
      for (const rest of new Set(routes.map((r) => r.rest))) {
        for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
          if (routes.some((r) => r.rest === rest && r.method === method)) continue
          expect([
            method,
            rest,
            (await probe(method, `/repos/acme/oracle${sampleOf(rest)}`)).status
          ]).toEqual([method, rest, 404])
        }
      }
    }
  )

  it('every route of the table is an operation of api.github.com with that method', () => {
    const undescribed = routes
      .filter((r) => describedAs(r.method, `${REPOSITORY}${r.rest}`).length === 0)
      .map((r) => `${r.method} ${REPOSITORY}${r.rest}`)
    expect(undescribed).toEqual([])
    // And the oracle tells a wrong method or path apart.
    expect(describedAs('DELETE', `${REPOSITORY}/deployments`)).toEqual([])
    expect(describedAs('POST', `${REPOSITORY}/deployment`)).toEqual([])
    expect(describedAs('GET', `${REPOSITORY}/actions/artifacts/{}/zip`)).toEqual([
      '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}'
    ])
    expect(describedAs('PATCH', `${REPOSITORY}/issues/{}`)).toEqual([
      '/repos/{owner}/{repo}/issues/{issue_number}'
    ])
    expect(normalised('/repos/{owner}/{repo}/issues/{issue_number}')).toBe(
      `${REPOSITORY.replace(/\{[^}]*\}/g, '{}')}/issues/{}`
    )
  })

  it('answers nothing outside /repos/{owner}/{repo} but the listed exceptions, which are not in the description', async () => {
    // Every path the host takes apart itself, outside the route table.
    const own = [
      ...source.matchAll(new RegExp(String.raw`\/(\^\\\/${REGEX_BODY})\/\.exec\(pathname\)`, 'g'))
    ].map((m) => m[1] as string)
    expect(own.length).toBeGreaterThan(0)
    const unlisted = own.filter((p) => p !== REPOS_FORM && !EXCEPTIONS.some((e) => e.pattern === p))
    expect(unlisted).toEqual([])
    for (const e of EXCEPTIONS) expect([e.route, own.includes(e.pattern)]).toEqual([e.route, true])

    // Not GitHub REST: the description has neither form.
    expect(describedAs('GET', '/attestation-bundles/{}')).toEqual([])
    const byId = routes
      .filter((r) => describedAs(r.method, `/repositories/{}${r.rest}`).length > 0)
      .map((r) => `${r.method} /repositories/{}${r.rest}`)
    expect(byId).toEqual([])

    // Really served: the bundle URL without a token (an unrouted path asks for one), the id form as the name form.
    expect((await probe('GET', '/attestation-bundles/1', null)).status).toBe(404)
    expect((await probe('GET', '/nowhere/1', null)).status).toBe(401)
    const repositoryId = await repositoryIdOf(host, 'acme/by-id')
    for (const r of routes) {
      expect([
        r.method,
        r.rest,
        await probe(r.method, `/repositories/${repositoryId}${sampleOf(r.rest)}`)
      ]).toEqual([r.method, r.rest, SERVED])
    }
  })
})

/** A repository's id, as the host hands it out: read from a Link header of a second page. */
async function repositoryIdOf(host: GitHubApiHost, repository: string): Promise<number> {
  for (let i = 0; i < 2; i++) host.seedDeployment({ repository })
  const response = await fetch(`${host.url}/repos/${repository}/deployments?per_page=1`, {
    headers: { authorization: `token ${host.token}` }
  })
  const link = response.headers.get('link') ?? ''
  const id = /\/repositories\/(\d+)\/deployments/.exec(link)?.[1]
  if (id === undefined)
    throw new Error(`no repository id in the Link header ${JSON.stringify(link)}`)
  return Number(id)
}

// ---- the request bodies the stores send -------------------------------------------------------

const SHA = '0123456789abcdef0123456789abcdef01234567'
const RUN = 'https://github.com/acme/shop/actions/runs/4242'
const TIMEOUT = 6 * 60 * 60 * 1000
const digest = (n: number): Digest => `sha256:${n.toString(16).padStart(64, '0')}`
let keys = 0

function decision(
  d: Digest,
  environment: string,
  outcome: 'pending' | 'refused' | 'vetoed'
): NewRecord {
  return {
    digest: d,
    name: 'shop',
    environment,
    outcome,
    mode: outcome === 'vetoed' ? null : 'promote',
    runUrl: RUN,
    actor: 'octocat',
    sealedBy: null,
    previousDigest: null,
    reason: outcome === 'pending' ? null : `no: ${d}`,
    environmentUrl: outcome === 'pending' ? 'https://shop.example' : null,
    artifact: null,
    resolves: null,
    key: `oracle-${++keys}`
  }
}

/** What a write sent, and the operation of GitHub's it is. */
interface Sent {
  readonly request: LoggedRequest
  readonly template: string | undefined
  readonly operation: Operation | undefined
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

function sentWrites(requests: readonly LoggedRequest[]): Sent[] {
  return requests
    .filter((r) => WRITES.has(r.method))
    .map((request) => {
      const found = operationFor(request.method, request.canonicalPath)
      return { request, template: found?.template, operation: found?.operation }
    })
}

const validators = new Map<string, ValidateFunction>()
function bodySchemaOf(sent: Sent): Record<string, unknown> | undefined {
  return sent.operation?.requestBody?.content?.['application/json']?.schema
}
function validatorOf(sent: Sent): ValidateFunction | undefined {
  const schema = bodySchemaOf(sent)
  if (schema === undefined || sent.template === undefined) return undefined
  const key = `${sent.request.method} ${sent.template}`
  let validate = validators.get(key)
  if (validate === undefined) {
    validate = bodyAjv.compile(jsonSchemaOf(schema) as object)
    validators.set(key, validate)
  }
  return validate
}

/** Each write that is no operation, or whose body GitHub's requestBody schema refuses, with why. */
function bodyMismatches(sent: readonly Sent[]): string[] {
  return sent.flatMap((s) => {
    const what = `${s.request.method} ${s.request.canonicalPath}`
    if (s.operation === undefined) return [`${what}: no such operation in the description`]
    const required = s.operation.requestBody?.required === true
    if (s.request.body === undefined)
      return required ? [`${what}: sent no body; ${s.template} requires one`] : []
    const validate = validatorOf(s)
    if (validate === undefined) return [`${what}: sent a JSON body; ${s.template} describes none`]
    if (validate(s.request.body)) return []
    return [
      `${what} (${s.template}): ${bodyAjv.errorsText(validate.errors, { dataVar: 'body' })}; sent ${JSON.stringify(s.request.body)}`
    ]
  })
}

/**
 * Fields sent that the operation's body schema does not name. GitHub's bodies leave
 * additionalProperties open, so the schema check alone lets a misspelt field through (GitHub
 * ignores it, silently).
 */
function undeclaredFields(sent: readonly Sent[]): string[] {
  return sent.flatMap((s) => {
    const body = s.request.body
    const properties = bodySchemaOf(s)?.properties as Record<string, unknown> | undefined
    if (
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body) ||
      properties === undefined
    )
      return []
    return Object.keys(body)
      .filter((field) => !(field in properties))
      .map(
        (field) =>
          `${s.request.method} ${s.request.canonicalPath} (${s.template}): "${field}" is not a field of the ` +
          `operation's body`
      )
  })
}

const opsOf = (sent: readonly Sent[]): string[] =>
  [
    ...new Set(sent.map((s) => `${s.request.method} ${s.template ?? s.request.canonicalPath}`))
  ].sort()

describe('the request bodies the stores send, held to GitHub’s requestBody schemas', () => {
  let host: GitHubApiHost
  beforeAll(async () => {
    host = await startGitHubApiHost()
    host.setNow(new Date(Date.UTC(2024, 5, 1)))
  })
  afterAll(async () => host.close())

  /**
   * The issues store through everything it sends: create, the body, close (completed, not planned),
   * reopen, comment.
   */
  async function issueWrites(): Promise<Sent[]> {
    host.clearRequests()
    const issues = new GitHubIssues({
      token: host.token,
      repository: 'acme/oracle-issues',
      apiUrl: host.url,
      tokenInput: 'github-token',
      policy: { attempts: 3, baseDelayMs: 1, maxDelayMs: 10, timeoutMs: 10_000, deadlineMs: 60_000 }
    })
    const made = await issues.create(
      'Drift in production',
      'observed sha256:2… <!-- marker -->',
      'artifact-seal:drift',
      '<!-- marker -->'
    )
    await issues.update(made.number, { body: 'observed again' })
    await issues.comment(made.number, 'Still drifted.')
    await issues.update(made.number, { state: 'closed' })
    await issues.update(made.number, { state: 'open' })
    await issues.update(made.number, { state: 'closed', reason: 'not_planned' })
    await issues.update(made.number, {
      body: 'matches again',
      state: 'closed',
      reason: 'completed'
    })
    return sentWrites(host.requests)
  }

  /**
   * The ledger through every status it posts: pending, confirmed (and the one it replaces), failed,
   * abandoned, refused, vetoed.
   */
  async function ledgerWrites(): Promise<Sent[]> {
    host.clearRequests()
    const ledger = new GitHubDeploymentsLedger({
      token: host.token,
      repository: 'acme/oracle-ledger',
      apiUrl: host.url,
      serverUrl: 'https://github.com',
      ref: SHA,
      sleep: async () => undefined
    })
    const write = async (record: NewRecord) => {
      host.advance(60_000)
      const { entry } = await ledger.record(
        record.environment,
        async (view) => ({
          ...record,
          previousDigest:
            record.outcome === 'pending'
              ? ((await view.live(record.environment, serviceOf(record)))?.digest ?? null)
              : null
        }),
        TIMEOUT
      )
      if (entry === null) throw new Error('nothing recorded')
      return entry
    }
    const resolve = async (id: string, outcome: 'confirmed' | 'failed' | 'abandoned') => {
      host.advance(60_000)
      return ledger.resolve({
        id,
        outcome,
        reason: outcome === 'confirmed' ? null : `${outcome} in the oracle`,
        runUrl: RUN,
        actor: 'octocat'
      })
    }
    await resolve((await write(decision(digest(0xa), 'production', 'pending'))).id, 'confirmed')
    // Replaces A: B's success, then A's inactive.
    await resolve((await write(decision(digest(0xb), 'production', 'pending'))).id, 'confirmed')
    await resolve((await write(decision(digest(0xc), 'staging', 'pending'))).id, 'failed')
    await resolve((await write(decision(digest(0xd), 'staging', 'pending'))).id, 'abandoned')
    await write(decision(digest(0xe), 'staging', 'refused'))
    await write(decision(digest(0xe), 'production', 'vetoed'))
    return sentWrites(host.requests)
  }

  it('the issues store: create, update and comment bodies are what GitHub describes', async () => {
    const sent = await issueWrites()
    expect(opsOf(sent)).toEqual([
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      'POST /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
    ])
    expect(
      sent
        .filter((s) => s.request.status >= 300)
        .map((s) => `${s.request.method} ${s.request.canonicalPath} ${s.request.status}`)
    ).toEqual([])
    // What was sent covers the shapes the store has: labels on create, state_reason both ways, a reopen without one.
    const patched = sent
      .filter((s) => s.request.method === 'PATCH')
      .map((s) => s.request.body as Record<string, unknown>)
    expect(patched.map((b) => b.state_reason ?? null)).toEqual([
      null,
      'completed',
      null,
      'not_planned',
      'completed'
    ])
    expect(bodyMismatches(sent)).toEqual([])
    expect(undeclaredFields(sent)).toEqual([])
  })

  it('the deployments ledger: deployment and status bodies are what GitHub describes', async () => {
    const sent = await ledgerWrites()
    expect(opsOf(sent)).toEqual([
      'POST /repos/{owner}/{repo}/deployments',
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses'
    ])
    expect(
      sent
        .filter((s) => s.request.status >= 300)
        .map((s) => `${s.request.method} ${s.request.canonicalPath} ${s.request.status}`)
    ).toEqual([])
    const states = new Set(
      sent
        .filter((s) => s.template?.endsWith('/statuses'))
        .map((s) => (s.request.body as { state?: unknown }).state)
    )
    expect([...states].sort()).toEqual(['error', 'failure', 'in_progress', 'inactive', 'success'])
    const tasks = new Set(
      sent
        .filter((s) => s.template?.endsWith('/deployments'))
        .map((s) => String((s.request.body as { task?: unknown }).task).split(':')[0])
    )
    expect([...tasks].sort()).toEqual(['deploy', 'veto'])
    expect(bodyMismatches(sent)).toEqual([])
    expect(undeclaredFields(sent)).toEqual([])
  })

  it(
    'the checks refuse what GitHub would: a wrong type, a value out of the enum, a missing required field, an ' +
      'unknown field',
    () => {
      const status = operationFor('POST', '/repos/acme/x/deployments/1/statuses')
      const issue = operationFor('PATCH', '/repos/acme/x/issues/1')
      expect(status?.template).toBe('/repos/{owner}/{repo}/deployments/{deployment_id}/statuses')
      expect(issue?.template).toBe('/repos/{owner}/{repo}/issues/{issue_number}')
      expect(operationFor('POST', '/repos/acme/x/issues/comments')).toBeUndefined()
      const as = (method: string, canonicalPath: string, body: unknown): Sent => {
        const found = operationFor(method, canonicalPath)
        return {
          request: {
            method,
            path: canonicalPath,
            canonicalPath,
            query: {},
            status: 201,
            headers: {},
            body,
            fault: null
          },
          template: found?.template,
          operation: found?.operation
        }
      }
      expect(
        bodyMismatches([as('POST', '/repos/acme/x/deployments/1/statuses', { state: 'done' })])
      ).toHaveLength(1)
      expect(
        bodyMismatches([
          as('POST', '/repos/acme/x/deployments/1/statuses', { description: 'no state' })
        ])
      ).toHaveLength(1)
      expect(
        bodyMismatches([as('POST', '/repos/acme/x/deployments', { ref: SHA, auto_merge: 'no' })])
      ).toHaveLength(1)
      expect(
        bodyMismatches([as('PATCH', '/repos/acme/x/issues/1', { state_reason: 'wontfix' })])
      ).toHaveLength(1)
      expect(bodyMismatches([as('DELETE', '/repos/acme/x/deployments', undefined)])).toHaveLength(1)
      // nullable, as the description means it: null where it says so, and only there.
      expect(
        bodyMismatches([
          as('PATCH', '/repos/acme/x/issues/1', { body: null, state_reason: null, milestone: null })
        ])
      ).toEqual([])
      expect(bodyMismatches([as('PATCH', '/repos/acme/x/issues/1', { state: null })])).toHaveLength(
        1
      )
      expect(
        undeclaredFields([
          as('POST', '/repos/acme/x/deployments/1/statuses', {
            state: 'success',
            auto_inactiv: false
          })
        ])
      ).toHaveLength(1)
    }
  )
})
