import {
  classifyContracts
} from "./chunk-IPBT3SXX.js";
import "./chunk-26HFV435.js";
import "./chunk-ZQCOR5YJ.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-D7YZTDF5.js";
import "./chunk-Z3FWL5EN.js";
import "./chunk-T347KYC5.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
