import * as path from 'node:path'
import { type Digest, parseDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { SubjectSpec } from '../../core/seal.js'
import { parseSubjectPatterns } from '../../core/subject/patterns.js'
import { parsePartDigests } from '../../core/merge.js'
import { isOnDisk, partSourceFromArgument, splitPartLine } from '../../app/seal/merge-bundles.js'
import type { ContractRequest, MergePartSource } from '../../app/seal/types.js'
import { SealInput } from '../../app/settings/names.js'
import type { GetInput, SigningSettings } from '../../app/settings/types.js'
import { readSigningSettings } from '../../app/settings/signing-settings.js'
import { parseContractPatterns } from '../../core/contract/manifest.js'
import { parseBooleanInput } from '../../app/settings/inputs.js'
import type { ArtifactPart } from '../../app/seal/types.js'
import { type ImageReference, isImageSubject, parseImageSubject } from '../../core/image/reference.js'

/** The seal bundles of several parts (matrix legs) to merge into one release seal. */
export interface PartsSubject {
  readonly kind: 'parts'
  readonly parts: readonly MergePartSource[]
  /** Lines that name no path on disk: workflow artifacts of this run (or globs over their names), fetched at merge. */
  readonly artifacts: readonly ArtifactPart[]
  /** Digests the parts must have, by part name. */
  readonly partDigests: ReadonlyMap<string, Digest>
}

/** An image in its registry (`subject-path: oci://…`): its top-level digest is sealed. */
export interface ImageSubject {
  readonly kind: 'image'
  readonly reference: ImageReference
}

/** Every input of the seal action, read once and checked. */
export interface SealSettings {
  readonly subject: SubjectSpec | PartsSubject | ImageSubject
  /** Attach the signed seal to the image in its registry, as actions/attest's push-to-registry does. */
  readonly pushToRegistry: boolean
  /** Empty when the name is to be derived from the subject. */
  readonly name: string
  /** Null: a directory under the runner's temp directory, named after the artifact. */
  readonly outputDir: string | null
  readonly summary: boolean
  /** Upload the bundle (and the files, when `files`) as one workflow artifact; null for no upload. */
  readonly upload: { readonly files: boolean; readonly name: string | null; readonly retentionDays: number | null } | null
  /** Save the files in the Actions cache under a key derived from the digest. */
  readonly cache: boolean
  readonly signing: SigningSettings
  /** Stores a keyless signature in the repository's attestations API. */
  readonly token: string
  /** The contract files among the sealed ones, and its version; null without `contract`. */
  readonly contract: ContractRequest | null
}

export function readSealSettings(getInput: GetInput, workspace: string): SealSettings {
  const input = (name: string): string => getInput(name).trim()
  const subjectPath = input(SealInput.SubjectPath)
  const subjectDigest = input(SealInput.SubjectDigest)
  const subjectChecksums = input(SealInput.SubjectChecksums)
  const subjectParts = input(SealInput.SubjectParts)
  const subjectName = input(SealInput.SubjectName)
  const root = input(SealInput.Root)

  const given = [
    [SealInput.SubjectPath, subjectPath],
    [SealInput.SubjectDigest, subjectDigest],
    [SealInput.SubjectChecksums, subjectChecksums],
    [SealInput.SubjectParts, subjectParts]
  ].filter(([, value]) => value !== '')
  if (given.length !== 1) {
    const which = given.length === 0 ? 'none was given' : `${given.map(([name]) => name).join(' and ')} were both given`
    throw new SealError('bad-input', 
      `Give exactly one of ${SealInput.SubjectPath} (files, directories or globs), ${SealInput.SubjectDigest} with ${SealInput.SubjectName} (a digest you already have), ` +
        `${SealInput.SubjectChecksums} (a sha256sum listing), or ${SealInput.SubjectParts} (the seal bundles of matrix legs); ${which}.`
    )
  }
  const partDigests = input(SealInput.PartDigests)
  if (partDigests !== '' && subjectParts === '') {
    throw new SealError('bad-input', `${SealInput.PartDigests}: applies to ${SealInput.SubjectParts} only; remove it or merge parts with ${SealInput.SubjectParts}.`)
  }
  if (subjectName !== '' && subjectDigest === '') {
    throw new SealError('bad-input', 
      `${SealInput.SubjectName}: ${quote(subjectName)} goes with ${SealInput.SubjectDigest} only. To name an artifact sealed from files, use ${SealInput.Name}.`
    )
  }
  if (root !== '' && subjectPath === '') {
    throw new SealError('bad-input', `${SealInput.Root}: ${quote(root)} applies to ${SealInput.SubjectPath} only; remove it or seal with ${SealInput.SubjectPath}.`)
  }

  const name = input(SealInput.Name)
  if (/[\r\n]/.test(name)) throw new SealError('bad-input', `${SealInput.Name}: ${quote(name)} spans several lines. Give a single-line name.`)

  let subject: SubjectSpec | PartsSubject | ImageSubject
  if (subjectPath !== '' && isImageSubject(subjectPath)) {
    if (root !== '') throw new SealError('bad-input', `${SealInput.Root}: ${quote(root)} applies to files; ${SealInput.SubjectPath} names an image. Remove ${SealInput.Root}.`)
    subject = { kind: 'image', reference: parseImageSubject(getInput(SealInput.SubjectPath), SealInput.SubjectPath) }
  } else if (subjectParts !== '') {
    const lines = subjectParts.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))
    const onDisk = lines.filter((line) => isOnDisk(splitPartLine(line).given, workspace))
    subject = {
      kind: 'parts',
      parts: onDisk.map((line) => partSourceFromArgument(line, workspace, SealInput.SubjectParts)),
      artifacts: lines.filter((line) => !onDisk.includes(line)).map((line) => {
        const { name, given } = splitPartLine(line)
        if (name === '' || given === '') throw new SealError('bad-input', `${SealInput.SubjectParts}: ${quote(line)} names ${name === '' ? 'no part before "="' : 'no artifact after "="'}. Write "<part>=<workflow artifact name>", or a bundle directory.`)
        return { ...(name === undefined ? {} : { name }), artifact: given }
      }),
      partDigests: parsePartDigests(partDigests, SealInput.PartDigests)
    }
  } else if (subjectPath !== '') {
    subject = {
      kind: 'paths',
      patterns: parseSubjectPatterns(getInput(SealInput.SubjectPath)),
      baseDir: workspace,
      inputName: SealInput.SubjectPath,
      // An exclusion that stops matching (no more .map files) is not worth failing a build for.
      unusedExclusions: 'warn',
      hidden: parseBooleanInput(SealInput.IncludeHiddenFiles, getInput(SealInput.IncludeHiddenFiles), false) ? 'include' : 'leave-out',
      ...(root !== '' ? { root } : {})
    }
  } else if (subjectDigest !== '') {
    if (subjectName === '') {
      throw new SealError('bad-input', 
        `${SealInput.SubjectName}: required with ${SealInput.SubjectDigest}. Give the name the digest belongs to, such as the image name "ghcr.io/owner/app".`
      )
    }
    if (/[\r\n]/.test(subjectName)) throw new SealError('bad-input', `${SealInput.SubjectName}: ${quote(subjectName)} spans several lines. Give a single-line name.`)
    subject = { kind: 'digest', digest: parseDigest(subjectDigest, SealInput.SubjectDigest), name: subjectName }
  } else {
    subject = { kind: 'checksums', file: path.resolve(workspace, subjectChecksums), inputName: SealInput.SubjectChecksums }
  }

  const outputDir = input(SealInput.OutputDir)
  const pushToRegistry = parseBooleanInput(SealInput.PushToRegistry, getInput(SealInput.PushToRegistry), false)
  if (pushToRegistry && subject.kind !== 'image') {
    throw new SealError('bad-input', `${SealInput.PushToRegistry}: "true" attaches the signed seal to an image in its registry, and this seal is not of an image. Give ${SealInput.SubjectPath}: oci://<image>, or remove ${SealInput.PushToRegistry}.`)
  }
  return {
    subject,
    pushToRegistry,
    name,
    outputDir: outputDir === '' ? null : path.resolve(workspace, outputDir),
    summary: parseBooleanInput(SealInput.Summary, getInput(SealInput.Summary), true),
    ...readCarrying(getInput, subject),
    signing: readSigningSettings(getInput),
    token: input(SealInput.GitHubToken),
    contract: readContract(getInput, subject)
  }
}

/** contract and contract-version: the service contract, read from the sealed files. */
function readContract(getInput: GetInput, subject: SealSettings['subject']): ContractRequest | null {
  const text = getInput(SealInput.Contract)
  const version = getInput(SealInput.ContractVersion).trim()
  if (text.trim() === '') {
    if (version !== '') throw new SealError('bad-input', `${SealInput.ContractVersion}: ${quote(version)} goes with ${SealInput.Contract}; name the contract files, or remove it.`)
    return null
  }
  if (subject.kind !== 'paths') {
    throw new SealError('bad-input', `${SealInput.Contract}: the contract is read from the sealed files, and this seal reads none. Seal with ${SealInput.SubjectPath}, or remove ${SealInput.Contract}.`)
  }
  return { patterns: parseContractPatterns(text, SealInput.Contract), version, inputs: { contract: SealInput.Contract, version: SealInput.ContractVersion } }
}

/** upload, upload-files, artifact-name, retention-days and cache: how the sealed bytes travel. */
function readCarrying(getInput: GetInput, subject: SealSettings['subject']): Pick<SealSettings, 'upload' | 'cache'> {
  const upload = parseBooleanInput(SealInput.Upload, getInput(SealInput.Upload), false)
  const files = parseBooleanInput(SealInput.UploadFiles, getInput(SealInput.UploadFiles), false)
  const cache = parseBooleanInput(SealInput.Cache, getInput(SealInput.Cache), false)
  const artifactName = getInput(SealInput.ArtifactName).trim()
  const retention = getInput(SealInput.RetentionDays).trim()
  const needsUpload = [
    [SealInput.UploadFiles, files ? 'true' : ''],
    [SealInput.ArtifactName, artifactName],
    [SealInput.RetentionDays, retention]
  ].find(([, value]) => value !== '')
  if (!upload && needsUpload) {
    throw new SealError('bad-input', `${needsUpload[0]}: ${quote(needsUpload[1] as string)} applies to the workflow artifact; add "${SealInput.Upload}: true" to upload one, or remove it.`)
  }
  // Parts fetched from workflow artifacts bring their files; whether every part did is known at merge.
  const readsFiles = subject.kind === 'paths' || (subject.kind === 'parts' && subject.artifacts.length > 0)
  for (const [name, on] of [
    [SealInput.UploadFiles, files],
    [SealInput.Cache, cache]
  ] as const) {
    if (on && !readsFiles) {
      const which = { digest: SealInput.SubjectDigest, checksums: SealInput.SubjectChecksums, parts: SealInput.SubjectParts, image: `${SealInput.SubjectPath} (an image)` }[subject.kind]
      throw new SealError('bad-input', `${name}: there are no files to carry: ${which} seals without reading them. Seal with ${SealInput.SubjectPath}, or remove ${name}.`)
    }
  }
  let retentionDays: number | null = null
  if (retention !== '') {
    retentionDays = Number(retention)
    // 400 is the most an organization may allow for private repositories; GitHub applies the repository's own limit below that, and the upload reports it.
    if (!/^[0-9]+$/.test(retention) || retentionDays < 1 || retentionDays > 400) {
      throw new SealError('bad-input', `${SealInput.RetentionDays}: ${quote(retention)} is not a number of days from 1 to 400. Give a whole number, or leave it out for the repository's setting.`)
    }
  }
  return { upload: upload ? { files, name: artifactName === '' ? null : artifactName, retentionDays } : null, cache }
}
