import {
  TRUSTED_ROOT_INPUT,
  TRUSTED_ROOT_MEDIA_TYPE,
  loadDefaultTrustedRoot,
  loadTrustedRoot,
  loadTrustedRootFile,
  mergeTrustedRoots,
  parseTrustedRoot
} from "./chunk-DXBPVE7M.js";
import "./chunk-7NT7Q6V2.js";
import "./chunk-BPDNE36K.js";
import "./chunk-KQET6ZTM.js";
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
