import {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadTrustedRoot,
  loadTrustedRootFile,
  loadTufTrustedRoot,
  mergeTrustedRoots,
  parseTrustedRoot
} from "./chunk-GDZ62JBJ.js";
import "./chunk-BDYDJING.js";
import "./chunk-NRHD3AR6.js";
import "./chunk-WMMA72G5.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
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
