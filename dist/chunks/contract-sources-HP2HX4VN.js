import {
  contractSources,
  sealedContractBeside
} from "./chunk-GRA27GH2.js";
import "./chunk-X3E2GTG3.js";
import "./chunk-OPKIRI2Q.js";
import "./chunk-REHXJIAK.js";
import "./chunk-WRTZSFJI.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
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
