import * as path from 'node:path'
import type { BytesSource, GetInput } from './types.js'
import { SealError, quote } from '../../core/errors.js'
import { parseBooleanInput } from './inputs.js'
import type { Env } from '../../core/env.js'
import { parseSubjectPatterns } from '../../core/subject/patterns.js'
import type { SubjectSpec } from '../../core/seal.js'
import { isImageSubject, parseImageSubject } from '../../core/image/reference.js'

/** The inputs that say where the bytes to check are; verify and promote share them. */
export interface BytesSourceInputs {
  readonly subjectPath: string
  readonly root: string
  readonly checksumsPath: string
  readonly artifactName: string
  readonly runId: string
  readonly token: string
  /** Absent where the action has no cache input. */
  readonly cache?: string
  /**
   * The listing may be given without the files: the seal bundle of a digest alone, whose
   * signature beside it says so (promote). Otherwise it goes with the files only.
   */
  readonly listingAlone?: boolean
}

/**
 * Reads where the bytes are: files in the workspace (subject-path), a workflow artifact
 * (artifact-name, with run-id for another run), or the cache by digest. At most one;
 * null when none is given.
 */
export function readBytesSource(getInput: GetInput, workspace: string, names: BytesSourceInputs): BytesSource | null {
  const input = (name: string): string => getInput(name).trim()
  const artifactName = input(names.artifactName)
  const runIdText = input(names.runId)
  const checksums = input(names.checksumsPath)
  const cache = names.cache === undefined ? false : parseBooleanInput(names.cache, getInput(names.cache), false)
  const image = readImage(getInput, names)
  const subject = image === null ? readSubject(getInput, workspace, names.subjectPath, names.root) : null

  const given = [(subject !== null || image !== null) && names.subjectPath, artifactName !== '' && names.artifactName, cache && `${names.cache}: true`].filter(
    (g): g is string => typeof g === 'string'
  )
  if (given.length > 1) {
    throw new SealError('bad-input', 
      `${given.join(' and ')} both say where the bytes are; give one: ${names.subjectPath} for files in the workspace, ` +
        `${names.artifactName} for a workflow artifact${names.cache ? `, or ${names.cache}: true to restore them by digest` : ''}.`
    )
  }
  if (runIdText !== '' && artifactName === '') {
    throw new SealError('bad-input', `${names.runId}: ${quote(runIdText)} says which run uploaded the artifact; give ${names.artifactName} too, or remove it.`)
  }
  if (checksums !== '' && subject === null && !(names.listingAlone === true && artifactName === '' && !cache)) {
    throw new SealError('bad-input', 
      `${names.checksumsPath}: ${quote(checksums)} names the files that differ in ${names.subjectPath}; give ${names.subjectPath} too, or remove it ` +
        `(a workflow artifact carries its own listing).`
    )
  }
  if (image !== null) return { ...image, token: input(names.token), checksumsFile: checksums === '' ? null : path.resolve(workspace, checksums) }
  if (subject !== null) return { kind: 'local', subject, checksumsFile: checksums === '' ? null : path.resolve(workspace, checksums) }
  if (artifactName !== '') {
    let runId: number | null = null
    if (runIdText !== '') {
      runId = Number(runIdText)
      if (!/^[1-9][0-9]*$/.test(runIdText) || !Number.isSafeInteger(runId)) {
        throw new SealError('bad-input', `${names.runId}: ${quote(runIdText)} is not a workflow run id. Give the number from the run's URL (…/actions/runs/<id>), such as "\${{ github.event.workflow_run.id }}".`)
      }
    }
    const token = input(names.token)
    if (runId !== null && token === '') {
      throw new SealError('bad-input', `${names.token}: required to download from another run (${names.runId}: ${runIdText}). Give "\${{ github.token }}" and grant the job "permissions: actions: read".`)
    }
    return { kind: 'artifact', name: artifactName, runId, token }
  }
  if (cache) return { kind: 'cache', token: input(names.token), inputName: names.cache as string }
  return null
}

/**
 * Inputs given under a spelling the action does not read: the runner passes `artifact_name:`
 * as INPUT_ARTIFACT_NAME, where `artifact-name` would be INPUT_ARTIFACT-NAME. The runner
 * warns of inputs action.yml does not declare; this names them where they cost something.
 */
export function misspelledInputs(env: Env, inputs: readonly string[]): string[] {
  const squash = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '')
  const wanted = new Map(inputs.map((name) => [squash(name), name]))
  const found: string[] = []
  for (const key of Object.keys(env)) {
    if (!key.startsWith('INPUT_') || env[key] === undefined || env[key] === '') continue
    const given = key.slice('INPUT_'.length)
    const meant = wanted.get(squash(given))
    if (meant !== undefined && given !== meant.replace(/ /g, '_').toUpperCase()) found.push(`${given.toLowerCase()} (${key}), read as nothing: did you mean ${meant}?`)
  }
  return found.sort()
}

/** `subject-path: oci://…`: an image in its registry, alone; null when subject-path names files or nothing. */
function readImage(getInput: GetInput, names: BytesSourceInputs): { kind: 'image'; reference: ReturnType<typeof parseImageSubject>; inputName: string } | null {
  const text = getInput(names.subjectPath)
  if (!isImageSubject(text)) return null
  const root = getInput(names.root).trim()
  if (root !== '') throw new SealError('bad-input', `${names.root}: ${quote(root)} applies to files; ${names.subjectPath} names an image. Remove ${names.root}.`)
  return { kind: 'image', reference: parseImageSubject(text, names.subjectPath), inputName: names.subjectPath }
}

/** `subject-path` and `root` as the seal action reads them, for checking bytes; null when no path was given. */
export function readSubject(getInput: GetInput, workspace: string, pathInput: string, rootInput: string): SubjectSpec | null {
  const subjectPath = getInput(pathInput).trim()
  const root = getInput(rootInput).trim()
  if (subjectPath === '') {
    if (root !== '') throw new SealError('bad-input', `${rootInput}: ${quote(root)} applies to ${pathInput} only; remove it or give ${pathInput}.`)
    return null
  }
  return {
    kind: 'paths',
    patterns: parseSubjectPatterns(getInput(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    // The files an exclusion kept out of the seal need not have been carried to the deploy job.
    unusedExclusions: 'allow',
    // As the seal action leaves them out by default; a sealed listing that names one turns it back (verify-artifact.ts).
    hidden: 'leave-out',
    ...(root !== '' ? { root } : {})
  }
}
