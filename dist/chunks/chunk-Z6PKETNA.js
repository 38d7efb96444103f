import {
  checkListingPath,
  compareUtf8
} from "./chunk-43FNMZOV.js";
import {
  digestFromHex
} from "./chunk-U5VE7L4O.js";
import {
  words
} from "./chunk-5B26CPAT.js";
import {
  SealError,
  quote
} from "./chunk-COPLKY7P.js";
import {
  require_picomatch
} from "./chunk-2BSWPGL5.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
import {
  dirname,
  isAbsolute,
  join,
  parse,
  posix,
  relative,
  resolve,
  sep
} from "./chunk-SHE4BTPW.js";
import {
  chmodSync,
  existsSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync
} from "./chunk-KUE42OYI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/core/subject/resolve-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var SECRET_FILE = /^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\..*)?|.*\.(pem|key|p12|pfx|jks|keystore))$/i;
function isLeftOutName(name, directory) {
  return name.startsWith(".") || !directory && mayBeSecret(name) && SECRET_FILE.test(name);
}
function mayBeSecret(name) {
  const last = name.charCodeAt(name.length - 1) | 32;
  return last === 109 || // m
  last === 121 || // y
  last === 50 || // 2
  last === 120 || // x
  last === 115 || // s
  last === 101 || // e
  (name.charCodeAt(0) | 32) === 105 && (name.charCodeAt(1) | 32) === 100 && name[2] === "_";
}
var toSlashes = (p) => sep === "/" ? p : p.split(sep).join("/");
var MAY_BE_GLOB = /[*?[\]{}()!@+\\]/;
var scanGlob = (pattern) => MAY_BE_GLOB.test(pattern) ? import_picomatch.default.scan(pattern) : null;
function isInside(child, parent) {
  return !leavesParent(relative(parent, child));
}
function leavesParent(rel) {
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
var NOT_WALKED = ["node_modules", ".git"];
function namesOneFile(options) {
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return false;
  const abs = resolve(options.baseDir, only);
  return !scanGlob(toSlashes(abs))?.isGlob && statOrNull(abs)?.isFile() === true;
}
function rootBeforeWalk(options) {
  if (options.root) return resolve(options.baseDir, options.root);
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return null;
  const abs = resolve(options.baseDir, only);
  return statOrNull(abs)?.isDirectory() ? abs : null;
}
function resolveFiles(options) {
  const { patterns, baseDir, inputName } = options;
  if (patterns.include.length === 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: no path to seal${patterns.exclude.length > 0 ? ` (only exclusions: ${patterns.exclude.map((p) => quote(`!${p}`)).join(", ")})` : ""}. Give at least one file, directory or glob, one per line or comma-separated.`
    );
  }
  const excludeMatchers = patterns.exclude.map(
    (p) => (0, import_picomatch.default)(absolutePattern(baseDir, p), { dot: true })
  );
  const excludeUsed = patterns.exclude.map(() => false);
  const skipDirs = new Set((options.skipDirs ?? []).map((d) => resolve(d)));
  const isExcluded = excludeMatchers.length === 0 ? () => false : (abs) => {
    let excluded = false;
    const slashed = toSlashes(abs);
    excludeMatchers.forEach((m, i) => {
      if (m(slashed)) excluded = excludeUsed[i] = true;
    });
    return excluded;
  };
  const knownRoot = rootBeforeWalk(options);
  const knownRealRoot = knownRoot === null ? null : realOrSelf(knownRoot);
  const linkLeavesRoot = (link, target, root2, named = false) => new SealError(
    "bad-input",
    `${inputName}: ${quote(link)} is a symbolic link to ${quote(target)}, outside the artifact root ${quote(root2)}. A seal covers the artifact's own bytes only: copy the target into the artifact, or ${named ? "remove the link from the patterns" : `leave the link out with "!${toSlashes(relative(baseDir, link))}"`}.`
  );
  const found = [];
  const seen = patterns.include.length > 1 ? /* @__PURE__ */ new Set() : null;
  const links = [];
  const unmatched = [];
  const leftOut = [];
  const leaveOutHidden = options.hidden === "leave-out";
  const addFile = (abs) => {
    if (seen !== null) {
      if (seen.has(abs)) return;
      seen.add(abs);
    }
    found.push(abs);
    options.onFile?.(abs);
  };
  const walk = (dir, realDir, ancestors, glob, skipped) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const e = error;
      throw new SealError(
        "unreadable",
        `${inputName}: cannot list the directory ${quote(dir)} (${e.code ?? e.message}). Make it readable by ${words().reader} or exclude it with a "!" pattern.`,
        { cause: e }
      );
    }
    entries.sort(byListingName);
    ancestors.push(realDir);
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      const abs = prefix + entry.name;
      if (entry.name.includes("\uFFFD") && !existsSync(abs)) {
        throw new SealError(
          "bad-input",
          `${inputName}: a file name in ${quote(dir)} is not valid UTF-8 (shown as ${quote(entry.name)}). Listings and statements hold UTF-8 paths: rename the file, or leave it out with a "!" pattern.`
        );
      }
      if (isExcluded(abs)) continue;
      if (skipped?.has(entry.name) && !entry.isFile()) continue;
      const taken = glob === null || glob.take(abs);
      if (!taken && !glob.enter(abs)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let realChild = null;
      if (entry.isSymbolicLink()) {
        let stat;
        try {
          realChild = realpathSync(abs);
          stat = statSync(realChild);
        } catch {
          if (!taken) continue;
          throw new SealError(
            "bad-input",
            `${inputName}: ${quote(abs)} is a symbolic link to ${quote(readLinkText(abs))}, which does not exist. Remove the link, or leave it out with "!${toSlashes(relative(baseDir, abs))}".`
          );
        }
        if (knownRealRoot !== null && !isInside(realChild, knownRealRoot))
          throw linkLeavesRoot(abs, realChild, knownRoot);
        links.push({ link: abs, target: realChild, named: false });
        isDir = stat.isDirectory();
        isFile = stat.isFile();
        if (isDir && ancestors.includes(realChild)) {
          throw new SealError(
            "bad-input",
            `${inputName}: ${quote(abs)} is a symbolic link back into one of its own parent directories (a loop). Remove the link, or leave it out with "!${toSlashes(relative(baseDir, abs))}".`
          );
        }
      }
      if (leaveOutHidden && (isDir || isFile && taken) && isLeftOutName(entry.name, isDir)) {
        leftOut.push(`${toSlashes(relative(baseDir, abs))}${isDir ? "/" : ""}`);
        continue;
      }
      if (isDir) {
        realChild ??= realDir.endsWith(sep) ? realDir + entry.name : realDir + sep + entry.name;
        if (!skipDirs.has(abs) && !skipped?.has(entry.name))
          walk(abs, realChild, ancestors, taken ? null : glob, skipped);
      } else if (isFile && taken) {
        addFile(abs);
      }
    }
    ancestors.pop();
  };
  const noteNamedLink = (abs) => {
    const real = realOrSelf(abs);
    if (real === abs) return;
    if (knownRealRoot !== null && !isInside(real, knownRealRoot))
      throw linkLeavesRoot(abs, real, knownRoot, true);
    links.push({ link: abs, target: real, named: true });
  };
  let onlyDirectory = null;
  for (const pattern of patterns.include) {
    const absPattern = absolutePattern(baseDir, pattern);
    const scan = scanGlob(absPattern);
    let matchedSomething = false;
    if (scan === null || !scan.isGlob) {
      const abs = resolve(baseDir, pattern);
      const stat = statOrNull(abs);
      if (stat?.isDirectory()) {
        matchedSomething = true;
        if (patterns.include.length === 1) onlyDirectory = abs;
        else noteNamedLink(abs);
        walk(abs, realOrSelf(abs), [], null, null);
      } else if (stat?.isFile()) {
        matchedSomething = true;
        if (!isExcluded(abs)) {
          noteNamedLink(abs);
          addFile(abs);
        }
      }
    } else {
      const base = scan.base === "" ? parse(resolve(baseDir)).root : scan.base;
      const matcher = (0, import_picomatch.default)(absPattern, { dot: true });
      const glob = {
        take: (abs) => {
          const hit = matcher(toSlashes(abs));
          matchedSomething ||= hit;
          return hit;
        },
        enter: globEnters(resolve(base), scan.glob),
        skipped: new Set(NOT_WALKED.filter((name) => !absPattern.split("/").includes(name)))
      };
      if (statOrNull(base)?.isDirectory()) {
        const realBase = realOrSelf(base);
        if (realBase !== resolve(base))
          links.push({ link: resolve(base), target: realBase, named: false });
        walk(resolve(base), realBase, [], glob, glob.skipped);
      }
    }
    if (!matchedSomething) unmatched.push(pattern);
  }
  if (unmatched.length > 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: nothing matches ${unmatched.map(quote).join(", ")} (relative to ${quote(baseDir)}). Patterns tried: ${patterns.include.map(quote).join(", ")}${patterns.exclude.length ? `; excluded: ${patterns.exclude.map((p) => quote(`!${p}`)).join(", ")}` : ""}. Check that the build wrote its output before ${words().current} ran, and that the paths are relative to ${words().base} or absolute.`
    );
  }
  const unusedExclusions = patterns.exclude.filter((_, i) => !excludeUsed[i]);
  if (unusedExclusions.length > 0 && options.unusedExclusions !== "allow" && options.unusedExclusions !== "warn") {
    throw new SealError(
      "bad-input",
      `${inputName}: the exclusion${unusedExclusions.length === 1 ? "" : "s"} ${unusedExclusions.map((p) => quote(`!${p}`)).join(", ")} match${unusedExclusions.length === 1 ? "es" : ""} nothing the patterns ${patterns.include.map(quote).join(", ")} reach (relative to ${quote(baseDir)}). Like every pattern, an exclusion must match something: it is read relative to the workspace (or absolute), as the paths it excludes from are, so write it with the same leading directories (such as "!dist/**/*.map", not "!*.map"), or remove it.`
    );
  }
  if (found.length === 0) {
    const why = leftOut.length > 0 ? `every file is hidden or looks like a secret (${leftOut.slice(0, 5).map(quote).join(", ")}${leftOut.length > 5 ? ", \u2026" : ""}), which a seal leaves out unless include-hidden-files is true` : patterns.exclude.length > 0 ? `every file is excluded by ${patterns.exclude.map((p) => quote(`!${p}`)).join(", ")}, or the directories hold no files` : "the directories hold no files";
    throw new SealError(
      "bad-input",
      `${inputName}: ${patterns.include.map(quote).join(", ")} matched, but ${why}. Nothing is left to seal: point at the build output${patterns.exclude.length > 0 ? " or loosen the exclusions" : ""}.`
    );
  }
  const root = chooseRoot(options, found, onlyDirectory);
  const rootPrefix = root.endsWith(sep) ? root : root + sep;
  let relativeIsSuffix = sep === "/";
  const relative2 = found.map((abs) => {
    const underPrefix = abs.startsWith(rootPrefix);
    if (!underPrefix) relativeIsSuffix = false;
    const rel = toSlashes(underPrefix ? abs.slice(rootPrefix.length) : relative(root, abs));
    if (rel.includes("\n") || rel.includes("\r")) checkListingPath(rel, inputName);
    return rel;
  });
  const realRoot = realOrSelf(root);
  for (const { link, target, named } of links) {
    if ((named || isInside(link, root)) && !isInside(target, realRoot))
      throw linkLeavesRoot(link, target, root, named);
  }
  const order = listingOrder(relative2);
  const kind = onlyDirectory !== null ? "directory" : found.length === 1 ? "file" : "files";
  return {
    kind,
    root,
    absolutePaths: found,
    relativePaths: relative2,
    order,
    relativeIsSuffix,
    leftOut,
    unusedExclusions: options.unusedExclusions === "warn" ? unusedExclusions : [],
    links: links.map(({ link, target }) => ({ link, target }))
  };
}
function byListingName(a, b) {
  const x = a.isDirectory() ? `${a.name}/` : a.name;
  const y = b.isDirectory() ? `${b.name}/` : b.name;
  return x < y ? -1 : x > y ? 1 : 0;
}
function listingOrder(paths) {
  const order = new Uint32Array(paths.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const before = paths.some((p) => /[\uD800-\uDFFF]/.test(p)) ? (x, y) => compareUtf8(x, y) < 0 : (x, y) => x < y;
  let sorted = true;
  for (let i = 1; sorted && i < paths.length; i++)
    sorted = before(paths[i - 1], paths[i]);
  if (sorted) return order;
  return order.sort((a, b) => {
    const x = paths[a];
    const y = paths[b];
    return before(x, y) ? -1 : before(y, x) ? 1 : 0;
  });
}
function chooseRoot(options, files, onlyDirectory) {
  if (options.root !== void 0 && options.root !== "") {
    const root = resolve(options.baseDir, options.root);
    if (!statOrNull(root)?.isDirectory()) {
      throw new SealError(
        "bad-input",
        `root: ${quote(options.root)} is not a directory (resolved to ${quote(root)}). Give the directory that listing paths should be relative to, or leave root empty.`
      );
    }
    const outside = files.find((f) => !isInside(f, root));
    if (outside !== void 0) {
      throw new SealError(
        "bad-input",
        `root: ${quote(options.root)} does not contain ${quote(outside)}, which ${options.inputName} matched. Give a root that contains every matched file, or leave root empty to use the deepest directory that does.`
      );
    }
    return root;
  }
  if (onlyDirectory !== null) return onlyDirectory;
  let common = dirname(files[0]);
  for (const file of files) {
    while (!isInside(file, common)) common = dirname(common);
  }
  return common;
}
function absolutePattern(baseDir, pattern) {
  return toSlashes(resolve(baseDir, pattern));
}
function globEnters(base, glob) {
  const segments = splitSegments(glob);
  if (segments === null) return () => true;
  const matchers = segments.map(
    (segment) => segment.includes("**") ? null : (0, import_picomatch.default)(segment, { dot: true })
  );
  if (matchers[0] === null) return () => true;
  return (absDir) => {
    const rel = relative(base, absDir).split(sep);
    for (let i = 0; i < rel.length; i++) {
      if (i >= segments.length) return false;
      const matcher = matchers[i];
      if (matcher === null) return true;
      if (!matcher(rel[i])) return false;
    }
    return rel.length < segments.length;
  };
}
function splitSegments(glob) {
  const segments = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\") {
      current += c + (glob[++i] ?? "");
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    else if ((c === "}" || c === ")" || c === "]") && depth > 0) depth--;
    if (c === "/") {
      if (depth > 0) return null;
      segments.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  segments.push(current);
  return segments.filter((s) => s !== "");
}
function statOrNull(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
function realOrSelf(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
function readLinkText(p) {
  try {
    return readlinkSync(p);
  } catch {
    return "?";
  }
}

// src/core/modes.ts
var MODES_ANNOTATION = "artifact-seal.modes";
function formatModes(modes) {
  const executable = [...modes.executable].sort(byBytes);
  const links = Object.fromEntries(Object.entries(modes.links).sort(([a], [b]) => byBytes(a, b)));
  return Buffer.from(`${JSON.stringify({ executable, links })}
`);
}
function modesDigest(bytes) {
  return digestFromHex(createHash("sha256").update(bytes).digest("hex"));
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
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw bad("not an object");
  const { executable, links, ...rest } = json;
  if (Object.keys(rest).length > 0)
    throw bad(`unknown key ${quote(Object.keys(rest)[0])}`);
  if (!Array.isArray(executable) || !executable.every((p) => typeof p === "string"))
    throw bad('"executable" is not a list of paths');
  if (typeof links !== "object" || links === null || Array.isArray(links))
    throw bad('"links" is not an object');
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
  const realRoot = links.length > 0 ? realOrSelf2(root) : root;
  const listed = links.length > 0 ? new Set(paths) : null;
  const recorded = {};
  for (const { link, target } of links) {
    const linkFromRoot = relative(root, link);
    const targetFromRoot = relative(realRoot, target);
    if (linkFromRoot === "" || leavesParent(linkFromRoot) || leavesParent(targetFromRoot)) continue;
    const relLink = toSlashes2(linkFromRoot);
    const relTarget = toSlashes2(targetFromRoot);
    const sealed = listed?.has(relTarget) || paths.some((p) => p.startsWith(`${relTarget}/`));
    if (!sealed) continue;
    recorded[relLink] = posix.relative(posix.dirname(relLink), relTarget);
  }
  return { executable: executable.sort(byBytes), links: recorded };
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
  for (const p of [...paths].sort(byBytes)) {
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
    (a, b) => a.split("/").length - b.split("/").length || byBytes(a, b)
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
var byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
function toSlashes2(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}
function realOrSelf2(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export {
  isLeftOutName,
  namesOneFile,
  rootBeforeWalk,
  resolveFiles,
  MODES_ANNOTATION,
  formatModes,
  modesDigest,
  parseModes,
  readModes,
  diffModes,
  applyModes,
  modesAnnotation
};
