import {
  contractSources,
  sealedContractBeside
} from "./chunk-HN5UUODG.js";
import "./chunk-3YFZCNL7.js";
import "./chunk-3SIUIOKX.js";
import "./chunk-XINIYFXU.js";
import "./chunk-ZW4UYZU2.js";
import "./chunk-KHX3GFAB.js";
import "./chunk-VDXBQI7Y.js";
import "./chunk-3FEAGG5X.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-APYKEJN7.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  contractSources,
  sealedContractBeside
};
