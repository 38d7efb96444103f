import {
  processTerminal
} from "./chunk-BGXFIADR.js";
import "./chunk-ULEFO6FB.js";
export {
  processTerminal
};
