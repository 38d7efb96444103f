import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-YHYLKOPV.js";
import "./chunk-YTMTULJH.js";
import "./chunk-IYMCHB3W.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-P2RVIIUY.js";
import "./chunk-SS67F62S.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-OJKZS7ZI.js";
import "./chunk-GYN5OOAK.js";
import "./chunk-7EPTETJS.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
