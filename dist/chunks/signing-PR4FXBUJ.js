import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-USEFAYDJ.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
