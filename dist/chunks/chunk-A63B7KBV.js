import {
  leavesParent,
  toSlashes
} from "./chunk-3BNILISX.js";
import {
  checkListingPath,
  compareUtf8
} from "./chunk-3JZVAEQI.js";
import {
  isRecord
} from "./chunk-6ESBXOH6.js";
import {
  sha256Digest
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  join,
  posix,
  relative
} from "./chunk-SHE4BTPW.js";
import {
  chmodSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync
} from "./chunk-KUE42OYI.js";

// src/core/modes.ts
var MODES_ANNOTATION = "artifact-seal.modes";
function formatModes(modes) {
  const executable = [...modes.executable].sort(compareUtf8);
  const links = Object.fromEntries(
    Object.entries(modes.links).sort(([a], [b]) => compareUtf8(a, b))
  );
  return Buffer.from(`${JSON.stringify({ executable, links })}
`);
}
function modesDigest(bytes) {
  return sha256Digest(bytes);
}
function parseModes(text, what) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SealError(
      "tampered",
      `${what} is not JSON. It was changed after sealing: give the seal bundle as the seal wrote it.`
    );
  }
  const bad = (why) => new SealError(
    "tampered",
    `${what} is not a modes file a seal writes (${why}). Give the seal bundle as the seal wrote it.`
  );
  if (!isRecord(json)) throw bad("not an object");
  const { executable, links, ...rest } = json;
  if (Object.keys(rest).length > 0)
    throw bad(`unknown key ${quote(Object.keys(rest)[0])}`);
  if (!Array.isArray(executable) || !executable.every((p) => typeof p === "string"))
    throw bad('"executable" is not a list of paths');
  if (!isRecord(links)) throw bad('"links" is not an object');
  for (const p of [...executable, ...Object.keys(links)]) checkListingPath(p, what);
  for (const [link, target] of Object.entries(links)) {
    if (typeof target !== "string" || linkTargetPath(link, target) === null)
      throw bad(`the link ${quote(link)} points outside the artifact`);
  }
  return { executable, links };
}
function linkTargetPath(link, target) {
  if (target === "" || target.startsWith("/") || target.includes("\\") || target.includes("\0"))
    return null;
  const joined = posix.normalize(posix.join(posix.dirname(link), target));
  return joined === ".." || joined.startsWith("../") || joined === "." ? null : joined;
}
function readModes(root, paths, links, fileModes) {
  const executable = [];
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i];
    const mode = fileModes ? fileModes[i] : statSync(join(root, ...rel.split("/"))).mode;
    if ((mode & 73) !== 0) executable.push(rel);
  }
  const realRoot = links.length > 0 ? realOrSelf(root) : root;
  const sealed = links.length > 0 ? pathsAndParents(paths) : null;
  const recorded = {};
  for (const { link, target } of links) {
    const linkFromRoot = relative(root, link);
    const targetFromRoot = relative(realRoot, target);
    if (linkFromRoot === "" || leavesParent(linkFromRoot) || leavesParent(targetFromRoot)) continue;
    const relLink = toSlashes(linkFromRoot);
    const relTarget = toSlashes(targetFromRoot);
    if (sealed?.has(relTarget) !== true) continue;
    recorded[relLink] = posix.relative(posix.dirname(relLink), relTarget);
  }
  return { executable: executable.sort(compareUtf8), links: recorded };
}
function diffModes(sealed, found) {
  const describe = (modes, p, exec) => modes.links[p] !== void 0 ? `link to ${modes.links[p]}` : exec.has(p) ? "executable" : "not executable";
  const sealedExec = new Set(sealed.executable);
  const foundExec = new Set(found.executable);
  const paths = /* @__PURE__ */ new Set([
    ...sealed.executable,
    ...found.executable,
    ...Object.keys(sealed.links),
    ...Object.keys(found.links)
  ]);
  const out = [];
  for (const p of [...paths].sort(compareUtf8)) {
    const expected = describe(sealed, p, sealedExec);
    const actual = describe(found, p, foundExec);
    if (expected !== actual) out.push({ path: p, expected, actual });
  }
  return out;
}
function applyModes(root, paths, modes) {
  const exec = new Set(modes.executable);
  for (const rel of paths) {
    try {
      chmodSync(join(root, ...rel.split("/")), exec.has(rel) ? 493 : 420);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  const made = [];
  for (const link of Object.keys(modes.links).sort(
    (a, b) => a.split("/").length - b.split("/").length || compareUtf8(a, b)
  )) {
    if (made.some((m) => link.startsWith(`${m}/`))) continue;
    const at = join(root, ...link.split("/"));
    rmSync(at, { recursive: true, force: true });
    symlinkSync(modes.links[link], at);
    made.push(link);
  }
}
function modesAnnotation(statement) {
  const subjects = statement?.subject;
  if (!Array.isArray(subjects)) return null;
  for (const subject of subjects) {
    const claimed = subject?.annotations?.[MODES_ANNOTATION]?.digest;
    if (typeof claimed === "string") return claimed;
  }
  return null;
}
function pathsAndParents(paths) {
  const out = /* @__PURE__ */ new Set();
  for (const p of paths) {
    out.add(p);
    for (let slash = p.lastIndexOf("/"); slash > 0; slash = p.lastIndexOf("/", slash - 1)) {
      const dir = p.slice(0, slash);
      if (out.has(dir)) break;
      out.add(dir);
    }
  }
  return out;
}
function realOrSelf(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export {
  MODES_ANNOTATION,
  formatModes,
  modesDigest,
  parseModes,
  readModes,
  diffModes,
  applyModes,
  modesAnnotation
};
