import {
  digestFromHex
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";

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
function registryHost(reference) {
  return reference.registry === DOCKER_HUB ? DOCKER_HUB_HOST : reference.registry;
}
function formatReference(reference) {
  return `${reference.name}${reference.tag === null ? "" : `:${reference.tag}`}${reference.digest === null ? "" : `@${reference.digest}`}`;
}
function digestReference(reference, digest) {
  return `${reference.name}@${digest}`;
}
function withTag(reference, tag, what) {
  if (!TAG.test(tag)) {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(tag)} is not a valid tag. A tag is 1 to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".`
    );
  }
  return { ...reference, tag, digest: null };
}
function withDigest(reference, digest) {
  return { ...reference, tag: null, digest };
}
function sameRepository(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
var OCI_SCHEME = "oci://";
function isImageSubject(text) {
  return text.split(/[\r\n,]/).some((entry) => entry.trim().toLowerCase().startsWith(OCI_SCHEME));
}
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
function parsePlainHttpRegistries(values, what) {
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
}

export {
  DOCKER_HUB,
  parseImageReference,
  namesRegistry,
  registryHost,
  formatReference,
  digestReference,
  withTag,
  withDigest,
  sameRepository,
  isImageSubject,
  parseImageSubject,
  parsePlainHttpRegistries
};
