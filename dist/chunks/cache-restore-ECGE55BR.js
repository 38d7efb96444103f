import {
  UnreadableArchiveError,
  openTarStream,
  readTar
} from "./chunk-R5IX5FKX.js";
import {
  checkAgainstListing,
  checkEntries
} from "./chunk-COPXFWXJ.js";
import {
  saveSignedUrl
} from "./chunk-FZHOXW7V.js";
import "./chunk-UTL6W6EB.js";
import {
  retrying
} from "./chunk-63EGTO4W.js";
import {
  DEFAULT_POLICY
} from "./chunk-Y3QM5BXP.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
import {
  basename,
  join
} from "./chunk-SHE4BTPW.js";
import {
  rmSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:observe:src/core/digest.ts:src/stores/evidence/cache-restore.ts
import { m11$digestFromHex, m11$hexOf, m11$parseDigest, m11$shortDigest } from "../observe/index-core.js";

// stand-in:observe:src/core/errors.ts:src/stores/evidence/cache-restore.ts
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$quote, m13$stopsPromotion } from "../observe/index-core.js";

// stand-in:observe:src/core/listing.ts:src/stores/evidence/cache-restore.ts
import { m16$checkListingPath, m16$compareUtf8, m16$describesListing, m16$diffListings, m16$digestOfListing, m16$formatListing, m16$listingFromDigests, m16$listingFromPathBytes, m16$parseListing, m16$sortEntries } from "../observe/index-core.js";

// stand-in:observe:src/stores/evidence/cache-layout.ts:src/stores/evidence/cache-restore.ts
import { m29$CACHE_FILES_DIR, m29$CACHE_KEY_PREFIX, m29$CACHE_SEAL_DIR, m29$CACHE_STAGING_DIR, m29$cacheArchivePrefix, m29$cacheKeyOf, m29$cacheStagingPath } from "../observe/index-core.js";

// stand-in:observe:src/core/env.ts:src/stores/evidence/cache-service.ts
import { m12$DEFAULT_API_URL, m12$DEFAULT_SERVER_URL, m12$apiUrlOf, m12$serverUrlOf } from "../observe/index-core.js";

// src/stores/evidence/cache-service.ts?observe
var COMPRESSION_METHODS = ["zstd-without-long", "gzip"];
var VERSION_SALT = "1.0";
var CACHE_SERVICE = "github.actions.results.api.v1.CacheService";
var CACHE_POLICY = { ...DEFAULT_POLICY, attempts: 3, timeoutMs: 3e4 };
function cacheReadUnavailable(env) {
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  if (mode === "none" || mode === "write-only")
    return `the runner's cache mode ${JSON.stringify(mode)} does not allow reading the cache`;
  if (serviceVersion(env) === "v2" ? !env.ACTIONS_RESULTS_URL : !(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL)) {
    return "the Actions cache service is not available here (ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL is not set)";
  }
  if (!env.ACTIONS_RUNTIME_TOKEN) return "the runner gave this step no ACTIONS_RUNTIME_TOKEN";
  return null;
}
function cacheVersion(stagingPath, method, platform = process.platform) {
  const components = [
    stagingPath,
    method,
    ...platform === "win32" ? ["windows-only"] : [],
    VERSION_SALT
  ];
  return createHash("sha256").update(components.join("|")).digest("hex");
}
async function lookupCacheEntry(env, key, stagingPath) {
  for (const method of COMPRESSION_METHODS) {
    const version = cacheVersion(stagingPath, method);
    const found = serviceVersion(env) === "v2" ? await lookupV2(env, key, version) : await lookupV1(env, key, version);
    if (found !== null) return found;
  }
  return null;
}
async function downloadCacheArchive(url, file) {
  return (await saveSignedUrl(url, file)).bytes;
}
function serviceVersion(env) {
  const host = new URL(m12$serverUrlOf(env)).hostname.trimEnd().toUpperCase();
  const ghes = host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
  return !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? "v2" : "v1";
}
async function lookupV2(env, key, version) {
  const url = new URL(`/twirp/${CACHE_SERVICE}/GetCacheEntryDownloadURL`, env.ACTIONS_RESULTS_URL).href;
  const body = await request(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`
    },
    body: JSON.stringify({ key, restore_keys: [], version })
  });
  const answer = body ?? {};
  if (answer.ok !== true) return null;
  const matched = answer.matched_key ?? answer.matchedKey;
  const signed = answer.signed_download_url ?? answer.signedDownloadUrl;
  if (matched !== key || typeof signed !== "string" || signed === "") return null;
  return { key, url: signed };
}
async function lookupV1(env, key, version) {
  const base = env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL || "";
  const url = `${base}_apis/artifactcache/cache?keys=${encodeURIComponent(key)}&version=${version}`;
  const body = await request(url, {
    method: "GET",
    headers: {
      Accept: "application/json;api-version=6.0-preview.1",
      Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`
    }
  });
  const answer = body ?? {};
  if (answer.cacheKey !== key || typeof answer.archiveLocation !== "string" || answer.archiveLocation === "")
    return null;
  return { key, url: answer.archiveLocation };
}
async function request(url, init) {
  return retrying(
    async (signal) => {
      const response = await fetch(url, { ...init, signal });
      const text = await response.text();
      if (response.status === 204) return { value: null };
      if (response.ok) {
        try {
          return { value: JSON.parse(text) };
        } catch {
          throw new Error(
            `the cache service answered ${response.status} with a body that is not JSON`
          );
        }
      }
      return {
        failure: response.status >= 500 ? { kind: "server", status: response.status, detail: detailOf(response.status, text) } : { kind: "client", status: response.status, detail: detailOf(response.status, text) }
      };
    },
    {
      policy: CACHE_POLICY,
      fail: (failure) => new Error(`the cache service answered ${failure.detail}`)
    }
  );
}
function detailOf(status, text) {
  let detail = "";
  try {
    const msg = JSON.parse(text) ?? {};
    detail = typeof msg.msg === "string" ? msg.msg : typeof msg.message === "string" ? msg.message : "";
  } catch {
  }
  return `${status}${detail ? `: ${detail}` : ""}`;
}

// stand-in:observe:src/stores/evidence/directory-handoff.ts:src/stores/evidence/cache-restore.ts
import { m30$copyListedFiles, m30$makeDirectories, m30$privateDir, m30$removeQuietly, m30$writeNewFile } from "../observe/index-core.js";

// stand-in:observe:src/stores/evidence/seal-bundle.ts:src/stores/evidence/cache-restore.ts
import { m31$bundleBaseOf, m31$bundleFileNames, m31$contractBeside, m31$fileSafeName, m31$isBundleEntry, m31$modesBeside, m31$sigstoreBundleBeside, m31$statementBeside } from "../observe/index-core.js";

// src/stores/evidence/cache-restore.ts?observe
var MAX_LISTING_BYTES = 128 * 1024 * 1024;
var ARCHIVE_FILE = "cache-archive";
async function restoreFromCache(digest, parent, options) {
  const { env, inputName, log } = options;
  const key = m29$cacheKeyOf(digest);
  const unavailable = cacheReadUnavailable(env);
  if (unavailable !== null) {
    log.info(`${inputName}: not restoring ${key}: ${unavailable}.`);
    return { kind: "miss", unreadable: unavailable };
  }
  let location;
  try {
    location = await lookupCacheEntry(env, key, m29$cacheStagingPath(env));
  } catch (error) {
    log.warning(
      `${inputName}: could not look up ${key} (${messageOf(error)}); going on without the cache.`
    );
    return { kind: "miss", unreadable: `its lookup failed: ${messageOf(error)}` };
  }
  if (location === null) return { kind: "miss" };
  const dir = m30$privateDir(parent, `${m11$hexOf(digest).slice(0, 12)}-cache-`, env, inputName);
  const archive = join(dir, ARCHIVE_FILE);
  try {
    try {
      const bytes = await downloadCacheArchive(location.url, archive);
      log.info(
        `${inputName}: downloaded ${key} (${bytes} bytes) into a private directory; listing it before extracting anything.`
      );
    } catch (error) {
      log.warning(
        `${inputName}: could not download ${key} (${messageOf(error)}); going on without the cache.`
      );
      m30$removeQuietly(dir);
      return { kind: "miss", unreadable: `its download failed: ${messageOf(error)}` };
    }
    const unpacked = await unpackCacheArchive(archive, dir, m29$cacheArchivePrefix(env), digest);
    if (unpacked.kind === "refused") return refuse(dir, key, unpacked.refusals, options);
    return unpacked;
  } catch (error) {
    m30$removeQuietly(dir);
    throw error;
  }
}
async function unpackCacheArchive(archive, dir, prefix, digest) {
  let plan;
  try {
    plan = planRestore(await listArchive(archive, prefix), prefix, digest);
  } catch (error) {
    if (error instanceof UnreadableArchiveError)
      return {
        kind: "refused",
        refusals: [
          { name: basename(archive), reason: `the archive cannot be read: ${error.message}` }
        ]
      };
    throw error;
  }
  if (plan.refusals.length > 0) return { kind: "refused", refusals: plan.refusals };
  try {
    await extract(archive, dir, plan.byIndex);
  } catch (error) {
    return {
      kind: "refused",
      refusals: [
        {
          name: basename(archive),
          reason: `it could not be extracted as listed (${error.code ?? messageOf(error)})`
        }
      ]
    };
  }
  rmSync(archive);
  return {
    kind: "restored",
    dir,
    filesDir: join(dir, m29$CACHE_FILES_DIR),
    sealDir: join(dir, m29$CACHE_SEAL_DIR),
    listingFile: join(dir, ...plan.listingPath.split("/")),
    listing: plan.listing,
    digestKind: plan.digestKind
  };
}
async function listArchive(archive, prefix) {
  const entries = [];
  const hashes = /* @__PURE__ */ new Map();
  const listings = /* @__PURE__ */ new Map();
  const stream = openTarStream(archive);
  try {
    await readTar(stream, async (entry, content) => {
      const index = entries.push(entry) - 1;
      if (entry.kind !== "file" || entry.problem !== null) return;
      const sealPrefix = `${prefix}/${m29$CACHE_SEAL_DIR}/`;
      if (entry.name.startsWith(sealPrefix) && m31$bundleBaseOf(entry.name.slice(sealPrefix.length)) !== null) {
        if (entry.size > MAX_LISTING_BYTES) return void listings.set(index, null);
        const chunks = [];
        for await (const chunk of content) chunks.push(chunk);
        listings.set(index, Buffer.concat(chunks));
      } else if (entry.name.startsWith(`${prefix}/${m29$CACHE_FILES_DIR}/`)) {
        const hash = createHash("sha256");
        for await (const chunk of content) hash.update(chunk);
        hashes.set(index, hash.digest("hex"));
      }
    });
  } finally {
    stream.destroy();
  }
  return { entries, hashes, listings };
}
function planRestore(listed, prefix, digest) {
  const check = checkEntries(listed.entries, prefix);
  const refusals = check.refusals;
  let listing = [];
  let digestKind = null;
  const candidates = [...check.planned.values()].filter(
    (p) => p.entry.kind === "file" && p.path.startsWith(`${m29$CACHE_SEAL_DIR}/`) && m31$bundleBaseOf(p.path.slice(m29$CACHE_SEAL_DIR.length + 1)) !== null
  );
  const listingEntry = candidates.length === 1 ? candidates[0] : void 0;
  const listingPath = listingEntry?.path ?? "";
  if (listingEntry === void 0) {
    if (candidates.length === 0)
      refusals.push({
        name: `${prefix}/${m29$CACHE_SEAL_DIR}/<name>.sha256`,
        reason: "missing: a cache entry of sealed files carries their listing"
      });
    for (const other of candidates)
      refusals.push({
        name: other.entry.name,
        reason: "one of several listings: a seal carries one"
      });
  } else {
    const listingName = listingEntry.entry.name;
    const bytes = listed.listings.get(listingEntry.index) ?? null;
    if (bytes === null)
      refusals.push({
        name: listingName,
        reason: `${listingEntry.entry.size} bytes, larger than any listing a seal writes`
      });
    else {
      try {
        listing = m16$parseListing(bytes.toString("utf8"), listingName);
        digestKind = m16$describesListing(listing, digest);
        if (digestKind === null)
          refusals.push({
            name: listingName,
            reason: `the listing of ${m16$digestOfListing(m16$formatListing(listing))}, not of ${digest}`
          });
      } catch (error) {
        refusals.push({
          name: listingName,
          reason: `not a checksums listing (${messageOf(error)})`
        });
      }
    }
  }
  if (digestKind === null)
    return { refusals, byIndex: /* @__PURE__ */ new Map(), listing: [], listingPath, digestKind: "tree" };
  const sealed = new Map(listing.map((e) => [e.path, e.hex]));
  const base = m31$bundleBaseOf(listingPath.slice(m29$CACHE_SEAL_DIR.length + 1));
  const inBundle = (p, e) => p === m29$CACHE_SEAL_DIR ? e.kind === "directory" : p.startsWith(`${m29$CACHE_SEAL_DIR}/`) && m31$isBundleEntry(p.slice(m29$CACHE_SEAL_DIR.length + 1), base, e.kind === "directory");
  const { missing } = checkAgainstListing(check, m29$CACHE_FILES_DIR, new Set(sealed.keys()), inBundle);
  for (const p of missing)
    refusals.push({
      name: `${prefix}/${m29$CACHE_FILES_DIR}/${p}`,
      reason: "missing, though the sealed listing names it"
    });
  for (const planned of check.planned.values()) {
    if (planned.entry.kind !== "file" || !planned.path.startsWith(`${m29$CACHE_FILES_DIR}/`)) continue;
    const actual = listed.hashes.get(planned.index);
    if (actual !== sealed.get(planned.path.slice(m29$CACHE_FILES_DIR.length + 1)))
      refusals.push({
        name: planned.entry.name,
        reason: "its content is not what the sealed listing says"
      });
  }
  return {
    refusals,
    byIndex: new Map([...check.planned.values()].map((p) => [p.index, p])),
    listing,
    listingPath,
    digestKind
  };
}
async function extract(archive, root, byIndex) {
  let index = 0;
  const stream = openTarStream(archive);
  try {
    await readTar(stream, async (entry, content) => {
      const planned = byIndex.get(index++);
      if (planned === void 0) return;
      if (planned.entry.name !== entry.name || planned.entry.kind !== entry.kind || planned.entry.size !== entry.size) {
        throw new Error(`entry ${index} is not the one listed (${m13$quote(entry.name)})`);
      }
      if (entry.kind === "directory") m30$makeDirectories(root, planned.path);
      else await m30$writeNewFile(root, planned.path, content, entry.executable);
    });
  } finally {
    stream.destroy();
  }
}
function refuse(dir, key, refusals, options) {
  m30$removeQuietly(dir);
  const lines = refusals.slice(0, 20).map((r) => `  ${m13$quote(r.name)}: ${r.reason}`);
  if (refusals.length > 20) lines.push(`  \u2026 and ${refusals.length - 20} more`);
  const message = `${options.inputName}: refused the cache entry ${key} before extracting anything:
${lines.join("\n")}
The archive was deleted and nothing of it was written. The entry was saved by someone other than a seal of these bytes, or damaged in storage; a cache key is never overwritten, so delete it (gh cache delete ${key}, with actions: write) and seal again to cache these bytes.`;
  options.log.warning(message);
  return { kind: "refused", refusals, message };
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
export {
  restoreFromCache,
  unpackCacheArchive
};
