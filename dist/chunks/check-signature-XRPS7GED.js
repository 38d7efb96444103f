import {
  checkCandidates,
  checkSignature
} from "./chunk-PPSUEGXF.js";
import "./chunk-DWTAKFED.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-UWWVOTVS.js";
import "./chunk-F2BVRYLM.js";
import "./chunk-ENV3ZB4G.js";
import "./chunk-YUA324DC.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-KHX3GFAB.js";
import "./chunk-ZW4UYZU2.js";
import "./chunk-VDXBQI7Y.js";
import "./chunk-3FEAGG5X.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-APYKEJN7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
