import {
  processTerminal
} from "./chunk-4QOJDZIF.js";
import "./chunk-ULEFO6FB.js";
export {
  processTerminal
};
