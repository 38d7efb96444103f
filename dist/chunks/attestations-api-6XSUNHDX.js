import {
  gitHubClient
} from "./chunk-5WOIGTM4.js";
import "./chunk-OM6KMUFD.js";
import {
  textWithin
} from "./chunk-X6ZNLF55.js";
import "./chunk-2W6K4FW3.js";
import {
  retrying
} from "./chunk-ERNWVJRV.js";
import {
  SYSTEM_CLOCK
} from "./chunk-P4TSECCU.js";
import {
  DEFAULT_POLICY
} from "./chunk-SJOLJ5TF.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/attestation/attestations-api.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/env.ts:src/attestation/attestations-api.ts
import { m13$DEFAULT_API_URL, m13$DEFAULT_SERVER_URL, m13$apiUrlOf, m13$serverUrlOf } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/attestation/attestations-api.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// src/attestation/attestations-api.ts?promote
var PAGE_SIZE = 100;
function repositoryOf(env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo)
    throw new Error(
      "unreachable: the attestations API is used only on a runner, with GITHUB_REPOSITORY set"
    );
  return { owner, repo, server: m13$serverUrlOf(env), apiUrl: m13$apiUrlOf(env) };
}
function clientOf(at, options) {
  return gitHubClient({
    token: options.token,
    apiUrl: at.apiUrl,
    policy: { ...DEFAULT_POLICY, ...options.policy },
    clock: { ...SYSTEM_CLOCK, ...options.clock },
    fail: (request, failure, attempts) => requestFailed(at, options.tokenInput, `${request.method} ${request.path}`, failure, attempts)
  });
}
async function storeAttestation(bundle, options) {
  const at = repositoryOf(options.env);
  const { owner, repo, server, apiUrl } = at;
  const octokit = clientOf(at, options);
  const subject = subjectDigestOf(bundle);
  const signature = signatureOf(bundle);
  const digestPage = subject === null ? null : `${apiUrl}/repos/${owner}/${repo}/attestations/${subject}`;
  const recover = async () => {
    if (subject === null || signature === null) return void 0;
    const stored = await listAttestations(subject, options);
    if (!stored.some((candidate) => signatureOf(candidate.bundle) === signature)) return void 0;
    return { status: 201, url: digestPage, headers: {}, data: { found: true } };
  };
  const response = await octokit.writeOnce(
    () => octokit.request("POST /repos/{owner}/{repo}/attestations", {
      owner,
      repo,
      bundle
    }),
    recover
  );
  if (response.data.found === true)
    return { id: null, url: digestPage };
  const id = response.data.id;
  if (typeof id !== "number") {
    throw new m14$SealError(
      "unavailable",
      `The attestations API of ${owner}/${repo} (${apiUrl}) answered the POST without an attestation id, so the signature was not stored. Re-run the job.`
    );
  }
  return { id, url: `${server}/${owner}/${repo}/attestations/${id}` };
}
async function listAttestations(digest, options) {
  const at = repositoryOf(options.env);
  const { owner, repo, apiUrl } = at;
  const octokit = clientOf(at, options);
  const route = `/repos/${owner}/${repo}/attestations/${digest}`;
  let response;
  try {
    response = await octokit.request("GET /repos/{owner}/{repo}/attestations/{subject_digest}", {
      owner,
      repo,
      subject_digest: digest,
      per_page: PAGE_SIZE
    });
  } catch (error) {
    if (m14$isSealError(error, "unreadable")) return [];
    throw error;
  }
  const listed = response.data.attestations;
  if (!Array.isArray(listed))
    throw new m14$SealError(
      "unavailable",
      `The attestations API answered GET ${route} (${apiUrl}) without an attestations list. Re-run the job.`
    );
  const candidates = [];
  for (const [i, entry] of listed.entries()) {
    const e = entry;
    const source = `the attestation ${i + 1} of ${listed.length} for ${digest} in ${owner}/${repo}`;
    if (e?.bundle !== null && e?.bundle !== void 0) {
      candidates.push({ bundle: e.bundle, source, digest: m12$sha256Digest(JSON.stringify(e.bundle)) });
    } else if (typeof e?.bundle_url === "string") {
      const text = await fetchBundle(e.bundle_url, options);
      candidates.push(
        text === null ? (
          // Checked like any other, and refused as one that does not verify.
          { bundle: { over: BUNDLE_MAX_BYTES }, source, digest: m12$sha256Digest(e.bundle_url) }
        ) : { bundle: parseOrMark(text), source, digest: m12$sha256Digest(text) }
      );
    }
  }
  return candidates;
}
var BUNDLE_MAX_BYTES = 16 * 1024 * 1024;
async function fetchBundle(url, options) {
  return retrying(
    async (signal) => {
      let response;
      try {
        response = await fetch(url, { signal });
      } catch (error) {
        return { failure: { kind: "network", detail: error.message } };
      }
      if (!response.ok)
        return {
          failure: response.status >= 500 || response.status === 408 ? { kind: "server", status: response.status, detail: String(response.status) } : { kind: "client", status: response.status, detail: String(response.status) }
        };
      return { value: await textWithin(response, BUNDLE_MAX_BYTES) };
    },
    {
      policy: { ...DEFAULT_POLICY, ...options.policy },
      clock: { ...SYSTEM_CLOCK, ...options.clock },
      fail: (failure) => failure.kind === "network" ? new m14$SealError(
        "unavailable",
        `cannot fetch the attestation bundle ${m14$quote(url)} (${failure.detail}). Check that the job can reach it, and re-run.`
      ) : new m14$SealError(
        failure.kind === "client" ? "unreadable" : "unavailable",
        `fetching the attestation bundle ${m14$quote(url)} answered ${failure.detail}. Re-run the job; if it persists, the attestation is gone.`
      )
    }
  );
}
function parseOrMark(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { notJson: true };
  }
}
function subjectDigestOf(bundle) {
  const payload = bundle?.dsseEnvelope?.payload;
  if (typeof payload !== "string") return null;
  try {
    const statement = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
    const hex = statement.subject?.[0]?.digest?.sha256;
    return typeof hex === "string" && /^[0-9a-f]{64}$/.test(hex) ? m12$digestFromHex(hex) : null;
  } catch {
    return null;
  }
}
function signatureOf(bundle) {
  const sig = bundle?.dsseEnvelope?.signatures?.[0]?.sig;
  return typeof sig === "string" && sig !== "" ? sig : null;
}
function requestFailed(at, tokenInput, request, failure, attempts) {
  const write = request.startsWith("POST");
  const access = write ? "write" : "read";
  if (failure.kind === "bad-credentials" || failure.kind === "forbidden" || failure.kind === "client" && failure.status === 403) {
    return new m14$SealError(
      "denied",
      `${tokenInput}: ${request} (${at.apiUrl}) answered ${failure.detail}. Grant the job "permissions: attestations: ${access}"${write ? ' (with "id-token: write" for keyless signing)' : ""}, and give a token that has it.`
    );
  }
  if (failure.kind === "client" && failure.status === 404 && !write)
    return new m14$SealError("unreadable", `${request} (${at.apiUrl}) found no attestation.`);
  if (failure.kind === "client" && failure.status === 422) {
    return new m14$SealError(
      "refused",
      `GitHub refused the attestation: ${request} answered 422 (${failure.detail}). The bundle was not stored; re-run the job, or sign with sign: none to seal unsigned.`
    );
  }
  return new m14$SealError(
    failure.kind === "client" ? "refused" : "unavailable",
    `${request} (${at.apiUrl}) failed${attempts > 1 ? ` ${attempts} times` : ""}: ${failure.detail}. Check that the job can reach the GitHub API, and re-run it.`
  );
}
export {
  listAttestations,
  storeAttestation
};
