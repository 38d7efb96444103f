const require = globalThis.process.getBuiltinModule ?? (await import('node:module')).createRequire(import.meta.url);
// Compiled as the file loads: the functions a plain step calls (scripts/eager-compile.mjs).
// src/report/runner-log.ts
var visibleControl = (function visibleControl(char) {
  const code2 = char.charCodeAt(0);
  if (char === "	") return null;
  if (code2 < 32) return String.fromCharCode(9216 + code2);
  if (code2 === 127) return "\u2421";
  if (code2 >= 128 && code2 <= 159) return "\uFFFD";
  return null;
});
var visibleControls = (function visibleControls(text) {
  return text.replace(
    ANY_CONTROL,
    (c) => c === "\n" || c === "\r" || c === "\x85" ? c : visibleControl(c) ?? c
  );
});
var inertLogText = (function inertLogText(text) {
  return new RunnerLogGuard().encode(text);
});
// src/actions/runner-io.ts
var endStep = (async function endStep() {
  const stream = logStream;
  if (stream !== null) await new Promise((resolve2) => stream.write("", () => resolve2()));
  process.exit();
});
var toCommandValue = (function toCommandValue(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string" || value instanceof String) return String(value);
  return JSON.stringify(value);
});
var issueFileCommand = (function issueFileCommand(variable, name, value) {
  const file = process.env[variable];
  const delimiter2 = `ghadelimiter_${randomUUID()}`;
  const text = toCommandValue(value);
  if (name.includes(delimiter2))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  if (text.includes(delimiter2))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter2}${EOL}${text}${EOL}${delimiter2}${EOL}`, {
    encoding: "utf8"
  });
});
var getInput = (function getInput(name, options) {
  const value = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
});
var setOutput = (function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand("GITHUB_OUTPUT", name, value);
  runnerLog.write(EOL);
  writeCommand("set-output", { name }, toCommandValue(value));
});
var info = (function info(message) {
  runnerLog.write(inertLogText(message) + EOL);
});
// src/core/digest.ts
var digestFromHex = (function digestFromHex(hex) {
  return `sha256:${hex}`;
});
var sha256Digest = (function sha256Digest(data) {
  return digestFromHex(sha256Hex(data));
});
var sha256Hex = (function sha256Hex(data) {
  return hash("sha256", data, "hex");
});
var hexOf = (function hexOf(digest) {
  return digest.slice("sha256:".length);
});
var parseDigest = (function parseDigest(value, what) {
  const trimmed = value.trim();
  const lowered = trimmed.toLowerCase();
  const hex = lowered.startsWith("sha256:") ? lowered.slice("sha256:".length) : lowered;
  if (HEX64.test(hex)) return digestFromHex(hex);
  const algorithm = /^([a-z0-9_-]+):/.exec(lowered)?.[1];
  if (algorithm !== void 0 && algorithm !== "sha256") {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(trimmed)} is a ${algorithm} digest; artifact-seal reads sha256 digests only. Give "sha256:" followed by 64 hex characters.`
    );
  }
  throw new SealError(
    "bad-input",
    `${what}: ${quote(trimmed)} is not a sha256 digest. Give "sha256:" followed by 64 hex characters, or the 64 hex characters alone (got ${hex.length} characters${/[^0-9a-f]/.test(hex) ? ", some not hex" : ""}).`
  );
});
// src/core/listing.ts
var sortEntries = (function sortEntries(entries) {
  return entries.sort((a, b) => compareUtf8(a.path, b.path));
});
var listingFromDigests = (function listingFromDigests(paths, digests, order) {
  const hex = Buffer.from(digests.buffer, digests.byteOffset, digests.byteLength).toString("hex");
  const pieces = [];
  for (let start = 0; start < order.length; start += LINES_PER_PIECE) {
    const end = Math.min(order.length, start + LINES_PER_PIECE);
    const lines = new Array(end - start);
    for (let k = start; k < end; k++) {
      const i = order[k];
      lines[k - start] = `${hex.slice(i * 64, i * 64 + 64)}  ${paths[i]}
`;
    }
    pieces.push(Buffer.from(lines.join("")));
  }
  return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
});
var checkListingPath = (function checkListingPath(path, where) {
  const fix = 'Listing paths are relative to the artifact root, use "/", and stay inside it.';
  if (path.length === 0)
    throw new SealError("malformed", `${where}: a line has an empty path. ${fix}`);
  if (path.includes("\n") || path.includes("\r")) {
    throw new SealError(
      "malformed",
      `${where}: the file name ${quote(path)} contains a line break, which a checksums listing cannot hold. Rename the file or exclude it with "!${path.split(/[\r\n]/)[0]}*".`
    );
  }
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
    throw new SealError("malformed", `${where}: the path ${quote(path)} is absolute. ${fix}`);
  }
  if (path.split("/").some((segment) => segment === ".." || segment === "." || segment === "")) {
    throw new SealError(
      "malformed",
      `${where}: the path ${quote(path)} has an empty, "." or ".." segment. ${fix}`
    );
  }
});
var parseListing = (function parseListing(text, fileName) {
  const entries = [];
  const seen = /* @__PURE__ */ new Map();
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "" || line.startsWith("#")) return;
    const match = LINE.exec(line);
    if (!match) {
      throw new SealError(
        "malformed",
        `${fileName}:${lineNo}: ${quote(line.length > 120 ? `${line.slice(0, 120)}\u2026` : line)} is not a sha256sum line. Each line must be 64 hex characters, two spaces (or " *"), then the path, as "sha256sum" prints.`
      );
    }
    const [, escaped, hex, rawPath] = match;
    let path = escaped ? unescapeName(rawPath) : rawPath;
    while (path.startsWith("./")) path = path.slice(2);
    checkListingPath(path, `${fileName}:${lineNo}`);
    const earlier = seen.get(path);
    if (earlier !== void 0) {
      throw new SealError(
        "malformed",
        `${fileName}:${lineNo}: the path ${quote(path)} is listed again (first on line ${earlier}). Each file may appear once.`
      );
    }
    seen.set(path, lineNo);
    entries.push({ path, hex: hex.toLowerCase() });
  });
  if (entries.length === 0) {
    throw new SealError(
      "malformed",
      `${fileName}: the listing has no entries. Give a file in sha256sum format with one line per file.`
    );
  }
  return sortEntries(entries);
});
// src/core/paths.ts
var isInside = (function isInside(child, parent) {
  return !leavesParent(relative(parent, child));
});
var leavesParent = (function leavesParent(rel) {
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
});
var toSlashes = (function toSlashes(p) {
  return sep === "/" ? p : p.split(sep).join("/");
});
// src/core/modes.ts
var formatModes = (function formatModes(modes) {
  const executable = [...modes.executable].sort(compareUtf8);
  const links = Object.fromEntries(
    Object.entries(modes.links).sort(([a], [b]) => compareUtf8(a, b))
  );
  return Buffer.from(`${JSON.stringify({ executable, links })}
`);
});
var modesDigest = (function modesDigest(bytes) {
  return sha256Digest(bytes);
});
var readModes = (function readModes(root, paths, links, fileModes) {
  const executable = [];
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i];
    const mode = fileModes ? fileModes[i] : statSync(join(root, ...rel.split("/"))).mode;
    if ((mode & 73) !== 0) executable.push(rel);
  }
  const realRoot = links.length > 0 ? realOrSelf(root) : root;
  const sealed = links.length > 0 ? pathsAndParents(paths) : null;
  const recorded = {};
  for (const { link: link3, target } of links) {
    const linkFromRoot = relative(root, link3);
    const targetFromRoot = relative(realRoot, target);
    if (linkFromRoot === "" || leavesParent(linkFromRoot) || leavesParent(targetFromRoot)) continue;
    const relLink = toSlashes(linkFromRoot);
    const relTarget = toSlashes(targetFromRoot);
    if (sealed?.has(relTarget) !== true) continue;
    recorded[relLink] = posix.relative(posix.dirname(relLink), relTarget);
  }
  return { executable: executable.sort(compareUtf8), links: recorded };
});
// src/core/statement.ts
var statementSubject = (function statementSubject(name, digest, isTree) {
  const hex = hexOf(digest);
  return { name, digest: isTree ? { sha256: hex, dirHash: hex } : { sha256: hex } };
});
var runUrl = (function runUrl(build) {
  return `${build.serverUrl}/${build.repository}/actions/runs/${build.runId}/attempts/${build.runAttempt}`;
});
var workflowPath = (function workflowPath(build) {
  const withoutRepo = build.workflowRef.startsWith(`${build.repository}/`) ? build.workflowRef.slice(build.repository.length + 1) : build.workflowRef;
  const at = withoutRepo.lastIndexOf("@");
  return at === -1 ? withoutRepo : withoutRepo.slice(0, at);
});
var workflowPredicate = (function workflowPredicate(build) {
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: {
          ref: build.ref,
          repository: `${build.serverUrl}/${build.repository}`,
          path: workflowPath(build)
        }
      },
      internalParameters: {
        github: {
          event_name: build.eventName,
          repository_id: build.repositoryId,
          repository_owner_id: build.repositoryOwnerId,
          runner_environment: build.runnerEnvironment
        }
      },
      resolvedDependencies: [
        {
          uri: `git+${build.serverUrl}/${build.repository}@${build.ref}`,
          digest: { gitCommit: build.sha }
        }
      ]
    },
    runDetails: {
      builder: { id: `${build.serverUrl}/${build.jobWorkflowRef ?? build.workflowRef}` },
      metadata: { invocationId: runUrl(build) }
    }
  };
});
var buildStatement = (function buildStatement(subjects, context) {
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: SLSA_PROVENANCE_TYPE,
    predicate: context.kind === "workflow" ? workflowPredicate(context.build) : localPredicate(context.build, subjects)
  };
});
// src/core/env.ts
var serverUrlOf = (function serverUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_SERVER_URL, DEFAULT_SERVER_URL);
});
var withoutTrailingSlash = (function withoutTrailingSlash(value, fallback) {
  return (value?.trim() || fallback).replace(/\/+$/, "");
});
// src/core/hashing/hash-large-file.ts
var hashSmallFile = (function hashSmallFile(path) {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stat2 = fstatSync(fd);
    if (!stat2.isFile()) throw notRegular();
    const { mode } = stat2;
    const chunk = Buffer.allocUnsafe(CHUNK);
    const size = readSync(fd, chunk, 0, CHUNK, null);
    return size < CHUNK ? { digest: createHash("sha256").update(chunk.subarray(0, size)).digest(), size, mode } : null;
  } finally {
    closeSync(fd);
  }
});
// src/core/hashing/hash-files.ts
var hashFiles = (async function hashFiles(paths, options = {}) {
  if (paths.length === 1) return hashOneFile(paths[0], options);
  const queue = new HashQueue(options.pool ?? null, options);
  for (const path of paths) queue.add(path);
  return queue.finish();
});
var hashOneFile = (async function hashOneFile(path, options) {
  const { onProgress, progressIntervalMs = 2e3 } = options;
  try {
    const result = hashSmallFile(path) ?? await hashLargeFile(
      path,
      (bytesDone) => onProgress?.({ filesDone: 0, bytesDone, filesTotal: 1 }),
      progressIntervalMs
    );
    return {
      digests: new Uint8Array(result.digest),
      sizes: Float64Array.of(result.size),
      modes: Uint16Array.of(result.mode & 4095)
    };
  } catch (error2) {
    const e = error2;
    throw describeFailure({ index: 0, code: e.code ?? "EIO", message: e.message }, path);
  }
});
// src/core/file-summary.ts
var summarizeFiles = (function summarizeFiles(paths, sizes, order, largestCount = 5) {
  const groups = /* @__PURE__ */ new Map();
  const largest = [];
  let current;
  let currentName = "";
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const filePath = paths[i];
    const size = sizes[i];
    if (current === void 0 || !currentName.endsWith("/") || !filePath.startsWith(currentName)) {
      const slash = filePath.indexOf("/");
      currentName = slash === -1 ? filePath : filePath.slice(0, slash + 1);
      current = groups.get(currentName);
      if (current === void 0) groups.set(currentName, current = { files: 0, size: 0 });
    }
    current.files++;
    current.size += size;
    if (largest.length < largestCount || size > largest[largest.length - 1].size) {
      let at = largest.length;
      while (at > 0 && largest[at - 1].size < size) at--;
      largest.splice(at, 0, { path: filePath, size });
      if (largest.length > largestCount) largest.pop();
    }
  }
  const topLevel = [...groups].map(([name, g]) => ({ name, ...g })).sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  return { largest, topLevel };
});
// src/core/subject/resolve-files.ts
var namesOneFile = (function namesOneFile(options) {
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return false;
  const abs = resolve(options.baseDir, only);
  return !scanGlob(toSlashes(abs))?.isGlob && statOrNull(abs)?.isFile() === true;
});
var rootBeforeWalk = (function rootBeforeWalk(options) {
  if (options.root) return resolve(options.baseDir, options.root);
  const [only, ...others] = options.patterns.include;
  if (only === void 0 || others.length > 0) return null;
  const abs = resolve(options.baseDir, only);
  return statOrNull(abs)?.isDirectory() ? abs : null;
});
var resolveFiles = (function resolveFiles(options) {
  const { patterns, baseDir, inputName } = options;
  if (patterns.include.length === 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: no path to seal${patterns.exclude.length > 0 ? ` (only exclusions: ${patterns.exclude.map((p) => quote(`!${p}`)).join(", ")})` : ""}. Give at least one file, directory or glob, one per line or comma-separated.`
    );
  }
  const excludeMatchers = patterns.exclude.map((p) => (0, import_picomatch.default)(absolutePattern(baseDir, p), GLOB));
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
  const knownRealRoot = knownRoot === null ? null : realOrSelf2(knownRoot);
  const linkLeavesRoot = (link3, target, root2, named = false) => new SealError(
    "bad-input",
    `${inputName}: ${quote(link3)} is a symbolic link to ${quote(target)}, outside the artifact root ${quote(root2)}. A seal covers the artifact's own bytes only: copy the target into the artifact, or ${named ? "remove the link from the patterns" : `leave the link out with "!${toSlashes(relative(baseDir, link3))}"`}.`
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
  const walk = (dir, realDir, ancestors, glob2, skipped) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error2) {
      const e = error2;
      throw new SealError(
        "unreadable",
        `${inputName}: cannot list the directory ${quote(dir)} (${e.code ?? e.message}). Make it readable by ${words().reader} or exclude it with a "!" pattern.`,
        { cause: e }
      );
    }
    entries.sort(byListingName);
    ancestors.push(realDir);
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    let lossy = null;
    for (const entry of entries) {
      const abs = prefix + entry.name;
      if (isExcluded(abs)) continue;
      if (entry.name.includes("\uFFFD") && (lossy ??= lossyNames(dir)).has(entry.name)) {
        throw new SealError(
          "bad-input",
          `${inputName}: a file name in ${quote(dir)} is not valid UTF-8 (shown as ${quote(entry.name)}). Listings and statements hold UTF-8 paths: rename the file, or leave it out with a "!" pattern.`
        );
      }
      if (skipped?.has(entry.name) && !entry.isFile()) continue;
      const taken = glob2 === null || glob2.take(abs);
      if (!taken && !glob2.enter(abs)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let realChild = null;
      if (entry.isSymbolicLink()) {
        let stat2;
        try {
          realChild = realpathSync(abs);
          stat2 = statSync(realChild);
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
        isDir = stat2.isDirectory();
        isFile = stat2.isFile();
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
          walk(abs, realChild, ancestors, taken ? null : glob2, skipped);
      } else if (isFile && taken) {
        addFile(abs);
      }
    }
    ancestors.pop();
  };
  const noteNamedLink = (abs) => {
    const real = realOrSelf2(abs);
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
      const stat2 = statOrNull(abs);
      if (stat2?.isDirectory()) {
        matchedSomething = true;
        if (isExcluded(abs)) continue;
        if (patterns.include.length === 1) onlyDirectory = abs;
        else noteNamedLink(abs);
        walk(abs, realOrSelf2(abs), [], null, null);
      } else if (stat2?.isFile()) {
        matchedSomething = true;
        if (!isExcluded(abs)) {
          noteNamedLink(abs);
          addFile(abs);
        }
      }
    } else {
      const base = scan.base === "" ? parse(resolve(baseDir)).root : scan.base;
      const matcher = (0, import_picomatch.default)(absPattern, GLOB);
      const glob2 = {
        take: (abs) => {
          const hit = matcher(toSlashes(abs));
          matchedSomething ||= hit;
          return hit;
        },
        enter: globEnters(resolve(base), scan.glob),
        skipped: new Set(NOT_WALKED.filter((name) => !absPattern.split("/").includes(name)))
      };
      if (statOrNull(base)?.isDirectory()) {
        const realBase = realOrSelf2(base);
        if (realBase !== resolve(base))
          links.push({ link: resolve(base), target: realBase, named: false });
        walk(resolve(base), realBase, [], glob2, glob2.skipped);
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
      `${inputName}: the exclusion${unusedExclusions.length === 1 ? "" : "s"} ${unusedExclusions.map((p) => quote(`!${p}`)).join(", ")} match${unusedExclusions.length === 1 ? "es" : ""} nothing the patterns ${patterns.include.map(quote).join(", ")} reach (relative to ${quote(baseDir)}). Like every pattern, an exclusion must match something: it is read relative to ${words().base} (or absolute), as the paths it excludes from are, so write it with the same leading directories (such as "!dist/**/*.map", not "!*.map"), or remove it.`
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
  const realRoot = realOrSelf2(root);
  for (const { link: link3, target, named } of links) {
    if ((named || isInside(link3, root)) && !isInside(target, realRoot))
      throw linkLeavesRoot(link3, target, root, named);
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
    links: links.map(({ link: link3, target }) => ({ link: link3, target }))
  };
});
var listingOrder = (function listingOrder(paths) {
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
});
var chooseRoot = (function chooseRoot(options, files, onlyDirectory) {
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
});
var absolutePattern = (function absolutePattern(baseDir, pattern) {
  return toSlashes(resolve(baseDir, pattern));
});
var statOrNull = (function statOrNull(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
});
var realOrSelf2 = (function realOrSelf2(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
});
// src/core/seal.ts
var sealSubject = (async function sealSubject(subject, options) {
  try {
    return await sealWithPool(subject, options);
  } finally {
    options.pool?.close();
  }
});
var sealWithPool = (async function sealWithPool(subject, options) {
  if (subject.kind === "digest") {
    const name = options.name || subject.name;
    const listing2 = Buffer.from(formatListing([{ path: subject.name, hex: hexOf(subject.digest) }]));
    const artifact = {
      name,
      digest: subject.digest,
      kind: "digest",
      root: null,
      fileCount: 1,
      size: null,
      summary: null,
      listing: listing2
    };
    return {
      ...artifact,
      statement: buildStatement([digestOnlySubject(name, subject.digest)], options.build)
    };
  }
  if (subject.kind === "checksums") {
    const entries = parseListing(readListingFile(subject.file, subject.inputName), subject.file);
    const listing2 = Buffer.from(formatListing(entries));
    const name = options.name || options.fallbackName;
    const fileCount = entries.length;
    return describe(
      {
        name,
        digest: digestOfListing(listing2),
        kind: "checksums",
        root: null,
        fileCount,
        size: null,
        summary: null,
        listing: listing2
      },
      true,
      options.build
    );
  }
  let resolved;
  let hashed;
  let linesRoot = null;
  if (namesOneFile(subject)) {
    resolved = resolveFiles(subject);
    options.onResolved?.(1, resolved.root);
    hashed = await hashFiles(resolved.absolutePaths, options);
  } else {
    const pool = options.pool ?? HashPool.start(options.workers);
    try {
      linesRoot = sep === "/" ? rootBeforeWalk(subject) : null;
      const queue = new HashQueue(
        pool,
        linesRoot === null ? options : { ...options, linePrefix: Buffer.byteLength(withSep(linesRoot)) }
      );
      resolved = resolveFiles({ ...subject, onFile: (abs) => queue.add(abs) });
      options.onResolved?.(resolved.absolutePaths.length, resolved.root);
      hashed = await queue.finish();
    } finally {
      pool.close();
    }
  }
  const { kind, root, relativePaths, absolutePaths, order } = resolved;
  const listing = listingOf(resolved, hashed, linesRoot);
  const isSingleFile = kind === "file";
  const digest = isSingleFile ? digestFromHex(Buffer.from(hashed.digests.subarray(0, 32)).toString("hex")) : digestOfListing(listing);
  const defaultName = kind === "file" ? basename(absolutePaths[0]) : kind === "directory" ? basename(root) : options.fallbackName;
  const summary2 = summarizeFiles(relativePaths, hashed.sizes, order);
  const size = summary2.topLevel.reduce((sum, group2) => sum + group2.size, 0);
  const described = describe(
    {
      name: options.name || defaultName,
      digest,
      kind,
      root,
      fileCount: relativePaths.length,
      size,
      summary: summary2,
      listing
    },
    !isSingleFile,
    options.build
  );
  const modes = formatModes(readModes(root, relativePaths, resolved.links, hashed.modes));
  const [sealedSubject, ...others] = described.statement.subject;
  const annotated = {
    ...sealedSubject,
    annotations: {
      ...sealedSubject?.annotations,
      [MODES_ANNOTATION]: { digest: modesDigest(modes) }
    }
  };
  return {
    ...described,
    statement: { ...described.statement, subject: [annotated, ...others] },
    modes,
    leftOut: resolved.leftOut,
    unusedExclusions: resolved.unusedExclusions
  };
});
var listingOf = (function listingOf(resolved, hashed, linesRoot) {
  const { root, relativePaths, order, relativeIsSuffix } = resolved;
  if (hashed.lines && relativeIsSuffix && root === linesRoot && isIdentity(order))
    return hashed.lines;
  if (hashed.queued && relativeIsSuffix) {
    const prefixLength = Buffer.byteLength(withSep(root));
    return listingFromPathBytes({ ...hashed.queued, prefixLength }, hashed.digests, order);
  }
  return listingFromDigests(relativePaths, hashed.digests, order);
});
var describe = (function describe(artifact, isTree, build) {
  return {
    ...artifact,
    statement: buildStatement([statementSubject(artifact.name, artifact.digest, isTree)], build)
  };
});
// src/app/verify/verified-path.ts
var verifiedPath = (async function verifiedPath(artifact, subject, expected, stagingParent, options) {
  const root = artifact.root;
  const inputName = subject.kind === "paths" ? subject.inputName : "subject";
  if (root === null)
    throw new SealError(
      "bad-input",
      `${inputName}: nothing was read from disk, so there is no path to hand out.`
    );
  const listed = parseListing(artifact.listing.toString("utf8"), "the verified listing").map(
    (e) => e.path
  );
  if (artifact.kind === "file") return join(root, ...listed[0].split("/"));
  if (holdsExactly(root, listed, subject)) return root;
  return stageCopies(root, listed, expected, stagingParent, inputName, options);
});
// src/core/kind.ts
var startsLikeListing = (function startsLikeListing(head) {
  return LINE_START.test(Buffer.from(head.subarray(0, 67)).toString("latin1"));
});
var readListingFile2 = (function readListingFile2(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(67);
    if (readSync(fd, head, 0, head.length, 0) < head.length || !startsLikeListing(head))
      return null;
  } finally {
    closeSync(fd);
  }
  const bytes = readFileSync(file);
  return isCanonicalListing(bytes) ? { bytes, fileCount: parseListing(bytes.toString("utf8"), file).length } : null;
});
var checkSubjectKind = (function checkSubjectKind(subject, expected, recorded, inputs) {
  if (recorded !== null && recorded.kind !== subject.kind) {
    const found = subject.kind === "file" ? "is one file" : `is a tree of ${plural(subject.fileCount, "file")}`;
    const fix = recorded.kind === "tree" ? "A file holding the tree's listing has the tree's digest, which is why the kinds are compared. Give the directory (or the patterns) that was sealed." : "Give the sealed file itself.";
    throw new SealError(
      "bad-input",
      `${inputs.subject}: ${recorded.source} says ${expected} sealed ${describeKind(recorded)}; ${quote(subject.display)} ${found}. ${fix}`
    );
  }
  if (subject.kind !== "file" || subject.file === null || subject.digest !== expected) return;
  const listing = readListingFile2(subject.file);
  if (listing === null) return;
  if (sha256Digest(listing.bytes) !== expected) {
    throw new SealError(
      "conflict",
      `${inputs.subject}: ${quote(subject.file)} changed while it was being verified. Make sure nothing writes to it, then verify again.`
    );
  }
  const why = `${inputs.subject}: ${quote(subject.display)} is one file whose bytes are a checksums listing of ${plural(listing.fileCount, "file")}, so its sha256 ${expected} is also the digest of the tree it lists: the digest cannot say which of the two was sealed.`;
  throw new SealError(
    "bad-input",
    recorded === null ? `${why} Give ${inputs.checksums} (the seal's listing) with the seal's statement beside it, which record the kind, or verify the directory that was sealed.` : `${why} A seal never seals a listing as one file, so ${recorded.source} does not come from a seal of these bytes. Give the listing the seal wrote, or verify the directory that was sealed.`
  );
});
// src/app/verify/verify-artifact.ts
var verifyArtifact = (async function verifyArtifact(request, options) {
  const sealed = request.checksumsFile === null ? null : readSealedListing(request);
  const artifact = await sealSubject(
    withHiddenAsSealed(request.subject, sealed?.entries ?? null),
    options
  );
  const subjectInput = request.subject.kind === "paths" ? request.subject.inputName : request.checksumsInput;
  checkSubjectKind(
    hashedSubjectOf(artifact, request.subject.kind === "paths" ? request.subject.baseDir : null),
    request.expected,
    sealed?.kind ?? null,
    {
      subject: subjectInput,
      checksums: request.checksumsInput
    }
  );
  const sealedModes = request.checksumsFile === null ? null : sealedModesBeside(request.checksumsFile, request.checksumsInput);
  const modeMismatches = sealedModes === null || !artifact.modes ? [] : diffModes(
    sealedModes,
    parseModes(artifact.modes.toString("utf8"), "the recomputed modes")
  ).map((d) => ({ ...d, kind: "mode" }));
  const sameBytes = artifact.digest === request.expected;
  const verified = sameBytes && modeMismatches.length === 0;
  const mismatches = verified || sealed === null ? [] : [
    ...sameBytes ? [] : diffListings(
      sealed.entries,
      parseListing(artifact.listing.toString("utf8"), "the recomputed listing")
    ),
    ...modeMismatches
  ];
  return {
    verified,
    expected: request.expected,
    actual: artifact.digest,
    artifact,
    mismatches,
    listingGiven: sealed !== null
  };
});
var withHiddenAsSealed = (function withHiddenAsSealed(subject, sealed) {
  if (subject.kind !== "paths" || subject.hidden !== "leave-out" || sealed === null) return subject;
  const namesHidden = sealed.some(
    (e) => e.path.split("/").some((segment, i, all) => isLeftOutName(segment, i < all.length - 1))
  );
  return namesHidden ? { ...subject, hidden: "include" } : subject;
});
var hashedSubjectOf = (function hashedSubjectOf(artifact, baseDir) {
  const root = artifact.root ?? "";
  const shown = (p) => {
    const rel = baseDir === null ? "" : relative(baseDir, p);
    return rel === "" || leavesParent(rel) ? p : rel;
  };
  if (artifact.kind !== "file")
    return {
      kind: "tree",
      display: shown(root),
      fileCount: artifact.fileCount,
      file: null,
      digest: artifact.digest
    };
  const only = parseListing(
    artifact.listing.toString("utf8"),
    "the recomputed listing"
  )[0];
  const file = join(root, ...only.path.split("/"));
  return { kind: "file", display: shown(file), fileCount: 1, file, digest: artifact.digest };
});
// src/app/settings/runner-environment.ts
var buildContextFromEnv = (function buildContextFromEnv(env, now = /* @__PURE__ */ new Date()) {
  const { GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID } = env;
  if (env.GITHUB_ACTIONS === "true" && GITHUB_REPOSITORY && GITHUB_SHA && GITHUB_RUN_ID) {
    return {
      kind: "workflow",
      build: {
        serverUrl: serverUrlOf(env),
        repository: GITHUB_REPOSITORY,
        repositoryId: env.GITHUB_REPOSITORY_ID ?? "",
        repositoryOwnerId: env.GITHUB_REPOSITORY_OWNER_ID ?? "",
        sha: GITHUB_SHA,
        ref: env.GITHUB_REF ?? "",
        workflowRef: env.GITHUB_WORKFLOW_REF ?? `${GITHUB_REPOSITORY}/${env.GITHUB_WORKFLOW ?? "workflow"}`,
        eventName: env.GITHUB_EVENT_NAME ?? "",
        runId: GITHUB_RUN_ID,
        runAttempt: env.GITHUB_RUN_ATTEMPT || "1",
        runnerEnvironment: env.RUNNER_ENVIRONMENT || "unknown"
      }
    };
  }
  return {
    kind: "local",
    build: {
      tool: `pkg:npm/artifact-seal@${VERSION}`,
      host: hostname(),
      startedOn: now.toISOString()
    }
  };
});
var fallbackName = (function fallbackName(env, baseDir) {
  const repository = env.GITHUB_REPOSITORY?.split("/")[1];
  return repository || basename(resolve(baseDir)) || "artifact";
});
var workspaceDir = (function workspaceDir(env) {
  return env.GITHUB_WORKSPACE || process.cwd();
});
var runnerTempDir = (function runnerTempDir(env) {
  return env.RUNNER_TEMP || tmpdir();
});
// src/report/format.ts
var formatBytes = (function formatBytes(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${UNITS[unit]}`;
});
var formatNumber = (function formatNumber(n) {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${out}` : out;
});
var formatCount = (function formatCount(n, singular, plural2 = `${singular}s`) {
  return `${formatNumber(n)} ${n === 1 ? singular : plural2}`;
});
// src/report/markdown.ts
var plain = (function plain(value) {
  const flat = visibleControls(value.replace(LINE_BREAKS, " "));
  let out = flat.replace(INLINE, reference).replace(/www\./gi, (www) => `${reference(www[0])}${www.slice(1)}`);
  if (/^(?:[\s\-+=]|[0-9]{1,9}[.)])/.test(out)) out = reference(out[0]) + out.slice(1);
  if (/\s$/.test(out)) out = out.slice(0, -1) + reference(out.slice(-1));
  return out;
});
var code = (function code(value) {
  if (value !== "" && !ENDS_CODE_SPAN.test(value) && !/^\s|\s$/.test(value)) return `\`${value}\``;
  return `<code>${plain(value)}</code>`;
});
// src/report/signer-markdown.ts
var signerRows = (function signerRows(signature, origins = [DEFAULT_SERVER_URL]) {
  if (signature === null || signature === void 0) return [];
  if (signature.status === "unsigned") return [`| Signature | none: ${plain(signature.detail)} |`];
  if (signature.status === "refused")
    return [`| Signature | \u274C refused: ${plain(signature.detail)} |`];
  const signer = signature.signer;
  if (signer.kind === "key") return [`| Signed by | the key ${code(signer.hint)} |`];
  const i = signer.identity;
  const rows = [`| Signed by | ${code(i.subjectAlternativeName)} |`];
  const add = (label, value, asCode = true) => {
    if (value !== void 0 && value !== "")
      rows.push(`| ${label} | ${asCode ? code(value) : plain(value)} |`);
  };
  add("Repository", i.repository);
  add("Source ref", i.sourceRepositoryRef);
  add("Source commit", i.sourceRepositoryDigest);
  add("Runner", i.runnerEnvironment);
  add("Issuer", i.issuer);
  if (i.runInvocationUri)
    rows.push(`| Signing run | ${link2(plain(i.runInvocationUri), i.runInvocationUri, origins)} |`);
  rows.push(`| Signed at | ${plain(signer.signedAt)} (trusted timestamp) |`);
  return rows;
});
// src/report/verify-markdown.ts
var renderVerifyMarkdown = (function renderVerifyMarkdown(report) {
  const out = [];
  if (report.verified && report.signatureFailure) {
    out.push(`### \u274C ${code(report.name)}: the signature is not accepted`, "");
    out.push(
      `The files are the sealed bytes (${code(report.actual)}), but: ${plain(report.signatureFailure)}`,
      ""
    );
    out.push("Do not deploy these bytes.", "");
    return out.join("\n");
  }
  if (report.verified) {
    out.push(`### \u2705 Verified ${code(report.name)}`, "");
    const what = report.content ?? "The files";
    out.push(
      `${plain(what)}${report.location ? ` under ${code(report.location)}` : ""} are the sealed bytes: ${code(report.actual)}.`,
      ""
    );
    const rows = signerRows(report.signature, [report.serverUrl ?? DEFAULT_SERVER_URL]);
    if (rows.length > 0) out.push("| | |", "| --- | --- |", ...rows, "");
    return out.join("\n");
  }
  out.push(`### \u274C ${code(report.name)} is not the sealed artifact`, "");
  out.push("| | |", "| --- | --- |");
  out.push(
    `| Expected | ${code(report.expected)} |`,
    `| Found | ${code(report.actual)}${report.content ? ` (${plain(report.content)})` : ""} |`,
    ""
  );
  if (report.mismatches.length > 0) {
    out.push(`${formatCount(report.mismatches.length, "file")} differ from the seal:`, "");
    out.push("| File | Difference | Sealed | Found |", "| --- | --- | --- | --- |");
    for (const m of report.mismatches.slice(0, ROWS_SHOWN)) {
      out.push(
        `| ${code(m.path)} | ${m.kind} | ${m.expected ? code(m.kind === "mode" ? m.expected : shortDigest(digestFromHex(m.expected))) : "\u2014"} | ${m.actual ? code(m.kind === "mode" ? m.actual : shortDigest(digestFromHex(m.actual))) : "\u2014"} |`
      );
    }
    if (report.mismatches.length > ROWS_SHOWN)
      out.push(`| \u2026 ${report.mismatches.length - ROWS_SHOWN} more | | | |`);
  } else if (!report.listingGiven) {
    out.push(
      "Give `checksums-path` (the seal step's output of that name) to see which files differ."
    );
  }
  out.push("");
  return out.join("\n");
});
// src/core/subject/patterns.ts
var parseSubjectPatterns = (function parseSubjectPatterns(value) {
  const include = [];
  const exclude = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    for (const part of line.split(",")) {
      const pattern = part.trim();
      if (pattern === "") continue;
      if (pattern.startsWith("!")) {
        const negated = pattern.slice(1).trim();
        if (negated !== "") exclude.push(negated);
      } else {
        include.push(pattern);
      }
    }
  }
  return { include, exclude };
});
// src/core/image/reference.ts
var isImageSubject = (function isImageSubject(text) {
  return text.split(/[\r\n,]/).some((entry) => entry.trim().toLowerCase().startsWith(OCI_SCHEME));
});
var parsePlainHttpRegistries = (function parsePlainHttpRegistries(values, what) {
  const registries = [];
  for (const value of values) {
    const fail = (why) => {
      throw new SealError(
        "bad-input",
        `${what}: ${quote(value)} ${why}. Give a registry as "host" or "host:port", such as "registry.lan:5000", with no scheme or path.`
      );
    };
    const text = value.trim();
    if (text === "") fail("is empty");
    if (/\s/.test(text)) fail("holds a space");
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) fail("has a scheme");
    const host = HOST.exec(text);
    if (host === null) fail("is not a host name, an IP address or either with a port");
    const port = host[1];
    if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535))
      fail(`has the port ${port}, out of range`);
    const registry = text.toLowerCase();
    const name = port === void 0 ? registry : registry.slice(0, -(port.length + 1));
    if (DOCKER_HUB_ALIASES.has(name) || name === DOCKER_HUB_HOST)
      fail("is Docker Hub, which is served over HTTPS only");
    if (!registries.includes(registry)) registries.push(registry);
  }
  return registries;
});
// src/app/settings/inputs.ts
var readPlainHttpRegistries = (function readPlainHttpRegistries(text, name) {
  return parsePlainHttpRegistries(inputLines(text), name);
});
var inputLines = (function inputLines(text) {
  return text.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
});
// src/app/settings/bytes-source.ts
var readBytesSource = (function readBytesSource(getInput2, workspace, names) {
  const input = (name) => getInput2(name).trim();
  const artifactName = input(names.name);
  const runIdText = input(names.runId);
  const repository = input(names.repository);
  const checksums = input(names.checksumsPath);
  const plainHttp = names.plainHttp === void 0 ? [] : readPlainHttpRegistries(getInput2(names.plainHttp), names.plainHttp);
  const image = readImage(getInput2, names);
  const subject = image === null ? readSubject(getInput2, workspace, names.subjectPath) : null;
  if ((subject !== null || image !== null) && artifactName !== "") {
    throw new SealError(
      "bad-input",
      `${names.subjectPath} and ${names.name} both say where the bytes are; give one: ${names.subjectPath} for files in the workspace, ${names.name} for a workflow artifact.`
    );
  }
  for (const [name, value] of [
    [names.runId, runIdText],
    [names.repository, repository]
  ]) {
    if (value !== "" && artifactName === "") {
      throw new SealError(
        "bad-input",
        `${name}: ${quote(value)} says where the workflow artifact was uploaded; give ${names.name} too, or remove it.`
      );
    }
  }
  if (checksums !== "" && subject === null && image === null && !(names.listingAlone === true && artifactName === "")) {
    throw new SealError(
      "bad-input",
      `${names.checksumsPath}: ${quote(checksums)} names the files that differ in ${names.subjectPath}; give ${names.subjectPath} too, or remove it (a workflow artifact carries its own listing).`
    );
  }
  if (image !== null)
    return {
      ...image,
      token: input(names.token),
      checksumsFile: checksums === "" ? null : resolve(workspace, checksums),
      plainHttp
    };
  if (subject !== null)
    return {
      kind: "local",
      subject,
      checksumsFile: checksums === "" ? null : resolve(workspace, checksums)
    };
  if (artifactName === "") return null;
  let runId = null;
  if (runIdText !== "") {
    runId = Number(runIdText);
    if (!/^[1-9][0-9]*$/.test(runIdText) || !Number.isSafeInteger(runId)) {
      throw new SealError(
        "bad-input",
        `${names.runId}: ${quote(runIdText)} is not a workflow run id. Give the number from the run's URL (\u2026/actions/runs/<id>), such as "\${{ github.event.workflow_run.id }}".`
      );
    }
  }
  if (repository !== "" && runId === null) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is another repository's; give ${names.runId} too, the run there that uploaded ${quote(artifactName)}.`
    );
  }
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    );
  }
  const token = input(names.token);
  if (runId !== null && token === "") {
    throw new SealError(
      "bad-input",
      `${names.token}: required to download from another run (${names.runId}: ${runIdText}). Give "\${{ github.token }}" and grant the job "permissions: actions: read".`
    );
  }
  return {
    kind: "artifact",
    name: artifactName,
    runId,
    repository: repository === "" ? null : repository,
    token
  };
});
var readImage = (function readImage(getInput2, names) {
  const text = getInput2(names.subjectPath);
  if (!isImageSubject(text)) return null;
  return {
    kind: "image",
    reference: parseImageSubject(text, names.subjectPath),
    inputName: names.subjectPath
  };
});
var readSubject = (function readSubject(getInput2, workspace, pathInput) {
  const subjectPath = getInput2(pathInput).trim();
  if (subjectPath === "") return null;
  return {
    kind: "paths",
    patterns: parseSubjectPatterns(getInput2(pathInput)),
    baseDir: workspace,
    inputName: pathInput,
    // The files an exclusion kept out of the seal need not have been carried to the deploy job.
    unusedExclusions: "allow",
    // As the seal action leaves them out by default; a sealed listing that names one turns it back
    // (verify-artifact.ts).
    hidden: "leave-out"
  };
});
// src/attestation/tuf-mirrors.ts
var parseTufMirrors = (function parseTufMirrors(text, baseDir, inputName = TUF_MIRRORS_INPUT) {
  const mirrors = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [urlText = ""] = line.split(/\s+/, 1);
    const rootText = line.slice(urlText.length).trim();
    const parsed = URL.canParse(urlText) ? new URL(urlText) : null;
    if (parsed === null || parsed.protocol !== "https:" && parsed.protocol !== "http:" || parsed.search !== "" || parsed.hash !== "") {
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(urlText)} is not the http(s) URL of a TUF repository. ${FORMAT}`
      );
    }
    const url = urlText.replace(/\/+$/, "");
    if (mirrors.some((m) => m.url === url))
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(url)} is named twice. Name each repository once.`
      );
    if (rootText === "") {
      if (!BUILT_IN_ROOTS.has(url)) {
        throw new SealError(
          "bad-input",
          `${inputName}: ${quote(url)} has no root.json. Only ${quote(PUBLIC_GOOD_TUF_MIRROR)} and ${quote(GITHUB_TUF_MIRROR)} have theirs built in; give the path of the repository's root.json after its URL (the version its maintainers publish, or one you trust). ${FORMAT}`
        );
      }
      mirrors.push({ url, rootFile: null });
      continue;
    }
    const rootFile = resolve(baseDir, rootText);
    checkTufRoot(rootFile, `${inputName}: the root.json ${quote(rootText)} of ${quote(url)}`);
    mirrors.push({ url, rootFile });
  }
  return mirrors.length === 0 ? null : mirrors;
});
// src/app/settings/signing-settings.ts
var signerCheckSettings = (function signerCheckSettings(fields, names, env, workspace, requireSignature = null) {
  const { repository, workflow, ref, issuer, trustedRoot } = fields;
  if (repository !== "" && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      "bad-input",
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    );
  }
  if (workflow !== "" && !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(
    workflow
  )) {
    throw new SealError(
      "bad-input",
      `${names.workflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ".github/workflows/release.yml", optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable workflow in another repository.`
    );
  }
  if (ref !== "" && !/^refs\/\S+$/.test(ref)) {
    throw new SealError(
      "bad-input",
      `${names.ref}: ${quote(ref)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`
    );
  }
  if (issuer !== "" && !(URL.canParse(issuer) && new URL(issuer).protocol === "https:")) {
    throw new SealError(
      "bad-input",
      `${names.issuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as "https://token.actions.githubusercontent.com".`
    );
  }
  const tufMirrors = parseTufMirrors(fields.tufMirrors, workspace, names.tufMirrors);
  if (trustedRoot !== "" && tufMirrors !== null) {
    throw new SealError(
      "bad-input",
      `${names.tufMirrors}: given with ${names.trustedRoot}, which is a pinned root that nothing is fetched for. Give one: ${names.trustedRoot} for a file, or ${names.tufMirrors} for the TUF repositories to fetch it from.`
    );
  }
  const given = {
    repository: repository !== "",
    workflow: workflow !== "",
    ref: ref !== "",
    issuer: issuer !== "",
    githubHostedOnly: fields.githubHostedOnly,
    key: fields.key.trim() !== "",
    trustedRoot: trustedRoot !== "",
    tufMirrors: tufMirrors !== null
  };
  const named = Object.keys(given).filter((field) => given[field]).map((field) => names[field]);
  if (requireSignature === false && named.length > 0) {
    throw new SealError(
      "bad-input",
      `--require-signature=false, but ${named.join(", ")} ${named.length === 1 ? "names" : "name"} a signer or what to trust, which always requires a signature. Remove it to check the signature, or remove ${named.join(", ")} to accept unsigned seals.`
    );
  }
  const keyOnly = given.key && !given.repository && !given.workflow;
  return {
    repository: repository !== "" ? repository : keyOnly ? null : env.GITHUB_REPOSITORY ?? null,
    workflow: workflow === "" ? null : workflow,
    sourceRef: ref === "" ? null : ref,
    issuer: issuer === "" ? null : issuer,
    denySelfHostedRunners: fields.githubHostedOnly,
    publicKey: readPublicKeyText(fields.key, workspace, names.key),
    trustedRootFile: trustedRoot === "" ? null : resolve(workspace, trustedRoot),
    tufMirrors,
    requireSignature,
    named,
    asksForSigner: named.length > 0
  };
});
var signatureRequired = (function signatureRequired(settings, policyAsks) {
  if (policyAsks && settings.requireSignature === false) {
    throw new SealError(
      "bad-input",
      "--require-signature=false, but the promotion policy names a signer (signed-by) for this environment, which always requires a signature. Remove it, or the environment's signed-by."
    );
  }
  return policyAsks || settings.asksForSigner || settings.requireSignature === true;
});
var readPublicKeyText = (function readPublicKeyText(value, workspace, name) {
  const text = value.trim();
  if (text === "") return null;
  if (looksLikePem(text)) return readPublicKey(text, name);
  const file = resolve(workspace, text);
  let pem;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error2) {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is neither PEM text nor a readable file (${error2.code ?? String(error2)}). Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026") or the path of a .pub / .pem file.`,
      { cause: error2 }
    );
  }
  return readPublicKey(pem, `${name} ${quote(text)}`);
});
// src/app/settings/signed-by.ts
var readSignedBy = (function readSignedBy(getInput2, env, workspace) {
  return signerCheckSettings(
    parseSignedBy(getInput2(SignerInput.SignedBy)),
    SIGNED_BY_NAMES,
    env,
    workspace
  );
});
var parseSignedBy = (function parseSignedBy(text) {
  const fields = {
    repository: "",
    workflow: "",
    ref: "",
    issuer: "",
    githubHostedOnly: false,
    key: "",
    trustedRoot: "",
    tufMirrors: ""
  };
  if (text.trim() === "") return fields;
  const mapping = readMapping(text);
  for (const [key, value] of Object.entries(mapping)) {
    const field = FIELD_OF[key];
    const name = `${SignerInput.SignedBy}.${key}`;
    if (field === void 0) {
      throw new SealError(
        "bad-input",
        `${SignerInput.SignedBy}: ${quote(key)} is not one of its keys. Use ${Object.keys(FIELD_OF).join(", ")}.`
      );
    }
    if (field === "githubHostedOnly") {
      if (value !== "github-hosted")
        throw new SealError(
          "bad-input",
          `${name}: ${quote(String(value))} is not a kind of runner this checks. Write "runner: github-hosted" to refuse seals signed on self-hosted runners, or leave it out.`
        );
      fields.githubHostedOnly = true;
    } else if (field === "tufMirrors" && Array.isArray(value) && value.every((v) => typeof v === "string")) {
      fields.tufMirrors = value.join("\n");
    } else if (typeof value === "string" && value.trim() !== "") {
      fields[field] = value.trim();
    } else {
      throw new SealError(
        "bad-input",
        `${name}: ${quote(JSON.stringify(value) ?? String(value))} is not text. Give a value, ${EXAMPLE}, or leave the key out.`
      );
    }
  }
  return fields;
});
// src/actions/verify/settings.ts
var readVerifySettings = (function readVerifySettings(getInput2, workspace, env = {}) {
  const input = (name) => getInput2(name).trim();
  const expectedText = input(VerifyInput.ExpectedDigest);
  if (expectedText === "") {
    throw new SealError(
      "bad-input",
      `${VerifyInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}".`
    );
  }
  const expected = parseDigest(expectedText, VerifyInput.ExpectedDigest);
  const source = readBytesSource(getInput2, workspace, {
    subjectPath: VerifyInput.SubjectPath,
    checksumsPath: VerifyInput.ChecksumsPath,
    name: VerifyInput.Name,
    runId: VerifyInput.RunId,
    repository: VerifyInput.Repository,
    token: VerifyInput.GitHubToken,
    plainHttp: VerifyInput.PlainHttpRegistries
  });
  if (source === null) {
    throw new SealError(
      "bad-input",
      `${VerifyInput.SubjectPath}: give the files about to be deployed, as the seal step named them, or ${VerifyInput.Name} to download the sealed workflow artifact and verify it.`
    );
  }
  return {
    source,
    expected,
    signer: readSignedBy(getInput2, env, workspace),
    token: input(VerifyInput.GitHubToken)
  };
});
// src/app/signature/find-signature.ts
var findSignatures = (async function findSignatures(digest, sources) {
  const candidates = [];
  const beside = sources.checksumsFile === null ? null : sigstoreBundleBeside(sources.checksumsFile);
  const looked = [];
  if (beside !== null) {
    const read2 = readSigstoreBundleBeside(
      sources.checksumsFile,
      (why, file) => new SealError(
        "unreadable",
        `cannot read the Sigstore bundle ${quote(file)} (${why}). Make it readable, or give the seal bundle as the seal wrote it.`
      )
    );
    looked.push(`no ${quote(beside)} beside the listing`);
    if (read2 !== null)
      candidates.push({
        bundle: read2.notJson === null ? read2.json : { unparsable: beside },
        source: beside,
        digest: sha256Digest(read2.text)
      });
  }
  if (candidates.length === 0 && sources.attestations !== null) {
    const found = await sources.attestations(digest);
    looked.push(
      sources.attestationsLooked?.(digest) ?? `no attestation for ${digest} in the repository's attestations`
    );
    candidates.push(...found);
  }
  return { candidates, looked };
});
var unsignedCheck = (function unsignedCheck(digest, looked) {
  const where = looked.length > 0 ? looked.join(", and ") : "no seal bundle travelled with the bytes and no attestations API was asked";
  return { status: "unsigned", detail: `The seal of ${digest} carries no signature: ${where}.` };
});
// src/app/signature/check-signature.ts
var checkSignature = (async function checkSignature(digest, sources, expectation) {
  const found = await findSignatures(digest, sources);
  return found.candidates.length === 0 ? unsignedCheck(digest, found.looked) : checkCandidates(found.candidates, digest, expectation, sources.checksumsFile);
});
// src/app/settings/signer-expectation.ts
var signerExpectation = (function signerExpectation(settings, required, env) {
  return { ...settings, required, serverUrl: serverUrlOf(env) };
});
// src/app/signature/sources.ts
var signatureSources = (function signatureSources(checksumsFile, asked, token, tokenInput, env) {
  const repository = env.GITHUB_REPOSITORY;
  const attestations = asked && repository && token !== "" ? async (digest) => {
    const { listAttestations } = await import("../chunks/attestations-api-LE3MEPQE.js");
    return listAttestations(digest, { env, token, tokenInput });
  } : null;
  return { checksumsFile, attestations };
});
// src/app/signature/verdict.ts
var judgeSignature = (function judgeSignature(check, required, fix = null) {
  if (check.status === "refused") return { accepted: false, reason: check.detail };
  if (check.status === "unsigned" && required !== null) {
    return {
      accepted: false,
      reason: `${check.detail} A signature is required: ${required}.${fix === null ? "" : ` ${fix}`}`
    };
  }
  return { accepted: true };
});
// src/actions/verify/run.ts
var run = (async function run(env = process.env) {
  try {
    const workspace = workspaceDir(env);
    const settings = readVerifySettings((name) => getInput(name), workspace, env);
    const seal = {
      fallbackName: fallbackName(env, workspace),
      build: buildContextFromEnv(env),
      onProgress: (p) => info(describeProgress(p))
    };
    let report;
    let handedOut;
    let checksumsFile;
    let image = null;
    if (settings.source.kind === "image") {
      const source = settings.source;
      const { checkImageBytes, imageRegistryFor, imageSignatureSources } = await import("../chunks/image-bytes-KXBCN2WT.js");
      const registry = imageRegistryFor(source, env);
      const check = await checkImageBytes(source, settings.expected, registry);
      image = {
        imageRef: check.image.imageRef,
        sources: (base) => imageSignatureSources(base, source, registry)
      };
      handedOut = null;
      checksumsFile = source.checksumsFile;
      info(
        `${source.reference.name}: ${check.actual}, proven in its registry; deploy ${check.image.imageRef}`
      );
      report = {
        ...check,
        name: source.reference.name,
        expected: settings.expected,
        listingGiven: false,
        content: check.image.platform ?? describePlatforms(check.image.platforms.length),
        location: check.image.imageRef
      };
    } else if (settings.source.kind === "artifact") {
      const fetched = await fetchAndCheckBytes(settings.source, settings.expected, NOTHING_KNOWN, {
        env,
        downloadsDir: join(runnerTempDir(env), "artifact-seal", "downloads"),
        seal,
        inputs: {
          expected: VerifyInput.ExpectedDigest,
          checksums: VerifyInput.ChecksumsPath,
          artifactName: VerifyInput.Name
        },
        log: (message) => info(message)
      });
      handedOut = fetched.path;
      checksumsFile = fetched.checksumsFile;
      report = {
        ...fetched,
        name: settings.source.name,
        expected: settings.expected,
        listingGiven: true,
        content: null,
        location: fetched.path
      };
    } else {
      const { subject } = settings.source;
      checksumsFile = settings.source.checksumsFile;
      const result = await verifyArtifact(
        {
          subject,
          expected: settings.expected,
          checksumsFile,
          checksumsInput: VerifyInput.ChecksumsPath,
          expectedInput: VerifyInput.ExpectedDigest
        },
        seal
      );
      const { artifact } = result;
      handedOut = result.verified ? await verifiedPath(
        artifact,
        subject,
        settings.expected,
        join(runnerTempDir(env), "artifact-seal", "verified"),
        seal
      ) : null;
      report = {
        ...result,
        name: artifact.name,
        content: artifact.size === null ? formatCount(artifact.fileCount, "file") : `${formatCount(artifact.fileCount, "file")}, ${formatBytes(artifact.size)}`,
        location: artifact.root
      };
    }
    const required = signatureRequired(settings.signer, false);
    const sources = signatureSources(
      checksumsFile,
      required || settings.signer.asksForSigner,
      settings.token,
      VerifyInput.GitHubToken,
      env
    );
    const signature = report.verified ? await checkSignature(
      settings.expected,
      image !== null && (required || settings.signer.asksForSigner) ? image.sources(sources) : sources,
      signerExpectation(settings.signer, required, env)
    ) : null;
    const verdict = signature === null ? null : judgeSignature(signature, required ? requirementReason(settings.signer, false) : null);
    const signatureFailure = verdict !== null && !verdict.accepted ? verdict.reason : null;
    if (signatureFailure !== null && settings.source.kind === "artifact" && handedOut !== null) {
      removeQuietly(handedOut);
      handedOut = null;
    }
    const verified = report.verified && signatureFailure === null;
    if (env.GITHUB_STEP_SUMMARY)
      await summary.addRaw(
        renderVerifyMarkdown({
          ...report,
          signature,
          signatureFailure,
          serverUrl: serverUrlOf(env)
        })
      ).write();
    setOutput(VerifyOutput.Verified, String(verified));
    setOutput(VerifyOutput.Digest, report.actual);
    setOutput(VerifyOutput.Mismatches, JSON.stringify(report.mismatches.map(mismatchOutput)));
    setOutput(VerifyOutput.Path, verified ? handedOut ?? "" : "");
    setOutput(
      VerifyOutput.Signer,
      signature?.status === "verified" ? signerOutput(signature.signer) : ""
    );
    setOutput(VerifyOutput.ImageRef, image !== null && verified ? image.imageRef : "");
    if (signatureFailure !== null) {
      setFailed(
        `${report.name} is the sealed ${report.expected}, but its signature is not accepted: ${signatureFailure} Do not deploy these bytes.`
      );
      return;
    }
    if (report.verified) {
      if (signature?.status === "verified") info(`Signed by ${signerName(signature)}.`);
      else if (signature?.status === "unsigned") info(signature.detail);
      info(`Verified: ${report.name} is ${report.actual}, the sealed digest.`);
      return;
    }
    annotateMismatches(report.mismatches);
    const named = report.mismatches.length > 0 ? ` ${report.mismatches.length} file(s) differ from the seal.` : report.listingGiven ? "" : ` Give ${VerifyInput.ChecksumsPath} to name the files that differ.`;
    setFailed(
      `${report.name} is ${report.actual}, not the sealed ${report.expected}.${named} Do not deploy these bytes; deploy the sealed artifact.`
    );
  } catch (error2) {
    reportFailure(error2);
  }
});
// End of the functions compiled as the file loads.

var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// first-use-loader:loader
var loader_exports = {};
__export(loader_exports, {
  requireBeside: () => requireBeside
});
var requireBeside;
var init_loader = __esm({
  "first-use-loader:loader"() {
    "use strict";
    requireBeside = (file) => __require("node:module").createRequire(import.meta.url)(file);
  }
});

// first-use:picomatch
var require_picomatch = __commonJS({
  "first-use:picomatch"(exports, module) {
    "use strict";
    var { requireBeside: requireBeside2 } = (init_loader(), __toCommonJS(loader_exports));
    var loaded4;
    var load = () => loaded4 ??= requireBeside2("../chunks/picomatch-3AYC5CXN.cjs");
    var firstUse = function(...args) {
      return load().apply(this, args);
    };
    for (const key of ["test", "matchBase", "isMatch", "parse", "scan", "compileRe", "makeRe", "toRegex", "constants"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// first-use:yaml
var require_yaml = __commonJS({
  "first-use:yaml"(exports, module) {
    "use strict";
    var { requireBeside: requireBeside2 } = (init_loader(), __toCommonJS(loader_exports));
    var loaded4;
    var load = () => loaded4 ??= requireBeside2("../chunks/yaml-ZHEZHUK6.cjs");
    var firstUse = {};
    for (const key of ["Composer", "Document", "Schema", "YAMLError", "YAMLParseError", "YAMLWarning", "Alias", "isAlias", "isCollection", "isDocument", "isMap", "isNode", "isPair", "isScalar", "isSeq", "Pair", "Scalar", "YAMLMap", "YAMLSeq", "CST", "Lexer", "LineCounter", "Parser", "parse", "parseAllDocuments", "parseDocument", "stringify", "visit", "visitAsync"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// builtin:node:crypto
var node_crypto_exports = {};
__export(node_crypto_exports, {
  Certificate: () => Certificate,
  Cipheriv: () => Cipheriv,
  Decipheriv: () => Decipheriv,
  DiffieHellman: () => DiffieHellman,
  DiffieHellmanGroup: () => DiffieHellmanGroup,
  ECDH: () => ECDH,
  Hash: () => Hash,
  Hmac: () => Hmac,
  KeyObject: () => KeyObject,
  Sign: () => Sign,
  Verify: () => Verify,
  X509Certificate: () => X509Certificate,
  argon2: () => argon2,
  argon2Sync: () => argon2Sync,
  checkPrime: () => checkPrime,
  checkPrimeSync: () => checkPrimeSync,
  constants: () => constants,
  createCipheriv: () => createCipheriv,
  createDecipheriv: () => createDecipheriv,
  createDiffieHellman: () => createDiffieHellman,
  createDiffieHellmanGroup: () => createDiffieHellmanGroup,
  createECDH: () => createECDH,
  createHash: () => createHash,
  createHmac: () => createHmac,
  createPrivateKey: () => createPrivateKey,
  createPublicKey: () => createPublicKey,
  createSecretKey: () => createSecretKey,
  createSign: () => createSign,
  createVerify: () => createVerify,
  decapsulate: () => decapsulate,
  default: () => node_crypto_default,
  diffieHellman: () => diffieHellman,
  encapsulate: () => encapsulate,
  generateKey: () => generateKey,
  generateKeyPair: () => generateKeyPair,
  generateKeyPairSync: () => generateKeyPairSync,
  generateKeySync: () => generateKeySync,
  generatePrime: () => generatePrime,
  generatePrimeSync: () => generatePrimeSync,
  getCipherInfo: () => getCipherInfo,
  getCiphers: () => getCiphers,
  getCurves: () => getCurves,
  getDiffieHellman: () => getDiffieHellman,
  getFips: () => getFips,
  getHashes: () => getHashes,
  hash: () => hash,
  hkdf: () => hkdf,
  hkdfSync: () => hkdfSync,
  pbkdf2: () => pbkdf2,
  pbkdf2Sync: () => pbkdf2Sync,
  privateDecrypt: () => privateDecrypt,
  privateEncrypt: () => privateEncrypt,
  publicDecrypt: () => publicDecrypt,
  publicEncrypt: () => publicEncrypt,
  randomBytes: () => randomBytes,
  randomFill: () => randomFill,
  randomFillSync: () => randomFillSync,
  randomInt: () => randomInt,
  randomUUID: () => randomUUID,
  randomUUIDv7: () => randomUUIDv7,
  scrypt: () => scrypt,
  scryptSync: () => scryptSync,
  secureHeapUsed: () => secureHeapUsed,
  setEngine: () => setEngine,
  setFips: () => setFips,
  sign: () => sign,
  timingSafeEqual: () => timingSafeEqual,
  verify: () => verify
});
var builtin = __require("node:crypto");
var node_crypto_default = builtin;
var { argon2, argon2Sync, checkPrime, checkPrimeSync, createCipheriv, createDecipheriv, createDiffieHellman, createDiffieHellmanGroup, createECDH, createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, createSign, createVerify, diffieHellman, generatePrime, generatePrimeSync, getCiphers, getCipherInfo, getCurves, getDiffieHellman, getHashes, hkdf, hkdfSync, pbkdf2, pbkdf2Sync, generateKeyPair, generateKeyPairSync, generateKey, generateKeySync, privateDecrypt, privateEncrypt, publicDecrypt, publicEncrypt, randomBytes, randomFill, randomFillSync, randomInt, randomUUID, randomUUIDv7, scrypt, scryptSync, sign, setEngine, timingSafeEqual, getFips, setFips, verify, hash, encapsulate, decapsulate, Certificate, Cipheriv, Decipheriv, DiffieHellman, DiffieHellmanGroup, ECDH, Hash, Hmac, KeyObject, Sign, Verify, X509Certificate, secureHeapUsed, constants } = builtin;

// builtin:node:fs
var node_fs_exports = {};
__export(node_fs_exports, {
  Dir: () => Dir,
  Dirent: () => Dirent,
  Stats: () => Stats,
  _toUnixTimestamp: () => _toUnixTimestamp,
  access: () => access,
  accessSync: () => accessSync,
  appendFile: () => appendFile,
  appendFileSync: () => appendFileSync,
  chmod: () => chmod,
  chmodSync: () => chmodSync,
  chown: () => chown,
  chownSync: () => chownSync,
  close: () => close,
  closeSync: () => closeSync,
  constants: () => constants2,
  copyFile: () => copyFile,
  copyFileSync: () => copyFileSync,
  cp: () => cp,
  cpSync: () => cpSync,
  createReadStream: () => createReadStream,
  createWriteStream: () => createWriteStream,
  default: () => node_fs_default,
  exists: () => exists,
  existsSync: () => existsSync,
  fchmod: () => fchmod,
  fchmodSync: () => fchmodSync,
  fchown: () => fchown,
  fchownSync: () => fchownSync,
  fdatasync: () => fdatasync,
  fdatasyncSync: () => fdatasyncSync,
  fstat: () => fstat,
  fstatSync: () => fstatSync,
  fsync: () => fsync,
  fsyncSync: () => fsyncSync,
  ftruncate: () => ftruncate,
  ftruncateSync: () => ftruncateSync,
  futimes: () => futimes,
  futimesSync: () => futimesSync,
  glob: () => glob,
  globSync: () => globSync,
  lchmod: () => lchmod,
  lchmodSync: () => lchmodSync,
  lchown: () => lchown,
  lchownSync: () => lchownSync,
  link: () => link,
  linkSync: () => linkSync,
  lstat: () => lstat,
  lstatSync: () => lstatSync,
  lutimes: () => lutimes,
  lutimesSync: () => lutimesSync,
  mkdir: () => mkdir,
  mkdirSync: () => mkdirSync,
  mkdtemp: () => mkdtemp,
  mkdtempDisposableSync: () => mkdtempDisposableSync,
  mkdtempSync: () => mkdtempSync,
  open: () => open,
  openAsBlob: () => openAsBlob,
  openSync: () => openSync,
  opendir: () => opendir,
  opendirSync: () => opendirSync,
  promises: () => promises,
  read: () => read,
  readFile: () => readFile,
  readFileSync: () => readFileSync,
  readSync: () => readSync,
  readdir: () => readdir,
  readdirSync: () => readdirSync,
  readlink: () => readlink,
  readlinkSync: () => readlinkSync,
  readv: () => readv,
  readvSync: () => readvSync,
  realpath: () => realpath,
  realpathSync: () => realpathSync,
  rename: () => rename,
  renameSync: () => renameSync,
  rm: () => rm,
  rmSync: () => rmSync,
  rmdir: () => rmdir,
  rmdirSync: () => rmdirSync,
  stat: () => stat,
  statSync: () => statSync,
  statfs: () => statfs,
  statfsSync: () => statfsSync,
  symlink: () => symlink,
  symlinkSync: () => symlinkSync,
  truncate: () => truncate,
  truncateSync: () => truncateSync,
  unlink: () => unlink,
  unlinkSync: () => unlinkSync,
  unwatchFile: () => unwatchFile,
  utimes: () => utimes,
  utimesSync: () => utimesSync,
  watch: () => watch,
  watchFile: () => watchFile,
  write: () => write,
  writeFile: () => writeFile,
  writeFileSync: () => writeFileSync,
  writeSync: () => writeSync,
  writev: () => writev,
  writevSync: () => writevSync
});
var builtin2 = __require("node:fs");
var node_fs_default = builtin2;
var { appendFile, appendFileSync, access, accessSync, chown, chownSync, chmod, chmodSync, close, closeSync, copyFile, copyFileSync, cp, cpSync, createReadStream, createWriteStream, exists, existsSync, fchown, fchownSync, fchmod, fchmodSync, fdatasync, fdatasyncSync, fstat, fstatSync, fsync, fsyncSync, ftruncate, ftruncateSync, futimes, futimesSync, glob, globSync, lchown, lchownSync, lchmod, lchmodSync, link, linkSync, lstat, lstatSync, lutimes, lutimesSync, mkdir, mkdirSync, mkdtemp, mkdtempSync, mkdtempDisposableSync, open, openSync, openAsBlob, readdir, readdirSync, read, readSync, readv, readvSync, readFile, readFileSync, readlink, readlinkSync, realpath, realpathSync, rename, renameSync, rm, rmSync, rmdir, rmdirSync, stat, statfs, statSync, statfsSync, symlink, symlinkSync, truncate, truncateSync, unwatchFile, unlink, unlinkSync, utimes, utimesSync, watch, watchFile, writeFile, writeFileSync, write, writeSync, writev, writevSync, Dirent, Stats, _toUnixTimestamp, Dir, opendir, opendirSync, constants: constants2 } = builtin2;
var promises = {};
for (const key of ["access", "copyFile", "cp", "glob", "open", "opendir", "rename", "truncate", "rm", "rmdir", "mkdir", "readdir", "readlink", "symlink", "lstat", "stat", "statfs", "link", "unlink", "chmod", "lchmod", "lchown", "chown", "utimes", "lutimes", "realpath", "mkdtemp", "mkdtempDisposable", "writeFile", "appendFile", "readFile", "watch", "constants"]) Object.defineProperty(promises, key, { get: () => builtin2.promises[key], enumerable: true });

// builtin:node:os
var builtin3 = __require("node:os");
var { arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname, loadavg, networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type, userInfo, uptime, version, machine, constants: constants3, EOL, devNull } = builtin3;

// src/core/control-characters.ts
var CONTROL_CHARACTERS = "\\u0000-\\u001f\\u007f-\\u009f";
var ANY_CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, "gu");

// src/report/runner-log.ts
var MARK = "\u200B";
var BLANK = /[\t \u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\ufeff]/;
var LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;


var RunnerLogGuard = class {
  lineStart = true;
  tail = "";
  afterCR = false;
  /** The text made inert, line by line. */
  encode(text) {
    let out = "";
    for (const char of text) {
      if (this.afterCR) {
        this.afterCR = false;
        if (char === "\n") continue;
      }
      if (LINE_BREAK.test(char)) {
        out += "\n";
        this.afterCR = char === "\r";
        this.lineStart = true;
        this.tail = "";
        continue;
      }
      const shown = visibleControl(char) ?? char;
      if (this.lineStart) {
        if (BLANK.test(shown)) {
          out += shown;
          continue;
        }
        this.lineStart = false;
        if (shown === ":") out += MARK;
      }
      if (shown === "[" && this.tail === "##") out += MARK;
      out += shown;
      this.tail = (this.tail + shown).slice(-2);
    }
    return out;
  }
  /** Text another writer put on the same stream (a deploy command's own output), unchanged. */
  observe(text) {
    for (const char of text) {
      if (LINE_BREAK.test(char)) {
        this.lineStart = true;
        this.tail = "";
        this.afterCR = false;
        continue;
      }
      this.afterCR = false;
      if (this.lineStart && BLANK.test(char)) continue;
      this.lineStart = false;
      this.tail = (this.tail + char).slice(-2);
    }
  }
};


// src/actions/runner-io.ts
var logStream = null;
var runnerLog = {
  write(text) {
    if (logStream !== null) {
      logStream.write(text);
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    let written = 0;
    try {
      while (written < bytes.length)
        written += writeSync(1, bytes, written, bytes.length - written);
    } catch {
      logStream = process.stdout;
      logStream.write(bytes.subarray(written));
    }
  }
};


function escapeData(value) {
  return toCommandValue(value).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function issueCommand(command, properties, message) {
  writeCommand(command, properties, inertLogText(toCommandValue(message)));
}
function writeCommand(command, properties, message) {
  const props = Object.keys(properties).length > 0 ? ` ${Object.entries(properties).filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",")}` : "";
  runnerLog.write(`::${command}${props}::${escapeData(message)}${EOL}`);
}
function annotationProperties(p) {
  if (Object.keys(p).length === 0) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  };
}



function saveState(name, value) {
  if (process.env.GITHUB_STATE) return issueFileCommand("GITHUB_STATE", name, value);
  writeCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}

function debug(message) {
  issueCommand("debug", {}, message);
}
function notice(message, properties = {}) {
  issueCommand(
    "notice",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function warning(message, properties = {}) {
  issueCommand(
    "warning",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function error(message, properties = {}) {
  issueCommand(
    "error",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}
function startGroup(name) {
  issueCommand("group", {}, name);
}
function endGroup() {
  issueCommand("endgroup", {}, "");
}
async function group(name, fn) {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
var Summary = class {
  buffer = "";
  addRaw(text, addEOL = false) {
    this.buffer += text;
    if (addEOL) this.buffer += EOL;
    return this;
  }
  // Synchronous, as the outputs are: the first asynchronous file operation of a process
  // starts libuv's thread pool, a millisecond and a half that a small step spends on nothing else.
  async write(options = {}) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
      throw new Error(
        "Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries."
      );
    try {
      accessSync(file, constants2.R_OK | constants2.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
      );
    }
    ;
    (options.overwrite ? writeFileSync : appendFileSync)(file, this.buffer, {
      encoding: "utf8"
    });
    this.buffer = "";
    return this;
  }
};
var summary = new Summary();

// builtin:node:path
var builtin4 = __require("node:path");
var { resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname, format, parse, matchesGlob, sep, delimiter, win32, posix, _makeLong } = builtin4;

// src/core/errors.ts
var SealError = class extends Error {
  name = "SealError";
  code;
  details;
  constructor(code2, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code2;
    this.details = options.details ?? {};
  }
};
function isSealError(error2, ...codes) {
  return error2 instanceof SealError && (codes.length === 0 || codes.includes(error2.code));
}
function exitCodeOf(code2) {
  return EXIT_CODES[code2];
}
var EXIT_CODES = {
  usage: 2,
  "bad-input": 2,
  malformed: 2,
  unrecognized: 2,
  unreadable: 2,
  denied: 2,
  mismatch: 1,
  tampered: 1,
  refused: 1,
  unavailable: 1,
  conflict: 1,
  outdated: 1
};
function stopsPromotion(error2) {
  return isSealError(error2, "bad-input", "usage");
}
function messageOf(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}
function quote(value) {
  return JSON.stringify(value);
}

// src/core/digest.ts
var HEX64 = /^[0-9a-f]{64}$/;




function shortDigest(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}


// src/core/listing.ts
function compareUtf8(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xIsSurrogate = x >= 55296 && x <= 57343;
    const yIsSurrogate = y >= 55296 && y <= 57343;
    if (xIsSurrogate !== yIsSurrogate) return xIsSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function formatListing(sorted) {
  let text = "";
  for (const entry of sorted) text += `${entry.hex}  ${entry.path}
`;
  return text;
}
var LINES_PER_PIECE = 4096;

function listingFromPathBytes(paths, digests, order) {
  const { bytes, ends, prefixLength } = paths;
  const count = order.length;
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hex = Buffer.from(
    Buffer.from(digests.buffer, digests.byteOffset, count * 32).toString("hex"),
    "latin1"
  );
  const pathTotal = count === 0 ? 0 : ends[count - 1];
  const out = Buffer.allocUnsafe(pathTotal + count * (64 + 2 + 1 - prefixLength));
  let at = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    hex.copy(out, at, i * 64, i * 64 + 64);
    out[at + 64] = 32;
    out[at + 65] = 32;
    at += 66;
    at += source.copy(out, at, (i === 0 ? 0 : ends[i - 1]) + prefixLength, ends[i]);
    out[at++] = 10;
  }
  if (at !== out.length)
    throw new Error("a queued path is shorter than the root it was to start with");
  return out;
}
function digestOfListing(listing) {
  return sha256Digest(listing);
}

var LINE = /^(\\?)([0-9a-fA-F]{64}) [ *](.+)$/s;
function unescapeName(name) {
  return name.replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c === "r" ? "\r" : c);
}

function diffListings(expected, actual) {
  const mismatches = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    const e = expected[i];
    const a = actual[j];
    const order = e === void 0 ? 1 : a === void 0 ? -1 : compareUtf8(e.path, a.path);
    if (order === 0 && e && a) {
      if (e.hex !== a.hex)
        mismatches.push({ path: e.path, expected: e.hex, actual: a.hex, kind: "changed" });
      i++;
      j++;
    } else if (order < 0 && e) {
      mismatches.push({ path: e.path, expected: e.hex, actual: null, kind: "missing" });
      i++;
    } else if (a) {
      mismatches.push({ path: a.path, expected: null, actual: a.hex, kind: "added" });
      j++;
    }
  }
  return mismatches;
}
function describesListing(entries, digest) {
  if (digestOfListing(formatListing(entries)) === digest) return "tree";
  if (entries.length === 1 && entries[0]?.hex === hexOf(digest)) return "file";
  return null;
}

// src/core/json-shape.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/core/paths.ts




// src/core/modes.ts
var MODES_ANNOTATION = "artifact-seal.modes";


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
  for (const [link3, target] of Object.entries(links)) {
    if (typeof target !== "string" || linkTargetPath(link3, target) === null)
      throw bad(`the link ${quote(link3)} points outside the artifact`);
  }
  return { executable, links };
}
function linkTargetPath(link3, target) {
  if (target === "" || target.startsWith("/") || target.includes("\\") || target.includes("\0"))
    return null;
  const joined = posix.normalize(posix.join(posix.dirname(link3), target));
  return joined === ".." || joined.startsWith("../") || joined === "." ? null : joined;
}

function diffModes(sealed, found) {
  const describe2 = (modes, p, exec) => modes.links[p] !== void 0 ? `link to ${modes.links[p]}` : exec.has(p) ? "executable" : "not executable";
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
    const expected = describe2(sealed, p, sealedExec);
    const actual = describe2(found, p, foundExec);
    if (expected !== actual) out.push({ path: p, expected, actual });
  }
  return out;
}
function applyModes(root, paths, modes) {
  const exec = new Set(modes.executable);
  for (const rel of paths) {
    try {
      chmodSync(join(root, ...rel.split("/")), exec.has(rel) ? 493 : 420);
    } catch (error2) {
      if (error2.code !== "ENOENT") throw error2;
    }
  }
  const made = [];
  for (const link3 of Object.keys(modes.links).sort(
    (a, b) => a.split("/").length - b.split("/").length || compareUtf8(a, b)
  )) {
    if (made.some((m) => link3.startsWith(`${m}/`))) continue;
    const at = join(root, ...link3.split("/"));
    rmSync(at, { recursive: true, force: true });
    symlinkSync(modes.links[link3], at);
    made.push(link3);
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

// src/stores/evidence/seal-bundle.ts
function fileSafeName(name) {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return safe === "" ? "artifact" : safe;
}
function bundleFileNames(name) {
  const base = fileSafeName(name);
  return {
    checksums: `${base}.sha256`,
    statement: `${base}.intoto.json`,
    sigstore: `${base}.sigstore.json`,
    contract: `${base}.contract.json`,
    contractDir: `${base}.contract`,
    modes: `${base}.modes.json`
  };
}
function modesBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.modes.json` : null;
}
function contractBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.contract.json` : null;
}
function statementBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.intoto.json` : null;
}
function sigstoreBundleBeside(checksumsFile) {
  return checksumsFile.endsWith(".sha256") ? `${checksumsFile.slice(0, -".sha256".length)}.sigstore.json` : null;
}
var BUNDLE_SUFFIXES = [
  ".sha256",
  ".intoto.json",
  ".sigstore.json",
  ".contract.json",
  ".modes.json"
];
function isBundleEntry(rest, base, directory) {
  const contractDir = `${base}.contract`;
  if (rest === contractDir) return directory;
  if (rest.startsWith(`${contractDir}/`)) return true;
  return !directory && BUNDLE_SUFFIXES.some((suffix) => rest === `${base}${suffix}`);
}
function bundleBaseOf(fileName) {
  return fileName.endsWith(".sha256") && !fileName.includes("/") && fileName.length > ".sha256".length ? fileName.slice(0, -".sha256".length) : null;
}

// src/stores/evidence/bundle-reader.ts
function whyUnreadable(error2) {
  const e = error2;
  if (e?.code === "ENOENT") return "it does not exist";
  if (e?.code === "EISDIR") return "it is a directory";
  return e?.code ?? messageOf(error2);
}
function readListing(file, unreadable) {
  return parseListing(readText(file, unreadable), file);
}
function readStatementBeside(checksumsFile, unreadable) {
  const file = statementBeside(checksumsFile);
  return file === null ? null : readDocument(file, unreadable);
}
function readStatement(file, unreadable) {
  return readDocument(file, unreadable);
}
function readSigstoreBundleBeside(checksumsFile, unreadable) {
  const file = sigstoreBundleBeside(checksumsFile);
  return file === null ? null : readDocument(file, unreadable);
}
function contractManifestBeside(checksumsFile) {
  const file = contractBeside(checksumsFile);
  return file !== null && existsSync(file) ? file : null;
}
function hasBundleBeside(checksumsFile) {
  return contractBeside(checksumsFile) !== null;
}
function readDocument(file, unreadable) {
  const text = readTextIfAny(file, unreadable);
  if (text === null) return null;
  try {
    return { file, text, json: JSON.parse(text), notJson: null };
  } catch (error2) {
    return { file, text, json: void 0, notJson: error2.message };
  }
}
function readText(file, unreadable) {
  try {
    return readFileSync(file, "utf8");
  } catch (error2) {
    throw unreadable(whyUnreadable(error2), file);
  }
}
function readTextIfAny(file, unreadable) {
  try {
    return readFileSync(file, "utf8");
  } catch (error2) {
    if (error2.code === "ENOENT") return null;
    throw unreadable(whyUnreadable(error2), file);
  }
}
function listingsIn(dir, unreadable) {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
  }
  if (!isDirectory) return null;
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith(".sha256") && !e.isDirectory()).map((e) => e.name).sort();
  } catch (error2) {
    throw unreadable(whyUnreadable(error2), dir);
  }
}

// src/app/verify/sealed-modes.ts
function sealedModesBeside(checksumsFile, what) {
  let statement = null;
  try {
    statement = readStatementBeside(checksumsFile, (why) => new SealError("unreadable", why))?.json ?? null;
  } catch {
  }
  const claimed = modesAnnotation(statement);
  if (claimed === null) return null;
  const file = modesBeside(checksumsFile);
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new SealError(
      "tampered",
      `${what}: the statement beside the listing records the files' modes, but ${quote(file)} is missing. The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  if (modesDigest(bytes) !== claimed) {
    throw new SealError(
      "tampered",
      `${what}: ${quote(file)} is not the modes file the statement records (${claimed}). The seal bundle was changed after sealing: give it as the seal wrote it.`
    );
  }
  return parseModes(bytes.toString("utf8"), `${what}: ${quote(file)}`);
}

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

// builtin:node:stream/promises
var loaded;
var builtin5 = () => loaded ??= __require("node:stream/promises");
function pipeline(...args) {
  return new.target === void 0 ? builtin5().pipeline.apply(this, args) : Reflect.construct(builtin5().pipeline, args);
}

// src/stores/evidence/directory-handoff.ts
function privateDir(parent, prefix, env, inputName) {
  const resolved = resolve(parent);
  let dir;
  try {
    mkdirSync(resolved, { recursive: true, mode: 448 });
    dir = mkdtempSync(join(resolved, prefix));
    chmodSync(dir, 448);
  } catch (error2) {
    const e = error2;
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
    } catch (error2) {
      if (error2.code !== "EEXIST" || !lstatSync(at).isDirectory())
        throw error2;
    }
  }
  return at;
}
var CREATE_NEW = constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | (constants2.O_NOFOLLOW ?? 0);
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

// src/core/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var SLSA_PROVENANCE_TYPE = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
var LOCAL_BUILD_TYPE = "urn:artifact-seal:buildtypes:local:v1";
var DIGEST_ONLY_ANNOTATION = "artifact-seal.digest-only";

function digestOnlySubject(name, digest) {
  return {
    ...statementSubject(name, digest, false),
    annotations: { [DIGEST_ONLY_ANNOTATION]: true }
  };
}

function commitUrl(build) {
  return `${build.serverUrl}/${build.repository}/commit/${build.sha}`;
}


function localPredicate(build, subjects) {
  return {
    buildDefinition: {
      buildType: LOCAL_BUILD_TYPE,
      externalParameters: { subjects: subjects.map((s) => s.name) },
      internalParameters: { host: build.host },
      resolvedDependencies: []
    },
    runDetails: {
      builder: { id: build.tool },
      metadata: { startedOn: build.startedOn }
    }
  };
}


// src/core/env.ts
var DEFAULT_SERVER_URL = "https://github.com";
var DEFAULT_API_URL = "https://api.github.com";

function apiUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_API_URL, DEFAULT_API_URL);
}


// src/core/provenance.ts
function isCommit(value) {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}
function isRepository(value) {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  return match !== null && match[2] !== "." && match[2] !== "..";
}
function isRunUrl(value, serverUrl) {
  const origin = httpsOrigin(serverUrl);
  if (origin === null || !value.startsWith(`${origin}/`)) return false;
  const match = /^([^/]+\/[^/]+)\/actions\/runs\/[1-9][0-9]{0,19}(?:\/attempts\/[1-9][0-9]{0,9})?$/.exec(
    value.slice(origin.length + 1)
  );
  return match !== null && isRepository(match[1]);
}
function repositoryOfUrl(value, serverUrl) {
  const origin = httpsOrigin(serverUrl);
  if (origin === null || !value.startsWith(`${origin}/`)) return null;
  const repository = value.slice(origin.length + 1);
  return isRepository(repository) ? repository : null;
}
function httpsOrigin(serverUrl) {
  if (!URL.canParse(serverUrl)) return null;
  const url = new URL(serverUrl);
  return url.protocol === "https:" ? url.origin : null;
}
function subjectNameOf(statement, digest) {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || !Array.isArray(s.subject))
    return null;
  const hex = hexOf(digest);
  const subject = s.subject.find(
    (candidate) => candidate?.digest?.sha256 === hex
  );
  const name = subject?.name;
  return typeof name === "string" && name !== "" ? name : null;
}
function sealedByFromStatement(statement, digest, source = "the seal statement", context = {}) {
  const s = statement;
  if (s === null || typeof s !== "object" || s._type !== STATEMENT_TYPE || s.predicateType !== SLSA_PROVENANCE_TYPE)
    return null;
  const hex = hexOf(digest);
  const about = Array.isArray(s.subject) && s.subject.some((subject) => subject?.digest?.sha256 === hex);
  const definition = s.predicate?.buildDefinition;
  if (!about || definition?.buildType !== GITHUB_WORKFLOW_BUILD_TYPE) return null;
  const serverUrl = context.serverUrl ?? DEFAULT_SERVER_URL;
  const text = (v) => typeof v === "string" && v !== "" ? v : null;
  const leftOut = (field2, value, expected) => {
    const shown = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
    context.onInvalid?.(
      `${source}: ${field2} is ${quote(shown.length > 200 ? `${shown.slice(0, 200)}\u2026` : shown)}, which is not what a seal writes (${expected}). It is left out of the record and the summary; seal the artifact again to record the build.`
    );
    return null;
  };
  const field = (name, value, read2, expected) => {
    if (value === void 0 || value === null || value === "") return null;
    const v = text(value);
    const parsed = v === null ? null : read2(v);
    return parsed === null ? leftOut(name, value, expected) : parsed;
  };
  const server = httpsOrigin(serverUrl) ?? serverUrl;
  const repository = field(
    "predicate.buildDefinition.externalParameters.workflow.repository",
    definition.externalParameters?.workflow?.repository,
    (v) => repositoryOfUrl(v, serverUrl),
    `${server}/OWNER/REPO`
  );
  const commit = field(
    "predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit",
    definition.resolvedDependencies?.[0]?.digest?.gitCommit,
    (v) => isCommit(v) ? v : null,
    "40 or 64 lowercase hex digits"
  );
  const runUrl2 = field(
    "predicate.runDetails.metadata.invocationId",
    s.predicate?.runDetails?.metadata?.invocationId,
    (v) => isRunUrl(v, serverUrl) ? v : null,
    `${server}/OWNER/REPO/actions/runs/ID/attempts/N`
  );
  return { repository, commit, runUrl: runUrl2 };
}

// src/app/verify/sealed-by.ts
function sealInfoBesideListing(checksumsFile, digest, context = {}) {
  const none = { sealedBy: null, name: null };
  let read2 = null;
  try {
    read2 = checksumsFile === null ? null : readStatementBeside(checksumsFile, (why) => new SealError("unreadable", why));
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
  }
  if (read2 === null || read2.notJson !== null) return none;
  const { file, json: statement } = read2;
  return {
    sealedBy: sealedByFromStatement(statement, digest, file, context),
    name: subjectNameOf(statement, digest)
  };
}

// builtin:node:worker_threads
var loaded2;
var builtin6 = () => loaded2 ??= __require("node:worker_threads");
function Worker(...args) {
  return new.target === void 0 ? builtin6().Worker.apply(this, args) : Reflect.construct(builtin6().Worker, args);
}

// src/core/hashing/claim-loop.ts
var Control = {
  /** The next index no thread has claimed. */
  Next: 0,
  /** How many paths the walk has published so far. */
  Published: 1,
  /** 1 once the walk has published its last path. */
  WalkDone: 2,
  /** How many files have been hashed, by every thread together. */
  Completed: 3,
  /** 1 + the index of a file that could not be read; 0 while none failed. */
  Failed: 4
};
var CONTROL_SLOTS = 5;
var PROGRESS_STRIDE = 16;
function runClaimLoop(ctx) {
  const { fs, crypto, control, progress } = ctx;
  const NEXT = 0;
  const PUBLISHED = 1;
  const WALK_DONE = 2;
  const COMPLETED = 3;
  const FAILED = 4;
  const files = ctx.progressSlot * 16;
  const bytes = files + 1;
  const claimSize = 16;
  let pathText = Buffer.alloc(0);
  let pathEnds = new Uint32Array(0);
  let digests = new Uint8Array(0);
  let sizes = new Float64Array(0);
  let modes = new Uint16Array(0);
  let lines = new Uint8Array(0);
  const linePrefix = ctx.linePrefix;
  const lineShift = 64 + 2 + 1 - linePrefix;
  const viewUpTo = (claimEnd) => {
    if (claimEnd > pathEnds.length) {
      pathEnds = new Uint32Array(ctx.pathEnds, 0, ctx.pathEnds.byteLength / 4);
      digests = new Uint8Array(ctx.digests, 0, ctx.digests.byteLength);
      sizes = new Float64Array(ctx.sizes, 0, ctx.sizes.byteLength / 8);
      modes = new Uint16Array(ctx.modes, 0, ctx.modes.byteLength / 2);
    }
    const lastEnd = pathEnds[claimEnd - 1];
    if (lastEnd > pathText.length)
      pathText = Buffer.from(ctx.pathBytes, 0, ctx.pathBytes.byteLength);
    if (ctx.lines !== null && lastEnd + claimEnd * lineShift > lines.length)
      lines = new Uint8Array(ctx.lines, 0, ctx.lines.byteLength);
  };
  const hexDigits = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
  const writeLine = (index) => {
    const pathStart = index === 0 ? 0 : pathEnds[index - 1];
    const pathEnd = pathEnds[index];
    if (pathEnd - pathStart <= linePrefix) return;
    let at = pathStart + index * lineShift;
    for (let b = index * 32, end = b + 32; b < end; b++) {
      const byte = digests[b];
      lines[at++] = hexDigits[byte >> 4];
      lines[at++] = hexDigits[byte & 15];
    }
    lines[at++] = 32;
    lines[at++] = 32;
    for (let p = pathStart + linePrefix; p < pathEnd; p++) lines[at++] = pathText[p];
    lines[at] = 10;
  };
  const chunk = Buffer.allocUnsafe(1 << 20);
  const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const oneShot = typeof crypto.hash === "function";
  for (; ; ) {
    let index = -1;
    let claimEnd = -1;
    while (index < 0) {
      if (Atomics.load(control, FAILED) !== 0) return null;
      const published = Atomics.load(control, PUBLISHED);
      const next = Atomics.load(control, NEXT);
      if (next < published) {
        const end = Math.min(next + claimSize, published);
        if (Atomics.compareExchange(control, NEXT, next, end) === next) {
          index = next;
          claimEnd = end;
        }
      } else if (Atomics.load(control, WALK_DONE) === 1 && next >= Atomics.load(control, PUBLISHED)) {
        return null;
      } else if (!ctx.waitForMore) {
        return null;
      } else {
        Atomics.wait(control, PUBLISHED, published, 50);
      }
    }
    viewUpTo(claimEnd);
    const claimStart = index;
    for (; index < claimEnd; index++) {
      const path = pathText.toString("utf8", index === 0 ? 0 : pathEnds[index - 1], pathEnds[index]);
      let fd = -1;
      try {
        fd = fs.openSync(path, openFlags);
        const stat2 = fs.fstatSync(fd);
        if (!stat2.isFile())
          throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
        modes[index] = stat2.mode & 4095;
        let filled = fs.readSync(fd, chunk, 0, chunk.length, null);
        if (filled < chunk.length) {
          const whole = chunk.subarray(0, filled);
          digests.set(
            oneShot ? crypto.hash("sha256", whole, "buffer") : crypto.createHash("sha256").update(whole).digest(),
            index * 32
          );
          sizes[index] = filled;
          progress[bytes] = progress[bytes] + filled;
        } else {
          const hash2 = crypto.createHash("sha256");
          let size = 0;
          do {
            hash2.update(chunk.subarray(0, filled));
            size += filled;
            progress[bytes] = progress[bytes] + filled;
          } while ((filled = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0);
          digests.set(hash2.digest(), index * 32);
          sizes[index] = size;
        }
        progress[files] = progress[files] + 1;
      } catch (error2) {
        Atomics.compareExchange(control, FAILED, 0, index + 1);
        Atomics.notify(control, COMPLETED);
        const e = error2;
        return { index, code: e.code ?? "EIO", message: e.message };
      } finally {
        if (fd >= 0) fs.closeSync(fd);
      }
      if (ctx.lines !== null) writeLine(index);
      ctx.onFileDone?.();
    }
    Atomics.add(control, COMPLETED, claimEnd - claimStart);
    Atomics.notify(control, COMPLETED);
  }
}

// builtin:node:fs/promises
var loaded3;
var builtin7 = () => loaded3 ??= __require("node:fs/promises");
function open2(...args) {
  return new.target === void 0 ? builtin7().open.apply(this, args) : Reflect.construct(builtin7().open, args);
}

// src/core/hashing/hash-large-file.ts
var CHUNK = 1 << 20;
var OPEN_FLAGS = constants2.O_RDONLY | (constants2.O_NONBLOCK ?? 0);
function notRegular() {
  return Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
}

async function hashLargeFile(path, onBytes, progressIntervalMs) {
  const handle = await open2(path, OPEN_FLAGS);
  try {
    const stat2 = await handle.stat();
    if (!stat2.isFile()) throw notRegular();
    const { mode } = stat2;
    const buffers = [
      Buffer.allocUnsafe(CHUNK),
      Buffer.allocUnsafe(CHUNK)
    ];
    const hash2 = createHash("sha256");
    let size = 0;
    let turn = 0;
    let pending = handle.read({ buffer: buffers[0], offset: 0, length: CHUNK, position: null });
    let lastReport = process.uptime() * 1e3;
    for (; ; ) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) break;
      turn = turn === 0 ? 1 : 0;
      pending = handle.read({ buffer: buffers[turn], offset: 0, length: CHUNK, position: null });
      hash2.update(bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead));
      size += bytesRead;
      const now = process.uptime() * 1e3;
      if (now - lastReport >= progressIntervalMs) {
        lastReport = now;
        onBytes(size);
      }
    }
    return { digest: hash2.digest(), size, mode };
  } finally {
    await handle.close();
  }
}

// src/core/vocabulary.ts
var SIGNED_BY_KEY_OF = {
  "public-key": "key",
  "trusted-root": "trusted-root",
  "tuf-mirrors": "tuf-mirrors",
  "signer-repository": "repository",
  "signer-workflow": "workflow",
  "source-ref": "ref",
  "cert-oidc-issuer": "issuer",
  "deny-self-hosted-runners": "runner"
};
var ACTION_VOCABULARY = {
  caller: "action",
  option: (input) => {
    const key = SIGNED_BY_KEY_OF[input];
    return key === void 0 ? JSON.stringify(input) : `"signed-by" (its "${key}:")`;
  },
  setting: (input, value) => JSON.stringify(`${input}: ${value}`),
  current: "this step",
  base: "the workspace",
  machine: "the runner",
  reader: "the runner",
  rerun: "re-run the job",
  again: "run the step again",
  recordIdSource: "the record-id output of the promote step that made it"
};
var spoken = ACTION_VOCABULARY;
function words() {
  return spoken;
}
function capitalized(phrase) {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
function speakAs(vocabulary) {
  const before = spoken;
  spoken = vocabulary;
  return before;
}

// src/core/hashing/hash-files.ts
var LINE_EXTRA = 64 + 2 + 1;
var MAX_FILES = 1 << 22;
var MAX_PATH_BYTES = 1 << 30;
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const runClaimLoop = ${runClaimLoop.toString()}
parentPort.once('message', (work) => parentPort.postMessage(runClaimLoop({ ...work, fs, crypto })))
`;
function describeFailure(failure, path) {
  const reason = failure.code === "ENOENT" ? "it disappeared while being sealed. Make sure nothing else writes to the artifact during the seal." : failure.code === "EACCES" || failure.code === "EPERM" ? `permission denied. Make the file readable by ${words().reader}, or exclude it with a "!" pattern.` : failure.code === "EISDIR" ? "it is a directory, not a file." : failure.code === "ENOTREG" ? "it is no longer a regular file (a directory, a device, a FIFO or a socket, or a link to one, took its place after the walk). Make sure nothing else writes to the artifact during the seal." : `${failure.message}.`;
  return new SealError("unreadable", `Cannot read ${quote(path)}: ${reason}`);
}
var HashPool = class _HashPool {
  workers;
  closing = false;
  constructor(count) {
    const options = { eval: true, trackUnmanagedFds: false };
    this.workers = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, options));
  }
  /** Starts one worker per spare core (up to 3); none on a single core. */
  static start(count = Math.min(Math.max(0, availableParallelism() - 1), 3)) {
    return new _HashPool(count);
  }
  get size() {
    return this.workers.length;
  }
  /**
   * Hands the shared work to every worker; each promise settles when that worker stops,
   * and rejects only if it crashed (not when `close` stopped it).
   */
  run(work) {
    return this.workers.map((worker, i) => {
      const loop = new Promise((resolve2, reject) => {
        worker.once("message", resolve2);
        worker.once("error", reject);
        worker.once(
          "exit",
          (code2) => this.closing ? resolve2(null) : reject(new Error(`a hashing worker stopped with exit code ${code2}`))
        );
        worker.postMessage({ ...work, progressSlot: i + 1, waitForMore: true });
      });
      loop.catch(() => void 0);
      return loop;
    });
  }
  /** Stops the workers without waiting for them: their work is done or no longer wanted. */
  close() {
    this.closing = true;
    for (const worker of this.workers) {
      worker.unref();
      void worker.terminate();
    }
  }
};
function growable(bytes, maxBytes) {
  return new SharedArrayBuffer(bytes, { maxByteLength: maxBytes });
}
var HashQueue = class {
  constructor(pool, options = {}) {
    this.options = options;
    this.linePrefix = options.linePrefix ?? 0;
    this.lines = options.linePrefix === void 0 ? null : growable(
      this.pathText.length + this.capacity * LINE_EXTRA,
      MAX_PATH_BYTES + MAX_FILES * LINE_EXTRA
    );
    this.threadProgress = new Float64Array(
      new SharedArrayBuffer(((pool?.size ?? 0) + 1) * PROGRESS_STRIDE * 8)
    );
    this.workerLoops = pool ? pool.run(this.sharedWork()) : [];
  }
  options;
  count = 0;
  capacity = 1024;
  bytesUsed = 0;
  pathBytes = growable(64 * 1024, MAX_PATH_BYTES);
  // Views of a fixed length, made again as the buffers grow (see claim-loop.ts for why).
  pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength);
  pathEnds = growable(this.capacity * 4, MAX_FILES * 4);
  ends = new Uint32Array(this.pathEnds, 0, this.capacity);
  digests = growable(this.capacity * 32, MAX_FILES * 32);
  sizes = growable(this.capacity * 8, MAX_FILES * 8);
  modes = growable(this.capacity * 2, MAX_FILES * 2);
  // At least as long as the path bytes and the line extras of every file the queue can hold.
  lines;
  linePrefix;
  control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  threadProgress;
  workerLoops;
  sharedWork() {
    const { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control } = this;
    const progress = this.threadProgress;
    return { pathBytes, pathEnds, digests, sizes, modes, lines, linePrefix, control, progress };
  }
  add(path) {
    if (this.count === this.capacity) {
      if (this.capacity === MAX_FILES) {
        throw new SealError(
          "bad-input",
          `More than ${MAX_FILES.toLocaleString("en-US")} files to seal. Seal the artifact in parts, or as an archive.`
        );
      }
      this.capacity *= 2;
      this.pathEnds.grow(this.capacity * 4);
      this.ends = new Uint32Array(this.pathEnds, 0, this.capacity);
      this.digests.grow(this.capacity * 32);
      this.sizes.grow(this.capacity * 8);
      this.modes.grow(this.capacity * 2);
    }
    const room = path.length * 3;
    if (this.bytesUsed + room > this.pathText.length) {
      if (this.bytesUsed + room > MAX_PATH_BYTES)
        throw new SealError(
          "bad-input",
          `The paths to seal take more than ${MAX_PATH_BYTES / 2 ** 30} GiB. Seal the artifact in parts, or as an archive.`
        );
      this.pathBytes.grow(
        Math.min(MAX_PATH_BYTES, Math.max(this.pathText.length * 2, this.bytesUsed + room))
      );
      this.pathText = Buffer.from(this.pathBytes, 0, this.pathBytes.byteLength);
    }
    this.growLines();
    this.bytesUsed += this.pathText.write(path, this.bytesUsed);
    this.ends[this.count++] = this.bytesUsed;
    if ((this.count & 63) === 0) this.publish();
  }
  growLines() {
    const needed = this.pathText.length + this.capacity * LINE_EXTRA;
    if (this.lines !== null && needed > this.lines.byteLength) this.lines.grow(needed);
  }
  publish() {
    Atomics.store(this.control, Control.Published, this.count);
    Atomics.notify(this.control, Control.Published);
  }
  /** Waits for every added file, the main thread hashing its share. */
  async finish() {
    this.publish();
    Atomics.store(this.control, Control.WalkDone, 1);
    Atomics.notify(this.control, Control.Published);
    const { onProgress, progressIntervalMs = 2e3 } = this.options;
    const report = onProgress ? () => onProgress(this.progress()) : void 0;
    const timer = report ? setInterval(report, Math.max(1, progressIntervalMs)) : void 0;
    try {
      let failure = null;
      if ((this.options.mainThreadHashes ?? true) || this.workerLoops.length === 0) {
        let lastReport = process.uptime() * 1e3;
        const onFileDone = report ? () => {
          const now = process.uptime() * 1e3;
          if (now - lastReport >= progressIntervalMs) {
            lastReport = now;
            report();
          }
        } : void 0;
        failure = runClaimLoop({
          ...this.sharedWork(),
          fs: node_fs_exports,
          crypto: node_crypto_exports,
          progressSlot: 0,
          waitForMore: false,
          ...onFileDone ? { onFileDone } : {}
        });
      }
      await this.allCompleted();
      if (Atomics.load(this.control, Control.Failed) !== 0) {
        failure ??= (await Promise.all(this.workerLoops)).find((f) => f !== null) ?? null;
        if (failure) throw describeFailure(failure, this.pathAt(failure.index));
      }
    } finally {
      clearInterval(timer);
    }
    return {
      digests: new Uint8Array(this.digests, 0, this.count * 32),
      sizes: new Float64Array(this.sizes, 0, this.count),
      modes: new Uint16Array(this.modes, 0, this.count),
      queued: {
        bytes: new Uint8Array(this.pathBytes, 0, this.bytesUsed),
        ends: new Uint32Array(this.pathEnds, 0, this.count)
      },
      ...this.lines === null ? {} : {
        lines: Buffer.from(
          new Uint8Array(
            this.lines,
            0,
            this.bytesUsed + this.count * (LINE_EXTRA - this.linePrefix)
          )
        )
      }
    };
  }
  async allCompleted() {
    const crashed = new Promise((_, reject) => {
      for (const loop of this.workerLoops) loop.catch(reject);
    });
    for (; ; ) {
      const completed = Atomics.load(this.control, Control.Completed);
      if (completed >= this.count || Atomics.load(this.control, Control.Failed) !== 0) return;
      await Promise.race([
        Atomics.waitAsync(this.control, Control.Completed, completed, 1e3).value,
        crashed
      ]);
    }
  }
  /** Files and bytes hashed so far, by every thread. */
  progress() {
    let filesDone = 0;
    let bytesDone = 0;
    for (let slot = 0; slot * PROGRESS_STRIDE < this.threadProgress.length; slot++) {
      filesDone += this.threadProgress[slot * PROGRESS_STRIDE];
      bytesDone += this.threadProgress[slot * PROGRESS_STRIDE + 1];
    }
    return { filesDone, bytesDone, filesTotal: this.count };
  }
  pathAt(index) {
    return this.pathText.toString("utf8", index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
};



// src/core/file-summary.ts


// src/core/subject/resolve-files.ts
var import_picomatch = __toESM(require_picomatch());
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
var MAY_BE_GLOB = /[*?[\]{}()!@+\\]/;
var scanGlob = (pattern) => MAY_BE_GLOB.test(pattern) ? import_picomatch.default.scan(pattern) : null;
var NOT_WALKED = ["node_modules", ".git"];



function byListingName(a, b) {
  const x = a.isDirectory() ? `${a.name}/` : a.name;
  const y = b.isDirectory() ? `${b.name}/` : b.name;
  return x < y ? -1 : x > y ? 1 : 0;
}



var GLOB = { dot: true, flags: "s" };
function globEnters(base, glob2) {
  const segments = splitSegments(glob2);
  if (segments === null) return () => true;
  const matchers = segments.map(
    (segment) => segment.includes("**") ? null : (0, import_picomatch.default)(segment, GLOB)
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
function splitSegments(glob2) {
  const segments = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < glob2.length; i++) {
    const c = glob2[i];
    if (c === "\\") {
      current += c + (glob2[++i] ?? "");
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
function lossyNames(dir) {
  const lossy = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  for (const bytes of readdirSync(dir, { encoding: "buffer" })) {
    const name = bytes.toString("utf8");
    if (seen.has(name) || !Buffer.from(name).equals(bytes)) lossy.add(name);
    seen.add(name);
  }
  return lossy;
}


function readLinkText(p) {
  try {
    return readlinkSync(p);
  } catch {
    return "?";
  }
}

// src/core/seal.ts
function startHashPool(subject, workers) {
  return subject.kind === "paths" && !namesOneFile(subject) ? HashPool.start(workers) : null;
}


async function listDirectory(dir, inputName, options = {}) {
  const build = {
    kind: "local",
    build: { tool: "pkg:npm/artifact-seal", host: "", startedOn: "" }
  };
  const subject = {
    kind: "paths",
    patterns: { include: [dir], exclude: [] },
    baseDir: dir,
    root: dir,
    inputName
  };
  return (await sealSubject(subject, { ...options, fallbackName: "files", build })).listing;
}

function isIdentity(order) {
  for (let i = 0; i < order.length; i++) if (order[i] !== i) return false;
  return true;
}
var withSep = (dir) => dir.endsWith(sep) ? dir : dir + sep;

function readListingFile(file, inputName) {
  try {
    return readFileSync(file, "utf8");
  } catch (error2) {
    const e = error2;
    const why = e.code === "ENOENT" ? "it does not exist" : e.code === "EISDIR" ? "it is a directory" : e.code ?? e.message;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot read ${quote(file)}: ${why}. Give the path of a file in sha256sum format.`
    );
  }
}

// src/app/verify/verified-path.ts

function holdsExactly(root, listed, subject) {
  if (subject.kind === "paths" && subject.patterns.include.length === 1 && subject.patterns.exclude.length === 0 && subject.root === void 0) {
    const only = resolve(subject.baseDir, subject.patterns.include[0]);
    if (only === resolve(root)) return true;
  }
  let onDisk;
  try {
    onDisk = resolveFiles({
      patterns: { include: [root], exclude: [] },
      baseDir: root,
      root,
      inputName: "the verified directory"
    }).relativePaths;
  } catch {
    return false;
  }
  if (onDisk.length !== listed.length) return false;
  const wanted = new Set(listed);
  return onDisk.every((p) => wanted.has(p));
}
async function stageCopies(root, listed, expected, stagingParent, inputName, options) {
  const dir = join(
    stagingParent,
    `verified-${hexOf(expected).slice(0, 12)}-${randomBytes(4).toString("hex")}`
  );
  try {
    copyListedFiles(root, listed, dir);
  } catch (error2) {
    removeQuietly(dir);
    const e = error2;
    throw new SealError(
      "unreadable",
      `${inputName}: cannot copy the verified files from ${quote(root)} to ${quote(dir)} (${e.code ?? e.message}). The directory holds files that were not verified, so only copies of the verified ones are handed out: make the runner's temp directory writable, or seal and verify a directory that holds only the artifact.`,
      { cause: e }
    );
  }
  const copy = await sealSubject(
    {
      kind: "paths",
      patterns: { include: [dir], exclude: [] },
      baseDir: dir,
      root: dir,
      inputName
    },
    { build: options.build, fallbackName: options.fallbackName }
  );
  if (copy.digest !== expected) {
    removeQuietly(dir);
    throw new SealError(
      "conflict",
      `${inputName}: the files under ${quote(root)} changed while they were being verified: their copies are ${copy.digest}, not ${expected}. Nothing was handed out. Make sure no other step writes to them, then verify again.`
    );
  }
  return dir;
}

// src/core/kind.ts
function kindFromListing(entries, digest, source) {
  const kind = describesListing(entries, digest);
  return kind === null ? null : { kind, source, fileCount: kind === "tree" ? entries.length : 1 };
}
function kindFromStatement(statement, digest) {
  const subjects = statement?.subject;
  if (!Array.isArray(subjects)) return null;
  const hex = hexOf(digest);
  for (const subject of subjects) {
    const d = subject?.digest;
    if (d === null || typeof d !== "object") continue;
    const tree = d.dirHash ?? d.dirHash1;
    if (tree === hex) return "tree";
    if (d.sha256 === hex) return tree === void 0 ? "file" : null;
  }
  return null;
}
function agreeingKind(first, second, digest, inputName) {
  if (first === null || second === null || first.kind === second.kind) return first ?? second;
  throw new SealError(
    "tampered",
    `${inputName}: ${second.source} records ${digest} as ${describeKind(second)}, but ${first.source} records it as ${describeKind(first)}. A listing and a statement sealed together always agree: one of them was changed or comes from another seal. Give the seal bundle as the seal wrote it.`
  );
}
function isCanonicalListing(bytes) {
  if (bytes.length < 68 || !startsLikeListing(bytes)) return false;
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  try {
    return formatListing(parseListing(text, "the file")) === text;
  } catch {
    return false;
  }
}
var LINE_START = /^[0-9a-f]{64} {2}[^ ]/;



function refuseListingAsFile(file, inputName) {
  const listing = readListingFile2(file);
  if (listing === null) return;
  throw new SealError(
    "bad-input",
    `${inputName}: ${quote(file)} is a checksums listing of ${plural(listing.fileCount, "file")}. Sealed as one file, its digest would equal the digest of the tree it lists, and a later verify could not tell the file from the tree. Seal the directory it lists instead, or seal the listing together with other files (its directory), so the seal is a tree.`
  );
}
function describeKind(recorded) {
  return recorded.kind === "tree" ? `a tree${recorded.fileCount === null ? "" : ` of ${plural(recorded.fileCount, "file")}`}` : "one file";
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/app/verify/verify-artifact.ts



function readSealedListing(request) {
  const file = request.checksumsFile;
  const entries = readListing(
    file,
    (why) => new SealError(
      "unreadable",
      `${request.checksumsInput}: cannot read ${quote(file)} (${why}). Give the checksums listing the seal wrote (its checksums-path output, or the .sha256 file of the seal bundle).`
    )
  );
  const fromListing = kindFromListing(
    entries,
    request.expected,
    `${request.checksumsInput} ${quote(file)}`
  );
  if (fromListing === null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, not of the ${request.expectedInput} ${request.expected}. The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    );
  }
  return {
    entries,
    kind: agreeingKind(
      fromListing,
      recordedKindBeside(file, request),
      request.expected,
      request.checksumsInput
    )
  };
}
function recordedKindBeside(checksumsFile, request) {
  const read2 = readStatementBeside(
    checksumsFile,
    (why, file2) => new SealError(
      "unreadable",
      `${request.checksumsInput}: cannot read the statement ${quote(file2)} beside the listing (${why}). Make it readable, or move it away to verify by the listing alone.`
    )
  );
  if (read2 === null) return null;
  const file = read2.file;
  if (read2.notJson !== null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing is not JSON. It was changed after sealing: give the seal bundle as the seal wrote it.`
    );
  }
  const kind = kindFromStatement(read2.json, request.expected);
  if (kind === null) {
    throw new SealError(
      "tampered",
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing does not describe the ${request.expectedInput} ${request.expected}. The statement was changed after sealing or belongs to another seal: give the seal bundle as the seal wrote it.`
    );
  }
  return { kind, source: `the statement ${quote(file)}`, fileCount: null };
}

// src/app/verify/fetch-bytes.ts
async function fetchAndCheckBytes(source, digest, known, context) {
  if (source.kind === "local") {
    const result = await verifyArtifact(
      {
        subject: source.subject,
        expected: digest,
        checksumsFile: source.checksumsFile,
        checksumsInput: context.inputs.checksums,
        expectedInput: context.inputs.expected
      },
      context.seal
    );
    const handedOut = result.verified ? await verifiedPath(
      result.artifact,
      source.subject,
      digest,
      context.downloadsDir,
      context.seal
    ) : null;
    return {
      verified: result.verified,
      actual: result.actual,
      mismatches: result.mismatches,
      path: handedOut,
      artifact: null,
      sealedBy: null,
      checksumsFile: source.checksumsFile
    };
  }
  if (source.kind === "artifact")
    return downloadArtifact(
      source.name,
      source.runId,
      source.token,
      digest,
      context,
      source.repository
    );
  if (source.kind === "image") {
    const { checkImageBytes, imageRegistryFor } = await import("../chunks/image-bytes-KXBCN2WT.js");
    return checkImageBytes(source, digest, imageRegistryFor(source, context.env));
  }
  const restored = await restoreFromCache(digest, source.inputName, context);
  if (restored.kind === "verified") return restored.check;
  const key = cacheKeyOf(digest);
  if (known.artifact === null) {
    if (restored.kind === "miss") {
      const cache = restored.unreadable === void 0 ? `the Actions cache has no entry for ${digest} (key ${key})` : `the Actions cache could not be read for ${digest} (key ${key}: ${restored.unreadable})`;
      context.log(
        `No bytes of ${digest} were carried: ${cache}, and no ledger record names a workflow artifact holding its files.`
      );
      const absent = `No bytes to check: none were named, and nothing the seal carried was found: ${cache}, and no ledger record names a workflow artifact holding its files. Give subject-path (the files in the workspace) or ${context.inputs.artifactName} (and run-id) of the workflow artifact holding them, or "digest-only: true" to promote with nothing checked; seal with "cache: true" or "upload: true" so later runs find them.`;
      return {
        verified: false,
        actual: digest,
        mismatches: [],
        path: null,
        artifact: null,
        sealedBy: null,
        checksumsFile: null,
        absent
      };
    }
    throw new SealError(
      "unreadable",
      restored.kind === "unsafe" ? `${source.inputName}: the cache entry ${key} was refused before anything was extracted (the log above names each entry), and no ledger record names a workflow artifact to fall back to. Give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.` : `${source.inputName}: the cache entry ${key} restored files that ${restored.actual === null ? "are not of the sealed kind (see the log above)" : `are ${restored.actual}, not ${digest}`}. They were deleted and nothing is deployed from them, and no ledger record names a workflow artifact to fall back to. The cache was changed behind the key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed files instead.`
    );
  }
  const what = restored.kind === "miss" ? `no cache entry for ${digest}` : restored.kind === "unsafe" ? `the cache entry ${key} was refused before anything was extracted` : `the files restored from ${key} do not verify and were deleted`;
  context.log(
    `${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`
  );
  const runId = known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId);
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context);
}
async function downloadArtifact(name, runId, token, digest, context, repository = null) {
  const { WorkflowArtifactStore } = await import("../chunks/workflow-artifact-DR54XV2W.js");
  const { downloadAndVerify } = await import("../chunks/download-and-verify-UF4FQKOC.js");
  const store = new WorkflowArtifactStore({ env: context.env });
  let downloaded;
  try {
    downloaded = await downloadAndVerify(
      store,
      {
        name,
        parent: context.downloadsDir,
        expected: digest,
        expectedInput: context.inputs.expected,
        nameInput: context.inputs.artifactName,
        ...runId !== null ? { runId, token, ...repository !== null ? { repository } : {} } : {}
      },
      { build: context.seal.build }
    );
  } catch (error2) {
    const { mismatches, actual } = isSealError(error2, "mismatch") ? error2.details : {};
    if (mismatches === void 0 || actual === void 0) throw error2;
    context.log(error2.message);
    return {
      verified: false,
      actual,
      mismatches,
      path: null,
      artifact: null,
      sealedBy: null,
      checksumsFile: null
    };
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? "");
  context.log(
    `Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`
  );
  const sealed = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  });
  return {
    verified: true,
    actual: digest,
    mismatches: [],
    path: downloaded.path,
    artifact: uploadedBy === "" || repository !== null ? null : { name, runId: uploadedBy },
    sealedBy: sealed.sealedBy,
    name: sealed.name,
    checksumsFile: downloaded.artifact.checksumsPath
  };
}
async function restoreFromCache(digest, inputName, context) {
  const { restoreFromCache: restore } = await import("../chunks/cache-restore-DGQGMSTT.js");
  const restored = await restore(digest, context.downloadsDir, {
    env: context.env,
    inputName,
    log: { info: context.log, warning: context.log }
  });
  if (restored.kind === "miss") return restored;
  if (restored.kind === "refused") return { kind: "unsafe" };
  const single = restored.digestKind === "file" ? join(restored.filesDir, ...restored.listing[0].path.split("/")) : null;
  let checked;
  try {
    const modes = sealedModesBeside(restored.listingFile, inputName);
    if (modes !== null)
      applyModes(
        restored.filesDir,
        restored.listing.map((e) => e.path),
        modes
      );
    checked = await verifyArtifact(
      {
        subject: {
          kind: "paths",
          patterns: { include: [single ?? restored.filesDir], exclude: [] },
          baseDir: restored.filesDir,
          ...single ? {} : { root: restored.filesDir },
          inputName
        },
        expected: digest,
        checksumsFile: restored.listingFile,
        checksumsInput: `the listing in ${cacheKeyOf(digest)}`,
        expectedInput: context.inputs.expected
      },
      context.seal
    );
  } catch (error2) {
    removeQuietly(restored.dir);
    if (!(error2 instanceof SealError)) throw error2;
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} were refused: ${error2.message}`
    );
    return { kind: "refused", actual: null };
  }
  if (!checked.verified) {
    removeQuietly(restored.dir);
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} are ${checked.actual}, not ${digest}; the cache was changed behind the key.`
    );
    return { kind: "refused", actual: checked.actual };
  }
  const handedOut = single ?? restored.filesDir;
  context.log(
    `Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${handedOut}`
  );
  const sealed = sealInfoBesideListing(restored.listingFile, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  });
  return {
    kind: "verified",
    check: {
      verified: true,
      actual: digest,
      mismatches: [],
      path: handedOut,
      artifact: null,
      sealedBy: sealed.sealedBy,
      name: sealed.name,
      checksumsFile: restored.listingFile
    }
  };
}

// src/core/promotion/record.ts
var DEFAULT_PENDING_TIMEOUT_MS = 6 * 60 * 60 * 1e3;

// src/app/ledger/queries.ts
var NOTHING_KNOWN = {
  sealedBy: null,
  name: null,
  artifact: null,
  contract: null
};

// src/version.ts
var VERSION = "0.1.0";

// src/app/settings/runner-environment.ts





// src/report/format.ts
var UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];




// src/report/progress.ts
function describeProgress(p) {
  const files = p.filesTotal > 1 ? `${formatNumber(p.filesDone)} of ${formatNumber(p.filesTotal)} files, ` : "";
  return `Hashing: ${files}${formatBytes(p.bytesDone)} read`;
}

// src/report/markdown.ts
var LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
var INLINE = /[&<>\\`*_[\]|~:@$#]/g;
var NAMED = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "@": "&#64;&#8203;"
};
var reference = (char) => NAMED[char] ?? `&#${char.charCodeAt(0)};`;

var ENDS_CODE_SPAN = new RegExp(`[\`|\\\\${CONTROL_CHARACTERS}\u2028\u2029]`, "u");
var SPACE_OR_CONTROL = new RegExp(`[\\s${CONTROL_CHARACTERS}]`, "u");

function link2(label, url, origins) {
  const target = safeUrl(url, origins);
  return target === null ? label : `[${label}](${target})`;
}
function safeUrl(url, origins) {
  if (typeof url !== "string" || !URL.canParse(url) || SPACE_OR_CONTROL.test(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") return null;
  if (!origins.some((origin) => URL.canParse(origin) && new URL(origin).origin === parsed.origin))
    return null;
  return parsed.href.replace(
    /[()[\]|\\<>"'`*_~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  ).replace(/&/g, "&amp;");
}

// src/report/signer-markdown.ts


// src/report/verify-markdown.ts
var ROWS_SHOWN = 200;


// src/app/settings/names.ts
var SigningInput = {
  Sign: "sign",
  SigningKey: "signing-key"
};
var SignerInput = {
  SignedBy: "signed-by"
};
var SignedByKey = {
  Repository: "repository",
  Workflow: "workflow",
  Ref: "ref",
  Issuer: "issuer",
  Runner: "runner",
  Key: "key",
  TrustedRoot: "trusted-root",
  TufMirrors: "tuf-mirrors"
};
var SealInput = {
  SubjectPath: "subject-path",
  SubjectDigest: "subject-digest",
  SubjectName: "subject-name",
  SubjectChecksums: "subject-checksums",
  SubjectParts: "subject-parts",
  IncludeHiddenFiles: "include-hidden-files",
  Contract: "contract",
  Upload: "upload",
  Name: "name",
  RetentionDays: "retention-days",
  Cache: "cache",
  GitHubToken: "github-token",
  PushToRegistry: "push-to-registry",
  PlainHttpRegistries: "plain-http-registries",
  ...SigningInput
};
var BytesInput = {
  SubjectPath: "subject-path",
  ChecksumsPath: "checksums-path",
  Name: "name",
  RunId: "run-id",
  Repository: "repository",
  GitHubToken: "github-token",
  PlainHttpRegistries: "plain-http-registries"
};
var VerifyInput = {
  ExpectedDigest: "expected-digest",
  ...BytesInput,
  ...SignerInput
};
var VerifyOutput = {
  Verified: "verified",
  Digest: "digest",
  Mismatches: "mismatches",
  Path: "path",
  Signer: "signer",
  ImageRef: "image-ref"
};
var PromoteInput = {
  Environment: "environment",
  ExpectedDigest: "expected-digest",
  SubjectName: "subject-name",
  ...BytesInput,
  Policy: "policy",
  Ledger: "ledger",
  Rollback: "rollback",
  Veto: "veto",
  ApproveAmendment: "approve-amendment",
  From: "from",
  Wait: "wait",
  Confirm: "confirm",
  DryRun: "dry-run",
  DigestOnly: "digest-only",
  PushToRegistry: "push-to-registry",
  ...SignerInput,
  ...SigningInput
};

// src/actions/report-failure.ts
function reportFailure(error2) {
  if (error2 instanceof SealError) {
    for (const problem of error2.details.problems ?? []) {
      if (problem.line === null || isAbsolute(problem.file) || leavesParent(problem.file))
        continue;
      error(problem.message, {
        title: "artifact-seal",
        file: problem.file,
        startLine: problem.line,
        ...problem.column === null ? {} : { startColumn: problem.column }
      });
    }
    setFailed(error2.message);
    return;
  }
  const e = error2 instanceof Error ? error2 : new Error(String(error2));
  debug(e.stack ?? e.message);
  setFailed(
    `artifact-seal stopped on an unexpected error: ${e.message}. Re-run with ACTIONS_STEP_DEBUG=true for details, and report it if it persists.`
  );
}

// src/core/subject/patterns.ts


// src/core/image/reference.ts
var NAME_MAX = 255;
var ALPHA_NUMERIC = "[a-z0-9]+";
var SEPARATOR = "(?:[._]|__|-+)";
var PATH_COMPONENT = new RegExp(`^${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*$`);
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var HOST = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]+))?$`
);
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_HOST = "registry-1.docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function parseImageReference(value, what) {
  const text = value.trim();
  const fail = (why, fix) => {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(text)} is not an image reference: ${why}. ${fix}`
    );
  };
  if (text === "")
    fail(
      "it is empty",
      'Give a reference such as "ghcr.io/acme/app:1.4.0" or "ghcr.io/acme/app@sha256:\u2026".'
    );
  const at = text.indexOf("@");
  let digest = null;
  let rest = text;
  if (at !== -1) {
    if (text.indexOf("@", at + 1) !== -1)
      fail('it has more than one "@"', 'Give one digest after "@".');
    const after = text.slice(at + 1);
    const colon2 = after.indexOf(":");
    if (colon2 === -1)
      fail('the digest after "@" must start with "sha256:"', 'Write it as "name@sha256:<64 hex>".');
    const algorithm = after.slice(0, colon2).toLowerCase();
    if (algorithm !== "sha256")
      fail(
        `the digest after "@" is a ${quote(algorithm)} digest`,
        'artifact-seal reads sha256 digests only: write "name@sha256:<64 hex>".'
      );
    const hex = after.slice(colon2 + 1);
    if (!/^[0-9a-fA-F]{64}$/.test(hex))
      fail(
        `the digest after "@" is not "sha256:" and 64 hex characters (got ${hex.length} characters)`,
        "Copy the whole digest."
      );
    digest = digestFromHex(hex.toLowerCase());
    rest = text.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  let tag = null;
  let name = rest;
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    name = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      fail(
        `the tag ${quote(tag)} is not a valid tag`,
        'A tag is 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".'
      );
    }
  }
  if (name === "")
    fail(
      "the name before the tag or digest is empty",
      'Give the repository, such as "ghcr.io/acme/app".'
    );
  if (name.length > NAME_MAX)
    fail(
      `the name is ${name.length} characters long`,
      `A name is at most ${NAME_MAX} characters, registry included.`
    );
  const slash = name.indexOf("/");
  const first = slash === -1 ? "" : name.slice(0, slash);
  const hasRegistry = namesRegistry(name);
  let registry = DOCKER_HUB;
  let path = name;
  if (hasRegistry) {
    const host = HOST.exec(first);
    if (host === null)
      return fail(
        `the registry ${quote(first)} is not a host name, an IP address or either with a port`,
        'Write the registry as "host" or "host:port", such as "ghcr.io" or "localhost:5000".'
      );
    const port = host[1];
    if (port !== void 0 && (Number(port) < 1 || Number(port) > 65535))
      fail(`the port ${port} is out of range`, "Give a port from 1 to 65535.");
    registry = first.toLowerCase();
    path = name.slice(slash + 1);
  }
  path = path.toLowerCase();
  for (const component of path.split("/")) {
    if (PATH_COMPONENT.test(component)) continue;
    fail(
      component === "" ? `the repository ${quote(path)} has an empty path component` : `the path component ${quote(component)} is not valid`,
      'Each "/"-separated part of a repository is lower-case letters and digits, joined by ".", "_", "__" or dashes.'
    );
  }
  const dockerHub = DOCKER_HUB_ALIASES.has(registry);
  return {
    registry: dockerHub ? DOCKER_HUB : registry,
    repository: dockerHub && !path.includes("/") ? `library/${path}` : path,
    name: hasRegistry ? `${registry}/${path}` : path,
    tag,
    digest
  };
}
function namesRegistry(name) {
  const slash = name.indexOf("/");
  if (slash === -1) return false;
  const first = name.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost";
}
function registryHost(reference2) {
  return reference2.registry === DOCKER_HUB ? DOCKER_HUB_HOST : reference2.registry;
}
function formatReference(reference2) {
  return `${reference2.name}${reference2.tag === null ? "" : `:${reference2.tag}`}${reference2.digest === null ? "" : `@${reference2.digest}`}`;
}
function digestReference(reference2, digest) {
  return `${reference2.name}@${digest}`;
}
function subjectName(reference2) {
  return reference2.name;
}
function withTag(reference2, tag, what) {
  if (!TAG.test(tag)) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(tag)} is not a valid tag. A tag is 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".`
    );
  }
  return { ...reference2, tag, digest: null };
}
function withDigest(reference2, digest) {
  return { ...reference2, tag: null, digest };
}
function sameRepository(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
var OCI_SCHEME = "oci://";

function parseImageSubject(text, what) {
  const lines = text.split(/\r?\n/).map((line2) => line2.trim()).filter((line2) => line2 !== "" && !line2.startsWith("#"));
  if (lines.length !== 1 || lines[0].includes(",")) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(text.trim())} names an image (${OCI_SCHEME}\u2026) among other entries. An image is sealed, verified and promoted alone: give one ${OCI_SCHEME} reference and nothing else.`
    );
  }
  const line = lines[0];
  if (!line.toLowerCase().startsWith(OCI_SCHEME)) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(line)} names an image but does not start with ${quote(OCI_SCHEME)}. Write it as "oci://ghcr.io/acme/app:1.4.0".`
    );
  }
  return parseImageReference(line.slice(OCI_SCHEME.length), what);
}


// src/app/settings/inputs.ts



// src/app/settings/bytes-source.ts




// src/app/settings/signed-by.ts
var import_yaml = __toESM(require_yaml());

// src/core/promotion/plain-yaml.ts
var NOT_PLAIN = /* @__PURE__ */ Symbol("not plain YAML");
var NotPlain = class extends Error {
};
var notPlain = () => {
  throw new NotPlain();
};
var MAX_DEPTH = 32;
var PLAIN_TEXT = /^[\x20-\x7e\n]*$/;
var BLOCK_SCALAR = /^[A-Za-z0-9_./~][^#]*?(?=\s+#|\s*$)/;
var FLOW_SCALAR = /^[A-Za-z0-9_./~][^#,[\]{}]*?(?=\s*[,\]}]|\s+#|\s*$|:\s)/;
var PLAIN_KEY = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
var NULL = /^(?:null|Null|NULL|~)$/;
var BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
var NUMBER_LIKE = /^(?:[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;
function plainValue(text) {
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text.toLowerCase() === "true";
  if (NUMBER_LIKE.test(text)) notPlain();
  if (/:(\s|$)|\s#/.test(text)) notPlain();
  return text;
}
function quoted(text, at) {
  const quote2 = text[at];
  let value = "";
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote2 === "'") {
      if (c !== "'") value += c;
      else if (text[i + 1] === "'") value += text[++i];
      else return { value, end: i + 1 };
    } else if (c === '"') {
      return { value, end: i + 1 };
    } else if (c === "\\") {
      const escaped = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "	" }[text[++i] ?? ""];
      value += escaped ?? notPlain();
    } else {
      value += c;
    }
  }
  return notPlain();
}
function restIsEmpty(text, at) {
  return /^(?:\s+#.*|\s*)$/.test(text.slice(at));
}
var isKey = (key) => typeof key === "string" && key !== "__proto__" && !/^(?:0|[1-9][0-9]*)$/.test(key);
function setOnce(map, key, value) {
  if (!isKey(key) || Object.prototype.hasOwnProperty.call(map, key)) notPlain();
  map[key] = value;
}
function flowValue(text, at, depth) {
  const c = text[at];
  if (c === "[" || c === "{") return flowCollection(text, at, depth + 1);
  if (c === '"' || c === "'") return quoted(text, at);
  const match = FLOW_SCALAR.exec(text.slice(at)) ?? notPlain();
  return { value: plainValue(match[0].trimEnd()), end: at + match[0].length };
}
function skipSpaces(text, at) {
  while (text[at] === " ") at++;
  return at;
}
function flowCollection(text, at, depth) {
  if (depth > MAX_DEPTH) notPlain();
  const isMap = text[at] === "{";
  const close2 = isMap ? "}" : "]";
  const value = isMap ? {} : [];
  let i = skipSpaces(text, at + 1);
  if (text[i] === close2) return { value, end: i + 1 };
  for (; ; ) {
    if (isMap) {
      const key = flowValue(text, i, depth);
      if (text[key.end] !== ":" || text[key.end + 1] !== " ") notPlain();
      const item = flowValue(text, skipSpaces(text, key.end + 1), depth);
      if (typeof key.value !== "string") notPlain();
      setOnce(value, key.value, item.value);
      i = skipSpaces(text, item.end);
    } else {
      const item = flowValue(text, i, depth);
      value.push(item.value);
      i = skipSpaces(text, item.end);
    }
    if (text[i] === close2) return { value, end: i + 1 };
    if (text[i] !== ",") notPlain();
    i = skipSpaces(text, i + 1);
    if (text[i] === close2 || i >= text.length) notPlain();
  }
}
function inlineValue(text, depth) {
  const c = text[0];
  if (c === "[" || c === "{" || c === '"' || c === "'") {
    const { value, end } = c === "[" || c === "{" ? flowCollection(text, 0, depth + 1) : quoted(text, 0);
    if (!restIsEmpty(text, end)) notPlain();
    return value;
  }
  const match = BLOCK_SCALAR.exec(text) ?? notPlain();
  if (!restIsEmpty(text, match[0].length)) notPlain();
  return plainValue(match[0].trimEnd());
}
function blockKey(text) {
  if (text[0] === '"' || text[0] === "'") {
    const { value, end } = quoted(text, 0);
    if (text[end] !== ":" || end + 1 < text.length && text[end + 1] !== " ") notPlain();
    return { key: value, rest: text.slice(end + 1) };
  }
  const colon = /:(?: |$)/.exec(text);
  if (colon === null) return null;
  const key = plainValue(
    PLAIN_KEY.test(text.slice(0, colon.index)) ? text.slice(0, colon.index).trimEnd() : notPlain()
  );
  if (typeof key !== "string") notPlain();
  return { key, rest: text.slice(colon.index + 1) };
}
var Reader = class {
  constructor(lines) {
    this.lines = lines;
  }
  lines;
  next = 0;
  peek() {
    return this.lines[this.next];
  }
  depth = 0;
  /** The block whose first line is the next one, at its indentation. */
  block(indent) {
    const first = this.peek();
    if (first === void 0 || first.indent !== indent || this.depth >= MAX_DEPTH) return notPlain();
    this.depth++;
    try {
      return first.text === "-" || first.text.startsWith("- ") ? this.sequence(indent) : this.mapping(indent);
    } finally {
      this.depth--;
    }
  }
  /**
   * What follows a key or dash with nothing after it: a deeper block, a sequence at the key's own
   * indentation, or null.
   */
  nested(indent, sequenceMayAlign) {
    const line = this.peek();
    if (line !== void 0 && line.indent > indent) return this.block(line.indent);
    if (sequenceMayAlign && line !== void 0 && line.indent === indent && (line.text === "-" || line.text.startsWith("- ")))
      return this.sequence(indent);
    return null;
  }
  mapping(indent) {
    const map = {};
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) notPlain();
      const entry = blockKey(line.text) ?? notPlain();
      this.next++;
      const hasInline = !restIsEmpty(entry.rest, 0);
      const value = hasInline ? inlineValue(entry.rest.trimStart(), this.depth) : this.nested(indent, true);
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
      setOnce(map, entry.key, value);
    }
    return map;
  }
  sequence(indent) {
    const items = [];
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !(line.text === "-" || line.text.startsWith("- "))) notPlain();
      this.next++;
      const rest = line.text.slice(1);
      const hasInline = !restIsEmpty(rest, 0);
      if (hasInline && blockKey(rest.trimStart()) !== null && !/^\s*[[{]/.test(rest)) notPlain();
      items.push(hasInline ? inlineValue(rest.trimStart(), this.depth) : this.nested(indent, false));
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
    }
    return items;
  }
};
function readPlainYaml(text) {
  const normalized = text.replace(/\r\n/g, "\n");
  if (!PLAIN_TEXT.test(normalized)) return NOT_PLAIN;
  const lines = [];
  for (const raw of normalized.split("\n")) {
    const text2 = raw.trimStart();
    if (text2 === "" || text2.startsWith("#")) continue;
    if (raw.startsWith("%") || raw.startsWith("---") || raw.startsWith("...")) return NOT_PLAIN;
    lines.push({ indent: raw.length - text2.length, text: text2.trimEnd() });
  }
  try {
    const reader = new Reader(lines);
    if (reader.peek()?.indent !== 0) return NOT_PLAIN;
    const value = reader.block(0);
    if (reader.peek() !== void 0 || value === null || typeof value !== "object" || Array.isArray(value))
      return NOT_PLAIN;
    return value;
  } catch (error2) {
    if (error2 instanceof NotPlain) return NOT_PLAIN;
    throw error2;
  }
}

// src/core/signing/public-key.ts
var PRIVATE_LABELS = /* @__PURE__ */ new Set([
  "PRIVATE KEY",
  "EC PRIVATE KEY",
  "RSA PRIVATE KEY",
  "ENCRYPTED PRIVATE KEY",
  "ENCRYPTED SIGSTORE PRIVATE KEY",
  "ENCRYPTED COSIGN PRIVATE KEY"
]);
var PUBLIC_LABELS = /* @__PURE__ */ new Set(["PUBLIC KEY", "RSA PUBLIC KEY"]);
var CURVES = {
  prime256v1: "ecdsa-p256",
  secp384r1: "ecdsa-p384",
  secp521r1: "ecdsa-p521"
};
var RSA_MIN_BITS = 2048;
var RSA_MAX_BITS = 4096;
var SUPPORTED_KEYS = "ECDSA on P-256, P-384 or P-521, Ed25519, or RSA of 2048 to 4096 bits";
var GENERATE_HINT = 'Create one with "cosign generate-key-pair" or "openssl genpkey -algorithm ed25519 -out key.pem".';
function looksLikePem(text) {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text);
}
function keyHint(publicKey) {
  return Buffer.from(sha256Hex(publicKey.export({ type: "spki", format: "der" })), "hex").toString(
    "base64"
  );
}
function normalize2(text) {
  return text.replace(/^\uFEFF/, "").replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\r\n?/g, "\n");
}
function pemBlocks(text, where) {
  const blocks = [];
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/g;
  let match;
  while ((match = begin.exec(text)) !== null) {
    const label = match[1] ?? "";
    const endLine = `-----END ${label}-----`;
    const end = text.indexOf(endLine, begin.lastIndex);
    if (end === -1) {
      throw new SealError(
        "malformed",
        `${where}: the "${label}" block has a BEGIN line but no "${endLine}" line: the text was cut short. Copy the whole file, END line included.`
      );
    }
    const inner = text.slice(begin.lastIndex, end);
    const lines = inner.split("\n").map((line) => line.trim());
    const isHeader = (line) => /^[A-Za-z][A-Za-z0-9-]*:/.test(line);
    blocks.push({
      label,
      headers: lines.filter(isHeader),
      body: lines.filter((line) => !isHeader(line)).join("").replace(/\s+/g, "")
    });
    begin.lastIndex = end + endLine.length;
  }
  return blocks;
}
function bodyBytes(block, where) {
  if (block.body === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(block.body) || block.body.length % 4 === 1) {
    throw new SealError(
      "malformed",
      `${where}: the base64 text between the "${block.label}" BEGIN and END lines is damaged. Copy the whole key file into the secret again.`
    );
  }
  return Buffer.from(block.body, "base64");
}
function algorithmOf(key, where) {
  switch (key.asymmetricKeyType) {
    case "ec": {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const algorithm = curve === void 0 ? void 0 : CURVES[curve];
      if (algorithm === void 0) {
        throw new SealError(
          "unrecognized",
          `${where}: is an ECDSA key on ${curve === void 0 ? "a curve given by explicit parameters" : `curve ${curve}`}, which Sigstore tools do not accept. Use a key on P-256, P-384 or P-521, such as one from "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256".`
        );
      }
      return algorithm;
    }
    case "ed25519":
      return "ed25519";
    case "rsa": {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
        throw new SealError(
          "unrecognized",
          `${where}: is a ${bits}-bit RSA key; Sigstore tools accept RSA keys of ${RSA_MIN_BITS} to ${RSA_MAX_BITS} bits. Use a 3072-bit RSA key, or an ECDSA P-256 or Ed25519 key.`
        );
      }
      return "rsa";
    }
    default:
      throw new SealError(
        "unrecognized",
        `${where}: is a ${key.asymmetricKeyType ?? "secret"} key, which cannot sign Sigstore bundles. Supported keys: ${SUPPORTED_KEYS}. ${GENERATE_HINT}`
      );
  }
}
function notPem(where, expected) {
  return new SealError(
    "malformed",
    `${where}: is not PEM text (no "-----BEGIN ${expected}-----" line). Pass the whole key file, BEGIN and END lines included${expected === "PUBLIC KEY" ? "" : ', from a secret ("${{ secrets.SIGNING_KEY }}")'}.`
  );
}
function material(publicKey, algorithm) {
  return { publicKey, hint: keyHint(publicKey), algorithm };
}
function readPublicKey(text, source) {
  const normalized = normalize2(text).trim();
  if (normalized === "")
    throw new SealError(
      "bad-input",
      `${source}: is empty. Give the public key's PEM text ("-----BEGIN PUBLIC KEY-----\u2026"), such as cosign.pub.`
    );
  const blocks = pemBlocks(normalized, source);
  if (blocks.length === 0) throw notPem(source, "PUBLIC KEY");
  const publicBlocks = blocks.filter((block2) => PUBLIC_LABELS.has(block2.label));
  if (publicBlocks.length > 1)
    throw new SealError(
      "bad-input",
      `${source}: holds ${publicBlocks.length} public keys. Give exactly one.`
    );
  const block = publicBlocks[0];
  if (block === void 0) {
    if (blocks.some(
      (candidate) => PRIVATE_LABELS.has(candidate.label) || candidate.label.endsWith("PRIVATE KEY")
    )) {
      throw new SealError(
        "bad-input",
        `${source}: holds a private key where the public key is expected. Give only the public half (cosign.pub, or "openssl pkey -pubout -in key.pem"), and rotate the key if this text was published.`
      );
    }
    if (blocks[0]?.label === "CERTIFICATE") {
      throw new SealError(
        "bad-input",
        `${source}: holds a certificate, not a public key. Give the key it certifies ("openssl x509 -pubkey -noout -in cert.pem").`
      );
    }
    throw new SealError(
      "unrecognized",
      `${source}: holds a "${blocks[0]?.label ?? ""}" PEM block, not a public key. Give the "-----BEGIN PUBLIC KEY-----" text, such as cosign.pub.`
    );
  }
  let publicKey;
  try {
    publicKey = createPublicKey({
      key: bodyBytes(block, source),
      format: "der",
      type: block.label === "RSA PUBLIC KEY" ? "pkcs1" : "spki"
    });
  } catch (error2) {
    if (error2 instanceof SealError) throw error2;
    throw new SealError(
      "unrecognized",
      `${source}: the "${block.label}" block is not a public key this tool can read (damaged, or an unsupported type). Supported keys: ${SUPPORTED_KEYS}.`
    );
  }
  return material(publicKey, algorithmOf(publicKey, source));
}

// src/attestation/tuf-mirrors.ts
var TUF_MIRRORS_INPUT = "tuf-mirrors";
var PUBLIC_GOOD_TUF_MIRROR = "https://tuf-repo-cdn.sigstore.dev";
var GITHUB_TUF_MIRROR = "https://tuf-repo.github.com";
var DEFAULT_TUF_MIRRORS = [
  { url: PUBLIC_GOOD_TUF_MIRROR, rootFile: null },
  { url: GITHUB_TUF_MIRROR, rootFile: null }
];
var BUILT_IN_ROOTS = /* @__PURE__ */ new Set([PUBLIC_GOOD_TUF_MIRROR, GITHUB_TUF_MIRROR]);
var FORMAT = 'Write one repository a line: its URL, a space, and the path of its root.json, such as "https://tuf.example.com/sigstore sigstore-root.json".';

function checkTufRoot(file, what) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error2) {
    throw new SealError(
      "unreadable",
      `${what} cannot be read (${error2.code ?? String(error2)}). Give the path of the repository's root.json, relative to the workspace.`,
      { cause: error2 }
    );
  }
  let root;
  try {
    root = JSON.parse(text);
  } catch {
    root = null;
  }
  if (root?.signed?._type !== "root" || !Array.isArray(root.signatures)) {
    throw new SealError(
      "unrecognized",
      `${what} is not a TUF root.json (a JSON document with "signatures" and a "signed" part of _type "root"). Give the root.json the repository publishes, such as its 1.root.json.`
    );
  }
}

// src/app/settings/signing-settings.ts


function requirementReason(settings, policyAsks) {
  const named = settings.named;
  if (named.length > 0)
    return `${named.join(", ")} ${named.length === 1 ? "names" : "name"} a signer or what to trust`;
  if (policyAsks) return "the promotion policy's signed-by names a signer";
  return "--require-signature asks for one";
}


// src/app/settings/signed-by.ts
var FIELD_OF = {
  [SignedByKey.Repository]: "repository",
  [SignedByKey.Workflow]: "workflow",
  [SignedByKey.Ref]: "ref",
  [SignedByKey.Issuer]: "issuer",
  [SignedByKey.Runner]: "githubHostedOnly",
  [SignedByKey.Key]: "key",
  [SignedByKey.TrustedRoot]: "trustedRoot",
  [SignedByKey.TufMirrors]: "tufMirrors"
};
var SIGNED_BY_NAMES = Object.fromEntries(
  Object.entries(FIELD_OF).map(([key, field]) => [field, `${SignerInput.SignedBy}.${key}`])
);
var EXAMPLE = 'such as "repository: acme/shop" and "workflow: .github/workflows/release.yml" on lines of their own, or "key: cosign.pub"';


function readMapping(text) {
  const plain2 = readPlainYaml(text);
  let value = plain2;
  if (plain2 === NOT_PLAIN) {
    const document = (0, import_yaml.parseDocument)(text, { uniqueKeys: true });
    const error2 = document.errors[0];
    if (error2 !== void 0)
      throw new SealError(
        "bad-input",
        `${SignerInput.SignedBy}: not a YAML mapping (${error2.message.split("\n")[0]}). Write one key a line, ${EXAMPLE}.`
      );
    value = document.toJS();
  }
  if (!isRecord(value)) {
    throw new SealError(
      "bad-input",
      `${SignerInput.SignedBy}: ${quote(text.trim())} is not a mapping. Write one key a line, ${EXAMPLE}.`
    );
  }
  return value;
}

// src/actions/verify/settings.ts


// src/app/signature/find-signature.ts



// src/core/contract/manifest.ts
var CONTRACT_ANNOTATION = "artifact-seal.contract";
var VERSION2 = new RegExp(`^[^\\s${CONTROL_CHARACTERS}]+$`, "u");

// src/core/signing/signer-policy.ts
function defaultIssuer(serverUrl) {
  const url = new URL(serverUrl);
  if (url.hostname === "github.com") return "https://token.actions.githubusercontent.com";
  const tenant = /^([a-z0-9-]+)\.ghe\.com$/i.exec(url.hostname);
  if (tenant) return `https://token.actions.${tenant[1]?.toLowerCase()}.ghe.com`;
  return `${url.origin}/_services/token`;
}
function identityPolicy(wanted, serverUrl) {
  return {
    repository: wanted.repository,
    ...wanted.workflow === null ? {} : { workflow: wanted.workflow },
    ...wanted.sourceRef === null ? {} : { sourceRef: wanted.sourceRef },
    issuer: wanted.issuer ?? defaultIssuer(serverUrl),
    denySelfHostedRunners: wanted.denySelfHostedRunners,
    serverUrl
  };
}

// src/core/signing/identity.ts
var FULCIO_OID_PREFIX = "1.3.6.1.4.1.57264.1.";
var FULCIO_OIDS = {
  issuerLegacy: "1.3.6.1.4.1.57264.1.1",
  githubWorkflowTrigger: "1.3.6.1.4.1.57264.1.2",
  githubWorkflowSha: "1.3.6.1.4.1.57264.1.3",
  githubWorkflowName: "1.3.6.1.4.1.57264.1.4",
  githubWorkflowRepository: "1.3.6.1.4.1.57264.1.5",
  githubWorkflowRef: "1.3.6.1.4.1.57264.1.6",
  issuer: "1.3.6.1.4.1.57264.1.8",
  buildSignerUri: "1.3.6.1.4.1.57264.1.9",
  buildSignerDigest: "1.3.6.1.4.1.57264.1.10",
  runnerEnvironment: "1.3.6.1.4.1.57264.1.11",
  sourceRepositoryUri: "1.3.6.1.4.1.57264.1.12",
  sourceRepositoryDigest: "1.3.6.1.4.1.57264.1.13",
  sourceRepositoryRef: "1.3.6.1.4.1.57264.1.14",
  sourceRepositoryIdentifier: "1.3.6.1.4.1.57264.1.15",
  sourceRepositoryOwnerUri: "1.3.6.1.4.1.57264.1.16",
  sourceRepositoryOwnerIdentifier: "1.3.6.1.4.1.57264.1.17",
  buildConfigUri: "1.3.6.1.4.1.57264.1.18",
  buildConfigDigest: "1.3.6.1.4.1.57264.1.19",
  buildTrigger: "1.3.6.1.4.1.57264.1.20",
  runInvocationUri: "1.3.6.1.4.1.57264.1.21",
  sourceRepositoryVisibility: "1.3.6.1.4.1.57264.1.22",
  deploymentEnvironment: "1.3.6.1.4.1.57264.1.23"
};
var GITHUB_HOSTED = "github-hosted";
var ABSENT = "(absent)";
var dotted = (oid) => typeof oid === "string" ? oid : oid.join(".");
var utf8 = new TextDecoder("utf-8", { fatal: true });
function decodeUtf8(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return void 0;
  }
}
function decodeDerUtf8String(bytes) {
  if (bytes.length < 2 || bytes[0] !== 12) return void 0;
  const first = bytes[1];
  let length;
  let start;
  if (first < 128) {
    length = first;
    start = 2;
  } else {
    const octets = first & 127;
    if (octets === 0 || octets > 4 || bytes.length < 2 + octets) return void 0;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[2 + i];
    if (length < 128 || bytes[2] === 0) return void 0;
    start = 2 + octets;
  }
  if (start + length !== bytes.length) return void 0;
  return decodeUtf8(bytes.subarray(start));
}
var EXTENSION_FIELDS = Object.entries(FULCIO_OIDS).filter(
  ([name]) => !name.endsWith("Legacy") && !name.startsWith("githubWorkflow")
);
function decodeIdentity(subjectAlternativeName, extensions) {
  const byOid = /* @__PURE__ */ new Map();
  for (const extension of extensions) {
    const oid = dotted(extension.oid);
    byOid.set(oid, byOid.has(oid) ? null : extension.value);
  }
  const fields = {};
  for (const [name, oid] of EXTENSION_FIELDS) {
    const value = byOid.get(oid);
    const decoded = value ? decodeDerUtf8String(value) : void 0;
    if (decoded !== void 0) fields[name] = decoded;
  }
  if (fields.issuer === void 0) {
    const legacy = byOid.get(FULCIO_OIDS.issuerLegacy);
    const decoded = legacy ? decodeUtf8(legacy) : void 0;
    if (decoded !== void 0) fields.issuer = decoded;
  }
  const repository = fields.sourceRepositoryUri === void 0 ? void 0 : repositoryOfUri(fields.sourceRepositoryUri);
  if (repository !== void 0) fields.repository = repository;
  return { subjectAlternativeName: subjectAlternativeName ?? "", ...fields };
}
function repositoryOfUri(uri) {
  const match = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)$/.exec(uri);
  return match?.[1];
}
function parseWorkflowUri(uri) {
  const match = /^(https?:\/\/[^/]+)\/([^/]+\/[^/]+)\/([^@]+)@(.+)$/.exec(uri);
  if (!match) return void 0;
  return {
    serverUrl: match[1],
    repository: match[2],
    path: match[3],
    ref: match[4]
  };
}
var trimSlash = (url) => url.replace(/\/+$/, "");
var sameFold = (a, b) => a.toLowerCase() === b.toLowerCase();
function parseWorkflowSetting(workflow, repository) {
  const at = workflow.indexOf("@");
  const name = at === -1 ? workflow : workflow.slice(0, at);
  const ref = at === -1 ? void 0 : workflow.slice(at + 1);
  const path = name.replace(/^\.?\//, "");
  const reusable = /^([^/]+\/[^/]+)\/(\.github\/workflows\/.+)$/.exec(path);
  const located = reusable && !path.startsWith(".github/") ? { repository: reusable[1], path: reusable[2] } : { repository, path };
  return ref === void 0 || ref === "" ? located : { ...located, ref };
}
function workflowMatches(san, serverUrl, expected) {
  const parsed = parseWorkflowUri(san);
  if (parsed === void 0) return false;
  return parsed.serverUrl.toLowerCase() === serverUrl.toLowerCase() && sameFold(parsed.repository, expected.repository) && parsed.path === expected.path && (expected.ref === void 0 || parsed.ref === expected.ref);
}
function checkIdentity(identity, policy) {
  const failures = [];
  const serverUrl = trimSlash(policy.serverUrl);
  const actual = (value) => value ?? ABSENT;
  const owner = policy.repository.split("/")[0] ?? "";
  const repositoryUri = `${serverUrl}/${policy.repository}`;
  if (identity.sourceRepositoryUri === void 0 || !sameFold(identity.sourceRepositoryUri, repositoryUri)) {
    failures.push({
      rule: "repository",
      expected: repositoryUri,
      actual: actual(identity.sourceRepositoryUri)
    });
  } else {
    const ownerUri = `${serverUrl}/${owner}`;
    if (identity.sourceRepositoryOwnerUri === void 0 || !sameFold(identity.sourceRepositoryOwnerUri, ownerUri)) {
      failures.push({
        rule: "repository",
        expected: ownerUri,
        actual: actual(identity.sourceRepositoryOwnerUri)
      });
    }
  }
  if (policy.workflow !== void 0 && policy.workflow !== "") {
    const expected = parseWorkflowSetting(policy.workflow, policy.repository);
    if (!workflowMatches(identity.subjectAlternativeName, serverUrl, expected)) {
      const shown = `${serverUrl}/${expected.repository}/${expected.path}@${expected.ref ?? "<any ref>"}`;
      failures.push({
        rule: "workflow",
        expected: shown,
        actual: identity.subjectAlternativeName || ABSENT
      });
    }
  } else {
    const parsed = parseWorkflowUri(identity.subjectAlternativeName);
    const ok = parsed !== void 0 && parsed.serverUrl.toLowerCase() === serverUrl.toLowerCase() && sameFold(parsed.repository, policy.repository);
    if (!ok) {
      failures.push({
        rule: "subject-alternative-name",
        expected: `${serverUrl}/${policy.repository}/<workflow path>@<ref>`,
        actual: identity.subjectAlternativeName || ABSENT
      });
    }
  }
  if (policy.sourceRef !== void 0 && policy.sourceRef !== "" && identity.sourceRepositoryRef !== policy.sourceRef) {
    failures.push({
      rule: "source-ref",
      expected: policy.sourceRef,
      actual: actual(identity.sourceRepositoryRef)
    });
  }
  if (policy.sourceDigest !== void 0 && policy.sourceDigest !== "") {
    const expected = policy.sourceDigest.toLowerCase();
    if (identity.sourceRepositoryDigest === void 0 || identity.sourceRepositoryDigest.toLowerCase() !== expected) {
      failures.push({
        rule: "source-digest",
        expected,
        actual: actual(identity.sourceRepositoryDigest)
      });
    }
  }
  if (identity.issuer !== policy.issuer) {
    failures.push({ rule: "issuer", expected: policy.issuer, actual: actual(identity.issuer) });
  }
  if (policy.denySelfHostedRunners && identity.runnerEnvironment !== GITHUB_HOSTED) {
    failures.push({
      rule: "runner-environment",
      expected: GITHUB_HOSTED,
      actual: actual(identity.runnerEnvironment)
    });
  }
  return failures;
}
var RULE_NAMES = {
  repository: "repository (certificate source repository)",
  workflow: "workflow (certificate subject alternative name)",
  "source-ref": "source ref",
  "source-digest": "source commit",
  issuer: "OIDC issuer",
  "runner-environment": "runner environment",
  "subject-alternative-name": "signer workflow (certificate subject alternative name)"
};
function describeIdentityFailure(failures) {
  return failures.map(
    (f) => `signer ${RULE_NAMES[f.rule]}: expected ${quote(f.expected)}, got ${quote(f.actual)}`
  ).join("\n");
}

// src/app/signature/check-signature.ts

async function checkCandidates(candidates, digest, expectation, checksumsFile) {
  const problems = [];
  for (const candidate of candidates) {
    const checked = await checkCandidate(candidate, digest, expectation, checksumsFile);
    if (checked.status === "verified") return checked;
    problems.push(checked.detail);
  }
  return {
    status: "refused",
    detail: problems.length === 1 ? problems[0] : `None of the ${problems.length} signatures found is acceptable: ${problems.join(" ")}`
  };
}
async function checkCandidate(candidate, digest, expectation, checksumsFile) {
  const { verifyAttestation } = await import("../chunks/verify-bundle-GBERZ53P.js");
  const { loadTrustedRoot } = await import("../chunks/trusted-root-4DCF5ADF.js");
  let verified;
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    });
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
    return {
      status: "refused",
      detail: `The signature in ${candidate.source} does not verify: ${error2.message}`
    };
  }
  const statement = verified.statement;
  if (statement?._type !== STATEMENT_TYPE || statement.predicateType !== SLSA_PROVENANCE_TYPE) {
    return {
      status: "refused",
      detail: `${candidate.source} signs a ${String(statement?.predicateType)} statement, not the seal's SLSA provenance.`
    };
  }
  if (!aboutDigest(statement.subject, digest)) {
    return {
      status: "refused",
      detail: `${candidate.source} is signed, but for other bytes: its statement's subjects do not include ${digest}. It belongs to another seal.`
    };
  }
  const unsignedModes = checksumsFile === null ? null : modesNotSigned(statement, checksumsFile);
  if (unsignedModes !== null)
    return { status: "refused", detail: `${candidate.source} is signed, but ${unsignedModes}` };
  const signer = verified.signer;
  let accepted;
  if (signer.kind === "key") {
    accepted = { kind: "key", hint: signer.hint, signedAt: null };
  } else {
    if (expectation.repository === null) {
      return {
        status: "refused",
        detail: `${candidate.source} is signed by ${signer.identity.subjectAlternativeName}, but no signer was named to compare it with: a key alone accepts that key's signatures only. Name the workflow in signed-by's repository and workflow (--signer-repository, --signer-workflow), or seal with the key.`
      };
    }
    const failures = checkIdentity(
      signer.identity,
      identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl)
    );
    if (failures.length > 0) {
      return {
        status: "refused",
        detail: `${candidate.source} is signed by someone the inputs do not accept: ${describeIdentityFailure(failures).split("\n").join("; ")}.`
      };
    }
    accepted = {
      kind: "certificate",
      identity: signer.identity,
      signedAt: signer.signedAt.toISOString()
    };
  }
  const sealedBy = sealedByFromStatement(statement, digest, candidate.source, {
    serverUrl: expectation.serverUrl
  });
  const signerName2 = accepted.kind === "key" ? `key:${accepted.hint}` : accepted.identity.subjectAlternativeName;
  return {
    status: "verified",
    signer: accepted,
    sealedBy: {
      ...sealedBy ?? { repository: null, commit: null, runUrl: null },
      signer: signerName2
    },
    name: subjectName2(statement.subject, digest),
    contract: signedContract(statement.subject, digest),
    digestOnly: annotationOf(statement.subject, digest, DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  };
}
function modesNotSigned(statement, checksumsFile) {
  const file = modesBeside(checksumsFile);
  if (file === null) return null;
  const signed = modesAnnotation(statement);
  let bytes = null;
  try {
    bytes = readFileSync(file);
  } catch {
  }
  if (bytes === null)
    return signed === null ? null : `the file modes it records (${signed}) did not travel with the listing: ${quote(file)} is missing.`;
  if (signed === null)
    return `the statement it signs records no file modes, yet ${quote(file)} travelled with the listing: it was added after sealing.`;
  return modesDigest(bytes) === signed ? null : `${quote(file)} is not the modes file it records (${signed}): it was changed after sealing.`;
}
function aboutDigest(subjects, digest) {
  const hex = hexOf(digest);
  return Array.isArray(subjects) && subjects.some((s) => {
    const d = s?.digest;
    return d !== void 0 && d !== null && (d.sha256 === hex || d.dirHash === hex || d.dirHash1 === hex);
  });
}
function subjectName2(subjects, digest) {
  const hex = hexOf(digest);
  const subject = subjects.find(
    (s) => s?.digest?.sha256 === hex
  );
  return typeof subject?.name === "string" ? subject.name : null;
}
function annotationOf(subjects, digest, name) {
  const hex = hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const annotations = subject?.annotations;
  return typeof annotations === "object" && annotations !== null ? annotations[name] : void 0;
}
function signedContract(subjects, digest) {
  const hex = hexOf(digest);
  const subject = subjects.find(
    (s) => typeof s?.digest === "object" && s.digest !== null && Object.values(s.digest).includes(hex)
  );
  const claimed = subject?.annotations?.[CONTRACT_ANNOTATION];
  if (typeof claimed?.digest !== "string" || typeof claimed.version !== "string") return null;
  try {
    return { digest: parseDigest(claimed.digest, CONTRACT_ANNOTATION), version: claimed.version };
  } catch {
    return null;
  }
}

// src/app/settings/signer-expectation.ts


// src/app/signature/sources.ts


// src/actions/signer-output.ts
function signerOutput(signer) {
  if (signer === null) return "";
  if (signer.kind === "key") return JSON.stringify({ kind: "key", hint: signer.hint });
  const i = signer.identity;
  return JSON.stringify({
    kind: "certificate",
    identity: i.subjectAlternativeName,
    issuer: i.issuer ?? null,
    repository: i.repository ?? null,
    workflow: i.buildSignerUri ?? null,
    ref: i.sourceRepositoryRef ?? null,
    commit: i.sourceRepositoryDigest ?? null,
    runner: i.runnerEnvironment ?? null,
    run: i.runInvocationUri ?? null,
    signedAt: signer.signedAt
  });
}

// src/actions/annotations.ts
var ANNOTATIONS_SHOWN = 10;
function annotateMismatches(mismatches) {
  const what = {
    changed: "changed since it was sealed",
    missing: "was sealed but is missing",
    added: "was not sealed but is present",
    mode: "changed its mode since it was sealed"
  };
  const detail = (m) => m.kind === "mode" ? ` (sealed ${m.expected}, now ${m.actual})` : "";
  for (const m of mismatches.slice(0, ANNOTATIONS_SHOWN - 1)) {
    error(`${m.path} ${what[m.kind]}${detail(m)}.`, { title: `artifact-seal: ${m.kind} file` });
  }
  const rest = mismatches.slice(ANNOTATIONS_SHOWN - 1);
  if (rest.length === 1) {
    const m = rest[0];
    error(`${m.path} ${what[m.kind]}${detail(m)}.`, { title: `artifact-seal: ${m.kind} file` });
  } else if (rest.length > 1) {
    error(
      `${rest.length} more files differ from the seal (${rest[0]?.path} and others); the job summary lists them.`,
      { title: "artifact-seal: more files differ" }
    );
  }
}

// src/app/signature/verdict.ts


// src/actions/verify/run.ts

function describePlatforms(count) {
  return count === 0 ? "a single image" : `an index of ${formatCount(count, "platform image")}`;
}
function signerName(signature) {
  const signer = signature.signer;
  return signer.kind === "key" ? `the key ${signer.hint} (${signature.source})` : `${signer.identity.subjectAlternativeName} at ${signer.signedAt} (${signature.source})`;
}
function mismatchOutput(m) {
  return {
    path: m.path,
    expected: m.expected && digestFromHex(m.expected),
    actual: m.actual && digestFromHex(m.actual),
    kind: m.kind
  };
}
export {
  ANY_CONTROL as m11$ANY_CONTROL,
  CONTROL_CHARACTERS as m11$CONTROL_CHARACTERS,
  digestFromHex as m12$digestFromHex,
  hexOf as m12$hexOf,
  parseDigest as m12$parseDigest,
  sha256Digest as m12$sha256Digest,
  sha256Hex as m12$sha256Hex,
  shortDigest as m12$shortDigest,
  DEFAULT_API_URL as m13$DEFAULT_API_URL,
  DEFAULT_SERVER_URL as m13$DEFAULT_SERVER_URL,
  apiUrlOf as m13$apiUrlOf,
  serverUrlOf as m13$serverUrlOf,
  SealError as m14$SealError,
  exitCodeOf as m14$exitCodeOf,
  isSealError as m14$isSealError,
  messageOf as m14$messageOf,
  quote as m14$quote,
  stopsPromotion as m14$stopsPromotion,
  DOCKER_HUB as m15$DOCKER_HUB,
  DOCKER_HUB_HOST as m15$DOCKER_HUB_HOST,
  OCI_SCHEME as m15$OCI_SCHEME,
  digestReference as m15$digestReference,
  formatReference as m15$formatReference,
  isImageSubject as m15$isImageSubject,
  namesRegistry as m15$namesRegistry,
  parseImageReference as m15$parseImageReference,
  parseImageSubject as m15$parseImageSubject,
  parsePlainHttpRegistries as m15$parsePlainHttpRegistries,
  registryHost as m15$registryHost,
  sameRepository as m15$sameRepository,
  subjectName as m15$subjectName,
  withDigest as m15$withDigest,
  withTag as m15$withTag,
  isRecord as m16$isRecord,
  agreeingKind as m17$agreeingKind,
  checkSubjectKind as m17$checkSubjectKind,
  isCanonicalListing as m17$isCanonicalListing,
  kindFromListing as m17$kindFromListing,
  kindFromStatement as m17$kindFromStatement,
  readListingFile2 as m17$readListingFile,
  refuseListingAsFile as m17$refuseListingAsFile,
  checkListingPath as m18$checkListingPath,
  compareUtf8 as m18$compareUtf8,
  describesListing as m18$describesListing,
  diffListings as m18$diffListings,
  digestOfListing as m18$digestOfListing,
  formatListing as m18$formatListing,
  listingFromDigests as m18$listingFromDigests,
  listingFromPathBytes as m18$listingFromPathBytes,
  parseListing as m18$parseListing,
  sortEntries as m18$sortEntries,
  MODES_ANNOTATION as m19$MODES_ANNOTATION,
  applyModes as m19$applyModes,
  diffModes as m19$diffModes,
  formatModes as m19$formatModes,
  linkTargetPath as m19$linkTargetPath,
  modesAnnotation as m19$modesAnnotation,
  modesDigest as m19$modesDigest,
  parseModes as m19$parseModes,
  readModes as m19$readModes,
  listDirectory as m24$listDirectory,
  sealSubject as m24$sealSubject,
  startHashPool as m24$startHashPool,
  FULCIO_OIDS as m25$FULCIO_OIDS,
  FULCIO_OID_PREFIX as m25$FULCIO_OID_PREFIX,
  GITHUB_HOSTED as m25$GITHUB_HOSTED,
  checkIdentity as m25$checkIdentity,
  decodeDerUtf8String as m25$decodeDerUtf8String,
  decodeIdentity as m25$decodeIdentity,
  describeIdentityFailure as m25$describeIdentityFailure,
  parseWorkflowSetting as m25$parseWorkflowSetting,
  parseWorkflowUri as m25$parseWorkflowUri,
  repositoryOfUri as m25$repositoryOfUri,
  DIGEST_ONLY_ANNOTATION as m28$DIGEST_ONLY_ANNOTATION,
  GITHUB_WORKFLOW_BUILD_TYPE as m28$GITHUB_WORKFLOW_BUILD_TYPE,
  LOCAL_BUILD_TYPE as m28$LOCAL_BUILD_TYPE,
  SLSA_PROVENANCE_TYPE as m28$SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE as m28$STATEMENT_TYPE,
  buildStatement as m28$buildStatement,
  commitUrl as m28$commitUrl,
  digestOnlySubject as m28$digestOnlySubject,
  runUrl as m28$runUrl,
  statementSubject as m28$statementSubject,
  workflowPath as m28$workflowPath,
  ACTION_VOCABULARY as m29$ACTION_VOCABULARY,
  capitalized as m29$capitalized,
  speakAs as m29$speakAs,
  words as m29$words,
  debug as m3$debug,
  endGroup as m3$endGroup,
  endStep as m3$endStep,
  error as m3$error,
  getInput as m3$getInput,
  getState as m3$getState,
  group as m3$group,
  info as m3$info,
  notice as m3$notice,
  runnerLog as m3$runnerLog,
  saveState as m3$saveState,
  setFailed as m3$setFailed,
  setOutput as m3$setOutput,
  startGroup as m3$startGroup,
  summary as m3$summary,
  warning as m3$warning,
  contractManifestBeside as m32$contractManifestBeside,
  hasBundleBeside as m32$hasBundleBeside,
  listingsIn as m32$listingsIn,
  readListing as m32$readListing,
  readSigstoreBundleBeside as m32$readSigstoreBundleBeside,
  readStatement as m32$readStatement,
  readStatementBeside as m32$readStatementBeside,
  readText as m32$readText,
  readTextIfAny as m32$readTextIfAny,
  whyUnreadable as m32$whyUnreadable,
  CACHE_FILES_DIR as m33$CACHE_FILES_DIR,
  CACHE_KEY_PREFIX as m33$CACHE_KEY_PREFIX,
  CACHE_SEAL_DIR as m33$CACHE_SEAL_DIR,
  CACHE_STAGING_DIR as m33$CACHE_STAGING_DIR,
  cacheArchivePrefix as m33$cacheArchivePrefix,
  cacheKeyOf as m33$cacheKeyOf,
  cacheStagingPath as m33$cacheStagingPath,
  copyListedFiles as m34$copyListedFiles,
  makeDirectories as m34$makeDirectories,
  privateDir as m34$privateDir,
  removeQuietly as m34$removeQuietly,
  writeNewFile as m34$writeNewFile,
  bundleBaseOf as m35$bundleBaseOf,
  bundleFileNames as m35$bundleFileNames,
  contractBeside as m35$contractBeside,
  fileSafeName as m35$fileSafeName,
  isBundleEntry as m35$isBundleEntry,
  modesBeside as m35$modesBeside,
  sigstoreBundleBeside as m35$sigstoreBundleBeside,
  statementBeside as m35$statementBeside,
  VERSION as m39$VERSION,
  mismatchOutput as m5$mismatchOutput,
  run as m5$run,
  sealedModesBeside as m7$sealedModesBeside,
  DEFAULT_TUF_MIRRORS as m8$DEFAULT_TUF_MIRRORS,
  GITHUB_TUF_MIRROR as m8$GITHUB_TUF_MIRROR,
  PUBLIC_GOOD_TUF_MIRROR as m8$PUBLIC_GOOD_TUF_MIRROR,
  TUF_MIRRORS_INPUT as m8$TUF_MIRRORS_INPUT,
  parseTufMirrors as m8$parseTufMirrors
};
