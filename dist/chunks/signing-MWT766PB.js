import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-6JMP4UN3.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
