import {
  classifyContracts
} from "./chunk-76RLE2U7.js";
import "./chunk-26HFV435.js";
import "./chunk-E4542APS.js";
import "./chunk-APYKEJN7.js";
import "./chunk-D7YZTDF5.js";
import "./chunk-Z3FWL5EN.js";
import "./chunk-T347KYC5.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
