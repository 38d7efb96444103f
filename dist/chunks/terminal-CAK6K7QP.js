import {
  processTerminal
} from "./chunk-FIGFNOIR.js";
import "./chunk-ULEFO6FB.js";
export {
  processTerminal
};
