import {
  contractSources,
  sealedContractBeside
} from "./chunk-DA4IACMG.js";
import "./chunk-U5SYZCVY.js";
import "./chunk-QWQLLHPF.js";
import "./chunk-YTM37TC3.js";
import "./chunk-TWYGITXG.js";
import "./chunk-FT4RGV3V.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-MDKUXBYO.js";
import "./chunk-QAD55PFD.js";
import "./chunk-COPLKY7P.js";
import "./chunk-PK6RSM65.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  contractSources,
  sealedContractBeside
};
