import {
  jsonTerminal,
  printJson,
  processTerminal
} from "./chunk-3WEHOHFK.js";
import "./chunk-ULEFO6FB.js";
export {
  jsonTerminal,
  printJson,
  processTerminal
};
