import {
  hexOf
} from "./chunk-PKGN7LAX.js";

// src/stores/evidence/cache-layout.ts
import * as os from "node:os";
import * as path from "node:path";
var CACHE_KEY_PREFIX = "artifact-seal-files-";
var CACHE_STAGING_DIR = "artifact-seal-cache-v2";
var CACHE_LISTING = "listing.sha256";
var CACHE_FILES_DIR = "files";
function cacheKeyOf(digest) {
  return `${CACHE_KEY_PREFIX}sha256-${hexOf(digest)}`;
}
function cacheStagingPath(env) {
  return path.join(env.RUNNER_TEMP || os.tmpdir(), CACHE_STAGING_DIR);
}
function cacheArchivePrefix(env) {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return path.relative(workspace, cacheStagingPath(env)).split(path.sep).join("/");
}

export {
  CACHE_LISTING,
  CACHE_FILES_DIR,
  cacheKeyOf,
  cacheStagingPath,
  cacheArchivePrefix
};
