import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  run
} from "../chunks/chunk-LQG54OFG.js";
import "../chunks/chunk-K555N4ZU.js";
import "../chunks/chunk-GKGJZLVC.js";
import "../chunks/chunk-UHBADOCU.js";
import "../chunks/chunk-EENL6I3J.js";
import "../chunks/chunk-CGFPPJGX.js";
import "../chunks/chunk-GXHRR5YT.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-X5BDILQA.js";
import "../chunks/chunk-MIE26SZL.js";

// src/actions/verify/index.ts
await run();
