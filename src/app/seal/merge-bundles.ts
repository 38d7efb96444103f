import * as fs from 'node:fs'
import * as path from 'node:path'
import { type Digest, digestFromHex } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import {
  type ListingDigestKind,
  type ListingEntry,
  describesListing,
  digestOfListing,
  formatListing
} from '../../core/listing.js'
import {
  type MergedPartDigest,
  checkPartName,
  mergeListings,
  mergedStatement,
  partDigest
} from '../../core/merge.js'
import type { SealedArtifact } from '../../core/seal.js'
import { type BuildContext, STATEMENT_TYPE } from '../../core/statement.js'
import { LocalDirectoryStore } from '../../stores/evidence/local-directory.js'
import { type SealBundleLocation, bundleFileNames } from '../../stores/evidence/seal-bundle.js'
import {
  listingsIn,
  readListing,
  readStatementBeside
} from '../../stores/evidence/bundle-reader.js'
import type { BundleFinisher, MergePartSource } from './types.js'

export interface MergeOptions {
  /** The merged artifact's name; the bundle's files are `<name>.sha256` and `<name>.intoto.json`. */
  readonly name: string
  readonly build: BuildContext
  /** Where the merged bundle is written. */
  readonly outputDir: string
  /** Names the input or argument that gave the parts, for error messages. */
  readonly inputName: string
  /** Names the input or option that set `outputDir`, for error messages; default: `inputName`. */
  readonly outputInputName?: string
  /** Digests the parts must have, by part name (see parsePartDigests); each name must be a part's. */
  readonly expectedDigests?: ReadonlyMap<string, Digest>
  /** Names the input or option that gave `expectedDigests`, for error messages; default: `inputName`. */
  readonly expectedDigestsInputName?: string
  /** Signs the merged statement before anything is written. */
  readonly finish?: BundleFinisher
}

/** One merged part: its name, the digest its seal gave, and where its bundle was read. */
export interface MergedPart {
  readonly name: string
  readonly digest: Digest
  /** `file` when the part is a single-file seal (its digest is the file's sha256), else `tree`. */
  readonly kind: ListingDigestKind
  readonly fileCount: number
  readonly checksumsFile: string
  /** The statement checked against the listing; null when the bundle had none. */
  readonly statementFile: string | null
}

export interface MergeResult {
  readonly artifact: SealedArtifact
  readonly bundle: SealBundleLocation
  readonly parts: readonly MergedPart[]
}

/**
 * Merges the seal bundles of several parts (the legs of a matrix build) into one release
 * seal whose digest covers them all, and writes its bundle. Every part's listing is
 * checked against its own statement and against the expected digest when one is given,
 * before anything is written.
 */
export async function mergeSealBundles(
  parts: readonly MergePartSource[],
  options: MergeOptions
): Promise<MergeResult> {
  const { inputName } = options
  if (parts.length === 0)
    throw new SealError(
      'bad-input',
      `${inputName}: no parts given. Give the seal bundle (its .sha256 listing) of each part to merge.`
    )
  const read = withExpectedDigests(parts, options).map((source) => readPart(source, inputName))
  const seen = new Map<string, string>()
  for (const part of read) {
    const earlier = seen.get(part.name)
    if (earlier !== undefined) {
      throw new SealError(
        'bad-input',
        `${inputName}: the part name ${quote(part.name)} is given to both ${quote(earlier)} and ${quote(part.checksumsFile)}. ` +
          `Give each part its own name, as "<name>=<listing>".`
      )
    }
    seen.set(part.name, part.checksumsFile)
  }

  const names = bundleFileNames(options.name)
  const outputs = [
    path.resolve(options.outputDir, names.checksums),
    path.resolve(options.outputDir, names.statement)
  ]
  for (const part of read) {
    const inputs = [
      part.checksumsFile,
      ...(part.statementFile === null ? [] : [part.statementFile])
    ].map((f) => path.resolve(f))
    const clash = outputs.find((o) => inputs.includes(o))
    if (clash !== undefined) {
      throw new SealError(
        'bad-input',
        `${options.outputInputName ?? inputName}: the merged bundle would overwrite ${quote(clash)}, part ${quote(part.name)}'s own bundle. ` +
          `Give the merged seal another name or another output directory.`
      )
    }
  }

  const merged = mergeListings(read.map((part) => ({ name: part.name, entries: part.entries })))
  const recorded: MergedPartDigest[] = read.map((part) => ({
    name: part.name,
    digest: part.digest,
    kind: part.kind
  }))
  const artifact: SealedArtifact = {
    name: options.name,
    digest: merged.digest,
    kind: 'checksums',
    root: null,
    fileCount: merged.fileCount,
    size: null,
    summary: null,
    listing: merged.listing,
    statement: mergedStatement(options.name, merged.digest, recorded, options.build)
  }
  const finished = options.finish ? await options.finish(artifact) : { artifact, extras: {} }
  const bundle = await new LocalDirectoryStore(
    options.outputDir,
    options.outputInputName ?? inputName
  ).putSealBundle(finished.artifact, finished.extras)
  return {
    artifact: finished.artifact,
    bundle,
    parts: read.map(({ name, digest, kind, entries, checksumsFile, statementFile }) => ({
      name,
      digest,
      kind,
      fileCount: entries.length,
      checksumsFile,
      statementFile
    }))
  }
}

/** Splits a line of `subject-parts` as merge-bundles.ts does: `NAME=REST` when NAME holds no "/". */
export function splitPartLine(line: string): { name?: string; given: string } {
  const eq = line.indexOf('=')
  return eq !== -1 && !line.slice(0, eq).includes('/')
    ? { name: line.slice(0, eq), given: line.slice(eq + 1) }
    : { given: line }
}

/** Whether a part line's source is on disk (a listing or a bundle directory): else it names a workflow artifact. */
export function isOnDisk(given: string, baseDir: string): boolean {
  return fs.existsSync(path.resolve(baseDir, given))
}

/**
 * Reads one part as a user writes it (a CLI argument, a line of an action input):
 * `NAME=PATH` when the text before the first "=" holds no "/" (write "./a=b" for a path
 * with "=" in it), else a path. PATH is a listing, or a directory holding exactly one
 * `*.sha256` listing (a seal bundle's directory). Relative paths are taken from `baseDir`.
 */
export function partSourceFromArgument(
  arg: string,
  baseDir: string,
  inputName: string
): MergePartSource {
  const eq = arg.indexOf('=')
  const named = eq !== -1 && !arg.slice(0, eq).includes('/')
  const name = named ? arg.slice(0, eq) : undefined
  const given = named ? arg.slice(eq + 1) : arg
  if (name === '')
    throw new SealError(
      'bad-input',
      `${inputName}: ${quote(arg)} has an empty name before "=". Write "<name>=<listing>", or leave out the "=".`
    )
  if (given === '')
    throw new SealError(
      'bad-input',
      `${inputName}: ${quote(arg)} names no listing after "=". Write "<name>=<listing>" with the part's ` +
        '.sha256 file or bundle directory.'
    )
  const abs = path.resolve(baseDir, given)
  // A missing file is reported by the merge, which names the part.
  const listings = listingsIn(
    abs,
    (why) =>
      new SealError(
        'unreadable',
        `${inputName}: cannot read the directory ${quote(arg)} (${why}). Give a readable seal bundle directory.`
      )
  )
  const checksumsFile =
    listings === null ? abs : onlyListingIn(abs, listings, given, arg, inputName)
  return name === undefined ? { checksumsFile } : { name, checksumsFile }
}

function onlyListingIn(
  dir: string,
  listings: readonly string[],
  given: string,
  arg: string,
  inputName: string
): string {
  const only = listings[0]
  if (only === undefined) {
    throw new SealError(
      'bad-input',
      `${inputName}: the directory ${quote(arg)} holds no *.sha256 listing. Give the directory a seal wrote ` +
        'its bundle to, or the listing itself.'
    )
  }
  if (listings.length > 1) {
    throw new SealError(
      'bad-input',
      `${inputName}: the directory ${quote(arg)} holds ${listings.length} listings ` +
        `(${listings.map(quote).join(', ')}). ` +
        `Give the one to merge: "<name>=${path.join(given, only)}".`
    )
  }
  return path.join(dir, only)
}

/** Gives each part the digest `expectedDigests` holds for its name; a name no part has is an error. */
function withExpectedDigests(
  parts: readonly MergePartSource[],
  options: MergeOptions
): MergePartSource[] {
  const expected = options.expectedDigests
  if (expected === undefined || expected.size === 0) return [...parts]
  const where = options.expectedDigestsInputName ?? options.inputName
  const named = parts.map((source) => ({
    source,
    name: source.name ?? defaultPartName(source.checksumsFile)
  }))
  for (const name of expected.keys()) {
    if (!named.some((p) => p.name === name)) {
      const known = named.map((p) => p.name).filter((n): n is string => n !== null)
      throw new SealError(
        'bad-input',
        `${where}: there is no part ${quote(name)} (the parts are ${known.map(quote).join(', ') || 'unnamed'}). Give the digests of the parts being merged, by their names.`
      )
    }
  }
  return named.map(({ source, name }) => {
    const digest = name === null ? undefined : expected.get(name)
    if (name === null || digest === undefined) return source
    if (source.expectedDigest !== undefined && source.expectedDigest !== digest) {
      throw new SealError(
        'bad-input',
        `${where}: part ${quote(name)} is expected to have both ${source.expectedDigest} and ${digest}. Give ` +
          'one digest per part.'
      )
    }
    return { ...source, expectedDigest: digest }
  })
}

interface ReadPart {
  readonly name: string
  readonly entries: ListingEntry[]
  readonly digest: Digest
  readonly kind: ListingDigestKind
  readonly checksumsFile: string
  readonly statementFile: string | null
}

/** The part's name from its listing's file name: `linux.sha256` → `linux`. */
export function defaultPartName(checksumsFile: string): string | null {
  const base = path.basename(checksumsFile)
  return base.endsWith('.sha256') && base.length > '.sha256'.length
    ? base.slice(0, -'.sha256'.length)
    : null
}

function readPart(source: MergePartSource, inputName: string): ReadPart {
  const file = source.checksumsFile
  const name = source.name ?? defaultPartName(file)
  if (name === null) {
    throw new SealError(
      'bad-input',
      `${inputName}: cannot tell the part name of ${quote(file)}, which does not end in ".sha256". Name the ` +
        `part: "<name>=${file}".`
    )
  }
  checkPartName(name, `${inputName}: ${quote(file)}`)
  const entries = readListing(
    file,
    (why) =>
      new SealError(
        'unreadable',
        `${inputName}: cannot read the listing of part ${quote(name)}, ${quote(file)}: ${why}. Give the ` +
          `.sha256 listing the part's seal wrote (its checksums-path output).`
      )
  )
  const statement = partStatement(file, entries, name, inputName)
  let kind = statement?.kind ?? null
  let digest = statement?.digest ?? null

  if (source.expectedDigest !== undefined) {
    const expected = source.expectedDigest
    const describes = describesListing(entries, expected)
    if (describes === null || (digest !== null && digest !== expected)) {
      throw new SealError(
        'tampered',
        `${inputName}: part ${quote(name)} was expected to have the digest ${expected}, but ${quote(file)} is ` +
          `the listing of ${digest ?? listingDigests(entries)}. ` +
          (`The listing belongs to another seal or was changed after sealing; give the bundle the part's seal ` +
            'wrote together with that digest.')
      )
    }
    kind = describes
    digest = expected
  }
  kind ??= 'tree'
  return {
    name,
    entries,
    kind,
    digest: digest ?? partDigest(entries, kind),
    checksumsFile: file,
    statementFile: statement?.file ?? null
  }
}

/** The listing's digest, and for a one-line listing the file's digest too, for error messages. */
function listingDigests(entries: readonly ListingEntry[]): string {
  const tree = digestOfListing(formatListing(entries))
  const only = entries.length === 1 ? entries[0] : undefined
  return only === undefined ? tree : `${tree} (its one file: ${digestFromHex(only.hex)})`
}

/**
 * Reads `<name>.intoto.json` beside `<name>.sha256` and checks that it is about this
 * listing. A missing statement is allowed (null); an unreadable one, or one about another
 * digest, is an error.
 */
function partStatement(
  checksumsFile: string,
  entries: readonly ListingEntry[],
  name: string,
  inputName: string
): { file: string; digest: Digest; kind: ListingDigestKind } | null {
  const read = readStatementBeside(
    checksumsFile,
    (why, file) =>
      new SealError(
        'unreadable',
        `${inputName}: cannot read the statement of part ${quote(name)}, ${quote(file)} (${why}). Make it ` +
          'readable, or remove it to merge the listing alone.'
      )
  )
  if (read === null) return null
  const file = read.file
  const notAStatement = (why: string): SealError =>
    new SealError(
      'malformed',
      `${inputName}: ${quote(file)}, beside the listing of part ${quote(name)}, ${why}. ` +
        (`Give the statement the part's seal wrote (an in-toto Statement v1 with one subject), or remove it to ` +
          'merge the listing alone.')
    )
  if (read.notJson !== null) throw notAStatement(`is not JSON (${read.notJson})`)
  const statement = read.json as { _type?: unknown; subject?: unknown }
  if (statement === null || typeof statement !== 'object' || statement._type !== STATEMENT_TYPE) {
    throw notAStatement(`is not an in-toto statement (its _type is not ${quote(STATEMENT_TYPE)})`)
  }
  const subjects = statement.subject
  if (!Array.isArray(subjects) || subjects.length !== 1) {
    throw notAStatement(`has ${Array.isArray(subjects) ? subjects.length : 'no'} subjects`)
  }
  const subject = subjects[0] as {
    digest?: { sha256?: unknown; dirHash?: unknown; dirHash1?: unknown }
  } | null
  const sha256 = subject?.digest?.sha256
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
    throw notAStatement('has no sha256 digest for its subject')
  const digest = digestFromHex(sha256)
  const kind = describesListing(entries, digest)
  // Seals before 0.2 wrote the tree digest as dirHash1.
  const dirHash = subject?.digest?.dirHash ?? subject?.digest?.dirHash1
  if (kind === null || (dirHash !== undefined && (kind !== 'tree' || dirHash !== sha256))) {
    throw new SealError(
      'tampered',
      `${inputName}: the statement ${quote(file)} seals ${digest}${dirHash !== undefined && dirHash !== sha256 ? ` (dirHash ${String(dirHash)})` : ''}, ` +
        `but the listing of part ${quote(name)}, ${quote(checksumsFile)}, is the listing of ${listingDigests(entries)}. ` +
        ('The listing was changed after sealing or the two come from different seals; give the listing and the ' +
          'statement one seal wrote together.')
    )
  }
  return { file, digest, kind }
}
