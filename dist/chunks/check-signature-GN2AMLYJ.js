import {
  checkCandidates,
  checkSignature
} from "./chunk-6662LJYM.js";
import "./chunk-UMI4XHRI.js";
import "./chunk-QR2GY7O4.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-QFGOHKHB.js";
import "./chunk-55Z2MEAT.js";
import "./chunk-UTLXGATQ.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-YAETFVKN.js";
import "./chunk-CWKG2XHF.js";
import "./chunk-VDXBQI7Y.js";
import "./chunk-USBUUDVS.js";
import "./chunk-U5VE7L4O.js";
import "./chunk-COPLKY7P.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
