import type { Digest } from '../../core/digest.js'
import { SealError } from '../../core/errors.js'
import { type ImageReference, digestReference } from '../../core/image/reference.js'
import type { ImageRule } from '../../core/promotion/policy.js'
import type { AttachReport, ImageRegistry } from '../../stores/registry/image-registry.js'
import { moveImage } from '../image/move-image.js'

/** What an allowed promotion of an image did in its registry, after the record was written. */
export interface ImagePromotion {
  /** `name@sha256:…` for the deploy step: the copy's when the policy copies the image. */
  readonly imageRef: string
  /** One line per thing done, for the log. */
  readonly done: readonly string[]
  /** The signed record attached to the image (push-to-registry); null when it was not asked or not attached. */
  readonly recordAttached: AttachReport | null
  /**
   * Why the signed record is not in the registry although push-to-registry asked for it: the
   * promotion stands (it is in the ledger), this is a warning.
   */
  readonly recordNotAttached: string | null
}

export interface ImagePromotionAsked {
  readonly reference: ImageReference
  /** The digest the gate let in. */
  readonly digest: Digest
  readonly environment: string
  /** The environment's `image:` rule; absent when the policy moves nothing. */
  readonly rule: ImageRule | undefined
  /** push-to-registry: attach the signed record (VSA) to the image. */
  readonly pushToRegistry: boolean
  /** The record's signed verification summary (a Sigstore bundle's JSON); null when records are not signed. */
  readonly signedRecord: string | null
  /** Where the ledger keeps the signed record (its attestation's URI), for the warning when the push fails. */
  readonly signedRecordUri: string | null
  /** The input or flag that asks for the push, for messages. */
  readonly pushInput: string
}

/**
 * What the action and the CLI do in the registry once the gate allowed an image and the
 * record is pending, in this order:
 *
 * 1. push-to-registry: the record's signed VSA is attached to the sealed digest in the image's
 *    repository, in the layout the seal's attestation uses (referrers API, else the fallback
 *    tag). It goes first so that a `copy-to` below carries it to the copy with the seal's.
 *    The ledger is the record of the promotion; a registry that refuses the VSA does not undo
 *    it: the failure comes back as a warning naming the image and why.
 * 2. The policy's `image:` rule (retag, copy-to). A failure there fails the step: the record
 *    stays pending and is never confirmed.
 */
export async function finishImagePromotion(
  asked: ImagePromotionAsked,
  registry: ImageRegistry
): Promise<ImagePromotion> {
  let recordAttached: AttachReport | null = null
  let recordNotAttached: string | null = null
  const done: string[] = []
  const image = digestReference(asked.reference, asked.digest)
  if (asked.pushToRegistry) {
    if (asked.signedRecord === null) {
      recordNotAttached = `${asked.pushInput}: the record is not signed, so there is no verification summary to attach to ${image}`
    } else {
      try {
        recordAttached = await registry.attachBundle(
          asked.reference,
          asked.digest,
          Buffer.from(asked.signedRecord)
        )
        done.push(
          `Attached the signed record (verification summary) to ${image} as ${recordAttached.manifest}, ` +
            (recordAttached.via === 'referrers-api'
              ? "listed by the registry's referrers API"
              : `listed under the fallback tag ${recordAttached.tag ?? ''}`)
        )
      } catch (error) {
        if (!(error instanceof SealError)) throw error
        recordNotAttached =
          `${asked.pushInput}: the signed record was not attached to ${image}: ${error.message} ` +
          'The promotion stands: the ledger holds the record' +
          (asked.signedRecordUri === null
            ? '.'
            : ` and its signed summary (${asked.signedRecordUri}).`)
      }
    }
  }
  // What the gate handed out: the sealed digest, or the platform image of its index asked for by digest.
  let imageRef = digestReference(asked.reference, asked.reference.digest ?? asked.digest)
  if (asked.rule !== undefined) {
    const moved = await moveImage(
      asked.reference,
      asked.digest,
      asked.rule,
      registry,
      asked.environment
    )
    imageRef = moved.imageRef
    done.push(...moved.done)
  }
  return { imageRef, done, recordAttached, recordNotAttached }
}
