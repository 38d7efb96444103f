import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-HGJRWFY7.js";
import "./chunk-4SWR2ELQ.js";
import "./chunk-YRH2D4SO.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-3JTU4L5I.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-OM6KMUFD.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-TI6GVPHC.js";
import "./chunk-2W6K4FW3.js";
import "./chunk-DVI5PLAP.js";
import "./chunk-P4TSECCU.js";
import "./chunk-M6ACESL2.js";
import "./chunk-AVGSY6YS.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
