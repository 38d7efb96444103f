import {
  commitUrl,
  runUrl
} from "./chunk-2YME2WUQ.js";

// src/report/seal-report.ts
function provenanceLinks(build) {
  if (build.kind !== "workflow") return { commit: null, run: null };
  const b = build.build;
  return {
    commit: { label: b.sha.slice(0, 7), url: commitUrl(b), ref: b.ref },
    run: { label: `${b.workflowRef.split("@")[0]?.split("/").pop() ?? "workflow"} run ${b.runId} (attempt ${b.runAttempt})`, url: runUrl(b) }
  };
}

export {
  provenanceLinks
};
