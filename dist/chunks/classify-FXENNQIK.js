import {
  classifyContracts
} from "./chunk-I4J4M474.js";
import "./chunk-26HFV435.js";
import "./chunk-YTM37TC3.js";
import "./chunk-COPLKY7P.js";
import "./chunk-32ZY7LDN.js";
import "./chunk-PK6RSM65.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
