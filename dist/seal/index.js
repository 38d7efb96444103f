
// stand-in:src/actions/seal/run.ts
import { m2$defaultArtifactName, m2$run } from "./index-core.js";

// src/actions/seal/index.ts
await m2$run();
