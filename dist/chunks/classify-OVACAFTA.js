import {
  classifyContracts
} from "./chunk-IPPFJG7D.js";
import "./chunk-26HFV435.js";
import "./chunk-RW4NSDQG.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-44GBISK2.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
