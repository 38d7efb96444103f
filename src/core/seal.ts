import * as fs from 'node:fs'
import * as path from 'node:path'
import { type Digest, digestFromHex, hexOf } from './digest.js'
import { SealError, quote } from './errors.js'
import { type HashOptions, type HashedFiles, HashPool, hashFiles } from './hashing/hash-files.js'
import { type ListingEntry, digestOfListing, formatListing, parseListing } from './listing.js'
import { type BuildContext, type Statement, buildStatement, statementSubject } from './statement.js'
import type { SubjectPatterns } from './subject/patterns.js'
import { type ResolvedFiles, namesOneFile, resolveFiles } from './subject/resolve-files.js'

/** What to seal: exactly one of the three kinds of subject. */
export type SubjectSpec =
  | {
      readonly kind: 'paths'
      readonly patterns: SubjectPatterns
      readonly baseDir: string
      readonly root?: string
      readonly skipDirs?: readonly string[]
      readonly inputName: string
    }
  | { readonly kind: 'digest'; readonly digest: Digest; readonly name: string }
  | { readonly kind: 'checksums'; readonly file: string; readonly inputName: string }

export type SubjectKind = 'file' | 'directory' | 'files' | 'digest' | 'checksums'

/** One sealed file, in listing order. `size` is null when only the listing was given. */
export interface SealedFile extends ListingEntry {
  readonly size: number | null
}

export interface SealedArtifact {
  readonly name: string
  readonly digest: Digest
  readonly kind: SubjectKind
  /** The directory listing paths are relative to; null when no files were read. */
  readonly root: string | null
  readonly files: readonly SealedFile[]
  /** Total bytes; null when the files were not read (digest or checksums subjects). */
  readonly size: number | null
  readonly listing: string
  readonly statement: Statement
}

export interface SealOptions extends Omit<HashOptions, 'pool'> {
  /** Worker threads that help hash many files; default: one per spare core, up to 3. */
  readonly workers?: number
  /** Called once the files are known, before any is read. */
  readonly onResolved?: (fileCount: number, root: string) => void
  /** The artifact's name; derived from the subject when absent. */
  readonly name?: string
  /** Used for the name when the subject suggests none (several files, a listing). */
  readonly fallbackName: string
  readonly build: BuildContext
}

/** Reads, digests and describes the subject; writes nothing. */
export async function sealSubject(subject: SubjectSpec, options: SealOptions): Promise<SealedArtifact> {
  if (subject.kind === 'digest') {
    const files = [{ path: subject.name, hex: hexOf(subject.digest), size: null }]
    const name = options.name || subject.name
    return finish(name, subject.digest, 'digest', null, files, formatListing(files), false, options.build)
  }

  if (subject.kind === 'checksums') {
    const text = readListingFile(subject.file, subject.inputName)
    const entries = parseListing(text, subject.file)
    const listing = formatListing(entries)
    const files = entries.map((e) => ({ ...e, size: null }))
    return finish(options.name || options.fallbackName, digestOfListing(listing), 'checksums', null, files, listing, true, options.build)
  }

  // Started first so that the workers boot while the main thread lists the files.
  const pool = HashPool.start(namesOneFile(subject) ? 0 : options.workers)
  let hashed: HashedFiles
  let resolved: ResolvedFiles
  try {
    resolved = resolveFiles(subject)
    options.onResolved?.(resolved.absolutePaths.length, resolved.root)
    hashed = await hashFiles(resolved.absolutePaths, { ...options, pool })
  } finally {
    pool.close()
  }
  const allHex = Buffer.from(hashed.digests.buffer, 0, resolved.relativePaths.length * 32).toString('hex')
  const files: SealedFile[] = resolved.relativePaths.map((relativePath, i) => ({
    path: relativePath,
    hex: allHex.slice(i * 64, i * 64 + 64),
    size: hashed.sizes[i] as number
  }))
  const listing = formatListing(files)
  const isSingleFile = resolved.kind === 'file'
  const digest = isSingleFile ? digestFromHex((files[0] as SealedFile).hex) : digestOfListing(listing)
  const defaultName =
    resolved.kind === 'file'
      ? path.basename(resolved.absolutePaths[0] as string)
      : resolved.kind === 'directory'
        ? path.basename(resolved.root)
        : options.fallbackName
  return finish(options.name || defaultName, digest, resolved.kind, resolved.root, files, listing, !isSingleFile, options.build)
}

function finish(
  name: string,
  digest: Digest,
  kind: SubjectKind,
  root: string | null,
  files: readonly SealedFile[],
  listing: string,
  isTree: boolean,
  build: BuildContext
): SealedArtifact {
  const size = kind === 'digest' || kind === 'checksums' ? null : files.reduce((sum, f) => sum + (f.size ?? 0), 0)
  const statement = buildStatement([statementSubject(name, digest, isTree)], build)
  return { name, digest, kind, root, files, size, listing, statement }
}

function readListingFile(file: string, inputName: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const why = e.code === 'ENOENT' ? 'it does not exist' : e.code === 'EISDIR' ? 'it is a directory' : (e.code ?? e.message)
    throw new SealError(`${inputName}: cannot read ${quote(file)}: ${why}. Give the path of a file in sha256sum format.`)
  }
}
