import {
  contractSources,
  sealedContractBeside
} from "./chunk-BWWEPLRU.js";
import "./chunk-IGYYOMVJ.js";
import "./chunk-TCEWC7VX.js";
import "./chunk-RW4NSDQG.js";
import "./chunk-JPYWA7SW.js";
import "./chunk-YOF4W5VX.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-OTNJMBZK.js";
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
