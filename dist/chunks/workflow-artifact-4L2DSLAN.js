import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
} from "./chunk-JMOUWC6P.js";
import "./chunk-DATDOWA6.js";
import "./chunk-OPZ2VPH4.js";
import "./chunk-PZ63W7EF.js";
import "./chunk-A66XVOGK.js";
import "./chunk-S7RBMPPZ.js";
import "./chunk-MQKQALL5.js";
import "./chunk-LM3HRDQW.js";
import "./chunk-DWPQK6M2.js";
export {
  ARTIFACT_FILES_DIR,
  ARTIFACT_INPUTS,
  ARTIFACT_SEAL_DIR,
  WorkflowArtifactStore
};
