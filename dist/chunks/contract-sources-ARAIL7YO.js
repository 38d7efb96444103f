import {
  contractSources,
  sealedContractBeside
} from "./chunk-L5RGIEW7.js";
import "./chunk-3COITM7H.js";
import "./chunk-JPWGE6FR.js";
import "./chunk-44U5ZU6J.js";
import "./chunk-EQVYSVNY.js";
import "./chunk-LGWJCIYU.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-43FNMZOV.js";
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
