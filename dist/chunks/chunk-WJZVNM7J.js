import {
  isAbsolute,
  relative,
  sep
} from "./chunk-SHE4BTPW.js";

// src/core/paths.ts
function isInside(child, parent) {
  const rel = relative(parent, child);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
function toSlashes(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}

export {
  isInside,
  toSlashes
};
