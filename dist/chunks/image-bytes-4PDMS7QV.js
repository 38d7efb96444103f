import {
  childOf,
  formatPlatform,
  m12$sha256Digest,
  openImageRegistry,
  platformChildren,
  platformMatches,
  requirePlatforms
} from "./chunk-IPIGRRXT.js";
import "./chunk-6Q2WRFY4.js";
import "./chunk-ERNWVJRV.js";
import "./chunk-P4TSECCU.js";
import "./chunk-PXYCEGCV.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-IOF2R6EN.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/image-bytes.ts
import { m15$DOCKER_HUB, m15$DOCKER_HUB_HOST, m15$OCI_SCHEME, m15$digestReference, m15$formatReference, m15$isImageSubject, m15$namesRegistry, m15$parseImageReference, m15$parseImageSubject, m15$parsePlainHttpRegistries, m15$registryHost, m15$sameRepository, m15$subjectName, m15$withDigest, m15$withTag } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/app/image/image-bytes.ts
import { m28$DIGEST_ONLY_ANNOTATION, m28$GITHUB_WORKFLOW_BUILD_TYPE, m28$LOCAL_BUILD_TYPE, m28$SLSA_PROVENANCE_TYPE, m28$STATEMENT_TYPE, m28$buildStatement, m28$commitUrl, m28$digestOnlySubject, m28$runUrl, m28$statementSubject, m28$workflowPath } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/image/check-image.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/check-image.ts
import { m15$DOCKER_HUB as m15$DOCKER_HUB2, m15$DOCKER_HUB_HOST as m15$DOCKER_HUB_HOST2, m15$OCI_SCHEME as m15$OCI_SCHEME2, m15$digestReference as m15$digestReference2, m15$formatReference as m15$formatReference2, m15$isImageSubject as m15$isImageSubject2, m15$namesRegistry as m15$namesRegistry2, m15$parseImageReference as m15$parseImageReference2, m15$parseImageSubject as m15$parseImageSubject2, m15$parsePlainHttpRegistries as m15$parsePlainHttpRegistries2, m15$registryHost as m15$registryHost2, m15$sameRepository as m15$sameRepository2, m15$subjectName as m15$subjectName2, m15$withDigest as m15$withDigest2, m15$withTag as m15$withTag2 } from "../promote/index-core.js";

// src/app/image/check-image.ts?promote
async function checkImage(reference, expected, registry, options = {}) {
  let top;
  let handedOut;
  if (reference.digest !== null && reference.digest !== expected) {
    top = await registry.fetchManifest(reference, expected);
    const child = platformChild(reference, top, reference.digest);
    await registry.fetchManifest(reference, child.descriptor.digest);
    handedOut = { digest: child.descriptor.digest, platform: child.platform };
  } else {
    top = (await registry.pin(reference, expected)).manifest;
    handedOut = { digest: top.digest, platform: null };
  }
  const platforms = top.manifest.kind === "index" ? platformChildren(top.manifest) : [];
  const wanted = options.platforms ?? [];
  if (wanted.length > 0) {
    const where = `image ${m14$quote(m15$formatReference2(m15$withDigest2(reference, expected)))}`;
    if (top.manifest.kind === "index") {
      requirePlatforms(platforms, wanted, where);
    } else {
      const platform = await registry.imagePlatform(reference, top);
      const missing = wanted.filter((want) => !platformMatches(platform, want));
      if (missing.length > 0)
        throw new m14$SealError(
          "refused",
          `${where}: the platforms rule asks for ${missing.map(m14$quote).join(", ")}, and the sealed image is a single image for ${m14$quote(platform)} (its config says so), not an index with an image for each. Push the image as an index for those platforms (docker buildx build --platform \u2026), or drop them from the platforms rule for this environment.`
        );
    }
  }
  return {
    digest: expected,
    imageRef: m15$digestReference2(reference, handedOut.digest),
    platform: handedOut.platform,
    platforms
  };
}
function platformChild(reference, top, child) {
  const where = `image ${m14$quote(m15$formatReference2(reference))}`;
  const index = top.manifest.kind === "index" ? top.manifest : null;
  const found = index === null ? null : childOf(index, child);
  const platform = index === null || found === null ? void 0 : platformChildren({ ...index, manifests: [found] })[0];
  if (platform !== void 0) return platform;
  const why = index === null ? `the sealed ${top.digest} is a single image, not an index, so it has no platform images` : found === null ? `it is not among the platform images of the sealed index ${top.digest}` : `it is a child of the sealed index ${top.digest}, but ${found.platform === void 0 ? "has no platform" : `for ${m14$quote(formatPlatform(found.platform))}, an attestation manifest`}`;
  throw new m14$SealError(
    "refused",
    `${where}: ${child} is not the sealed digest, and ${why}. Deploy the sealed digest, or a platform digest the sealed index lists.`
  );
}

// src/app/image/image-bytes.ts?promote
async function checkImageBytes(source, expected, registry, options = {}) {
  const image = await checkImage(source.reference, expected, registry, options);
  return {
    verified: true,
    actual: image.digest,
    mismatches: [],
    path: null,
    artifact: null,
    sealedBy: null,
    name: source.reference.name,
    checksumsFile: source.checksumsFile,
    imageRef: image.imageRef,
    image
  };
}
function imageRegistryFor(source, env) {
  return openImageRegistry(env, source.token, { insecureRegistries: source.plainHttp });
}
function imageSignatureSources(base, source, registry) {
  const api = base.attestations;
  return {
    checksumsFile: base.checksumsFile,
    attestationsLooked: (digest) => `no signed seal attached to ${source.reference.name}@${digest} in its registry (referrers API and fallback tag)${api === null ? "" : ` and no attestation for ${digest} in the repository's attestations`}`,
    attestations: async (digest) => {
      const attached = await registry.bundles(m15$withDigest(source.reference, digest), digest, {
        predicateType: m28$SLSA_PROVENANCE_TYPE
      });
      const fromRegistry = attached.flatMap((found) => {
        let bundle;
        try {
          bundle = JSON.parse(found.bundle.toString("utf8"));
        } catch {
          bundle = { unparsable: found.referrer.manifest.digest };
        }
        return [
          {
            bundle,
            // A URI, as a promotion's signed summary names its input attestation by this: the referrer
            // in the registry, on the wire's registry and repository so any reader can fetch it.
            source: `oci://${source.reference.registry}/${source.reference.repository}@${found.referrer.manifest.digest}`,
            digest: m12$sha256Digest(found.bundle)
          }
        ];
      });
      return [...fromRegistry, ...api === null ? [] : await api(digest)];
    }
  };
}
export {
  checkImageBytes,
  imageRegistryFor,
  imageSignatureSources
};
