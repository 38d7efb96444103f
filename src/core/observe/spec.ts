import { SealError, quote } from '../errors.js'
import { parseImageReference } from '../image/reference.js'
import { parseDuration } from '../promotion/duration.js'

/**
 * How the observer finds out what an environment runs (`observe:` under an environment of the
 * promotion policy). One entry per service; each names one or more probes, and every probe
 * must agree with the ledger for the environment to match.
 */
export interface ObserveSpec {
  /** The service it observes; null: the policy's `service`, else the one deployed there last. */
  readonly service: string | null
  /** A URL whose JSON answer holds the running digest at `pointer`. */
  readonly url: string | null
  /** RFC 6901 pointer into the URL's JSON answer; `/digest` by default. */
  readonly pointer: string
  /** A shell command that prints the running digest (or digests, one per running copy). */
  readonly command: string | null
  /** A directory on this machine, verified against the live digest. */
  readonly files: string | null
  /**
   * The live digest's checksums listing beside the files, so a difference names the files (proven
   * by its own sha256).
   */
  readonly checksums: string | null
  /** A URL serving the running API description, classified against the live digest's sealed contract. */
  readonly contractUrl: string | null
  /** An image tag in its registry (`ghcr.io/acme/shop:production`): it must still name the live digest. */
  readonly image?: string | null
  /** Each probe's time limit. */
  readonly timeoutMs: number
}

/**
 * What a probe may take before it is "unknown": long enough for a slow endpoint, short enough for a
 * schedule of 15 minutes.
 */
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000
export const DEFAULT_POINTER = '/digest'

/** What an environment does to the gate while its last observation is drift. */
export type DriftRule = 'block' | 'warn'
export const DRIFT_RULES: readonly DriftRule[] = ['block', 'warn']

/** The `observe:` value as the schema lets it through: one mapping, or a list of them. */
export interface RawObserveEntry {
  readonly service?: string
  readonly url?: string
  readonly pointer?: string
  readonly command?: string
  readonly files?: string
  readonly checksums?: string
  readonly 'contract-url'?: string
  readonly image?: string
  readonly timeout?: string
}

/** The JSON Schema of one `observe:` entry (draft-07), for the policy's schema. */
const ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    service: { type: 'string', pattern: '\\S' },
    url: { type: 'string', pattern: '^https?://\\S+$' },
    pointer: { type: 'string', pattern: '^(/[^\\x00-\\x1f]*)?$' },
    command: { type: 'string', pattern: '\\S' },
    files: { type: 'string', pattern: '\\S' },
    checksums: { type: 'string', pattern: '\\S' },
    'contract-url': { type: 'string', pattern: '^https?://\\S+$' },
    image: { type: 'string', pattern: '\\S' },
    timeout: { type: 'string', pattern: '^([0-9]+(ms|s|m))+$' }
  }
} as const

export const OBSERVE_SCHEMA = {
  anyOf: [ENTRY_SCHEMA, { type: 'array', minItems: 1, items: ENTRY_SCHEMA }]
} as const
export const DRIFT_SCHEMA = { type: 'string', enum: [...DRIFT_RULES] } as const

/** The keys an `observe:` entry takes, for the policy's messages. */
export const OBSERVE_KEYS =
  'service, url, pointer, command, files, checksums, contract-url, image, timeout'

/**
 * The checked entries of an `observe:` value, or the problems found (each a sentence after
 * `environments.<name>.observe`): an entry must name a probe, `pointer` belongs to `url`,
 * `checksums` to `files`, two entries never observe the same service.
 */
export function observeSpecsOf(raw: RawObserveEntry | readonly RawObserveEntry[] | undefined): {
  specs: ObserveSpec[]
  problems: string[]
} {
  if (raw === undefined) return { specs: [], problems: [] }
  const entries = Array.isArray(raw)
    ? (raw as readonly RawObserveEntry[])
    : [raw as RawObserveEntry]
  const problems: string[] = []
  const specs = entries.map((e, i) => {
    const at = entries.length === 1 ? '' : `[${i}]`
    if (
      e.url === undefined &&
      e.command === undefined &&
      e.files === undefined &&
      e['contract-url'] === undefined &&
      e.image === undefined
    ) {
      problems.push(
        `${at} names no probe. Give url (with pointer), command, files, contract-url or image.`
      )
    }
    if (e.image !== undefined) {
      try {
        parseImageReference(e.image, 'image')
      } catch (error) {
        if (!(error instanceof SealError)) throw error
        problems.push(`${at}.image ${error.message.replace(/^image: /, '')}`)
      }
    }
    if (e.pointer !== undefined && e.url === undefined)
      problems.push(
        `${at} has a pointer but no url. The pointer says where the digest is in the url's JSON answer.`
      )
    if (e.checksums !== undefined && e.files === undefined)
      problems.push(
        `${at} has checksums but no files. The checksums listing names the files of the directory files: gives.`
      )
    const timeoutMs =
      e.timeout === undefined ? DEFAULT_PROBE_TIMEOUT_MS : (parseDuration(e.timeout) ?? 0)
    if (timeoutMs <= 0 || timeoutMs > 10 * 60_000)
      problems.push(
        `${at}.timeout ${quote(e.timeout ?? '')} is not between 1ms and 10m. Give a duration such as 10s.`
      )
    return {
      service: e.service ?? null,
      url: e.url ?? null,
      pointer: e.pointer ?? DEFAULT_POINTER,
      command: e.command ?? null,
      files: e.files ?? null,
      checksums: e.checksums ?? null,
      contractUrl: e['contract-url'] ?? null,
      ...(e.image === undefined ? {} : { image: e.image }),
      timeoutMs
    }
  })
  const services = specs.map((s) => s.service)
  if (new Set(services).size !== services.length)
    problems.push(
      ' observes the same service twice. Give each entry its own service:, or put both probes in one entry.'
    )
  return { specs, problems }
}

/** What each `observe:` value must look like, for the policy's messages. */
const OBSERVE_FIELD_FORMAT: Readonly<Record<string, string>> = {
  url:
    'is not an http(s) URL. Give the URL the running service answers with its digest, such as ' +
    'https://shop.example/version',
  'contract-url':
    'is not an http(s) URL. Give the URL the running service serves its API description at, such as ' +
    'https://shop.example/openapi.json',
  pointer:
    'is not a JSON pointer. Give where the digest is in the answer, starting with "/", such as /build/digest',
  timeout: 'is not a duration. Give a number and a unit, such as 500ms, 10s or 1m',
  service: 'is empty. Name the service the entry observes',
  command: 'is empty. Give the command that prints the running digest',
  files: 'is empty. Give the directory of the deployed files',
  checksums: "is empty. Give the live digest's checksums listing deployed beside the files",
  image: 'is empty. Give the image tag the environment runs, such as ghcr.io/acme/shop:production'
}

/** Where an `observe:` value is in a schema error: its last key, when the error is inside one. */
export function observeProblem(keyword: string, path: readonly string[]): string | null {
  if (path[0] !== 'environments' || path[2] !== 'observe') return null
  const field = path.at(-1) ?? ''
  if (keyword === 'pattern' || keyword === 'type') return OBSERVE_FIELD_FORMAT[field] ?? null
  if (keyword === 'minProperties' || keyword === 'minItems')
    return `is empty. Give one probe or more: ${OBSERVE_KEYS}`
  return null
}

/**
 * Whether a schema error is only the other form of `observe:` not matching (a mapping is not a
 * list, and the other way round), or anyOf's summary of that: the error of the form written is
 * the one to report.
 */
export function isOtherObserveForm(
  error: { readonly keyword: string; readonly schemaPath: string; readonly instancePath: string },
  root: unknown
): boolean {
  if (!error.schemaPath.includes('/observe/anyOf')) return false
  if (error.keyword === 'anyOf' && /\/observe\/anyOf$/.test(error.schemaPath)) return true
  const branch = /\/observe\/anyOf\/(\d)\//.exec(error.schemaPath)?.[1]
  const environment = /^\/environments\/([^/]*)\/observe/.exec(error.instancePath)?.[1]
  if (branch === undefined || environment === undefined) return false
  const envs =
    (root as { environments?: Record<string, { observe?: unknown } | null> }).environments ?? {}
  const name = environment.replace(/~1/g, '/').replace(/~0/g, '~')
  const written = envs[name]?.observe
  return (branch === '1') !== Array.isArray(written)
}
