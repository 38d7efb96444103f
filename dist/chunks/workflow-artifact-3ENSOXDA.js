import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-5OURARAF.js";
import "./chunk-YMITFMHC.js";
import "./chunk-CGFPPJGX.js";
import "./chunk-GXHRR5YT.js";
import "./chunk-VRXBNKJF.js";
import "./chunk-X5BDILQA.js";
import "./chunk-MIE26SZL.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
