
// stand-in:src/actions/runner-io.ts
import { m3$debug, m3$endGroup, m3$endStep, m3$error, m3$getInput, m3$getState, m3$group, m3$info, m3$notice, m3$runnerLog, m3$saveState, m3$setFailed, m3$setOutput, m3$startGroup, m3$summary, m3$warning } from "./index-core.js";

// stand-in:src/actions/seal/run.ts
import { m4$artifactUrl, m4$defaultArtifactName, m4$run } from "./index-core.js";

// src/actions/seal/index.ts
await m4$run();
await m3$endStep();
