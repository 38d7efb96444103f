import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-INAMIVDA.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-5B26CPAT.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
