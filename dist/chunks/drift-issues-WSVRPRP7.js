import "./chunk-ULEFO6FB.js";

// src/app/observe/drift-issues.ts
var DRIFT_LABEL = "artifact-seal-drift";
function driftMarker(o) {
  return `<!-- artifact-seal drift ${JSON.stringify([o.environment, o.service]).replace(/--/g, "-\\u002d")} -->`;
}
async function syncDriftIssues(report, issues, text) {
  const open = await issues.open(DRIFT_LABEL);
  const done = [];
  for (const o of report.environments) {
    const marker = driftMarker(o);
    const existing = open.find((i) => i.body.includes(marker));
    const act = (issue, action) => void done.push({
      environment: o.environment,
      service: o.service,
      issue: issue.number,
      url: issue.url,
      action
    });
    if (o.verdict === "drifted") {
      const { title, body } = text(o);
      const full = `${marker}
${body}`;
      if (existing === void 0) {
        const made = await issues.create(title, full, DRIFT_LABEL, marker);
        const first = (await issues.open(DRIFT_LABEL)).filter((i) => i.body.includes(marker)).sort((a, b) => a.number - b.number)[0];
        if (first !== void 0 && first.number < made.number) {
          await issues.comment(
            made.number,
            `Opened at the same time as #${first.number}, which tracks this drift.`
          );
          await issues.update(made.number, { state: "closed", reason: "not_planned" });
        } else {
          act(made, "opened");
        }
      } else if (existing.body !== full)
        act(await issues.update(existing.number, { body: full }), "updated");
    } else if (o.verdict === "matches" && existing !== void 0) {
      await issues.comment(existing.number, text(o).closing);
      act(await issues.update(existing.number, { state: "closed" }), "closed");
    }
  }
  return done;
}
export {
  DRIFT_LABEL,
  driftMarker,
  syncDriftIssues
};
