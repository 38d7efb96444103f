import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-F2TO3XK7.js";
import "./chunk-KQET6ZTM.js";
import "./chunk-EWOWW24O.js";
export {
  prepareSigning,
  withSigningWorkflow
};
