import { randomBytes } from 'node:crypto'
import * as path from 'node:path'
import { type Digest, hexOf } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { parseListing } from '../../core/listing.js'
import {
  type SealOptions,
  type SealedArtifact,
  type SubjectSpec,
  sealSubject
} from '../../core/seal.js'
import { resolveFiles } from '../../core/subject/resolve-files.js'
import { copyListedFiles, removeQuietly } from '../../stores/evidence/directory-handoff.js'

/**
 * The `path` a verify or promote hands to the deploy step: exactly what was verified.
 * For a file, the file itself. For a tree, its directory when that holds the verified
 * files and nothing else; otherwise (a glob, exclusions, extra files beside the sealed
 * ones) a fresh directory under `stagingParent` holding copies of only the verified files,
 * hashed again after copying so what is handed out is what was checked.
 */
export async function verifiedPath(
  artifact: SealedArtifact,
  subject: SubjectSpec,
  expected: Digest,
  stagingParent: string,
  options: Pick<SealOptions, 'build' | 'fallbackName'>
): Promise<string> {
  const root = artifact.root
  const inputName = subject.kind === 'paths' ? subject.inputName : 'subject'
  if (root === null)
    throw new SealError(
      'bad-input',
      `${inputName}: nothing was read from disk, so there is no path to hand out.`
    )
  const listed = parseListing(artifact.listing.toString('utf8'), 'the verified listing').map(
    (e) => e.path
  )
  if (artifact.kind === 'file') return path.join(root, ...(listed[0] as string).split('/'))
  if (holdsExactly(root, listed, subject)) return root
  return stageCopies(root, listed, expected, stagingParent, inputName, options)
}

/** True when every file under the directory (links followed, as the walk follows them) is one of `listed`. */
function holdsExactly(root: string, listed: readonly string[], subject: SubjectSpec): boolean {
  // One directory with nothing left out: the walk that was just hashed already saw every file.
  if (
    subject.kind === 'paths' &&
    subject.patterns.include.length === 1 &&
    subject.patterns.exclude.length === 0 &&
    subject.root === undefined
  ) {
    const only = path.resolve(subject.baseDir, subject.patterns.include[0] as string)
    if (only === path.resolve(root)) return true
  }
  let onDisk: readonly string[]
  try {
    onDisk = resolveFiles({
      patterns: { include: [root], exclude: [] },
      baseDir: root,
      root,
      inputName: 'the verified directory'
    }).relativePaths
  } catch {
    // A link that leaves the directory, a dangling one, an unreadable directory: not a clean hand-out.
    return false
  }
  if (onDisk.length !== listed.length) return false
  const wanted = new Set(listed)
  return onDisk.every((p) => wanted.has(p))
}

async function stageCopies(
  root: string,
  listed: readonly string[],
  expected: Digest,
  stagingParent: string,
  inputName: string,
  options: Pick<SealOptions, 'build' | 'fallbackName'>
): Promise<string> {
  const dir = path.join(
    stagingParent,
    `verified-${hexOf(expected).slice(0, 12)}-${randomBytes(4).toString('hex')}`
  )
  try {
    copyListedFiles(root, listed, dir)
  } catch (error) {
    removeQuietly(dir)
    const e = error as NodeJS.ErrnoException
    throw new SealError(
      'unreadable',
      `${inputName}: cannot copy the verified files from ${quote(root)} to ${quote(dir)} (${e.code ?? e.message}). ` +
        ('The directory holds files that were not verified, so only copies of the verified ones are handed out: ' +
          "make the runner's temp directory writable, or seal and verify a directory " +
          'that holds only the artifact.'),
      { cause: e }
    )
  }
  const copy = await sealSubject(
    {
      kind: 'paths',
      patterns: { include: [dir], exclude: [] },
      baseDir: dir,
      root: dir,
      inputName
    },
    { build: options.build, fallbackName: options.fallbackName }
  )
  if (copy.digest !== expected) {
    removeQuietly(dir)
    throw new SealError(
      'conflict',
      `${inputName}: the files under ${quote(root)} changed while they were being verified: their copies are ${copy.digest}, not ${expected}. ` +
        'Nothing was handed out. Make sure no other step writes to them, then verify again.'
    )
  }
  return dir
}
