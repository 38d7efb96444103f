import {
  contractSources,
  sealedContractBeside
} from "./chunk-UWYSRMQT.js";
import "./chunk-5XL2MUZE.js";
import "./chunk-YJ6Y4FXM.js";
import "./chunk-REHXJIAK.js";
import "./chunk-H65UCF2F.js";
import "./chunk-2PAPLS2T.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-ELDMBS62.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-6ESBXOH6.js";
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
