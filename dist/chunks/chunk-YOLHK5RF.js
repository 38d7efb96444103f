import {
  serviceOf
} from "./chunk-7EN7PEUO.js";

// src/core/observe/drift-state.ts
async function driftStateOf(newestFirst, service) {
  let since = null;
  let last = null;
  for await (const entry of newestFirst) {
    if (serviceOf(entry) !== service) continue;
    const telling = entry.outcome === "acknowledged" || entry.outcome === "observed" && entry.observation?.verdict !== "unknown";
    if (!telling) continue;
    last ??= entry;
    if (entry.outcome === "observed" && entry.observation?.verdict === "drifted") since = entry;
    else break;
  }
  return since === null ? { drifted: false, since: null, last } : { drifted: true, since, last };
}

export {
  driftStateOf
};
