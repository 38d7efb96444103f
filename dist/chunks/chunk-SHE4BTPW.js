import {
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:path
var builtin = __require("node:path");
var { resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname, format, parse, matchesGlob, sep, delimiter, win32, posix, _makeLong } = builtin;

export {
  resolve,
  isAbsolute,
  join,
  relative,
  dirname,
  basename,
  parse,
  sep,
  posix
};
