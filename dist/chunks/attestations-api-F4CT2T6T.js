import {
  getOctokit
} from "./chunk-GYN5OOAK.js";
import "./chunk-7EPTETJS.js";
import "./chunk-ULEFO6FB.js";

// src/attestation/attestations-api.ts?promote
import { createHash } from "node:crypto";

// stand-in:promote:src/core/digest.ts:src/attestation/attestations-api.ts
import { m9$digestFromHex, m9$hexOf, m9$parseDigest, m9$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/attestation/attestations-api.ts
import { m11$SealError, m11$exitCodeOf, m11$isSealError, m11$quote, m11$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/version.ts:src/attestation/attestations-api.ts
import { m24$VERSION } from "../promote/index-core.js";

// stand-in:promote:src/core/env.ts:src/attestation/attestations-api.ts
import { m10$DEFAULT_API_URL, m10$DEFAULT_SERVER_URL, m10$apiUrlOf, m10$serverUrlOf } from "../promote/index-core.js";

// src/attestation/attestations-api.ts?promote
function sha256Of(text) {
  return m9$digestFromHex(createHash("sha256").update(text).digest("hex"));
}
var PAGE_SIZE = 100;
function repositoryOf(env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) throw new Error("unreachable: the attestations API is used only on a runner, with GITHUB_REPOSITORY set");
  return {
    owner,
    repo,
    server: m10$serverUrlOf(env),
    apiUrl: m10$apiUrlOf(env)
  };
}
async function storeAttestation(bundle, options) {
  const { owner, repo, server, apiUrl } = repositoryOf(options.env);
  const octokit = getOctokit(options.token, { baseUrl: apiUrl, userAgent: `artifact-seal/${m24$VERSION}` });
  const response = await withRetries(
    options,
    "POST",
    `/repos/${owner}/${repo}/attestations`,
    "write",
    () => octokit.request("POST /repos/{owner}/{repo}/attestations", { owner, repo, bundle })
  );
  const id = response.data.id;
  if (typeof id !== "number") {
    throw new m11$SealError("unavailable", `The attestations API of ${owner}/${repo} (${apiUrl}) answered the POST without an attestation id, so the signature was not stored. Re-run the job.`);
  }
  return { id, url: `${server}/${owner}/${repo}/attestations/${id}` };
}
async function listAttestations(digest, options) {
  const { owner, repo, apiUrl } = repositoryOf(options.env);
  const octokit = getOctokit(options.token, { baseUrl: apiUrl, userAgent: `artifact-seal/${m24$VERSION}` });
  const route = `/repos/${owner}/${repo}/attestations/${digest}`;
  let response;
  try {
    response = await withRetries(
      options,
      "GET",
      route,
      "read",
      () => octokit.request("GET /repos/{owner}/{repo}/attestations/{subject_digest}", { owner, repo, subject_digest: digest, per_page: PAGE_SIZE })
    );
  } catch (error) {
    if (error.status === 404) return [];
    throw error;
  }
  const listed = response.data.attestations;
  if (!Array.isArray(listed)) throw new m11$SealError("unavailable", `The attestations API answered GET ${route} (${apiUrl}) without an attestations list. Re-run the job.`);
  const candidates = [];
  for (const [i, entry] of listed.entries()) {
    const e = entry;
    const source = `the attestation ${i + 1} of ${listed.length} for ${digest} in ${owner}/${repo}`;
    if (e?.bundle !== null && e?.bundle !== void 0) {
      candidates.push({ bundle: e.bundle, source, digest: sha256Of(JSON.stringify(e.bundle)) });
    } else if (typeof e?.bundle_url === "string") {
      const text = await fetchBundle(e.bundle_url);
      candidates.push({ bundle: parseOrMark(text), source, digest: sha256Of(text) });
    }
  }
  return candidates;
}
async function fetchBundle(url) {
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(1e4) });
  } catch (error) {
    throw new m11$SealError("unavailable", `cannot fetch the attestation bundle ${m11$quote(url)} (${error.message}). Check that the job can reach it, and re-run.`, { cause: error });
  }
  if (!response.ok) throw new m11$SealError("unavailable", `fetching the attestation bundle ${m11$quote(url)} answered ${response.status}. Re-run the job; if it persists, the attestation is gone.`);
  return response.text();
}
function parseOrMark(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { notJson: true };
  }
}
async function withRetries(options, method, route, access, request) {
  const attempts = options.attempts ?? 3;
  const apiUrl = m10$apiUrlOf(options.env);
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const status = error.status;
      const message = error.message ?? String(error);
      if (status === 404 && method === "GET") throw error;
      if (status === 401 || status === 403) {
        throw new m11$SealError(
          "denied",
          `${options.tokenInput}: ${method} ${route} (${apiUrl}) answered ${status} (${message}). Grant the job "permissions: attestations: ${access}"${access === "write" ? ' (with "id-token: write" for keyless signing)' : ""}, and give a token that has it.`
        );
      }
      if (status === 422) throw new m11$SealError("refused", `GitHub refused the attestation: ${method} ${route} answered 422 (${message}). The bundle was not stored; re-run the job, or sign with sign: none to seal unsigned.`);
      const retryable = status === void 0 || status >= 500 || status === 429;
      if (!retryable || attempt >= attempts) {
        throw new m11$SealError("unavailable", `${method} ${route} (${apiUrl}) failed${status ? ` with ${status}` : ""}: ${message}. Check that the job can reach the GitHub API, and re-run it.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
    }
  }
}
export {
  listAttestations,
  storeAttestation
};
