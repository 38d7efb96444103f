import type { SealedArtifact } from '../../core/seal.js'

/** Where a written seal bundle lives. */
export interface SealBundleLocation {
  readonly dir: string
  readonly checksumsPath: string
  readonly statementPath: string
  /** The signed statement (a Sigstore bundle); null when the seal is not signed. */
  readonly sigstoreBundlePath: string | null
  /** `<name>.contract.json` and the copies of the contract files beside it; null without a contract. */
  readonly contractPath?: string | null
  readonly contractDir?: string | null
  /** `<name>.modes.json`: the sealed files' modes (core/modes.ts); null when no files were read. */
  readonly modesPath?: string | null
}

/** What a seal bundle holds besides the listing and the statement. */
export interface BundleExtras {
  /** The statement signed in a Sigstore bundle (its JSON text). */
  readonly signed?: string | null
  /** The contract manifest's JSON text and the contract files' bytes, by path from the artifact root. */
  readonly contract?: {
    readonly manifestJson: string
    readonly files: readonly { readonly path: string; readonly bytes: Buffer }[]
  } | null
}

/** The role every evidence backend plays: keep a seal bundle, say where it is. */
export interface EvidenceStore {
  putSealBundle(artifact: SealedArtifact, extras?: BundleExtras): Promise<SealBundleLocation>
}

/** A name safe in a file name on every runner OS: `ghcr.io/org/app` becomes `ghcr.io-org-app`. */
export function fileSafeName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '')
  return safe === '' ? 'artifact' : safe
}

export function bundleFileNames(name: string): {
  checksums: string
  statement: string
  sigstore: string
  contract: string
  contractDir: string
  modes: string
} {
  const base = fileSafeName(name)
  return {
    checksums: `${base}.sha256`,
    statement: `${base}.intoto.json`,
    sigstore: `${base}.sigstore.json`,
    contract: `${base}.contract.json`,
    contractDir: `${base}.contract`,
    modes: `${base}.modes.json`
  }
}

/** The file modes a seal wrote beside its listing: `<name>.modes.json`; null for another kind of file. */
export function modesBeside(checksumsFile: string): string | null {
  return checksumsFile.endsWith('.sha256')
    ? `${checksumsFile.slice(0, -'.sha256'.length)}.modes.json`
    : null
}

/** The contract manifest a seal wrote beside its listing: `<name>.contract.json`; null for another kind of file. */
export function contractBeside(checksumsFile: string): string | null {
  return checksumsFile.endsWith('.sha256')
    ? `${checksumsFile.slice(0, -'.sha256'.length)}.contract.json`
    : null
}

/**
 * The statement a seal wrote beside its listing: `<name>.intoto.json` next to `<name>.sha256`; null
 * for another kind of file.
 */
export function statementBeside(checksumsFile: string): string | null {
  return checksumsFile.endsWith('.sha256')
    ? `${checksumsFile.slice(0, -'.sha256'.length)}.intoto.json`
    : null
}

/** The signed statement a seal wrote beside its listing: `<name>.sigstore.json`; null for another kind of file. */
export function sigstoreBundleBeside(checksumsFile: string): string | null {
  return checksumsFile.endsWith('.sha256')
    ? `${checksumsFile.slice(0, -'.sha256'.length)}.sigstore.json`
    : null
}

/** What a bundle puts beside its listing, by suffix after the name. */
const BUNDLE_SUFFIXES = [
  '.sha256',
  '.intoto.json',
  '.sigstore.json',
  '.contract.json',
  '.modes.json'
]

/**
 * Whether `rest`, a path inside a carried seal directory, is what a seal of `base` (a file-safe
 * name) writes there: its listing, statement, signed statement and contract manifest, and the
 * contract directory with whatever it holds. Carriers refuse every other entry.
 */
export function isBundleEntry(rest: string, base: string, directory: boolean): boolean {
  const contractDir = `${base}.contract`
  if (rest === contractDir) return directory
  if (rest.startsWith(`${contractDir}/`)) return true
  return !directory && BUNDLE_SUFFIXES.some((suffix) => rest === `${base}${suffix}`)
}

/** The name a listing's file gives the bundle (`shop` for `shop.sha256`), or null when it is not a listing's name. */
export function bundleBaseOf(fileName: string): string | null {
  return fileName.endsWith('.sha256') &&
    !fileName.includes('/') &&
    fileName.length > '.sha256'.length
    ? fileName.slice(0, -'.sha256'.length)
    : null
}
