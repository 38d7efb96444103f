import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-U6HYERWB.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-COPLKY7P.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
