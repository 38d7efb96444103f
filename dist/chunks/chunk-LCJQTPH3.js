import {
  formatBytes,
  formatNumber
} from "./chunk-HCENANLJ.js";

// src/report/progress.ts
function describeProgress(p) {
  const files = p.filesTotal > 1 ? `${formatNumber(p.filesDone)} of ${formatNumber(p.filesTotal)} files, ` : "";
  return `Hashing: ${files}${formatBytes(p.bytesDone)} read`;
}

export {
  describeProgress
};
