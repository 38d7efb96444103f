import { type Digest, hexOf } from './digest.js'

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1'
export const SLSA_PROVENANCE_TYPE = 'https://slsa.dev/provenance/v1'
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1'
export const LOCAL_BUILD_TYPE = 'urn:artifact-seal:buildtypes:local:v1'

/** Where and how the artifact was built, read from the runner's environment by the caller. */
export interface WorkflowBuild {
  readonly serverUrl: string
  /** `owner/name` */
  readonly repository: string
  readonly repositoryId: string
  readonly repositoryOwnerId: string
  readonly sha: string
  readonly ref: string
  /** `owner/name/.github/workflows/file.yml@ref` */
  readonly workflowRef: string
  /**
   * The workflow whose job runs the seal, from the OIDC token's `job_workflow_ref`: the
   * called workflow when a reusable workflow seals. Known only when the job can mint a
   * token (keyless signing); the certificate's identity is then the builder's id.
   */
  readonly jobWorkflowRef?: string
  readonly eventName: string
  readonly runId: string
  readonly runAttempt: string
  readonly runnerEnvironment: string
}

/** A seal made outside GitHub Actions: a laptop, another CI system. */
export interface LocalBuild {
  /** The sealing tool as a URI (`pkg:npm/artifact-seal@0.2.0`): SLSA's builder.id must be one. */
  readonly tool: string
  readonly host: string
  readonly startedOn: string
}

export type BuildContext =
  | { readonly kind: 'workflow'; readonly build: WorkflowBuild }
  | { readonly kind: 'local'; readonly build: LocalBuild }

export interface StatementSubject {
  readonly name: string
  readonly digest: Readonly<Record<string, string>>
  /** in-toto ResourceDescriptor annotations: what the seal says of the subject besides its digest. */
  readonly annotations?: Readonly<Record<string, unknown>>
}

/**
 * On the subject of a seal made from a digest alone (`subject-digest`: an image, a release
 * elsewhere): there are no files to carry or check, the digest is the artifact. Signed, it
 * lets a promotion go through without bytes; unsigned, it is a claim like any other.
 */
export const DIGEST_ONLY_ANNOTATION = 'artifact-seal.digest-only'

export interface Statement {
  readonly _type: typeof STATEMENT_TYPE
  readonly subject: readonly StatementSubject[]
  readonly predicateType: typeof SLSA_PROVENANCE_TYPE
  readonly predicate: Record<string, unknown>
}

/**
 * A tree's digest is its `dirHash` too (Go's `dirhash.Hash1`, under the name in-toto's
 * reference implementations give it), so verifiers that know either name match it. Seals
 * before 0.2 wrote `dirHash1`; readers accept both.
 */
export function statementSubject(name: string, digest: Digest, isTree: boolean): StatementSubject {
  const hex = hexOf(digest)
  return { name, digest: isTree ? { sha256: hex, dirHash: hex } : { sha256: hex } }
}

/** The subject of a seal of a digest alone, marked so; see DIGEST_ONLY_ANNOTATION. */
export function digestOnlySubject(name: string, digest: Digest): StatementSubject {
  return {
    ...statementSubject(name, digest, false),
    annotations: { [DIGEST_ONLY_ANNOTATION]: true }
  }
}

export function runUrl(build: WorkflowBuild): string {
  return `${build.serverUrl}/${build.repository}/actions/runs/${build.runId}/attempts/${build.runAttempt}`
}

export function commitUrl(build: WorkflowBuild): string {
  return `${build.serverUrl}/${build.repository}/commit/${build.sha}`
}

/** The workflow file's path, from `owner/name/.github/workflows/file.yml@ref`. */
export function workflowPath(build: WorkflowBuild): string {
  const withoutRepo = build.workflowRef.startsWith(`${build.repository}/`)
    ? build.workflowRef.slice(build.repository.length + 1)
    : build.workflowRef
  const at = withoutRepo.lastIndexOf('@')
  return at === -1 ? withoutRepo : withoutRepo.slice(0, at)
}

/**
 * The SLSA Provenance v1 predicate, shaped field for field as `actions/attest` shapes it
 * for the GitHub Actions workflow build type, so policy engines that read GitHub's own
 * read it too. Only a signed copy (the seal's Sigstore bundle) can be verified by
 * `gh attestation verify` or cosign: unsigned, it is a claim.
 */
function workflowPredicate(build: WorkflowBuild): Record<string, unknown> {
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: {
          ref: build.ref,
          repository: `${build.serverUrl}/${build.repository}`,
          path: workflowPath(build)
        }
      },
      internalParameters: {
        github: {
          event_name: build.eventName,
          repository_id: build.repositoryId,
          repository_owner_id: build.repositoryOwnerId,
          runner_environment: build.runnerEnvironment
        }
      },
      resolvedDependencies: [
        {
          uri: `git+${build.serverUrl}/${build.repository}@${build.ref}`,
          digest: { gitCommit: build.sha }
        }
      ]
    },
    runDetails: {
      builder: { id: `${build.serverUrl}/${build.jobWorkflowRef ?? build.workflowRef}` },
      metadata: { invocationId: runUrl(build) }
    }
  }
}

/** externalParameters must not be empty (SLSA: it is what the build was asked to do): the subjects named. */
function localPredicate(
  build: LocalBuild,
  subjects: readonly StatementSubject[]
): Record<string, unknown> {
  return {
    buildDefinition: {
      buildType: LOCAL_BUILD_TYPE,
      externalParameters: { subjects: subjects.map((s) => s.name) },
      internalParameters: { host: build.host },
      resolvedDependencies: []
    },
    runDetails: {
      builder: { id: build.tool },
      metadata: { startedOn: build.startedOn }
    }
  }
}

export function buildStatement(
  subjects: readonly StatementSubject[],
  context: BuildContext
): Statement {
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: SLSA_PROVENANCE_TYPE,
    predicate:
      context.kind === 'workflow'
        ? workflowPredicate(context.build)
        : localPredicate(context.build, subjects)
  }
}
