import {
  contractSources,
  sealedContractBeside
} from "./chunk-XIH3ZU6Q.js";
import "./chunk-OYSIQW5B.js";
import "./chunk-7FJYM27L.js";
import "./chunk-44U5ZU6J.js";
import "./chunk-TWYGITXG.js";
import "./chunk-YZFS75F2.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-MDKUXBYO.js";
import "./chunk-QAD55PFD.js";
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
