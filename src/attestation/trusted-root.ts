import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toTrustMaterial } from '@sigstore/verify'
import { SealError, quote } from '../core/errors.js'
import { GITHUB_TUF_MIRROR, GITHUB_TUF_ROOT_JSON } from './github-tuf-root.js'

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
 *   (HTTPS to both repositories) unless the cache is fresh. The cache lives under
 *   `$RUNNER_TEMP/artifact-seal/tuf` on a runner (a new job starts empty, so a runner always
 *   refreshes) and in @sigstore/tuf's per-user application data directory elsewhere. It is
 *   loaded once per process, and only when a keyless bundle is verified: keyed seals and
 *   runs that verify nothing never touch the network.
 */

export const TRUSTED_ROOT_INPUT = 'trusted-root'
export const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1'

/** A trusted_root.json as JSON (the protobuf-specs JSON form). */
export type TrustedRootJson = Record<string, unknown>

const LISTS = ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities'] as const

function checkRoot(value: unknown, where: string): TrustedRootJson {
  const root = value as TrustedRootJson | null
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new SealError(`${TRUSTED_ROOT_INPUT}: ${where} is not a trusted_root.json object. Give the file \`gh attestation trusted-root\` writes, or a Sigstore trusted_root.json.`)
  }
  if (typeof root.mediaType !== 'string' || !root.mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')) {
    throw new SealError(
      `${TRUSTED_ROOT_INPUT}: ${where} has mediaType ${quote(String(root.mediaType))}, not ${quote(TRUSTED_ROOT_MEDIA_TYPE)}, so it is not a Sigstore trusted root. ` +
        'Give the file `gh attestation trusted-root` writes.'
    )
  }
  for (const list of LISTS) {
    if (root[list] !== undefined && !Array.isArray(root[list])) throw new SealError(`${TRUSTED_ROOT_INPUT}: ${where} has a ${list} that is not a list. Regenerate the file with \`gh attestation trusted-root\`.`)
  }
  try {
    toTrustMaterial(TrustedRoot.fromJSON(root))
  } catch (error) {
    throw new SealError(`${TRUSTED_ROOT_INPUT}: ${where} holds a key or certificate that cannot be read (${error instanceof Error ? error.message : String(error)}). Regenerate the file with \`gh attestation trusted-root\`.`)
  }
  return root
}

/** Several roots as one: every authority of each, as gh's `--custom-trusted-root` accepts JSON lines. */
export function mergeTrustedRoots(roots: readonly TrustedRootJson[]): TrustedRootJson {
  const merged: TrustedRootJson = { mediaType: TRUSTED_ROOT_MEDIA_TYPE }
  for (const list of LISTS) merged[list] = roots.flatMap((root) => (Array.isArray(root[list]) ? (root[list] as unknown[]) : []))
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
      throw new SealError(`${TRUSTED_ROOT_INPUT}: ${quote(file)} is neither JSON nor JSON lines (line ${index + 1} does not parse). Give the file \`gh attestation trusted-root\` writes, or a Sigstore trusted_root.json.`)
    }
    roots.push(checkRoot(value, `line ${index + 1} of ${quote(file)}`))
  }
  if (roots.length === 0) throw new SealError(`${TRUSTED_ROOT_INPUT}: ${quote(file)} is empty. Write it with \`gh attestation trusted-root > ${file}\`.`)
  return roots.length === 1 ? (roots[0] as TrustedRootJson) : mergeTrustedRoots(roots)
}

export async function loadTrustedRootFile(file: string): Promise<TrustedRootJson> {
  let text: string
  try {
    text = await fs.promises.readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new SealError(`${TRUSTED_ROOT_INPUT}: cannot read ${quote(file)} (${code}). Give the path of a trusted_root.json, such as one written by \`gh attestation trusted-root\`.`)
  }
  return parseTrustedRoot(text, file)
}

export interface DefaultTrustedRootOptions {
  /** Where TUF metadata is cached; see the module comment for the default. */
  readonly cacheDir?: string
  /** Which instances to trust; both unless given. */
  readonly instances?: readonly ('public-good' | 'github')[]
}

function defaultCacheDir(): string | undefined {
  const temp = process.env.RUNNER_TEMP
  return temp ? path.join(temp, 'artifact-seal', 'tuf') : undefined
}

async function fetchOverTuf(instance: 'public-good' | 'github', cacheDir: string | undefined): Promise<TrustedRootJson> {
  const { getTrustedRoot } = await import('@sigstore/tuf')
  let rootPath: string | undefined
  if (instance === 'github') {
    // @sigstore/tuf seeds only public-good; another repository starts from a root file.
    const seedDir = await fs.promises.mkdtemp(path.join(cacheDir ?? os.tmpdir(), 'github-tuf-seed-'))
    rootPath = path.join(seedDir, 'root.json')
    await fs.promises.writeFile(rootPath, GITHUB_TUF_ROOT_JSON)
  }
  const mirror = instance === 'github' ? GITHUB_TUF_MIRROR : 'https://tuf-repo-cdn.sigstore.dev'
  try {
    const root = await getTrustedRoot({
      mirrorURL: mirror,
      ...(cacheDir === undefined ? {} : { cachePath: cacheDir }),
      ...(rootPath === undefined ? {} : { rootPath })
    })
    return TrustedRoot.toJSON(root) as TrustedRootJson
  } catch (error) {
    throw new SealError(
      `The ${instance === 'github' ? "GitHub Sigstore instance's" : 'Sigstore public-good'} trusted root could not be fetched over TUF from ${quote(mirror)}: ` +
        `${describe(error)}. Allow HTTPS to it, or give ${TRUSTED_ROOT_INPUT} (write one with \`gh attestation trusted-root\`).`
    )
  } finally {
    if (rootPath !== undefined) await fs.promises.rm(path.dirname(rootPath), { recursive: true, force: true })
  }
}

/** The error and its causes: @sigstore/tuf wraps the network error that says what happened. */
function describe(error: unknown): string {
  const parts: string[] = []
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(e instanceof Error ? e.message : String(e))
  }
  return parts.join(': ')
}

let defaultRoot: Promise<TrustedRootJson> | undefined

/** The production default (see the module comment), fetched on first use and kept for the process. */
export function loadDefaultTrustedRoot(options: DefaultTrustedRootOptions = {}): Promise<TrustedRootJson> {
  const fresh = options.cacheDir !== undefined || options.instances !== undefined
  if (!fresh && defaultRoot !== undefined) return defaultRoot
  const cacheDir = options.cacheDir ?? defaultCacheDir()
  const instances = options.instances ?? ['public-good', 'github']
  const loading = (async () => {
    if (cacheDir !== undefined) await fs.promises.mkdir(cacheDir, { recursive: true })
    return mergeTrustedRoots(await Promise.all(instances.map((instance) => fetchOverTuf(instance, cacheDir))))
  })()
  if (!fresh) {
    defaultRoot = loading
    // A failure is not kept: the next verify tries again.
    loading.catch(() => {
      if (defaultRoot === loading) defaultRoot = undefined
    })
  }
  return loading
}

/** The root a keyless verify uses: the user's file, or the default. */
export function loadTrustedRoot(file: string | null | undefined): Promise<TrustedRootJson> {
  return file === null || file === undefined || file === '' ? loadDefaultTrustedRoot() : loadTrustedRootFile(file)
}
