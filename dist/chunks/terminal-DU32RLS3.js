import {
  jsonTerminal,
  printJson,
  processTerminal
} from "./chunk-RVWLEMAR.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";
export {
  jsonTerminal,
  printJson,
  processTerminal
};
