import {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadDefaultTrustedRoot,
  loadTrustedRoot,
  loadTrustedRootFile,
  mergeTrustedRoots,
  parseTrustedRoot
} from "./chunk-S6VOLB7X.js";
import "./chunk-YHXTHAFT.js";
import "./chunk-NRHD3AR6.js";
import "./chunk-WMMA72G5.js";
import "./chunk-ULEFO6FB.js";
export {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadDefaultTrustedRoot,
  loadTrustedRoot,
  loadTrustedRootFile,
  mergeTrustedRoots,
  parseTrustedRoot
};
