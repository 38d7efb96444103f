import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-WCBGM3HH.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
