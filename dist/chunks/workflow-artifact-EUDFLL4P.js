import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-67UIB4W2.js";
import "./chunk-WME3HOLL.js";
import "./chunk-PVRTSW3S.js";
import "./chunk-EHHOT7LS.js";
import "./chunk-PAKV43J5.js";
import "./chunk-U3MNKAEA.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-MQKQALL5.js";
import "./chunk-VBR4O5EM.js";
import "./chunk-G53TYASR.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-EWOWW24O.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
