import * as path from 'node:path'
import { type Digest, parseDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { SubjectSpec } from '../../core/seal.js'
import { parseSubjectPatterns } from '../../core/subject/patterns.js'
import { VerifyInput } from '../constants.js'
import { type GetInput, parseBooleanInput } from '../seal/settings.js'

/** Every input of the verify action, read once and checked. */
export interface VerifySettings {
  readonly subject: SubjectSpec
  readonly expected: Digest
  readonly checksumsFile: string | null
  readonly summary: boolean
}

export function readVerifySettings(getInput: GetInput, workspace: string): VerifySettings {
  const input = (name: string): string => getInput(name).trim()
  const expectedText = input(VerifyInput.ExpectedDigest)
  if (expectedText === '') {
    throw new SealError(
      `${VerifyInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}".`
    )
  }
  const subject = readSubject(getInput, workspace, VerifyInput.SubjectPath, VerifyInput.Root)
  if (subject === null) {
    throw new SealError(`${VerifyInput.SubjectPath}: required. Give the files or directory about to be deployed, as the seal step named them.`)
  }
  const checksums = input(VerifyInput.ChecksumsPath)
  return {
    subject,
    expected: parseDigest(expectedText, VerifyInput.ExpectedDigest),
    checksumsFile: checksums === '' ? null : path.resolve(workspace, checksums),
    summary: parseBooleanInput(VerifyInput.Summary, getInput(VerifyInput.Summary), true)
  }
}

/** `subject-path` and `root` as the seal action reads them; null when no path was given. */
export function readSubject(getInput: GetInput, workspace: string, pathInput: string, rootInput: string): SubjectSpec | null {
  const subjectPath = getInput(pathInput).trim()
  const root = getInput(rootInput).trim()
  if (subjectPath === '') {
    if (root !== '') throw new SealError(`${rootInput}: ${quote(root)} applies to ${pathInput} only; remove it or give ${pathInput}.`)
    return null
  }
  return {
    kind: 'paths',
    patterns: parseSubjectPatterns(getInput(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    ...(root !== '' ? { root } : {})
  }
}
