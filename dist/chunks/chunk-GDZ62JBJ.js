import {
  GITHUB_TUF_ROOT_JSON,
  require_dist as require_dist2
} from "./chunk-BDYDJING.js";
import {
  require_dist
} from "./chunk-WMMA72G5.js";
import {
  tmpdir
} from "./chunk-M6ACESL2.js";
import {
  sigstoreFetchOptions
} from "./chunk-SJOLJ5TF.js";
import {
  join
} from "./chunk-SHE4BTPW.js";
import {
  promises
} from "./chunk-KUE42OYI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/attestation/trusted-root.ts?promote
var import_protobuf_specs = __toESM(require_dist());
var import_verify = __toESM(require_dist2());

// stand-in:promote:src/core/errors.ts:src/attestation/trusted-root.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/attestation/tuf-mirrors.ts:src/attestation/trusted-root.ts
import { m8$DEFAULT_TUF_MIRRORS, m8$GITHUB_TUF_MIRROR, m8$PUBLIC_GOOD_TUF_MIRROR, m8$TUF_MIRRORS_INPUT, m8$parseTufMirrors } from "../promote/index-core.js";

// stand-in:promote:src/core/json-shape.ts:src/attestation/trusted-root.ts
import { m16$isRecord } from "../promote/index-core.js";

// src/attestation/trusted-root.ts?promote
var TRUSTED_ROOT_INPUT = "trusted-root";
var TRUSTED_ROOT_MEDIA_TYPE = "application/vnd.dev.sigstore.trustedroot+json;version=0.1";
var LISTS = ["tlogs", "certificateAuthorities", "ctlogs", "timestampAuthorities"];
function checkRoot(value, where) {
  const root = value;
  if (!m16$isRecord(root)) {
    throw new m14$SealError(
      "unrecognized",
      `${TRUSTED_ROOT_INPUT}: ${where} is not a trusted_root.json object. Give the file \`gh attestation trusted-root\` writes, or a Sigstore trusted_root.json.`
    );
  }
  if (typeof root.mediaType !== "string" || !root.mediaType.startsWith("application/vnd.dev.sigstore.trustedroot")) {
    throw new m14$SealError(
      "unrecognized",
      `${TRUSTED_ROOT_INPUT}: ${where} has mediaType ${m14$quote(String(root.mediaType))}, not ${m14$quote(TRUSTED_ROOT_MEDIA_TYPE)}, so it is not a Sigstore trusted root. Give the file \`gh attestation trusted-root\` writes.`
    );
  }
  for (const list of LISTS) {
    if (root[list] !== void 0 && !Array.isArray(root[list]))
      throw new m14$SealError(
        "malformed",
        `${TRUSTED_ROOT_INPUT}: ${where} has a ${list} that is not a list. Regenerate the file with \`gh attestation trusted-root\`.`
      );
  }
  try {
    (0, import_verify.toTrustMaterial)(import_protobuf_specs.TrustedRoot.fromJSON(root));
  } catch (error) {
    throw new m14$SealError(
      "malformed",
      `${TRUSTED_ROOT_INPUT}: ${where} holds a key or certificate that cannot be read (${m14$messageOf(error)}). Regenerate the file with \`gh attestation trusted-root\`.`,
      { cause: error }
    );
  }
  return root;
}
function mergeTrustedRoots(roots) {
  const merged = { mediaType: TRUSTED_ROOT_MEDIA_TYPE };
  for (const list of LISTS)
    merged[list] = roots.flatMap(
      (root) => Array.isArray(root[list]) ? root[list] : []
    );
  return merged;
}
function parseTrustedRoot(text, file) {
  try {
    return checkRoot(JSON.parse(text), m14$quote(file));
  } catch (error) {
    if (error instanceof m14$SealError) throw error;
  }
  const roots = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      throw new m14$SealError(
        "malformed",
        `${TRUSTED_ROOT_INPUT}: ${m14$quote(file)} is neither JSON nor JSON lines (line ${index + 1} does not parse). Give the file \`gh attestation trusted-root\` writes, or a Sigstore trusted_root.json.`
      );
    }
    roots.push(checkRoot(value, `line ${index + 1} of ${m14$quote(file)}`));
  }
  if (roots.length === 0)
    throw new m14$SealError(
      "malformed",
      `${TRUSTED_ROOT_INPUT}: ${m14$quote(file)} is empty. Write it with \`gh attestation trusted-root > ${file}\`.`
    );
  return roots.length === 1 ? roots[0] : mergeTrustedRoots(roots);
}
async function loadTrustedRootFile(file) {
  let text;
  try {
    text = await promises.readFile(file, "utf8");
  } catch (error) {
    const code = error.code ?? String(error);
    throw new m14$SealError(
      "unreadable",
      `${TRUSTED_ROOT_INPUT}: cannot read ${m14$quote(file)} (${code}). Give the path of a trusted_root.json, such as one written by \`gh attestation trusted-root\`.`
    );
  }
  return parseTrustedRoot(text, file);
}
function defaultCacheDir() {
  const temp = process.env.RUNNER_TEMP;
  return temp ? join(temp, "artifact-seal", "tuf") : void 0;
}
async function fetchOverTuf(mirror, cacheDir) {
  const { getTrustedRoot } = await import("./dist-AQ4XDVUC.js");
  let rootPath = mirror.rootFile ?? void 0;
  let seedDir;
  if (rootPath === void 0 && mirror.url === m8$GITHUB_TUF_MIRROR) {
    seedDir = await promises.mkdtemp(join(cacheDir ?? tmpdir(), "github-tuf-seed-"));
    rootPath = join(seedDir, "root.json");
    await promises.writeFile(rootPath, GITHUB_TUF_ROOT_JSON);
  }
  try {
    const root = await getTrustedRoot({
      mirrorURL: mirror.url,
      ...sigstoreFetchOptions(),
      ...cacheDir === void 0 ? {} : { cachePath: cacheDir },
      ...rootPath === void 0 ? {} : { rootPath }
    });
    return import_protobuf_specs.TrustedRoot.toJSON(root);
  } catch (error) {
    const which = mirror.url === m8$GITHUB_TUF_MIRROR ? "GitHub's Sigstore trusted root" : mirror.url === m8$PUBLIC_GOOD_TUF_MIRROR ? "Sigstore public-good's trusted root" : "The trusted root";
    throw new m14$SealError(
      "unavailable",
      `${which} could not be fetched over TUF from ${m14$quote(mirror.url)}: ${describe(error)}. Allow HTTPS to it, name a mirror you can reach in ${m8$TUF_MIRRORS_INPUT}, or give ${TRUSTED_ROOT_INPUT} (write one with \`gh attestation trusted-root\`).`,
      { cause: error }
    );
  } finally {
    if (seedDir !== void 0) await promises.rm(seedDir, { recursive: true, force: true });
  }
}
function describe(error) {
  const parts = [];
  for (let e = error, depth = 0; e !== void 0 && e !== null && depth < 4; e = e.cause, depth++) {
    parts.push(m14$messageOf(e));
  }
  return parts.join(": ");
}
var fetched = /* @__PURE__ */ new Map();
function loadTufTrustedRoot(options = {}) {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const mirrors = options.mirrors ?? m8$DEFAULT_TUF_MIRRORS;
  const key = JSON.stringify({ cacheDir, mirrors });
  const known = fetched.get(key);
  if (known !== void 0) return known;
  const loading = (async () => {
    if (cacheDir !== void 0) await promises.mkdir(cacheDir, { recursive: true });
    return mergeTrustedRoots(
      await Promise.all(mirrors.map((mirror) => fetchOverTuf(mirror, cacheDir)))
    );
  })();
  fetched.set(key, loading);
  loading.catch(() => {
    if (fetched.get(key) === loading) fetched.delete(key);
  });
  return loading;
}
function loadTrustedRoot(file, mirrors = null) {
  return file === null || file === void 0 || file === "" ? loadTufTrustedRoot({ mirrors }) : loadTrustedRootFile(file);
}

export {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  mergeTrustedRoots,
  parseTrustedRoot,
  loadTrustedRootFile,
  loadTufTrustedRoot,
  loadTrustedRoot
};
