import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/errors.ts:src/app/promote/image-promotion.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/promote/image-promotion.ts
import { m15$DOCKER_HUB, m15$DOCKER_HUB_HOST, m15$OCI_SCHEME, m15$digestReference, m15$formatReference, m15$isImageSubject, m15$namesRegistry, m15$parseImageReference, m15$parseImageSubject, m15$parsePlainHttpRegistries, m15$registryHost, m15$sameRepository, m15$subjectName, m15$withDigest, m15$withTag } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/move-image.ts
import { m15$DOCKER_HUB as m15$DOCKER_HUB2, m15$DOCKER_HUB_HOST as m15$DOCKER_HUB_HOST2, m15$OCI_SCHEME as m15$OCI_SCHEME2, m15$digestReference as m15$digestReference2, m15$formatReference as m15$formatReference2, m15$isImageSubject as m15$isImageSubject2, m15$namesRegistry as m15$namesRegistry2, m15$parseImageReference as m15$parseImageReference2, m15$parseImageSubject as m15$parseImageSubject2, m15$parsePlainHttpRegistries as m15$parsePlainHttpRegistries2, m15$registryHost as m15$registryHost2, m15$sameRepository as m15$sameRepository2, m15$subjectName as m15$subjectName2, m15$withDigest as m15$withDigest2, m15$withTag as m15$withTag2 } from "../promote/index-core.js";

// src/app/image/move-image.ts?promote
async function moveImage(reference, digest, rule, registry, environment) {
  const done = [];
  const handedOut = reference.digest ?? digest;
  let imageRef = m15$digestReference2(reference, handedOut);
  if (rule.tag !== null) {
    await registry.retag(reference, digest, rule.tag);
    done.push(
      `${m15$formatReference2({ ...reference, tag: rule.tag, digest: null })} now names ${digest}`
    );
  }
  if (rule.copyTo !== null) {
    const destination = m15$parseImageReference2(
      rule.copyTo,
      `environments.${environment}.image.copy-to`
    );
    const copied = await registry.copy(m15$withDigest2(reference, digest), digest, destination);
    imageRef = m15$digestReference2(destination, handedOut);
    done.push(
      `copied ${digest} to ${m15$formatReference2(destination)}: ${copied.manifests} manifest(s); blobs ${copied.blobs.mounted} mounted, ${copied.blobs.uploaded} uploaded, ${copied.blobs.present} already there; ${copied.referrers} referrer(s)`
    );
  }
  return { imageRef, done };
}

// src/app/promote/image-promotion.ts?promote
async function finishImagePromotion(asked, registry) {
  let recordAttached = null;
  let recordNotAttached = null;
  const done = [];
  const image = m15$digestReference(asked.reference, asked.digest);
  if (asked.pushToRegistry) {
    if (asked.signedRecord === null) {
      recordNotAttached = `${asked.pushInput}: the record is not signed, so there is no verification summary to attach to ${image}`;
    } else {
      try {
        recordAttached = await registry.attachBundle(
          asked.reference,
          asked.digest,
          Buffer.from(asked.signedRecord)
        );
        done.push(
          `Attached the signed record (verification summary) to ${image} as ${recordAttached.manifest}, ` + (recordAttached.via === "referrers-api" ? "listed by the registry's referrers API" : `listed under the fallback tag ${recordAttached.tag ?? ""}`)
        );
      } catch (error) {
        if (!(error instanceof m14$SealError)) throw error;
        recordNotAttached = `${asked.pushInput}: the signed record was not attached to ${image}: ${error.message} The promotion stands: the ledger holds the record` + (asked.signedRecordUri === null ? "." : ` and its signed summary (${asked.signedRecordUri}).`);
      }
    }
  }
  let imageRef = m15$digestReference(asked.reference, asked.reference.digest ?? asked.digest);
  if (asked.rule !== void 0) {
    const moved = await moveImage(
      asked.reference,
      asked.digest,
      asked.rule,
      registry,
      asked.environment
    );
    imageRef = moved.imageRef;
    done.push(...moved.done);
  }
  return { imageRef, done, recordAttached, recordNotAttached };
}
export {
  finishImagePromotion
};
