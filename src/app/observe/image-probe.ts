import type { Digest } from '../../core/digest.js'
import { SealError } from '../../core/errors.js'
import { parseImageReference } from '../../core/image/reference.js'
import { judgeDigests, type ProbeResult, unknown } from '../../core/observe/observation.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'

/**
 * Asks the image's registry which digest its tag names now (the top-level manifest, an index
 * for a multi-platform image), with the registry client promote uses: a tag moved by hand is
 * drift; a registry that cannot answer is "unknown".
 */
export async function imageProbe(
  image: string,
  live: Digest,
  registry: ImageRegistry
): Promise<ProbeResult> {
  try {
    const reference = parseImageReference(image, 'observe image')
    const resolved = await registry.resolve(reference)
    const result = judgeDigests('image', [resolved.digest], live)
    return result.verdict === 'drifted'
      ? { ...result, detail: `${image} names ${resolved.digest}, not the live ${live}` }
      : result
  } catch (error) {
    if (error instanceof SealError) return unknown('image', error.message)
    throw error
  }
}
