import {
  readContractDocument
} from "./chunk-RW4NSDQG.js";
import {
  UNVERSIONED,
  buildManifest,
  contractVersion
} from "./chunk-JPYWA7SW.js";
import {
  whyUnreadable
} from "./chunk-YOF4W5VX.js";
import {
  isRecord
} from "./chunk-6ESBXOH6.js";
import {
  sha256Hex
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  isProtobufFile,
  kindOfName
} from "./chunk-PK6RSM65.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  dirname,
  join,
  posix,
  relative,
  sep
} from "./chunk-SHE4BTPW.js";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "./chunk-KUE42OYI.js";

// src/core/contract/detect.ts
var KINDS_HELP = 'A contract file is an OpenAPI 2.0/3.0/3.1 document (a "swagger" or "openapi" key, YAML or JSON), a JSON Schema ("$schema", or a top-level "type", "properties" or "$defs"), GraphQL SDL (.graphql, .gql) or protobuf (.proto). Remove the file from the "contract" input or give one of these.';
var JSON_SCHEMA_TYPES = /* @__PURE__ */ new Set([
  "object",
  "array",
  "string",
  "number",
  "integer",
  "boolean",
  "null"
]);
function detectContractKind(path, text) {
  const named = kindOfName(path);
  if (named === "graphql") return { kind: "graphql" };
  if (named === "protobuf") return { kind: "protobuf" };
  const structured = named === "document";
  let document;
  try {
    document = readContractDocument(path, text);
  } catch (error) {
    if (!structured && error instanceof SealError)
      throw new SealError("unrecognized", `${quote(path)} is not a contract file. ${KINDS_HELP}`);
    throw error;
  }
  return detectIn(path, document);
}
function detectIn(path, document) {
  const root = document.value;
  if (!isRecord(root))
    throw new SealError(
      "unrecognized",
      `${quote(path)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`
    );
  const record = root;
  if (record.swagger !== void 0 || record.openapi !== void 0) {
    const text = (value) => typeof value === "string" ? value.trim() : value;
    const openapiVersion = openapiVersionOf(
      path,
      text(document.written(["swagger"])),
      text(document.written(["openapi"]))
    );
    const version = text(document.written(["info", "version"]));
    return version ? { kind: "openapi", openapiVersion, version } : { kind: "openapi", openapiVersion };
  }
  const type = record.type;
  const schema = typeof record.$schema === "string" || isRecord(record.properties) || isRecord(record.$defs) || typeof type === "string" && JSON_SCHEMA_TYPES.has(type) || Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && JSON_SCHEMA_TYPES.has(t));
  if (schema) return { kind: "jsonschema" };
  throw new SealError(
    "unrecognized",
    `${quote(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`
  );
}
function openapiVersionOf(path, swagger, openapi) {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".';
  if (swagger !== void 0 && openapi !== void 0) {
    throw new SealError(
      "unrecognized",
      `${path}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`
    );
  }
  if (swagger !== void 0) {
    if (swagger === "2.0" || swagger === "2") return "2.0";
    throw new SealError(
      "unrecognized",
      `${path}: "swagger" is ${quote(swagger ?? "not a string")}, not a supported OpenAPI version. ${fix}`
    );
  }
  const text = openapi ?? null;
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text);
  if (match) return match[1] === "0" ? "3.0" : "3.1";
  throw new SealError(
    "unrecognized",
    `${path}: "openapi" is ${quote(text ?? "not a string")}, not a supported OpenAPI version. ${fix}`
  );
}

// src/core/contract/references.ts
function referenceKind(file) {
  return isProtobufFile(file) ? "protobuf" : "openapi";
}
function referencesOf(file, kind, text, inputName) {
  const dir = posix.dirname(file);
  const inside = (target, what) => {
    const resolved = posix.normalize(posix.join(dir, target));
    if (resolved.startsWith("../") || resolved === ".." || posix.isAbsolute(target)) {
      throw new SealError(
        "refused",
        `${inputName}: ${quote(file)} refers to ${quote(what)}, outside the artifact. A contract may refer only to files sealed with it; move the file into the artifact.`
      );
    }
    return resolved;
  };
  if (kind === "protobuf") {
    const imports = [...text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)].map(
      (m) => m[1]
    );
    return imports.filter((i) => !i.startsWith("google/protobuf/")).map((i) => inside(posix.relative(dir, i), i));
  }
  if (kind !== "openapi" && kind !== "jsonschema") return [];
  const doc = readDocument(file, text);
  if (doc === void 0) return [];
  const refs = /* @__PURE__ */ new Set();
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") refs.add(value);
        else walk(value);
      }
    }
  };
  walk(doc);
  const files = [];
  for (const ref of refs) {
    if (ref.startsWith("#")) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      throw new SealError(
        "refused",
        `${inputName}: ${quote(file)} has a $ref to ${quote(ref)}, a URL. A contract is checked without the network; copy the referenced document into the artifact and refer to it by path.`
      );
    }
    let target;
    try {
      target = decodeURIComponent(ref.split("#")[0]);
    } catch {
      throw new SealError(
        "malformed",
        `${inputName}: ${quote(file)} has a $ref ${quote(ref)} with a malformed %-escape (a "%" not followed by two hex digits). Write each % as %25, or the file's path without escapes.`
      );
    }
    if (target !== "") files.push(inside(target, ref));
  }
  return files;
}
function readDocument(file, text) {
  try {
    return readContractDocument(file, text).value;
  } catch (error) {
    if (error instanceof SealError) return void 0;
    throw error;
  }
}

// src/core/contract/identity.ts
function describeContract(declared, read, options) {
  const { inputs } = options;
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  const detected = [];
  const pending = [];
  for (const { path, role: declaredRole } of declared) {
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = read(path, "declared");
    const text = bytes.toString("utf8");
    const found = detectContractKind(path, text);
    const role = found.kind === "jsonschema" ? declaredRole ?? options.defaultRole ?? null : declaredRole;
    if (found.kind === "jsonschema" && role === null) {
      throw new SealError(
        "bad-input",
        `${inputs.contract}: ${quote(path)} is a JSON Schema; say whether the service produces or consumes documents of it ("produces: ${path}" or "consumes: ${path}"), so a change is judged as a response or a request change.`
      );
    }
    if (found.kind !== "jsonschema" && role !== null) {
      throw new SealError(
        "bad-input",
        `${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${quote(path)} is ${found.kind}. Remove "${role}:".`
      );
    }
    detected.push({ path, detected: found });
    entries.push({
      path,
      kind: found.kind,
      sha256: sha256Hex(bytes),
      role,
      openapiVersion: found.openapiVersion ?? null
    });
    pending.push(...referencesOf(path, found.kind, text, inputs.contract));
  }
  while (pending.length > 0) {
    const path = pending.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = read(path, "referenced");
    entries.push({
      path,
      kind: "reference",
      sha256: sha256Hex(bytes),
      role: null,
      openapiVersion: null
    });
    pending.push(
      ...referencesOf(path, referenceKind(path), bytes.toString("utf8"), inputs.contract)
    );
  }
  return buildManifest(bindVersion(options.version, detected, inputs.version), entries);
}
function bindVersion(request, detected, inputName) {
  if ("given" in request) return contractVersion(request.given, detected, inputName);
  if (request.from === "info.version") return contractVersion("", detected, inputName);
  try {
    return contractVersion("", detected, inputName);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return { version: UNVERSIONED, from: "none" };
  }
}
function checkContractIdentity(manifest, read, source) {
  const declared = manifest.files.filter((f) => f.kind !== "reference").map((f) => ({ path: f.path, role: f.role }));
  const version = manifest.versionFrom === "contract-version" ? { given: manifest.version } : manifest.versionFrom === "info.version" ? { from: "info.version" } : { from: "info.version-or-none" };
  const named = new Map(manifest.files.map((f) => [f.path, f]));
  let again;
  try {
    again = describeContract(
      declared,
      (path) => {
        if (!named.has(path))
          throw new SealError(
            "tampered",
            `a contract file refers to ${quote(path)}, which the manifest does not name`
          );
        return read(path);
      },
      { version, inputs: { contract: "the contract", version: "the version" } }
    );
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new SealError(
      "tampered",
      `${source}: the manifest does not describe its files as the seal does: ${error.message} It was edited after sealing; give the seal bundle as the seal wrote it.`,
      { cause: error }
    );
  }
  if (again.digest === manifest.digest) return;
  throw new SealError(
    "tampered",
    `${source}: ${firstDifference(manifest, again)}. The manifest was edited after sealing; give the seal bundle as the seal wrote it.`
  );
}
function firstDifference(claimed, derived) {
  const byPath = new Map(derived.files.map((f) => [f.path, f]));
  for (const file of claimed.files) {
    const other = byPath.get(file.path);
    if (other === void 0)
      return `the manifest names ${quote(file.path)} as a file the contract refers to, but no contract file refers to it`;
    if (other.kind !== file.kind)
      return `the manifest says ${quote(file.path)} is ${describeKind(file.kind)}, but the sealed bytes and declarations make it ${describeKind(other.kind)}`;
    if (other.openapiVersion !== file.openapiVersion)
      return `the manifest says ${quote(file.path)} is OpenAPI ${file.openapiVersion}, but the document declares ${other.openapiVersion}`;
  }
  if (derived.version !== claimed.version || derived.versionFrom !== claimed.versionFrom) {
    return `the manifest says the version is ${quote(claimed.version)} (from ${claimed.versionFrom}), but the files make it ${quote(derived.version)} (from ${derived.versionFrom})`;
  }
  return `the manifest says the contract digest is ${claimed.digest}, but its files and declarations make ${derived.digest}`;
}
function describeKind(kind) {
  return kind === "reference" ? "a file the contract refers to" : kind;
}

// src/stores/evidence/contract-files.ts
function contractTarget(target, unreadable) {
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    throw unreadable(whyUnreadable(error), target);
  }
  if (stat.isFile()) return { kind: "file" };
  if (!stat.isDirectory()) return { kind: "other" };
  return {
    kind: "directory",
    manifests: readdirSync(target).filter((name) => name.endsWith(".contract.json")).sort()
  };
}
function contractFilesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && kindOfName(e.name) !== null).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/")).sort();
}
function copiesDirOf(manifestFile) {
  return manifestFile.slice(0, -".json".length);
}
function readContractFile(root, relative2) {
  try {
    return readFileSync(join(root, ...relative2.split("/")));
  } catch {
    return null;
  }
}
function keptManifestFile(store, hex) {
  return join(store, `${hex}.contract.json`);
}
function exists(file) {
  return existsSync(file);
}
function replaceKeptContract(store, hex, manifestJson, files) {
  const base = join(store, hex);
  const manifestFile = `${base}.contract.json`;
  const temp = `${base}.${process.pid}.${randomUUID()}.tmp`;
  try {
    mkdirSync(`${temp}.contract`, { recursive: true });
    for (const file of files) {
      const target = join(`${temp}.contract`, ...file.path.split("/"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    writeFileSync(`${temp}.contract.json`, manifestJson);
    rmSync(manifestFile, { force: true });
    rmSync(`${base}.contract`, { recursive: true, force: true });
    renameSync(`${temp}.contract`, `${base}.contract`);
    renameSync(`${temp}.contract.json`, manifestFile);
  } finally {
    rmSync(`${temp}.contract`, { recursive: true, force: true });
    rmSync(`${temp}.contract.json`, { force: true });
  }
}

export {
  detectContractKind,
  describeContract,
  checkContractIdentity,
  contractTarget,
  contractFilesUnder,
  copiesDirOf,
  readContractFile,
  keptManifestFile,
  exists,
  replaceKeptContract
};
