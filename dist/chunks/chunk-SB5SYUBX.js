import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  formatBytes
} from "./chunk-IM7BOTGG.js";

// src/report/progress.ts
function describeProgress(p) {
  const files = p.filesTotal > 1 ? `${p.filesDone.toLocaleString("en-US")} of ${p.filesTotal.toLocaleString("en-US")} files, ` : "";
  return `Hashing: ${files}${formatBytes(p.bytesDone)} read`;
}

export {
  describeProgress
};
