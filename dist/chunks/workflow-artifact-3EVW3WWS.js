import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-TSRKKFTD.js";
import "./chunk-WME3HOLL.js";
import "./chunk-PVRTSW3S.js";
import "./chunk-EHHOT7LS.js";
import "./chunk-PAKV43J5.js";
import "./chunk-U3MNKAEA.js";
import "./chunk-MKZ7O5YQ.js";
import "./chunk-WN5XRVDE.js";
import "./chunk-VBR4O5EM.js";
import "./chunk-G53TYASR.js";
import "./chunk-KQET6ZTM.js";
import "./chunk-EWOWW24O.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
