import {
  plain
} from "./chunk-7BLIV633.js";

// src/report/mismatch-text.ts
var LABEL = {
  changed: "changed",
  missing: "missing",
  added: "added  ",
  mode: "mode   "
};
function mismatchLines(mismatches, paint = plain) {
  const lines = [];
  for (const m of mismatches) {
    lines.push(`  ${paint(m.kind === "added" ? "warn" : "bad", LABEL[m.kind])}  ${m.path}`);
    if (m.kind === "changed" || m.kind === "mode")
      lines.push(`             sealed ${m.expected}`, `             now    ${m.actual}`);
  }
  return lines;
}

export {
  mismatchLines
};
