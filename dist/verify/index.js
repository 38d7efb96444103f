
// stand-in:src/actions/runner-io.ts
import { m2$debug, m2$endGroup, m2$endStep, m2$error, m2$getInput, m2$getState, m2$group, m2$info, m2$notice, m2$runnerLog, m2$saveState, m2$setFailed, m2$setOutput, m2$startGroup, m2$summary, m2$warning } from "./index-core.js";

// stand-in:src/actions/verify/run.ts
import { m4$mismatchOutput, m4$run } from "./index-core.js";

// src/actions/verify/index.ts
await m4$run();
await m2$endStep();
