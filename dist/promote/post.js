
// stand-in:src/actions/runner-io.ts
import { m2$debug, m2$endGroup, m2$endStep, m2$error, m2$getInput, m2$getState, m2$group, m2$info, m2$notice, m2$runnerLog, m2$saveState, m2$setFailed, m2$setOutput, m2$startGroup, m2$summary, m2$warning } from "./post-core.js";

// stand-in:src/actions/promote/post.ts
import { m0$post } from "./post-core.js";

// src/actions/promote/post-index.ts
await m0$post();
await m2$endStep();
