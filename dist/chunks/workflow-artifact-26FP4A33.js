import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-3G4PFJEW.js";
import "./chunk-DHRHR7WD.js";
import "./chunk-PF27FY5P.js";
import "./chunk-LYSN4LFY.js";
import "./chunk-3BNILISX.js";
import "./chunk-BXUFWVSN.js";
import "./chunk-4WMSIVT4.js";
import "./chunk-3JZVAEQI.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-WISAU6C5.js";
import "./chunk-C7O7QJOZ.js";
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
