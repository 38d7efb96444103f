import {
  UnreadableArchiveError,
  cacheReadUnavailable,
  downloadCacheArchive,
  lookupCacheEntry,
  openTarStream,
  readTar
} from "./chunk-KCCMCMAK.js";
import "./chunk-UTL6W6EB.js";
import {
  checkAgainstListing,
  checkEntries
} from "./chunk-3TMZGVSU.js";
import {
  basename,
  join
} from "./chunk-SHE4BTPW.js";
import {
  rmSync
} from "./chunk-OJKZS7ZI.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/stores/evidence/cache-restore.ts
import { m10$digestFromHex, m10$hexOf, m10$parseDigest, m10$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/stores/evidence/cache-restore.ts
import { m11$BadInputError, m11$SealError, m11$quote } from "../promote/index-core.js";

// stand-in:promote:src/core/listing.ts:src/stores/evidence/cache-restore.ts
import { m13$checkListingPath, m13$compareUtf8, m13$describesListing, m13$diffListings, m13$digestOfListing, m13$formatListing, m13$listingFromDigests, m13$parseListing, m13$sortEntries } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/cache-layout.ts:src/stores/evidence/cache-restore.ts
import { m19$CACHE_FILES_DIR, m19$CACHE_KEY_PREFIX, m19$CACHE_LISTING, m19$CACHE_STAGING_DIR, m19$cacheArchivePrefix, m19$cacheKeyOf, m19$cacheStagingPath } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/directory-handoff.ts:src/stores/evidence/cache-restore.ts
import { m20$makeDirectories, m20$privateDir, m20$removeQuietly, m20$writeNewFile } from "../promote/index-core.js";

// src/stores/evidence/cache-restore.ts?promote
var MAX_LISTING_BYTES = 128 * 1024 * 1024;
var ARCHIVE_FILE = "cache-archive";
async function restoreFromCache(digest, parent, options) {
  const { env, inputName, log } = options;
  const key = m19$cacheKeyOf(digest);
  const unavailable = cacheReadUnavailable(env);
  if (unavailable !== null) {
    log.info(`${inputName}: not restoring ${key}: ${unavailable}.`);
    return { kind: "miss" };
  }
  let location;
  try {
    location = await lookupCacheEntry(env, key, m19$cacheStagingPath(env));
  } catch (error) {
    log.warning(`${inputName}: could not look up ${key} (${messageOf(error)}); going on without the cache.`);
    return { kind: "miss" };
  }
  if (location === null) return { kind: "miss" };
  const dir = m20$privateDir(parent, `${m10$hexOf(digest).slice(0, 12)}-cache-`, env, inputName);
  const archive = join(dir, ARCHIVE_FILE);
  try {
    try {
      const bytes = await downloadCacheArchive(location.url, archive);
      log.info(`${inputName}: downloaded ${key} (${bytes} bytes) into a private directory; listing it before extracting anything.`);
    } catch (error) {
      log.warning(`${inputName}: could not download ${key} (${messageOf(error)}); going on without the cache.`);
      m20$removeQuietly(dir);
      return { kind: "miss" };
    }
    const unpacked = await unpackCacheArchive(archive, dir, m19$cacheArchivePrefix(env), digest);
    if (unpacked.kind === "refused") return refuse(dir, key, unpacked.refusals, options);
    return unpacked;
  } catch (error) {
    m20$removeQuietly(dir);
    throw error;
  }
}
async function unpackCacheArchive(archive, dir, prefix, digest) {
  let plan;
  try {
    plan = planRestore(await listArchive(archive, prefix), prefix, digest);
  } catch (error) {
    if (error instanceof UnreadableArchiveError) return { kind: "refused", refusals: [{ name: basename(archive), reason: `the archive cannot be read: ${error.message}` }] };
    throw error;
  }
  if (plan.refusals.length > 0) return { kind: "refused", refusals: plan.refusals };
  try {
    await extract(archive, dir, plan.byIndex);
  } catch (error) {
    return { kind: "refused", refusals: [{ name: basename(archive), reason: `it could not be extracted as listed (${error.code ?? messageOf(error)})` }] };
  }
  rmSync(archive);
  return { kind: "restored", dir, filesDir: join(dir, m19$CACHE_FILES_DIR), listingFile: join(dir, m19$CACHE_LISTING), listing: plan.listing, digestKind: plan.digestKind };
}
async function listArchive(archive, prefix) {
  const entries = [];
  const hashes = /* @__PURE__ */ new Map();
  let listing = null;
  const stream = openTarStream(archive);
  try {
    await readTar(stream, async (entry, content) => {
      const index = entries.push(entry) - 1;
      if (entry.kind !== "file" || entry.problem !== null) return;
      if (entry.name === `${prefix}/${m19$CACHE_LISTING}` && entry.size <= MAX_LISTING_BYTES) {
        const chunks = [];
        for await (const chunk of content) chunks.push(chunk);
        listing = Buffer.concat(chunks);
      } else if (entry.name.startsWith(`${prefix}/${m19$CACHE_FILES_DIR}/`)) {
        const hash = createHash("sha256");
        for await (const chunk of content) hash.update(chunk);
        hashes.set(index, hash.digest("hex"));
      }
    });
  } finally {
    stream.destroy();
  }
  return { entries, hashes, listing };
}
function planRestore(listed, prefix, digest) {
  const check = checkEntries(listed.entries, prefix);
  const refusals = check.refusals;
  const listingName = `${prefix}/${m19$CACHE_LISTING}`;
  let listing = [];
  let digestKind = null;
  const listingEntry = check.planned.get(m19$CACHE_LISTING);
  if (listingEntry === void 0 || listingEntry.entry.kind !== "file") {
    refusals.push({ name: listingName, reason: "missing: a cache entry of sealed files carries their listing" });
  } else if (listed.listing === null) {
    refusals.push({ name: listingName, reason: `${listingEntry.entry.size} bytes, larger than any listing a seal writes` });
  } else {
    try {
      listing = m13$parseListing(listed.listing.toString("utf8"), listingName);
      digestKind = m13$describesListing(listing, digest);
      if (digestKind === null) refusals.push({ name: listingName, reason: `the listing of ${m13$digestOfListing(m13$formatListing(listing))}, not of ${digest}` });
    } catch (error) {
      refusals.push({ name: listingName, reason: `not a checksums listing (${messageOf(error)})` });
    }
  }
  if (digestKind === null) return { refusals, byIndex: /* @__PURE__ */ new Map(), listing: [], digestKind: "tree" };
  const sealed = new Map(listing.map((e) => [e.path, e.hex]));
  const { missing } = checkAgainstListing(check, m19$CACHE_FILES_DIR, new Set(sealed.keys()), (p, e) => p === m19$CACHE_LISTING && e.kind === "file");
  for (const p of missing) refusals.push({ name: `${prefix}/${m19$CACHE_FILES_DIR}/${p}`, reason: "missing, though the sealed listing names it" });
  for (const planned of check.planned.values()) {
    if (planned.entry.kind !== "file" || !planned.path.startsWith(`${m19$CACHE_FILES_DIR}/`)) continue;
    const actual = listed.hashes.get(planned.index);
    if (actual !== sealed.get(planned.path.slice(m19$CACHE_FILES_DIR.length + 1))) refusals.push({ name: planned.entry.name, reason: "its content is not what the sealed listing says" });
  }
  return { refusals, byIndex: new Map([...check.planned.values()].map((p) => [p.index, p])), listing, digestKind };
}
async function extract(archive, root, byIndex) {
  let index = 0;
  const stream = openTarStream(archive);
  try {
    await readTar(stream, async (entry, content) => {
      const planned = byIndex.get(index++);
      if (planned === void 0) return;
      if (planned.entry.name !== entry.name || planned.entry.kind !== entry.kind || planned.entry.size !== entry.size) {
        throw new Error(`entry ${index} is not the one listed (${m11$quote(entry.name)})`);
      }
      if (entry.kind === "directory") m20$makeDirectories(root, planned.path);
      else await m20$writeNewFile(root, planned.path, content, entry.executable);
    });
  } finally {
    stream.destroy();
  }
}
function refuse(dir, key, refusals, options) {
  m20$removeQuietly(dir);
  const lines = refusals.slice(0, 20).map((r) => `  ${m11$quote(r.name)}: ${r.reason}`);
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
