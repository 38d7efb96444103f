import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-WKXXTY3C.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-COPLKY7P.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
