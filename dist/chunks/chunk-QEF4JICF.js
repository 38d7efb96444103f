import {
  hexOf
} from "./chunk-KRR2HU2L.js";
import {
  tmpdir
} from "./chunk-M6ACESL2.js";
import {
  join,
  relative,
  sep
} from "./chunk-SHE4BTPW.js";

// src/stores/evidence/cache-layout.ts
var CACHE_KEY_PREFIX = "artifact-seal-files-";
var CACHE_STAGING_DIR = "artifact-seal-cache-v3";
var CACHE_SEAL_DIR = "seal";
var CACHE_FILES_DIR = "files";
function cacheKeyOf(digest) {
  return `${CACHE_KEY_PREFIX}sha256-${hexOf(digest)}`;
}
function cacheStagingPath(env) {
  return join(env.RUNNER_TEMP || tmpdir(), CACHE_STAGING_DIR);
}
function cacheArchivePrefix(env) {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return relative(workspace, cacheStagingPath(env)).split(sep).join("/");
}

export {
  CACHE_SEAL_DIR,
  CACHE_FILES_DIR,
  cacheKeyOf,
  cacheStagingPath,
  cacheArchivePrefix
};
