import {
  formatBytes,
  formatNumber
} from "./chunk-HCENANLJ.js";

// src/core/subject/patterns.ts
function parseSubjectPatterns(value) {
  const include = [];
  const exclude = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    for (const part of line.split(",")) {
      const pattern = part.trim();
      if (pattern === "") continue;
      if (pattern.startsWith("!")) {
        const negated = pattern.slice(1).trim();
        if (negated !== "") exclude.push(negated);
      } else {
        include.push(pattern);
      }
    }
  }
  return { include, exclude };
}

// src/report/progress.ts
function describeProgress(p) {
  const files = p.filesTotal > 1 ? `${formatNumber(p.filesDone)} of ${formatNumber(p.filesTotal)} files, ` : "";
  return `Hashing: ${files}${formatBytes(p.bytesDone)} read`;
}

export {
  parseSubjectPatterns,
  describeProgress
};
