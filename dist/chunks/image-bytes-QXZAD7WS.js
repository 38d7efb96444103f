import {
  childOf,
  formatPlatform,
  m11$sha256Digest,
  openImageRegistry,
  platformChildren,
  platformMatches,
  requirePlatforms
} from "./chunk-DBT6NI6F.js";
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
import { m14$DOCKER_HUB, m14$DOCKER_HUB_HOST, m14$OCI_SCHEME, m14$digestReference, m14$formatReference, m14$isImageSubject, m14$namesRegistry, m14$parseImageReference, m14$parseImageSubject, m14$parsePlainHttpRegistries, m14$registryHost, m14$sameRepository, m14$subjectName, m14$withDigest, m14$withTag } from "../promote/index-core.js";

// stand-in:promote:src/core/statement.ts:src/app/image/image-bytes.ts
import { m27$DIGEST_ONLY_ANNOTATION, m27$GITHUB_WORKFLOW_BUILD_TYPE, m27$LOCAL_BUILD_TYPE, m27$SLSA_PROVENANCE_TYPE, m27$STATEMENT_TYPE, m27$buildStatement, m27$commitUrl, m27$digestOnlySubject, m27$runUrl, m27$statementSubject, m27$workflowPath } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/image/check-image.ts
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$messageOf, m13$quote, m13$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/check-image.ts
import { m14$DOCKER_HUB as m14$DOCKER_HUB2, m14$DOCKER_HUB_HOST as m14$DOCKER_HUB_HOST2, m14$OCI_SCHEME as m14$OCI_SCHEME2, m14$digestReference as m14$digestReference2, m14$formatReference as m14$formatReference2, m14$isImageSubject as m14$isImageSubject2, m14$namesRegistry as m14$namesRegistry2, m14$parseImageReference as m14$parseImageReference2, m14$parseImageSubject as m14$parseImageSubject2, m14$parsePlainHttpRegistries as m14$parsePlainHttpRegistries2, m14$registryHost as m14$registryHost2, m14$sameRepository as m14$sameRepository2, m14$subjectName as m14$subjectName2, m14$withDigest as m14$withDigest2, m14$withTag as m14$withTag2 } from "../promote/index-core.js";

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
    const where = `image ${m13$quote(m14$formatReference2(m14$withDigest2(reference, expected)))}`;
    if (top.manifest.kind === "index") {
      requirePlatforms(platforms, wanted, where);
    } else {
      const platform = await registry.imagePlatform(reference, top);
      const missing = wanted.filter((want) => !platformMatches(platform, want));
      if (missing.length > 0)
        throw new m13$SealError(
          "refused",
          `${where}: the platforms rule asks for ${missing.map(m13$quote).join(", ")}, and the sealed image is a single image for ${m13$quote(platform)} (its config says so), not an index with an image for each. Push the image as an index for those platforms (docker buildx build --platform \u2026), or drop them from the platforms rule for this environment.`
        );
    }
  }
  return {
    digest: expected,
    imageRef: m14$digestReference2(reference, handedOut.digest),
    platform: handedOut.platform,
    platforms
  };
}
function platformChild(reference, top, child) {
  const where = `image ${m13$quote(m14$formatReference2(reference))}`;
  const index = top.manifest.kind === "index" ? top.manifest : null;
  const found = index === null ? null : childOf(index, child);
  const platform = index === null || found === null ? void 0 : platformChildren({ ...index, manifests: [found] })[0];
  if (platform !== void 0) return platform;
  const why = index === null ? `the sealed ${top.digest} is a single image, not an index, so it has no platform images` : found === null ? `it is not among the platform images of the sealed index ${top.digest}` : `it is a child of the sealed index ${top.digest}, but ${found.platform === void 0 ? "has no platform" : `for ${m13$quote(formatPlatform(found.platform))}, an attestation manifest`}`;
  throw new m13$SealError(
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
      const attached = await registry.bundles(m14$withDigest(source.reference, digest), digest, {
        predicateType: m27$SLSA_PROVENANCE_TYPE
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
            digest: m11$sha256Digest(found.bundle)
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
