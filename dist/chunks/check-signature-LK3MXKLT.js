import {
  checkCandidates,
  checkSignature
} from "./chunk-YTCOVEF4.js";
import "./chunk-KZ7TV7SH.js";
import "./chunk-SBOSK4KP.js";
import "./chunk-6PZHAYEF.js";
import "./chunk-F75DW5YE.js";
import "./chunk-4GTZCDOY.js";
import "./chunk-WJZVNM7J.js";
import "./chunk-63CAP7ZS.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-TWYGITXG.js";
import "./chunk-FT4RGV3V.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-MDKUXBYO.js";
import "./chunk-QAD55PFD.js";
import "./chunk-COPLKY7P.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  checkCandidates,
  checkSignature
};
