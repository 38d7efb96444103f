import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  run
} from "../chunks/chunk-CE4XQXDH.js";
import "../chunks/chunk-L337EJKP.js";
import "../chunks/chunk-OWHOXF4U.js";
import "../chunks/chunk-NVACJPZY.js";
import "../chunks/chunk-XZP3SJIE.js";
import "../chunks/chunk-SB5SYUBX.js";
import "../chunks/chunk-IM7BOTGG.js";
import "../chunks/chunk-MNUCHRYH.js";
import "../chunks/chunk-JQN5ZRY2.js";
import "../chunks/chunk-FLZVA44N.js";
import "../chunks/chunk-RCZIEALY.js";
import "../chunks/chunk-34UHYZP7.js";
import "../chunks/chunk-F2S7RG6J.js";
import "../chunks/chunk-G46EYJYA.js";
import "../chunks/chunk-QBBW7JKU.js";
import "../chunks/chunk-BE6JHZ3P.js";
import "../chunks/chunk-ZEIFKGXQ.js";
import "../chunks/chunk-37ZI6LGB.js";
import "../chunks/chunk-3CR25UGK.js";
import "../chunks/chunk-TXKGNR4J.js";
import "../chunks/chunk-PZ63W7EF.js";
import "../chunks/chunk-A66XVOGK.js";
import "../chunks/chunk-S7RBMPPZ.js";
import "../chunks/chunk-MQKQALL5.js";
import "../chunks/chunk-LM3HRDQW.js";
import "../chunks/chunk-DWPQK6M2.js";

// src/actions/verify/index.ts
await run();
