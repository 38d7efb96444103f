import {
  checkContractIdentity,
  describeContract,
  detectContractKind
} from "./chunk-N5HZLV4K.js";
import {
  parseManifest
} from "./chunk-HZGXBXLZ.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";
import {
  kindOfName
} from "./chunk-PK6RSM65.js";
import {
  basename,
  dirname,
  join,
  relative,
  sep
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync,
  readdirSync,
  statSync
} from "./chunk-OJKZS7ZI.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";

// src/app/load-contract.ts
function loadContract(target, argName, options = {}) {
  const stat = statOf(target, argName, "Give a contract file, a directory of them, or a seal bundle.");
  const manifest = manifestIn(target, stat, argName);
  if (manifest !== null) return fromManifest(manifest);
  if (stat.isDirectory()) {
    const files = readdirSync(target, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && kindOfName(e.name) !== null).map((e) => relative(target, join(e.parentPath, e.name)).split(sep).join("/")).sort();
    return fromFiles(target, files, argName, options.role ?? "produces", true);
  }
  return fromFiles(dirname(target), [basename(target)], argName, options.role ?? "produces", false);
}
function loadSealedContract(target, argName) {
  const fix = "Give the seal bundle the seal wrote: its directory, or its <name>.contract.json.";
  const stat = statOf(target, argName, fix);
  const manifest = manifestIn(target, stat, argName);
  if (manifest === null) throw new SealError(`${argName}: ${quote(target)} holds no contract manifest (<name>.contract.json). ${fix}`);
  return fromManifest(manifest);
}
function statOf(target, argName, fix) {
  try {
    return statSync(target);
  } catch (error) {
    throw new SealError(`${argName}: cannot read ${quote(target)} (${error.code ?? String(error)}). ${fix}`);
  }
}
function manifestIn(target, stat, argName) {
  if (stat.isFile()) return target.endsWith(".contract.json") ? target : null;
  if (!stat.isDirectory()) return null;
  const manifests = readdirSync(target).filter((name) => name.endsWith(".contract.json"));
  if (manifests.length > 1) throw new SealError(`${argName}: ${quote(target)} holds ${manifests.length} contract manifests (${manifests.join(", ")}). Point at one of them.`);
  return manifests.length === 1 ? join(target, manifests[0]) : null;
}
function fromManifest(file) {
  const manifest = parseManifest(readText(file), file);
  const dir = file.slice(0, -".json".length);
  const bytesOf = /* @__PURE__ */ new Map();
  for (const entry of manifest.files) {
    const at = join(dir, ...entry.path.split("/"));
    let bytes;
    try {
      bytes = readFileSync(at);
    } catch {
      throw new SealError(`${file}: the contract file ${quote(entry.path)} is not in ${quote(dir)}. Give the seal bundle as the seal wrote it, with its ${basename(dir)}/ directory.`);
    }
    if (createHash("sha256").update(bytes).digest("hex") !== entry.sha256) {
      throw new SealError(`${file}: ${quote(at)} is not the sealed contract file (its sha256 differs from the manifest's). It was changed after sealing; give the seal bundle as the seal wrote it.`);
    }
    bytesOf.set(entry.path, bytes);
  }
  checkContractIdentity(manifest, (p) => bytesOf.get(p), file);
  const texts = new Map([...bytesOf].map(([p, b]) => [p, b.toString("utf8")]));
  return { manifest, read: (p) => texts.get(p) ?? missing(p, file) };
}
function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(`cannot read the contract manifest ${quote(file)} (${error.code ?? String(error)}). Give the seal bundle as the seal wrote it.`);
  }
}
function fromFiles(root, files, argName, role, skipOthers) {
  const bytesOf = /* @__PURE__ */ new Map();
  const readFile = (rel) => {
    const known = bytesOf.get(rel);
    if (known !== void 0) return known;
    let bytes;
    try {
      bytes = readFileSync(join(root, ...rel.split("/")));
    } catch {
      return missing(rel, root);
    }
    bytesOf.set(rel, bytes);
    return bytes;
  };
  const declared = files.filter((rel) => {
    if (!skipOthers) return true;
    try {
      detectContractKind(rel, readFile(rel).toString("utf8"));
      return true;
    } catch (error) {
      if (error instanceof SealError && !/:\d+:\d+/.test(error.message)) return false;
      throw error;
    }
  });
  if (declared.length === 0) throw new SealError(`${argName}: ${quote(root)} holds no contract file (OpenAPI, JSON Schema, GraphQL SDL or protobuf).`);
  const manifest = describeContract(
    declared.map((p) => ({ path: p, role: null })),
    (rel) => readFile(rel),
    { version: { from: "info.version-or-none" }, inputs: { contract: argName, version: argName }, defaultRole: role }
  );
  const texts = new Map(manifest.files.map((f) => [f.path, readFile(f.path).toString("utf8")]));
  return { manifest, read: (p) => texts.get(p) ?? missing(p, root) };
}
function missing(file, where) {
  throw new SealError(`the contract refers to ${quote(file)}, which is not in ${quote(where)}. Keep the files a contract refers to beside it.`);
}

export {
  loadContract,
  loadSealedContract,
  fromManifest
};
