import * as fs from 'node:fs'
import * as path from 'node:path'
import { type Digest, digestFromHex, hexOf } from './digest.js'
import { SealError, quote } from './errors.js'
import {
  type HashOptions,
  type HashedFiles,
  HashPool,
  HashQueue,
  hashFiles
} from './hashing/hash-files.js'
import { type FileSummary, summarizeFiles } from './file-summary.js'
import {
  digestOfListing,
  formatListing,
  listingFromDigests,
  listingFromPathBytes,
  parseListing
} from './listing.js'
import {
  type BuildContext,
  type Statement,
  type StatementSubject,
  buildStatement,
  digestOnlySubject,
  statementSubject
} from './statement.js'
import { MODES_ANNOTATION, formatModes, modesDigest, readModes } from './modes.js'
import type { SubjectPatterns } from './subject/patterns.js'
import {
  type ResolvedFiles,
  namesOneFile,
  resolveFiles,
  rootBeforeWalk
} from './subject/resolve-files.js'

/** What to seal: exactly one of the three kinds of subject. */
export type SubjectSpec =
  | {
      readonly kind: 'paths'
      readonly patterns: SubjectPatterns
      readonly baseDir: string
      readonly root?: string
      readonly skipDirs?: readonly string[]
      readonly inputName: string
      readonly unusedExclusions?: 'error' | 'allow' | 'warn'
      /** `leave-out`: hidden and secret-looking files found by a walk are not sealed (resolve-files.ts). */
      readonly hidden?: 'include' | 'leave-out'
    }
  | { readonly kind: 'digest'; readonly digest: Digest; readonly name: string }
  | { readonly kind: 'checksums'; readonly file: string; readonly inputName: string }

export type SubjectKind = 'file' | 'directory' | 'files' | 'digest' | 'checksums'

export interface SealedArtifact {
  readonly name: string
  readonly digest: Digest
  readonly kind: SubjectKind
  /** The directory listing paths are relative to; null when no files were read. */
  readonly root: string | null
  /** Files sealed: lines in the listing. */
  readonly fileCount: number
  /** Total bytes; null when the files were not read (digest or checksums subjects). */
  readonly size: number | null
  /** Where the bytes are; null when the files were not read. */
  readonly summary: FileSummary | null
  /** The checksums listing, as written to the seal bundle. */
  readonly listing: Buffer
  readonly statement: Statement
  /** Hidden and secret-looking entries the walk left out, relative to the base directory (a directory ends in `/`). */
  readonly leftOut?: readonly string[]
  /** Exclusions that matched nothing, when the subject asked to be warned rather than refused. */
  readonly unusedExclusions?: readonly string[]
  /**
   * The file modes (modes.ts) as written beside the listing, when files were read; their digest is
   * in the statement.
   */
  readonly modes?: Buffer | null
}

export interface SealOptions extends HashOptions {
  /** Worker threads that help hash many files; default: one per spare core, up to 3. */
  readonly workers?: number
  /**
   * Workers the caller started before its own first steps (startHashPool), so that they boot
   * meanwhile; used for this seal's files and closed when it ends, whatever the subject.
   */
  readonly pool?: HashPool
  /** Called once the walk has found every file (hashing has started by then). */
  readonly onResolved?: (fileCount: number, root: string) => void
  /** The artifact's name; derived from the subject when absent. */
  readonly name?: string
  /** Used for the name when the subject suggests none (several files, a listing). */
  readonly fallbackName: string
  readonly build: BuildContext
}

/**
 * Starts the workers that will hash a subject of many files, when it is one: a caller that has
 * other steps before sealSubject starts them first and hands them on (SealOptions.pool).
 */
export function startHashPool(subject: SubjectSpec, workers?: number): HashPool | null {
  return subject.kind === 'paths' && !namesOneFile(subject) ? HashPool.start(workers) : null
}

/** Reads, digests and describes the subject; writes nothing. */
export async function sealSubject(
  subject: SubjectSpec,
  options: SealOptions
): Promise<SealedArtifact> {
  try {
    return await sealWithPool(subject, options)
  } finally {
    options.pool?.close()
  }
}

async function sealWithPool(subject: SubjectSpec, options: SealOptions): Promise<SealedArtifact> {
  if (subject.kind === 'digest') {
    const name = options.name || subject.name
    const listing = Buffer.from(formatListing([{ path: subject.name, hex: hexOf(subject.digest) }]))
    const artifact = {
      name,
      digest: subject.digest,
      kind: 'digest' as const,
      root: null,
      fileCount: 1,
      size: null,
      summary: null,
      listing
    }
    return {
      ...artifact,
      statement: buildStatement([digestOnlySubject(name, subject.digest)], options.build)
    }
  }

  if (subject.kind === 'checksums') {
    const entries = parseListing(readListingFile(subject.file, subject.inputName), subject.file)
    const listing = Buffer.from(formatListing(entries))
    const name = options.name || options.fallbackName
    const fileCount = entries.length
    return describe(
      {
        name,
        digest: digestOfListing(listing),
        kind: 'checksums',
        root: null,
        fileCount,
        size: null,
        summary: null,
        listing
      },
      true,
      options.build
    )
  }

  let resolved: ResolvedFiles
  let hashed: HashedFiles
  let linesRoot: string | null = null
  if (namesOneFile(subject)) {
    resolved = resolveFiles(subject)
    options.onResolved?.(1, resolved.root)
    hashed = await hashFiles(resolved.absolutePaths, options)
  } else {
    // The workers boot while the main thread starts the walk, then hash each file the
    // walk adds to the queue while the walk goes on.
    const pool = options.pool ?? HashPool.start(options.workers)
    try {
      // With the root known before the walk, the hashing threads write the listing's lines.
      linesRoot = path.sep === '/' ? rootBeforeWalk(subject) : null
      const queue = new HashQueue(
        pool,
        linesRoot === null
          ? options
          : { ...options, linePrefix: Buffer.byteLength(withSep(linesRoot)) }
      )
      resolved = resolveFiles({ ...subject, onFile: (abs) => queue.add(abs) })
      options.onResolved?.(resolved.absolutePaths.length, resolved.root)
      hashed = await queue.finish()
    } finally {
      pool.close()
    }
  }
  const { kind, root, relativePaths, absolutePaths, order } = resolved
  const listing = listingOf(resolved, hashed, linesRoot)
  const isSingleFile = kind === 'file'
  const digest = isSingleFile
    ? digestFromHex(Buffer.from(hashed.digests.subarray(0, 32)).toString('hex'))
    : digestOfListing(listing)
  const defaultName =
    kind === 'file'
      ? path.basename(absolutePaths[0] as string)
      : kind === 'directory'
        ? path.basename(root)
        : options.fallbackName
  const summary = summarizeFiles(relativePaths, hashed.sizes, order)
  const size = summary.topLevel.reduce((sum, group) => sum + group.size, 0)
  const described = describe(
    {
      name: options.name || defaultName,
      digest,
      kind,
      root,
      fileCount: relativePaths.length,
      size,
      summary,
      listing
    },
    !isSingleFile,
    options.build
  )
  const modes = formatModes(readModes(root, relativePaths, resolved.links, hashed.modes))
  const [sealedSubject, ...others] = described.statement.subject
  const annotated = {
    ...(sealedSubject as StatementSubject),
    annotations: {
      ...sealedSubject?.annotations,
      [MODES_ANNOTATION]: { digest: modesDigest(modes) }
    }
  }
  return {
    ...described,
    statement: { ...described.statement, subject: [annotated, ...others] },
    modes,
    leftOut: resolved.leftOut,
    unusedExclusions: resolved.unusedExclusions
  }
}

/** The listing of every file under a directory, as a seal of it writes it: for checking copies against a seal. */
export async function listDirectory(
  dir: string,
  inputName: string,
  options: Pick<SealOptions, 'workers'> = {}
): Promise<Buffer> {
  const build: BuildContext = {
    kind: 'local',
    build: { tool: 'pkg:npm/artifact-seal', host: '', startedOn: '' }
  }
  const subject: SubjectSpec = {
    kind: 'paths',
    patterns: { include: [dir], exclude: [] },
    baseDir: dir,
    root: dir,
    inputName
  }
  return (await sealSubject(subject, { ...options, fallbackName: 'files', build })).listing
}

/**
 * The listing, the cheapest way the paths allow: as the hashing threads wrote it, when they
 * wrote every line (each path is the root they were given and then its listing path) and
 * the walk found the files in listing order; else from the paths' bytes as queued, reordered;
 * else from the relative paths' strings.
 */
function listingOf(resolved: ResolvedFiles, hashed: HashedFiles, linesRoot: string | null): Buffer {
  const { root, relativePaths, order, relativeIsSuffix } = resolved
  if (hashed.lines && relativeIsSuffix && root === linesRoot && isIdentity(order))
    return hashed.lines
  if (hashed.queued && relativeIsSuffix) {
    const prefixLength = Buffer.byteLength(withSep(root))
    return listingFromPathBytes({ ...hashed.queued, prefixLength }, hashed.digests, order)
  }
  return listingFromDigests(relativePaths, hashed.digests, order)
}

function isIdentity(order: ArrayLike<number>): boolean {
  for (let i = 0; i < order.length; i++) if (order[i] !== i) return false
  return true
}

const withSep = (dir: string): string => (dir.endsWith(path.sep) ? dir : dir + path.sep)

/** Adds the statement: one subject for the whole artifact. */
function describe(
  artifact: Omit<SealedArtifact, 'statement'>,
  isTree: boolean,
  build: BuildContext
): SealedArtifact {
  return {
    ...artifact,
    statement: buildStatement([statementSubject(artifact.name, artifact.digest, isTree)], build)
  }
}

function readListingFile(file: string, inputName: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const why =
      e.code === 'ENOENT'
        ? 'it does not exist'
        : e.code === 'EISDIR'
          ? 'it is a directory'
          : (e.code ?? e.message)
    throw new SealError(
      'unreadable',
      `${inputName}: cannot read ${quote(file)}: ${why}. Give the path of a file in sha256sum format.`
    )
  }
}
