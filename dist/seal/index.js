
// stand-in:src/actions/runner-io.ts
import { m2$debug, m2$endGroup, m2$endStep, m2$error, m2$getInput, m2$getState, m2$group, m2$info, m2$notice, m2$runnerLog, m2$saveState, m2$setFailed, m2$setOutput, m2$startGroup, m2$summary, m2$warning } from "./index-core.js";

// stand-in:src/actions/seal/run.ts
import { m3$artifactUrl, m3$defaultArtifactName, m3$run } from "./index-core.js";

// src/actions/seal/index.ts
await m3$run();
await m2$endStep();
