
// stand-in:src/actions/promote/post.ts
import { m0$post } from "./post-core.js";

// src/actions/promote/post-index.ts
await m0$post();
