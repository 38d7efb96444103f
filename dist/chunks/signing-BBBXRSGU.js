import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-HZOTCHD6.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-APYKEJN7.js";
import "./chunk-ULEFO6FB.js";
export {
  prepareSigning,
  withSigningWorkflow
};
