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
var escapeData = (function escapeData(value) {
  return toCommandValue(value).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
});
var issueCommand = (function issueCommand(command, properties, message) {
  writeCommand(command, properties, inertLogText(toCommandValue(message)));
});
var writeCommand = (function writeCommand(command, properties, message) {
  const props = Object.keys(properties).length > 0 ? ` ${Object.entries(properties).filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",")}` : "";
  runnerLog.write(`::${command}${props}::${escapeData(message)}${EOL}`);
});
var annotationProperties = (function annotationProperties(p) {
  if (Object.keys(p).length === 0) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  };
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
var notice = (function notice(message, properties = {}) {
  issueCommand(
    "notice",
    annotationProperties(properties),
    message instanceof Error ? message.toString() : message
  );
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
var fence = (function fence(content, info2 = "") {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = "`".repeat(Math.max(3, longest + 1));
  return `${marks}${info2}
${visibleControls(content.replace(/\r\n?/g, "\n"))}
${marks}`;
});
var link2 = (function link2(label, url, origins) {
  const target = safeUrl(url, origins);
  return target === null ? label : `[${label}](${target})`;
});
var safeUrl = (function safeUrl(url, origins) {
  if (typeof url !== "string" || !URL.canParse(url) || SPACE_OR_CONTROL.test(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") return null;
  if (!origins.some((origin) => URL.canParse(origin) && new URL(origin).origin === parsed.origin))
    return null;
  return parsed.href.replace(
    /[()[\]|\\<>"'`*_~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  ).replace(/&/g, "&amp;");
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
// src/core/statement.ts
var statementSubject = (function statementSubject(name, digest, isTree) {
  const hex = hexOf(digest);
  return { name, digest: isTree ? { sha256: hex, dirHash: hex } : { sha256: hex } };
});
var runUrl = (function runUrl(build) {
  return `${build.serverUrl}/${build.repository}/actions/runs/${build.runId}/attempts/${build.runAttempt}`;
});
var commitUrl = (function commitUrl(build) {
  return `${build.serverUrl}/${build.repository}/commit/${build.sha}`;
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
// src/report/seal-report.ts
var provenanceLinks = (function provenanceLinks(build) {
  if (build.kind !== "workflow") return { commit: null, run: null };
  const b = build.build;
  return {
    commit: { label: b.sha.slice(0, 7), url: commitUrl(b), ref: b.ref },
    run: {
      label: `${b.workflowRef.split("@")[0]?.split("/").pop() ?? "workflow"} run ${b.runId} (attempt ${b.runAttempt})`,
      url: runUrl(b)
    }
  };
});
var verifySnippet = (function verifySnippet(report) {
  const lines = [
    `# ${report.jobId}: expose the digest to later jobs`,
    "outputs:",
    `  digest: \${{ steps.${report.stepId}.outputs.digest }}`,
    "",
    "# a later job, before it deploys",
    `needs: ${report.jobId}`,
    "steps:",
    `  - uses: ${report.verifyAction}`,
    "    with:"
  ];
  const subjectPath = report.verifySubjectPath;
  if (report.verifyArtifactName) {
    lines.push(`      ${VerifyInput.Name}: ${report.verifyArtifactName}`);
  } else if (subjectPath !== null && subjectPath.includes("\n")) {
    lines.push("      subject-path: |", ...subjectPath.split("\n").map((line) => `        ${line}`));
  } else if (subjectPath !== null) {
    lines.push(`      subject-path: ${subjectPath}`);
  }
  lines.push(`      expected-digest: \${{ needs.${report.jobId}.outputs.digest }}`);
  return lines.join("\n");
});
// src/report/seal-markdown.ts
var firstLines = (function firstLines(listing, count) {
  let end = 0;
  let lines = 0;
  while (lines < count && end < listing.length) {
    const newline = listing.indexOf(10, end);
    end = newline === -1 ? listing.length : newline + 1;
    lines++;
  }
  return { text: listing.toString("utf8", 0, end).replace(/\n$/, ""), count: lines };
});
var renderSealMarkdown = (function renderSealMarkdown(report) {
  const { artifact, bundle } = report;
  const out = [];
  out.push(`### \u{1F512} Sealed ${code(artifact.name)}`, "");
  out.push("| | |", "| --- | --- |");
  out.push(`| Digest | ${code(artifact.digest)} |`);
  if (report.image) out.push(`| Content | ${imageContent(report.image)} |`);
  else if (artifact.size !== null)
    out.push(
      `| Content | ${formatCount(artifact.fileCount, "file")}, ${formatBytes(artifact.size)} |`
    );
  else if (artifact.kind === "checksums")
    out.push(`| Content | ${formatCount(artifact.fileCount, "file")} (from a checksums listing) |`);
  else out.push("| Content | a digest given by the build (not read from files) |");
  const links = provenanceLinks(report.build);
  const origins = report.build.kind === "workflow" ? [report.build.build.serverUrl] : [];
  if (links.commit)
    out.push(
      `| Commit | ${link2(code(links.commit.label), links.commit.url, origins)} on ${code(links.commit.ref)} |`
    );
  if (links.run) out.push(`| Built by | ${link2(plain(links.run.label), links.run.url, origins)} |`);
  if (report.build.kind === "local")
    out.push(
      `| Built by | ${plain(report.build.build.tool)} on ${plain(report.build.build.host)} |`
    );
  out.push(
    `| Seal bundle | ${code(bundle.checksumsPath)}<br>${code(bundle.statementPath)}${bundle.sigstoreBundlePath ? `<br>${code(bundle.sigstoreBundlePath)}` : ""} |`
  );
  if (report.contract) {
    const kinds = [
      ...new Set(report.contract.files.filter((f) => f.kind !== "reference").map((f) => f.kind))
    ].join(", ");
    out.push(
      `| Contract | ${code(report.contract.version)} (${plain(kinds)}, ${formatCount(report.contract.files.length, "file")}): ${code(report.contract.digest)} |`
    );
  }
  const signature = report.signature;
  if (signature?.signed) {
    const how = signature.kind === "keyless" ? "Sigstore certificate" : "key";
    const attestation = signature.attestationUrl ? ` \xB7 ${link2("attestation", signature.attestationUrl, origins)}` : "";
    out.push(`| Signed by | ${code(signature.signer)} (${how})${attestation} |`);
  } else if (signature) {
    out.push(`| Signed by | not signed${signature.notice ? `: ${plain(signature.notice)}` : ""} |`);
  }
  out.push("");
  if (artifact.summary !== null && artifact.fileCount > 1) {
    const groups = artifact.summary.topLevel;
    if (groups.length > 1) {
      out.push("| Top level | Files | Size |", "| --- | ---: | ---: |");
      for (const g of groups.slice(0, 8))
        out.push(`| ${code(g.name)} | ${formatNumber(g.files)} | ${formatBytes(g.size)} |`);
      if (groups.length > 8) out.push(`| \u2026 ${groups.length - 8} more | | |`);
    } else {
      out.push("| Largest files | Size |", "| --- | ---: |");
      for (const f of artifact.summary.largest)
        out.push(`| ${code(f.path)} | ${formatBytes(f.size)} |`);
    }
    out.push("");
  }
  const leftOut = artifact.leftOut ?? [];
  if (leftOut.length > 0) {
    out.push(
      `<details><summary>Left out: ${formatCount(leftOut.length, "hidden or secret-looking entry", "hidden or secret-looking entries")} (not sealed, not uploaded)</summary>`,
      "",
      ...leftOut.slice(0, LEFT_OUT_SHOWN).map((p) => `- ${code(p)}`),
      ...leftOut.length > LEFT_OUT_SHOWN ? [`- \u2026 ${formatNumber(leftOut.length - LEFT_OUT_SHOWN)} more`] : [],
      "",
      "Set `include-hidden-files: true` to seal them, or leave them out with a `!` pattern to silence this.",
      "",
      "</details>",
      ""
    );
  }
  out.push(
    "<details><summary>Verify these bytes in a later job</summary>",
    "",
    fence(verifySnippet(report), "yaml"),
    "",
    "</details>",
    ""
  );
  const shown = firstLines(artifact.listing, LISTING_LINES_SHOWN);
  out.push(
    `<details><summary>Checksums listing (${formatCount(artifact.fileCount, "line")})</summary>`,
    "",
    fence(shown.text, "text")
  );
  if (artifact.fileCount > shown.count)
    out.push(
      "",
      `${formatNumber(artifact.fileCount - shown.count)} more lines in ${code(bundle.checksumsPath)}.`
    );
  out.push("", "</details>", "");
  return out.join("\n");
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
// src/core/kind.ts
var startsLikeListing = (function startsLikeListing(head) {
  return LINE_START.test(Buffer.from(head.subarray(0, 67)).toString("latin1"));
});
var readListingFile = (function readListingFile(file) {
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
var refuseListingAsFile = (function refuseListingAsFile(file, inputName) {
  const listing = readListingFile(file);
  if (listing === null) return;
  throw new SealError(
    "bad-input",
    `${inputName}: ${quote(file)} is a checksums listing of ${plural(listing.fileCount, "file")}. Sealed as one file, its digest would equal the digest of the tree it lists, and a later verify could not tell the file from the tree. Seal the directory it lists instead, or seal the listing together with other files (its directory), so the seal is a tree.`
  );
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
var startHashPool = (function startHashPool(subject, workers) {
  return subject.kind === "paths" && !namesOneFile(subject) ? HashPool.start(workers) : null;
});
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
    const entries = parseListing(readListingFile2(subject.file, subject.inputName), subject.file);
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
// src/stores/evidence/seal-bundle.ts
var fileSafeName = (function fileSafeName(name) {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return safe === "" ? "artifact" : safe;
});
var bundleFileNames = (function bundleFileNames(name) {
  const base = fileSafeName(name);
  return {
    checksums: `${base}.sha256`,
    statement: `${base}.intoto.json`,
    sigstore: `${base}.sigstore.json`,
    contract: `${base}.contract.json`,
    contractDir: `${base}.contract`,
    modes: `${base}.modes.json`
  };
});
// src/stores/evidence/directory-handoff.ts
var removeQuietly = (function removeQuietly(target) {
  try {
    rmSync(target, { recursive: true, force: true });
  } catch {
  }
});
// src/app/seal/seal-to-bundle.ts
var sealToBundle = (async function sealToBundle(subject, options, destination, finish) {
  const { outputDir, defaultParent, inputName } = destination;
  const sealed = subject.kind === "paths" ? {
    ...subject,
    skipDirs: [...subject.skipDirs ?? [], defaultParent, ...outputDir ? [outputDir] : []]
  } : subject;
  const artifact = await sealSubject(sealed, options);
  if (subject.kind === "paths" && artifact.root !== null) {
    if (artifact.kind === "file") {
      const only = parseListing(artifact.listing.toString("utf8"), "the sealed listing")[0]?.path;
      refuseListingAsFile(join(artifact.root, ...only.split("/")), subject.inputName);
    } else if (outputDir !== null && isInsideTree(outputDir, artifact.root)) {
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(outputDir)} is inside the sealed tree ${quote(artifact.root)}. A later verify of the tree would find the seal bundle's files there, files that were not sealed. Give a directory outside the tree${inputName === "--out" ? "" : `, or leave ${inputName} empty for a directory under the runner's temp directory`}.`
      );
    }
  }
  const finished = finish ? await finish(artifact) : { artifact, extras: {} };
  const dir = outputDir ?? join(defaultParent, fileSafeName(artifact.name));
  const bundle = await new LocalDirectoryStore(dir, inputName).putSealBundle(
    finished.artifact,
    finished.extras
  );
  return { artifact: finished.artifact, bundle };
});
// src/core/env.ts
var serverUrlOf = (function serverUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_SERVER_URL, DEFAULT_SERVER_URL);
});
var withoutTrailingSlash = (function withoutTrailingSlash(value, fallback) {
  return (value?.trim() || fallback).replace(/\/+$/, "");
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
// src/app/settings/signing-settings.ts
var readSigningSettings = (function readSigningSettings(getInput2, env, defaultMode = "auto") {
  const modeText = getInput2(SigningInput.Sign).trim().toLowerCase();
  if (modeText !== "" && !SIGN_MODES.includes(modeText)) {
    throw new SealError(
      "bad-input",
      `${SigningInput.Sign}: ${quote(getInput2(SigningInput.Sign))} is not a signing mode. Use auto (keyless when the job has "id-token: write", else unsigned), keyless (a Sigstore certificate for the workflow) or none; a ${SigningInput.SigningKey} signs with that key.`
    );
  }
  const keyText = getInput2(SigningInput.SigningKey);
  const hasKey = keyText.trim() !== "";
  let mode = modeText === "" ? defaultMode : modeText;
  if (hasKey && (modeText === "" || modeText === "auto")) mode = "key";
  if (mode === "key" && !hasKey) {
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: required with "${SigningInput.Sign}: key". Pass the private key's PEM text from a secret, such as "\${{ secrets.SIGNING_KEY }}", or use sign: keyless on GitHub-hosted runners.`
    );
  }
  if (hasKey && mode !== "key") {
    throw new SealError(
      "bad-input",
      `${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or remove the key.`
    );
  }
  const password = env[SigningEnv.KeyPassword] || env[SigningEnv.CosignPassword] || "";
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey ? {
      pem: keyText,
      password: password === "" ? void 0 : password,
      inputName: SigningInput.SigningKey
    } : null,
    endpoints: {
      fulcioUrl: readUrl(env, SigningEnv.FulcioUrl),
      rekorUrl: readUrl(env, SigningEnv.RekorUrl),
      tsaUrl: readUrl(env, SigningEnv.TsaUrl)
    }
  };
});
var readUrl = (function readUrl(env, name) {
  const text = (env[name] ?? "").trim();
  if (text === "") return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SealError(
      "bad-input",
      `${name}: ${quote(text)} is not an http(s) URL. Set the service's base URL, such as "https://fulcio.sigstore.dev", or unset it for the default.`
    );
  }
  return text.replace(/\/+$/, "");
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
var parseBooleanInput = (function parseBooleanInput(name, value, fallback) {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new SealError("bad-input", `${name}: ${quote(value)} is not a boolean. Use true or false.`);
});
// src/actions/seal/settings.ts
var readSealSettings = (function readSealSettings(getInput2, workspace, env = {}) {
  const input = (name) => getInput2(name).trim();
  const subjectPath = input(SealInput.SubjectPath);
  const subjectDigest = input(SealInput.SubjectDigest);
  const subjectChecksums = input(SealInput.SubjectChecksums);
  const subjectParts = input(SealInput.SubjectParts);
  const subjectName2 = input(SealInput.SubjectName);
  const given = [
    [SealInput.SubjectPath, subjectPath],
    [SealInput.SubjectDigest, subjectDigest],
    [SealInput.SubjectChecksums, subjectChecksums],
    [SealInput.SubjectParts, subjectParts]
  ].filter(([, value]) => value !== "");
  if (given.length !== 1) {
    const which = given.length === 0 ? "none was given" : `${given.map(([name]) => name).join(" and ")} were both given`;
    throw new SealError(
      "bad-input",
      `Give exactly one of ${SealInput.SubjectPath} (files, directories or globs), ${SealInput.SubjectDigest} with ${SealInput.SubjectName} (a digest you already have), ${SealInput.SubjectChecksums} (a sha256sum listing), or ${SealInput.SubjectParts} (the seal bundles of matrix legs); ${which}.`
    );
  }
  if (/[\r\n]/.test(subjectName2))
    throw new SealError(
      "bad-input",
      `${SealInput.SubjectName}: ${quote(subjectName2)} spans several lines. Give a single-line name.`
    );
  let subject;
  if (subjectPath !== "" && isImageSubject(subjectPath)) {
    subject = {
      kind: "image",
      reference: parseImageSubject(getInput2(SealInput.SubjectPath), SealInput.SubjectPath)
    };
  } else if (subjectParts !== "") {
    subject = readParts(subjectParts, workspace);
  } else if (subjectPath !== "") {
    subject = {
      kind: "paths",
      patterns: parseSubjectPatterns(getInput2(SealInput.SubjectPath)),
      baseDir: workspace,
      inputName: SealInput.SubjectPath,
      // An exclusion that stops matching (no more .map files) is not worth failing a build for.
      unusedExclusions: "warn",
      hidden: parseBooleanInput(
        SealInput.IncludeHiddenFiles,
        getInput2(SealInput.IncludeHiddenFiles),
        false
      ) ? "include" : "leave-out"
    };
  } else if (subjectDigest !== "") {
    if (subjectName2 === "") {
      throw new SealError(
        "bad-input",
        `${SealInput.SubjectName}: required with ${SealInput.SubjectDigest}. Give the name the digest belongs to, such as the image name "ghcr.io/owner/app".`
      );
    }
    subject = {
      kind: "digest",
      digest: parseDigest(subjectDigest, SealInput.SubjectDigest),
      name: subjectName2
    };
  } else {
    subject = {
      kind: "checksums",
      file: resolve(workspace, subjectChecksums),
      inputName: SealInput.SubjectChecksums
    };
  }
  const pushToRegistry = parseBooleanInput(
    SealInput.PushToRegistry,
    getInput2(SealInput.PushToRegistry),
    false
  );
  if (pushToRegistry && subject.kind !== "image") {
    throw new SealError(
      "bad-input",
      `${SealInput.PushToRegistry}: "true" attaches the signed seal to an image in its registry, and this seal is not of an image. Give ${SealInput.SubjectPath}: oci://<image>, or remove ${SealInput.PushToRegistry}.`
    );
  }
  return {
    subject,
    pushToRegistry,
    plainHttp: readPlainHttpRegistries(
      getInput2(SealInput.PlainHttpRegistries),
      SealInput.PlainHttpRegistries
    ),
    name: subjectName2,
    ...readCarrying(getInput2, subject),
    signing: readSigningSettings(getInput2, env),
    token: input(SealInput.GitHubToken),
    contract: readContract(getInput2, subject)
  };
});
var readContract = (function readContract(getInput2, subject) {
  const lines = getInput2(SealInput.Contract).split(/\r?\n/);
  const versions = lines.map((line) => VERSION_LINE.exec(line.trim())).filter((m) => m !== null);
  const patterns = lines.filter((line) => !VERSION_LINE.test(line.trim())).join("\n");
  const versionName = `${SealInput.Contract} (its "version:" line)`;
  if (versions.length > 1)
    throw new SealError(
      "bad-input",
      `${versionName}: given ${versions.length} times. Give the contract's version once.`
    );
  const version2 = (versions[0]?.[1] ?? "").trim();
  if (versions.length === 1 && version2 === "")
    throw new SealError(
      "bad-input",
      `${versionName}: empty. Give a version such as "version: 2.1.0", or remove the line for the OpenAPI document's info.version.`
    );
  if (patterns.trim() === "") {
    if (versions.length > 0)
      throw new SealError(
        "bad-input",
        `${versionName}: ${quote(version2)} goes with contract files; name them on the other lines, or remove it.`
      );
    return null;
  }
  if (subject.kind !== "paths") {
    throw new SealError(
      "bad-input",
      `${SealInput.Contract}: the contract is read from the sealed files, and this seal reads none. Seal with ${SealInput.SubjectPath}, or remove ${SealInput.Contract}.`
    );
  }
  return {
    patterns: parseContractPatterns(patterns, SealInput.Contract),
    version: version2,
    inputs: { contract: SealInput.Contract, version: versionName }
  };
});
var readCarrying = (function readCarrying(getInput2, subject) {
  const uploadText = getInput2(SealInput.Upload).trim();
  const mode = UPLOAD_MODES[uploadText.toLowerCase()];
  if (mode === void 0) {
    throw new SealError(
      "bad-input",
      `${SealInput.Upload}: ${quote(uploadText)} is not true, seal or false. Give true (the seal bundle and the sealed files, one workflow artifact), seal (the bundle alone) or false.`
    );
  }
  const cache = parseBooleanInput(SealInput.Cache, getInput2(SealInput.Cache), false);
  const artifactName = getInput2(SealInput.Name).trim();
  const retention = getInput2(SealInput.RetentionDays).trim();
  const needsUpload = [
    [SealInput.Name, artifactName],
    [SealInput.RetentionDays, retention]
  ].find(([, value]) => value !== "");
  if (mode === null && needsUpload) {
    throw new SealError(
      "bad-input",
      `${needsUpload[0]}: ${quote(needsUpload[1])} applies to the workflow artifact; add "${SealInput.Upload}: true" to upload one, or remove it.`
    );
  }
  if (/[\r\n]/.test(artifactName))
    throw new SealError(
      "bad-input",
      `${SealInput.Name}: ${quote(artifactName)} spans several lines. Give a single-line name.`
    );
  const readsFiles = subject.kind === "paths" || subject.kind === "parts" && subject.artifacts.length > 0;
  if (!readsFiles) {
    const which = {
      digest: SealInput.SubjectDigest,
      checksums: SealInput.SubjectChecksums,
      parts: SealInput.SubjectParts,
      image: `${SealInput.SubjectPath} (an image)`
    }[subject.kind];
    const carried = mode === "files" ? `"${SealInput.Upload}: true"` : cache ? `"${SealInput.Cache}: true"` : null;
    if (carried !== null) {
      throw new SealError(
        "bad-input",
        `${carried === `"${SealInput.Upload}: true"` ? SealInput.Upload : SealInput.Cache}: there are no files to carry: ${which} seals without reading them. ${mode === "files" ? `Give "${SealInput.Upload}: seal" to upload the seal bundle alone, or remove it.` : `Remove ${SealInput.Cache}.`}`
      );
    }
  }
  let retentionDays = null;
  if (retention !== "") {
    retentionDays = Number(retention);
    if (!/^[0-9]+$/.test(retention) || retentionDays < 1 || retentionDays > 400) {
      throw new SealError(
        "bad-input",
        `${SealInput.RetentionDays}: ${quote(retention)} is not a number of days from 1 to 400. Give a whole number, or leave it out for the repository's setting.`
      );
    }
  }
  return {
    upload: mode === null ? null : {
      files: mode === "files",
      name: artifactName === "" ? null : artifactName,
      retentionDays
    },
    cache
  };
});
// src/actions/seal/verify-hints.ts
var verifyStepHints = (function verifyStepHints(env, settings, artifact, workspace, uploadedWithFiles = null) {
  const actionRepository = env.GITHUB_ACTION_REPOSITORY;
  const verifyAction = actionRepository ? `${actionRepository}/verify@${env.GITHUB_ACTION_REF || "v1"}` : "./verify";
  const stepId = env.GITHUB_ACTION && !env.GITHUB_ACTION.startsWith("__") ? env.GITHUB_ACTION : "seal";
  let verifySubjectPath = null;
  if (settings.subject.kind === "parts")
    return {
      verifySubjectPath: null,
      verifyArtifactName: uploadedWithFiles,
      verifyAction,
      jobId: env.GITHUB_JOB || "build",
      stepId
    };
  if (settings.subject.kind === "image") {
    const reference2 = settings.subject.reference;
    verifySubjectPath = reference2.digest === null ? `oci://${reference2.name}:${reference2.tag ?? "latest"}` : `oci://${reference2.name}@${artifact.digest}`;
  } else if (artifact.kind === "files" && settings.subject.kind === "paths") {
    const { include, exclude } = settings.subject.patterns;
    verifySubjectPath = [...include, ...exclude.map((p) => `!${p}`)].join("\n");
  } else if (artifact.root !== null) {
    const rel = relative(workspace, artifact.root).split(sep).join("/");
    verifySubjectPath = rel === "" ? "." : leavesParent(rel) ? artifact.root : rel;
    const onlyFile = artifact.kind === "file" ? artifact.summary?.largest[0]?.path : void 0;
    if (onlyFile !== void 0)
      verifySubjectPath = `${verifySubjectPath === "." ? "" : `${verifySubjectPath}/`}${onlyFile}`;
  }
  return {
    verifySubjectPath,
    verifyArtifactName: uploadedWithFiles,
    verifyAction,
    jobId: env.GITHUB_JOB || "build",
    stepId
  };
});
// src/attestation/oidc-token.ts
var getOidcToken = (async function getOidcToken(audience = SIGSTORE_AUDIENCE) {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !requestToken) {
    return {
      kind: "unavailable",
      reason: `The job cannot mint an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). Add "${ID_TOKEN_PERMISSION}" to the job (or the workflow) to sign keyless; pull requests from forks never get one.`
    };
  }
  let token;
  try {
    const core = await import("../chunks/core-EUPLCFUX.js");
    token = await commandsToStderrFromCli(() => core.getIDToken(audience));
  } catch (error2) {
    const detail = messageOf(error2).replace(/\s+/g, " ").trim();
    throw new SealError(
      "denied",
      `The runner's OIDC token endpoint ${quote(endpointOf(url))} refused a token for audience ${quote(audience)}: ${detail}. Check that the job has "${ID_TOKEN_PERMISSION}"; re-run the job if the endpoint was unavailable.`
    );
  }
  return { kind: "token", token, claims: decodeOidcClaims(token) };
});
// src/app/signature/signing.ts
var prepareSigning = (async function prepareSigning(settings, env) {
  if (settings.mode === "none") return { kind: "none", notice: null };
  if (settings.mode === "key") {
    if (settings.key === null) throw new Error("unreachable: sign: key without a key");
    const { readSigningKey } = await import("../chunks/signing-key-HJ7NCIUG.js");
    const key = readSigningKey(settings.key.pem, settings.key.password, settings.key.inputName);
    const { signStatement: signStatement2 } = await import("../chunks/sign-statement-RJ4YUZFA.js");
    const { keySigner } = await import("../chunks/key-signer-ETRLQDU6.js");
    const signer = keySigner(key);
    return {
      kind: "key",
      jobWorkflowRef: null,
      sign: async (statement) => {
        const bundle = await signStatement2(statement, { kind: "key", signer });
        return {
          json: `${JSON.stringify(bundle, null, 2)}
`,
          bundle,
          signer: `key:${key.hint}`,
          kind: "key"
        };
      }
    };
  }
  const token = await getOidcToken();
  if (token.kind === "unavailable") {
    if (settings.mode === "keyless")
      throw new SealError(
        "denied",
        `sign: keyless: ${token.reason} Grant "attestations: write" too, or sign with a key (sign: key).`
      );
    return {
      kind: "none",
      notice: `Not signed. ${token.reason} Grant "attestations: write" too, so the signature is stored in the repository's attestations.`
    };
  }
  const { chooseSigstoreInstance, readEventVisibility } = await import("../chunks/sigstore-instance-QZO4U7B4.js");
  const { signStatement } = await import("../chunks/sign-statement-RJ4YUZFA.js");
  const instance = chooseSigstoreInstance({
    visibility: token.claims.repository_visibility ?? readEventVisibility(env.GITHUB_EVENT_PATH) ?? null,
    serverUrl: serverUrlOf(env),
    ...settings.endpoints
  });
  const jobWorkflowRef = token.claims.job_workflow_ref ?? null;
  const serverUrl = serverUrlOf(env);
  return {
    kind: "keyless",
    jobWorkflowRef,
    sign: async (statement) => {
      const bundle = await signStatement(statement, {
        kind: "keyless",
        instance,
        token: token.token
      });
      return {
        json: `${JSON.stringify(bundle, null, 2)}
`,
        bundle,
        // Fulcio puts the job's workflow in the certificate; the token says which one it is.
        signer: jobWorkflowRef === null ? token.claims.sub : `${serverUrl}/${jobWorkflowRef}`,
        kind: "keyless"
      };
    }
  };
});
var withSigningWorkflow = (function withSigningWorkflow(build, signing) {
  if (build.kind !== "workflow" || signing.kind !== "keyless" || signing.jobWorkflowRef === null)
    return build;
  return { kind: "workflow", build: { ...build.build, jobWorkflowRef: signing.jobWorkflowRef } };
});
// src/actions/seal/run.ts
var run = (async function run(env = process.env) {
  let pool = null;
  try {
    const workspace = workspaceDir(env);
    const settings = readSealSettings((name) => getInput(name), workspace, env);
    pool = settings.subject.kind === "paths" ? startHashPool(settings.subject) : null;
    const signing = await prepareSigning(settings.signing, env);
    if (signing.kind === "none" && signing.notice !== null) notice(signing.notice);
    if (settings.pushToRegistry && signing.kind === "none") {
      throw new SealError(
        "bad-input",
        `${SealInput.PushToRegistry}: "true" attaches the signed seal to the image, and this seal is not signed${signing.notice === null ? "" : ` (${signing.notice})`}. Grant the job "permissions: id-token: write" or give ${SealInput.SigningKey}, or remove ${SealInput.PushToRegistry}.`
      );
    }
    const build = withSigningWorkflow(buildContextFromEnv(env), signing);
    let image = null;
    if (settings.subject.kind === "image")
      image = await resolveSealedImage(
        settings.subject.reference,
        settings.token,
        settings.plainHttp,
        env
      );
    let signed = null;
    let contract = null;
    const finish = async (sealed) => {
      let artifact2 = sealed;
      if (image !== null)
        artifact2 = { ...artifact2, statement: withImageAnnotation(artifact2.statement, image.sealed) };
      if (settings.contract !== null) {
        const { collectContract, withContractAnnotation } = await import("../chunks/seal-contract-3WHEMFIK.js");
        contract = collectContract(artifact2, settings.contract);
        artifact2 = {
          ...artifact2,
          statement: withContractAnnotation(artifact2.statement, contract.manifest)
        };
      }
      if (signing.kind !== "none")
        signed = await signAndStore(signing, settings.signing.mode, artifact2, settings.token, env);
      if (image !== null && settings.pushToRegistry && settings.subject.kind === "image" && signed !== null) {
        await attachSeal(
          image,
          settings.subject.reference,
          signed.statement
        );
      }
      const sealedContract2 = contract;
      return {
        artifact: artifact2,
        extras: {
          signed: signed?.statement.json ?? null,
          contract: sealedContract2 === null ? null : {
            manifestJson: `${JSON.stringify(sealedContract2.manifest, null, 2)}
`,
            files: sealedContract2.files
          }
        }
      };
    };
    const started = process.hrtime.bigint();
    const defaultParent = join(runnerTempDir(env), "artifact-seal");
    const subject = image === null ? settings.subject : { kind: "digest", digest: image.sealed.digest, name: image.sealed.name };
    if (subject.kind === "image") throw new Error("unreachable: an image subject is resolved above");
    const { artifact, bundle } = subject.kind === "parts" ? await mergeParts(subject, settings, build, env, workspace, defaultParent, finish) : await sealToBundle(
      subject,
      {
        name: settings.name,
        fallbackName: fallbackName(env, workspace),
        build,
        ...pool === null ? {} : { pool },
        onResolved: (count, root) => info(`Sealing ${formatCount(count, "file")} under ${root}`),
        onProgress: (p) => info(describeProgress(p))
      },
      { outputDir: null, defaultParent, inputName: SealInput.SubjectName },
      finish
    );
    const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2);
    if (artifact.size !== null) {
      info(
        `Sealed ${formatCount(artifact.fileCount, "file")} (${formatBytes(artifact.size)}) under ${artifact.root} in ${seconds} s`
      );
    }
    info(`${artifact.name}: ${artifact.digest}`);
    reportLeftOut(artifact);
    info(
      `Seal bundle: ${bundle.checksumsPath}, ${bundle.statementPath}${bundle.sigstoreBundlePath ? `, ${bundle.sigstoreBundlePath}` : ""}`
    );
    const done = signed;
    const sealedContract = contract;
    if (sealedContract !== null) {
      info(
        `Contract ${sealedContract.manifest.version}: ${sealedContract.manifest.digest} (${formatCount(sealedContract.manifest.files.length, "file")}), in ${bundle.contractPath}`
      );
    }
    if (done !== null)
      info(
        `Signed by ${done.statement.signer}${done.attestation ? `; attestation ${done.attestation.url}` : ""}`
      );
    const signature = done === null || bundle.sigstoreBundlePath === null ? { signed: false, notice: signing.kind === "none" ? signing.notice : null } : {
      signed: true,
      signer: done.statement.signer,
      kind: done.statement.kind,
      bundlePath: bundle.sigstoreBundlePath,
      attestationUrl: done.attestation?.url ?? null
    };
    const uploaded = settings.upload ? await uploadSealed(settings.upload, artifact, bundle, env) : null;
    if (settings.cache) await cacheSealed(artifact, bundle, env);
    if (env.GITHUB_STEP_SUMMARY) {
      const hints = verifyStepHints(
        env,
        settings,
        artifact,
        workspace,
        uploaded !== null && settings.upload?.files === true ? uploaded.name : null
      );
      await summary.addRaw(
        renderSealMarkdown({
          artifact,
          bundle,
          build,
          ...hints,
          signature,
          contract: sealedContract?.manifest ?? null,
          image: image?.sealed ?? null
        })
      ).write();
    } else {
      debug("GITHUB_STEP_SUMMARY is not set: no job summary written");
    }
    setOutput(SealOutput.Digest, artifact.digest);
    setOutput(SealOutput.SubjectName, artifact.name);
    setOutput(
      SealOutput.FileCount,
      artifact.kind === "digest" ? "" : String(artifact.fileCount)
    );
    setOutput(SealOutput.Size, artifact.size === null ? "" : String(artifact.size));
    setOutput(SealOutput.ChecksumsPath, bundle.checksumsPath);
    setOutput(SealOutput.StatementPath, bundle.statementPath);
    setOutput(SealOutput.SealDir, bundle.dir);
    setOutput(SealOutput.ArtifactId, uploaded ? String(uploaded.id) : "");
    setOutput(SealOutput.ArtifactUrl, uploaded ? artifactUrl(uploaded, env) : "");
    setOutput(SealOutput.ArtifactDigest, uploaded?.digest ?? "");
    setOutput(SealOutput.BundlePath, bundle.sigstoreBundlePath ?? "");
    setOutput(
      SealOutput.AttestationId,
      done?.attestation?.id == null ? "" : String(done.attestation.id)
    );
    setOutput(SealOutput.AttestationUrl, done?.attestation?.url ?? "");
    setOutput(SealOutput.LeftOut, JSON.stringify(artifact.leftOut ?? []));
    setOutput(SealOutput.Signer, done?.statement.signer ?? "");
    setOutput(SealOutput.ContractDigest, sealedContract?.manifest.digest ?? "");
    setOutput(SealOutput.ContractVersion, sealedContract?.manifest.version ?? "");
    setOutput(SealOutput.ImageRef, image === null ? "" : imageRef(image.sealed));
  } catch (error2) {
    reportFailure(error2);
  } finally {
    pool?.close();
  }
});
var reportLeftOut = (function reportLeftOut(artifact) {
  const unused = artifact.unusedExclusions ?? [];
  if (unused.length > 0) {
    warning(
      `${SealInput.SubjectPath}: the exclusion${unused.length === 1 ? "" : "s"} ${unused.map((p) => quote(`!${p}`)).join(", ")} matched nothing. An exclusion is read relative to the workspace (or absolute), as the paths it excludes from are; fix it or remove it.`
    );
  }
  const leftOut = artifact.leftOut ?? [];
  if (leftOut.length === 0) return;
  const shown = leftOut.slice(0, 20).map((p) => quote(p));
  info(
    `Left out ${formatCount(leftOut.length, "hidden or secret-looking entry", "hidden or secret-looking entries")} (not sealed, not uploaded): ${shown.join(", ")}${leftOut.length > 20 ? ", \u2026" : ""}. Set ${SealInput.IncludeHiddenFiles}: true to seal them.`
  );
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



function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
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





// src/core/image/sealed-image.ts
var IMAGE_ANNOTATION = "artifact-seal.image";
function imageRef(image) {
  return `${image.name}@${image.digest}`;
}
function imageAnnotation(image) {
  return {
    reference: imageRef(image),
    ...image.tag === null ? {} : { tag: image.tag },
    mediaType: image.mediaType,
    platforms: image.platforms.map((child) => ({
      platform: child.platform,
      digest: child.descriptor.digest
    }))
  };
}
function withImageAnnotation(statement, image) {
  const [first, ...rest] = statement.subject;
  if (first === void 0) return statement;
  const annotated = {
    ...first,
    annotations: { ...first.annotations ?? {}, [IMAGE_ANNOTATION]: imageAnnotation(image) }
  };
  return { ...statement, subject: [annotated, ...rest] };
}

// src/app/settings/names.ts
var SigningInput = {
  Sign: "sign",
  SigningKey: "signing-key"
};
var SigningEnv = {
  KeyPassword: "ARTIFACT_SEAL_KEY_PASSWORD",
  CosignPassword: "COSIGN_PASSWORD",
  FulcioUrl: "ARTIFACT_SEAL_FULCIO_URL",
  RekorUrl: "ARTIFACT_SEAL_REKOR_URL",
  TsaUrl: "ARTIFACT_SEAL_TSA_URL"
};
var SignerInput = {
  SignedBy: "signed-by"
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
var SealOutput = {
  Digest: "digest",
  SubjectName: "subject-name",
  FileCount: "file-count",
  Size: "size",
  ChecksumsPath: "checksums-path",
  StatementPath: "statement-path",
  SealDir: "seal-dir",
  ArtifactId: "artifact-id",
  ArtifactUrl: "artifact-url",
  ArtifactDigest: "artifact-digest",
  BundlePath: "bundle-path",
  AttestationId: "attestation-id",
  AttestationUrl: "attestation-url",
  LeftOut: "left-out",
  Signer: "signer",
  ContractDigest: "contract-digest",
  ContractVersion: "contract-version",
  ImageRef: "image-ref"
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

// src/core/digest.ts
var HEX64 = /^[0-9a-f]{64}$/;




function shortDigest(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}
function parseDigest(value, what) {
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


// src/report/seal-report.ts



// src/report/seal-markdown.ts
var LISTING_LINES_SHOWN = 500;
var LEFT_OUT_SHOWN = 100;

function imageContent(image) {
  const from = image.tag === null ? "by digest" : `from the tag ${code(image.tag)}`;
  const kind = image.platforms.length === 0 ? "a single image" : `an index of ${image.platforms.map((p) => code(p.platform)).join(", ")}`;
  return `the image ${code(imageRef(image))}, ${kind}, resolved ${from}; its manifest's bytes proven in the registry`;
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


function checkSubjectKind(subject, expected, recorded, inputs) {
  if (recorded !== null && recorded.kind !== subject.kind) {
    const found = subject.kind === "file" ? "is one file" : `is a tree of ${plural(subject.fileCount, "file")}`;
    const fix = recorded.kind === "tree" ? "A file holding the tree's listing has the tree's digest, which is why the kinds are compared. Give the directory (or the patterns) that was sealed." : "Give the sealed file itself.";
    throw new SealError(
      "bad-input",
      `${inputs.subject}: ${recorded.source} says ${expected} sealed ${describeKind(recorded)}; ${quote(subject.display)} ${found}. ${fix}`
    );
  }
  if (subject.kind !== "file" || subject.file === null || subject.digest !== expected) return;
  const listing = readListingFile(subject.file);
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
}

function describeKind(recorded) {
  return recorded.kind === "tree" ? `a tree${recorded.fileCount === null ? "" : ` of ${plural(recorded.fileCount, "file")}`}` : "one file";
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// builtin:node:worker_threads
var loaded;
var builtin5 = () => loaded ??= __require("node:worker_threads");
function Worker(...args) {
  return new.target === void 0 ? builtin5().Worker.apply(this, args) : Reflect.construct(builtin5().Worker, args);
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
var loaded2;
var builtin6 = () => loaded2 ??= __require("node:fs/promises");
function open2(...args) {
  return new.target === void 0 ? builtin6().open.apply(this, args) : Reflect.construct(builtin6().open, args);
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

function readListingFile2(file, inputName) {
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

// src/stores/evidence/seal-bundle.ts


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

// builtin:node:stream/promises
var loaded3;
var builtin7 = () => loaded3 ??= __require("node:stream/promises");
function pipeline(...args) {
  return new.target === void 0 ? builtin7().pipeline.apply(this, args) : Reflect.construct(builtin7().pipeline, args);
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

function realOrResolved(p) {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

// src/stores/evidence/local-directory.ts
var LocalDirectoryStore = class {
  constructor(dir, inputName) {
    this.dir = dir;
    this.inputName = inputName;
  }
  dir;
  inputName;
  async putSealBundle(artifact, extras = {}) {
    const signed = extras.signed ?? null;
    const contract = extras.contract ?? null;
    const names = bundleFileNames(artifact.name);
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error2) {
      throw this.cannotWrite(this.dir, error2);
    }
    const files = [
      { final: join(this.dir, names.checksums), content: artifact.listing },
      {
        final: join(this.dir, names.statement),
        content: `${JSON.stringify(artifact.statement, null, 2)}
`
      },
      ...signed === null ? [] : [{ final: join(this.dir, names.sigstore), content: signed }],
      ...contract === null ? [] : [{ final: join(this.dir, names.contract), content: contract.manifestJson }],
      ...artifact.modes ? [{ final: join(this.dir, names.modes), content: artifact.modes }] : []
    ];
    if (!artifact.modes) removeQuietly(join(this.dir, names.modes));
    if (signed === null) removeQuietly(join(this.dir, names.sigstore));
    if (contract === null) {
      removeQuietly(join(this.dir, names.contract));
      removeQuietly(join(this.dir, names.contractDir));
    }
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    const contractDir = join(this.dir, names.contractDir);
    const renamed = [];
    try {
      for (const file of files) writeFileSync(file.final + suffix, file.content);
      if (contract !== null) {
        for (const file of contract.files) {
          const target = join(contractDir + suffix, ...file.path.split("/"));
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.bytes);
        }
        rmSync(contractDir, { recursive: true, force: true });
        renameSync(contractDir + suffix, contractDir);
        renamed.push(contractDir);
      }
      for (const file of files) {
        renameSync(file.final + suffix, file.final);
        renamed.push(file.final);
      }
    } catch (error2) {
      for (const leftover of [
        ...files.map((f) => f.final + suffix),
        contractDir + suffix,
        ...renamed
      ])
        removeQuietly(leftover);
      throw this.cannotWrite(this.dir, error2);
    }
    const at = (name) => files.some((f) => f.final === join(this.dir, name)) ? join(this.dir, name) : null;
    return {
      dir: this.dir,
      checksumsPath: files[0].final,
      statementPath: files[1].final,
      sigstoreBundlePath: at(names.sigstore),
      contractPath: at(names.contract),
      contractDir: contract === null ? null : contractDir,
      modesPath: at(names.modes)
    };
  }
  cannotWrite(target, error2) {
    const e = error2;
    return new SealError(
      "unreadable",
      `${this.inputName}: cannot write the seal bundle to ${quote(target)} (${e.code ?? e.message}). Give a directory ${words().reader} can write to.`,
      { cause: e }
    );
  }
};
function isInsideTree(dir, root) {
  return isInside(resolve(dir), resolve(root)) || isInside(realExisting(dir), realExisting(root));
}
function realExisting(p) {
  let existing = resolve(p);
  const rest = [];
  for (; ; ) {
    try {
      return join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(p);
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

// src/app/seal/seal-to-bundle.ts


// src/version.ts
var VERSION = "0.1.0";

// src/core/env.ts
var DEFAULT_SERVER_URL = "https://github.com";
var DEFAULT_API_URL = "https://api.github.com";

function apiUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_API_URL, DEFAULT_API_URL);
}


// src/app/settings/runner-environment.ts





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


// src/core/merge.ts
var PART_URI_PREFIX = "artifact-seal:part/";
var HEX642 = /^[0-9a-f]{64}$/;
var NAME_FIX = 'A part name is one directory name in the merged tree: not empty, no "/", not "." or "..", on one line.';
function checkPartName(name, where) {
  let problem = null;
  if (name === "") problem = "is empty";
  else if (name === "." || name === "..") problem = "is a relative directory";
  else if (name.includes("/")) problem = 'contains "/"';
  else if (name.includes("\\")) problem = 'contains "\\", which Windows reads as "/"';
  else if (/[\r\n]/.test(name)) problem = "contains a line break";
  else if (name.includes("\0")) problem = "contains a NUL character";
  if (problem !== null)
    throw new SealError(
      "bad-input",
      `${where}: the part name ${quote(name)} ${problem}. ${NAME_FIX}`
    );
}
function mergeListings(parts) {
  if (parts.length === 0)
    throw new SealError(
      "bad-input",
      "merge: no parts given. Give the seal bundle of each part to merge."
    );
  const seen = /* @__PURE__ */ new Set();
  let total = 0;
  for (const part of parts) {
    checkPartName(part.name, "merge");
    if (seen.has(part.name)) {
      throw new SealError(
        "bad-input",
        `part ${quote(part.name)}: the name is given twice. Give each part its own name, such as the matrix leg it was built on.`
      );
    }
    seen.add(part.name);
    if (part.entries.length === 0) {
      throw new SealError(
        "bad-input",
        `part ${quote(part.name)}: its listing has no entries. Give the checksums listing the part's seal wrote.`
      );
    }
    total += part.entries.length;
  }
  const merged = new Array(total);
  let at = 0;
  for (const part of parts) {
    for (const entry of part.entries) {
      const where = `part ${quote(part.name)}`;
      if (!HEX642.test(entry.hex)) {
        throw new SealError(
          "malformed",
          `${where}: the line for ${quote(entry.path)} has the digest ${quote(entry.hex)}, not 64 lowercase hex characters. Give the listing the seal wrote.`
        );
      }
      const path = `${part.name}/${entry.path}`;
      checkListingPath(path, where);
      merged[at++] = { path, hex: entry.hex };
    }
  }
  merged.sort((a, b) => compareUtf8(a.path, b.path));
  for (let i = 1; i < merged.length; i++) {
    const path = merged[i].path;
    if (merged[i - 1].path === path) {
      throw new SealError(
        "bad-input",
        `merge: the path ${quote(path)} comes from two parts or twice from one. Each file of the merged tree may appear once; give each part a distinct name.`
      );
    }
  }
  const listing = Buffer.from(formatListing(merged));
  return { listing, digest: digestOfListing(listing), fileCount: merged.length };
}
function partDigest(entries, kind) {
  if (kind === "file") {
    const only = entries[0];
    if (entries.length !== 1 || only === void 0)
      throw new SealError(
        "bad-input",
        `a listing of ${entries.length} files is not a single-file seal.`
      );
    return digestFromHex(only.hex);
  }
  return digestOfListing(formatListing(entries));
}
function mergedStatement(name, digest, parts, build) {
  const base = buildStatement([statementSubject(name, digest, true)], build);
  const definition = base.predicate.buildDefinition ?? {};
  const earlier = Array.isArray(definition.resolvedDependencies) ? definition.resolvedDependencies : [];
  const dependencies = parts.map((part) => {
    const hex = hexOf(part.digest);
    return {
      uri: `${PART_URI_PREFIX}${encodeURIComponent(part.name)}`,
      name: part.name,
      digest: part.kind === "tree" ? { sha256: hex, dirHash: hex } : { sha256: hex }
    };
  });
  return {
    ...base,
    predicate: {
      ...base.predicate,
      buildDefinition: { ...definition, resolvedDependencies: [...earlier, ...dependencies] }
    }
  };
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

// src/app/seal/merge-bundles.ts
async function mergeSealBundles(parts, options) {
  const { inputName } = options;
  if (parts.length === 0)
    throw new SealError(
      "bad-input",
      `${inputName}: no parts given. Give the seal bundle (its .sha256 listing) of each part to merge.`
    );
  const read2 = withExpectedDigests(parts, options).map((source) => readPart(source, inputName));
  const seen = /* @__PURE__ */ new Map();
  for (const part of read2) {
    const earlier = seen.get(part.name);
    if (earlier !== void 0) {
      throw new SealError(
        "bad-input",
        `${inputName}: the part name ${quote(part.name)} is given to both ${quote(earlier)} and ${quote(part.checksumsFile)}. Give each part its own name, as "<name>=<listing>".`
      );
    }
    seen.set(part.name, part.checksumsFile);
  }
  const names = bundleFileNames(options.name);
  const outputs = [
    resolve(options.outputDir, names.checksums),
    resolve(options.outputDir, names.statement)
  ];
  for (const part of read2) {
    const inputs = [
      part.checksumsFile,
      ...part.statementFile === null ? [] : [part.statementFile]
    ].map((f) => resolve(f));
    const clash = outputs.find((o) => inputs.includes(o));
    if (clash !== void 0) {
      throw new SealError(
        "bad-input",
        `${options.outputInputName ?? inputName}: the merged bundle would overwrite ${quote(clash)}, part ${quote(part.name)}'s own bundle. Give the merged seal another name or another output directory.`
      );
    }
  }
  const merged = mergeListings(read2.map((part) => ({ name: part.name, entries: part.entries })));
  const recorded = read2.map((part) => ({
    name: part.name,
    digest: part.digest,
    kind: part.kind
  }));
  const artifact = {
    name: options.name,
    digest: merged.digest,
    kind: "checksums",
    root: null,
    fileCount: merged.fileCount,
    size: null,
    summary: null,
    listing: merged.listing,
    statement: mergedStatement(options.name, merged.digest, recorded, options.build)
  };
  const finished = options.finish ? await options.finish(artifact) : { artifact, extras: {} };
  const bundle = await new LocalDirectoryStore(
    options.outputDir,
    options.outputInputName ?? inputName
  ).putSealBundle(finished.artifact, finished.extras);
  return {
    artifact: finished.artifact,
    bundle,
    parts: read2.map(({ name, digest, kind, entries, checksumsFile, statementFile }) => ({
      name,
      digest,
      kind,
      fileCount: entries.length,
      checksumsFile,
      statementFile
    }))
  };
}
function splitPartLine(line) {
  const eq = line.indexOf("=");
  return eq !== -1 && !line.slice(0, eq).includes("/") ? { name: line.slice(0, eq), given: line.slice(eq + 1) } : { given: line };
}
function isOnDisk(given, baseDir) {
  return existsSync(resolve(baseDir, given));
}
function partSourceFromArgument(arg, baseDir, inputName) {
  const eq = arg.indexOf("=");
  const named = eq !== -1 && !arg.slice(0, eq).includes("/");
  const name = named ? arg.slice(0, eq) : void 0;
  const given = named ? arg.slice(eq + 1) : arg;
  if (name === "")
    throw new SealError(
      "bad-input",
      `${inputName}: ${quote(arg)} has an empty name before "=". Write "<name>=<listing>", or leave out the "=".`
    );
  if (given === "")
    throw new SealError(
      "bad-input",
      `${inputName}: ${quote(arg)} names no listing after "=". Write "<name>=<listing>" with the part's .sha256 file or bundle directory.`
    );
  const abs = resolve(baseDir, given);
  const listings = listingsIn(
    abs,
    (why) => new SealError(
      "unreadable",
      `${inputName}: cannot read the directory ${quote(arg)} (${why}). Give a readable seal bundle directory.`
    )
  );
  const checksumsFile = listings === null ? abs : onlyListingIn(abs, listings, given, arg, inputName);
  return name === void 0 ? { checksumsFile } : { name, checksumsFile };
}
function onlyListingIn(dir, listings, given, arg, inputName) {
  const only = listings[0];
  if (only === void 0) {
    throw new SealError(
      "bad-input",
      `${inputName}: the directory ${quote(arg)} holds no *.sha256 listing. Give the directory a seal wrote its bundle to, or the listing itself.`
    );
  }
  if (listings.length > 1) {
    throw new SealError(
      "bad-input",
      `${inputName}: the directory ${quote(arg)} holds ${listings.length} listings (${listings.map(quote).join(", ")}). Give the one to merge: "<name>=${join(given, only)}".`
    );
  }
  return join(dir, only);
}
function withExpectedDigests(parts, options) {
  const expected = options.expectedDigests;
  if (expected === void 0 || expected.size === 0) return [...parts];
  const where = options.expectedDigestsInputName ?? options.inputName;
  const named = parts.map((source) => ({
    source,
    name: source.name ?? defaultPartName(source.checksumsFile)
  }));
  for (const name of expected.keys()) {
    if (!named.some((p) => p.name === name)) {
      const known = named.map((p) => p.name).filter((n) => n !== null);
      throw new SealError(
        "bad-input",
        `${where}: there is no part ${quote(name)} (the parts are ${known.map(quote).join(", ") || "unnamed"}). Give the digests of the parts being merged, by their names.`
      );
    }
  }
  return named.map(({ source, name }) => {
    const digest = name === null ? void 0 : expected.get(name);
    if (name === null || digest === void 0) return source;
    if (source.expectedDigest !== void 0 && source.expectedDigest !== digest) {
      throw new SealError(
        "bad-input",
        `${where}: part ${quote(name)} is expected to have both ${source.expectedDigest} and ${digest}. Give one digest per part.`
      );
    }
    return { ...source, expectedDigest: digest };
  });
}
function defaultPartName(checksumsFile) {
  const base = basename(checksumsFile);
  return base.endsWith(".sha256") && base.length > ".sha256".length ? base.slice(0, -".sha256".length) : null;
}
function readPart(source, inputName) {
  const file = source.checksumsFile;
  const name = source.name ?? defaultPartName(file);
  if (name === null) {
    throw new SealError(
      "bad-input",
      `${inputName}: cannot tell the part name of ${quote(file)}, which does not end in ".sha256". Name the part: "<name>=${file}".`
    );
  }
  checkPartName(name, `${inputName}: ${quote(file)}`);
  const entries = readListing(
    file,
    (why) => new SealError(
      "unreadable",
      `${inputName}: cannot read the listing of part ${quote(name)}, ${quote(file)}: ${why}. Give the .sha256 listing the part's seal wrote (its checksums-path output).`
    )
  );
  const statement = partStatement(file, entries, name, inputName);
  let kind = statement?.kind ?? null;
  let digest = statement?.digest ?? null;
  if (source.expectedDigest !== void 0) {
    const expected = source.expectedDigest;
    const describes = describesListing(entries, expected);
    if (describes === null || digest !== null && digest !== expected) {
      throw new SealError(
        "tampered",
        `${inputName}: part ${quote(name)} was expected to have the digest ${expected}, but ${quote(file)} is the listing of ${digest ?? listingDigests(entries)}. The listing belongs to another seal or was changed after sealing; give the bundle the part's seal wrote together with that digest.`
      );
    }
    kind = describes;
    digest = expected;
  }
  kind ??= "tree";
  return {
    name,
    entries,
    kind,
    digest: digest ?? partDigest(entries, kind),
    checksumsFile: file,
    statementFile: statement?.file ?? null
  };
}
function listingDigests(entries) {
  const tree = digestOfListing(formatListing(entries));
  const only = entries.length === 1 ? entries[0] : void 0;
  return only === void 0 ? tree : `${tree} (its one file: ${digestFromHex(only.hex)})`;
}
function partStatement(checksumsFile, entries, name, inputName) {
  const read2 = readStatementBeside(
    checksumsFile,
    (why, file2) => new SealError(
      "unreadable",
      `${inputName}: cannot read the statement of part ${quote(name)}, ${quote(file2)} (${why}). Make it readable, or remove it to merge the listing alone.`
    )
  );
  if (read2 === null) return null;
  const file = read2.file;
  const notAStatement = (why) => new SealError(
    "malformed",
    `${inputName}: ${quote(file)}, beside the listing of part ${quote(name)}, ${why}. Give the statement the part's seal wrote (an in-toto Statement v1 with one subject), or remove it to merge the listing alone.`
  );
  if (read2.notJson !== null) throw notAStatement(`is not JSON (${read2.notJson})`);
  const statement = read2.json;
  if (statement === null || typeof statement !== "object" || statement._type !== STATEMENT_TYPE) {
    throw notAStatement(`is not an in-toto statement (its _type is not ${quote(STATEMENT_TYPE)})`);
  }
  const subjects = statement.subject;
  if (!Array.isArray(subjects) || subjects.length !== 1) {
    throw notAStatement(`has ${Array.isArray(subjects) ? subjects.length : "no"} subjects`);
  }
  const subject = subjects[0];
  const sha256 = subject?.digest?.sha256;
  if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256))
    throw notAStatement("has no sha256 digest for its subject");
  const digest = digestFromHex(sha256);
  const kind = describesListing(entries, digest);
  const dirHash = subject?.digest?.dirHash ?? subject?.digest?.dirHash1;
  if (kind === null || dirHash !== void 0 && (kind !== "tree" || dirHash !== sha256)) {
    throw new SealError(
      "tampered",
      `${inputName}: the statement ${quote(file)} seals ${digest}${dirHash !== void 0 && dirHash !== sha256 ? ` (dirHash ${String(dirHash)})` : ""}, but the listing of part ${quote(name)}, ${quote(checksumsFile)}, is the listing of ${listingDigests(entries)}. The listing was changed after sealing or the two come from different seals; give the listing and the statement one seal wrote together.`
    );
  }
  return { file, digest, kind };
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

// src/app/settings/signing-settings.ts
var SIGN_MODES = ["auto", "keyless", "key", "none"];



// src/core/contract/manifest.ts
var CONTRACT_FORMAT = "artifact-seal/contract/v2";
var CONTRACT_FORMAT_V1 = "artifact-seal/contract/v1";
var CONTRACT_ANNOTATION = "artifact-seal.contract";
var UNVERSIONED = "unversioned";
function parseContractPatterns(text, inputName) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  return lines.map((line) => {
    const match = /^(produces|consumes):\s*(.+)$/.exec(line);
    const pattern = match ? match[2] : line;
    if (pattern.startsWith("/") || pattern.split("/").includes("..")) {
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(pattern)} leaves the artifact. Name contract files relative to the artifact's root, such as "openapi.yaml" or "schemas/*.json".`
      );
    }
    return { pattern, role: match ? match[1] : null };
  });
}
function contractVersion(given, detected, inputName) {
  if (given !== "") {
    if (!VERSION2.test(given))
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(given)} has spaces or control characters. Give a version such as "2.1.0".`
      );
    return { version: given, from: "contract-version" };
  }
  const openapi = detected.filter((d) => d.detected.kind === "openapi");
  const found = openapi.length === 1 ? openapi[0]?.detected.version : void 0;
  if (found !== void 0 && VERSION2.test(found)) return { version: found, from: "info.version" };
  const why = openapi.length > 1 ? `the contract has ${openapi.length} OpenAPI documents (${openapi.map((d) => quote(d.path)).join(", ")}), each with its own info.version` : openapi.length === 1 ? found === void 0 ? `the OpenAPI document ${quote(openapi[0]?.path ?? "")} has no info.version` : `the info.version ${quote(found)} of ${quote(openapi[0]?.path ?? "")} has spaces or control characters` : "the contract has no OpenAPI document whose info.version could be its version";
  throw new SealError(
    "bad-input",
    `${inputName}: required here: ${why}. Give the contract's version, such as "2.1.0", so a later gate can tell a major bump.`
  );
}
var VERSION2 = new RegExp(`^[^\\s${CONTROL_CHARACTERS}]+$`, "u");
var KINDS = [
  "openapi",
  "jsonschema",
  "graphql",
  "protobuf",
  "reference"
];
var OPENAPI_VERSIONS = ["2.0", "3.0", "3.1"];
var VERSION_SOURCES = ["info.version", "contract-version", "none"];
function buildManifest(version2, files) {
  const sorted = [...files].sort((a, b) => compareUtf8(a.path, b.path));
  return {
    format: CONTRACT_FORMAT,
    version: version2.version,
    versionFrom: version2.from,
    digest: contractDigest(version2, sorted),
    files: sorted
  };
}
function contractIdentityText(version2, files) {
  if (files.length === 0)
    throw new SealError(
      "bad-input",
      "No contract files: a contract digest needs at least one file."
    );
  if (!VERSION2.test(version2.version))
    throw new SealError(
      "bad-input",
      `contract: the version ${quote(version2.version)} has spaces or control characters. Give a version such as "2.1.0".`
    );
  const seen = /* @__PURE__ */ new Set();
  const lines = [...files].sort((a, b) => compareUtf8(a.path, b.path)).map((file) => {
    checkListingPath(file.path, "contract");
    if (seen.has(file.path))
      throw new SealError(
        "malformed",
        `contract: the file ${quote(file.path)} is named twice. Name each contract file once.`
      );
    seen.add(file.path);
    if (!/^[0-9a-f]{64}$/.test(file.sha256))
      throw new SealError(
        "malformed",
        `contract: the sha256 of ${quote(file.path)} is ${quote(file.sha256)}, not 64 lowercase hex digits.`
      );
    return `${file.sha256} ${file.kind} ${file.openapiVersion ?? "-"} ${file.role ?? "-"}  ${file.path}
`;
  });
  return `${CONTRACT_FORMAT}
version ${version2.version} ${version2.from}
${lines.join("")}`;
}
function contractDigest(version2, files) {
  return digestOfListing(contractIdentityText(version2, files));
}
function parseManifest(text, source) {
  const fail = (detail) => {
    throw new SealError(
      "malformed",
      `${source}: ${detail}. Give the contract manifest the seal wrote (<name>.contract.json in the seal bundle).`
    );
  };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("is not JSON");
  }
  const m = value;
  if (m === null || typeof m !== "object" || Array.isArray(m))
    return fail("is not a contract manifest");
  if (m.format === CONTRACT_FORMAT_V1) {
    throw new SealError(
      "outdated",
      `${source}: was written by an earlier artifact-seal (format ${quote(CONTRACT_FORMAT_V1)}), whose contract digest covers the files' bytes but not their kinds, the JSON Schema roles or the version, so nothing it says beyond the bytes can be trusted. Seal the artifact again with this artifact-seal; to compare by hand, point "artifact-seal contract diff" at the files in its .contract/ directory.`
    );
  }
  if (m.format !== CONTRACT_FORMAT)
    return fail(`is not a contract manifest (format is not ${quote(CONTRACT_FORMAT)})`);
  const unknown = Object.keys(m).filter(
    (k) => !["format", "version", "versionFrom", "digest", "files"].includes(k)
  );
  if (unknown.length > 0)
    return fail(`has fields a seal does not write (${unknown.map((k) => quote(k)).join(", ")})`);
  if (typeof m.version !== "string" || !VERSION2.test(m.version))
    return fail("has no version, or one with spaces or control characters");
  if (!VERSION_SOURCES.includes(m.versionFrom))
    return fail(
      `says its version comes from ${quote(String(m.versionFrom))}, not one of ${VERSION_SOURCES.join(", ")}`
    );
  if (!Array.isArray(m.files) || m.files.length === 0) return fail("lists no files");
  const files = m.files.map(
    (f, i) => {
      const at = `file ${i + 1}`;
      if (f === null || typeof f !== "object" || Array.isArray(f) || typeof f.path !== "string")
        return fail(`${at} lacks its path`);
      const extra = Object.keys(f).filter(
        (k) => !["path", "kind", "sha256", "role", "openapiVersion"].includes(k)
      );
      if (extra.length > 0)
        return fail(
          `${at} has fields a seal does not write (${extra.map((k) => quote(k)).join(", ")})`
        );
      try {
        checkListingPath(f.path, `${source}: ${at}`);
      } catch (error2) {
        return fail(
          `${at} has the path ${quote(f.path)}, which is not a relative path inside the artifact (${messageOf(error2)})`
        );
      }
      if (typeof f.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(f.sha256))
        return fail(`${at} (${quote(f.path)}) has no sha256 of 64 lowercase hex digits`);
      const kind = f.kind;
      if (!KINDS.includes(kind))
        return fail(
          `${at} (${quote(f.path)}) has the kind ${quote(String(f.kind))}, not one of ${KINDS.join(", ")}`
        );
      const openapiVersion = f.openapiVersion ?? null;
      if (kind === "openapi" ? !OPENAPI_VERSIONS.includes(openapiVersion) : openapiVersion !== null) {
        return fail(
          `${at} (${quote(f.path)}) has the openapiVersion ${quote(String(openapiVersion))}; an OpenAPI document has one of ${OPENAPI_VERSIONS.join(", ")}, any other file null`
        );
      }
      const role = f.role ?? null;
      if (kind === "jsonschema" ? role !== "produces" && role !== "consumes" : role !== null) {
        return fail(
          `${at} (${quote(f.path)}) has the role ${quote(String(role))}; a JSON Schema is "produces" or "consumes", any other file null`
        );
      }
      return {
        path: f.path,
        kind,
        sha256: f.sha256,
        role,
        openapiVersion
      };
    }
  );
  if (files.every((f) => f.kind === "reference"))
    return fail("names no contract file, only files referred to");
  let digest;
  try {
    digest = parseDigest(String(m.digest), "digest");
  } catch {
    return fail(`its digest ${quote(String(m.digest))} is not "sha256:<hex>"`);
  }
  let manifest;
  try {
    manifest = buildManifest({ version: m.version, from: m.versionFrom }, files);
  } catch (error2) {
    if (!(error2 instanceof SealError)) throw error2;
    return fail(error2.message);
  }
  if (manifest.digest !== digest)
    return fail(
      `says its digest is ${digest}, but what it says makes ${manifest.digest}: it was edited`
    );
  return manifest;
}

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




// src/actions/seal/settings.ts

var PART_DIGEST = /@(sha256:[0-9a-fA-F]{64})$/;
function readParts(text, workspace) {
  const parts = [];
  const artifacts = [];
  const partDigests = /* @__PURE__ */ new Map();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const pinned = PART_DIGEST.exec(line);
    const unpinned = pinned ? line.slice(0, pinned.index) : line;
    const { name, given } = splitPartLine(unpinned);
    if (!isOnDisk(given, workspace)) {
      if (name === "" || given === "")
        throw new SealError(
          "bad-input",
          `${SealInput.SubjectParts} (line ${index + 1}): ${quote(line)} names ${name === "" ? 'no part before "="' : 'no artifact after "="'}. Write "<part>=<workflow artifact name>", or a bundle directory.`
        );
      artifacts.push({ ...name === void 0 ? {} : { name }, artifact: given });
    }
    const source = isOnDisk(given, workspace) ? partSourceFromArgument(unpinned, workspace, SealInput.SubjectParts) : { name };
    if (pinned) {
      if (source.name === void 0) {
        throw new SealError(
          "bad-input",
          `${SealInput.SubjectParts} (line ${index + 1}): ${quote(line)} pins a digest to a part without a name. Write "<part>=<listing>@${pinned[1]}".`
        );
      }
      if (partDigests.has(source.name))
        throw new SealError(
          "bad-input",
          `${SealInput.SubjectParts} (line ${index + 1}): the part ${quote(source.name)} is pinned twice. Give each part once.`
        );
      partDigests.set(
        source.name,
        parseDigest(pinned[1], `${SealInput.SubjectParts} (line ${index + 1})`)
      );
    }
    if (isOnDisk(given, workspace)) parts.push(source);
  });
  return { kind: "parts", parts, artifacts, partDigests };
}
var VERSION_LINE = /^version:\s*(.*)$/;

var UPLOAD_MODES = {
  "": null,
  false: null,
  true: "files",
  seal: "seal"
};


// src/actions/seal/verify-hints.ts


// src/attestation/oidc-token.ts
var SIGSTORE_AUDIENCE = "sigstore";
var ID_TOKEN_PERMISSION = "permissions: id-token: write";
function decodeOidcClaims(token) {
  const payload = token.split(".")[1];
  let claims;
  try {
    claims = payload === void 0 ? void 0 : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    claims = void 0;
  }
  const c = claims;
  if (typeof c !== "object" || c === null || typeof c.iss !== "string" || typeof c.sub !== "string") {
    throw new SealError(
      "unavailable",
      `The OIDC token the runner returned is not a JWT with "iss" and "sub" claims, so it cannot identify the job to Fulcio. Re-run the job; if it persists, the runner's token service is misbehaving.`
    );
  }
  return c;
}
function endpointOf(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}

async function commandsToStderrFromCli(work) {
  if (words().caller !== "cli") return work();
  const write2 = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr);
  try {
    return await work();
  } finally {
    process.stdout.write = write2;
  }
}

// src/app/signature/signing.ts



// src/actions/seal/run.ts


async function resolveSealedImage(reference2, token, plainHttp, env) {
  const { openImageRegistry } = await import("../chunks/open-registry-HYOQG2GN.js");
  const { resolveImage } = await import("../chunks/resolve-image-57TTYEMA.js");
  const registry = openImageRegistry(env, token, { insecureRegistries: plainHttp });
  const sealed = await resolveImage(reference2, registry);
  info(`${formatReference(reference2)} names ${sealed.digest} (${sealed.mediaType})`);
  for (const child of sealed.platforms) info(`  ${child.platform}: ${child.descriptor.digest}`);
  return { sealed, registry };
}
async function attachSeal(image, reference2, statement) {
  const attached = await image.registry.attachBundle(
    reference2,
    image.sealed.digest,
    Buffer.from(statement.json)
  );
  info(
    `Attached the signed seal to ${imageRef(image.sealed)} as ${attached.manifest}, ` + (attached.via === "referrers-api" ? "listed by the registry's referrers API" : `listed under the fallback tag ${attached.tag ?? ""} (the registry has no referrers API)`)
  );
}
function defaultArtifactName(artifact) {
  return `${fileSafeName(artifact.name)}-sealed`;
}
function artifactUrl(uploaded, env) {
  return `${serverUrlOf(env)}/${env.GITHUB_REPOSITORY ?? ""}/actions/runs/${env.GITHUB_RUN_ID ?? ""}/artifacts/${uploaded.id}`;
}
async function uploadSealed(upload, artifact, bundle, env) {
  const name = upload.name ?? defaultArtifactName(artifact);
  const files = upload.files && artifact.root !== null ? { root: artifact.root, paths: listedPaths(artifact) } : null;
  const { WorkflowArtifactStore } = await import("../chunks/workflow-artifact-QSGWST2R.js");
  const uploaded = await new WorkflowArtifactStore({ env }).upload({
    name,
    bundle,
    files,
    ...upload.retentionDays !== null ? { retentionDays: upload.retentionDays } : {}
  });
  const what = files ? `the seal bundle and ${formatCount(files.paths.length, "file")}` : "the seal bundle";
  if (uploaded.reused)
    info(
      `The workflow artifact ${name} (id ${uploaded.id}) already holds this seal, uploaded by an earlier attempt of this job: nothing to upload again`
    );
  else
    info(
      `Uploaded the workflow artifact ${name} (id ${uploaded.id}, ${formatBytes(uploaded.size)}, ${what})`
    );
  const asked = upload.retentionDays;
  if (uploaded.retentionDays !== null) {
    const capped = asked !== null && uploaded.retentionDays < asked;
    const kept = `GitHub keeps it ${formatCount(uploaded.retentionDays, "day")}`;
    if (capped)
      warning(
        `${SealInput.RetentionDays}: ${asked} days asked, but the repository allows at most ${uploaded.retentionLimit}: ${kept}. Raise the limit in the repository's (or organization's) Actions settings to keep it longer.`
      );
    else
      info(
        `${kept}${asked === null ? ` (the repository's setting)` : ""}; a rollback after that needs the cache entry (evicted after 7 days unused) or a new seal.`
      );
  }
  return uploaded;
}
async function cacheSealed(artifact, bundle, env) {
  if (artifact.root === null) return;
  const { ActionsCacheStore } = await import("../chunks/actions-cache-PWFV4LVS.js");
  const store = new ActionsCacheStore({
    env,
    inputName: SealInput.Cache,
    log: { info: (m) => info(m), warning: (m) => warning(m) }
  });
  await store.save({
    digest: artifact.digest,
    root: artifact.root,
    paths: listedPaths(artifact),
    listing: artifact.listing,
    bundle
  });
}
function listedPaths(artifact) {
  return parseListing(artifact.listing.toString("utf8"), "the sealed listing").map((e) => e.path);
}
async function signAndStore(signing, mode, artifact, token, env) {
  const statement = await signing.sign(artifact.statement);
  if (statement.kind !== "keyless" || !env.GITHUB_REPOSITORY)
    return { statement, attestation: null };
  const { storeAttestation } = await import("../chunks/attestations-api-WSN7BLYZ.js");
  try {
    return {
      statement,
      attestation: await storeAttestation(statement.bundle, {
        env,
        token,
        tokenInput: SealInput.GitHubToken
      })
    };
  } catch (error2) {
    if (!(error2 instanceof SealError) || mode !== "auto") throw error2;
    warning(
      `The seal is signed (${statement.signer}), but the signature was not stored in the repository's attestations: ${error2.message}`
    );
    return { statement, attestation: null };
  }
}
async function mergeParts(subject, settings, build, env, workspace, defaultParent, finish) {
  const name = settings.name || fallbackName(env, workspace);
  let fetched = [];
  if (subject.artifacts.length > 0) {
    const { fetchArtifactParts } = await import("../chunks/fetch-parts-SYF6R5BP.js");
    fetched = await fetchArtifactParts(subject.artifacts, {
      env,
      parent: join(defaultParent, "downloads"),
      inputName: SealInput.SubjectParts,
      seal: { build },
      log: (m) => info(m)
    });
  }
  const withoutFiles = [
    ...subject.parts.map((p) => p.name ?? p.checksumsFile),
    ...fetched.filter((f) => f.filesDir === null).map((f) => f.artifact)
  ];
  if ((settings.upload?.files || settings.cache) && withoutFiles.length > 0) {
    const input = settings.upload?.files ? SealInput.Upload : SealInput.Cache;
    throw new SealError(
      "bad-input",
      `${input}: the parts ${withoutFiles.map(quote).join(", ")} bring no files (a bundle directory, or an artifact of the bundle alone), so the merged seal has none to carry. Name each part by the workflow artifact its leg uploaded with its files, or remove ${input}.`
    );
  }
  const merged = await mergeSealBundles([...subject.parts, ...fetched.map((f) => f.source)], {
    name,
    build,
    outputDir: join(defaultParent, fileSafeName(name)),
    inputName: SealInput.SubjectParts,
    outputInputName: SealInput.SubjectName,
    expectedDigests: subject.partDigests,
    expectedDigestsInputName: SealInput.SubjectParts,
    finish
  });
  const filesByListing = new Map(fetched.map((f) => [f.source.checksumsFile, f.filesDir]));
  const laidOut = merged.parts.map((part) => ({
    name: part.name,
    filesDir: filesByListing.get(part.checksumsFile) ?? null
  }));
  if (laidOut.every((p) => p.filesDir !== null)) {
    const { layOutParts } = await import("../chunks/fetch-parts-SYF6R5BP.js");
    const root = layOutParts(laidOut, join(defaultParent, "downloads"));
    for (const part of merged.parts)
      info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, "file")})`);
    return { ...merged, artifact: { ...merged.artifact, root } };
  }
  for (const part of merged.parts)
    info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, "file")})`);
  return merged;
}
export {
  CONTRACT_ANNOTATION as m10$CONTRACT_ANNOTATION,
  CONTRACT_FORMAT as m10$CONTRACT_FORMAT,
  CONTRACT_FORMAT_V1 as m10$CONTRACT_FORMAT_V1,
  UNVERSIONED as m10$UNVERSIONED,
  buildManifest as m10$buildManifest,
  contractDigest as m10$contractDigest,
  contractIdentityText as m10$contractIdentityText,
  contractVersion as m10$contractVersion,
  parseContractPatterns as m10$parseContractPatterns,
  parseManifest as m10$parseManifest,
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
  readListingFile as m17$readListingFile,
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
  CURVES as m26$CURVES,
  GENERATE_HINT as m26$GENERATE_HINT,
  PRIVATE_LABELS as m26$PRIVATE_LABELS,
  PUBLIC_LABELS as m26$PUBLIC_LABELS,
  SUPPORTED_KEYS as m26$SUPPORTED_KEYS,
  algorithmOf as m26$algorithmOf,
  bodyBytes as m26$bodyBytes,
  keyHint as m26$keyHint,
  looksLikePem as m26$looksLikePem,
  material as m26$material,
  normalize2 as m26$normalize,
  notPem as m26$notPem,
  pemBlocks as m26$pemBlocks,
  readPublicKey as m26$readPublicKey,
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
  artifactUrl as m4$artifactUrl,
  defaultArtifactName as m4$defaultArtifactName,
  run as m4$run
};
