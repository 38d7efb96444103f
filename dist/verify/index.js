import {
  run
} from "../chunks/chunk-6CCPM4N4.js";
import "../chunks/chunk-N23RTFQ6.js";
import "../chunks/chunk-LFYFGPMI.js";
import "../chunks/chunk-342Q3T45.js";
import "../chunks/chunk-NVACJPZY.js";
import "../chunks/chunk-JVZDWJ74.js";
import "../chunks/chunk-KIX3PTMG.js";
import "../chunks/chunk-PZ63W7EF.js";
import "../chunks/chunk-ZKPFZ6OV.js";
import "../chunks/chunk-T6LU5YRH.js";
import "../chunks/chunk-5PWKKN77.js";
import "../chunks/chunk-AOQAK625.js";
import "../chunks/chunk-KBCO63BF.js";
import "../chunks/chunk-WOEF7BS6.js";
import "../chunks/chunk-JQN5ZRY2.js";
import "../chunks/chunk-WHO5DA4Z.js";
import "../chunks/chunk-5O3ZRBRA.js";
import "../chunks/chunk-Y26XYTCZ.js";
import "../chunks/chunk-IVGQQWRF.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-6BKEXAWG.js";
import "../chunks/chunk-7WIOIR7E.js";
import "../chunks/chunk-TST44RD6.js";
import "../chunks/chunk-MQKQALL5.js";
import "../chunks/chunk-5E6I27RW.js";
import "../chunks/chunk-LM3HRDQW.js";
import "../chunks/chunk-EWOWW24O.js";

// src/actions/verify/index.ts
await run();
