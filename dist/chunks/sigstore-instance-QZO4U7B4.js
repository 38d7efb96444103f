import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:seal:src/core/errors.ts:src/attestation/sigstore-instance.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../seal/index-core.js";

// src/attestation/sigstore-instance.ts?seal
var PUBLIC_GOOD_FULCIO_URL = "https://fulcio.sigstore.dev";
var PUBLIC_GOOD_REKOR_URL = "https://rekor.sigstore.dev";
var given = (value) => value === void 0 || value === null || value.trim() === "" ? void 0 : value.trim().replace(/\/+$/, "");
function githubInstanceEndpoints(serverUrl) {
  let host;
  try {
    host = new URL(serverUrl).hostname;
  } catch {
    throw new m14$SealError(
      "bad-input",
      `GITHUB_SERVER_URL ${m14$quote(serverUrl)} is not a URL, so GitHub's Sigstore endpoints cannot be found. Run on a GitHub runner, or set ARTIFACT_SEAL_FULCIO_URL and ARTIFACT_SEAL_TSA_URL.`
    );
  }
  const domain = host === "github.com" ? "githubapp.com" : host;
  return { fulcioUrl: `https://fulcio.${domain}`, tsaUrl: `https://timestamp.${domain}` };
}
function chooseSigstoreInstance(choice) {
  const name = choice.instance ?? (choice.visibility === "public" ? "public-good" : "github");
  const base = name === "public-good" ? { name, fulcioUrl: PUBLIC_GOOD_FULCIO_URL, rekorUrl: PUBLIC_GOOD_REKOR_URL } : { name, ...githubInstanceEndpoints(given(choice.serverUrl) ?? "https://github.com") };
  const fulcioUrl = given(choice.fulcioUrl) ?? base.fulcioUrl;
  const rekorUrl = given(choice.rekorUrl) ?? base.rekorUrl;
  const tsaUrl = given(choice.tsaUrl) ?? base.tsaUrl;
  return {
    name,
    fulcioUrl,
    ...rekorUrl === void 0 ? {} : { rekorUrl },
    ...tsaUrl === void 0 ? {} : { tsaUrl }
  };
}
function visibilityOf(payload) {
  const repository = payload?.repository;
  return typeof repository?.visibility === "string" ? repository.visibility : void 0;
}
function readEventVisibility(eventPath) {
  if (eventPath === void 0 || eventPath === "") return void 0;
  try {
    return visibilityOf(JSON.parse(readFileSync(eventPath, "utf8")));
  } catch {
    return void 0;
  }
}
export {
  PUBLIC_GOOD_FULCIO_URL,
  PUBLIC_GOOD_REKOR_URL,
  chooseSigstoreInstance,
  githubInstanceEndpoints,
  readEventVisibility,
  visibilityOf
};
