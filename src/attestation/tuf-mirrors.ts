import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../core/errors.js'

/**
 * The TUF repositories keyless verification takes its trusted root from, as a user names
 * them (input `tuf-mirrors`, flag `--tuf-mirror`): one a line, its URL, then the path of
 * the root.json its client starts from. The two defaults' roots are built in, so a line
 * naming one of them needs no path. Light on purpose: the actions read it at start-up, and
 * the TUF client loads only when a keyless bundle is verified (trusted-root.ts).
 */

/** A TUF repository that serves a trusted_root.json: its URL, and the root.json its client starts from. */
export interface TufMirror {
  readonly url: string
  /** The repository's root.json, trusted on first use; null for the two defaults, whose roots are built in. */
  readonly rootFile: string | null
}

export const TUF_MIRRORS_INPUT = 'tuf-mirrors'
export const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev'
export const GITHUB_TUF_MIRROR = 'https://tuf-repo.github.com'
/**
 * Public-good's (its root built into @sigstore/tuf) and GitHub's (the root cli/cli embeds), as `gh
 * attestation verify` trusts them.
 */
export const DEFAULT_TUF_MIRRORS: readonly TufMirror[] = [
  { url: PUBLIC_GOOD_TUF_MIRROR, rootFile: null },
  { url: GITHUB_TUF_MIRROR, rootFile: null }
]
const BUILT_IN_ROOTS: ReadonlySet<string> = new Set([PUBLIC_GOOD_TUF_MIRROR, GITHUB_TUF_MIRROR])

const FORMAT =
  'Write one repository a line: its URL, a space, and the path of its root.json, such as ' +
  '"https://tuf.example.com/sigstore sigstore-root.json".'

/**
 * The mirrors named in `text` (lines; blank lines and `#` comments skipped), with root.json
 * paths resolved from `baseDir` and each checked to be a TUF root; null when none is named.
 */
export function parseTufMirrors(
  text: string,
  baseDir: string,
  inputName = TUF_MIRRORS_INPUT
): TufMirror[] | null {
  const mirrors: TufMirror[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const [urlText = ''] = line.split(/\s+/, 1)
    const rootText = line.slice(urlText.length).trim()
    const parsed = URL.canParse(urlText) ? new URL(urlText) : null
    if (
      parsed === null ||
      (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
      parsed.search !== '' ||
      parsed.hash !== ''
    ) {
      throw new SealError(
        'bad-input',
        `${inputName}: ${quote(urlText)} is not the http(s) URL of a TUF repository. ${FORMAT}`
      )
    }
    const url = urlText.replace(/\/+$/, '')
    if (mirrors.some((m) => m.url === url))
      throw new SealError(
        'bad-input',
        `${inputName}: ${quote(url)} is named twice. Name each repository once.`
      )
    if (rootText === '') {
      if (!BUILT_IN_ROOTS.has(url)) {
        throw new SealError(
          'bad-input',
          `${inputName}: ${quote(url)} has no root.json. Only ${quote(PUBLIC_GOOD_TUF_MIRROR)} and ${quote(GITHUB_TUF_MIRROR)} have theirs built in; ` +
            (`give the path of the repository's root.json after its URL (the version its maintainers publish, ` +
              `or one you trust). ${FORMAT}`)
        )
      }
      mirrors.push({ url, rootFile: null })
      continue
    }
    const rootFile = path.resolve(baseDir, rootText)
    checkTufRoot(rootFile, `${inputName}: the root.json ${quote(rootText)} of ${quote(url)}`)
    mirrors.push({ url, rootFile })
  }
  return mirrors.length === 0 ? null : mirrors
}

function checkTufRoot(file: string, what: string): void {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new SealError(
      'unreadable',
      `${what} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Give the path of ` +
        `the repository's root.json, relative to the workspace.`,
      { cause: error }
    )
  }
  let root: { signed?: { _type?: unknown }; signatures?: unknown } | null
  try {
    root = JSON.parse(text) as typeof root
  } catch {
    root = null
  }
  if (root?.signed?._type !== 'root' || !Array.isArray(root.signatures)) {
    throw new SealError(
      'unrecognized',
      `${what} is not a TUF root.json (a JSON document with "signatures" and a "signed" part of _type "root"). ` +
        'Give the root.json the repository publishes, such as its 1.root.json.'
    )
  }
}
