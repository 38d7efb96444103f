import * as fs from 'node:fs'
import * as path from 'node:path'
import picomatch from 'picomatch'
import type { Env } from '../../core/env.js'
import { SealError, isSealError, quote } from '../../core/errors.js'
import type { SealOptions } from '../../core/seal.js'
import { downloadAndVerify } from '../verify/download-and-verify.js'
import type { ArtifactPart, MergePartSource } from './types.js'

/**
 * Matrix fan-in from workflow artifacts: a `subject-parts` line that names no path on disk
 * names a workflow artifact of this run (or a glob over their names, as download-artifact's
 * `pattern`), uploaded by a leg's seal. Each is downloaded into a private directory and its
 * files proven against the listing that travelled with them before the merge reads that
 * listing; a leg that uploaded its bundle alone gives its listing without files.
 */

export interface FetchedPart {
  readonly source: MergePartSource
  /** The artifact the part came from. */
  readonly artifact: string
  /** The part's verified files; null when the leg uploaded its bundle alone. */
  readonly filesDir: string | null
}

export interface FetchPartsContext {
  readonly env: Env
  /** Where the downloads' private directories are made (the runner's temp, never the workspace). */
  readonly parent: string
  readonly inputName: string
  readonly seal: Pick<SealOptions, 'build'>
  readonly log: (message: string) => void
}

export async function fetchArtifactParts(
  parts: readonly ArtifactPart[],
  context: FetchPartsContext
): Promise<FetchedPart[]> {
  const { WorkflowArtifactStore } = await import('../../stores/evidence/workflow-artifact.js')
  const store = new WorkflowArtifactStore({ env: context.env, inputs: { name: context.inputName } })
  const names = await expandPatterns(parts, store, context)
  const fetched: FetchedPart[] = []
  for (const { name, artifact } of names) {
    let verified
    try {
      verified = await downloadAndVerify(
        store,
        { name: artifact, parent: context.parent, nameInput: context.inputName },
        { build: context.seal.build }
      )
    } catch (error) {
      // Bad input here is a leg that uploaded its bundle alone: its listing merges without files.
      if (!isSealError(error, 'bad-input')) throw error
      const bundleOnly = await store.download({ name: artifact, parent: context.parent })
      if (bundleOnly.filesDir !== null) throw error
      context.log(
        `${context.inputName}: ${quote(artifact)} holds its seal bundle only; its listing is merged without files.`
      )
      fetched.push({
        source: { ...(name ? { name } : {}), checksumsFile: bundleOnly.checksumsPath },
        artifact,
        filesDir: null
      })
      continue
    }
    context.log(
      `${context.inputName}: downloaded ${quote(artifact)} and verified ${verified.fileCount} file(s) against ` +
        `its seal ${verified.digest}`
    )
    fetched.push({
      source: {
        ...(name ? { name } : {}),
        checksumsFile: verified.artifact.checksumsPath,
        expectedDigest: verified.digest
      },
      artifact,
      filesDir: verified.artifact.filesDir
    })
  }
  return fetched
}

/** Each line's artifact names: a glob is matched against this run's artifacts, and must match one at least. */
async function expandPatterns(
  parts: readonly ArtifactPart[],
  store: { list(): Promise<string[]> },
  context: FetchPartsContext
): Promise<ArtifactPart[]> {
  const globs = parts.filter((p) => picomatch.scan(p.artifact).isGlob)
  const listed = globs.length > 0 ? await store.list() : []
  const out: ArtifactPart[] = []
  for (const part of parts) {
    if (!picomatch.scan(part.artifact).isGlob) {
      out.push(part)
      continue
    }
    if (part.name !== undefined) {
      throw new SealError(
        'bad-input',
        `${context.inputName}: ${quote(`${part.name}=${part.artifact}`)} gives one part name to a pattern, ` +
          `which may match several artifacts. Leave out "${part.name}=": each match is ` +
          'named after its own seal.'
      )
    }
    const isMatch = picomatch(part.artifact)
    const matches = listed.filter((n) => isMatch(n)).sort()
    if (matches.length === 0) {
      throw new SealError(
        'bad-input',
        `${context.inputName}: no workflow artifact of this run matches ${quote(part.artifact)} (the run has ${listed.length === 0 ? 'none' : listed.map(quote).join(', ')}). Upload the ` +
          'parts in earlier jobs this one needs.'
      )
    }
    out.push(...matches.map((artifact) => ({ artifact })))
  }
  return out
}

/**
 * The merged tree as one directory: each part's verified files under the part's name, by
 * links, so the merged seal can upload exactly the files its listing names.
 */
export function layOutParts(
  fetched: readonly { readonly name: string; readonly filesDir: string }[],
  parent: string
): string {
  const dir = fs.mkdtempSync(path.join(parent, 'merged-'))
  for (const part of fetched) {
    const target = path.join(dir, ...part.name.split('/'))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.symlinkSync(part.filesDir, target, 'dir')
  }
  return dir
}
