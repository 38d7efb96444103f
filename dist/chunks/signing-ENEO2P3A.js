import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-4IJ26T4C.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-EWOWW24O.js";
export {
  prepareSigning,
  withSigningWorkflow
};
