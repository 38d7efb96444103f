import * as fs from 'node:fs'
import * as path from 'node:path'
import picomatch from 'picomatch'
import { SealError, quote } from '../errors.js'
import { checkListingPath, compareUtf8 } from '../listing.js'
import type { SubjectPatterns } from './patterns.js'
import { words } from '../vocabulary.js'
import { isInside, toSlashes } from '../paths.js'

export interface ResolveOptions {
  readonly patterns: SubjectPatterns
  /** Where relative patterns start: the workspace on a runner, the working directory in the CLI. */
  readonly baseDir: string
  /** The directory listing paths are relative to; derived from the matches when absent. */
  readonly root?: string
  /** Directories never sealed, such as the seal bundle's own output directory. */
  readonly skipDirs?: readonly string[]
  /** Names the input in error messages (`subject-path` in the action, the arguments in the CLI). */
  readonly inputName: string
  /** Called with each file as the walk finds it, so hashing can start before the walk ends. */
  readonly onFile?: (absolutePath: string) => void
  /**
   * Whether an exclusion that matches nothing is an error: yes when sealing (it is a mistake in
   * the pattern), no when checking bytes later (the files it kept out of the seal may simply not
   * have been copied to where they are checked).
   */
  readonly unusedExclusions?: 'error' | 'allow' | 'warn'
  /**
   * `leave-out`: hidden entries (a name starting with "."), and files named as secrets are
   * (private keys), found by walking a directory or a glob are not sealed, and are reported
   * in `leftOut`; a path named as such is always taken. `include` (the default): everything.
   */
  readonly hidden?: 'include' | 'leave-out'
}

/** What the patterns matched. */
export interface ResolvedFiles {
  /** `file`: one file; `directory`: one directory given as such; `files`: anything else. */
  readonly kind: 'file' | 'directory' | 'files'
  readonly root: string
  /** Absolute paths, in the order the walk found them. */
  readonly absolutePaths: string[]
  /** The same files' paths relative to the root, with `/`. */
  readonly relativePaths: string[]
  /** Indices into both arrays in listing order (UTF-8 byte order of the relative paths). */
  readonly order: Uint32Array
  /**
   * True when every absolute path is the root, a separator and then its relative path as it
   * stands (no separator to turn into "/"): the listing can then be made from their bytes.
   */
  readonly relativeIsSuffix: boolean
  /**
   * What `hidden: leave-out` left out, relative to the base directory with `/`, a directory ending
   * in `/`; in walk order.
   */
  readonly leftOut: readonly string[]
  /** Exclusions that matched nothing, with `unusedExclusions: 'warn'` (as written, without the `!`). */
  readonly unusedExclusions: readonly string[]
  /**
   * Every symbolic link the walk followed or the patterns named (absolute), with its real target;
   * all inside the root.
   */
  readonly links: readonly { readonly link: string; readonly target: string }[]
}

/**
 * Names a seal leaves out unless asked (`hidden: leave-out`), as upload-artifact leaves out
 * hidden files: any name starting with "." (`.env`, `.npmrc`, `.netrc`, `.pypirc`, `.git/`,
 * `.aws/`, `.ssh/`), and private keys and keystores, which carry no leading dot.
 */
const SECRET_FILE =
  /^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\..*)?|.*\.(pem|key|p12|pfx|jks|keystore))$/i

export function isLeftOutName(name: string, directory: boolean): boolean {
  return name.startsWith('.') || (!directory && mayBeSecret(name) && SECRET_FILE.test(name))
}

/**
 * False for a name SECRET_FILE cannot match, without running it: such a name ends in none of
 * the last letters of its extensions (m, y, 2, x, s, e, in either case) and does not start
 * with "id_". Most names of a build fail this test, and the pattern itself, with its ".*"
 * tried at every position, cost a walk of 20,000 files about 5 ms.
 */
function mayBeSecret(name: string): boolean {
  const last = name.charCodeAt(name.length - 1) | 0x20
  return (
    last === 0x6d || // m
    last === 0x79 || // y
    last === 0x32 || // 2
    last === 0x78 || // x
    last === 0x73 || // s
    last === 0x65 || // e
    ((name.charCodeAt(0) | 0x20) === 0x69 &&
      (name.charCodeAt(1) | 0x20) === 0x64 &&
      name[2] === '_')
  )
}

/**
 * A pattern without any character picomatch reads as glob syntax is a plain path; only
 * the others are scanned. The bundled actions load picomatch on its first call (3 ms),
 * which a seal of a path named as such then never makes.
 */
const MAY_BE_GLOB = /[*?[\]{}()!@+\\]/
const scanGlob = (pattern: string): ReturnType<typeof picomatch.scan> | null =>
  MAY_BE_GLOB.test(pattern) ? picomatch.scan(pattern) : null

interface LinkSeen {
  readonly link: string
  readonly target: string
  /** Named in the patterns, not found by the walk. */
  readonly named: boolean
}

/**
 * Directories a glob never walks into unless its pattern names them: dependencies and version
 * control, never build output.
 */
const NOT_WALKED = ['node_modules', '.git']

/**
 * How a glob walks: which entries it takes whole (the pattern matches them), which
 * directories it enters (some path below could match), which directory names it leaves alone.
 */
interface GlobWalk {
  readonly take: (abs: string) => boolean
  readonly enter: (absDir: string) => boolean
  readonly skipped: ReadonlySet<string>
}

/** True when the subject is one file named as such: nothing to walk, nothing to share out. */
export function namesOneFile(options: Pick<ResolveOptions, 'patterns' | 'baseDir'>): boolean {
  const [only, ...others] = options.patterns.include
  if (only === undefined || others.length > 0) return false
  const abs = path.resolve(options.baseDir, only)
  return !scanGlob(toSlashes(abs))?.isGlob && statOrNull(abs)?.isFile() === true
}

/**
 * The root the listing will be relative to, when it is known before the walk: the root given,
 * or the one directory named. Otherwise (globs, several paths) the walk's matches decide it.
 */
export function rootBeforeWalk(
  options: Pick<ResolveOptions, 'patterns' | 'baseDir' | 'root'>
): string | null {
  if (options.root) return path.resolve(options.baseDir, options.root)
  const [only, ...others] = options.patterns.include
  if (only === undefined || others.length > 0) return null
  const abs = path.resolve(options.baseDir, only)
  return statOrNull(abs)?.isDirectory() ? abs : null
}

/**
 * Expands the subject patterns into the files to seal, following symlinks as `find -L`
 * does, and works out the artifact root that the listing is relative to.
 */
export function resolveFiles(options: ResolveOptions): ResolvedFiles {
  const { patterns, baseDir, inputName } = options
  if (patterns.include.length === 0) {
    throw new SealError(
      'bad-input',
      `${inputName}: no path to seal${patterns.exclude.length > 0 ? ` (only exclusions: ${patterns.exclude.map((p) => quote(`!${p}`)).join(', ')})` : ''}. ` +
        'Give at least one file, directory or glob, one per line or comma-separated.'
    )
  }
  // Exclusions are read exactly as the patterns they exclude from: absolute, or relative to baseDir.
  const excludeMatchers = patterns.exclude.map((p) => picomatch(absolutePattern(baseDir, p), GLOB))
  const excludeUsed = patterns.exclude.map(() => false)
  const skipDirs = new Set((options.skipDirs ?? []).map((d) => path.resolve(d)))
  const isExcluded =
    excludeMatchers.length === 0
      ? () => false
      : (abs: string): boolean => {
          // Every matcher is asked, so an exclusion that only repeats another still counts as used.
          let excluded = false
          const slashed = toSlashes(abs)
          excludeMatchers.forEach((m, i) => {
            if (m(slashed)) excluded = excludeUsed[i] = true
          })
          return excluded
        }

  // When the root is known before the walk, a link that leaves it is refused on sight,
  // before the walk wanders into whatever tree the link points at.
  const knownRoot = rootBeforeWalk(options)
  const knownRealRoot = knownRoot === null ? null : realOrSelf(knownRoot)
  const linkLeavesRoot = (link: string, target: string, root: string, named = false): SealError =>
    new SealError(
      'bad-input',
      `${inputName}: ${quote(link)} is a symbolic link to ${quote(target)}, outside the artifact root ${quote(root)}. ` +
        `A seal covers the artifact's own bytes only: copy the target into the artifact, or ${
          named
            ? 'remove the link from the patterns'
            : 'leave the link out with ' + `"!${toSlashes(path.relative(baseDir, link))}"`
        }.`
    )

  // Several patterns can match the same file; one pattern cannot, so it needs no set.
  const found: string[] = []
  const seen = patterns.include.length > 1 ? new Set<string>() : null
  const links: LinkSeen[] = []
  const unmatched: string[] = []
  const leftOut: string[] = []
  const leaveOutHidden = options.hidden === 'leave-out'

  /** Adds a file the walk has already checked against the exclusions. */
  const addFile = (abs: string): void => {
    if (seen !== null) {
      if (seen.has(abs)) return
      seen.add(abs)
    }
    found.push(abs)
    options.onFile?.(abs)
  }

  /**
   * Walks a directory. `realDir` is its path with links resolved and `ancestors` the real
   * paths above it, to catch link loops without a syscall per directory. `glob` decides for
   * each entry whether it is taken whole or entered; null takes everything. `skipped` names
   * directories left alone, under a glob even in a subtree it took whole.
   */
  const walk = (
    dir: string,
    realDir: string,
    ancestors: string[],
    glob: GlobWalk | null,
    skipped: ReadonlySet<string> | null
  ): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      const e = error as NodeJS.ErrnoException
      throw new SealError(
        'unreadable',
        `${inputName}: cannot list the directory ${quote(dir)} (${e.code ?? e.message}). Make it readable by ${words().reader} or exclude it with a "!" pattern.`,
        { cause: e }
      )
    }
    // In the order a listing takes, so that a walk of one pattern finds the files already
    // sorted and listingOrder has nothing left to sort (it checks, and sorts when not).
    entries.sort(byListingName)
    ancestors.push(realDir)
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep
    // Read as bytes at most once a directory, and only when a name holds U+FFFD.
    let lossy: ReadonlySet<string> | null = null
    for (const entry of entries) {
      const abs = prefix + entry.name
      if (isExcluded(abs)) continue
      if (entry.name.includes('\uFFFD') && (lossy ??= lossyNames(dir)).has(entry.name)) {
        // Node decoded a name lossily: the result may not open, or may be another file's name
        // (one called U+FFFD beside it), which would then be listed twice and this one never read.
        throw new SealError(
          'bad-input',
          `${inputName}: a file name in ${quote(dir)} is not valid UTF-8 (shown as ${quote(entry.name)}). ` +
            'Listings and statements hold UTF-8 paths: rename the file, or leave it out with a "!" pattern.'
        )
      }
      if (skipped?.has(entry.name) && !entry.isFile()) continue
      // Under a glob, an entry the pattern can neither take nor enter is never looked at:
      // not resolved, not stat'ed, so a broken link beside the build output does not matter.
      const taken = glob === null || glob.take(abs)
      if (!taken && !glob.enter(abs)) continue
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      let realChild: string | null = null
      if (entry.isSymbolicLink()) {
        let stat: fs.Stats
        try {
          realChild = fs.realpathSync(abs)
          stat = fs.statSync(realChild)
        } catch {
          // A dangling link holds nothing: under a glob it matters only when the pattern takes it.
          if (!taken) continue
          throw new SealError(
            'bad-input',
            `${inputName}: ${quote(abs)} is a symbolic link to ${quote(readLinkText(abs))}, which does not exist. ` +
              `Remove the link, or leave it out with "!${toSlashes(path.relative(baseDir, abs))}".`
          )
        }
        if (knownRealRoot !== null && !isInside(realChild, knownRealRoot))
          throw linkLeavesRoot(abs, realChild, knownRoot as string)
        links.push({ link: abs, target: realChild, named: false })
        isDir = stat.isDirectory()
        isFile = stat.isFile()
        if (isDir && ancestors.includes(realChild)) {
          throw new SealError(
            'bad-input',
            `${inputName}: ${quote(abs)} is a symbolic link back into one of its own parent directories (a loop). ` +
              `Remove the link, or leave it out with "!${toSlashes(path.relative(baseDir, abs))}".`
          )
        }
      }
      if (leaveOutHidden && (isDir || (isFile && taken)) && isLeftOutName(entry.name, isDir)) {
        leftOut.push(`${toSlashes(path.relative(baseDir, abs))}${isDir ? '/' : ''}`)
        continue
      }
      if (isDir) {
        realChild ??= realDir.endsWith(path.sep)
          ? realDir + entry.name
          : realDir + path.sep + entry.name
        if (!skipDirs.has(abs) && !skipped?.has(entry.name))
          walk(abs, realChild, ancestors, taken ? null : glob, skipped)
      } else if (isFile && taken) {
        addFile(abs)
      }
      // Sockets, FIFOs and devices hold no content to seal: skipped, as `find -type f` does.
    }
    ancestors.pop()
  }

  /** A path named as such (no glob) may be a link too: it must stay inside the root like any other. */
  const noteNamedLink = (abs: string): void => {
    const real = realOrSelf(abs)
    if (real === abs) return
    if (knownRealRoot !== null && !isInside(real, knownRealRoot))
      throw linkLeavesRoot(abs, real, knownRoot as string, true)
    links.push({ link: abs, target: real, named: true })
  }

  let onlyDirectory: string | null = null
  for (const pattern of patterns.include) {
    const absPattern = absolutePattern(baseDir, pattern)
    const scan = scanGlob(absPattern)
    let matchedSomething = false
    if (scan === null || !scan.isGlob) {
      const abs = path.resolve(baseDir, pattern)
      const stat = statOrNull(abs)
      if (stat?.isDirectory()) {
        matchedSomething = true
        // An exclusion leaves out a directory named as such, as it does a named file and a
        // directory the walk meets.
        if (isExcluded(abs)) continue
        if (patterns.include.length === 1) onlyDirectory = abs
        else noteNamedLink(abs)
        walk(abs, realOrSelf(abs), [], null, null)
      } else if (stat?.isFile()) {
        matchedSomething = true
        if (!isExcluded(abs)) {
          noteNamedLink(abs)
          addFile(abs)
        }
      }
    } else {
      const base = scan.base === '' ? path.parse(path.resolve(baseDir)).root : scan.base
      const matcher = picomatch(absPattern, GLOB)
      const glob: GlobWalk = {
        take: (abs) => {
          const hit = matcher(toSlashes(abs))
          matchedSomething ||= hit
          return hit
        },
        enter: globEnters(path.resolve(base), scan.glob),
        skipped: new Set(NOT_WALKED.filter((name) => !absPattern.split('/').includes(name)))
      }
      if (statOrNull(base)?.isDirectory()) {
        // The base is named in the pattern, and may be a link itself: checked like one the walk finds.
        const realBase = realOrSelf(base)
        if (realBase !== path.resolve(base))
          links.push({ link: path.resolve(base), target: realBase, named: false })
        walk(path.resolve(base), realBase, [], glob, glob.skipped)
      }
    }
    if (!matchedSomething) unmatched.push(pattern)
  }

  if (unmatched.length > 0) {
    throw new SealError(
      'bad-input',
      `${inputName}: nothing matches ${unmatched.map(quote).join(', ')} (relative to ${quote(baseDir)}). ` +
        `Patterns tried: ${patterns.include.map(quote).join(', ')}${patterns.exclude.length ? `; excluded: ${patterns.exclude.map((p) => quote(`!${p}`)).join(', ')}` : ''}. ` +
        (`Check that the build wrote its output before ${words().current} ran, and that the paths are relative ` +
          `to ${words().base} or absolute.`)
    )
  }
  const unusedExclusions = patterns.exclude.filter((_, i) => !excludeUsed[i])
  if (
    unusedExclusions.length > 0 &&
    options.unusedExclusions !== 'allow' &&
    options.unusedExclusions !== 'warn'
  ) {
    throw new SealError(
      'bad-input',
      `${inputName}: the exclusion${unusedExclusions.length === 1 ? '' : 's'} ${unusedExclusions.map((p) => quote(`!${p}`)).join(', ')} ` +
        `match${unusedExclusions.length === 1 ? 'es' : ''} nothing the patterns ${patterns.include.map(quote).join(', ')} reach (relative to ${quote(baseDir)}). ` +
        `Like every pattern, an exclusion must match something: it is read relative to ${words().base} ` +
        '(or absolute), as the paths it excludes from are, ' +
        `so write it with the same leading directories (such as "!dist/**/*.map", not "!*.map"), or remove it.`
    )
  }
  if (found.length === 0) {
    const why =
      leftOut.length > 0
        ? `every file is hidden or looks like a secret (${leftOut.slice(0, 5).map(quote).join(', ')}${leftOut.length > 5 ? ', …' : ''}), which a seal leaves out unless ` +
          'include-hidden-files is true'
        : patterns.exclude.length > 0
          ? `every file is excluded by ${patterns.exclude.map((p) => quote(`!${p}`)).join(', ')}, or the ` +
            'directories hold no files'
          : 'the directories hold no files'
    throw new SealError(
      'bad-input',
      `${inputName}: ${patterns.include.map(quote).join(', ')} matched, but ${why}. Nothing is left to seal: ` +
        `point at the build output${patterns.exclude.length > 0 ? ' or loosen the exclusions' : ''}.`
    )
  }

  const root = chooseRoot(options, found, onlyDirectory)
  const rootPrefix = root.endsWith(path.sep) ? root : root + path.sep
  let relativeIsSuffix = path.sep === '/'
  const relative = found.map((abs) => {
    const underPrefix = abs.startsWith(rootPrefix)
    if (!underPrefix) relativeIsSuffix = false
    const rel = toSlashes(underPrefix ? abs.slice(rootPrefix.length) : path.relative(root, abs))
    // Walked paths are relative and clean by construction; only a name can break a line.
    if (rel.includes('\n') || rel.includes('\r')) checkListingPath(rel, inputName)
    return rel
  })
  const realRoot = realOrSelf(root)
  for (const { link, target, named } of links) {
    if ((named || isInside(link, root)) && !isInside(target, realRoot))
      throw linkLeavesRoot(link, target, root, named)
  }
  // Sorting indices rather than pairs keeps a large tree from costing an object per file.
  const order = listingOrder(relative)

  const kind = onlyDirectory !== null ? 'directory' : found.length === 1 ? 'file' : 'files'
  return {
    kind,
    root,
    absolutePaths: found,
    relativePaths: relative,
    order,
    relativeIsSuffix,
    leftOut,
    unusedExclusions: options.unusedExclusions === 'warn' ? unusedExclusions : [],
    links: links.map(({ link, target }) => ({ link, target }))
  }
}

/**
 * Siblings in the order their paths take in a listing: every path below a directory starts
 * with its name and a "/", so a directory sorts as that, and a walk that visits siblings in
 * this order meets the paths of one pattern in listing order. A link is taken as a file here,
 * and the engine's order may differ from UTF-8's (see listingOrder): listingOrder checks.
 */
function byListingName(a: fs.Dirent, b: fs.Dirent): number {
  const x = a.isDirectory() ? `${a.name}/` : a.name
  const y = b.isDirectory() ? `${b.name}/` : b.name
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * The indices of `paths` in listing order. A walk of one pattern finds them in that order
 * already (byListingName), which one pass confirms; only otherwise are they sorted. The
 * engine's own string order is UTF-8 byte order unless a path holds a character above
 * U+FFFF; only then does the slower comparator run.
 */
export function listingOrder(paths: readonly string[]): Uint32Array {
  const order = new Uint32Array(paths.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  const before: (x: string, y: string) => boolean = paths.some((p) => /[\uD800-\uDFFF]/.test(p))
    ? (x, y) => compareUtf8(x, y) < 0
    : (x, y) => x < y
  let sorted = true
  for (let i = 1; sorted && i < paths.length; i++)
    sorted = before(paths[i - 1] as string, paths[i] as string)
  if (sorted) return order
  return order.sort((a, b) => {
    const x = paths[a] as string
    const y = paths[b] as string
    return before(x, y) ? -1 : before(y, x) ? 1 : 0
  })
}

function chooseRoot(
  options: ResolveOptions,
  files: readonly string[],
  onlyDirectory: string | null
): string {
  if (options.root !== undefined && options.root !== '') {
    const root = path.resolve(options.baseDir, options.root)
    if (!statOrNull(root)?.isDirectory()) {
      throw new SealError(
        'bad-input',
        `root: ${quote(options.root)} is not a directory (resolved to ${quote(root)}). Give the directory that ` +
          'listing paths should be relative to, or leave root empty.'
      )
    }
    const outside = files.find((f) => !isInside(f, root))
    if (outside !== undefined) {
      throw new SealError(
        'bad-input',
        `root: ${quote(options.root)} does not contain ${quote(outside)}, which ${options.inputName} matched. ` +
          'Give a root that contains every matched file, or leave root empty to use the deepest directory that does.'
      )
    }
    return root
  }
  if (onlyDirectory !== null) return onlyDirectory
  let common = path.dirname(files[0] as string)
  for (const file of files) {
    while (!isInside(file, common)) common = path.dirname(common)
  }
  return common
}

/** A pattern as an absolute, `/`-separated glob: includes and exclusions alike. */
function absolutePattern(baseDir: string, pattern: string): string {
  return toSlashes(path.resolve(baseDir, pattern))
}

/**
 * How every glob of a subject reads names: dot files included, and `.` in picomatch's
 * expressions matching a line break too (`s`), so that `dist/**` takes a name holding one and
 * the listing refuses it by name, instead of the glob passing it over in silence.
 */
const GLOB = { dot: true, flags: 's' }

/**
 * Whether a directory under the glob's base could hold a match: each of its path segments
 * must match the pattern's segment at that depth, until a `**` (anything below may match),
 * and the pattern must go deeper than the directory. A pattern whose braces or groups hold
 * a "/" cannot be cut into segments: then every directory is entered.
 */
function globEnters(base: string, glob: string): (absDir: string) => boolean {
  const segments = splitSegments(glob)
  if (segments === null) return () => true
  const matchers = segments.map((segment) =>
    segment.includes('**') ? null : picomatch(segment, GLOB)
  )
  // `**/…` reaches every directory: no need to work out where each one is.
  if (matchers[0] === null) return () => true
  return (absDir) => {
    const rel = path.relative(base, absDir).split(path.sep)
    for (let i = 0; i < rel.length; i++) {
      if (i >= segments.length) return false
      const matcher = matchers[i]
      if (matcher === null) return true
      if (!matcher!(rel[i] as string)) return false
    }
    return rel.length < segments.length
  }
}

function splitSegments(glob: string): string[] | null {
  const segments: string[] = []
  let depth = 0
  let current = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '\\') {
      current += c + (glob[++i] ?? '')
      continue
    }
    if (c === '{' || c === '(' || c === '[') depth++
    else if ((c === '}' || c === ')' || c === ']') && depth > 0) depth--
    if (c === '/') {
      if (depth > 0) return null
      segments.push(current)
      current = ''
    } else {
      current += c
    }
  }
  segments.push(current)
  return segments.filter((s) => s !== '')
}

/**
 * The names of `dir`, as Node decodes them, that do not stand for exactly one valid UTF-8
 * name: decoded from bytes that are not UTF-8, or shared by several names on disk.
 */
function lossyNames(dir: string): Set<string> {
  const lossy = new Set<string>()
  const seen = new Set<string>()
  for (const bytes of fs.readdirSync(dir, { encoding: 'buffer' })) {
    const name = bytes.toString('utf8')
    if (seen.has(name) || !Buffer.from(name).equals(bytes)) lossy.add(name)
    seen.add(name)
  }
  return lossy
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p)
  } catch {
    return null
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p)
  } catch {
    return p
  }
}

function readLinkText(p: string): string {
  try {
    return fs.readlinkSync(p)
  } catch {
    return '?'
  }
}
