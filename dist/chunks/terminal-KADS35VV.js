import {
  processTerminal
} from "./chunk-6XLAPEGU.js";
import "./chunk-EWOWW24O.js";
export {
  processTerminal
};
