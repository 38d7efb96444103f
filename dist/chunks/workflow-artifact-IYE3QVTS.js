import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-7BIR6O6R.js";
import "./chunk-FWGFNTZR.js";
import "./chunk-YM5JHFKJ.js";
import "./chunk-3FEAGG5X.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-APYKEJN7.js";
import "./chunk-UTL6W6EB.js";
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
