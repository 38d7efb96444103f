import * as path from 'node:path'
import type { SealedArtifact } from '../../core/seal.js'
import type { SealSettings } from './settings.js'
import type { Env } from '../../core/env.js'
import { leavesParent } from '../../core/paths.js'

/**
 * What the summary's verify snippet needs to be ready to copy: the action's own
 * reference, the job and step ids, and the subject path as this workflow wrote it.
 */
export function verifyStepHints(
  env: Env,
  settings: SealSettings,
  artifact: SealedArtifact,
  workspace: string,
  /** The workflow artifact that carries the files, when they were uploaded. */
  uploadedWithFiles: string | null = null
): {
  verifySubjectPath: string | null
  verifyArtifactName: string | null
  verifyAction: string
  jobId: string
  stepId: string
} {
  const actionRepository = env.GITHUB_ACTION_REPOSITORY
  const verifyAction = actionRepository
    ? `${actionRepository}/verify@${env.GITHUB_ACTION_REF || 'v1'}`
    : './verify'
  // A step without an `id:` gets a generated one starting with "__", which cannot be referenced.
  const stepId =
    env.GITHUB_ACTION && !env.GITHUB_ACTION.startsWith('__') ? env.GITHUB_ACTION : 'seal'
  let verifySubjectPath: string | null = null
  // A merged seal's tree exists only in its upload: a later job verifies what it downloads.
  if (settings.subject.kind === 'parts')
    return {
      verifySubjectPath: null,
      verifyArtifactName: uploadedWithFiles,
      verifyAction,
      jobId: env.GITHUB_JOB || 'build',
      stepId
    }
  if (settings.subject.kind === 'image') {
    // The tag again, so the verify step refuses it if it moved; by digest when the seal was.
    const reference = settings.subject.reference
    verifySubjectPath =
      reference.digest === null
        ? `oci://${reference.name}:${reference.tag ?? 'latest'}`
        : `oci://${reference.name}@${artifact.digest}`
  } else if (artifact.kind === 'files' && settings.subject.kind === 'paths') {
    const { include, exclude } = settings.subject.patterns
    verifySubjectPath = [...include, ...exclude.map((p) => `!${p}`)].join('\n')
  } else if (artifact.root !== null) {
    const rel = path.relative(workspace, artifact.root).split(path.sep).join('/')
    verifySubjectPath = rel === '' ? '.' : leavesParent(rel) ? artifact.root : rel
    // The one file of a single-file artifact is also its largest.
    const onlyFile = artifact.kind === 'file' ? artifact.summary?.largest[0]?.path : undefined
    if (onlyFile !== undefined)
      verifySubjectPath = `${verifySubjectPath === '.' ? '' : `${verifySubjectPath}/`}${onlyFile}`
  }
  // A later job on another runner has the uploaded artifact, not this workspace's files: the
  // snippet downloads it by name.
  return {
    verifySubjectPath,
    verifyArtifactName: uploadedWithFiles,
    verifyAction,
    jobId: env.GITHUB_JOB || 'build',
    stepId
  }
}
