import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  run
} from "../chunks/chunk-5COQV6AQ.js";
import "../chunks/chunk-3XV4SCCJ.js";
import "../chunks/chunk-IXOSLNXJ.js";
import "../chunks/chunk-QNKJSCO2.js";
import "../chunks/chunk-XI5UBSFP.js";
import "../chunks/chunk-E2LCQPL3.js";
import "../chunks/chunk-WSNV27UL.js";
import "../chunks/chunk-YQE4J5OP.js";
import "../chunks/chunk-G46EYJYA.js";
import "../chunks/chunk-IM7BOTGG.js";
import "../chunks/chunk-QBBW7JKU.js";
import "../chunks/chunk-IYSVIPOP.js";
import "../chunks/chunk-5ULCEYWG.js";
import "../chunks/chunk-GVTCPM22.js";
import "../chunks/chunk-NMF5PPW7.js";
import "../chunks/chunk-V5KCH6HQ.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-EJITM6IO.js";
import "../chunks/chunk-HRW4MM62.js";
import "../chunks/chunk-JWCK4D2M.js";

// src/actions/verify/index.ts
await run();
