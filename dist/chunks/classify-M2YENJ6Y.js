import {
  classifyContracts
} from "./chunk-A2W7N7EO.js";
import "./chunk-26HFV435.js";
import "./chunk-ZQCOR5YJ.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-6EFC5OOP.js";
import "./chunk-Z3FWL5EN.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
