import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-WWGLNTDK.js";
import "./chunk-TEY7HH54.js";
import "./chunk-2IPHZRVM.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-SS67F62S.js";
import "./chunk-GYN5OOAK.js";
import "./chunk-7EPTETJS.js";
import "./chunk-ULEFO6FB.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
