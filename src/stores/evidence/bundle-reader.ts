import * as fs from 'node:fs'
import { messageOf, type SealError } from '../../core/errors.js'
import { type ListingEntry, parseListing } from '../../core/listing.js'
import { contractBeside, sigstoreBundleBeside, statementBeside } from './seal-bundle.js'

/**
 * The one reading of a seal bundle on disk, found by its listing (`<name>.sha256`): the
 * listing, and the statement, the signed statement and the contract manifest a seal writes
 * beside it. It reads and parses, and judges nothing: whether a statement is about the
 * digest, a signature acceptable or a manifest tied to the sealed files is the use case's
 * call. A file a bundle may lack is null when it is not there; any other failure to read is
 * the SealError `unreadable` makes of why ("it does not exist", "it is a directory", or the
 * system's code), so each use case says what to do about it in its own words.
 */

/** Makes the error for a file that cannot be read, from why and which file. */
export type Unreadable = (why: string, file: string) => SealError

/**
 * A JSON file of the bundle as read: its text, and what it parses to (undefined, with the parser's
 * complaint, when it is not JSON).
 */
export interface BundleDocument {
  readonly file: string
  readonly text: string
  readonly json: unknown
  readonly notJson: string | null
}

/** Why a file could not be read, in words a message can carry. */
export function whyUnreadable(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  if (e?.code === 'ENOENT') return 'it does not exist'
  if (e?.code === 'EISDIR') return 'it is a directory'
  return e?.code ?? messageOf(error)
}

/** The checksums listing, parsed (a SealError naming the line when it is not one). */
export function readListing(file: string, unreadable: Unreadable): ListingEntry[] {
  return parseListing(readText(file, unreadable), file)
}

/** The statement the seal wrote beside the listing (`<name>.intoto.json`); null when there is none. */
export function readStatementBeside(
  checksumsFile: string,
  unreadable: Unreadable
): BundleDocument | null {
  const file = statementBeside(checksumsFile)
  return file === null ? null : readDocument(file, unreadable)
}

/** A statement at a known path (a downloaded bundle's); null when it is not there. */
export function readStatement(file: string, unreadable: Unreadable): BundleDocument | null {
  return readDocument(file, unreadable)
}

/** The signed statement beside the listing (`<name>.sigstore.json`); null when the seal is not signed. */
export function readSigstoreBundleBeside(
  checksumsFile: string,
  unreadable: Unreadable
): BundleDocument | null {
  const file = sigstoreBundleBeside(checksumsFile)
  return file === null ? null : readDocument(file, unreadable)
}

/**
 * The contract manifest beside the listing (`<name>.contract.json`) when there is one; null when
 * the seal has no contract.
 */
export function contractManifestBeside(checksumsFile: string): string | null {
  const file = contractBeside(checksumsFile)
  return file !== null && fs.existsSync(file) ? file : null
}

/** Whether a bundle file of this listing's kind can be beside it: a listing named `<name>.sha256`. */
export function hasBundleBeside(checksumsFile: string): boolean {
  return contractBeside(checksumsFile) !== null
}

function readDocument(file: string, unreadable: Unreadable): BundleDocument | null {
  const text = readTextIfAny(file, unreadable)
  if (text === null) return null
  try {
    return { file, text, json: JSON.parse(text) as unknown, notJson: null }
  } catch (error) {
    return { file, text, json: undefined, notJson: (error as Error).message }
  }
}

/** A bundle file's text (a listing, a contract manifest); any failure to read it is `unreadable`'s. */
export function readText(file: string, unreadable: Unreadable): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw unreadable(whyUnreadable(error), file)
  }
}

/** The same for a file that may be absent (a statement, a checkpoint): null when there is none. */
export function readTextIfAny(file: string, unreadable: Unreadable): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw unreadable(whyUnreadable(error), file)
  }
}

/**
 * The listings (`*.sha256`) in a directory a user gave for a seal bundle, sorted; null when the
 * path is no directory.
 */
export function listingsIn(dir: string, unreadable: Unreadable): string[] | null {
  let isDirectory = false
  try {
    isDirectory = fs.statSync(dir).isDirectory()
  } catch {
    // Not there, or not to be looked into: the caller reads it as a listing and says why that fails.
  }
  if (!isDirectory) return null
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.name.endsWith('.sha256') && !e.isDirectory())
      .map((e) => e.name)
      .sort()
  } catch (error) {
    throw unreadable(whyUnreadable(error), dir)
  }
}
