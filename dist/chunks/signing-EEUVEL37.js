import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-OW5O2AUX.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-QK67C7QN.js";
import "./chunk-COPLKY7P.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
