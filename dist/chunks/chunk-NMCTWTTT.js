import {
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:url
var builtin = __require("node:url");
var { Url, parse, resolve, resolveObject, format, URL, URLPattern, URLSearchParams, domainToASCII, domainToUnicode, pathToFileURL, fileURLToPath, fileURLToPathBuffer, urlToHttpOptions } = builtin;

export {
  pathToFileURL
};
