import {
  checkContractIdentity,
  contractFilesUnder,
  contractTarget,
  copiesDirOf,
  describeContract,
  detectContractKind,
  readContractFile
} from "./chunk-TCEWC7VX.js";
import {
  parseManifest
} from "./chunk-JPYWA7SW.js";
import {
  readText
} from "./chunk-YOF4W5VX.js";
import {
  sha256Hex
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  isSealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  basename,
  dirname,
  join
} from "./chunk-SHE4BTPW.js";

// src/app/contract/load-contract.ts
function loadContract(target, argName, options = {}) {
  const found = targetOf(
    target,
    argName,
    "Give a contract file, a directory of them, or a seal bundle."
  );
  const manifest = manifestIn(target, found, argName);
  if (manifest !== null) return fromManifest(manifest);
  if (found.kind === "directory")
    return fromFiles(target, contractFilesUnder(target), argName, options.role ?? "produces", true);
  return fromFiles(
    dirname(target),
    [basename(target)],
    argName,
    options.role ?? "produces",
    false
  );
}
function loadSealedContract(target, argName) {
  const fix = "Give the seal bundle the seal wrote: its directory, or its <name>.contract.json.";
  const manifest = manifestIn(target, targetOf(target, argName, fix), argName);
  if (manifest === null)
    throw new SealError(
      "bad-input",
      `${argName}: ${quote(target)} holds no contract manifest (<name>.contract.json). ${fix}`
    );
  return fromManifest(manifest);
}
function targetOf(target, argName, fix) {
  return contractTarget(
    target,
    (why) => new SealError("unreadable", `${argName}: cannot read ${quote(target)} (${why}). ${fix}`)
  );
}
function manifestIn(target, found, argName) {
  if (found.kind === "file") return target.endsWith(".contract.json") ? target : null;
  if (found.kind !== "directory") return null;
  const { manifests } = found;
  if (manifests.length > 1)
    throw new SealError(
      "bad-input",
      `${argName}: ${quote(target)} holds ${manifests.length} contract manifests (${manifests.join(", ")}). Point at one of them.`
    );
  return manifests.length === 1 ? join(target, manifests[0]) : null;
}
function fromManifest(file) {
  const text = readText(
    file,
    (why) => new SealError(
      "unreadable",
      `cannot read the contract manifest ${quote(file)} (${why}). Give the seal bundle as the seal wrote it.`
    )
  );
  const manifest = parseManifest(text, file);
  const dir = copiesDirOf(file);
  const bytesOf = /* @__PURE__ */ new Map();
  for (const entry of manifest.files) {
    const at = join(dir, ...entry.path.split("/"));
    const bytes = readContractFile(dir, entry.path);
    if (bytes === null) {
      throw new SealError(
        "tampered",
        `${file}: the contract file ${quote(entry.path)} is not in ${quote(dir)}. Give the seal bundle as the seal wrote it, with its ${basename(dir)}/ directory.`
      );
    }
    if (sha256Hex(bytes) !== entry.sha256) {
      throw new SealError(
        "tampered",
        `${file}: ${quote(at)} is not the sealed contract file (its sha256 differs from the manifest's). It was changed after sealing; give the seal bundle as the seal wrote it.`
      );
    }
    bytesOf.set(entry.path, bytes);
  }
  checkContractIdentity(manifest, (p) => bytesOf.get(p), file);
  const texts = new Map([...bytesOf].map(([p, b]) => [p, b.toString("utf8")]));
  return { manifest, read: (p) => texts.get(p) ?? missing(p, file) };
}
function fromFiles(root, files, argName, role, skipOthers) {
  const bytesOf = /* @__PURE__ */ new Map();
  const readFile = (rel) => {
    const known = bytesOf.get(rel);
    if (known !== void 0) return known;
    const bytes = readContractFile(root, rel) ?? missing(rel, root);
    bytesOf.set(rel, bytes);
    return bytes;
  };
  const declared = files.filter((rel) => {
    if (!skipOthers) return true;
    try {
      detectContractKind(rel, readFile(rel).toString("utf8"));
      return true;
    } catch (error) {
      if (isSealError(error, "unrecognized")) return false;
      throw error;
    }
  });
  if (declared.length === 0)
    throw new SealError(
      "bad-input",
      `${argName}: ${quote(root)} holds no contract file (OpenAPI, JSON Schema, GraphQL SDL or protobuf).`
    );
  const manifest = describeContract(
    declared.map((p) => ({ path: p, role: null })),
    (rel) => readFile(rel),
    {
      version: { from: "info.version-or-none" },
      inputs: { contract: argName, version: argName },
      defaultRole: role
    }
  );
  const texts = new Map(manifest.files.map((f) => [f.path, readFile(f.path).toString("utf8")]));
  return { manifest, read: (p) => texts.get(p) ?? missing(p, root) };
}
function missing(file, where) {
  throw new SealError(
    "bad-input",
    `the contract refers to ${quote(file)}, which is not in ${quote(where)}. Keep the files a contract refers to beside it.`
  );
}

export {
  loadContract,
  loadSealedContract,
  fromManifest
};
