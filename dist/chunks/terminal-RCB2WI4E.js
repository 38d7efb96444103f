import {
  jsonTerminal,
  printJson,
  processTerminal
} from "./chunk-JI77IJGS.js";
import "./chunk-ULEFO6FB.js";
export {
  jsonTerminal,
  printJson,
  processTerminal
};
