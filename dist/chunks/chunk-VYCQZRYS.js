import {
  detectContractKind
} from "./chunk-X6XH6LHW.js";
import {
  buildManifest,
  contractVersion,
  parseManifest
} from "./chunk-5JBH2JDF.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";

// src/app/load-contract.ts
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
var CONTRACT_EXTENSIONS = /\.(ya?ml|json|graphqls?|gql|proto)$/i;
function loadContract(target, argName, options = {}) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    throw new SealError(`${argName}: cannot read ${quote(target)} (${error.code ?? String(error)}). Give a contract file, a directory of them, or a seal bundle.`);
  }
  if (stat.isFile() && target.endsWith(".contract.json")) return fromManifest(target);
  if (stat.isDirectory()) {
    const manifests = fs.readdirSync(target).filter((name) => name.endsWith(".contract.json"));
    if (manifests.length > 1) throw new SealError(`${argName}: ${quote(target)} holds ${manifests.length} contract manifests (${manifests.join(", ")}). Point at one of them.`);
    if (manifests.length === 1) return fromManifest(path.join(target, manifests[0]));
    const files = fs.readdirSync(target, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && CONTRACT_EXTENSIONS.test(e.name)).map((e) => path.relative(target, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort();
    return fromFiles(target, files, argName, options.role ?? "produces", true);
  }
  return fromFiles(path.dirname(target), [path.basename(target)], argName, options.role ?? "produces", false);
}
function fromManifest(file) {
  const manifest = parseManifest(fs.readFileSync(file, "utf8"), file);
  const dir = file.slice(0, -".json".length);
  const texts = /* @__PURE__ */ new Map();
  for (const entry of manifest.files) {
    const at = path.join(dir, ...entry.path.split("/"));
    let bytes;
    try {
      bytes = fs.readFileSync(at);
    } catch {
      throw new SealError(`${file}: the contract file ${quote(entry.path)} is not in ${quote(dir)}. Give the seal bundle as the seal wrote it, with its ${path.basename(dir)}/ directory.`);
    }
    if (createHash("sha256").update(bytes).digest("hex") !== entry.sha256) {
      throw new SealError(`${file}: ${quote(at)} is not the sealed contract file (its sha256 differs from the manifest's). It was changed after sealing; give the seal bundle as the seal wrote it.`);
    }
    texts.set(entry.path, bytes.toString("utf8"));
  }
  return { manifest, read: (p) => texts.get(p) ?? missing(p, file) };
}
function fromFiles(root, files, argName, role, skipOthers) {
  const texts = /* @__PURE__ */ new Map();
  const entries = [];
  const detected = [];
  for (const rel of files) {
    const bytes = fs.readFileSync(path.join(root, ...rel.split("/")));
    const text = bytes.toString("utf8");
    let found;
    try {
      found = detectContractKind(rel, text);
    } catch (error) {
      if (skipOthers && error instanceof SealError && !/:\d+:\d+/.test(error.message)) continue;
      throw error;
    }
    texts.set(rel, text);
    detected.push({ path: rel, detected: found });
    entries.push({
      path: rel,
      kind: found.kind,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      role: found.kind === "jsonschema" ? role : null,
      openapiVersion: found.openapiVersion ?? null
    });
  }
  if (entries.length === 0) throw new SealError(`${argName}: ${quote(root)} holds no contract file (OpenAPI, JSON Schema, GraphQL SDL or protobuf).`);
  let version;
  try {
    version = contractVersion("", detected, argName);
  } catch {
    version = "unversioned";
  }
  const manifest = buildManifest(version, entries);
  return {
    manifest,
    read: (p) => {
      const known = texts.get(p);
      if (known !== void 0) return known;
      try {
        return fs.readFileSync(path.join(root, ...p.split("/")), "utf8");
      } catch {
        return missing(p, root);
      }
    }
  };
}
function missing(file, where) {
  throw new SealError(`the contract refers to ${quote(file)}, which is not in ${quote(where)}. Keep the files a contract refers to beside it.`);
}

export {
  loadContract,
  fromManifest
};
