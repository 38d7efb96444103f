import {
  isInside
} from "./chunk-3BNILISX.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  pipeline
} from "./chunk-UTL6W6EB.js";
import {
  dirname,
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  chmodSync,
  constants,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  promises,
  realpathSync,
  rmSync
} from "./chunk-KUE42OYI.js";

// src/stores/evidence/directory-handoff.ts
function privateDir(parent, prefix, env, inputName) {
  const resolved = resolve(parent);
  let dir;
  try {
    mkdirSync(resolved, { recursive: true, mode: 448 });
    dir = mkdtempSync(join(resolved, prefix));
    chmodSync(dir, 448);
  } catch (error) {
    const e = error;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot make a private directory under ${quote(parent)} (${e.code ?? e.message}). Give the runner a writable temp directory (RUNNER_TEMP).`,
      { cause: e }
    );
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace && isInside(realpathSync(dir), realOrResolved(workspace))) {
    removeQuietly(dir);
    throw new SealError(
      "bad-input",
      `${inputName}: the directory for downloads, ${quote(parent)}, is inside the workspace ${quote(workspace)}. Nothing from a carrier is unpacked in the workspace, where a later step could take it for checked-out files: set RUNNER_TEMP outside the workspace.`
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
function copyListedFiles(root, listed, dir) {
  mkdirSync(dir, { recursive: true });
  const made = /* @__PURE__ */ new Set();
  for (const rel of listed) {
    const target = join(dir, ...rel.split("/"));
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    copyFileSync(join(root, ...rel.split("/")), target);
  }
}
function removeQuietly(target) {
  try {
    rmSync(target, { recursive: true, force: true });
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
  copyListedFiles,
  removeQuietly
};
