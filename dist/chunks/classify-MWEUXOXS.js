import {
  classifyContracts
} from "./chunk-UOV3WIT2.js";
import "./chunk-26HFV435.js";
import "./chunk-44U5ZU6J.js";
import "./chunk-COPLKY7P.js";
import "./chunk-2U5KUBRC.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
