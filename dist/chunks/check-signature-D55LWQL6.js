import {
  checkCandidates,
  checkSignature
} from "./chunk-JFZFYHWY.js";
import "./chunk-DWTAKFED.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-BVTQKXKI.js";
import "./chunk-ENV3ZB4G.js";
import "./chunk-Q7VPIQTJ.js";
import "./chunk-YUA324DC.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-KHX3GFAB.js";
import "./chunk-C5FJLWC7.js";
import "./chunk-3FEAGG5X.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-APYKEJN7.js";
import "./chunk-VF62UBY7.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
