import { type Digest, hexOf } from './digest.js'
import type { SealedBy } from './promotion/record.js'
import { GITHUB_WORKFLOW_BUILD_TYPE, SLSA_PROVENANCE_TYPE, STATEMENT_TYPE } from './statement.js'

/**
 * The build that sealed a digest, read from its in-toto statement: repository, commit and
 * run. Null when the statement is not about this digest or not a GitHub workflow build,
 * so a stray statement is never taken as the digest's provenance.
 */
export function sealedByFromStatement(statement: unknown, digest: Digest): SealedBy | null {
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
  const repositoryUrl = text(definition.externalParameters?.workflow?.repository)
  return {
    repository: repositoryUrl === null ? null : new URL(repositoryUrl).pathname.slice(1),
    commit: text(definition.resolvedDependencies?.[0]?.digest?.gitCommit),
    runUrl: text(s.predicate?.runDetails?.metadata?.invocationId)
  }
}
