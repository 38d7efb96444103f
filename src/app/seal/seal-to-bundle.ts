import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import { refuseListingAsFile } from '../../core/kind.js'
import { parseListing } from '../../core/listing.js'
import {
  type SealOptions,
  type SealedArtifact,
  type SubjectSpec,
  sealSubject
} from '../../core/seal.js'
import { LocalDirectoryStore, isInsideTree } from '../../stores/evidence/local-directory.js'
import { type SealBundleLocation, fileSafeName } from '../../stores/evidence/seal-bundle.js'
import type { BundleDestination, BundleFinisher } from './types.js'

/**
 * Seals the subject and writes its bundle: the one use case the seal action and the
 * `seal` command share. The bundle's own directory is never part of what is sealed, and a
 * chosen one inside the sealed tree is refused: a later verify of the tree would find the
 * bundle's files there. A single file that is a checksums listing is refused too (see
 * `refuseListingAsFile`). Both are checked before anything is written.
 */
export async function sealToBundle(
  subject: SubjectSpec,
  options: SealOptions,
  destination: BundleDestination,
  finish?: BundleFinisher
): Promise<{ artifact: SealedArtifact; bundle: SealBundleLocation }> {
  const { outputDir, defaultParent, inputName } = destination
  const sealed =
    subject.kind === 'paths'
      ? {
          ...subject,
          skipDirs: [...(subject.skipDirs ?? []), defaultParent, ...(outputDir ? [outputDir] : [])]
        }
      : subject
  const artifact = await sealSubject(sealed, options)
  if (subject.kind === 'paths' && artifact.root !== null) {
    if (artifact.kind === 'file') {
      const only = parseListing(artifact.listing.toString('utf8'), 'the sealed listing')[0]
        ?.path as string
      refuseListingAsFile(path.join(artifact.root, ...only.split('/')), subject.inputName)
    } else if (outputDir !== null && isInsideTree(outputDir, artifact.root)) {
      throw new SealError(
        'bad-input',
        `${inputName}: ${quote(outputDir)} is inside the sealed tree ${quote(artifact.root)}. A later verify ` +
          `of the tree would find the seal bundle's files there, ` +
          `files that were not sealed. Give a directory outside the tree${
            inputName === '--out'
              ? ''
              : `, or leave ${inputName} empty for a ` +
                `directory under the runner's temp directory`
          }.`
      )
    }
  }
  const finished = finish ? await finish(artifact) : { artifact, extras: {} }
  const dir = outputDir ?? path.join(defaultParent, fileSafeName(artifact.name))
  const bundle = await new LocalDirectoryStore(dir, inputName).putSealBundle(
    finished.artifact,
    finished.extras
  )
  return { artifact: finished.artifact, bundle }
}
