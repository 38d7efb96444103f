import { type Digest, hexOf } from './digest.js'
import { quote } from './errors.js'
import type { SealedBy } from './promotion/record.js'
import { GITHUB_WORKFLOW_BUILD_TYPE, SLSA_PROVENANCE_TYPE, STATEMENT_TYPE } from './statement.js'
import { DEFAULT_SERVER_URL } from './env.js'

/**
 * What a statement's build fields must look like to be shown: a commit is 40 (SHA-1) or 64
 * (SHA-256) lowercase hex, a repository `owner/name` as GitHub spells them, a run the
 * https address of a workflow run on the server. Anything else was not written by a seal.
 */
export function isCommit(value: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)
}

export function isRepository(value: string): boolean {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(value)
  return match !== null && match[2] !== '.' && match[2] !== '..'
}

/** `<server>/<owner>/<repo>/actions/runs/<id>[/attempts/<n>]`, exactly, on the server's https origin. */
export function isRunUrl(value: string, serverUrl: string): boolean {
  const origin = httpsOrigin(serverUrl)
  if (origin === null || !value.startsWith(`${origin}/`)) return false
  const match =
    /^([^/]+\/[^/]+)\/actions\/runs\/[1-9][0-9]{0,19}(?:\/attempts\/[1-9][0-9]{0,9})?$/.exec(
      value.slice(origin.length + 1)
    )
  return match !== null && isRepository(match[1] as string)
}

/** The repository a web address names: `<server>/<owner>/<repo>` exactly; null for anything else. */
export function repositoryOfUrl(value: string, serverUrl: string): string | null {
  const origin = httpsOrigin(serverUrl)
  if (origin === null || !value.startsWith(`${origin}/`)) return null
  const repository = value.slice(origin.length + 1)
  return isRepository(repository) ? repository : null
}

function httpsOrigin(serverUrl: string): string | null {
  if (!URL.canParse(serverUrl)) return null
  const url = new URL(serverUrl)
  return url.protocol === 'https:' ? url.origin : null
}

/**
 * A SealedBy with every field that does not look as a seal writes it left out (null), and
 * what was left out. Used on what a statement says and again on what a ledger says before
 * either is shown: a ledger keeps whatever its writers wrote.
 */
export function validSealedBy(
  sealedBy: SealedBy,
  serverUrl: string
): { readonly sealedBy: SealedBy; readonly invalid: readonly (keyof SealedBy)[] } {
  const invalid: (keyof SealedBy)[] = []
  const keep = <T extends string | null | undefined>(
    field: keyof SealedBy,
    value: T,
    valid: (v: string) => boolean
  ): T | null => {
    if (value === null || value === undefined) return value ?? null
    if (valid(value)) return value
    invalid.push(field)
    return null
  }
  const checked: SealedBy = {
    repository: keep('repository', sealedBy.repository, isRepository),
    commit: keep('commit', sealedBy.commit, isCommit),
    runUrl: keep('runUrl', sealedBy.runUrl, (v) => isRunUrl(v, serverUrl))
  }
  return {
    sealedBy: sealedBy.signer === undefined ? checked : { ...checked, signer: sealedBy.signer },
    invalid
  }
}

/** Where a statement is read, and whom to tell about a field it names in a form no seal writes. */
export interface StatementContext {
  /** The server the build's run and repository addresses must be on (GITHUB_SERVER_URL). */
  readonly serverUrl?: string
  /** Told of each field left out, with a message that names the file, the field and the value. */
  readonly onInvalid?: (problem: string) => void
}

/**
 * The name a statement gives the subject that carries this digest, whatever build it
 * describes (a seal outside GitHub Actions names its artifact too); null when it is not an
 * in-toto statement about the digest. Unsigned, the name is a claim like the rest.
 */
export function subjectNameOf(statement: unknown, digest: Digest): string | null {
  const s = statement as { _type?: unknown; subject?: unknown } | null
  if (
    s === null ||
    typeof s !== 'object' ||
    s._type !== STATEMENT_TYPE ||
    !Array.isArray(s.subject)
  )
    return null
  const hex = hexOf(digest)
  const subject: unknown = s.subject.find(
    (candidate: unknown) =>
      (candidate as { digest?: { sha256?: unknown } } | null)?.digest?.sha256 === hex
  )
  const name = (subject as { name?: unknown } | undefined)?.name
  return typeof name === 'string' && name !== '' ? name : null
}

/**
 * The build that sealed a digest, read from its in-toto statement: repository, commit and
 * run. Null when the statement is not about this digest or not a GitHub workflow build,
 * so a stray statement is never taken as the digest's provenance. A field that is not what
 * a seal writes (a repository or run that is not an https address on the server, a commit
 * that is not hex) is left out, never shown, and `onInvalid` hears of it; `source` names
 * the statement's file in that message.
 */
export function sealedByFromStatement(
  statement: unknown,
  digest: Digest,
  source = 'the seal statement',
  context: StatementContext = {}
): SealedBy | null {
  const s = statement as {
    _type?: unknown
    predicateType?: unknown
    subject?: { digest?: Record<string, unknown> }[]
    predicate?: {
      buildDefinition?: {
        buildType?: unknown
        externalParameters?: { workflow?: { repository?: unknown } }
        resolvedDependencies?: { digest?: { gitCommit?: unknown } }[]
      }
      runDetails?: { metadata?: { invocationId?: unknown } }
    }
  } | null
  if (
    s === null ||
    typeof s !== 'object' ||
    s._type !== STATEMENT_TYPE ||
    s.predicateType !== SLSA_PROVENANCE_TYPE
  )
    return null
  const hex = hexOf(digest)
  const about =
    Array.isArray(s.subject) && s.subject.some((subject) => subject?.digest?.sha256 === hex)
  const definition = s.predicate?.buildDefinition
  if (!about || definition?.buildType !== GITHUB_WORKFLOW_BUILD_TYPE) return null
  const serverUrl = context.serverUrl ?? DEFAULT_SERVER_URL
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
  const leftOut = (field: string, value: unknown, expected: string): null => {
    const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
    context.onInvalid?.(
      `${source}: ${field} is ${quote(shown.length > 200 ? `${shown.slice(0, 200)}…` : shown)}, which is not ` +
        `what a seal writes (${expected}). ` +
        'It is left out of the record and the summary; seal the artifact again to record the build.'
    )
    return null
  }
  const field = <T>(
    name: string,
    value: unknown,
    read: (v: string) => T | null,
    expected: string
  ): T | null => {
    if (value === undefined || value === null || value === '') return null
    const v = text(value)
    const parsed = v === null ? null : read(v)
    return parsed === null ? leftOut(name, value, expected) : parsed
  }
  const server = httpsOrigin(serverUrl) ?? serverUrl
  const repository = field(
    'predicate.buildDefinition.externalParameters.workflow.repository',
    definition.externalParameters?.workflow?.repository,
    (v) => repositoryOfUrl(v, serverUrl),
    `${server}/OWNER/REPO`
  )
  const commit = field(
    'predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit',
    definition.resolvedDependencies?.[0]?.digest?.gitCommit,
    (v) => (isCommit(v) ? v : null),
    '40 or 64 lowercase hex digits'
  )
  const runUrl = field(
    'predicate.runDetails.metadata.invocationId',
    s.predicate?.runDetails?.metadata?.invocationId,
    (v) => (isRunUrl(v, serverUrl) ? v : null),
    `${server}/OWNER/REPO/actions/runs/ID/attempts/N`
  )
  return { repository, commit, runUrl }
}
