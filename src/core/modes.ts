import * as fs from 'node:fs'
import * as path from 'node:path'
import { type Digest, sha256Digest } from './digest.js'
import { SealError, quote } from './errors.js'
import { checkListingPath, compareUtf8 } from './listing.js'
import { isRecord } from './json-shape.js'
import { leavesParent, toSlashes } from './paths.js'

/**
 * The file modes a seal records beside its listing (`<name>.modes.json`): which sealed files
 * are executable, and which paths are symbolic links and to where. The sha256sum listing
 * and the dirhash digest stay what they are (they follow links and know no modes); the
 * statement carries this file's digest (MODES_ANNOTATION), so a signed seal covers it.
 *
 *   {"executable":["bin/run.sh"],"links":{"current":"v2","bin/tool":"../libexec/tool"}}
 *
 * Paths are the listing's; a link's target is relative to the link's directory and stays
 * inside the artifact root. Carriers restore both after download, and verify compares them.
 */

export const MODES_ANNOTATION = 'artifact-seal.modes'

export interface FileModes {
  /** Listing paths of the files with an execute bit, sorted. */
  readonly executable: readonly string[]
  /** Link path (as the listing spells the paths through it) to its target, relative to the link's directory. */
  readonly links: Readonly<Record<string, string>>
}

/** One way to write the modes, so equal modes have one digest. */
export function formatModes(modes: FileModes): Buffer {
  const executable = [...modes.executable].sort(compareUtf8)
  const links = Object.fromEntries(
    Object.entries(modes.links).sort(([a], [b]) => compareUtf8(a, b))
  )
  return Buffer.from(`${JSON.stringify({ executable, links })}\n`)
}

export function modesDigest(bytes: Uint8Array): Digest {
  return sha256Digest(bytes)
}

/** Reads a modes file strictly: known keys only, listing-safe paths, link targets that stay inside the root. */
export function parseModes(text: string, what: string): FileModes {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new SealError(
      'tampered',
      `${what} is not JSON. It was changed after sealing: give the seal bundle as the seal wrote it.`
    )
  }
  const bad = (why: string): SealError =>
    new SealError(
      'tampered',
      `${what} is not a modes file a seal writes (${why}). Give the seal bundle as the seal wrote it.`
    )
  if (!isRecord(json)) throw bad('not an object')
  const { executable, links, ...rest } = json
  if (Object.keys(rest).length > 0)
    throw bad(`unknown key ${quote(Object.keys(rest)[0] as string)}`)
  if (!Array.isArray(executable) || !executable.every((p) => typeof p === 'string'))
    throw bad('"executable" is not a list of paths')
  if (!isRecord(links)) throw bad('"links" is not an object')
  for (const p of [...executable, ...Object.keys(links)]) checkListingPath(p as string, what)
  for (const [link, target] of Object.entries(links)) {
    if (typeof target !== 'string' || linkTargetPath(link, target) === null)
      throw bad(`the link ${quote(link)} points outside the artifact`)
  }
  return { executable: executable as string[], links: links as Record<string, string> }
}

/** Where a link's target lies from the root (`/`-separated), or null when it leaves the root or is absolute. */
export function linkTargetPath(link: string, target: string): string | null {
  if (target === '' || target.startsWith('/') || target.includes('\\') || target.includes('\0'))
    return null
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(link), target))
  return joined === '..' || joined.startsWith('../') || joined === '.' ? null : joined
}

/**
 * The modes of the files a seal read: `paths` are the listing's (relative to `root`),
 * `links` each link the walk followed, with its real target. A link is recorded when its
 * target is sealed too (a file in the listing, or a directory holding some), so the tree it
 * gives back is whole; otherwise the link stays a file, as the listing has it.
 * `fileModes` holds each path's mode as the hashing read it, through the descriptor it
 * hashed (hash-files.ts); without it each file is stat'ed here.
 */
export function readModes(
  root: string,
  paths: readonly string[],
  links: readonly { readonly link: string; readonly target: string }[],
  fileModes?: ArrayLike<number>
): FileModes {
  const executable: string[] = []
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i] as string
    // Both follow links, as open does: a link's execute bit is its target's.
    const mode = fileModes
      ? (fileModes[i] as number)
      : fs.statSync(path.join(root, ...rel.split('/'))).mode
    if ((mode & 0o111) !== 0) executable.push(rel)
  }
  const realRoot = links.length > 0 ? realOrSelf(root) : root
  const sealed = links.length > 0 ? pathsAndParents(paths) : null
  const recorded: Record<string, string> = {}
  for (const { link, target } of links) {
    const linkFromRoot = path.relative(root, link)
    const targetFromRoot = path.relative(realRoot, target)
    if (linkFromRoot === '' || leavesParent(linkFromRoot) || leavesParent(targetFromRoot)) continue
    const relLink = toSlashes(linkFromRoot)
    const relTarget = toSlashes(targetFromRoot)
    if (sealed?.has(relTarget) !== true) continue
    recorded[relLink] = path.posix.relative(path.posix.dirname(relLink), relTarget)
  }
  return { executable: executable.sort(compareUtf8), links: recorded }
}

/** What differs between the sealed modes and the modes found, one entry per path, in path order. */
export function diffModes(
  sealed: FileModes,
  found: FileModes
): { path: string; expected: string; actual: string }[] {
  const describe = (modes: FileModes, p: string, exec: ReadonlySet<string>): string =>
    modes.links[p] !== undefined
      ? `link to ${modes.links[p]}`
      : exec.has(p)
        ? 'executable'
        : 'not executable'
  const sealedExec = new Set(sealed.executable)
  const foundExec = new Set(found.executable)
  const paths = new Set([
    ...sealed.executable,
    ...found.executable,
    ...Object.keys(sealed.links),
    ...Object.keys(found.links)
  ])
  const out: { path: string; expected: string; actual: string }[] = []
  for (const p of [...paths].sort(compareUtf8)) {
    const expected = describe(sealed, p, sealedExec)
    const actual = describe(found, p, foundExec)
    if (expected !== actual) out.push({ path: p, expected, actual })
  }
  return out
}

/**
 * Gives files restored from a carrier the sealed modes: each listed file's execute bit as
 * sealed (set or cleared, whatever the archive said), and each link made again in place of
 * the copy the carrier held, outermost first. `root` is a private directory the caller made;
 * the files are hashed again afterwards, so a link that gives a path other bytes is caught.
 */
export function applyModes(root: string, paths: readonly string[], modes: FileModes): void {
  const exec = new Set(modes.executable)
  for (const rel of paths) {
    try {
      fs.chmodSync(path.join(root, ...rel.split('/')), exec.has(rel) ? 0o755 : 0o644)
    } catch (error) {
      // A file the carrier lacks is named by the check that follows, as missing.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  const made: string[] = []
  for (const link of Object.keys(modes.links).sort(
    (a, b) => a.split('/').length - b.split('/').length || compareUtf8(a, b)
  )) {
    // A link inside a directory already made a link is that directory's target's own.
    if (made.some((m) => link.startsWith(`${m}/`))) continue
    const at = path.join(root, ...link.split('/'))
    fs.rmSync(at, { recursive: true, force: true })
    fs.symlinkSync(modes.links[link] as string, at)
    made.push(link)
  }
}

/** The modes digest a statement's subject carries (MODES_ANNOTATION); null when it carries none. */
export function modesAnnotation(statement: unknown): string | null {
  const subjects = (statement as { subject?: unknown } | null)?.subject
  if (!Array.isArray(subjects)) return null
  for (const subject of subjects) {
    const claimed = (
      subject as { annotations?: Record<string, { digest?: unknown } | undefined> } | null
    )?.annotations?.[MODES_ANNOTATION]?.digest
    if (typeof claimed === 'string') return claimed
  }
  return null
}

/**
 * Every listed path and every directory above one: a link is recorded when its target is among
 * them. Made once, where scanning the paths for each link cost links × files (a tree with a
 * node_modules/.bin of links).
 */
function pathsAndParents(paths: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const p of paths) {
    out.add(p)
    // From the deepest directory up: one already there has its parents there too.
    for (let slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
      const dir = p.slice(0, slash)
      if (out.has(dir)) break
      out.add(dir)
    }
  }
  return out
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p)
  } catch {
    return p
  }
}
