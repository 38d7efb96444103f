import {
  contractSources,
  sealedContractBeside
} from "./chunk-GNSMHSKU.js";
import "./chunk-TGLWPKQT.js";
import "./chunk-VQTMIAAQ.js";
import "./chunk-B4YBNBQH.js";
import "./chunk-YAETFVKN.js";
import "./chunk-CWKG2XHF.js";
import "./chunk-VDXBQI7Y.js";
import "./chunk-USBUUDVS.js";
import "./chunk-U5VE7L4O.js";
import "./chunk-COPLKY7P.js";
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
