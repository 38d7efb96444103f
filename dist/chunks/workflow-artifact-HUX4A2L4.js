import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-CGA27QI4.js";
import "./chunk-FWGFNTZR.js";
import "./chunk-J5PPZB62.js";
import "./chunk-VWIYIJTK.js";
import "./chunk-PKGN7LAX.js";
import "./chunk-APYKEJN7.js";
import "./chunk-2NC5VFQ3.js";
import "./chunk-LJAQU5JO.js";
import "./chunk-T347KYC5.js";
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
