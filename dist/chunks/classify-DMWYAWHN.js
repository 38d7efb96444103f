import {
  classifyContracts
} from "./chunk-KBTT6JZK.js";
import "./chunk-26HFV435.js";
import "./chunk-Q46E44F5.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-TZ7PR6LR.js";
import "./chunk-T347KYC5.js";
import "./chunk-KTVEUXKI.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
