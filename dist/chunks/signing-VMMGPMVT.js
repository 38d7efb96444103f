import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-GCQ2FGNT.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-5B26CPAT.js";
import "./chunk-COPLKY7P.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
