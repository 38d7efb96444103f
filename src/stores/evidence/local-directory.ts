import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import type { SealedArtifact } from '../../core/seal.js'
import { type EvidenceStore, type SealBundleLocation, bundleFileNames } from './seal-bundle.js'

/**
 * Keeps the seal bundle in a directory. Each file is written under a temporary name and
 * renamed into place, so a failed seal never leaves a half-written listing or statement.
 */
export class LocalDirectoryStore implements EvidenceStore {
  constructor(
    private readonly dir: string,
    private readonly inputName: string
  ) {}

  async putSealBundle(artifact: SealedArtifact): Promise<SealBundleLocation> {
    const names = bundleFileNames(artifact.name)
    try {
      await fs.mkdir(this.dir, { recursive: true })
    } catch (error) {
      throw this.cannotWrite(this.dir, error)
    }
    const files = [
      { final: path.join(this.dir, names.checksums), content: artifact.listing },
      { final: path.join(this.dir, names.statement), content: `${JSON.stringify(artifact.statement, null, 2)}\n` }
    ]
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
    const renamed: string[] = []
    try {
      for (const file of files) await fs.writeFile(file.final + suffix, file.content)
      for (const file of files) {
        await fs.rename(file.final + suffix, file.final)
        renamed.push(file.final)
      }
    } catch (error) {
      await Promise.all([...files.map((f) => f.final + suffix), ...renamed].map((p) => fs.rm(p, { force: true })))
      throw this.cannotWrite(this.dir, error)
    }
    return { dir: this.dir, checksumsPath: files[0]!.final, statementPath: files[1]!.final }
  }

  private cannotWrite(target: string, error: unknown): SealError {
    const e = error as NodeJS.ErrnoException
    return new SealError(
      `${this.inputName}: cannot write the seal bundle to ${quote(target)} (${e.code ?? e.message}). Give a directory the runner can write to.`
    )
  }
}
