import { type Digest, hexOf } from './digest.js'
import { SealError, quote } from './errors.js'
import type { SealedBy } from './promotion/record.js'
import { GITHUB_WORKFLOW_BUILD_TYPE, SLSA_PROVENANCE_TYPE, STATEMENT_TYPE } from './statement.js'

/**
 * The build that sealed a digest, read from its in-toto statement: repository, commit and
 * run. Null when the statement is not about this digest or not a GitHub workflow build,
 * so a stray statement is never taken as the digest's provenance. A statement that is
 * about the digest but names its repository or run with something other than a web
 * address is refused: it was not written by a seal, and the record would carry it on.
 * `source` names the statement's file in that message.
 */
export function sealedByFromStatement(statement: unknown, digest: Digest, source = 'the seal statement'): SealedBy | null {
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
  if (s === null || typeof s !== 'object' || s._type !== STATEMENT_TYPE || s.predicateType !== SLSA_PROVENANCE_TYPE) return null
  const hex = hexOf(digest)
  const about = Array.isArray(s.subject) && s.subject.some((subject) => subject?.digest?.sha256 === hex)
  const definition = s.predicate?.buildDefinition
  if (!about || definition?.buildType !== GITHUB_WORKFLOW_BUILD_TYPE) return null
  const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
  const repositoryText = text(definition.externalParameters?.workflow?.repository)
  const repositoryUrl = webAddress(repositoryText, 'predicate.buildDefinition.externalParameters.workflow.repository', 'https://github.com/OWNER/REPO', source)
  const repository = repositoryUrl === null ? null : repositoryUrl.pathname.slice(1)
  if (repositoryUrl !== null && repository === '') {
    throw new SealError(
      `${source}: predicate.buildDefinition.externalParameters.workflow.repository ${quote(repositoryText ?? '')} names no repository. ` +
        `A seal writes it as "https://github.com/OWNER/REPO"; seal the artifact again, or remove the statement so the record carries no provenance.`
    )
  }
  const runUrl = text(s.predicate?.runDetails?.metadata?.invocationId)
  webAddress(runUrl, 'predicate.runDetails.metadata.invocationId', 'https://github.com/OWNER/REPO/actions/runs/ID/attempts/N', source)
  return { repository, commit: text(definition.resolvedDependencies?.[0]?.digest?.gitCommit), runUrl }
}

/** A field that must be an http(s) address: records show it as a link. */
function webAddress(value: string | null, field: string, example: string, source: string): URL | null {
  if (value === null) return null
  const url = URL.canParse(value) ? new URL(value) : null
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SealError(
      `${source}: ${field} is ${quote(value.length > 200 ? `${value.slice(0, 200)}…` : value)}, which is not a web address. ` +
        `A seal writes it as ${quote(example)}; seal the artifact again, or remove the statement so the record carries no provenance.`
    )
  }
  return url
}
