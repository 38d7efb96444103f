import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-UTD25WRJ.js";
import "./chunk-CNOZRPT7.js";
import "./chunk-NMF5PPW7.js";
import "./chunk-V5KCH6HQ.js";
import "./chunk-Y5DFTLWF.js";
import "./chunk-EJITM6IO.js";
import "./chunk-HRW4MM62.js";
import "./chunk-JWCK4D2M.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
