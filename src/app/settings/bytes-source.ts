import * as path from 'node:path'
import type { BytesSource, GetInput } from './types.js'
import { SealError, quote } from '../../core/errors.js'
import type { Env } from '../../core/env.js'
import { parseSubjectPatterns } from '../../core/subject/patterns.js'
import type { SubjectSpec } from '../../core/seal.js'
import { isImageSubject, parseImageSubject } from '../../core/image/reference.js'
import { readPlainHttpRegistries } from './inputs.js'

/** The inputs that say where the bytes to check are; verify and promote share them. */
export interface BytesSourceInputs {
  readonly subjectPath: string
  readonly checksumsPath: string
  /** The workflow artifact's name, as download-artifact's `name`. */
  readonly name: string
  readonly runId: string
  readonly repository: string
  readonly token: string
  /** The registries reached over plain HTTP, for an image (`plain-http-registries`). */
  readonly plainHttp?: string
  /**
   * The listing may be given without the files: the seal bundle of a digest alone, whose
   * signature beside it says so (promote). Otherwise it goes with the files only.
   */
  readonly listingAlone?: boolean
}

/**
 * Reads where the bytes are: files in the workspace (subject-path), or a workflow artifact
 * (name, with run-id and repository for another run). At most one; null when none is given.
 */
export function readBytesSource(
  getInput: GetInput,
  workspace: string,
  names: BytesSourceInputs
): Exclude<BytesSource, { kind: 'cache' }> | null {
  const input = (name: string): string => getInput(name).trim()
  const artifactName = input(names.name)
  const runIdText = input(names.runId)
  const repository = input(names.repository)
  const checksums = input(names.checksumsPath)
  // Read (and so checked) whatever the bytes are: a bad value is refused, not ignored.
  const plainHttp =
    names.plainHttp === undefined
      ? []
      : readPlainHttpRegistries(getInput(names.plainHttp), names.plainHttp)
  const image = readImage(getInput, names)
  const subject = image === null ? readSubject(getInput, workspace, names.subjectPath) : null

  if ((subject !== null || image !== null) && artifactName !== '') {
    throw new SealError(
      'bad-input',
      `${names.subjectPath} and ${names.name} both say where the bytes are; give one: ${names.subjectPath} for ` +
        `files in the workspace, ${names.name} for a workflow artifact.`
    )
  }
  for (const [name, value] of [
    [names.runId, runIdText],
    [names.repository, repository]
  ] as const) {
    if (value !== '' && artifactName === '') {
      throw new SealError(
        'bad-input',
        `${name}: ${quote(value)} says where the workflow artifact was uploaded; give ${names.name} too, or remove it.`
      )
    }
  }
  if (
    checksums !== '' &&
    subject === null &&
    image === null &&
    !(names.listingAlone === true && artifactName === '')
  ) {
    throw new SealError(
      'bad-input',
      `${names.checksumsPath}: ${quote(checksums)} names the files that differ in ${names.subjectPath}; give ${names.subjectPath} too, or remove it ` +
        `(a workflow artifact carries its own listing).`
    )
  }
  if (image !== null)
    return {
      ...image,
      token: input(names.token),
      checksumsFile: checksums === '' ? null : path.resolve(workspace, checksums),
      plainHttp
    }
  if (subject !== null)
    return {
      kind: 'local',
      subject,
      checksumsFile: checksums === '' ? null : path.resolve(workspace, checksums)
    }
  if (artifactName === '') return null
  let runId: number | null = null
  if (runIdText !== '') {
    runId = Number(runIdText)
    if (!/^[1-9][0-9]*$/.test(runIdText) || !Number.isSafeInteger(runId)) {
      throw new SealError(
        'bad-input',
        `${names.runId}: ${quote(runIdText)} is not a workflow run id. Give the number from the run's URL ` +
          `(…/actions/runs/<id>), such as "\${{ github.event.workflow_run.id }}".`
      )
    }
  }
  if (repository !== '' && runId === null) {
    throw new SealError(
      'bad-input',
      `${names.repository}: ${quote(repository)} is another repository's; give ${names.runId} too, the run ` +
        `there that uploaded ${quote(artifactName)}.`
    )
  }
  if (repository !== '' && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      'bad-input',
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    )
  }
  const token = input(names.token)
  if (runId !== null && token === '') {
    throw new SealError(
      'bad-input',
      `${names.token}: required to download from another run (${names.runId}: ${runIdText}). Give "\${{ ` +
        'github.token }}" and grant the job "permissions: actions: read".'
    )
  }
  return {
    kind: 'artifact',
    name: artifactName,
    runId,
    repository: repository === '' ? null : repository,
    token
  }
}

/**
 * Inputs given under a spelling the action does not read: the runner passes `subject_path:`
 * as INPUT_SUBJECT_PATH, where `subject-path` would be INPUT_SUBJECT-PATH. The runner
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
    if (meant !== undefined && given !== meant.replace(/ /g, '_').toUpperCase())
      found.push(`${given.toLowerCase()} (${key}), read as nothing: did you mean ${meant}?`)
  }
  return found.sort()
}

/** `subject-path: oci://…`: an image in its registry, alone; null when subject-path names files or nothing. */
function readImage(
  getInput: GetInput,
  names: BytesSourceInputs
): { kind: 'image'; reference: ReturnType<typeof parseImageSubject>; inputName: string } | null {
  const text = getInput(names.subjectPath)
  if (!isImageSubject(text)) return null
  return {
    kind: 'image',
    reference: parseImageSubject(text, names.subjectPath),
    inputName: names.subjectPath
  }
}

/** `subject-path` as the seal action reads it, for checking bytes; null when no path was given. */
export function readSubject(
  getInput: GetInput,
  workspace: string,
  pathInput: string
): SubjectSpec | null {
  const subjectPath = getInput(pathInput).trim()
  if (subjectPath === '') return null
  return {
    kind: 'paths',
    patterns: parseSubjectPatterns(getInput(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    // The files an exclusion kept out of the seal need not have been carried to the deploy job.
    unusedExclusions: 'allow',
    // As the seal action leaves them out by default; a sealed listing that names one turns it back
    // (verify-artifact.ts).
    hidden: 'leave-out'
  }
}
