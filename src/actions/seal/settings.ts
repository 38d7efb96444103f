import * as path from 'node:path'
import { parseDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { SubjectSpec } from '../../core/seal.js'
import { parseSubjectPatterns } from '../../core/subject/patterns.js'
import { SealInput } from '../constants.js'

/** Every input of the seal action, read once and checked. */
export interface SealSettings {
  readonly subject: SubjectSpec
  /** Empty when the name is to be derived from the subject. */
  readonly name: string
  /** Null: a directory under the runner's temp directory, named after the artifact. */
  readonly outputDir: string | null
  readonly summary: boolean
}

export type GetInput = (name: string) => string

export function parseBooleanInput(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  throw new SealError(`${name}: ${quote(value)} is not a boolean. Use true or false.`)
}

export function readSealSettings(getInput: GetInput, workspace: string): SealSettings {
  const input = (name: string): string => getInput(name).trim()
  const subjectPath = input(SealInput.SubjectPath)
  const subjectDigest = input(SealInput.SubjectDigest)
  const subjectChecksums = input(SealInput.SubjectChecksums)
  const subjectName = input(SealInput.SubjectName)
  const root = input(SealInput.Root)

  const given = [
    [SealInput.SubjectPath, subjectPath],
    [SealInput.SubjectDigest, subjectDigest],
    [SealInput.SubjectChecksums, subjectChecksums]
  ].filter(([, value]) => value !== '')
  if (given.length !== 1) {
    const which = given.length === 0 ? 'none was given' : `${given.map(([name]) => name).join(' and ')} were both given`
    throw new SealError(
      `Give exactly one of ${SealInput.SubjectPath} (files, directories or globs), ${SealInput.SubjectDigest} with ${SealInput.SubjectName} (a digest you already have), ` +
        `or ${SealInput.SubjectChecksums} (a sha256sum listing); ${which}.`
    )
  }
  if (subjectName !== '' && subjectDigest === '') {
    throw new SealError(
      `${SealInput.SubjectName}: ${quote(subjectName)} goes with ${SealInput.SubjectDigest} only. To name an artifact sealed from files, use ${SealInput.Name}.`
    )
  }
  if (root !== '' && subjectPath === '') {
    throw new SealError(`${SealInput.Root}: ${quote(root)} applies to ${SealInput.SubjectPath} only; remove it or seal with ${SealInput.SubjectPath}.`)
  }

  const name = input(SealInput.Name)
  if (/[\r\n]/.test(name)) throw new SealError(`${SealInput.Name}: ${quote(name)} spans several lines. Give a single-line name.`)

  let subject: SubjectSpec
  if (subjectPath !== '') {
    subject = {
      kind: 'paths',
      patterns: parseSubjectPatterns(getInput(SealInput.SubjectPath)),
      baseDir: workspace,
      inputName: SealInput.SubjectPath,
      ...(root !== '' ? { root } : {})
    }
  } else if (subjectDigest !== '') {
    if (subjectName === '') {
      throw new SealError(
        `${SealInput.SubjectName}: required with ${SealInput.SubjectDigest}. Give the name the digest belongs to, such as the image name "ghcr.io/owner/app".`
      )
    }
    if (/[\r\n]/.test(subjectName)) throw new SealError(`${SealInput.SubjectName}: ${quote(subjectName)} spans several lines. Give a single-line name.`)
    subject = { kind: 'digest', digest: parseDigest(subjectDigest, SealInput.SubjectDigest), name: subjectName }
  } else {
    subject = { kind: 'checksums', file: path.resolve(workspace, subjectChecksums), inputName: SealInput.SubjectChecksums }
  }

  const outputDir = input(SealInput.OutputDir)
  return {
    subject,
    name,
    outputDir: outputDir === '' ? null : path.resolve(workspace, outputDir),
    summary: parseBooleanInput(SealInput.Summary, getInput(SealInput.Summary), true)
  }
}
