import * as path from 'node:path'
import { type SealOptions, type SealedArtifact, type SubjectSpec, sealSubject } from '../core/seal.js'
import { LocalDirectoryStore } from '../stores/evidence/local-directory.js'
import { type SealBundleLocation, fileSafeName } from '../stores/evidence/seal-bundle.js'

export interface BundleDestination {
  /** The directory the user chose, or null for `<defaultParent>/<artifact name>`. */
  readonly outputDir: string | null
  readonly defaultParent: string
  /** Names the input or option that sets the directory, for error messages. */
  readonly inputName: string
}

/**
 * Seals the subject and writes its bundle: the one use case the seal action and the
 * `seal` command share. The bundle's own directory is never part of what is sealed.
 */
export async function sealToBundle(
  subject: SubjectSpec,
  options: SealOptions,
  destination: BundleDestination
): Promise<{ artifact: SealedArtifact; bundle: SealBundleLocation }> {
  const { outputDir, defaultParent, inputName } = destination
  const sealed =
    subject.kind === 'paths' ? { ...subject, skipDirs: [...(subject.skipDirs ?? []), defaultParent, ...(outputDir ? [outputDir] : [])] } : subject
  const artifact = await sealSubject(sealed, options)
  const dir = outputDir ?? path.join(defaultParent, fileSafeName(artifact.name))
  const bundle = await new LocalDirectoryStore(dir, inputName).putSealBundle(artifact)
  return { artifact, bundle }
}
