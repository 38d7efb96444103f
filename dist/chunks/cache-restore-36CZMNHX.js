import {
  checkAgainstListing,
  checkEntries
} from "./chunk-KKZORACS.js";
import {
  CACHE_FILES_DIR,
  CACHE_LISTING,
  cacheArchivePrefix,
  cacheKeyOf,
  cacheStagingPath
} from "./chunk-MURN7PSB.js";
import {
  makeDirectories,
  privateDir,
  removeQuietly,
  writeNewFile
} from "./chunk-AX3YZIND.js";
import {
  describesListing,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-MFKOXDAX.js";
import {
  hexOf
} from "./chunk-CGOBM355.js";
import {
  UnreadableArchiveError,
  cacheReadUnavailable,
  downloadCacheArchive,
  lookupCacheEntry,
  openTarStream,
  readTar
} from "./chunk-KCCMCMAK.js";
import {
  quote
} from "./chunk-HUXIDCLA.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-P2RVIIUY.js";
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

// src/stores/evidence/cache-restore.ts
var MAX_LISTING_BYTES = 128 * 1024 * 1024;
var ARCHIVE_FILE = "cache-archive";
async function restoreFromCache(digest, parent, options) {
  const { env, inputName, log } = options;
  const key = cacheKeyOf(digest);
  const unavailable = cacheReadUnavailable(env);
  if (unavailable !== null) {
    log.info(`${inputName}: not restoring ${key}: ${unavailable}.`);
    return { kind: "miss" };
  }
  let location;
  try {
    location = await lookupCacheEntry(env, key, cacheStagingPath(env));
  } catch (error) {
    log.warning(`${inputName}: could not look up ${key} (${messageOf(error)}); going on without the cache.`);
    return { kind: "miss" };
  }
  if (location === null) return { kind: "miss" };
  const dir = privateDir(parent, `${hexOf(digest).slice(0, 12)}-cache-`, env, inputName);
  const archive = join(dir, ARCHIVE_FILE);
  try {
    try {
      const bytes = await downloadCacheArchive(location.url, archive);
      log.info(`${inputName}: downloaded ${key} (${bytes} bytes) into a private directory; listing it before extracting anything.`);
    } catch (error) {
      log.warning(`${inputName}: could not download ${key} (${messageOf(error)}); going on without the cache.`);
      removeQuietly(dir);
      return { kind: "miss" };
    }
    const unpacked = await unpackCacheArchive(archive, dir, cacheArchivePrefix(env), digest);
    if (unpacked.kind === "refused") return refuse(dir, key, unpacked.refusals, options);
    return unpacked;
  } catch (error) {
    removeQuietly(dir);
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
  return { kind: "restored", dir, filesDir: join(dir, CACHE_FILES_DIR), listingFile: join(dir, CACHE_LISTING), listing: plan.listing, digestKind: plan.digestKind };
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
      if (entry.name === `${prefix}/${CACHE_LISTING}` && entry.size <= MAX_LISTING_BYTES) {
        const chunks = [];
        for await (const chunk of content) chunks.push(chunk);
        listing = Buffer.concat(chunks);
      } else if (entry.name.startsWith(`${prefix}/${CACHE_FILES_DIR}/`)) {
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
  const listingName = `${prefix}/${CACHE_LISTING}`;
  let listing = [];
  let digestKind = null;
  const listingEntry = check.planned.get(CACHE_LISTING);
  if (listingEntry === void 0 || listingEntry.entry.kind !== "file") {
    refusals.push({ name: listingName, reason: "missing: a cache entry of sealed files carries their listing" });
  } else if (listed.listing === null) {
    refusals.push({ name: listingName, reason: `${listingEntry.entry.size} bytes, larger than any listing a seal writes` });
  } else {
    try {
      listing = parseListing(listed.listing.toString("utf8"), listingName);
      digestKind = describesListing(listing, digest);
      if (digestKind === null) refusals.push({ name: listingName, reason: `the listing of ${digestOfListing(formatListing(listing))}, not of ${digest}` });
    } catch (error) {
      refusals.push({ name: listingName, reason: `not a checksums listing (${messageOf(error)})` });
    }
  }
  if (digestKind === null) return { refusals, byIndex: /* @__PURE__ */ new Map(), listing: [], digestKind: "tree" };
  const sealed = new Map(listing.map((e) => [e.path, e.hex]));
  const { missing } = checkAgainstListing(check, CACHE_FILES_DIR, new Set(sealed.keys()), (p, e) => p === CACHE_LISTING && e.kind === "file");
  for (const p of missing) refusals.push({ name: `${prefix}/${CACHE_FILES_DIR}/${p}`, reason: "missing, though the sealed listing names it" });
  for (const planned of check.planned.values()) {
    if (planned.entry.kind !== "file" || !planned.path.startsWith(`${CACHE_FILES_DIR}/`)) continue;
    const actual = listed.hashes.get(planned.index);
    if (actual !== sealed.get(planned.path.slice(CACHE_FILES_DIR.length + 1))) refusals.push({ name: planned.entry.name, reason: "its content is not what the sealed listing says" });
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
        throw new Error(`entry ${index} is not the one listed (${quote(entry.name)})`);
      }
      if (entry.kind === "directory") makeDirectories(root, planned.path);
      else await writeNewFile(root, planned.path, content, entry.executable);
    });
  } finally {
    stream.destroy();
  }
}
function refuse(dir, key, refusals, options) {
  removeQuietly(dir);
  const lines = refusals.slice(0, 20).map((r) => `  ${quote(r.name)}: ${r.reason}`);
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
