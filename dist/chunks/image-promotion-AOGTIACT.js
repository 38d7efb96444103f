import {
  digestReference,
  formatReference,
  parseImageReference,
  withDigest
} from "./chunk-N5LYBXRY.js";
import "./chunk-KRR2HU2L.js";
import {
  SealError
} from "./chunk-C7O7QJOZ.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/app/image/move-image.ts
async function moveImage(reference, digest, rule, registry, environment) {
  const done = [];
  const handedOut = reference.digest ?? digest;
  let imageRef = digestReference(reference, handedOut);
  if (rule.tag !== null) {
    await registry.retag(reference, digest, rule.tag);
    done.push(
      `${formatReference({ ...reference, tag: rule.tag, digest: null })} now names ${digest}`
    );
  }
  if (rule.copyTo !== null) {
    const destination = parseImageReference(
      rule.copyTo,
      `environments.${environment}.image.copy-to`
    );
    const copied = await registry.copy(withDigest(reference, digest), digest, destination);
    imageRef = digestReference(destination, handedOut);
    done.push(
      `copied ${digest} to ${formatReference(destination)}: ${copied.manifests} manifest(s); blobs ${copied.blobs.mounted} mounted, ${copied.blobs.uploaded} uploaded, ${copied.blobs.present} already there; ${copied.referrers} referrer(s)`
    );
  }
  return { imageRef, done };
}

// src/app/promote/image-promotion.ts
async function finishImagePromotion(asked, registry) {
  let recordAttached = null;
  let recordNotAttached = null;
  const done = [];
  const image = digestReference(asked.reference, asked.digest);
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
        if (!(error instanceof SealError)) throw error;
        recordNotAttached = `${asked.pushInput}: the signed record was not attached to ${image}: ${error.message} The promotion stands: the ledger holds the record` + (asked.signedRecordUri === null ? "." : ` and its signed summary (${asked.signedRecordUri}).`);
      }
    }
  }
  let imageRef = digestReference(asked.reference, asked.reference.digest ?? asked.digest);
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
