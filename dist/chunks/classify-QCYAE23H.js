import {
  classifyContracts
} from "./chunk-RSDFLOK3.js";
import "./chunk-26HFV435.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-FAC5P5WZ.js";
import "./chunk-T347KYC5.js";
import "./chunk-WHHTSQ7G.js";
import "./chunk-SWPOQELI.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
