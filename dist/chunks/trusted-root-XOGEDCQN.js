import {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadTrustedRoot,
  loadTrustedRootFile,
  loadTufTrustedRoot,
  mergeTrustedRoots,
  parseTrustedRoot
} from "./chunk-6I7XM5LN.js";
import "./chunk-2GFDUF7I.js";
import "./chunk-BDYDJING.js";
import "./chunk-APYKEJN7.js";
import "./chunk-NRHD3AR6.js";
import "./chunk-WMMA72G5.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-AVGSY6YS.js";
import "./chunk-ULEFO6FB.js";
export {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadTrustedRoot,
  loadTrustedRootFile,
  loadTufTrustedRoot,
  mergeTrustedRoots,
  parseTrustedRoot
};
