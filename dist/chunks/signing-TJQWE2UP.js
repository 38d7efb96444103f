import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-IRPWKOLF.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
