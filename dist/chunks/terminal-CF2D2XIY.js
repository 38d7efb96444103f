import {
  jsonTerminal,
  printJson,
  printWarning,
  processTerminal
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";
export {
  jsonTerminal,
  printJson,
  printWarning,
  processTerminal
};
