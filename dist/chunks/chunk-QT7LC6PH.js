import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";

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
function parseTufMirrors(text, baseDir, inputName = TUF_MIRRORS_INPUT) {
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
}
function checkTufRoot(file, what) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SealError(
      "unreadable",
      `${what} cannot be read (${error.code ?? String(error)}). Give the path of the repository's root.json, relative to the workspace.`,
      { cause: error }
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

export {
  TUF_MIRRORS_INPUT,
  PUBLIC_GOOD_TUF_MIRROR,
  GITHUB_TUF_MIRROR,
  DEFAULT_TUF_MIRRORS,
  parseTufMirrors
};
