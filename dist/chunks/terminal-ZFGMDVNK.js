import {
  jsonTerminal,
  printJson,
  processTerminal
} from "./chunk-LXEPJ5JX.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";
export {
  jsonTerminal,
  printJson,
  processTerminal
};
