import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-XQ4AZHVV.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-QK67C7QN.js";
import "./chunk-COPLKY7P.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
