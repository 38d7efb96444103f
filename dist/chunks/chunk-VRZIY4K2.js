import {
  pipeline
} from "./chunk-UTL6W6EB.js";
import {
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  chmodSync,
  constants,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  promises,
  realpathSync,
  rmSync
} from "./chunk-KUE42OYI.js";

// stand-in:seal:src/core/errors.ts:src/stores/evidence/directory-handoff.ts
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$quote, m13$stopsPromotion } from "../seal/index-core.js";

// stand-in:seal:src/core/paths.ts:src/stores/evidence/directory-handoff.ts
import { m19$isInside, m19$toSlashes } from "../seal/index-core.js";

// src/stores/evidence/directory-handoff.ts?seal
function privateDir(parent, prefix, env, inputName) {
  const resolved = resolve(parent);
  let dir;
  try {
    mkdirSync(resolved, { recursive: true, mode: 448 });
    dir = mkdtempSync(join(resolved, prefix));
    chmodSync(dir, 448);
  } catch (error) {
    const e = error;
    throw new m13$SealError(
      "unreadable",
      `${inputName}: cannot make a private directory under ${m13$quote(parent)} (${e.code ?? e.message}). Give the runner a writable temp directory (RUNNER_TEMP).`,
      { cause: e }
    );
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace && m19$isInside(realpathSync(dir), realOrResolved(workspace))) {
    removeQuietly(dir);
    throw new m13$SealError(
      "bad-input",
      `${inputName}: the directory for downloads, ${m13$quote(parent)}, is inside the workspace ${m13$quote(workspace)}. Nothing from a carrier is unpacked in the workspace, where a later step could take it for checked-out files: set RUNNER_TEMP outside the workspace.`
    );
  }
  return dir;
}
function makeDirectories(root, rel) {
  let at = root;
  for (const segment of rel.split("/")) {
    at = join(at, segment);
    try {
      mkdirSync(at, { mode: 493 });
    } catch (error) {
      if (error.code !== "EEXIST" || !lstatSync(at).isDirectory())
        throw error;
    }
  }
  return at;
}
var CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
async function writeNewFile(root, rel, content, executable) {
  const segments = rel.split("/");
  const parent = segments.length > 1 ? makeDirectories(root, segments.slice(0, -1).join("/")) : root;
  const target = join(parent, segments[segments.length - 1]);
  const handle = await promises.open(target, CREATE_NEW, executable ? 493 : 420);
  await pipeline(content, handle.createWriteStream());
}
function removeQuietly(dir) {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
  }
}
function realOrResolved(p) {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

export {
  privateDir,
  makeDirectories,
  writeNewFile,
  removeQuietly
};
