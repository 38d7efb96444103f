import {
  classifyContracts
} from "./chunk-34NK7GIZ.js";
import "./chunk-26HFV435.js";
import "./chunk-XINIYFXU.js";
import "./chunk-APYKEJN7.js";
import "./chunk-6EFC5OOP.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
