import {
  isAbsolute,
  relative,
  sep
} from "./chunk-SHE4BTPW.js";

// src/core/paths.ts
function isInside(child, parent) {
  return !leavesParent(relative(parent, child));
}
function leavesParent(rel) {
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
function toSlashes(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}

export {
  isInside,
  leavesParent,
  toSlashes
};
