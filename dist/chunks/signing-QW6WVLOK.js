import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-PWVK5PQH.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-APYKEJN7.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
