import {
  checkCandidates,
  checkSignature
} from "./chunk-VFYNTUDT.js";
import "./chunk-DWTAKFED.js";
import "./chunk-UWWVOTVS.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-YRVXUIDE.js";
import "./chunk-YUA324DC.js";
import "./chunk-ENV3ZB4G.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-ZW4UYZU2.js";
import "./chunk-KHX3GFAB.js";
import "./chunk-VDXBQI7Y.js";
import "./chunk-3FEAGG5X.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-APYKEJN7.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
