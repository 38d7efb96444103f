import {
  contractSources,
  sealedContractBeside
} from "./chunk-LCAL3APD.js";
import "./chunk-HHBBVCRV.js";
import "./chunk-GBOWFG5I.js";
import "./chunk-7V7DJEZ4.js";
import "./chunk-H65UCF2F.js";
import "./chunk-2PAPLS2T.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-ELDMBS62.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-C7O7QJOZ.js";
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
