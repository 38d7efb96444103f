import {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadDefaultTrustedRoot,
  loadTrustedRoot,
  loadTrustedRootFile,
  mergeTrustedRoots,
  parseTrustedRoot
} from "./chunk-GX2Q7OVD.js";
import "./chunk-7NT7Q6V2.js";
import "./chunk-BPDNE36K.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-EWOWW24O.js";
export {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadDefaultTrustedRoot,
  loadTrustedRoot,
  loadTrustedRootFile,
  mergeTrustedRoots,
  parseTrustedRoot
};
