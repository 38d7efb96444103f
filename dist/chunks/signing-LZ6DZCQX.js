import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-3A5KCLP4.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-EWOWW24O.js";
export {
  prepareSigning,
  withSigningWorkflow
};
