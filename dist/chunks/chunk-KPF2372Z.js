import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);

// src/report/promotion-report.ts
function headline(report) {
  const { decision, record } = report.result;
  const what = report.name ?? decision.digest ?? "the artifact";
  const recorded = record ? ` (record ${record.id})` : "";
  if (decision.mode === "rollback") {
    if (!decision.allowed) return `rollback of ${decision.environment} to ${what} refused`;
    if (report.dryRun) return `${decision.environment} may be rolled back to ${what} (dry run: nothing recorded)`;
    return `${decision.environment} rolled back to ${what}${recorded}`;
  }
  if (!decision.allowed) return `${what} refused for ${decision.environment}`;
  if (report.dryRun) return `${what} may be promoted to ${decision.environment} (dry run: nothing recorded)`;
  return `${what} promoted to ${decision.environment}${recorded}`;
}

export {
  headline
};
