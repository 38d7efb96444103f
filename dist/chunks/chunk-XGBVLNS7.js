import {
  STATEMENT_TYPE,
  buildStatement,
  statementSubject
} from "./chunk-2YME2WUQ.js";
import {
  checkListingPath,
  compareUtf8,
  describesListing,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-MFKOXDAX.js";
import {
  digestFromHex,
  hexOf
} from "./chunk-CGOBM355.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";
import {
  basename,
  dirname,
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "./chunk-OJKZS7ZI.js";
import {
  randomBytes
} from "./chunk-VF62UBY7.js";

// src/stores/evidence/seal-bundle.ts
function fileSafeName(name) {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return safe === "" ? "artifact" : safe;
}
function bundleFileNames(name) {
  const base = fileSafeName(name);
  return { checksums: `${base}.sha256`, statement: `${base}.intoto.json`, sigstore: `${base}.sigstore.json`, contract: `${base}.contract.json`, contractDir: `${base}.contract` };
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
  if (problem !== null) throw new SealError(`${where}: the part name ${quote(name)} ${problem}. ${NAME_FIX}`);
}
function mergeListings(parts) {
  if (parts.length === 0) throw new SealError("merge: no parts given. Give the seal bundle of each part to merge.");
  const seen = /* @__PURE__ */ new Set();
  let total = 0;
  for (const part of parts) {
    checkPartName(part.name, "merge");
    if (seen.has(part.name)) {
      throw new SealError(`part ${quote(part.name)}: the name is given twice. Give each part its own name, such as the matrix leg it was built on.`);
    }
    seen.add(part.name);
    if (part.entries.length === 0) {
      throw new SealError(`part ${quote(part.name)}: its listing has no entries. Give the checksums listing the part's seal wrote.`);
    }
    total += part.entries.length;
  }
  const merged = new Array(total);
  let at = 0;
  for (const part of parts) {
    for (const entry of part.entries) {
      const where = `part ${quote(part.name)}`;
      if (!HEX64.test(entry.hex)) {
        throw new SealError(`${where}: the line for ${quote(entry.path)} has the digest ${quote(entry.hex)}, not 64 lowercase hex characters. Give the listing the seal wrote.`);
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
      throw new SealError(`merge: the path ${quote(path)} comes from two parts or twice from one. Each file of the merged tree may appear once; give each part a distinct name.`);
    }
  }
  const listing = Buffer.from(formatListing(merged));
  return { listing, digest: digestOfListing(listing), fileCount: merged.length };
}
function partDigest(entries, kind) {
  if (kind === "file") {
    const only = entries[0];
    if (entries.length !== 1 || only === void 0) throw new SealError(`a listing of ${entries.length} files is not a single-file seal.`);
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
    predicate: { ...base.predicate, buildDefinition: { ...definition, resolvedDependencies: [...earlier, ...dependencies] } }
  };
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
    } catch (error) {
      throw this.cannotWrite(this.dir, error);
    }
    const files = [
      { final: join(this.dir, names.checksums), content: artifact.listing },
      { final: join(this.dir, names.statement), content: `${JSON.stringify(artifact.statement, null, 2)}
` },
      ...signed === null ? [] : [{ final: join(this.dir, names.sigstore), content: signed }],
      ...contract === null ? [] : [{ final: join(this.dir, names.contract), content: contract.manifestJson }]
    ];
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
    } catch (error) {
      for (const leftover of [...files.map((f) => f.final + suffix), contractDir + suffix, ...renamed]) removeQuietly(leftover);
      throw this.cannotWrite(this.dir, error);
    }
    const at = (name) => files.some((f) => f.final === join(this.dir, name)) ? join(this.dir, name) : null;
    return {
      dir: this.dir,
      checksumsPath: files[0].final,
      statementPath: files[1].final,
      sigstoreBundlePath: at(names.sigstore),
      contractPath: at(names.contract),
      contractDir: contract === null ? null : contractDir
    };
  }
  cannotWrite(target, error) {
    const e = error;
    return new SealError(
      `${this.inputName}: cannot write the seal bundle to ${quote(target)} (${e.code ?? e.message}). Give a directory the runner can write to.`
    );
  }
};
function removeQuietly(target) {
  try {
    rmSync(target, { recursive: true, force: true });
  } catch {
  }
}

// src/app/merge-bundles.ts
async function mergeSealBundles(parts, options) {
  const { inputName } = options;
  if (parts.length === 0) throw new SealError(`${inputName}: no parts given. Give the seal bundle (its .sha256 listing) of each part to merge.`);
  const read = withExpectedDigests(parts, options).map((source) => readPart(source, inputName));
  const seen = /* @__PURE__ */ new Map();
  for (const part of read) {
    const earlier = seen.get(part.name);
    if (earlier !== void 0) {
      throw new SealError(
        `${inputName}: the part name ${quote(part.name)} is given to both ${quote(earlier)} and ${quote(part.checksumsFile)}. Give each part its own name, as "<name>=<listing>".`
      );
    }
    seen.set(part.name, part.checksumsFile);
  }
  const names = bundleFileNames(options.name);
  const outputs = [resolve(options.outputDir, names.checksums), resolve(options.outputDir, names.statement)];
  for (const part of read) {
    const inputs = [part.checksumsFile, ...part.statementFile === null ? [] : [part.statementFile]].map((f) => resolve(f));
    const clash = outputs.find((o) => inputs.includes(o));
    if (clash !== void 0) {
      throw new SealError(
        `${options.outputInputName ?? inputName}: the merged bundle would overwrite ${quote(clash)}, part ${quote(part.name)}'s own bundle. Give the merged seal another name or another output directory.`
      );
    }
  }
  const merged = mergeListings(read.map((part) => ({ name: part.name, entries: part.entries })));
  const recorded = read.map((part) => ({ name: part.name, digest: part.digest, kind: part.kind }));
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
  const bundle = await new LocalDirectoryStore(options.outputDir, options.outputInputName ?? inputName).putSealBundle(finished.artifact, finished.extras);
  return {
    artifact: finished.artifact,
    bundle,
    parts: read.map(({ name, digest, kind, entries, checksumsFile, statementFile }) => ({ name, digest, kind, fileCount: entries.length, checksumsFile, statementFile }))
  };
}
function partSourceFromArgument(arg, baseDir, inputName) {
  const eq = arg.indexOf("=");
  const named = eq !== -1 && !arg.slice(0, eq).includes("/");
  const name = named ? arg.slice(0, eq) : void 0;
  const given = named ? arg.slice(eq + 1) : arg;
  if (name === "") throw new SealError(`${inputName}: ${quote(arg)} has an empty name before "=". Write "<name>=<listing>", or leave out the "=".`);
  if (given === "") throw new SealError(`${inputName}: ${quote(arg)} names no listing after "=". Write "<name>=<listing>" with the part's .sha256 file or bundle directory.`);
  const abs = resolve(baseDir, given);
  let isDirectory = false;
  try {
    isDirectory = statSync(abs).isDirectory();
  } catch {
  }
  const checksumsFile = isDirectory ? onlyListingIn(abs, given, arg, inputName) : abs;
  return name === void 0 ? { checksumsFile } : { name, checksumsFile };
}
function onlyListingIn(dir, given, arg, inputName) {
  let listings;
  try {
    listings = readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith(".sha256") && !e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    throw new SealError(`${inputName}: cannot read the directory ${quote(arg)} (${error.code ?? String(error)}). Give a readable seal bundle directory.`);
  }
  const only = listings[0];
  if (only === void 0) {
    throw new SealError(`${inputName}: the directory ${quote(arg)} holds no *.sha256 listing. Give the directory a seal wrote its bundle to, or the listing itself.`);
  }
  if (listings.length > 1) {
    throw new SealError(
      `${inputName}: the directory ${quote(arg)} holds ${listings.length} listings (${listings.map(quote).join(", ")}). Give the one to merge: "<name>=${join(given, only)}".`
    );
  }
  return join(dir, only);
}
function withExpectedDigests(parts, options) {
  const expected = options.expectedDigests;
  if (expected === void 0 || expected.size === 0) return [...parts];
  const where = options.expectedDigestsInputName ?? options.inputName;
  const named = parts.map((source) => ({ source, name: source.name ?? defaultPartName(source.checksumsFile) }));
  for (const name of expected.keys()) {
    if (!named.some((p) => p.name === name)) {
      const known = named.map((p) => p.name).filter((n) => n !== null);
      throw new SealError(`${where}: there is no part ${quote(name)} (the parts are ${known.map(quote).join(", ") || "unnamed"}). Give the digests of the parts being merged, by their names.`);
    }
  }
  return named.map(({ source, name }) => {
    const digest = name === null ? void 0 : expected.get(name);
    if (name === null || digest === void 0) return source;
    if (source.expectedDigest !== void 0 && source.expectedDigest !== digest) {
      throw new SealError(`${where}: part ${quote(name)} is expected to have both ${source.expectedDigest} and ${digest}. Give one digest per part.`);
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
    throw new SealError(`${inputName}: cannot tell the part name of ${quote(file)}, which does not end in ".sha256". Name the part: "<name>=${file}".`);
  }
  checkPartName(name, `${inputName}: ${quote(file)}`);
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const e = error;
    const why = e.code === "ENOENT" ? "it does not exist" : e.code === "EISDIR" ? "it is a directory" : e.code ?? e.message;
    throw new SealError(
      `${inputName}: cannot read the listing of part ${quote(name)}, ${quote(file)}: ${why}. Give the .sha256 listing the part's seal wrote (its checksums-path output).`
    );
  }
  const entries = parseListing(text, file);
  const statement = readStatementBeside(file, entries, name, inputName);
  let kind = statement?.kind ?? null;
  let digest = statement?.digest ?? null;
  if (source.expectedDigest !== void 0) {
    const expected = source.expectedDigest;
    const describes = describesListing(entries, expected);
    if (describes === null || digest !== null && digest !== expected) {
      throw new SealError(
        `${inputName}: part ${quote(name)} was expected to have the digest ${expected}, but ${quote(file)} is the listing of ${digest ?? listingDigests(entries)}. The listing belongs to another seal or was changed after sealing; give the bundle the part's seal wrote together with that digest.`
      );
    }
    kind = describes;
    digest = expected;
  }
  kind ??= "tree";
  return { name, entries, kind, digest: digest ?? partDigest(entries, kind), checksumsFile: file, statementFile: statement?.file ?? null };
}
function listingDigests(entries) {
  const tree = digestOfListing(formatListing(entries));
  const only = entries.length === 1 ? entries[0] : void 0;
  return only === void 0 ? tree : `${tree} (its one file: ${digestFromHex(only.hex)})`;
}
function readStatementBeside(checksumsFile, entries, name, inputName) {
  const file = statementBeside(checksumsFile);
  if (file === null) return null;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const e = error;
    if (e.code === "ENOENT") return null;
    throw new SealError(`${inputName}: cannot read the statement of part ${quote(name)}, ${quote(file)} (${e.code ?? e.message}). Make it readable, or remove it to merge the listing alone.`);
  }
  const notAStatement = (why) => new SealError(
    `${inputName}: ${quote(file)}, beside the listing of part ${quote(name)}, ${why}. Give the statement the part's seal wrote (an in-toto Statement v1 with one subject), or remove it to merge the listing alone.`
  );
  let statement;
  try {
    statement = JSON.parse(text);
  } catch (error) {
    throw notAStatement(`is not JSON (${error.message})`);
  }
  if (statement === null || typeof statement !== "object" || statement._type !== STATEMENT_TYPE) {
    throw notAStatement(`is not an in-toto statement (its _type is not ${quote(STATEMENT_TYPE)})`);
  }
  const subjects = statement.subject;
  if (!Array.isArray(subjects) || subjects.length !== 1) {
    throw notAStatement(`has ${Array.isArray(subjects) ? subjects.length : "no"} subjects`);
  }
  const subject = subjects[0];
  const sha256 = subject?.digest?.sha256;
  if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256)) throw notAStatement("has no sha256 digest for its subject");
  const digest = digestFromHex(sha256);
  const kind = describesListing(entries, digest);
  const dirHash = subject?.digest?.dirHash ?? subject?.digest?.dirHash1;
  if (kind === null || dirHash !== void 0 && (kind !== "tree" || dirHash !== sha256)) {
    throw new SealError(
      `${inputName}: the statement ${quote(file)} seals ${digest}${dirHash !== void 0 && dirHash !== sha256 ? ` (dirHash ${String(dirHash)})` : ""}, but the listing of part ${quote(name)}, ${quote(checksumsFile)}, is the listing of ${listingDigests(entries)}. The listing was changed after sealing or the two come from different seals; give the listing and the statement one seal wrote together.`
    );
  }
  return { file, digest, kind };
}

export {
  fileSafeName,
  contractBeside,
  statementBeside,
  sigstoreBundleBeside,
  LocalDirectoryStore,
  mergeSealBundles,
  partSourceFromArgument
};
