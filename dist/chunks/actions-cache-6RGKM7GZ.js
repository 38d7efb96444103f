import {
  isFeatureAvailable,
  restoreCache,
  saveCache
} from "./chunk-PMIAYJDZ.js";
import {
  moveIntoPlace,
  removeQuietly,
  workingDirBeside
} from "./chunk-MIO2CV3A.js";
import "./chunk-ID6YFACX.js";
import "./chunk-LJAQU5JO.js";
import "./chunk-FETSGT4O.js";
import "./chunk-SS67F62S.js";
import "./chunk-7EPTETJS.js";
import "./chunk-ULEFO6FB.js";

// src/stores/evidence/actions-cache.ts?seal
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// stand-in:seal:src/core/digest.ts:src/stores/evidence/actions-cache.ts
import { m7$digestFromHex, m7$hexOf, m7$parseDigest, m7$shortDigest } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/stores/evidence/actions-cache.ts
import { m8$BadInputError, m8$SealError, m8$quote } from "../seal/index-core.js";

// stand-in:seal:src/core/listing.ts:src/stores/evidence/actions-cache.ts
import { m10$checkListingPath, m10$compareUtf8, m10$describesListing, m10$diffListings, m10$digestOfListing, m10$formatListing, m10$listingFromDigests, m10$parseListing, m10$sortEntries } from "../seal/index-core.js";

// stand-in:seal:src/core/seal.ts:src/stores/evidence/actions-cache.ts
import { m12$listDirectory, m12$sealSubject } from "../seal/index-core.js";

// src/stores/evidence/actions-cache.ts?seal
var CACHE_KEY_PREFIX = "artifact-seal-files-";
var CACHE_STAGING_DIR = "artifact-seal-cache";
function cacheKeyOf(digest) {
  return `${CACHE_KEY_PREFIX}sha256-${m7$hexOf(digest)}`;
}
var silent = { info: () => {
}, warning: () => {
} };
var ActionsCacheStore = class {
  env;
  inputName;
  log;
  constructor(options = {}) {
    this.env = options.env ?? process.env;
    this.inputName = options.inputName ?? "cache";
    this.log = options.log ?? silent;
  }
  /** The one path every job saves from and restores to (see the module comment). */
  stagingPath() {
    return path.join(this.env.RUNNER_TEMP || os.tmpdir(), CACHE_STAGING_DIR);
  }
  /**
   * Caches the files under the digest's key. An existing entry is success (`already-cached`):
   * the key names those bytes forever, so there is nothing to update.
   */
  async save(request) {
    const key = cacheKeyOf(request.digest);
    const unavailable = this.unavailable();
    if (unavailable) return this.notSaved(key, unavailable);
    const staging = this.stagingPath();
    if (await this.exists(staging, key)) {
      this.log.info(`${this.inputName}: ${key} is already cached; a cache entry is never overwritten, and this one holds these bytes.`);
      return { status: "already-cached", key };
    }
    try {
      this.stage(staging, request);
      const changed = request.listing === void 0 ? null : await this.changedSinceSealing(staging, request.listing);
      if (changed !== null) return this.notSaved(key, changed);
      const id = await saveCache([staging], key);
      if (id !== -1) {
        this.log.info(`${this.inputName}: saved the sealed files as ${key}`);
        return { status: "saved", key };
      }
      if (await this.exists(staging, key)) return { status: "already-cached", key };
      return this.notSaved(key, "the cache service did not accept the entry (see the messages above)");
    } catch (error) {
      return this.notSaved(key, error instanceof Error ? error.message : String(error));
    } finally {
      removeQuietly(staging);
    }
  }
  /** Null when the staged files are exactly the sealed ones; else what differs, for the warning. */
  async changedSinceSealing(staging, listing) {
    const staged = await m12$listDirectory(staging, this.inputName);
    if (Buffer.from(listing).equals(staged)) return null;
    const differences = m10$diffListings(m10$parseListing(Buffer.from(listing).toString("utf8"), "the sealed listing"), m10$parseListing(staged.toString("utf8"), "the staged files"));
    const named = differences.slice(0, 5).map((m) => `${m.path} (${m.kind})`).join(", ");
    return `the files changed after they were sealed: ${named}${differences.length > 5 ? ` and ${differences.length - 5} more` : ""}. Seal them again to cache them`;
  }
  /**
   * Restores the digest's files into `into` (absent or empty): true when they were
   * restored, false on a miss or when the cache is unavailable. The caller verifies them.
   */
  async restore(digest, into) {
    const key = cacheKeyOf(digest);
    const unavailable = this.unavailable();
    if (unavailable) {
      this.log.info(`${this.inputName}: not restoring ${key}: ${unavailable}`);
      return false;
    }
    const work = workingDirBeside(into, this.inputName);
    const staging = this.stagingPath();
    removeQuietly(staging);
    try {
      let matched;
      try {
        matched = await restoreCache([staging], key);
      } catch (error) {
        this.log.warning(`${this.inputName}: could not restore ${key} (${error instanceof Error ? error.message : String(error)}); going on without the cache.`);
        return false;
      }
      if (matched !== key) return false;
      if (!fs.existsSync(staging)) {
        this.log.warning(`${this.inputName}: ${key} was found but did not unpack to ${m8$quote(staging)}; treating it as a miss.`);
        return false;
      }
      transfer(staging, work);
      moveIntoPlace(work, into, this.inputName);
      this.log.info(`${this.inputName}: restored ${key}`);
      return true;
    } finally {
      removeQuietly(work);
      removeQuietly(staging);
    }
  }
  unavailable() {
    return isFeatureAvailable() ? null : "the Actions cache service is not available here (ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL is not set)";
  }
  notSaved(key, reason) {
    this.log.warning(`${this.inputName}: the sealed files were not cached as ${key}: ${reason}. Going on: the cache only speeds later jobs up.`);
    return { status: "not-saved", key, reason };
  }
  async exists(staging, key) {
    try {
      return await restoreCache([staging], key, [], { lookupOnly: true }) === key;
    } catch {
      return false;
    }
  }
  /** Hard-links (or copies) each listed file to the staging directory, at its listing path. */
  stage(staging, request) {
    removeQuietly(staging);
    fs.mkdirSync(staging, { recursive: true });
    const root = path.resolve(request.root);
    const made = /* @__PURE__ */ new Set();
    for (const rel of request.paths) {
      const source = path.join(root, ...rel.split("/"));
      const target = path.join(staging, ...rel.split("/"));
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        fs.mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      let real;
      try {
        real = fs.realpathSync(source);
      } catch (error) {
        throw new m8$SealError(
          `${this.inputName}: cannot cache the sealed file ${m8$quote(rel)} under ${m8$quote(root)} (${error.code ?? String(error)}). The files changed after they were sealed: seal them again.`
        );
      }
      try {
        fs.linkSync(real, target);
      } catch {
        fs.copyFileSync(real, target);
      }
    }
  }
};
function transfer(from, to) {
  fs.rmdirSync(to);
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if (error.code !== "EXDEV") throw error;
    fs.cpSync(from, to, { recursive: true });
    removeQuietly(from);
  }
}
export {
  ActionsCacheStore,
  CACHE_KEY_PREFIX,
  CACHE_STAGING_DIR,
  cacheKeyOf
};
