import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/errors.ts:src/app/promote/image-promotion.ts
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$messageOf, m13$quote, m13$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/promote/image-promotion.ts
import { m14$DOCKER_HUB, m14$DOCKER_HUB_HOST, m14$OCI_SCHEME, m14$digestReference, m14$formatReference, m14$isImageSubject, m14$namesRegistry, m14$parseImageReference, m14$parseImageSubject, m14$parsePlainHttpRegistries, m14$registryHost, m14$sameRepository, m14$subjectName, m14$withDigest, m14$withTag } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/move-image.ts
import { m14$DOCKER_HUB as m14$DOCKER_HUB2, m14$DOCKER_HUB_HOST as m14$DOCKER_HUB_HOST2, m14$OCI_SCHEME as m14$OCI_SCHEME2, m14$digestReference as m14$digestReference2, m14$formatReference as m14$formatReference2, m14$isImageSubject as m14$isImageSubject2, m14$namesRegistry as m14$namesRegistry2, m14$parseImageReference as m14$parseImageReference2, m14$parseImageSubject as m14$parseImageSubject2, m14$parsePlainHttpRegistries as m14$parsePlainHttpRegistries2, m14$registryHost as m14$registryHost2, m14$sameRepository as m14$sameRepository2, m14$subjectName as m14$subjectName2, m14$withDigest as m14$withDigest2, m14$withTag as m14$withTag2 } from "../promote/index-core.js";

// src/app/image/move-image.ts?promote
async function moveImage(reference, digest, rule, registry, environment) {
  const done = [];
  const handedOut = reference.digest ?? digest;
  let imageRef = m14$digestReference2(reference, handedOut);
  if (rule.tag !== null) {
    await registry.retag(reference, digest, rule.tag);
    done.push(
      `${m14$formatReference2({ ...reference, tag: rule.tag, digest: null })} now names ${digest}`
    );
  }
  if (rule.copyTo !== null) {
    const destination = m14$parseImageReference2(
      rule.copyTo,
      `environments.${environment}.image.copy-to`
    );
    const copied = await registry.copy(m14$withDigest2(reference, digest), digest, destination);
    imageRef = m14$digestReference2(destination, handedOut);
    done.push(
      `copied ${digest} to ${m14$formatReference2(destination)}: ${copied.manifests} manifest(s); blobs ${copied.blobs.mounted} mounted, ${copied.blobs.uploaded} uploaded, ${copied.blobs.present} already there; ${copied.referrers} referrer(s)`
    );
  }
  return { imageRef, done };
}

// src/app/promote/image-promotion.ts?promote
async function finishImagePromotion(asked, registry) {
  let recordAttached = null;
  let recordNotAttached = null;
  const done = [];
  const image = m14$digestReference(asked.reference, asked.digest);
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
        if (!(error instanceof m13$SealError)) throw error;
        recordNotAttached = `${asked.pushInput}: the signed record was not attached to ${image}: ${error.message} The promotion stands: the ledger holds the record` + (asked.signedRecordUri === null ? "." : ` and its signed summary (${asked.signedRecordUri}).`);
      }
    }
  }
  let imageRef = m14$digestReference(asked.reference, asked.reference.digest ?? asked.digest);
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
