
// stand-in:src/actions/promote/run.ts
import { m1$run } from "./index-core.js";

// src/actions/promote/index.ts
await m1$run();
