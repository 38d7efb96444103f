import type { SealedArtifact } from '../../core/seal.js'

/** Where a written seal bundle lives. */
export interface SealBundleLocation {
  readonly dir: string
  readonly checksumsPath: string
  readonly statementPath: string
}

/** The role every evidence backend plays: keep a seal bundle, say where it is. */
export interface EvidenceStore {
  putSealBundle(artifact: SealedArtifact): Promise<SealBundleLocation>
}

/** A name safe in a file name on every runner OS: `ghcr.io/org/app` becomes `ghcr.io-org-app`. */
export function fileSafeName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '')
  return safe === '' ? 'artifact' : safe
}

export function bundleFileNames(name: string): { checksums: string; statement: string } {
  const base = fileSafeName(name)
  return { checksums: `${base}.sha256`, statement: `${base}.intoto.json` }
}

/** The statement a seal wrote beside its listing: `<name>.intoto.json` next to `<name>.sha256`; null for another kind of file. */
export function statementBeside(checksumsFile: string): string | null {
  return checksumsFile.endsWith('.sha256') ? `${checksumsFile.slice(0, -'.sha256'.length)}.intoto.json` : null
}
