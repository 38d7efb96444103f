import {
  classifyContracts
} from "./chunk-ISSCZFOK.js";
import "./chunk-26HFV435.js";
import "./chunk-7V7DJEZ4.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-32ZY7LDN.js";
import "./chunk-PK6RSM65.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
