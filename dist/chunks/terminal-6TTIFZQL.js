import {
  jsonTerminal,
  printJson,
  printWarning,
  processTerminal
} from "./chunk-D5ZL2ZY2.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";
export {
  jsonTerminal,
  printJson,
  printWarning,
  processTerminal
};
