import {
  SLSA_PROVENANCE_TYPE
} from "./chunk-X5XFE3KV.js";
import {
  openImageRegistry
} from "./chunk-KAQZWHN7.js";
import {
  digestReference,
  formatReference,
  withDigest
} from "./chunk-N5LYBXRY.js";
import {
  childOf,
  formatPlatform,
  platformChildren,
  platformMatches,
  requirePlatforms
} from "./chunk-ZPQHICT5.js";
import "./chunk-6ESBXOH6.js";
import {
  sha256Digest
} from "./chunk-KRR2HU2L.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import "./chunk-OTNJMBZK.js";
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

// src/app/image/check-image.ts
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
    const where = `image ${quote(formatReference(withDigest(reference, expected)))}`;
    if (top.manifest.kind === "index") {
      requirePlatforms(platforms, wanted, where);
    } else {
      const platform = await registry.imagePlatform(reference, top);
      const missing = wanted.filter((want) => !platformMatches(platform, want));
      if (missing.length > 0)
        throw new SealError(
          "refused",
          `${where}: the platforms rule asks for ${missing.map(quote).join(", ")}, and the sealed image is a single image for ${quote(platform)} (its config says so), not an index with an image for each. Push the image as an index for those platforms (docker buildx build --platform \u2026), or drop them from the platforms rule for this environment.`
        );
    }
  }
  return {
    digest: expected,
    imageRef: digestReference(reference, handedOut.digest),
    platform: handedOut.platform,
    platforms
  };
}
function platformChild(reference, top, child) {
  const where = `image ${quote(formatReference(reference))}`;
  const index = top.manifest.kind === "index" ? top.manifest : null;
  const found = index === null ? null : childOf(index, child);
  const platform = index === null || found === null ? void 0 : platformChildren({ ...index, manifests: [found] })[0];
  if (platform !== void 0) return platform;
  const why = index === null ? `the sealed ${top.digest} is a single image, not an index, so it has no platform images` : found === null ? `it is not among the platform images of the sealed index ${top.digest}` : `it is a child of the sealed index ${top.digest}, but ${found.platform === void 0 ? "has no platform" : `for ${quote(formatPlatform(found.platform))}, an attestation manifest`}`;
  throw new SealError(
    "refused",
    `${where}: ${child} is not the sealed digest, and ${why}. Deploy the sealed digest, or a platform digest the sealed index lists.`
  );
}

// src/app/image/image-bytes.ts
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
      const attached = await registry.bundles(withDigest(source.reference, digest), digest, {
        predicateType: SLSA_PROVENANCE_TYPE
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
            digest: sha256Digest(found.bundle)
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
