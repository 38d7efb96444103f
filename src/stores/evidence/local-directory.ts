import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import type { SealedArtifact } from '../../core/seal.js'
import {
  type BundleExtras,
  type EvidenceStore,
  type SealBundleLocation,
  bundleFileNames
} from './seal-bundle.js'
import { words } from '../../core/vocabulary.js'
import { isInside as isPathInside } from '../../core/paths.js'
import { removeQuietly } from './directory-handoff.js'

/**
 * Keeps the seal bundle in a directory. Each file is written under a temporary name and
 * renamed into place, so a failed seal never leaves a half-written listing or statement.
 * The calls are synchronous: a few small files, where the first asynchronous file
 * operation of a process would start libuv's thread pool, a millisecond and a half of a
 * small seal.
 */
export class LocalDirectoryStore implements EvidenceStore {
  constructor(
    private readonly dir: string,
    private readonly inputName: string
  ) {}

  async putSealBundle(
    artifact: SealedArtifact,
    extras: BundleExtras = {}
  ): Promise<SealBundleLocation> {
    const signed = extras.signed ?? null
    const contract = extras.contract ?? null
    const names = bundleFileNames(artifact.name)
    try {
      fs.mkdirSync(this.dir, { recursive: true })
    } catch (error) {
      throw this.cannotWrite(this.dir, error)
    }
    const files = [
      { final: path.join(this.dir, names.checksums), content: artifact.listing },
      {
        final: path.join(this.dir, names.statement),
        content: `${JSON.stringify(artifact.statement, null, 2)}\n`
      },
      ...(signed === null ? [] : [{ final: path.join(this.dir, names.sigstore), content: signed }]),
      ...(contract === null
        ? []
        : [{ final: path.join(this.dir, names.contract), content: contract.manifestJson }]),
      ...(artifact.modes
        ? [{ final: path.join(this.dir, names.modes), content: artifact.modes }]
        : [])
    ]
    if (!artifact.modes) removeQuietly(path.join(this.dir, names.modes))
    // A signature or contract left from an earlier seal of the same name would be taken for this one's.
    if (signed === null) removeQuietly(path.join(this.dir, names.sigstore))
    if (contract === null) {
      removeQuietly(path.join(this.dir, names.contract))
      removeQuietly(path.join(this.dir, names.contractDir))
    }
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
    const contractDir = path.join(this.dir, names.contractDir)
    const renamed: string[] = []
    try {
      for (const file of files) fs.writeFileSync(file.final + suffix, file.content)
      if (contract !== null) {
        for (const file of contract.files) {
          const target = path.join(contractDir + suffix, ...file.path.split('/'))
          fs.mkdirSync(path.dirname(target), { recursive: true })
          fs.writeFileSync(target, file.bytes)
        }
        fs.rmSync(contractDir, { recursive: true, force: true })
        fs.renameSync(contractDir + suffix, contractDir)
        renamed.push(contractDir)
      }
      for (const file of files) {
        fs.renameSync(file.final + suffix, file.final)
        renamed.push(file.final)
      }
    } catch (error) {
      for (const leftover of [
        ...files.map((f) => f.final + suffix),
        contractDir + suffix,
        ...renamed
      ])
        removeQuietly(leftover)
      throw this.cannotWrite(this.dir, error)
    }
    const at = (name: string): string | null =>
      files.some((f) => f.final === path.join(this.dir, name)) ? path.join(this.dir, name) : null
    return {
      dir: this.dir,
      checksumsPath: files[0]!.final,
      statementPath: files[1]!.final,
      sigstoreBundlePath: at(names.sigstore),
      contractPath: at(names.contract),
      contractDir: contract === null ? null : contractDir,
      modesPath: at(names.modes)
    }
  }

  private cannotWrite(target: string, error: unknown): SealError {
    const e = error as NodeJS.ErrnoException
    return new SealError(
      'unreadable',
      `${this.inputName}: cannot write the seal bundle to ${quote(target)} (${e.code ?? e.message}). Give a ` +
        `directory ${words().reader} can write to.`,
      { cause: e }
    )
  }
}

/**
 * Whether a directory (which may not exist yet) is inside a tree: compared as given and with links
 * resolved, so a link into the tree is caught too.
 */
export function isInsideTree(dir: string, root: string): boolean {
  return (
    isPathInside(path.resolve(dir), path.resolve(root)) ||
    isPathInside(realExisting(dir), realExisting(root))
  )
}

/** The real path of the deepest part that exists, with the rest appended: the directory may not exist yet. */
function realExisting(p: string): string {
  let existing = path.resolve(p)
  const rest: string[] = []
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest.reverse())
    } catch {
      const parent = path.dirname(existing)
      if (parent === existing) return path.resolve(p)
      rest.push(path.basename(existing))
      existing = parent
    }
  }
}
