import {
  classifyContracts
} from "./chunk-ZPWASOTW.js";
import "./chunk-26HFV435.js";
import "./chunk-Q46E44F5.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-D7YZTDF5.js";
import "./chunk-T347KYC5.js";
import "./chunk-KTVEUXKI.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
