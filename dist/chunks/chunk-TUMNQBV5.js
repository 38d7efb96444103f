import {
  SEVERITIES,
  compareChanges
} from "./chunk-26HFV435.js";

// src/core/contract/amendment.ts
function severityCounts(changes) {
  return SEVERITIES.map((severity) => `${countOf(changes, severity)} ${severity}`).join(", ");
}
function countOf(changes, severity) {
  return changes.filter((c) => c.severity === severity).length;
}
function summarizeAmendment(from, to, changes) {
  return {
    from,
    to,
    breaking: countOf(changes, "breaking"),
    dangerous: countOf(changes, "dangerous"),
    compatible: countOf(changes, "compatible"),
    rules: [...new Set([...changes].sort(compareChanges).map((c) => c.rule))]
  };
}
function versionStep(from, to) {
  const a = parseVersion(from);
  const b = parseVersion(to);
  if (a === null || b === null) return "not-semver";
  for (let i = 0; i < 3; i++) {
    const x = a[i];
    const y = b[i];
    if (y < x) return "down";
    if (y > x) {
      if (i === 0) return "major";
      if (i === 1) return a[0] === 0n ? "major" : "minor";
      return a[0] === 0n && a[1] === 0n ? "major" : "patch";
    }
  }
  return "same";
}
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function parseVersion(text) {
  const m = SEMVER.exec(text);
  if (m === null) return null;
  return [BigInt(m[1]), BigInt(m[2]), BigInt(m[3])];
}
function changesByOperation(changes) {
  const groups = /* @__PURE__ */ new Map();
  for (const change of [...changes].sort(compareChanges)) {
    const key = change.operation ?? change.file;
    const group = groups.get(key) ?? [];
    group.push(change);
    groups.set(key, group);
  }
  const worst = (list) => Math.min(...list.map((c) => SEVERITIES.indexOf(c.severity)));
  return [...groups.entries()].map(([operation, list]) => ({ operation, changes: list })).sort((x, y) => worst(x.changes) - worst(y.changes));
}

export {
  severityCounts,
  summarizeAmendment,
  versionStep,
  changesByOperation
};
