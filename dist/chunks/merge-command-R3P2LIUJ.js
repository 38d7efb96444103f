import {
  LocalDirectoryStore,
  renderMergeText
} from "./chunk-6OT3UIFZ.js";
import "./chunk-LYSN4LFY.js";
import {
  buildContextFromEnv
} from "./chunk-ATCQMFML.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import {
  STATEMENT_TYPE,
  buildStatement,
  statementSubject
} from "./chunk-X5XFE3KV.js";
import "./chunk-HCENANLJ.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-BXUFWVSN.js";
import {
  listingsIn,
  readListing,
  readStatementBeside
} from "./chunk-YOF4W5VX.js";
import {
  bundleFileNames,
  fileSafeName
} from "./chunk-4WMSIVT4.js";
import {
  checkListingPath,
  compareUtf8,
  describesListing,
  digestOfListing,
  formatListing
} from "./chunk-3JZVAEQI.js";
import {
  digestFromHex,
  hexOf
} from "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-M6ACESL2.js";
import "./chunk-VF62UBY7.js";
import {
  basename,
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/core/merge.ts
var PART_URI_PREFIX = "artifact-seal:part/";
var HEX64 = /^[0-9a-f]{64}$/;
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
      if (!HEX64.test(entry.hex)) {
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

// src/app/seal/merge-bundles.ts
async function mergeSealBundles(parts, options) {
  const { inputName } = options;
  if (parts.length === 0)
    throw new SealError(
      "bad-input",
      `${inputName}: no parts given. Give the seal bundle (its .sha256 listing) of each part to merge.`
    );
  const read = withExpectedDigests(parts, options).map((source) => readPart(source, inputName));
  const seen = /* @__PURE__ */ new Map();
  for (const part of read) {
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
  for (const part of read) {
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
  const merged = mergeListings(read.map((part) => ({ name: part.name, entries: part.entries })));
  const recorded = read.map((part) => ({
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
    parts: read.map(({ name, digest, kind, entries, checksumsFile, statementFile }) => ({
      name,
      digest,
      kind,
      fileCount: entries.length,
      checksumsFile,
      statementFile
    }))
  };
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
  const read = readStatementBeside(
    checksumsFile,
    (why, file2) => new SealError(
      "unreadable",
      `${inputName}: cannot read the statement of part ${quote(name)}, ${quote(file2)} (${why}). Make it readable, or remove it to merge the listing alone.`
    )
  );
  if (read === null) return null;
  const file = read.file;
  const notAStatement = (why) => new SealError(
    "malformed",
    `${inputName}: ${quote(file)}, beside the listing of part ${quote(name)}, ${why}. Give the statement the part's seal wrote (an in-toto Statement v1 with one subject), or remove it to merge the listing alone.`
  );
  if (read.notJson !== null) throw notAStatement(`is not JSON (${read.notJson})`);
  const statement = read.json;
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

// src/cli/merge-command.ts
var MERGE_USAGE = `Usage: artifact-seal merge <part...> --subject-name NAME [--out DIR] [--json]

Merges the seal bundles of several parts (the legs of a matrix build) into one seal
whose digest covers them all. The merged listing holds every part's files under a
directory named after the part, so its digest is the digest of a tree laid out as
<part>/<files>, and "sha256sum -c" of it passes in that tree. Each part's listing is
checked against the statement beside it before anything is written.

  <part...>     NAME=FILE.sha256  a part's listing, and the part's name
                FILE.sha256       the same, named after the file (linux.sha256: linux)
                DIR               the directory holding a part's bundle (one *.sha256)
                NAME=DIR          the same, with the part's name
  --subject-name NAME   the merged artifact's name (required)
  --out DIR     where the merged seal bundle goes (default: .seal/<name> here)
  --json        print the result as JSON instead of a summary
  -h, --help    show this help`;
var spec = {
  name: "merge",
  usage: MERGE_USAGE,
  allowPositionals: true,
  options: {
    "subject-name": { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" }
  }
};
var ARGUMENT = "merge <part...>";
async function mergeCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${MERGE_USAGE}
`);
    return 0;
  }
  const name = requireValue("subject-name", values["subject-name"]);
  if (name === void 0)
    throw new SealError(
      "usage",
      `merge: --subject-name is required: the name of the merged artifact, such as "release".

${MERGE_USAGE}`
    );
  if (positionals.length === 0)
    throw new SealError(
      "usage",
      `merge: give the seal bundle of each part to merge.

${MERGE_USAGE}`
    );
  const out = requireValue("out", values.out);
  const cwd = terminal.cwd;
  const build = buildContextFromEnv(terminal.env);
  const parts = positionals.map((arg) => partSourceFromArgument(arg, cwd, ARGUMENT));
  const {
    artifact,
    bundle,
    parts: merged
  } = await mergeSealBundles(parts, {
    name,
    build,
    outputDir: out ? resolve(cwd, out) : join(cwd, ".seal", fileSafeName(name)),
    inputName: ARGUMENT,
    outputInputName: "--out"
  });
  if (values.json) {
    const result = {
      digest: artifact.digest,
      name: artifact.name,
      fileCount: artifact.fileCount,
      checksumsPath: bundle.checksumsPath,
      statementPath: bundle.statementPath,
      sealDir: bundle.dir,
      parts: merged.map((p) => ({
        name: p.name,
        digest: p.digest,
        kind: p.kind,
        fileCount: p.fileCount,
        checksumsPath: p.checksumsFile,
        statementPath: p.statementFile
      }))
    };
    printJson(terminal, result);
    return 0;
  }
  terminal.out(renderMergeText(artifact, bundle, build, merged));
  return 0;
}
export {
  MERGE_USAGE,
  mergeCommand
};
