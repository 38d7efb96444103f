
// src/core/contract/change.ts
var SEVERITIES = ["breaking", "dangerous", "compatible"];
function compareChanges(a, b) {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.operation ?? "").localeCompare(b.operation ?? "") || a.location.localeCompare(b.location) || a.rule.localeCompare(b.rule);
}

export {
  SEVERITIES,
  compareChanges
};
