import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-XHYGHB2M.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-APYKEJN7.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
