import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import { parseListing } from '../../core/listing.js'
import {
  type PlannedEntry,
  checkAgainstListing,
  checkEntries,
  unsafeArchive
} from './archive-entry.js'
import { makeDirectories, writeNewFile } from './directory-handoff.js'
import { isBundleEntry } from './seal-bundle.js'
import { UnreadableZipError, type ZipEntry, ZipFile } from './zip-reader.js'

/**
 * Unpacks a downloaded workflow artifact's zip into its private directory, and only what
 * its central directory shows to be the seal bundle of one name (`seal/<name>.sha256`,
 * `.intoto.json`, `.sigstore.json`, `.contract.json` and `seal/<name>.contract/`) and the
 * files its listing names (`files/`): the zip is listed, its listing read from the zip, and
 * every entry checked before the first byte is written. An entry's execute bit is kept, as
 * a tar restore keeps it, so both carriers hand out the same modes. Whether the files hash as the listing says,
 * and whether the listing is the expected digest's, is the verifier's to prove next.
 */

export const ARTIFACT_SEAL_DIR = 'seal'
export const ARTIFACT_FILES_DIR = 'files'

/** The listing is read into memory before extracting; a larger one is not a seal's. */
const MAX_LISTING_BYTES = 128 * 1024 * 1024

export interface UnpackedLayout {
  readonly checksumsPath: string
  readonly statementPath: string
  readonly hasFiles: boolean
}

export interface UnpackContext {
  /** `the artifact "name" (id …)`, for messages. */
  readonly label: string
  readonly name: string
  /** The input that named the artifact. */
  readonly inputName: string
}

/** Throws a `refused` SealError naming each refused entry, or a SealError when the zip holds no seal bundle. */
export async function unpackArtifact(
  zipFile: string,
  root: string,
  context: UnpackContext
): Promise<UnpackedLayout> {
  const zip = ZipFile.open(zipFile)
  try {
    const check = checkEntries(zip.entries, '')
    const opening = `${context.inputName}: refused ${context.label}`
    const fix =
      'Do not deploy from it: find out who replaced the stored artifact, then seal and upload the build again.'
    if (check.refusals.length > 0) throw unsafeArchive(check.refusals, opening, fix)
    const top = (suffix: string): PlannedEntry[] =>
      [...check.planned.values()].filter(
        (p) =>
          p.entry.kind === 'file' &&
          p.path.startsWith(`${ARTIFACT_SEAL_DIR}/`) &&
          !p.path.slice(ARTIFACT_SEAL_DIR.length + 1).includes('/') &&
          p.path.endsWith(suffix)
      )
    const listings = top('.sha256')
    const statements = top('.intoto.json')
    if (listings.length !== 1 || statements.length !== 1) {
      throw new SealError(
        'unrecognized',
        `${context.inputName}: the artifact ${quote(context.name)} holds no seal bundle (one ${ARTIFACT_SEAL_DIR}/*.sha256 and one ${ARTIFACT_SEAL_DIR}/*.intoto.json). ` +
          `Give the name of an artifact that artifact-seal uploaded.`
      )
    }
    const listing = listings[0] as PlannedEntry
    const text = await readSmall(zip, listing.entry as ZipEntry, context)
    const listed = new Set(
      parseListing(
        text,
        `${ARTIFACT_SEAL_DIR}/${path.posix.basename(listing.path)} in ${context.label}`
      ).map((e) => e.path)
    )
    const sealName = path.posix.basename(listing.path).slice(0, -'.sha256'.length)
    checkAgainstListing(check, ARTIFACT_FILES_DIR, listed, (p, entry) =>
      isBundlePath(p, sealName, entry.kind === 'directory')
    )
    if (check.refusals.length > 0) throw unsafeArchive(check.refusals, opening, fix)
    for (const planned of [...check.planned.values()].sort((a, b) => a.index - b.index)) {
      try {
        if (planned.entry.kind === 'directory') makeDirectories(root, planned.path)
        else
          await writeNewFile(
            root,
            planned.path,
            zip.content(planned.entry as ZipEntry),
            planned.entry.executable
          )
      } catch (error) {
        if (error instanceof UnreadableZipError) throw error
        const e = error as NodeJS.ErrnoException
        throw new SealError(
          'unreadable',
          `${context.inputName}: ${context.label} could not be extracted as listed: ${quote(planned.entry.name)} failed (${e.code ?? e.message}). ` +
            ('Two names that differ only in case are one file on a case-insensitive file system. Nothing is ' +
              'handed out; the download was deleted.'),
          { cause: e }
        )
      }
    }
    return {
      checksumsPath: path.join(root, ...listing.path.split('/')),
      statementPath: path.join(root, ...(statements[0] as PlannedEntry).path.split('/')),
      hasFiles: [...check.planned.keys()].some(
        (p) => p === ARTIFACT_FILES_DIR || p.startsWith(`${ARTIFACT_FILES_DIR}/`)
      )
    }
  } finally {
    zip.close()
  }
}

function isBundlePath(p: string, base: string, directory: boolean): boolean {
  if (p === ARTIFACT_SEAL_DIR) return directory
  return (
    p.startsWith(`${ARTIFACT_SEAL_DIR}/`) &&
    isBundleEntry(p.slice(ARTIFACT_SEAL_DIR.length + 1), base, directory)
  )
}

async function readSmall(zip: ZipFile, entry: ZipEntry, context: UnpackContext): Promise<string> {
  if (entry.size > MAX_LISTING_BYTES)
    throw new SealError(
      'tampered',
      `${context.inputName}: the listing in ${context.label} is ${entry.size} bytes, larger than any seal ` +
        'writes. Do not deploy from it.'
    )
  const chunks: Buffer[] = []
  for await (const chunk of zip.content(entry)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
