import {
  classifyContracts
} from "./chunk-MY2ST6NP.js";
import "./chunk-26HFV435.js";
import "./chunk-Q46E44F5.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-FAC5P5WZ.js";
import "./chunk-T347KYC5.js";
import "./chunk-KTVEUXKI.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
