import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-4RNTWUGQ.js";
import "./chunk-LQ6OYIA6.js";
import "./chunk-3RO4P3QU.js";
import "./chunk-PTYAC4AA.js";
import "./chunk-TQNNSUJT.js";
import "./chunk-N3KQGJVS.js";
import "./chunk-FZHOXW7V.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-OM6KMUFD.js";
import "./chunk-X6ZNLF55.js";
import "./chunk-S7E4F2WR.js";
import "./chunk-FETSGT4O.js";
import "./chunk-TI6GVPHC.js";
import "./chunk-2W6K4FW3.js";
import "./chunk-ERNWVJRV.js";
import "./chunk-P4TSECCU.js";
import "./chunk-M6ACESL2.js";
import "./chunk-SJOLJ5TF.js";
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
