import {
  commitUrl,
  runUrl
} from "./chunk-NID24HAP.js";

// src/report/seal-report.ts
function provenanceLinks(build) {
  if (build.kind !== "workflow") return { commit: null, run: null };
  const b = build.build;
  return {
    commit: { label: b.sha.slice(0, 7), url: commitUrl(b), ref: b.ref },
    run: { label: `${b.workflowRef.split("@")[0]?.split("/").pop() ?? "workflow"} run ${b.runId} (attempt ${b.runAttempt})`, url: runUrl(b) }
  };
}
function verifySnippet(report) {
  const lines = [
    `# ${report.jobId}: expose the digest to later jobs`,
    "outputs:",
    `  digest: \${{ steps.${report.stepId}.outputs.digest }}`,
    "",
    "# a later job, before it deploys",
    `needs: ${report.jobId}`,
    "steps:",
    `  - uses: ${report.verifyAction}`,
    "    with:"
  ];
  const subjectPath = report.verifySubjectPath;
  if (subjectPath !== null && subjectPath.includes("\n")) {
    lines.push("      subject-path: |", ...subjectPath.split("\n").map((line) => `        ${line}`));
  } else if (subjectPath !== null) {
    lines.push(`      subject-path: ${subjectPath}`);
  }
  lines.push(`      expected-digest: \${{ needs.${report.jobId}.outputs.digest }}`);
  return lines.join("\n");
}

export {
  provenanceLinks,
  verifySnippet
};
