import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { kindOfName } from '../../core/contract/file-kinds.js'
import { whyUnreadable } from './bundle-reader.js'
import type { Unreadable } from './bundle-reader.js'

/**
 * Contracts on disk: a seal bundle's (`<name>.contract.json` and the copies in
 * `<name>.contract/`), the copies kept by digest beside a file ledger (the same layout), and
 * a user's contract files. Reading and writing only: whether the bytes are the contract a
 * manifest describes is judged by the contract use case.
 */

/** What a path a user gives for a contract is. */
export type ContractTarget =
  | { readonly kind: 'file' }
  | { readonly kind: 'directory'; readonly manifests: readonly string[] }
  | { readonly kind: 'other' }

/** A file, a directory (with the `*.contract.json` manifests in it, sorted), or something else. */
export function contractTarget(target: string, unreadable: Unreadable): ContractTarget {
  let stat: fs.Stats
  try {
    stat = fs.statSync(target)
  } catch (error) {
    throw unreadable(whyUnreadable(error), target)
  }
  if (stat.isFile()) return { kind: 'file' }
  if (!stat.isDirectory()) return { kind: 'other' }
  return {
    kind: 'directory',
    manifests: fs
      .readdirSync(target)
      .filter((name) => name.endsWith('.contract.json'))
      .sort()
  }
}

/** Every file under a directory whose name is of a contract kind, by path from it with `/`, sorted. */
export function contractFilesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && kindOfName(e.name) !== null)
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/** The directory a manifest's copies are in: `<name>.contract/` beside `<name>.contract.json`. */
export function copiesDirOf(manifestFile: string): string {
  return manifestFile.slice(0, -'.json'.length)
}

/** A file by its path from a root (`a/b.yaml`); null when it cannot be read. */
export function readContractFile(root: string, relative: string): Buffer | null {
  try {
    return fs.readFileSync(path.join(root, ...relative.split('/')))
  } catch {
    return null
  }
}

/** The manifest of a contract kept under its digest's hex in a store directory. */
export function keptManifestFile(store: string, hex: string): string {
  return path.join(store, `${hex}.contract.json`)
}

/** Whether a file is there to be read. */
export function exists(file: string): boolean {
  return fs.existsSync(file)
}

/**
 * Writes a contract's copies and manifest under its digest's hex, replacing whatever was
 * kept there whole: the manifest goes first and comes back last, so a reader never finds a
 * manifest beside the files of another contract. Throws the file system's error.
 */
export function replaceKeptContract(
  store: string,
  hex: string,
  manifestJson: string,
  files: readonly { readonly path: string; readonly bytes: Buffer }[]
): void {
  const base = path.join(store, hex)
  const manifestFile = `${base}.contract.json`
  const temp = `${base}.${process.pid}.${randomUUID()}.tmp`
  try {
    fs.mkdirSync(`${temp}.contract`, { recursive: true })
    for (const file of files) {
      const target = path.join(`${temp}.contract`, ...file.path.split('/'))
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.writeFileSync(target, file.bytes)
    }
    fs.writeFileSync(`${temp}.contract.json`, manifestJson)
    fs.rmSync(manifestFile, { force: true })
    fs.rmSync(`${base}.contract`, { recursive: true, force: true })
    fs.renameSync(`${temp}.contract`, `${base}.contract`)
    fs.renameSync(`${temp}.contract.json`, manifestFile)
  } finally {
    fs.rmSync(`${temp}.contract`, { recursive: true, force: true })
    fs.rmSync(`${temp}.contract.json`, { force: true })
  }
}
