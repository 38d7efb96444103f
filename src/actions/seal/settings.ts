import * as path from 'node:path'
import { type Digest, parseDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { SubjectSpec } from '../../core/seal.js'
import { parseSubjectPatterns } from '../../core/subject/patterns.js'
import { isOnDisk, partSourceFromArgument, splitPartLine } from '../../app/seal/merge-bundles.js'
import type { ContractRequest, MergePartSource } from '../../app/seal/types.js'
import { SealInput } from '../../app/settings/names.js'
import type { GetInput, SigningSettings } from '../../app/settings/types.js'
import { readSigningSettings } from '../../app/settings/signing-settings.js'
import { parseContractPatterns } from '../../core/contract/manifest.js'
import { parseBooleanInput, readPlainHttpRegistries } from '../../app/settings/inputs.js'
import type { ArtifactPart } from '../../app/seal/types.js'
import {
  type ImageReference,
  isImageSubject,
  parseImageSubject
} from '../../core/image/reference.js'
import type { Env } from '../../core/env.js'

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

/** How the sealed bytes travel as a workflow artifact: `true` the bundle and the files, `seal` the bundle alone. */
export type UploadMode = 'files' | 'seal'

/** Every input of the seal action, read once and checked. */
export interface SealSettings {
  readonly subject: SubjectSpec | PartsSubject | ImageSubject
  /** Attach the signed seal to the image in its registry, as actions/attest's push-to-registry does. */
  readonly pushToRegistry: boolean
  /** Registries (host[:port]) reached over plain HTTP besides loopback ones. */
  readonly plainHttp: readonly string[]
  /** subject-name; empty when the name is to be derived from the subject. */
  readonly name: string
  /** Upload the bundle (and the files, when `files`) as one workflow artifact; null for no upload. */
  readonly upload: {
    readonly files: boolean
    readonly name: string | null
    readonly retentionDays: number | null
  } | null
  /** Save the files in the Actions cache under a key derived from the digest. */
  readonly cache: boolean
  readonly signing: SigningSettings
  /** Stores a keyless signature in the repository's attestations API. */
  readonly token: string
  /** The contract files among the sealed ones, and its version; null without `contract`. */
  readonly contract: ContractRequest | null
}

export function readSealSettings(
  getInput: GetInput,
  workspace: string,
  env: Env = {}
): SealSettings {
  const input = (name: string): string => getInput(name).trim()
  const subjectPath = input(SealInput.SubjectPath)
  const subjectDigest = input(SealInput.SubjectDigest)
  const subjectChecksums = input(SealInput.SubjectChecksums)
  const subjectParts = input(SealInput.SubjectParts)
  const subjectName = input(SealInput.SubjectName)

  const given = [
    [SealInput.SubjectPath, subjectPath],
    [SealInput.SubjectDigest, subjectDigest],
    [SealInput.SubjectChecksums, subjectChecksums],
    [SealInput.SubjectParts, subjectParts]
  ].filter(([, value]) => value !== '')
  if (given.length !== 1) {
    const which =
      given.length === 0
        ? 'none was given'
        : `${given.map(([name]) => name).join(' and ')} were both given`
    throw new SealError(
      'bad-input',
      `Give exactly one of ${SealInput.SubjectPath} (files, directories or globs), ${SealInput.SubjectDigest} ` +
        `with ${SealInput.SubjectName} (a digest you already have), ` +
        (`${SealInput.SubjectChecksums} (a sha256sum listing), or ${SealInput.SubjectParts} (the seal bundles ` +
          `of matrix legs); ${which}.`)
    )
  }
  if (/[\r\n]/.test(subjectName))
    throw new SealError(
      'bad-input',
      `${SealInput.SubjectName}: ${quote(subjectName)} spans several lines. Give a single-line name.`
    )

  let subject: SubjectSpec | PartsSubject | ImageSubject
  if (subjectPath !== '' && isImageSubject(subjectPath)) {
    subject = {
      kind: 'image',
      reference: parseImageSubject(getInput(SealInput.SubjectPath), SealInput.SubjectPath)
    }
  } else if (subjectParts !== '') {
    subject = readParts(subjectParts, workspace)
  } else if (subjectPath !== '') {
    subject = {
      kind: 'paths',
      patterns: parseSubjectPatterns(getInput(SealInput.SubjectPath)),
      baseDir: workspace,
      inputName: SealInput.SubjectPath,
      // An exclusion that stops matching (no more .map files) is not worth failing a build for.
      unusedExclusions: 'warn',
      hidden: parseBooleanInput(
        SealInput.IncludeHiddenFiles,
        getInput(SealInput.IncludeHiddenFiles),
        false
      )
        ? 'include'
        : 'leave-out'
    }
  } else if (subjectDigest !== '') {
    if (subjectName === '') {
      throw new SealError(
        'bad-input',
        `${SealInput.SubjectName}: required with ${SealInput.SubjectDigest}. Give the name the digest belongs ` +
          'to, such as the image name "ghcr.io/owner/app".'
      )
    }
    subject = {
      kind: 'digest',
      digest: parseDigest(subjectDigest, SealInput.SubjectDigest),
      name: subjectName
    }
  } else {
    subject = {
      kind: 'checksums',
      file: path.resolve(workspace, subjectChecksums),
      inputName: SealInput.SubjectChecksums
    }
  }

  const pushToRegistry = parseBooleanInput(
    SealInput.PushToRegistry,
    getInput(SealInput.PushToRegistry),
    false
  )
  if (pushToRegistry && subject.kind !== 'image') {
    throw new SealError(
      'bad-input',
      `${SealInput.PushToRegistry}: "true" attaches the signed seal to an image in its registry, and this seal ` +
        `is not of an image. Give ${SealInput.SubjectPath}: oci://<image>, or remove ${SealInput.PushToRegistry}.`
    )
  }
  return {
    subject,
    pushToRegistry,
    plainHttp: readPlainHttpRegistries(
      getInput(SealInput.PlainHttpRegistries),
      SealInput.PlainHttpRegistries
    ),
    name: subjectName,
    ...readCarrying(getInput, subject),
    signing: readSigningSettings(getInput, env),
    token: input(SealInput.GitHubToken),
    contract: readContract(getInput, subject)
  }
}

const PART_DIGEST = /@(sha256:[0-9a-fA-F]{64})$/

/**
 * subject-parts: `<part>=<listing or seal directory>[@sha256:<hex>]` a line; the digest, when
 * given, is the one the part's seal put out.
 */
function readParts(text: string, workspace: string): PartsSubject {
  const parts: MergePartSource[] = []
  const artifacts: ArtifactPart[] = []
  const partDigests = new Map<string, Digest>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const pinned = PART_DIGEST.exec(line)
    const unpinned = pinned ? line.slice(0, pinned.index) : line
    const { name, given } = splitPartLine(unpinned)
    // A line that names nothing on disk names a workflow artifact of this run (or a glob over their names).
    if (!isOnDisk(given, workspace)) {
      if (name === '' || given === '')
        throw new SealError(
          'bad-input',
          `${SealInput.SubjectParts} (line ${index + 1}): ${quote(line)} names ${name === '' ? 'no part before "="' : 'no artifact after "="'}. Write "<part>=<workflow artifact name>", ` +
            'or a bundle directory.'
        )
      artifacts.push({ ...(name === undefined ? {} : { name }), artifact: given })
    }
    const source = isOnDisk(given, workspace)
      ? partSourceFromArgument(unpinned, workspace, SealInput.SubjectParts)
      : { name }
    if (pinned) {
      if (source.name === undefined) {
        throw new SealError(
          'bad-input',
          `${SealInput.SubjectParts} (line ${index + 1}): ${quote(line)} pins a digest to a part without a ` +
            `name. Write "<part>=<listing>@${pinned[1]}".`
        )
      }
      if (partDigests.has(source.name))
        throw new SealError(
          'bad-input',
          `${SealInput.SubjectParts} (line ${index + 1}): the part ${quote(source.name)} is pinned twice. Give ` +
            'each part once.'
        )
      partDigests.set(
        source.name,
        parseDigest(pinned[1] as string, `${SealInput.SubjectParts} (line ${index + 1})`)
      )
    }
    if (isOnDisk(given, workspace)) parts.push(source as MergePartSource)
  })
  return { kind: 'parts', parts, artifacts, partDigests }
}

const VERSION_LINE = /^version:\s*(.*)$/

/** contract: the service contract, read from the sealed files; a `version: X.Y.Z` line sets its version. */
function readContract(
  getInput: GetInput,
  subject: SealSettings['subject']
): ContractRequest | null {
  const lines = getInput(SealInput.Contract).split(/\r?\n/)
  const versions = lines
    .map((line) => VERSION_LINE.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
  const patterns = lines.filter((line) => !VERSION_LINE.test(line.trim())).join('\n')
  const versionName = `${SealInput.Contract} (its "version:" line)`
  if (versions.length > 1)
    throw new SealError(
      'bad-input',
      `${versionName}: given ${versions.length} times. Give the contract's version once.`
    )
  const version = (versions[0]?.[1] ?? '').trim()
  if (versions.length === 1 && version === '')
    throw new SealError(
      'bad-input',
      `${versionName}: empty. Give a version such as "version: 2.1.0", or remove the line for the OpenAPI ` +
        `document's info.version.`
    )
  if (patterns.trim() === '') {
    if (versions.length > 0)
      throw new SealError(
        'bad-input',
        `${versionName}: ${quote(version)} goes with contract files; name them on the other lines, or remove it.`
      )
    return null
  }
  if (subject.kind !== 'paths') {
    throw new SealError(
      'bad-input',
      `${SealInput.Contract}: the contract is read from the sealed files, and this seal reads none. Seal with ${SealInput.SubjectPath}, or remove ${SealInput.Contract}.`
    )
  }
  return {
    patterns: parseContractPatterns(patterns, SealInput.Contract),
    version,
    inputs: { contract: SealInput.Contract, version: versionName }
  }
}

const UPLOAD_MODES: Readonly<Record<string, UploadMode | null>> = {
  '': null,
  false: null,
  true: 'files',
  seal: 'seal'
}

/** upload, name, retention-days and cache: how the sealed bytes travel. */
function readCarrying(
  getInput: GetInput,
  subject: SealSettings['subject']
): Pick<SealSettings, 'upload' | 'cache'> {
  const uploadText = getInput(SealInput.Upload).trim()
  const mode = UPLOAD_MODES[uploadText.toLowerCase()]
  if (mode === undefined) {
    throw new SealError(
      'bad-input',
      `${SealInput.Upload}: ${quote(uploadText)} is not true, seal or false. Give true (the seal bundle and ` +
        'the sealed files, one workflow artifact), seal (the bundle alone) or false.'
    )
  }
  const cache = parseBooleanInput(SealInput.Cache, getInput(SealInput.Cache), false)
  const artifactName = getInput(SealInput.Name).trim()
  const retention = getInput(SealInput.RetentionDays).trim()
  const needsUpload = [
    [SealInput.Name, artifactName],
    [SealInput.RetentionDays, retention]
  ].find(([, value]) => value !== '')
  if (mode === null && needsUpload) {
    throw new SealError(
      'bad-input',
      `${needsUpload[0]}: ${quote(needsUpload[1] as string)} applies to the workflow artifact; add ` +
        `"${SealInput.Upload}: true" to upload one, or remove it.`
    )
  }
  if (/[\r\n]/.test(artifactName))
    throw new SealError(
      'bad-input',
      `${SealInput.Name}: ${quote(artifactName)} spans several lines. Give a single-line name.`
    )
  // Parts fetched from workflow artifacts bring their files; whether every part did is known at merge.
  const readsFiles =
    subject.kind === 'paths' || (subject.kind === 'parts' && subject.artifacts.length > 0)
  if (!readsFiles) {
    const which = {
      digest: SealInput.SubjectDigest,
      checksums: SealInput.SubjectChecksums,
      parts: SealInput.SubjectParts,
      image: `${SealInput.SubjectPath} (an image)`
    }[subject.kind]
    const carried =
      mode === 'files' ? `"${SealInput.Upload}: true"` : cache ? `"${SealInput.Cache}: true"` : null
    if (carried !== null) {
      throw new SealError(
        'bad-input',
        `${carried === `"${SealInput.Upload}: true"` ? SealInput.Upload : SealInput.Cache}: there are no files ` +
          `to carry: ${which} seals without reading them. ${
            mode === 'files'
              ? `Give "${SealInput.Upload}: seal" to ` +
                'upload the seal bundle alone, or remove it.'
              : `Remove ${SealInput.Cache}.`
          }`
      )
    }
  }
  let retentionDays: number | null = null
  if (retention !== '') {
    retentionDays = Number(retention)
    // 400 is the most an organization may allow for private repositories; GitHub applies the
    // repository's own limit below that, and the upload reports it.
    if (!/^[0-9]+$/.test(retention) || retentionDays < 1 || retentionDays > 400) {
      throw new SealError(
        'bad-input',
        `${SealInput.RetentionDays}: ${quote(retention)} is not a number of days from 1 to 400. Give a whole ` +
          `number, or leave it out for the repository's setting.`
      )
    }
  }
  return {
    upload:
      mode === null
        ? null
        : {
            files: mode === 'files',
            name: artifactName === '' ? null : artifactName,
            retentionDays
          },
    cache
  }
}
