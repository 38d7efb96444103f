import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toTrustMaterial } from '@sigstore/verify'
import { messageOf, quote, SealError } from '../core/errors.js'
import { GITHUB_TUF_ROOT_JSON } from './github-tuf-root.js'
import {
  DEFAULT_TUF_MIRRORS,
  GITHUB_TUF_MIRROR,
  PUBLIC_GOOD_TUF_MIRROR,
  TUF_MIRRORS_INPUT,
  type TufMirror
} from './tuf-mirrors.js'
import { sigstoreFetchOptions } from '../http/retry-policy.js'
import { isRecord } from '../core/json-shape.js'

export type { TufMirror }

/**
 * The Sigstore trusted root keyless signatures are checked against: the certificate
 * authorities, CT logs, transparency logs and timestamp authorities a bundle may chain to.
 *
 * - Given as a file (input `trusted-root`): a `trusted_root.json`, or JSON lines of several
 *   roots as `gh attestation trusted-root` prints them (public-good and GitHub's), merged into
 *   one. Nothing is fetched: the offline and air-gapped path. The file is pinned, so it never
 *   learns about rotated keys; refresh it with `gh attestation trusted-root`.
 * - By default, both instances a GitHub workflow signs on, each over TUF as `gh attestation
 *   verify` gets them, and merged: public-good from https://tuf-repo-cdn.sigstore.dev
 *   (@sigstore/tuf, whose embedded seed root and targets start the chain) and GitHub's from
 *   https://tuf-repo.github.com (seeded with the root cli/cli embeds). This needs the network
 *   (HTTPS to both repositories) unless the cache is fresh.
 * - From other TUF repositories (input `tuf-mirrors`): a private Sigstore instance's, or the
 *   copies of the two above on a network without internet. Each is named with the root.json
 *   its client starts from (the two defaults' roots are built in), and its trusted_root.json
 *   target is fetched exactly as the defaults' are, then all are merged.
 * The TUF cache lives under `$RUNNER_TEMP/artifact-seal/tuf` on a runner: never the
 * workspace, and emptied with every job, so a job starts from the roots it was given and
 * another job on a self-hosted runner cannot leave it a root of its own. Elsewhere it is
 * @sigstore/tuf's per-user application data directory (`~/.local/share/sigstore-js` on
 * Linux). Each repository has its own directory there, named after its URL. The root is
 * loaded once per process, and only when a keyless bundle is verified: keyed seals and runs
 * that verify nothing never touch the network.
 */

export const TRUSTED_ROOT_INPUT = 'trusted-root'
export const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1'

/** A trusted_root.json as JSON (the protobuf-specs JSON form). */
export type TrustedRootJson = Record<string, unknown>

const LISTS = ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities'] as const

function checkRoot(value: unknown, where: string): TrustedRootJson {
  const root = value as TrustedRootJson | null
  if (!isRecord(root)) {
    throw new SealError(
      'unrecognized',
      `${TRUSTED_ROOT_INPUT}: ${where} is not a trusted_root.json object. Give the file \`gh attestation ` +
        'trusted-root` writes, or a Sigstore trusted_root.json.'
    )
  }
  if (
    typeof root.mediaType !== 'string' ||
    !root.mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')
  ) {
    throw new SealError(
      'unrecognized',
      `${TRUSTED_ROOT_INPUT}: ${where} has mediaType ${quote(String(root.mediaType))}, not ${quote(TRUSTED_ROOT_MEDIA_TYPE)}, so it is not a Sigstore trusted root. ` +
        'Give the file `gh attestation trusted-root` writes.'
    )
  }
  for (const list of LISTS) {
    if (root[list] !== undefined && !Array.isArray(root[list]))
      throw new SealError(
        'malformed',
        `${TRUSTED_ROOT_INPUT}: ${where} has a ${list} that is not a list. Regenerate the file with \`gh ` +
          'attestation trusted-root`.'
      )
  }
  try {
    toTrustMaterial(TrustedRoot.fromJSON(root))
  } catch (error) {
    throw new SealError(
      'malformed',
      `${TRUSTED_ROOT_INPUT}: ${where} holds a key or certificate that cannot be read (${messageOf(error)}). Regenerate the file with \`gh ` +
        'attestation trusted-root`.',
      { cause: error }
    )
  }
  return root
}

/** Several roots as one: every authority of each, as gh's `--custom-trusted-root` accepts JSON lines. */
export function mergeTrustedRoots(roots: readonly TrustedRootJson[]): TrustedRootJson {
  const merged: TrustedRootJson = { mediaType: TRUSTED_ROOT_MEDIA_TYPE }
  for (const list of LISTS)
    merged[list] = roots.flatMap((root) =>
      Array.isArray(root[list]) ? (root[list] as unknown[]) : []
    )
  return merged
}

/** A file's text as one root: JSON, or JSON lines of roots merged. `file` only names it in errors. */
export function parseTrustedRoot(text: string, file: string): TrustedRootJson {
  try {
    return checkRoot(JSON.parse(text), quote(file))
  } catch (error) {
    if (error instanceof SealError) throw error
  }
  const roots: TrustedRootJson[] = []
  const lines = text.split(/\r?\n/)
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new SealError(
        'malformed',
        `${TRUSTED_ROOT_INPUT}: ${quote(file)} is neither JSON nor JSON lines (line ${index + 1} does not ` +
          'parse). Give the file `gh attestation trusted-root` writes, or a Sigstore ' +
          'trusted_root.json.'
      )
    }
    roots.push(checkRoot(value, `line ${index + 1} of ${quote(file)}`))
  }
  if (roots.length === 0)
    throw new SealError(
      'malformed',
      `${TRUSTED_ROOT_INPUT}: ${quote(file)} is empty. Write it with \`gh attestation trusted-root > ${file}\`.`
    )
  return roots.length === 1 ? (roots[0] as TrustedRootJson) : mergeTrustedRoots(roots)
}

export async function loadTrustedRootFile(file: string): Promise<TrustedRootJson> {
  let text: string
  try {
    text = await fs.promises.readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new SealError(
      'unreadable',
      `${TRUSTED_ROOT_INPUT}: cannot read ${quote(file)} (${code}). Give the path of a trusted_root.json, such ` +
        'as one written by `gh attestation trusted-root`.'
    )
  }
  return parseTrustedRoot(text, file)
}

export interface TufOptions {
  /** The repositories; the two defaults unless given. */
  readonly mirrors?: readonly TufMirror[] | null
  /** Where TUF metadata is cached; see the module comment for the default. */
  readonly cacheDir?: string
}

function defaultCacheDir(): string | undefined {
  const temp = process.env.RUNNER_TEMP
  return temp ? path.join(temp, 'artifact-seal', 'tuf') : undefined
}

async function fetchOverTuf(
  mirror: TufMirror,
  cacheDir: string | undefined
): Promise<TrustedRootJson> {
  const { getTrustedRoot } = await import('@sigstore/tuf')
  let rootPath = mirror.rootFile ?? undefined
  let seedDir: string | undefined
  if (rootPath === undefined && mirror.url === GITHUB_TUF_MIRROR) {
    // @sigstore/tuf builds in only public-good's root; another repository starts from a file.
    seedDir = await fs.promises.mkdtemp(path.join(cacheDir ?? os.tmpdir(), 'github-tuf-seed-'))
    rootPath = path.join(seedDir, 'root.json')
    await fs.promises.writeFile(rootPath, GITHUB_TUF_ROOT_JSON)
  }
  try {
    const root = await getTrustedRoot({
      mirrorURL: mirror.url,
      ...sigstoreFetchOptions(),
      ...(cacheDir === undefined ? {} : { cachePath: cacheDir }),
      ...(rootPath === undefined ? {} : { rootPath })
    })
    return TrustedRoot.toJSON(root) as TrustedRootJson
  } catch (error) {
    const which =
      mirror.url === GITHUB_TUF_MIRROR
        ? "GitHub's Sigstore trusted root"
        : mirror.url === PUBLIC_GOOD_TUF_MIRROR
          ? "Sigstore public-good's trusted root"
          : 'The trusted root'
    throw new SealError(
      'unavailable',
      `${which} could not be fetched over TUF from ${quote(mirror.url)}: ${describe(error)}. ` +
        (`Allow HTTPS to it, name a mirror you can reach in ${TUF_MIRRORS_INPUT}, or give ${TRUSTED_ROOT_INPUT} ` +
          '(write one with `gh attestation trusted-root`).'),
      { cause: error }
    )
  } finally {
    if (seedDir !== undefined) await fs.promises.rm(seedDir, { recursive: true, force: true })
  }
}

/** The error and its causes: @sigstore/tuf wraps the error that says what happened. */
function describe(error: unknown): string {
  const parts: string[] = []
  for (
    let e: unknown = error, depth = 0;
    e !== undefined && e !== null && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    parts.push(messageOf(e))
  }
  return parts.join(': ')
}

const fetched = new Map<string, Promise<TrustedRootJson>>()

/**
 * Every mirror's trusted_root.json over TUF, merged (see the module comment); fetched on first use
 * and kept for the process.
 */
export function loadTufTrustedRoot(options: TufOptions = {}): Promise<TrustedRootJson> {
  const cacheDir = options.cacheDir ?? defaultCacheDir()
  const mirrors = options.mirrors ?? DEFAULT_TUF_MIRRORS
  const key = JSON.stringify({ cacheDir, mirrors })
  const known = fetched.get(key)
  if (known !== undefined) return known
  const loading = (async () => {
    if (cacheDir !== undefined) await fs.promises.mkdir(cacheDir, { recursive: true })
    return mergeTrustedRoots(
      await Promise.all(mirrors.map((mirror) => fetchOverTuf(mirror, cacheDir)))
    )
  })()
  fetched.set(key, loading)
  // A failure is not kept: the next verify tries again.
  loading.catch(() => {
    if (fetched.get(key) === loading) fetched.delete(key)
  })
  return loading
}

/** The root a keyless verify uses: the user's file, or the TUF mirrors' (the defaults unless given). */
export function loadTrustedRoot(
  file: string | null | undefined,
  mirrors: readonly TufMirror[] | null = null
): Promise<TrustedRootJson> {
  return file === null || file === undefined || file === ''
    ? loadTufTrustedRoot({ mirrors })
    : loadTrustedRootFile(file)
}
