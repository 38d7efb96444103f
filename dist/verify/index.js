
// stand-in:src/actions/verify/run.ts
import { m3$mismatchOutput, m3$run } from "./index-core.js";

// src/actions/verify/index.ts
await m3$run();
