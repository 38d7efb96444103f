import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  run
} from "../chunks/chunk-PRUF6LX3.js";
import "../chunks/chunk-ZE6JGXM3.js";
import "../chunks/chunk-ZLGW7ZI3.js";
import "../chunks/chunk-NVACJPZY.js";
import "../chunks/chunk-EXUFTQFU.js";
import "../chunks/chunk-SB5SYUBX.js";
import "../chunks/chunk-IM7BOTGG.js";
import "../chunks/chunk-AJ3FXXKA.js";
import "../chunks/chunk-JQN5ZRY2.js";
import "../chunks/chunk-JY4GFFAA.js";
import "../chunks/chunk-DIOQ6AAJ.js";
import "../chunks/chunk-34UHYZP7.js";
import "../chunks/chunk-F2S7RG6J.js";
import "../chunks/chunk-G46EYJYA.js";
import "../chunks/chunk-QBBW7JKU.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-JNKVE2JS.js";
import "../chunks/chunk-4VJWAQ33.js";
import "../chunks/chunk-3CR25UGK.js";
import "../chunks/chunk-ZF2UFZB3.js";
import "../chunks/chunk-PZ63W7EF.js";
import "../chunks/chunk-A66XVOGK.js";
import "../chunks/chunk-S7RBMPPZ.js";
import "../chunks/chunk-MQKQALL5.js";
import "../chunks/chunk-LM3HRDQW.js";
import "../chunks/chunk-DWPQK6M2.js";

// src/actions/verify/index.ts
await run();
