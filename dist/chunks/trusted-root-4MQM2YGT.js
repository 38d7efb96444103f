import {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadTrustedRoot,
  loadTrustedRootFile,
  loadTufTrustedRoot,
  mergeTrustedRoots,
  parseTrustedRoot
} from "./chunk-YBWKOFJY.js";
import "./chunk-FX7ACIQA.js";
import "./chunk-COPLKY7P.js";
import "./chunk-BDYDJING.js";
import "./chunk-NRHD3AR6.js";
import "./chunk-WMMA72G5.js";
import "./chunk-P2RVIIUY.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-FKA4C5KD.js";
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
