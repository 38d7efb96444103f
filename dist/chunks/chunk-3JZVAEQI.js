import {
  hexOf,
  sha256Digest
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";

// src/core/listing.ts
function compareUtf8(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xIsSurrogate = x >= 55296 && x <= 57343;
    const yIsSurrogate = y >= 55296 && y <= 57343;
    if (xIsSurrogate !== yIsSurrogate) return xIsSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
function sortEntries(entries) {
  return entries.sort((a, b) => compareUtf8(a.path, b.path));
}
function formatListing(sorted) {
  let text = "";
  for (const entry of sorted) text += `${entry.hex}  ${entry.path}
`;
  return text;
}
var LINES_PER_PIECE = 4096;
function listingFromDigests(paths, digests, order) {
  const hex = Buffer.from(digests.buffer, digests.byteOffset, digests.byteLength).toString("hex");
  const pieces = [];
  for (let start = 0; start < order.length; start += LINES_PER_PIECE) {
    const end = Math.min(order.length, start + LINES_PER_PIECE);
    const lines = new Array(end - start);
    for (let k = start; k < end; k++) {
      const i = order[k];
      lines[k - start] = `${hex.slice(i * 64, i * 64 + 64)}  ${paths[i]}
`;
    }
    pieces.push(Buffer.from(lines.join("")));
  }
  return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
}
function listingFromPathBytes(paths, digests, order) {
  const { bytes, ends, prefixLength } = paths;
  const count = order.length;
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hex = Buffer.from(
    Buffer.from(digests.buffer, digests.byteOffset, count * 32).toString("hex"),
    "latin1"
  );
  const pathTotal = count === 0 ? 0 : ends[count - 1];
  const out = Buffer.allocUnsafe(pathTotal + count * (64 + 2 + 1 - prefixLength));
  let at = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    hex.copy(out, at, i * 64, i * 64 + 64);
    out[at + 64] = 32;
    out[at + 65] = 32;
    at += 66;
    at += source.copy(out, at, (i === 0 ? 0 : ends[i - 1]) + prefixLength, ends[i]);
    out[at++] = 10;
  }
  if (at !== out.length)
    throw new Error("a queued path is shorter than the root it was to start with");
  return out;
}
function digestOfListing(listing) {
  return sha256Digest(listing);
}
function checkListingPath(path, where) {
  const fix = 'Listing paths are relative to the artifact root, use "/", and stay inside it.';
  if (path.length === 0)
    throw new SealError("malformed", `${where}: a line has an empty path. ${fix}`);
  if (path.includes("\n") || path.includes("\r")) {
    throw new SealError(
      "malformed",
      `${where}: the file name ${quote(path)} contains a line break, which a checksums listing cannot hold. Rename the file or exclude it with "!${path.split(/[\r\n]/)[0]}*".`
    );
  }
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
    throw new SealError("malformed", `${where}: the path ${quote(path)} is absolute. ${fix}`);
  }
  if (path.split("/").some((segment) => segment === ".." || segment === "." || segment === "")) {
    throw new SealError(
      "malformed",
      `${where}: the path ${quote(path)} has an empty, "." or ".." segment. ${fix}`
    );
  }
}
var LINE = /^(\\?)([0-9a-fA-F]{64}) [ *](.+)$/s;
function unescapeName(name) {
  return name.replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c === "r" ? "\r" : c);
}
function parseListing(text, fileName) {
  const entries = [];
  const seen = /* @__PURE__ */ new Map();
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "" || line.startsWith("#")) return;
    const match = LINE.exec(line);
    if (!match) {
      throw new SealError(
        "malformed",
        `${fileName}:${lineNo}: ${quote(line.length > 120 ? `${line.slice(0, 120)}\u2026` : line)} is not a sha256sum line. Each line must be 64 hex characters, two spaces (or " *"), then the path, as "sha256sum" prints.`
      );
    }
    const [, escaped, hex, rawPath] = match;
    let path = escaped ? unescapeName(rawPath) : rawPath;
    while (path.startsWith("./")) path = path.slice(2);
    checkListingPath(path, `${fileName}:${lineNo}`);
    const earlier = seen.get(path);
    if (earlier !== void 0) {
      throw new SealError(
        "malformed",
        `${fileName}:${lineNo}: the path ${quote(path)} is listed again (first on line ${earlier}). Each file may appear once.`
      );
    }
    seen.set(path, lineNo);
    entries.push({ path, hex: hex.toLowerCase() });
  });
  if (entries.length === 0) {
    throw new SealError(
      "malformed",
      `${fileName}: the listing has no entries. Give a file in sha256sum format with one line per file.`
    );
  }
  return sortEntries(entries);
}
function diffListings(expected, actual) {
  const mismatches = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    const e = expected[i];
    const a = actual[j];
    const order = e === void 0 ? 1 : a === void 0 ? -1 : compareUtf8(e.path, a.path);
    if (order === 0 && e && a) {
      if (e.hex !== a.hex)
        mismatches.push({ path: e.path, expected: e.hex, actual: a.hex, kind: "changed" });
      i++;
      j++;
    } else if (order < 0 && e) {
      mismatches.push({ path: e.path, expected: e.hex, actual: null, kind: "missing" });
      i++;
    } else if (a) {
      mismatches.push({ path: a.path, expected: null, actual: a.hex, kind: "added" });
      j++;
    }
  }
  return mismatches;
}
function describesListing(entries, digest) {
  if (digestOfListing(formatListing(entries)) === digest) return "tree";
  if (entries.length === 1 && entries[0]?.hex === hexOf(digest)) return "file";
  return null;
}

export {
  compareUtf8,
  formatListing,
  listingFromDigests,
  listingFromPathBytes,
  digestOfListing,
  checkListingPath,
  parseListing,
  diffListings,
  describesListing
};
