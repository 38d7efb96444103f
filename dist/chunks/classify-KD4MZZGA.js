import {
  classifyContracts
} from "./chunk-E62Y7L4Q.js";
import "./chunk-26HFV435.js";
import "./chunk-REHXJIAK.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-44GBISK2.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
