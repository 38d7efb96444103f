import {
  readContractDocument
} from "./chunk-FNCUVSV3.js";
import {
  isProtobufFile,
  kindOfName
} from "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import {
  UNVERSIONED,
  buildManifest,
  contractVersion,
  parseManifest
} from "./chunk-RJDO2WQQ.js";
import {
  randomUUID
} from "./chunk-VF62UBY7.js";
import {
  basename,
  dirname,
  join,
  posix
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
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/digest.ts:src/app/promote/contract-sources.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/app/promote/contract-sources.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/bundle-reader.ts:src/app/promote/contract-sources.ts
import { m32$contractManifestBeside, m32$hasBundleBeside, m32$listingsIn, m32$readListing, m32$readSigstoreBundleBeside, m32$readStatement, m32$readStatementBeside, m32$readText, m32$readTextIfAny, m32$whyUnreadable } from "../promote/index-core.js";

// stand-in:promote:src/stores/evidence/bundle-reader.ts:src/stores/evidence/contract-files.ts
import { m32$contractManifestBeside as m32$contractManifestBeside2, m32$hasBundleBeside as m32$hasBundleBeside2, m32$listingsIn as m32$listingsIn2, m32$readListing as m32$readListing2, m32$readSigstoreBundleBeside as m32$readSigstoreBundleBeside2, m32$readStatement as m32$readStatement2, m32$readStatementBeside as m32$readStatementBeside2, m32$readText as m32$readText2, m32$readTextIfAny as m32$readTextIfAny2, m32$whyUnreadable as m32$whyUnreadable2 } from "../promote/index-core.js";

// src/stores/evidence/contract-files.ts?promote
function contractTarget(target, unreadable) {
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    throw unreadable(m32$whyUnreadable2(error), target);
  }
  if (stat.isFile()) return { kind: "file" };
  if (!stat.isDirectory()) return { kind: "other" };
  return {
    kind: "directory",
    manifests: readdirSync(target).filter((name) => name.endsWith(".contract.json")).sort()
  };
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

// stand-in:promote:src/core/errors.ts:src/app/contract/load-contract.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/core/contract/detect.ts
import { m14$SealError as m14$SealError3, m14$exitCodeOf as m14$exitCodeOf3, m14$isSealError as m14$isSealError3, m14$messageOf as m14$messageOf3, m14$quote as m14$quote3, m14$stopsPromotion as m14$stopsPromotion3 } from "../promote/index-core.js";

// stand-in:promote:src/core/json-shape.ts:src/core/contract/detect.ts
import { m16$isRecord } from "../promote/index-core.js";

// src/core/contract/detect.ts?promote
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
    if (!structured && error instanceof m14$SealError3)
      throw new m14$SealError3("unrecognized", `${m14$quote3(path)} is not a contract file. ${KINDS_HELP}`);
    throw error;
  }
  return detectIn(path, document);
}
function detectIn(path, document) {
  const root = document.value;
  if (!m16$isRecord(root))
    throw new m14$SealError3(
      "unrecognized",
      `${m14$quote3(path)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`
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
  const schema = typeof record.$schema === "string" || m16$isRecord(record.properties) || m16$isRecord(record.$defs) || typeof type === "string" && JSON_SCHEMA_TYPES.has(type) || Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && JSON_SCHEMA_TYPES.has(t));
  if (schema) return { kind: "jsonschema" };
  throw new m14$SealError3(
    "unrecognized",
    `${m14$quote3(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`
  );
}
function openapiVersionOf(path, swagger, openapi) {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".';
  if (swagger !== void 0 && openapi !== void 0) {
    throw new m14$SealError3(
      "unrecognized",
      `${path}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`
    );
  }
  if (swagger !== void 0) {
    if (swagger === "2.0" || swagger === "2") return "2.0";
    throw new m14$SealError3(
      "unrecognized",
      `${path}: "swagger" is ${m14$quote3(swagger ?? "not a string")}, not a supported OpenAPI version. ${fix}`
    );
  }
  const text = openapi ?? null;
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text);
  if (match) return match[1] === "0" ? "3.0" : "3.1";
  throw new m14$SealError3(
    "unrecognized",
    `${path}: "openapi" is ${m14$quote3(text ?? "not a string")}, not a supported OpenAPI version. ${fix}`
  );
}

// stand-in:promote:src/core/errors.ts:src/core/contract/identity.ts
import { m14$SealError as m14$SealError4, m14$exitCodeOf as m14$exitCodeOf4, m14$isSealError as m14$isSealError4, m14$messageOf as m14$messageOf4, m14$quote as m14$quote4, m14$stopsPromotion as m14$stopsPromotion4 } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/core/contract/references.ts
import { m14$SealError as m14$SealError5, m14$exitCodeOf as m14$exitCodeOf5, m14$isSealError as m14$isSealError5, m14$messageOf as m14$messageOf5, m14$quote as m14$quote5, m14$stopsPromotion as m14$stopsPromotion5 } from "../promote/index-core.js";

// src/core/contract/references.ts?promote
function referenceKind(file) {
  return isProtobufFile(file) ? "protobuf" : "openapi";
}
function referencesOf(file, kind, text, inputName) {
  const dir = posix.dirname(file);
  const inside = (target, what) => {
    const resolved = posix.normalize(posix.join(dir, target));
    if (resolved.startsWith("../") || resolved === ".." || posix.isAbsolute(target)) {
      throw new m14$SealError5(
        "refused",
        `${inputName}: ${m14$quote5(file)} refers to ${m14$quote5(what)}, outside the artifact. A contract may refer only to files sealed with it; move the file into the artifact.`
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
      throw new m14$SealError5(
        "refused",
        `${inputName}: ${m14$quote5(file)} has a $ref to ${m14$quote5(ref)}, a URL. A contract is checked without the network; copy the referenced document into the artifact and refer to it by path.`
      );
    }
    let target;
    try {
      target = decodeURIComponent(ref.split("#")[0]);
    } catch {
      throw new m14$SealError5(
        "malformed",
        `${inputName}: ${m14$quote5(file)} has a $ref ${m14$quote5(ref)} with a malformed %-escape (a "%" not followed by two hex digits). Write each % as %25, or the file's path without escapes.`
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
    if (error instanceof m14$SealError5) return void 0;
    throw error;
  }
}

// stand-in:promote:src/core/digest.ts:src/core/contract/identity.ts
import { m12$digestFromHex as m12$digestFromHex2, m12$hexOf as m12$hexOf2, m12$parseDigest as m12$parseDigest2, m12$sha256Digest as m12$sha256Digest2, m12$sha256Hex as m12$sha256Hex2, m12$shortDigest as m12$shortDigest2 } from "../promote/index-core.js";

// src/core/contract/identity.ts?promote
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
      throw new m14$SealError4(
        "bad-input",
        `${inputs.contract}: ${m14$quote4(path)} is a JSON Schema; say whether the service produces or consumes documents of it ("produces: ${path}" or "consumes: ${path}"), so a change is judged as a response or a request change.`
      );
    }
    if (found.kind !== "jsonschema" && role !== null) {
      throw new m14$SealError4(
        "bad-input",
        `${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${m14$quote4(path)} is ${found.kind}. Remove "${role}:".`
      );
    }
    detected.push({ path, detected: found });
    entries.push({
      path,
      kind: found.kind,
      sha256: m12$sha256Hex2(bytes),
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
      sha256: m12$sha256Hex2(bytes),
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
    if (!(error instanceof m14$SealError4)) throw error;
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
          throw new m14$SealError4(
            "tampered",
            `a contract file refers to ${m14$quote4(path)}, which the manifest does not name`
          );
        return read(path);
      },
      { version, inputs: { contract: "the contract", version: "the version" } }
    );
  } catch (error) {
    if (!(error instanceof m14$SealError4)) throw error;
    throw new m14$SealError4(
      "tampered",
      `${source}: the manifest does not describe its files as the seal does: ${error.message} It was edited after sealing; give the seal bundle as the seal wrote it.`,
      { cause: error }
    );
  }
  if (again.digest === manifest.digest) return;
  throw new m14$SealError4(
    "tampered",
    `${source}: ${firstDifference(manifest, again)}. The manifest was edited after sealing; give the seal bundle as the seal wrote it.`
  );
}
function firstDifference(claimed, derived) {
  const byPath = new Map(derived.files.map((f) => [f.path, f]));
  for (const file of claimed.files) {
    const other = byPath.get(file.path);
    if (other === void 0)
      return `the manifest names ${m14$quote4(file.path)} as a file the contract refers to, but no contract file refers to it`;
    if (other.kind !== file.kind)
      return `the manifest says ${m14$quote4(file.path)} is ${describeKind(file.kind)}, but the sealed bytes and declarations make it ${describeKind(other.kind)}`;
    if (other.openapiVersion !== file.openapiVersion)
      return `the manifest says ${m14$quote4(file.path)} is OpenAPI ${file.openapiVersion}, but the document declares ${other.openapiVersion}`;
  }
  if (derived.version !== claimed.version || derived.versionFrom !== claimed.versionFrom) {
    return `the manifest says the version is ${m14$quote4(claimed.version)} (from ${claimed.versionFrom}), but the files make it ${m14$quote4(derived.version)} (from ${derived.versionFrom})`;
  }
  return `the manifest says the contract digest is ${claimed.digest}, but its files and declarations make ${derived.digest}`;
}
function describeKind(kind) {
  return kind === "reference" ? "a file the contract refers to" : kind;
}

// stand-in:promote:src/stores/evidence/bundle-reader.ts:src/app/contract/load-contract.ts
import { m32$contractManifestBeside as m32$contractManifestBeside3, m32$hasBundleBeside as m32$hasBundleBeside3, m32$listingsIn as m32$listingsIn3, m32$readListing as m32$readListing3, m32$readSigstoreBundleBeside as m32$readSigstoreBundleBeside3, m32$readStatement as m32$readStatement3, m32$readStatementBeside as m32$readStatementBeside3, m32$readText as m32$readText3, m32$readTextIfAny as m32$readTextIfAny3, m32$whyUnreadable as m32$whyUnreadable3 } from "../promote/index-core.js";

// stand-in:promote:src/core/digest.ts:src/app/contract/load-contract.ts
import { m12$digestFromHex as m12$digestFromHex3, m12$hexOf as m12$hexOf3, m12$parseDigest as m12$parseDigest3, m12$sha256Digest as m12$sha256Digest3, m12$sha256Hex as m12$sha256Hex3, m12$shortDigest as m12$shortDigest3 } from "../promote/index-core.js";

// src/app/contract/load-contract.ts?promote
function loadSealedContract(target, argName) {
  const fix = "Give the seal bundle the seal wrote: its directory, or its <name>.contract.json.";
  const manifest = manifestIn(target, targetOf(target, argName, fix), argName);
  if (manifest === null)
    throw new m14$SealError2(
      "bad-input",
      `${argName}: ${m14$quote2(target)} holds no contract manifest (<name>.contract.json). ${fix}`
    );
  return fromManifest(manifest);
}
function targetOf(target, argName, fix) {
  return contractTarget(
    target,
    (why) => new m14$SealError2("unreadable", `${argName}: cannot read ${m14$quote2(target)} (${why}). ${fix}`)
  );
}
function manifestIn(target, found, argName) {
  if (found.kind === "file") return target.endsWith(".contract.json") ? target : null;
  if (found.kind !== "directory") return null;
  const { manifests } = found;
  if (manifests.length > 1)
    throw new m14$SealError2(
      "bad-input",
      `${argName}: ${m14$quote2(target)} holds ${manifests.length} contract manifests (${manifests.join(", ")}). Point at one of them.`
    );
  return manifests.length === 1 ? join(target, manifests[0]) : null;
}
function fromManifest(file) {
  const text = m32$readText3(
    file,
    (why) => new m14$SealError2(
      "unreadable",
      `cannot read the contract manifest ${m14$quote2(file)} (${why}). Give the seal bundle as the seal wrote it.`
    )
  );
  const manifest = parseManifest(text, file);
  const dir = copiesDirOf(file);
  const bytesOf = /* @__PURE__ */ new Map();
  for (const entry of manifest.files) {
    const at = join(dir, ...entry.path.split("/"));
    const bytes = readContractFile(dir, entry.path);
    if (bytes === null) {
      throw new m14$SealError2(
        "tampered",
        `${file}: the contract file ${m14$quote2(entry.path)} is not in ${m14$quote2(dir)}. Give the seal bundle as the seal wrote it, with its ${basename(dir)}/ directory.`
      );
    }
    if (m12$sha256Hex3(bytes) !== entry.sha256) {
      throw new m14$SealError2(
        "tampered",
        `${file}: ${m14$quote2(at)} is not the sealed contract file (its sha256 differs from the manifest's). It was changed after sealing; give the seal bundle as the seal wrote it.`
      );
    }
    bytesOf.set(entry.path, bytes);
  }
  checkContractIdentity(manifest, (p) => bytesOf.get(p), file);
  const texts = new Map([...bytesOf].map(([p, b]) => [p, b.toString("utf8")]));
  return { manifest, read: (p) => texts.get(p) ?? missing(p, file) };
}
function missing(file, where) {
  throw new m14$SealError2(
    "bad-input",
    `the contract refers to ${m14$quote2(file)}, which is not in ${m14$quote2(where)}. Keep the files a contract refers to beside it.`
  );
}

// src/app/promote/contract-sources.ts?promote
function sealedContractBeside(checksumsFile) {
  const manifest = checksumsFile === null ? null : m32$contractManifestBeside(checksumsFile);
  if (manifest === null) return null;
  const loaded = fromManifest(manifest);
  checkSealedFiles(loaded, checksumsFile, manifest);
  return { digest: loaded.manifest.digest, version: loaded.manifest.version };
}
var EARLIER_FORM_FIX = "Its record was written by an earlier artifact-seal, whose contract digest did not cover the files' kinds, the JSON Schema roles or the version. Compare the two contracts by hand (artifact-seal contract diff <its seal bundle>/<name>.contract <the new seal bundle>), then promote once with this environment's contract rule removed from the policy: the record then names the new contract, and later promotions are judged against it.";
function contractSources(options) {
  const warn = options.warn ?? (() => void 0);
  let earlierForm = false;
  const keptFile = (digest) => options.store === null ? null : keptManifestFile(options.store, m12$hexOf(digest));
  const fromStore = (ref, reasons) => {
    const file = keptFile(ref.digest);
    if (file === null || !exists(file)) {
      if (options.store !== null) reasons.push(`it is not kept in ${m14$quote(options.store)}`);
      return null;
    }
    let why;
    try {
      const loaded = fromManifest(file);
      if (loaded.manifest.digest === ref.digest && loaded.manifest.version === ref.version)
        return loaded;
      why = `it holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${ref.version} (${ref.digest})`;
    } catch (error) {
      if (!(error instanceof m14$SealError)) throw error;
      if (m14$isSealError(error, "outdated")) earlierForm = true;
      why = error.message;
    }
    warn(
      `The contract kept at ${m14$quote(file)} does not verify, so it is ignored (the next promotion that carries contract ${ref.digest} replaces it): ${why}`
    );
    reasons.push(`the copy kept in ${m14$quote(options.store)} does not verify`);
    return null;
  };
  return {
    async candidate(digest, bytes, claimed) {
      const listing = bytes?.checksumsFile ?? null;
      const manifest = listing === null ? null : m32$contractManifestBeside(listing);
      if (manifest !== null) {
        const loaded = fromManifest(manifest);
        checkSealedFiles(loaded, listing, manifest);
        return { contract: loaded, known: true };
      }
      if (claimed === null)
        return { contract: null, known: listing !== null && m32$hasBundleBeside(listing) };
      const kept = fromStore(claimed, []);
      if (kept !== null) return { contract: kept, known: true };
      throw new m14$SealError(
        "unreadable",
        `the seal of ${digest} carries contract ${claimed.version} (${claimed.digest}), but its manifest is not beside the bytes' listing${options.store === null ? "" : ` nor kept (verified) in ${m14$quote(options.store)}`}. Give the seal bundle (checksums-path) the seal wrote, with its .contract.json and .contract/ beside the listing.`
      );
    },
    async baseline(live) {
      const wanted = live.contract;
      if (options.baseline !== null) return givenBaseline(options.baseline, live);
      earlierForm = false;
      const tried = [];
      const kept = fromStore(wanted, tried);
      if (kept !== null) return kept;
      if (options.download && live.artifact !== null) {
        const where = `the workflow artifact ${m14$quote(live.artifact.name)} of run ${live.artifact.runId}`;
        try {
          const listing = await options.download(live.digest, live.artifact);
          const manifest = m32$contractManifestBeside(listing);
          if (manifest !== null) {
            const loaded = fromManifest(manifest);
            checkSealedFiles(loaded, listing, manifest);
            if (loaded.manifest.digest === wanted.digest && loaded.manifest.version === wanted.version)
              return loaded;
            tried.push(
              `${where} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${wanted.version} (${wanted.digest})`
            );
          } else {
            tried.push(`${where} holds no contract manifest`);
          }
        } catch (error) {
          if (!(error instanceof m14$SealError)) throw error;
          if (m14$isSealError(error, "outdated")) earlierForm = true;
          tried.push(`${where} could not be fetched and verified (${error.message})`);
        }
      } else if (live.artifact === null) {
        tried.push("no record names a workflow artifact holding its seal bundle");
      }
      throw new m14$SealError(
        "unreadable",
        `The contract ${live.environment} runs (${wanted.version}, ${wanted.digest}, sealed with ${live.digest}) could not be read: ${tried.join("; ") || "nowhere to look"}. ` + (earlierForm ? EARLIER_FORM_FIX : `Give the seal bundle of ${live.digest} with the CLI: artifact-seal promote --contract-baseline <its seal directory>.`)
      );
    },
    ...options.store === null ? {} : {
      keep: async (contract) => keepContract(options.store, contract, warn)
    }
  };
}
function givenBaseline(given, live) {
  const wanted = live.contract;
  let loaded;
  try {
    loaded = loadSealedContract(given.path, given.inputName);
  } catch (error) {
    if (!(error instanceof m14$SealError) || m14$stopsPromotion(error)) throw error;
    throw new m14$SealError(
      "bad-input",
      `${given.inputName}: ${m14$quote(given.path)} is not a contract as a seal wrote it: ${error.message}` + (m14$isSealError(error, "outdated") ? ` ${EARLIER_FORM_FIX}` : ""),
      { cause: error }
    );
  }
  if (loaded.manifest.digest !== wanted.digest || loaded.manifest.version !== wanted.version) {
    throw new m14$SealError(
      "bad-input",
      `${given.inputName}: ${m14$quote(given.path)} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), but ${live.environment} runs ${live.digest}, whose record names contract ${wanted.version} (${wanted.digest}). Give the seal bundle of ${live.digest}, or leave ${given.inputName} out.`
    );
  }
  return loaded;
}
function checkSealedFiles(contract, listingFile, manifestFile) {
  const listed = m32$readListing(
    listingFile,
    (why, file) => new m14$SealError(
      "unreadable",
      `cannot read the listing ${m14$quote(file)} the contract is tied to (${why}).`
    )
  );
  const sealed = new Map(listed.map((e) => [e.path, e.hex]));
  for (const file of contract.manifest.files) {
    if (sealed.get(file.path) !== file.sha256) {
      throw new m14$SealError(
        "tampered",
        `${manifestFile}: the contract file ${m14$quote(file.path)} is ${sealed.has(file.path) ? "not the sealed one (its sha256 differs from the listing's)" : "not one of the sealed files"}. The manifest was changed after sealing; give the seal bundle as the seal wrote it.`
      );
    }
  }
}
async function keepContract(store, contract, warn) {
  const hex = m12$hexOf(contract.manifest.digest);
  const manifestFile = keptManifestFile(store, hex);
  const verifies = () => {
    try {
      return exists(manifestFile) && fromManifest(manifestFile).manifest.digest === contract.manifest.digest;
    } catch (error) {
      if (!(error instanceof m14$SealError)) throw error;
      return false;
    }
  };
  if (verifies()) return;
  const files = contract.manifest.files.map((file) => ({
    path: file.path,
    sha256: file.sha256,
    bytes: Buffer.from(contract.read(file.path), "utf8")
  }));
  if (files.some((f) => m12$sha256Hex(f.bytes) !== f.sha256)) {
    warn(
      `Contract ${contract.manifest.digest} is not kept in ${m14$quote(store)}: a file of it is not UTF-8 text, so its copy would not hash as sealed. Later promotions need the CLI's --contract-baseline.`
    );
    return;
  }
  try {
    replaceKeptContract(store, hex, `${JSON.stringify(contract.manifest, null, 2)}
`, files);
  } catch (error) {
    if (!verifies())
      warn(
        `Contract ${contract.manifest.digest} could not be kept in ${m14$quote(store)} (${error.code ?? String(error)}). Later promotions need the CLI's --contract-baseline.`
      );
  }
}
export {
  contractSources,
  sealedContractBeside
};
