import {
  contractSources,
  sealedContractBeside
} from "./chunk-GZMRE3SP.js";
import "./chunk-K3IZMVEC.js";
import "./chunk-CWA6M6KI.js";
import "./chunk-44U5ZU6J.js";
import "./chunk-BGSBM53Y.js";
import "./chunk-NCAZBD72.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-LHN6YNIO.js";
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
