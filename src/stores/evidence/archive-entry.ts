import { SealError, quote } from '../../core/errors.js'

/**
 * What an archive (a cache entry's tar, a workflow artifact's zip) says about one entry,
 * read from its headers before any byte of it is written, and the rules every entry must
 * pass before anything is extracted. The rules are one list for both carriers, so a tar
 * and a zip are refused for the same things with the same words.
 */

export type EntryKind = 'file' | 'directory' | 'symlink' | 'hardlink' | 'device' | 'fifo' | 'other'

export interface ArchiveEntry {
  /** The name as stored, decoded as UTF-8; directories may end in `/`. */
  readonly name: string
  readonly kind: EntryKind
  /** Bytes of content once extracted. */
  readonly size: number
  /** Where a link points, as stored. */
  readonly linkTarget: string | null
  /** Any execute bit in the stored mode: kept on extraction, as tar keeps it. */
  readonly executable: boolean
  /**
   * Why the reader itself cannot take the entry (a name that is not UTF-8, two names, encryption);
   * null when it can.
   */
  readonly problem: string | null
}

/** One entry refused, and why, for the log and the error. */
export interface Refusal {
  readonly name: string
  readonly reason: string
}

/**
 * Why a name cannot be written under a directory as it stands, or null. Absolute paths,
 * drive letters, `..`, `.`, empty segments, backslashes (a separator on Windows) and line
 * breaks (a listing cannot hold them) are refused outright, never rewritten: an archive
 * a seal made never holds them, so one that does was made by someone else.
 */
export function nameProblem(name: string): string | null {
  if (name === '') return 'an empty name'
  if (name.includes('\0')) return 'a NUL byte in its name'
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name))
    return 'an absolute path'
  if (name.includes('\\')) return 'a backslash in its name (a separator on Windows)'
  if (/[\r\n]/.test(name)) return 'a line break in its name'
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/')
  if (segments.includes('..')) return 'a ".." segment'
  if (segments.includes('.')) return 'a "." segment'
  if (segments.includes('')) return 'an empty segment'
  return null
}

/** What a seal never puts in an archive: anything but files and directories. */
export function kindProblem(entry: ArchiveEntry): string | null {
  switch (entry.kind) {
    case 'file':
    case 'directory':
      return null
    case 'symlink':
      return `a symbolic link${target(entry)}`
    case 'hardlink':
      return `a hard link${target(entry)}`
    case 'device':
      return 'a device'
    case 'fifo':
      return 'a FIFO'
    default:
      return 'an entry that is neither a file nor a directory'
  }
}

function target(entry: ArchiveEntry): string {
  return entry.linkTarget === null ? '' : ` to ${quote(entry.linkTarget)}`
}

/** An entry that passed the rules, by its path inside the carrier's layout. */
export interface PlannedEntry {
  /** Its position among the archive's entries, so extraction meets it again in the same place. */
  readonly index: number
  /** Its path relative to the carrier's root, `/`-separated, without a trailing `/`. */
  readonly path: string
  readonly entry: ArchiveEntry
}

export interface EntryCheck {
  /** Files and directories by their path in the carrier; only these may be extracted. */
  readonly planned: Map<string, PlannedEntry>
  readonly refusals: Refusal[]
}

/**
 * Applies the rules to every entry: each must lie under `prefix` (the directory the archive
 * was made from, as its names spell it; '' for none), name a safe path below it, be a file
 * or a directory, appear once, and not be a file where another entry needs a directory.
 */
export function checkEntries(entries: readonly ArchiveEntry[], prefix: string): EntryCheck {
  const planned = new Map<string, PlannedEntry>()
  const refusals: Refusal[] = []
  const refuse = (entry: ArchiveEntry, reason: string): void => {
    refusals.push({ name: entry.name, reason })
  }
  entries.forEach((entry, index) => {
    if (entry.problem !== null) return refuse(entry, entry.problem)
    let rest = entry.name
    if (prefix !== '') {
      if (rest === prefix || rest === `${prefix}/`) rest = ''
      else if (rest.startsWith(`${prefix}/`)) rest = rest.slice(prefix.length + 1)
      else
        return refuse(
          entry,
          nameProblem(entry.name) ??
            `outside ${quote(prefix)}, the directory the archive was made from`
        )
    }
    const kind = kindProblem(entry)
    if (rest === '' && prefix !== '')
      return kind === null && entry.kind === 'directory'
        ? undefined
        : refuse(entry, kind ?? 'a file where the archive’s own directory should be')
    const problem = nameProblem(rest)
    if (problem !== null) return refuse(entry, problem)
    if (kind !== null) return refuse(entry, kind)
    if (entry.kind === 'directory' && entry.size !== 0)
      return refuse(entry, 'a directory with content')
    const path = rest.endsWith('/') ? rest.slice(0, -1) : rest
    if (entry.name.endsWith('/') && entry.kind !== 'directory')
      return refuse(entry, 'a file whose name ends in "/"')
    if (planned.has(path)) return refuse(entry, 'a second entry of the same name')
    planned.set(path, { index, path, entry })
  })
  // A file that is also a directory on the way to another entry cannot be both.
  for (const { path } of planned.values()) {
    const segments = path.split('/')
    for (let i = 1; i < segments.length; i++) {
      const parent = planned.get(segments.slice(0, i).join('/'))
      if (parent !== undefined && parent.entry.kind !== 'directory') {
        refusals.push({
          name: parent.entry.name,
          reason: `a file where ${quote(path)} needs a directory`
        })
        planned.delete(parent.path)
      }
    }
  }
  return { planned, refusals }
}

/**
 * Entries under `filesDir/` must be the sealed listing's files or the directories that hold
 * them; `others` says which paths outside it the carrier's layout has. Adds a refusal for
 * every other entry and returns the sealed files the archive lacks.
 */
export function checkAgainstListing(
  check: EntryCheck,
  filesDir: string,
  listed: ReadonlySet<string>,
  others: (path: string, entry: ArchiveEntry) => boolean
): { missing: string[] } {
  const directories = new Set<string>([filesDir])
  for (const p of listed) {
    const segments = p.split('/')
    for (let i = 1; i < segments.length; i++)
      directories.add(`${filesDir}/${segments.slice(0, i).join('/')}`)
  }
  const present = new Set<string>()
  for (const planned of [...check.planned.values()]) {
    const { path, entry } = planned
    const inFiles = path.startsWith(`${filesDir}/`)
    const allowed =
      entry.kind === 'directory'
        ? directories.has(path) || (!inFiles && path !== filesDir && others(path, entry))
        : inFiles
          ? listed.has(path.slice(filesDir.length + 1))
          : others(path, entry)
    if (!allowed) {
      check.refusals.push({
        name: entry.name,
        reason:
          inFiles && entry.kind === 'file'
            ? 'not in the sealed listing'
            : 'not part of what a seal puts there'
      })
      check.planned.delete(path)
    } else if (inFiles && entry.kind === 'file') {
      present.add(path.slice(filesDir.length + 1))
    }
  }
  return { missing: [...listed].filter((p) => !present.has(p)).sort() }
}

const MAX_NAMED = 20

/**
 * An archive refused before anything was extracted: a `refused` SealError naming each entry
 * that broke a rule and why (`details.refusals`). The download is deleted before it is thrown.
 */
export function unsafeArchive(
  refusals: readonly Refusal[],
  opening: string,
  fix: string
): SealError {
  const lines = refusals.slice(0, MAX_NAMED).map((r) => `  ${quote(r.name)}: ${r.reason}`)
  if (refusals.length > MAX_NAMED) lines.push(`  … and ${refusals.length - MAX_NAMED} more`)
  return new SealError(
    'refused',
    `${opening} before extracting anything: ${describeCount(refusals.length)} not what a seal puts ` +
      `there:\n${lines.join('\n')}\nNothing was extracted, and the download was ` +
      `deleted. ${fix}`,
    { details: { refusals } }
  )
}

function describeCount(n: number): string {
  return n === 1 ? '1 entry is' : `${n} entries are`
}
